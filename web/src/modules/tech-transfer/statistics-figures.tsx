import type { TechBuyerRegion, TechFigures, TechGuidanceVisit, TechStatCategory } from '@kechuang/domain';
import { Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toQueryString } from '../../app/api-client';

/** The contract list (台账) of this module; its query parameters are the server list query's own. */
export const CONTRACTS_PATH = '/bureau/tech-contracts';

export type AmountUnit = 'wan' | 'yi';

/** The i18n keys of the classes, regions and visit kinds, spelled out so the catalogue check sees them. */
export const CATEGORY_KEYS: Record<TechStatCategory, string> = {
  development: 'techTransferStatistics.categories.development',
  transfer: 'techTransferStatistics.categories.transfer',
  license: 'techTransferStatistics.categories.license',
  consulting: 'techTransferStatistics.categories.consulting',
  service: 'techTransferStatistics.categories.service',
};
export const REGION_KEYS: Record<TechBuyerRegion, string> = {
  district: 'techTransferStatistics.regions.district',
  province: 'techTransferStatistics.regions.province',
  domestic: 'techTransferStatistics.regions.domestic',
  abroad: 'techTransferStatistics.regions.abroad',
  unknown: 'techTransferStatistics.regions.unknown',
};
export const VISIT_KIND_KEYS: Record<TechGuidanceVisit['kind'], string> = {
  visit: 'techTransferStatistics.visitKinds.visit',
  call: 'techTransferStatistics.visitKinds.call',
  training: 'techTransferStatistics.visitKinds.training',
  other: 'techTransferStatistics.visitKinds.other',
};

/** A drill-down's filters, named exactly as `GET /api/tech-transfer/contracts` takes them. */
export type ContractFilters = Record<string, string | number | undefined>;

/** The 登记员's desk on its 已登记 tab, filtered to what a figure counts. */
export function contractsLink(filters: ContractFilters): string {
  return `${CONTRACTS_PATH}${toQueryString({ tab: 'registered', ...filters })}`;
}

/** 分 as 万元 (two decimals) or 亿元 (four), grouped the Chinese way. */
export function formatAmount(fen: number, unit: AmountUnit): string {
  const [divisor, digits] = unit === 'yi' ? [10_000_000_000, 4] : [1_000_000, 2];
  return (fen / divisor).toLocaleString('zh-CN', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

function FigureLink({ to, children, testId }: { to: string; children: ReactNode; testId?: string }) {
  return (
    <Link to={to} data-testid={testId}>
      {children}
    </Link>
  );
}

/**
 * One breakdown as a table: the row's label, then contracts, 成交额, 技术交易额 and the claimed 免税
 * amount, each a link to the contracts it sums; the share of 成交额 in the period's total.
 */
export function FiguresTable<Row extends TechFigures>(props: {
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  label: { title: string; render: (row: Row) => ReactNode };
  filtersOf: (row: Row) => ContractFilters;
  unit: AmountUnit;
  totalFen: number;
  testId: string;
}) {
  const { t } = useTranslation();
  const { unit } = props;
  const link = (row: Row, value: ReactNode, extra: ContractFilters, key: string) =>
    row.contracts === 0 ? (
      value
    ) : (
      <FigureLink
        to={contractsLink({ ...props.filtersOf(row), ...extra })}
        testId={`${props.testId}-${props.rowKey(row)}-${key}`}
      >
        {value}
      </FigureLink>
    );
  const columns: TableProps<Row>['columns'] = [
    { title: props.label.title, key: 'label', render: (_value, row) => props.label.render(row) },
    {
      title: t('techTransferStatistics.contracts'),
      key: 'contracts',
      align: 'right',
      render: (_value, row) => link(row, row.contracts, {}, 'contracts'),
    },
    {
      title: t('techTransferStatistics.contractAmount'),
      key: 'contractFen',
      align: 'right',
      render: (_value, row) => link(row, formatAmount(row.contractFen, unit), {}, 'contract'),
    },
    {
      title: t('techTransferStatistics.techAmount'),
      key: 'techFen',
      align: 'right',
      render: (_value, row) => link(row, formatAmount(row.techFen, unit), {}, 'tech'),
    },
    {
      title: t('techTransferStatistics.claimedTechAmount'),
      key: 'claimedTechFen',
      align: 'right',
      render: (_value, row) =>
        row.claimedTechFen === 0
          ? formatAmount(0, unit)
          : link(row, formatAmount(row.claimedTechFen, unit), { exemption: 'claimed' }, 'claimed'),
    },
    {
      title: t('techTransferStatistics.share'),
      key: 'share',
      align: 'right',
      render: (_value, row) =>
        props.totalFen > 0 ? `${((row.contractFen / props.totalFen) * 100).toFixed(1)}%` : '—',
    },
  ];
  return (
    <Table<Row>
      size="small"
      rowKey={props.rowKey}
      dataSource={[...props.rows]}
      columns={columns}
      pagination={false}
      data-testid={props.testId}
    />
  );
}
