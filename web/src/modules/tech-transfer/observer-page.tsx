import type { TechContract } from '@kechuang/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import { Button, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, handleApiError, toQueryString } from '../../app/api-client';
import { showSuccessMessage } from '../../app/feedback';
import { CountTabs, useTabCounts } from '../../app/list-page/count-tabs';
import { ExportButton, ListPage } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { ContractDrawer } from './contract-drawer';
import { ExemptionTag, wan } from './contract-shared';
import { ContractTotals } from './contract-totals';
import { KeywordYearBar } from './keyword-year-bar';
import {
  CONTRACTS_URL,
  contractsUrl,
  TECH_CONTRACTS_KEY,
  type TechContractSummary,
  useContractList,
} from './use-contracts';

/** 免税 views: every eligible contract, those claimed, and the eligible ones not claimed (potential). */
const TAB_KEYS = ['claimed', 'potential', 'eligible', 'all'] as const;
type TabKey = (typeof TAB_KEYS)[number];
const TAB_LABELS = {
  claimed: 'techTransfer.tabClaimed',
  potential: 'techTransfer.tabPotential',
  eligible: 'techTransfer.tabEligible',
  all: 'techTransfer.tabAllRegistered',
} as const;

function isTab(value: string | undefined): value is TabKey {
  return value !== undefined && (TAB_KEYS as readonly string[]).includes(value);
}

/** The finance/tax observer: registered contracts with their 免税 eligibility and claims; confirms a claim. */
export function ObserverContractsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values, page, pageSize, update } = useUrlFilters(['tab', 'keyword', 'year', 'open'] as const);
  const tab: TabKey = isTab(values.tab) ? values.tab : 'claimed';
  const filters = { keyword: values.keyword, year: values.year, status: 'registered' };
  const exemption = (key: TabKey) => (key === 'all' ? undefined : key);
  const list = useContractList({ ...filters, exemption: exemption(tab), page, pageSize });
  const counts = useTabCounts(TAB_KEYS, [...TECH_CONTRACTS_KEY, 'observer', filters], (key) =>
    contractsUrl({ ...filters, exemption: exemption(key), pageSize: 1 }),
  );
  const confirm = useMutation({
    mutationFn: (row: TechContractSummary) =>
      api.post<TechContract>(`${CONTRACTS_URL}/${row.id}/exemption-confirmation`, { version: row.version }),
    onSuccess: () => {
      showSuccessMessage(t('techTransfer.confirmedClaim'));
      void queryClient.invalidateQueries({ queryKey: TECH_CONTRACTS_KEY });
    },
    onError: (error) =>
      handleApiError(error, {
        onConflict: () => void queryClient.invalidateQueries({ queryKey: TECH_CONTRACTS_KEY }),
      }),
  });

  const columns: TableProps<TechContractSummary>['columns'] = [
    { title: t('techTransfer.registrationNo'), dataIndex: 'registrationNo', width: 150 },
    {
      title: t('techTransfer.title'),
      dataIndex: 'title',
      ellipsis: true,
      width: 260,
      render: (title: string, row) => (
        <Typography.Link onClick={() => update({ open: row.id })} data-testid={`contract-open-${row.id}`}>
          {title}
        </Typography.Link>
      ),
    },
    { title: t('techTransfer.seller'), dataIndex: 'sellerName', ellipsis: true, width: 180 },
    { title: t('techTransfer.sellerCreditCode'), dataIndex: 'sellerCreditCode', width: 190 },
    { title: t('techTransfer.category'), dataIndex: 'categoryLabel', width: 170 },
    { title: t('techTransfer.registeredOn'), dataIndex: 'registeredOn', width: 110 },
    {
      title: t('techTransfer.techWan'),
      dataIndex: 'techFen',
      width: 120,
      align: 'right',
      render: (fen: number) => wan(fen),
    },
    {
      title: t('techTransfer.exemption'),
      key: 'exemption',
      width: 170,
      render: (_value, row) => <ExemptionTag contract={row} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_value, row) =>
        row.exemptionClaimed && row.exemptionEligible && !row.exemptionConfirmedAt ? (
          <Popconfirm
            title={t('techTransfer.confirmClaimQuestion')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            okButtonProps={{ 'data-testid': `confirm-claim-ok-${row.id}` }}
            onConfirm={() => confirm.mutate(row)}
          >
            <Button type="link" size="small" data-testid={`confirm-claim-${row.id}`}>
              {t('techTransfer.confirmClaim')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <ListPage
      filters={<KeywordYearBar testId="observer-query" values={values} update={update} />}
      title={t('techTransfer.observerTitle')}
      actions={
        <ExportButton
          href={`${CONTRACTS_URL}/export${toQueryString({ ...filters, exemption: exemption(tab) })}`}
          testId="observer-export"
        />
      }
      overlays={
        <ContractDrawer id={Number(values.open) || null} onClose={() => update({ open: undefined })} />
      }
    >
      <CountTabs
        tabs={TAB_KEYS.map((key, index) => ({ key, label: t(TAB_LABELS[key]), count: counts[index] }))}
        activeKey={tab}
        onChange={(key) => update({ tab: key, page: 1 })}
        testIdPrefix="observer-tab"
      />
      <ContractTotals totals={list.data?.totals} total={list.data?.total} showClaimed />
      <ListTable<TechContractSummary>
        data-testid="observer-table"
        columns={columns}
        query={list}
        paging={{ page, pageSize, update }}
        scroll={{ x: 1500 }}
      />
    </ListPage>
  );
}
