import type { EnterpriseDetail } from '@kechuang/domain';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { latestReturnReason, statusLabel } from './enterprise-status';

/** Where the enterprise stands with the bureau: pending, returned (with the reason) or verified. */
export function EnterpriseStatusAlert({ detail }: { detail: EnterpriseDetail }) {
  const { t } = useTranslation();
  const status = detail.enterprise.status;
  const title = t('workbench.statusTitle', { status: statusLabel(status) });
  if (status === 'verified') {
    return (
      <Alert
        type="success"
        showIcon
        title={title}
        description={t('workbench.verifiedAlert')}
        data-testid="status-alert"
      />
    );
  }
  if (status === 'returned') {
    const reason = latestReturnReason(detail);
    return (
      <Alert
        type="error"
        showIcon
        title={title}
        data-testid="status-alert"
        description={
          <>
            <div>{t('workbench.returnedAlert')}</div>
            {reason && <div data-testid="return-reason">{t('workbench.returnReason', { reason })}</div>}
          </>
        }
      />
    );
  }
  return (
    <Alert
      type="info"
      showIcon
      title={title}
      description={t('workbench.pendingAlert')}
      data-testid="status-alert"
    />
  );
}
