import {
  categoryName,
  type ServiceProblemFigures,
  type ServiceStatistics,
  serviceProblemWorkflow,
  translate,
  VISIT_TARGET_KIND_LABELS,
} from '@kechuang/domain';
import { useQuery } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import { Card, Col, Row, Select, Space, Statistic, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, toQueryString } from '../../app/api-client';
import { currentLanguage } from '../../app/i18n';
import { ExportButton } from '../../app/list-page/list-page';
import { yearOptions } from '../../app/year-options';
import { SERVICES_KEY, SERVICES_URL } from './use-services';

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
const plain = (value: number | null) => (value === null ? '—' : value);

type EventRow = ServiceStatistics['events']['byTypeAndYear'][number];
type VisitRow = ServiceStatistics['visits']['byCampaignAndKind'][number];
type QuestionRow = ServiceStatistics['questions']['byYear'][number];

/**
 * 科技服务 statistics: events by type and year (sign-ups, attendance, satisfaction), visits by
 * campaign and kind of organisation, tickets by category, department and state; the department and
 * state rows open the ledger filtered to them; the whole exports to Excel.
 */
export function ServiceStatisticsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [year, setYear] = useState<number | undefined>(undefined);
  const query = { year };
  const statistics = useQuery({
    queryKey: [...SERVICES_KEY, 'statistics', query],
    queryFn: () => api.get<ServiceStatistics>(`${SERVICES_URL}/statistics${toQueryString(query)}`),
  });
  const data = statistics.data;

  const problemColumns = <T extends ServiceProblemFigures>(
    first: TableProps<T>['columns'],
  ): TableProps<T>['columns'] => [
    ...(first ?? []),
    { title: t('services.statTotal'), dataIndex: 'total', width: 90 },
    { title: t('services.statClosed'), dataIndex: 'closed', width: 90 },
    { title: t('services.statOnTimeRate'), dataIndex: 'onTimeRate', width: 110, render: percent },
    { title: t('services.statAverageDays'), dataIndex: 'averageDaysToClose', width: 120, render: plain },
    { title: t('services.statReopenRate'), dataIndex: 'reopenRate', width: 100, render: percent },
  ];
  const eventColumns: TableProps<EventRow>['columns'] = [
    { title: t('services.statYear'), dataIndex: 'year', width: 80 },
    { title: t('services.eventType'), dataIndex: 'typeName' },
    { title: t('services.statEvents'), dataIndex: 'events', width: 90 },
    { title: t('services.statSignedUp'), dataIndex: 'signedUp', width: 100 },
    { title: t('services.statAttended'), dataIndex: 'attended', width: 100 },
    { title: t('services.statAttendanceRate'), dataIndex: 'attendanceRate', width: 100, render: percent },
    { title: t('services.statSatisfaction'), dataIndex: 'satisfaction', width: 100, render: plain },
  ];
  const visitColumns: TableProps<VisitRow>['columns'] = [
    { title: t('services.statCampaign'), dataIndex: 'campaignName' },
    {
      title: t('services.statKind'),
      dataIndex: 'kind',
      width: 120,
      render: (kind: VisitRow['kind']) => translate(VISIT_TARGET_KIND_LABELS[kind], language),
    },
    { title: t('services.statPlanned'), dataIndex: 'planned', width: 100 },
    { title: t('services.statVisited'), dataIndex: 'visited', width: 100 },
    { title: t('services.statVisits'), dataIndex: 'visits', width: 100 },
    { title: t('services.statProblems'), dataIndex: 'problems', width: 100 },
  ];

  const questionColumns: TableProps<QuestionRow>['columns'] = [
    { title: t('services.statYear'), dataIndex: 'year', width: 80 },
    {
      title: t('services.statAsked'),
      dataIndex: 'asked',
      render: (asked: number) => <Link to="/bureau/services/questions">{asked}</Link>,
    },
    { title: t('services.statAnswered'), dataIndex: 'answered' },
    { title: t('services.statPublished'), dataIndex: 'published' },
  ];

  return (
    <Card
      title={t('services.statisticsTitle')}
      extra={
        <Space>
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('services.statAllYears')}
            value={year}
            onChange={(value?: number) => setYear(value)}
            options={yearOptions(2020)}
            data-testid="service-statistics-year"
          />
          <ExportButton
            href={`${SERVICES_URL}/statistics/export${toQueryString(query)}`}
            testId="service-statistics-export"
          />
        </Space>
      }
      loading={statistics.isLoading}
    >
      {data && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Row gutter={16}>
            <Col span={4}>
              <Statistic title={t('services.statEvents')} value={data.events.totals.events} />
            </Col>
            <Col span={4}>
              <Statistic
                title={t('services.statAttendanceRate')}
                value={percent(data.events.totals.attendanceRate)}
              />
            </Col>
            <Col span={4}>
              <Statistic
                title={t('services.statSatisfaction')}
                value={plain(data.events.totals.satisfaction)}
              />
            </Col>
            <Col span={4}>
              <Statistic title={t('services.statProblems')} value={data.problems.totals.total} />
            </Col>
            <Col span={4}>
              <Statistic
                title={t('services.statOnTimeRate')}
                value={percent(data.problems.totals.onTimeRate)}
              />
            </Col>
            <Col span={4}>
              <Statistic
                title={t('services.statReopenRate')}
                value={percent(data.problems.totals.reopenRate)}
              />
            </Col>
          </Row>
          <Table<EventRow>
            title={() => t('services.statEventsByType')}
            data-testid="service-statistics-events"
            size="small"
            pagination={false}
            rowKey={(row) => `${row.year}-${row.typeId}`}
            columns={eventColumns}
            dataSource={data.events.byTypeAndYear}
          />
          <Table<QuestionRow>
            title={() =>
              `${t('services.statQuestions')}：${t('services.statAsked')} ${data.questions.asked}，${t('services.statAnswered')} ${data.questions.answered}，${t('services.statPublished')} ${data.questions.published}`
            }
            data-testid="service-statistics-questions"
            size="small"
            pagination={false}
            rowKey="year"
            columns={questionColumns}
            dataSource={data.questions.byYear}
          />
          <Table<VisitRow>
            title={() => t('services.statVisitsByCampaign')}
            size="small"
            pagination={false}
            rowKey={(row) => `${row.campaignId}-${row.kind}`}
            columns={visitColumns}
            dataSource={data.visits.byCampaignAndKind}
          />
          <Table
            title={() => t('services.statProblemsByCategory')}
            size="small"
            pagination={false}
            rowKey="category"
            columns={problemColumns<ServiceStatistics['problems']['byCategory'][number]>([
              { title: t('services.category'), dataIndex: 'category', render: categoryName },
            ])}
            dataSource={data.problems.byCategory}
          />
          <Table
            title={() => t('services.statProblemsByDepartment')}
            data-testid="service-statistics-departments"
            size="small"
            pagination={false}
            rowKey="departmentId"
            columns={problemColumns<ServiceStatistics['problems']['byDepartment'][number]>([
              {
                title: t('services.department'),
                dataIndex: 'departmentName',
                render: (name: string, row) => (
                  <Link to={`/bureau/services/problems?departmentId=${row.departmentId}`}>{name}</Link>
                ),
              },
            ])}
            dataSource={data.problems.byDepartment}
          />
          <Table
            title={() => t('services.statProblemsByStatus')}
            size="small"
            pagination={false}
            rowKey="status"
            columns={problemColumns<ServiceStatistics['problems']['byStatus'][number]>([
              {
                title: t('services.status'),
                dataIndex: 'status',
                render: (status: keyof typeof serviceProblemWorkflow.states) => (
                  <Link to={`/bureau/services/problems?status=${status}`}>
                    {translate(serviceProblemWorkflow.states[status], language)}
                  </Link>
                ),
              },
            ])}
            dataSource={data.problems.byStatus}
          />
        </Space>
      )}
    </Card>
  );
}
