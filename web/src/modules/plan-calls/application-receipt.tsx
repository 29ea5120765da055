import type { ApplicationReceipt } from '@kechuang/domain';
import { Alert, Button, Card, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from './plan-shared';

/** After 提交: the receipt number and time, the Word document, and warnings that did not block it. */
export function ApplicationReceiptView({
  id,
  receipt,
  warnings,
  onBack,
}: {
  id: number;
  receipt: ApplicationReceipt;
  warnings: { path: string; message: string }[];
  onBack: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card>
      <Result
        status="success"
        title={t('planCalls.submitted')}
        subTitle={
          <span data-testid="receipt">
            {t('planCalls.receiptText', {
              no: receipt.applicationNo,
              time: formatTime(receipt.submittedAt),
            })}
          </span>
        }
        extra={[
          <Button key="back" onClick={onBack}>
            {t('planCalls.viewApplication')}
          </Button>,
          <a key="word" href={`/api/plan/applications/${id}/document`}>
            <Button>{t('planCalls.downloadWord')}</Button>
          </a>,
        ]}
      >
        {warnings.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('planCalls.warnings')}
            description={
              <ul>
                {warnings.map((item) => (
                  <li key={item.path + item.message}>{item.message}</li>
                ))}
              </ul>
            }
          />
        )}
      </Result>
    </Card>
  );
}
