import { DownloadOutlined } from '@ant-design/icons';
import {
  formatFenAsWanYuan,
  type IndicatorBreakdown,
  type IndicatorDefinition,
  type IndicatorFigure,
  type IndicatorRecord,
} from '@kechuang/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  InputNumber,
  Segmented,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, handleApiError, toQueryString } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { entryLabel, useDictionaries } from '../../app/dictionaries';
import { showSuccessMessage } from '../../app/feedback';
import { formatWithUnit } from './figure-format';

const TrendChart = lazy(async () => ({ default: (await import('./figure-charts')).TrendChart }));
const BreakdownChart = lazy(async () => ({ default: (await import('./figure-charts')).BreakdownChart }));

interface RecordsPage {
  items: IndicatorRecord[];
  total: number;
  figure: IndicatorFigure;
}
interface Breakdown {
  rows: { group: string | null; value: number; count: number }[];
}
interface Trend {
  months: { period: string; value: number | null }[];
  years: { period: string; value: number | null }[];
}

type Filter = { by: IndicatorBreakdown; value: string } | null;

/** A figure opened: what it counts, its parts, its records (exportable), its breakdowns and trend, and its target. */
export function FigureDrawer(props: {
  definition: IndicatorDefinition | null;
  definitions: Map<string, IndicatorDefinition>;
  period: string;
  onClose: () => void;
  onOpen: (key: string) => void;
}) {
  const { definition, period } = props;
  return (
    <Drawer
      open={definition !== null}
      onClose={props.onClose}
      size={960}
      destroyOnHidden
      title={definition ? <DrawerTitle name={definition.name} /> : ''}
    >
      {definition && <FigureDetail key={`${definition.key}/${period}`} {...props} definition={definition} />}
    </Drawer>
  );
}

function DrawerTitle(props: { name: { zh: string; en: string } }) {
  const { i18n } = useTranslation();
  return (
    <span data-testid="figure-drawer-title">{i18n.language === 'en' ? props.name.en : props.name.zh}</span>
  );
}

function FigureDetail(props: {
  definition: IndicatorDefinition;
  definitions: Map<string, IndicatorDefinition>;
  period: string;
  onOpen: (key: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { definition, period } = props;
  const text = (value: { zh: string; en: string }) => (i18n.language === 'en' ? value.en : value.zh);
  const [filter, setFilter] = useState<Filter>(null);
  const [page, setPage] = useState(1);
  const [tab, setTab] = useState('records');
  const [by, setBy] = useState<IndicatorBreakdown | undefined>(definition.breakdowns[0]);
  const year = Number(period.slice(0, 4));

  const figure = useQuery({
    queryKey: ['dashboard', 'figure', definition.key, period],
    queryFn: async () =>
      (
        await api.get<IndicatorFigure[]>(
          `/api/dashboard/figures${toQueryString({ period, keys: definition.key })}`,
        )
      )[0],
  });
  const filterQuery = filter ? { [filter.by]: filter.value } : {};
  const records = useQuery({
    queryKey: ['dashboard', 'records', definition.key, period, filter, page],
    queryFn: () =>
      api.get<RecordsPage>(
        `/api/dashboard/indicators/${definition.key}/records${toQueryString({ period, page, pageSize: 10, ...filterQuery })}`,
      ),
    enabled: definition.drillable,
  });
  const breakdown = useQuery({
    queryKey: ['dashboard', 'breakdown', definition.key, period, by],
    queryFn: () =>
      api.get<Breakdown>(
        `/api/dashboard/indicators/${definition.key}/breakdown${toQueryString({ period, by })}`,
      ),
    enabled: definition.drillable && by !== undefined && tab === 'breakdown',
  });
  const trend = useQuery({
    queryKey: ['dashboard', 'trend', definition.key, year],
    queryFn: () =>
      api.get<Trend>(`/api/dashboard/indicators/${definition.key}/trend${toQueryString({ year, years: 5 })}`),
    enabled: tab === 'trend',
  });

  const current = figure.data;
  const notFilled = t('dashboard.notFilled');
  const dictionaries = useDictionaries();
  const industryLabel = (code: string | null) => entryLabel(dictionaries.data?.industries, code);
  const groupLabel = (group: string | null) =>
    group === null ? notFilled : by === 'industry' ? industryLabel(group) : group;
  const filterLabel = (value: string) =>
    value === '' ? notFilled : filter?.by === 'industry' ? industryLabel(value) : value;
  const tabs = [
    ...(definition.drillable
      ? [
          {
            key: 'records',
            label: t('dashboard.records'),
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  {filter && (
                    <Tag closable onClose={() => setFilter(null)} color="blue" data-testid="figure-filter">
                      {t('dashboard.filteredBy', {
                        value: `${t(`dashboard.by.${filter.by}`)} ${filterLabel(filter.value)}`,
                      })}
                    </Tag>
                  )}
                  {records.data && (
                    <Typography.Text data-testid="figure-records-total">
                      {t('dashboard.recordsTotal', {
                        total: records.data.total,
                        figure: formatWithUnit(records.data.figure.value, definition.unit),
                      })}
                    </Typography.Text>
                  )}
                  <Button
                    icon={<DownloadOutlined />}
                    href={`/api/dashboard/indicators/${definition.key}/records/export${toQueryString({ period, ...filterQuery })}`}
                    data-testid="figure-export"
                  >
                    {t('common.export')}
                  </Button>
                </Space>
                <Table<IndicatorRecord>
                  size="small"
                  rowKey={(row) => `${row.id}/${row.label}/${row.category}`}
                  loading={records.isPending}
                  dataSource={records.data?.items}
                  data-testid="figure-records"
                  pagination={{
                    current: page,
                    pageSize: 10,
                    total: records.data?.total,
                    showSizeChanger: false,
                    onChange: setPage,
                  }}
                  columns={[
                    {
                      title: t('dashboard.columns.label'),
                      dataIndex: 'label',
                      render: (value: string, row) => (row.path ? <Link to={row.path}>{value}</Link> : value),
                    },
                    { title: t('dashboard.columns.enterprise'), dataIndex: 'enterpriseName' },
                    { title: t('dashboard.columns.date'), dataIndex: 'onDate', width: 110 },
                    {
                      title: t('dashboard.columns.amount'),
                      dataIndex: 'amountFen',
                      align: 'right',
                      render: (value: number | null) =>
                        value === null ? '' : formatFenAsWanYuan(value).replace('万元', ''),
                    },
                    { title: t('dashboard.columns.street'), dataIndex: 'street' },
                    { title: t('dashboard.columns.industry'), dataIndex: 'industry', render: industryLabel },
                    { title: t('dashboard.columns.category'), dataIndex: 'category' },
                  ]}
                />
              </Space>
            ),
          },
        ]
      : []),
    ...(definition.drillable && definition.breakdowns.length > 0
      ? [
          {
            key: 'breakdown',
            label: t('dashboard.breakdown'),
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Segmented
                  value={by}
                  onChange={(value) => setBy(value as IndicatorBreakdown)}
                  options={definition.breakdowns.map((item) => ({
                    value: item,
                    label: t(`dashboard.by.${item}`),
                  }))}
                />
                <Suspense fallback={<Spin />}>
                  {breakdown.data && by && (
                    <BreakdownChart
                      unit={definition.unit}
                      rows={breakdown.data.rows.map((row) => ({
                        label: groupLabel(row.group),
                        value: row.value,
                      }))}
                      onPick={(label) => {
                        const picked = breakdown.data.rows.find((row) => groupLabel(row.group) === label);
                        if (!picked) return;
                        setFilter({ by, value: picked.group ?? '' });
                        setPage(1);
                        setTab('records');
                      }}
                    />
                  )}
                </Suspense>
              </Space>
            ),
          },
        ]
      : []),
    {
      key: 'trend',
      label: t('dashboard.trendYears', { years: 5 }),
      children: (
        <Suspense fallback={<Spin />}>
          {trend.data ? (
            <TrendChart
              unit={definition.unit}
              monthsTitle={t('dashboard.trendMonths', { year })}
              yearsTitle={t('dashboard.trendYears', { years: 5 })}
              months={trend.data.months.map((point) => ({
                label: point.period.slice(5),
                value: point.value,
              }))}
              years={trend.data.years.map((point) => ({ label: point.period, value: point.value }))}
            />
          ) : (
            <Spin />
          )}
        </Suspense>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={current ? text(current.periodLabel) : period}>
          <span style={{ fontSize: 22, fontWeight: 600 }} data-testid="figure-drawer-value">
            {current ? formatWithUnit(current.value, definition.unit) : '…'}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('dashboard.previous', { value: '' })}>
          {current?.previous ? formatWithUnit(current.previous.value, definition.unit) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('dashboard.definition')} span={2}>
          {text(definition.description)}
          {current?.source && (
            <div>{t('dashboard.source', { name: current.source.name, date: current.source.date })}</div>
          )}
          {current && (
            <div>{t('dashboard.asOf', { time: dayjs(current.asOf).format('YYYY-MM-DD HH:mm') })}</div>
          )}
        </Descriptions.Item>
      </Descriptions>
      {current && current.incomplete.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('dashboard.incomplete')}
          description={current.incomplete.map(text).join('；')}
        />
      )}
      {definition.parts.length > 0 && current && (
        <Space wrap>
          <Typography.Text strong>{t('dashboard.parts')}：</Typography.Text>
          {(['numerator', 'denominator'] as const).map((side) => {
            const part = current[side];
            return (
              part && (
                <Button key={side} type="link" onClick={() => props.onOpen(part.key)}>
                  {text(part.name)} {formatWithUnit(part.value, part.unit)}
                </Button>
              )
            );
          })}
        </Space>
      )}
      <TargetEditor definition={definition} year={year} figure={current} />
      <Tabs activeKey={tab} onChange={setTab} items={tabs} />
    </Space>
  );
}

/** Staff set the year's target; others see it on the tile. */
function TargetEditor(props: {
  definition: IndicatorDefinition;
  year: number;
  figure: IndicatorFigure | undefined;
}) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const [value, setValue] = useState<number | null>(null);
  if (user?.role !== 'staff' || !props.figure) return null;
  const target = props.figure.target;
  return (
    <Space>
      <Typography.Text>{t('dashboard.setTarget', { year: props.year })}</Typography.Text>
      <InputNumber
        min={0}
        value={value ?? target?.value ?? null}
        onChange={(next) => setValue(typeof next === 'number' ? next : null)}
        addonAfter={props.definition.unit}
        data-testid="figure-target-input"
      />
      <Button
        onClick={async () => {
          try {
            await api.put(`/api/dashboard/indicators/${props.definition.key}/targets/${props.year}`, {
              value: value ?? target?.value ?? 0,
              version: target?.version ?? 0,
            });
            showSuccessMessage(t('dashboard.targetSaved'));
            await queryClient.invalidateQueries({ queryKey: ['dashboard'] });
          } catch (error) {
            handleApiError(error, {
              onConflict: () => void queryClient.invalidateQueries({ queryKey: ['dashboard'] }),
            });
          }
        }}
        data-testid="figure-target-save"
      >
        {t('dashboard.saveTarget')}
      </Button>
    </Space>
  );
}
