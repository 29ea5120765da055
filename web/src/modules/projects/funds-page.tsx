import { DownloadOutlined } from '@ant-design/icons';
import type { FundYearTotal } from '@kechuang/domain';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { ListTable } from '../../app/list-page/list-table';
import { AwardsTab, CompensationTab } from './fund-record-tabs';
import { FUNDS_KEY } from './fund-records-tab';
import { wan } from './shared';

function TotalsTab() {
  const { t } = useTranslation();
  const totals = useQuery({
    queryKey: [...FUNDS_KEY, 'totals'],
    queryFn: () => api.get<{ items: FundYearTotal[] }>('/api/funds/yearly-totals'),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button icon={<DownloadOutlined />} href="/api/funds/yearly-totals/export" data-testid="funds-export">
        {t('plan.export')}
      </Button>
      <ListTable<FundYearTotal>
        rowKey="year"
        query={totals}
        pagination={false}
        columns={[
          { title: t('plan.year'), dataIndex: 'year', width: 80 },
          { title: t('plan.projectPayments'), dataIndex: 'projectPaymentsFen', render: wan },
          { title: t('plan.rdSubsidy'), dataIndex: 'rdSubsidyFen', render: wan },
          { title: t('plan.upgradeReward'), dataIndex: 'upgradeRewardFen', render: wan },
          { title: t('plan.otherAward'), dataIndex: 'otherAwardFen', render: wan },
          { title: t('plan.compensation'), dataIndex: 'riskCompensationFen', render: wan },
          {
            title: t('plan.fundsTotal'),
            dataIndex: 'totalFen',
            render: (fen: number) => <strong>{wan(fen)}</strong>,
          },
          { title: t('plan.loans'), dataIndex: 'loanFen', render: wan },
          { title: t('plan.loanEnterprises'), dataIndex: 'loanEnterpriseCount' },
        ]}
        data-testid="funds-totals"
      />
    </Space>
  );
}

/** 科技经费: yearly totals by kind (with export), subsidies and awards, and risk-compensation cases. */
export function FundsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const canWrite = user?.role === 'staff';
  return (
    <Card title={t('plan.menuFunds')}>
      <Tabs
        items={[
          { key: 'totals', label: t('plan.fundsTotals'), children: <TotalsTab /> },
          { key: 'awards', label: t('plan.awards'), children: <AwardsTab canWrite={canWrite} /> },
          {
            key: 'risk',
            label: t('plan.riskCompensation'),
            children: <CompensationTab canWrite={canWrite} />,
          },
        ]}
      />
    </Card>
  );
}
