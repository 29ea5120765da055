import { DownloadOutlined } from '@ant-design/icons';
import { formatFenAsWanYuan, formatFenAsYiYuan } from '@kechuang/domain';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Row, Space, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, toQueryString } from '../../app/api-client';

interface Contribution {
  enterpriseId: number;
  creditCode: string;
  name: string;
  aboveScaleMonths: number;
  highTechOutputFen: number;
  aboveScaleOutputFen: number;
  previousHighTechOutputFen: number;
}
interface Statistics {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  share: number | null;
  growth: number | null;
  highTechOutputFen: number;
  aboveScaleOutputFen: number;
  previousHighTechOutputFen: number;
  enterprises: Contribution[];
}

/** 高新技术产业产值占规上工业总产值比重 and its year-on-year growth for a month range, with the enterprises behind them. */
export function HighTechIndustryPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const lastYear = new Date().getFullYear() - 1;
  const from = params.get('from') ?? `${lastYear}-01`;
  const to = params.get('to') ?? `${lastYear}-06`;
  const query = toQueryString({ from, to });
  const statistics = useQuery({
    queryKey: ['stats', 'high-tech-industry', from, to],
    queryFn: () => api.get<Statistics>(`/api/stats/high-tech-industry${query}`),
  });
  const data = statistics.data;
  const percent = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : `${value.toFixed(1)}%`;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>
          <DatePicker.RangePicker
            picker="month"
            allowClear={false}
            value={[dayjs(`${from}-01`), dayjs(`${to}-01`)]}
            onChange={(range) => {
              if (range?.[0] && range[1])
                setParams({ from: range[0].format('YYYY-MM'), to: range[1].format('YYYY-MM') });
            }}
            data-testid="stats-range"
          />
          <Button
            icon={<DownloadOutlined />}
            href={`/api/stats/high-tech-industry/export${query}`}
            data-testid="stats-export"
          >
            {t('common.export')}
          </Button>
        </Space>
      </Card>
      <Row gutter={16}>
        <Col span={6}>
          <Card>
            <Statistic title={t('stats.share')} value={percent(data?.share)} data-testid="stats-share" />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title={t('stats.growth')} value={percent(data?.growth)} data-testid="stats-growth" />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic
              title={t('stats.highTechOutput')}
              value={data ? formatFenAsYiYuan(data.highTechOutputFen) : '—'}
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic
              title={t('stats.aboveScaleOutput')}
              value={data ? formatFenAsYiYuan(data.aboveScaleOutputFen) : '—'}
            />
          </Card>
        </Col>
      </Row>
      <Card title={t('stats.behind', { from, to })}>
        <Table<Contribution>
          rowKey="enterpriseId"
          size="small"
          loading={statistics.isFetching}
          dataSource={data?.enterprises}
          pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { count: total }) }}
          columns={[
            { title: t('enterprise.name'), dataIndex: 'name' },
            { title: t('enterprise.creditCode'), dataIndex: 'creditCode', width: 200 },
            { title: t('stats.aboveScaleMonths'), dataIndex: 'aboveScaleMonths', width: 100 },
            {
              title: t('stats.highTechOutput'),
              dataIndex: 'highTechOutputFen',
              render: (value: number) => formatFenAsWanYuan(value),
              sorter: (a, b) => a.highTechOutputFen - b.highTechOutputFen,
            },
            {
              title: t('stats.aboveScaleOutput'),
              dataIndex: 'aboveScaleOutputFen',
              render: (value: number) => formatFenAsWanYuan(value),
            },
            {
              title: t('stats.previousHighTechOutput'),
              dataIndex: 'previousHighTechOutputFen',
              render: (value: number) => formatFenAsWanYuan(value),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
