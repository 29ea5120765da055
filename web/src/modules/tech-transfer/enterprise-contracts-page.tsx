import { TECH_CONTRACT_STATUSES, type TechContractStatus, techContractWorkflow } from '@kechuang/domain';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { textIn } from '../../app/i18n';
import { CountTabs, useTabCounts } from '../../app/list-page/count-tabs';
import { AddButton, ListPage } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { ContractStatusTag, DaysLeft, ExemptionTag, wan } from './contract-shared';
import { ContractTotals } from './contract-totals';
import { KeywordYearBar } from './keyword-year-bar';
import { contractsUrl, TECH_CONTRACTS_KEY, type TechContractSummary, useContractList } from './use-contracts';

const TAB_KEYS = ['all', ...TECH_CONTRACT_STATUSES] as const;

function isStatus(value: string | undefined): value is TechContractStatus {
  return value !== undefined && (TECH_CONTRACT_STATUSES as readonly string[]).includes(value);
}

/** 技术合同登记 for the seller: its own contracts by status, and the way to file a new one. */
export function EnterpriseContractsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { values, page, pageSize, update } = useUrlFilters(['status', 'keyword', 'year'] as const);
  const status = isStatus(values.status) ? values.status : undefined;
  const filters = { keyword: values.keyword, year: values.year };
  const list = useContractList({ ...filters, status, page, pageSize });
  const counts = useTabCounts(TAB_KEYS, [...TECH_CONTRACTS_KEY, 'mine', filters], (key) =>
    contractsUrl({ ...filters, status: key === 'all' ? undefined : key, pageSize: 1 }),
  );

  const columns: TableProps<TechContractSummary>['columns'] = [
    {
      title: t('techTransfer.title'),
      dataIndex: 'title',
      ellipsis: true,
      width: 260,
      render: (title: string, row) => (
        <Link to={`/enterprise/tech-contracts/${row.id}`} data-testid={`contract-link-${row.id}`}>
          {title}
        </Link>
      ),
    },
    { title: t('techTransfer.category'), dataIndex: 'categoryLabel', width: 170 },
    { title: t('techTransfer.buyer'), dataIndex: 'buyerName', ellipsis: true, width: 200 },
    { title: t('techTransfer.signedOn'), dataIndex: 'signedOn', width: 110 },
    {
      title: t('techTransfer.contractWan'),
      dataIndex: 'contractFen',
      width: 120,
      align: 'right',
      render: (fen: number) => wan(fen),
    },
    {
      title: t('techTransfer.techWan'),
      dataIndex: 'techFen',
      width: 120,
      align: 'right',
      render: (fen: number) => wan(fen),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 130,
      render: (value: TechContractStatus) => <ContractStatusTag status={value} />,
    },
    {
      title: t('techTransfer.daysLeftColumn'),
      key: 'daysLeft',
      width: 120,
      render: (_value, row) => <DaysLeft contract={row} />,
    },
    { title: t('techTransfer.registrationNo'), dataIndex: 'registrationNo', width: 150 },
    {
      title: t('techTransfer.exemption'),
      key: 'exemption',
      width: 150,
      render: (_value, row) => <ExemptionTag contract={row} />,
    },
  ];

  return (
    <ListPage
      filters={
        <KeywordYearBar
          testId="my-contracts-query"
          values={filters}
          update={update}
          placeholder={t('techTransfer.myKeywordPlaceholder')}
        />
      }
      title={t('techTransfer.myTitle')}
      actions={
        <AddButton
          label={t('techTransfer.fileNew')}
          onClick={() => navigate('/enterprise/tech-contracts/new')}
          testId="contract-new"
        />
      }
    >
      <CountTabs
        tabs={TAB_KEYS.map((key, index) => ({
          key,
          label: key === 'all' ? t('common.all') : textIn(techContractWorkflow.states[key]),
          count: counts[index],
          color: key === 'returned' && (counts[index] ?? 0) > 0 ? '#fa8c16' : undefined,
        }))}
        activeKey={status ?? 'all'}
        onChange={(key) => update({ status: key === 'all' ? undefined : key, page: 1 })}
        testIdPrefix="my-contracts-tab"
      />
      <ContractTotals totals={list.data?.totals} total={list.data?.total} />
      <ListTable<TechContractSummary>
        data-testid="my-contracts-table"
        columns={columns}
        query={list}
        paging={{ page, pageSize, update }}
        scroll={{ x: 1500 }}
      />
    </ListPage>
  );
}
