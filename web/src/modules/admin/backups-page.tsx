import type { BackupStatus } from '@kechuang/domain';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** The security administrator's backups: the folder and retention, each day's run, the files kept. */
export function BackupsPage() {
  const { t } = useTranslation();
  const status = useQuery({
    queryKey: ['admin', 'backups'],
    queryFn: () => api.get<BackupStatus>('/api/admin/backups'),
  });
  const data = status.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('menu.backups')} loading={status.isLoading}>
        {data && !data.directory && (
          <Alert type="warning" showIcon message={t('admin.backupNotConfigured')} />
        )}
        {data?.directory && (
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('admin.backupDirectory')}>
              <Typography.Text code data-testid="backup-directory">
                {data.directory}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('admin.backupStatus')}>
              {t('admin.backupRetention', { daily: data.retention.daily, weekly: data.retention.weekly })}
            </Descriptions.Item>
          </Descriptions>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('admin.backupCommandHint')}
        </Typography.Paragraph>
      </Card>
      <Card title={t('admin.backupRuns')}>
        <Table
          rowKey="day"
          size="small"
          data-testid="backup-runs"
          loading={status.isFetching}
          dataSource={data?.runs ?? []}
          pagination={false}
          columns={[
            { title: t('admin.backupDay'), dataIndex: 'day', width: 120 },
            {
              title: t('admin.backupStatus'),
              width: 90,
              render: (_, run) =>
                run.isFailed ? (
                  <Tag color="red">{t('admin.backupFailed')}</Tag>
                ) : run.finishedAt ? (
                  <Tag color="green">{t('admin.backupOk')}</Tag>
                ) : (
                  <Tag color="blue">{t('admin.backupRunning')}</Tag>
                ),
            },
            { title: t('admin.backupOutcome'), dataIndex: 'outcome' },
            { title: t('admin.backupInstance'), dataIndex: 'instance', width: 220 },
          ]}
        />
      </Card>
      <Card title={t('admin.backupFiles')}>
        <Table
          rowKey="name"
          size="small"
          dataSource={data?.files ?? []}
          pagination={false}
          columns={[
            { title: t('admin.backupFile'), dataIndex: 'name' },
            {
              title: t('admin.backupCreatedAt'),
              dataIndex: 'createdAt',
              width: 180,
              render: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm:ss'),
            },
            {
              title: t('admin.backupSize'),
              dataIndex: 'bytes',
              width: 120,
              align: 'right',
              render: megabytes,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
