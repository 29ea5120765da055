import { DownloadOutlined } from '@ant-design/icons';
import {
  PLAN_PROJECT_STATUSES,
  planProjectWorkflow,
  type SupervisionProject,
  translate,
} from '@kechuang/domain';
import { Badge, Button, Card, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toQueryString } from '../../../app/api-client';
import { useAuth } from '../../../app/auth-context';
import { currentLanguage } from '../../../app/i18n';
import { ListTable } from '../../../app/list-page/list-table';
import { formatWan } from './supervision-shared';
import { STATUS_COLORS, useSupervisionProjects } from './use-supervision';

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];

/** Staff: every project with counts per status and filters. Enterprise: its own projects and what is due next. */
export function SupervisionProjectListPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const isEnterprise = user?.role === 'enterprise';
  const base = isEnterprise ? '/enterprise/projects' : '/bureau/projects';
  const [status, setStatus] = useState<string | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const [keyword, setKeyword] = useState('');
  const [page, setPage] = useState(1);
  const query = useSupervisionProjects({
    status,
    year,
    keyword: keyword.trim() || undefined,
    page,
    pageSize: 20,
  });
  const language = currentLanguage();
  const counts = query.data?.statusCounts ?? {};

  return (
    <Card
      title={t(isEnterprise ? 'supervision.myProjects' : 'supervision.projectsTitle')}
      extra={
        !isEnterprise && (
          <Button
            icon={<DownloadOutlined />}
            href={`/api/supervision/projects/export${toQueryString({ status, year, keyword: keyword.trim() || undefined })}`}
          >
            {t('supervision.export')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Tag.CheckableTag
          checked={status === undefined}
          onChange={() => {
            setStatus(undefined);
            setPage(1);
          }}
          data-testid="status-all"
        >
          {t('supervision.all')} {Object.values(counts).reduce((sum, count) => sum + count, 0)}
        </Tag.CheckableTag>
        {PLAN_PROJECT_STATUSES.filter((item) => counts[item]).map((item) => (
          <Tag.CheckableTag
            key={item}
            checked={status === item}
            onChange={() => {
              setStatus(item);
              setPage(1);
            }}
            data-testid={`status-${item}`}
          >
            {translate(planProjectWorkflow.states[item], language)} {counts[item]}
          </Tag.CheckableTag>
        ))}
      </Space>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('supervision.year')}
          style={{ width: 120 }}
          value={year}
          onChange={(value) => {
            setYear(value);
            setPage(1);
          }}
          options={YEARS.map((value) => ({ value, label: `${value}` }))}
        />
        <Input.Search
          allowClear
          placeholder={t('supervision.keywordPlaceholder')}
          style={{ width: 280 }}
          onSearch={(value) => {
            setKeyword(value);
            setPage(1);
          }}
          data-testid="project-search"
        />
      </Space>
      <ListTable<SupervisionProject>
        query={query}
        pagination={{ current: page, pageSize: 20, total: query.data?.total ?? 0, onChange: setPage }}
        scroll={{ x: 1100 }}
        columns={[
          { title: t('supervision.projectNo'), dataIndex: 'projectNo', width: 140 },
          {
            title: t('supervision.projectTitle'),
            dataIndex: 'title',
            render: (title: string, row) => (
              <Link to={`${base}/${row.id}`} data-testid={`project-link-${row.id}`}>
                {title}
              </Link>
            ),
          },
          ...(isEnterprise ? [] : [{ title: t('supervision.enterprise'), dataIndex: 'enterpriseName' }]),
          { title: t('supervision.year'), dataIndex: 'year', width: 70 },
          {
            title: t('supervision.status'),
            dataIndex: 'status',
            width: 120,
            render: (value: SupervisionProject['status']) => (
              <Tag color={STATUS_COLORS[value]}>{translate(planProjectWorkflow.states[value], language)}</Tag>
            ),
          },
          { title: t('supervision.principal'), dataIndex: 'principalName', width: 90 },
          {
            title: t('supervision.approvedWan'),
            dataIndex: 'approvedFen',
            width: 110,
            align: 'right' as const,
            render: (fen: number) => formatWan(fen),
          },
          {
            title: t('supervision.period'),
            width: 200,
            render: (_: unknown, row) => `${row.startOn} ~ ${row.extendedEndOn ?? row.endOn}`,
          },
          {
            title: t('supervision.nextDue'),
            width: 190,
            render: (_: unknown, row) =>
              row.nextDue ? (
                <Space>
                  <span>{t(`supervision.due.${row.nextDue.kind}`)}</span>
                  <Typography.Text type={row.overdueReports > 0 ? 'danger' : undefined}>
                    {row.nextDue.dueOn}
                  </Typography.Text>
                </Space>
              ) : (
                '—'
              ),
          },
          {
            title: t('supervision.marks'),
            width: 140,
            render: (_: unknown, row) => (
              <Space>
                {row.overdueReports > 0 && (
                  <Badge status="error" text={t('supervision.overdueCount', { count: row.overdueReports })} />
                )}
                {row.pendingChanges > 0 && (
                  <Badge
                    status="processing"
                    text={t('supervision.changeCount', { count: row.pendingChanges })}
                  />
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
