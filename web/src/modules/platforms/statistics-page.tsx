import type { PlatformStatistics, PlatformStatisticsLine } from '@kechuang/domain';
import { useQuery } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import { Card, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api-client';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { yearOptions } from '../../app/year-options';
import { levelLabel, PLATFORMS_KEY, PLATFORMS_URL } from './use-platforms';

const cityAndAbove = (counts: PlatformStatisticsLine['inForce']) =>
  counts.national + counts.provincial + counts.city;

/**
 * 平台统计: platforms by type × level in force at the year's end, and the year's new recognitions,
 * upgrades and revocations; the 市级以上 total opens the dashboard's records of that figure.
 */
export function PlatformStatisticsPage() {
  const { t } = useTranslation();
  const { values, update } = useUrlFilters(['year'] as const);
  const year = Number(values.year) || new Date().getFullYear() - 1;
  const statistics = useQuery({
    queryKey: [...PLATFORMS_KEY, 'statistics', year],
    queryFn: () => api.get<PlatformStatistics>(`${PLATFORMS_URL}/statistics?year=${year}`),
  });
  const levelColumns = (
    group: 'inForce' | 'recognised',
    levels: ('national' | 'provincial' | 'city' | 'district')[],
  ) =>
    levels.map((level) => ({
      title: levelLabel(level),
      key: `${group}-${level}`,
      width: 80,
      align: 'right' as const,
      render: (_value: unknown, line: PlatformStatisticsLine) => line[group][level],
    }));
  const columns: TableProps<PlatformStatisticsLine>['columns'] = [
    { title: t('platforms.type'), dataIndex: 'typeName', width: 180 },
    {
      title: t('platforms.inForceAtYearEnd', { year }),
      children: [
        ...levelColumns('inForce', ['national', 'provincial', 'city', 'district']),
        {
          title: t('platforms.cityAndAbove'),
          key: 'city-and-above',
          width: 100,
          align: 'right',
          render: (_value, line) => cityAndAbove(line.inForce),
        },
      ],
    },
    {
      title: t('platforms.recognisedInYear', { year }),
      children: levelColumns('recognised', ['national', 'provincial', 'city', 'district']),
    },
    { title: t('platforms.upgradedInYear'), dataIndex: 'upgraded', width: 90, align: 'right' },
    { title: t('platforms.endedInYear'), dataIndex: 'ended', width: 110, align: 'right' },
  ];
  const total = statistics.data?.total;
  return (
    <Card
      title={t('platforms.statisticsTitle')}
      extra={
        <Select
          value={year}
          style={{ width: 120 }}
          options={yearOptions(2010)}
          onChange={(value) => update({ year: value })}
          data-testid="platform-statistics-year"
        />
      }
    >
      <Table<PlatformStatisticsLine>
        rowKey="typeName"
        bordered
        size="small"
        loading={statistics.isFetching}
        columns={columns}
        dataSource={statistics.data?.lines.filter(
          (line) =>
            cityAndAbove(line.inForce) + line.inForce.district + line.upgraded + line.ended > 0 ||
            Object.values(line.recognised).some((count) => count > 0),
        )}
        pagination={false}
        data-testid="platform-statistics-table"
        summary={() =>
          total && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('platforms.total')}</Typography.Text>
              </Table.Summary.Cell>
              {(['national', 'provincial', 'city', 'district'] as const).map((level, index) => (
                <Table.Summary.Cell key={level} index={index + 1} align="right">
                  {total.inForce[level]}
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={5} align="right">
                <Link to={`/bureau/dashboard?year=${year}`} data-testid="platform-statistics-city-and-above">
                  {cityAndAbove(total.inForce)}
                </Link>
              </Table.Summary.Cell>
              {(['national', 'provincial', 'city', 'district'] as const).map((level, index) => (
                <Table.Summary.Cell key={level} index={index + 6} align="right">
                  {total.recognised[level]}
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={10} align="right">
                {total.upgraded}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={11} align="right">
                {total.ended}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )
        }
      />
    </Card>
  );
}
