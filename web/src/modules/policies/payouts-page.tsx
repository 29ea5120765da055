import {
  type Candidate,
  type CandidatePage,
  type ItemOption,
  type Payout,
  type PayoutPage,
  POLICY_PAYOUT_STATUSES,
  policyPayoutWorkflow,
  translate,
} from '@kechuang/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError, toQueryString } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { currentLanguage } from '../../app/i18n';
import { ExportButton } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { yearOptions } from '../../app/year-options';
import { ApplicationsCard } from './applications-card';
import { DueTag, PayoutDrawer } from './payout-drawer';
import { OUTCOME_COLORS, outcomeLabel, POLICIES_KEY, POLICIES_URL, wan } from './use-policies';

/**
 * 免申即享兑现: staff pick an item and a year, see the enterprises the data compares as qualifying
 * (with the reasons), tick them and confirm them into the payout list, which is exported to Excel.
 */
export function PayoutsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const { values, page, pageSize, update } = useUrlFilters(['itemId', 'year', 'status', 'open'] as const);
  const status = values.status || undefined;
  const openId = values.open ? Number(values.open) : null;
  const itemId = values.itemId ? Number(values.itemId) : undefined;
  const year = values.year ? Number(values.year) : new Date().getFullYear() - 1;
  const [selected, setSelected] = useState<number[]>([]);
  const items = useQuery({
    queryKey: [...POLICIES_KEY, 'items', 'no-application'],
    queryFn: () => api.get<{ items: ItemOption[] }>(`${POLICIES_URL}/items?fulfilMode=no-application`),
  });
  const candidates = useQuery({
    queryKey: [...POLICIES_KEY, 'candidates', itemId, year],
    queryFn: () =>
      api.get<CandidatePage>(
        `${POLICIES_URL}/items/${itemId}/candidates?year=${year}&outcome=eligible&pageSize=200`,
      ),
    enabled: itemId !== undefined,
  });
  const payoutQuery = { itemId, year, status, page, pageSize };
  const payouts = useQuery({
    queryKey: [...POLICIES_KEY, 'payouts', payoutQuery],
    queryFn: () => api.get<PayoutPage>(`${POLICIES_URL}/payouts${toQueryString(payoutQuery)}`),
    placeholderData: keepPreviousData,
  });
  const confirm = useMutation({
    mutationFn: () =>
      api.post<{ confirmed: number; totalFen: number }>(`${POLICIES_URL}/items/${itemId}/payouts`, {
        year,
        enterpriseIds: selected,
        confirmedOn: new Date().toISOString().slice(0, 10),
      }),
    onSuccess: () => {
      showSuccessMessage(t('common.done'));
      setSelected([]);
      void queryClient.invalidateQueries({ queryKey: [...POLICIES_KEY] });
    },
    onError: (error) => handleApiError(error, {}),
  });
  const push = useMutation({
    mutationFn: () => api.post<{ pushed: number }>(`${POLICIES_URL}/items/${itemId}/payouts/push`, { year }),
    onSuccess: (result) => {
      showSuccessMessage(t('policies.pushedCount', { count: result.pushed }));
      void queryClient.invalidateQueries({ queryKey: [...POLICIES_KEY] });
    },
    onError: (error) => handleApiError(error, {}),
  });

  const candidateColumns: TableProps<Candidate>['columns'] = [
    { title: t('policies.enterprise'), dataIndex: 'enterpriseName' },
    { title: t('policies.creditCode'), dataIndex: 'creditCode', width: 190 },
    { title: t('policies.street'), dataIndex: 'street', width: 110 },
    {
      title: t('policies.outcome'),
      dataIndex: 'outcome',
      width: 150,
      render: (outcome: Candidate['outcome'], row) =>
        row.payout ? (
          <Tag color="purple">{t('policies.onPayoutList')}</Tag>
        ) : (
          <Tag color={OUTCOME_COLORS[outcome]}>{outcomeLabel(outcome)}</Tag>
        ),
    },
    { title: t('policies.expectedAmount'), dataIndex: 'amountFen', width: 120, render: wan },
    { title: t('policies.reasons'), dataIndex: 'reasons', render: (reasons: string[]) => reasons.join('；') },
  ];
  const payoutColumns: TableProps<Payout>['columns'] = [
    { title: t('policies.enterprise'), dataIndex: 'enterpriseName' },
    { title: t('policies.itemTitle'), dataIndex: 'itemTitle', width: 200 },
    { title: t('policies.documentNo'), dataIndex: 'documentNo', width: 170 },
    { title: t('policies.expectedAmount'), dataIndex: 'amountFen', width: 120, render: wan },
    { title: t('policies.confirmedOn'), dataIndex: 'confirmedOn', width: 110 },
    {
      title: t('policies.payoutStatus'),
      dataIndex: 'statusLabel',
      width: 150,
      render: (label: string) => <Tag>{label}</Tag>,
    },
    { title: t('policies.dueOn'), key: 'due', width: 230, render: (_, row) => <DueTag payout={row} /> },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('policies.candidatesTitle')} data-testid="payout-candidates">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 420 }}
            placeholder={t('policies.chooseItem')}
            value={itemId}
            onChange={(value) => update({ itemId: value, page: 1 })}
            options={(items.data?.items ?? []).map((item) => ({
              value: item.id,
              label: `${item.title}（${item.documentNo}）`,
            }))}
            data-testid="payout-item"
          />
          <Select
            style={{ width: 110 }}
            value={year}
            onChange={(value) => update({ year: value, page: 1 })}
            options={yearOptions(2019)}
            data-testid="payout-year"
          />
          {user?.role === 'staff' && (
            <Button
              type="primary"
              disabled={selected.length === 0}
              loading={confirm.isPending}
              onClick={() => confirm.mutate()}
              data-testid="payout-confirm"
            >
              {t('policies.confirmPayouts', { count: selected.length })}
            </Button>
          )}
        </Space>
        <Table<Candidate>
          rowKey="enterpriseId"
          size="small"
          loading={candidates.isFetching}
          dataSource={candidates.data?.items ?? []}
          columns={candidateColumns}
          pagination={false}
          rowSelection={
            user?.role === 'staff'
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys as number[]),
                  getCheckboxProps: (row) => ({ disabled: row.payout !== null }),
                }
              : undefined
          }
          data-testid="candidate-table"
        />
      </Card>
      <Card
        title={t('policies.payoutsTitle')}
        extra={
          <Space>
            {payouts.data && (
              <Typography.Text data-testid="payout-total">
                {t('policies.payoutTotal', { count: payouts.data.total, amount: wan(payouts.data.totalFen) })}
              </Typography.Text>
            )}
            <Select
              allowClear
              style={{ width: 170 }}
              placeholder={t('policies.allPayoutStatuses')}
              value={status}
              onChange={(value) => update({ status: value, page: 1 })}
              options={POLICY_PAYOUT_STATUSES.map((value) => ({
                value,
                label: translate(policyPayoutWorkflow.states[value], currentLanguage()),
              }))}
              data-testid="payout-status-filter"
            />
            {user?.role === 'staff' && itemId !== undefined && (
              <Button loading={push.isPending} onClick={() => push.mutate()} data-testid="payout-push">
                {t('policies.pushListed')}
              </Button>
            )}
            <ExportButton
              href={`${POLICIES_URL}/payouts/export${toQueryString({ itemId, year })}`}
              testId="payout-export"
            />
          </Space>
        }
      >
        <ListTable<Payout>
          data-testid="payout-table"
          columns={payoutColumns}
          query={payouts}
          paging={{ page, pageSize, update }}
          onRow={(row) => ({ onClick: () => update({ open: row.id }), style: { cursor: 'pointer' } })}
        />
      </Card>
      <ApplicationsCard itemId={itemId} year={year} />
      <PayoutDrawer id={openId} onClose={() => update({ open: undefined })} />
    </Space>
  );
}
