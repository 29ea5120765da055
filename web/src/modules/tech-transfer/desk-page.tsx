import { SettingOutlined } from '@ant-design/icons';
import { TECH_STAT_CATEGORIES, TECH_STAT_CATEGORY_LABELS, techContractWorkflow } from '@kechuang/domain';
import type { TableProps } from 'antd';
import { Button, Form, Input, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toQueryString } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { EnterprisePicker } from '../../app/enterprise-picker';
import { textIn } from '../../app/i18n';
import { ImportButton } from '../../app/import-button';
import { CountTabs, useTabCounts } from '../../app/list-page/count-tabs';
import { ExportButton, ListPage } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { FilterCol, QueryBar } from '../../app/list-page/query-bar';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { yearOptions } from '../../app/year-options';
import { ContractDrawer } from './contract-drawer';
import { ContractStatusTag, DaysLeft, ExemptionTag, wan } from './contract-shared';
import { ContractTotals } from './contract-totals';
import {
  CONTRACTS_URL,
  contractsUrl,
  TECH_CONTRACTS_KEY,
  type TechContractSummary,
  useContractList,
} from './use-contracts';

/** Filters a statistics figure opens the desk with (the server list query's own names). */
const DRILL_DOWN_KEYS = ['month', 'category', 'buyerRegion', 'street', 'exemption'] as const;

/** The desk's tabs: the waiting queue first (submitted or resubmitted), then each outcome. */
const TAB_KEYS = ['pending', 'returned', 'registered', 'refused', 'cancelled', 'all'] as const;
type TabKey = (typeof TAB_KEYS)[number];

function isTab(value: string | undefined): value is TabKey {
  return value !== undefined && (TAB_KEYS as readonly string[]).includes(value);
}

type QueryValues = {
  keyword?: string;
  year?: number;
  statCategory?: string;
  enterpriseId?: number;
};

/** 技术合同登记台账 for the 登记员 (and read-only for the leader): queue, time limits, filters, export, import. */
export function DeskPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const isStaff = user?.role === 'staff';
  const { values, page, pageSize, update } = useUrlFilters([
    'tab',
    'keyword',
    'year',
    'statCategory',
    'enterpriseId',
    'open',
    ...DRILL_DOWN_KEYS,
  ] as const);
  const tab: TabKey = isTab(values.tab) ? values.tab : 'pending';
  const filters = {
    keyword: values.keyword,
    year: values.year,
    statCategory: values.statCategory,
    enterpriseId: values.enterpriseId,
    ...Object.fromEntries(DRILL_DOWN_KEYS.map((key) => [key, values[key]])),
  };
  const drillDown = DRILL_DOWN_KEYS.filter((key) => values[key] !== undefined);
  const status = tab === 'all' ? undefined : tab;
  // The queue is worked in order of its time limits; the other tabs newest first.
  const sort = tab === 'pending' ? { sort: 'dueOn', order: 'asc' } : {};
  const list = useContractList({ ...filters, status, ...sort, page, pageSize });
  const counts = useTabCounts(TAB_KEYS, [...TECH_CONTRACTS_KEY, 'desk', filters], (key) =>
    contractsUrl({ ...filters, status: key === 'all' ? undefined : key, pageSize: 1 }),
  );

  const columns: TableProps<TechContractSummary>['columns'] = [
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
    { title: t('techTransfer.category'), dataIndex: 'categoryLabel', width: 160 },
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
      render: (value: TechContractSummary['status']) => <ContractStatusTag status={value} />,
    },
    ...(tab === 'pending' || tab === 'all'
      ? [
          {
            title: t('techTransfer.daysLeftColumn'),
            key: 'daysLeft',
            width: 130,
            render: (_value: unknown, row: TechContractSummary) => <DaysLeft contract={row} />,
          },
        ]
      : []),
    ...(tab === 'registered' || tab === 'cancelled' || tab === 'all'
      ? [
          { title: t('techTransfer.registrationNo'), dataIndex: 'registrationNo', width: 150 },
          { title: t('techTransfer.registeredOn'), dataIndex: 'registeredOn', width: 110 },
        ]
      : []),
    ...(tab === 'registered'
      ? [
          {
            title: t('techTransfer.exemption'),
            key: 'exemption',
            width: 150,
            render: (_value: unknown, row: TechContractSummary) => <ExemptionTag contract={row} />,
          },
        ]
      : []),
  ];

  return (
    <ListPage
      filters={
        <QueryBar<QueryValues>
          testId="desk-query"
          values={filters}
          onSearch={(input) =>
            update({
              keyword: input.keyword?.trim() || undefined,
              year: input.year || undefined,
              statCategory: input.statCategory || undefined,
              enterpriseId: input.enterpriseId || undefined,
              page: 1,
            })
          }
          onReset={() =>
            update({
              keyword: undefined,
              year: undefined,
              statCategory: undefined,
              enterpriseId: undefined,
              ...Object.fromEntries(DRILL_DOWN_KEYS.map((key) => [key, undefined])),
              page: 1,
            })
          }
        >
          {drillDown.length > 0 && (
            <FilterCol>
              <Tag
                color="blue"
                closable
                onClose={() =>
                  update({ ...Object.fromEntries(drillDown.map((key) => [key, undefined])), page: 1 })
                }
                data-testid="desk-drill-down"
              >
                {t('techTransfer.drillDown', {
                  filters: drillDown.map((key) => `${key}=${values[key]}`).join('，'),
                })}
              </Tag>
            </FilterCol>
          )}
          <FilterCol>
            <Form.Item name="keyword" label={t('common.keyword')}>
              <Input
                allowClear
                placeholder={t('techTransfer.keywordPlaceholder')}
                data-testid="desk-keyword"
              />
            </Form.Item>
          </FilterCol>
          <FilterCol>
            <Form.Item name="year" label={t('techTransfer.year')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                options={yearOptions(2015)}
                data-testid="desk-year"
              />
            </Form.Item>
          </FilterCol>
          <FilterCol>
            <Form.Item name="statCategory" label={t('techTransfer.category')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                options={TECH_STAT_CATEGORIES.map((stat) => ({
                  value: stat,
                  label: textIn(TECH_STAT_CATEGORY_LABELS[stat]),
                }))}
                data-testid="desk-category"
              />
            </Form.Item>
          </FilterCol>
          <FilterCol>
            <Form.Item name="enterpriseId" label={t('techTransfer.seller')}>
              <EnterprisePicker data-testid="desk-seller" />
            </Form.Item>
          </FilterCol>
        </QueryBar>
      }
      title={t('techTransfer.deskTitle')}
      actions={
        <>
          {isStaff && (
            <Link to="/bureau/tech-contracts/settings">
              <Button icon={<SettingOutlined />}>{t('techTransfer.settings')}</Button>
            </Link>
          )}
          {isStaff && (
            <ImportButton
              kind="tech-contract-ledger"
              title={t('techTransfer.ledgerImport')}
              invalidates={[[...TECH_CONTRACTS_KEY]]}
            />
          )}
          <ExportButton
            href={`${CONTRACTS_URL}/export${toQueryString({ ...filters, status })}`}
            testId="desk-export"
          />
        </>
      }
      overlays={
        <ContractDrawer id={Number(values.open) || null} onClose={() => update({ open: undefined })} />
      }
    >
      <CountTabs
        tabs={TAB_KEYS.map((key, index) => ({
          key,
          label:
            key === 'all'
              ? t('common.all')
              : key === 'pending'
                ? t('techTransfer.tabPending')
                : key === 'returned'
                  ? t('techTransfer.tabReturned')
                  : textIn(techContractWorkflow.states[key]),
          count: counts[index],
          color: key === 'pending' && (counts[index] ?? 0) > 0 ? '#fa8c16' : undefined,
        }))}
        activeKey={tab}
        onChange={(key) => update({ tab: key, page: 1 })}
        testIdPrefix="desk-tab"
      />
      <ContractTotals totals={list.data?.totals} total={list.data?.total} />
      <ListTable<TechContractSummary>
        data-testid="desk-table"
        columns={columns}
        query={list}
        paging={{ page, pageSize, update }}
        scroll={{ x: 1200 }}
      />
    </ListPage>
  );
}
