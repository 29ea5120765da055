import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { wan } from './contract-shared';
import type { TechContractPage } from './use-contracts';

/** The sums of every contract under the filters (not only the page shown), in 万元. */
export function ContractTotals({
  totals,
  total,
  showClaimed = false,
}: {
  totals?: TechContractPage['totals'];
  total?: number;
  showClaimed?: boolean;
}) {
  const { t } = useTranslation();
  if (!totals) return null;
  return (
    <Space size="large" style={{ marginBottom: 12 }} data-testid="contract-totals">
      <Typography.Text type="secondary">{t('common.total', { count: total ?? 0 })}</Typography.Text>
      <Typography.Text>
        {t('techTransfer.totalContract')}：<Typography.Text strong>{wan(totals.contractFen)}</Typography.Text>{' '}
        {t('techTransfer.wanYuan')}
      </Typography.Text>
      <Typography.Text>
        {t('techTransfer.totalTech')}：<Typography.Text strong>{wan(totals.techFen)}</Typography.Text>{' '}
        {t('techTransfer.wanYuan')}
      </Typography.Text>
      {showClaimed && (
        <Typography.Text>
          {t('techTransfer.totalClaimed')}：
          <Typography.Text strong>{wan(totals.claimedTechFen)}</Typography.Text> {t('techTransfer.wanYuan')}
        </Typography.Text>
      )}
    </Space>
  );
}
