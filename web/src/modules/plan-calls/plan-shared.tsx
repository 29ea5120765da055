import {
  type PlanCall,
  type ProjectApplicationStatus,
  projectApplicationWorkflow,
  type Text,
  translate,
} from '@kechuang/domain';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { currentLanguage } from '../../app/i18n';

export const textIn = (text: Text) => translate(text, currentLanguage());

const STATUS_COLORS: Partial<Record<ProjectApplicationStatus, string>> = {
  draft: 'default',
  submitted: 'blue',
  returned: 'orange',
  checked: 'cyan',
  rejected: 'red',
  withdrawn: 'default',
  recommended: 'purple',
  grantedUpstream: 'green',
  notGrantedUpstream: 'volcano',
};

export function ApplicationStatusTag({ status }: { status: ProjectApplicationStatus }) {
  return (
    <Tag color={STATUS_COLORS[status] ?? 'geekblue'} data-testid={`application-status-${status}`}>
      {textIn(projectApplicationWorkflow.states[status])}
    </Tag>
  );
}

export const CALL_STATUS_COLORS: Record<PlanCall['status'], string> = {
  draft: 'default',
  published: 'green',
  closed: 'red',
};

export const formatTime = (value: string | null | undefined) =>
  value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—';

/** 分 to 万元 with up to six decimals, as the forms edit money. */
export const fenToWan = (fen: number) => fen / 1_000_000;
export const wanToFen = (wan: number | null | undefined) => Math.round((wan ?? 0) * 1_000_000);
export const formatWanYuan = (fen: number | null | undefined) =>
  fen === null || fen === undefined
    ? '—'
    : `${(fen / 1_000_000).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 万元`;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
