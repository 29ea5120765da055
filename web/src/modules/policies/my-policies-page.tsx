import type { Payout, PayoutPage } from '@kechuang/domain';
import { useQuery } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import { Card, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { MatchesView } from './matches-view';
import { DueTag, PayoutDrawer } from './payout-drawer';
import { SubscriptionCard } from './subscription-card';
import { POLICIES_KEY, POLICIES_URL, wan } from './use-policies';

/**
 * 我可享受的政策: the enterprise's own match against every item in force, with the reasons, and its
 * payouts to confirm (bank account) or decline, with their time limits and payments.
 */
export function MyPoliciesPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const { values, update } = useUrlFilters(['open'] as const);
  const payouts = useQuery({
    queryKey: [...POLICIES_KEY, 'payouts', 'mine'],
    queryFn: () => api.get<PayoutPage>(`${POLICIES_URL}/payouts?pageSize=100`),
  });
  const columns: TableProps<Payout>['columns'] = [
    { title: t('policies.itemTitle'), dataIndex: 'itemTitle' },
    { title: t('policies.year'), dataIndex: 'year', width: 80 },
    { title: t('policies.expectedAmount'), dataIndex: 'amountFen', width: 120, render: wan },
    {
      title: t('policies.payoutStatus'),
      dataIndex: 'statusLabel',
      width: 160,
      render: (label: string) => <Tag>{label}</Tag>,
    },
    { title: t('policies.dueOn'), key: 'due', width: 230, render: (_, row) => <DueTag payout={row} /> },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {(payouts.data?.items.length ?? 0) > 0 && (
        <Card title={t('policies.myPayoutsTitle')} data-testid="my-payouts">
          <Table<Payout>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={payouts.data?.items ?? []}
            columns={columns}
            onRow={(row) => ({ onClick: () => update({ open: row.id }), style: { cursor: 'pointer' } })}
          />
        </Card>
      )}
      <Card title={t('policies.mineTitle')} data-testid="my-policies">
        <MatchesView enterpriseId={user?.enterpriseId ?? null} year={year} onYearChange={setYear} canApply />
      </Card>
      <SubscriptionCard />
      <PayoutDrawer
        id={values.open ? Number(values.open) : null}
        onClose={() => update({ open: undefined })}
      />
    </Space>
  );
}
