import {
  type EnterpriseDetail,
  type EnterpriseStatus,
  enterpriseVerificationWorkflow,
  translate,
} from '@kechuang/domain';
import { Tag } from 'antd';
import { currentLanguage } from '../../app/i18n';

const STATUS_COLORS: Record<EnterpriseStatus, string> = {
  pending: 'processing',
  verified: 'success',
  returned: 'error',
};

export function statusLabel(status: string): string {
  const text = enterpriseVerificationWorkflow.states[status as EnterpriseStatus];
  return text ? translate(text, currentLanguage()) : status;
}

export function EnterpriseStatusTag({ status }: { status: string }) {
  return (
    <Tag color={STATUS_COLORS[status as EnterpriseStatus] ?? 'default'} data-testid="enterprise-status">
      {statusLabel(status)}
    </Tag>
  );
}

/** The opinion given with the latest return or revocation, shown to the enterprise. */
export function latestReturnReason(detail: EnterpriseDetail): string | null {
  const entry = [...detail.history]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .find((item) => item.toStatus === 'returned');
  return entry?.comment ?? null;
}
