import type { ProgressReport } from '@kechuang/domain';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Input, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, handleApiError } from '../../../app/api-client';
import { useAuth } from '../../../app/auth-context';
import { showSuccessMessage } from '../../../app/feedback';
import { ListTable } from '../../../app/list-page/list-table';
import { useOverdueReports, useRefreshSupervision } from './use-supervision';

const DAY = 86_400_000;

/** 逾期报告: every report past its due date, with a reminder per row and one for all. */
export function OverdueReportsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [keyword, setKeyword] = useState('');
  const [page, setPage] = useState(1);
  const query = useOverdueReports({ keyword: keyword || undefined, page, pageSize: 20, order: 'asc' });
  const refresh = useRefreshSupervision();
  const remind = useMutation({
    mutationFn: (id: number | null) =>
      api.post<{ reminded: number }>(
        id === null ? '/api/supervision/overdue-reports/remind' : `/api/supervision/reports/${id}/remind`,
      ),
    onSuccess: (result) => {
      showSuccessMessage(t('supervision.remindedCount', { count: result.reminded }));
      void refresh();
    },
    onError: (error) => handleApiError(error),
  });
  const isStaff = user?.role === 'staff';
  return (
    <Card
      title={t('supervision.overdueTitle')}
      extra={
        isStaff && (
          <Popconfirm title={t('supervision.remindAllConfirm')} onConfirm={() => remind.mutate(null)}>
            <Button type="primary" data-testid="remind-all">
              {t('supervision.remindAll')}
            </Button>
          </Popconfirm>
        )
      }
    >
      <Input.Search
        allowClear
        placeholder={t('supervision.keywordPlaceholder')}
        style={{ width: 280, marginBottom: 16 }}
        onSearch={(value) => {
          setKeyword(value);
          setPage(1);
        }}
      />
      <ListTable<ProgressReport>
        query={query}
        pagination={{ current: page, pageSize: 20, total: query.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('supervision.projectNo'), dataIndex: 'projectNo' },
          {
            title: t('supervision.projectTitle'),
            dataIndex: 'projectTitle',
            render: (title: string, row) => <Link to={`/bureau/projects/${row.projectId}`}>{title}</Link>,
          },
          { title: t('supervision.enterprise'), dataIndex: 'enterpriseName' },
          { title: t('supervision.periodNo'), dataIndex: 'periodNo', width: 70 },
          { title: t('supervision.dueOn'), dataIndex: 'dueOn' },
          {
            title: t('supervision.daysOverdue'),
            render: (_: unknown, row) => (
              <Typography.Text type="danger">
                {Math.max(0, Math.floor((Date.now() - new Date(`${row.dueOn}T00:00:00`).getTime()) / DAY))}
              </Typography.Text>
            ),
          },
          {
            title: t('supervision.lastReminded'),
            dataIndex: 'lastRemindedAt',
            render: (value: string | null) => value?.slice(0, 10) ?? '—',
          },
          {
            title: t('supervision.operations'),
            render: (_: unknown, row) =>
              isStaff && (
                <Space>
                  <Button size="small" onClick={() => remind.mutate(row.id)} data-testid={`remind-${row.id}`}>
                    {t('supervision.remind')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}
