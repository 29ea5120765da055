import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Progress, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from './api-client';

interface ImportJob {
  id: number;
  status: 'validating' | 'failed' | 'done';
  fileName: string;
  totalRows: number;
  processedRows: number;
  errors: { row: number; column: string | null; message: string }[];
  result: { created: number; updated: number } | null;
}

interface ImportModalProps {
  /** The import's kind on the server, e.g. `enterprise-ledger`. */
  kind: string;
  title: string;
  /** Query keys to refresh once the import is done. */
  invalidates: string[][];
}

/** 导入: template download, upload, progress while rows are checked, and every bad row with its reason. */
export function ImportButton({ kind, title, invalidates }: ImportModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [isOpen, setIsOpen] = useState(false);
  const [jobId, setJobId] = useState<number | null>(null);
  const [isUploading, setIsUploading] = useState(false);

  const job = useQuery({
    queryKey: ['imports', 'job', jobId],
    queryFn: () => api.get<ImportJob>(`/api/imports/jobs/${jobId}`),
    enabled: jobId !== null,
    refetchInterval: (query) =>
      query.state.data?.status === 'validating' || !query.state.data ? 500 : false,
  });
  const data = job.data;
  if (data?.status === 'done' && data.result) {
    for (const key of invalidates) void queryClient.invalidateQueries({ queryKey: key });
  }

  const upload = async (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    setIsUploading(true);
    try {
      const created = await api.upload<ImportJob>(`/api/imports/${kind}`, form);
      setJobId(created.id);
    } catch (error) {
      handleApiError(error);
    } finally {
      setIsUploading(false);
    }
  };

  const close = () => {
    setIsOpen(false);
    setJobId(null);
  };

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setIsOpen(true)} data-testid={`import-${kind}`}>
        {t('import.button')}
      </Button>
      <Modal
        open={isOpen}
        title={`${t('import.button')}：${title}`}
        onCancel={close}
        footer={null}
        width={760}
        destroyOnHidden
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t('import.rules')} />
          <Button
            icon={<DownloadOutlined />}
            href={`/api/imports/${kind}/template`}
            data-testid="import-template"
          >
            {t('import.template')}
          </Button>
          <Upload.Dragger
            accept=".xlsx"
            maxCount={1}
            showUploadList={false}
            disabled={isUploading || data?.status === 'validating'}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
            data-testid="import-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>{t('import.drop')}</p>
          </Upload.Dragger>
          {data && (
            <div data-testid="import-status">
              <Typography.Text strong>{data.fileName}</Typography.Text>
              <Progress
                percent={
                  data.totalRows
                    ? Math.round((data.processedRows / data.totalRows) * 100)
                    : data.status === 'validating'
                      ? 0
                      : 100
                }
                status={
                  data.status === 'failed' ? 'exception' : data.status === 'done' ? 'success' : 'active'
                }
              />
              {data.status === 'done' && data.result && (
                <Alert
                  type="success"
                  showIcon
                  title={t('import.done', { created: data.result.created, updated: data.result.updated })}
                />
              )}
              {data.status === 'failed' && (
                <>
                  <Alert type="error" showIcon title={t('import.failed', { count: data.errors.length })} />
                  <Table
                    size="small"
                    rowKey={(row) => `${row.row}-${row.column}-${row.message}`}
                    dataSource={data.errors}
                    pagination={{ pageSize: 8, hideOnSinglePage: true }}
                    data-testid="import-errors"
                    columns={[
                      { title: t('import.row'), dataIndex: 'row', width: 80 },
                      {
                        title: t('import.column'),
                        dataIndex: 'column',
                        width: 160,
                        render: (value: string | null) => value ?? '—',
                      },
                      { title: t('import.reason'), dataIndex: 'message' },
                    ]}
                  />
                </>
              )}
            </div>
          )}
        </Space>
      </Modal>
    </>
  );
}
