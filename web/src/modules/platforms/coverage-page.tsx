import type { CoverageEntry, CoveragePage as CoveragePageData } from '@kechuang/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import { Col, Row, Select, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, toQueryString } from '../../app/api-client';
import { CountTabs } from '../../app/list-page/count-tabs';
import { ExportButton, ListPage } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { yearOptions } from '../../app/year-options';
import { PLATFORMS_KEY, PLATFORMS_URL } from './use-platforms';

const percent = (part: number, whole: number) =>
  whole === 0 ? '—' : `${((part / whole) * 100).toFixed(1)}%`;

/**
 * 规上企业研发机构全覆盖: the year's 规上 enterprises, those without an R&D institution first (for
 * follow-up), the coverage rate and the share with R&D activity; the list exports as filtered.
 */
export function CoveragePage() {
  const { t } = useTranslation();
  const { values, page, pageSize, update } = useUrlFilters(['year', 'coverage'] as const);
  const year = Number(values.year) || new Date().getFullYear() - 1;
  const coverage = values.coverage ?? 'uncovered';
  const query = { year, coverage: coverage === 'all' ? undefined : coverage, sort: 'name', order: 'asc' };
  const list = useQuery({
    queryKey: [...PLATFORMS_KEY, 'coverage', query, page, pageSize],
    queryFn: () =>
      api.get<CoveragePageData>(`${PLATFORMS_URL}/coverage${toQueryString({ ...query, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
  const data = list.data;
  const columns: TableProps<CoverageEntry>['columns'] = [
    {
      title: t('platforms.enterprise'),
      dataIndex: 'name',
      render: (name: string, row) => <Link to={`/bureau/enterprises/${row.enterpriseId}`}>{name}</Link>,
    },
    { title: t('platforms.creditCode'), dataIndex: 'creditCode', width: 200 },
    { title: t('platforms.street'), dataIndex: 'street', width: 130 },
    {
      title: t('platforms.institutions'),
      dataIndex: 'institutions',
      width: 110,
      align: 'right',
      render: (count: number) => (count === 0 ? <Tag color="red">0</Tag> : count),
    },
    {
      title: t('platforms.rdActivity'),
      dataIndex: 'hasRdActivity',
      width: 110,
      render: (value: boolean) => (value ? t('platforms.yes') : t('platforms.no')),
    },
  ];
  return (
    <ListPage
      filters={
        <Row gutter={24} align="middle">
          <Col>
            <Select
              value={year}
              style={{ width: 120 }}
              options={yearOptions(2010)}
              onChange={(value) => update({ year: value, page: 1 })}
              data-testid="coverage-year"
            />
          </Col>
          <Col>
            <Statistic title={t('platforms.aboveScale')} value={data?.aboveScale ?? '—'} />
          </Col>
          <Col>
            <Statistic title={t('platforms.coveredCount')} value={data?.covered ?? '—'} />
          </Col>
          <Col>
            <Statistic
              title={t('platforms.coverageRate')}
              value={data ? percent(data.covered, data.aboveScale) : '—'}
              data-testid="coverage-rate"
            />
          </Col>
          <Col>
            <Statistic
              title={t('platforms.rdActivityShare')}
              value={data ? percent(data.withRdActivity, data.aboveScale) : '—'}
            />
          </Col>
        </Row>
      }
      title={t('platforms.coverageTitle', { year })}
      actions={
        <ExportButton
          href={`${PLATFORMS_URL}/coverage/export${toQueryString(query)}`}
          testId="coverage-export"
        />
      }
    >
      <CountTabs
        testIdPrefix="coverage-tab"
        activeKey={coverage}
        onChange={(key) => update({ coverage: key, page: 1 })}
        tabs={[
          {
            key: 'uncovered',
            label: t('platforms.uncovered'),
            count: data ? data.aboveScale - data.covered : undefined,
            color: '#ff4d4f',
          },
          { key: 'covered', label: t('platforms.covered'), count: data?.covered },
          { key: 'all', label: t('platforms.allStatuses'), count: data?.aboveScale },
        ]}
      />
      <ListTable<CoverageEntry>
        rowKey="enterpriseId"
        data-testid="coverage-table"
        columns={columns}
        query={list}
        paging={{ page, pageSize, update }}
      />
    </ListPage>
  );
}
