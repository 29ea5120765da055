import type { Text } from '@kechuang/domain';
import { Tag } from 'antd';
import { currentLanguage } from '../../app/i18n';

/** 万元 with up to two decimals from 分. */
export function wan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return (fen / 1_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}

export const wanToFen = (value: number) => Math.round(value * 1_000_000);

export function textOf(text: Text): string {
  return currentLanguage() === 'en' ? text.en : text.zh;
}

const COLORS: Record<string, string> = {
  reviewed: 'blue',
  proposed: 'gold',
  approved: 'cyan',
  publicity: 'purple',
  established: 'green',
  notFunded: 'red',
  drafted: 'default',
  issued: 'blue',
  signedUploaded: 'gold',
  inForce: 'green',
  contracting: 'blue',
  inProgress: 'green',
};

export function StateTag({ state, label }: { state: string; label: Text }) {
  return (
    <Tag color={COLORS[state] ?? 'default'} data-testid={`state-${state}`}>
      {textOf(label)}
    </Tag>
  );
}
