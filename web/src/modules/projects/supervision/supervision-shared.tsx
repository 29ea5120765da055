import { UploadOutlined } from '@ant-design/icons';
import type { SupervisionFile } from '@kechuang/domain';
import { Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../../app/api-client';

/** 万元 with two decimals from fen. */
export function formatWan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return (fen / 1_000_000).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function wanToFen(wan: number | null | undefined): number {
  return Math.round((wan ?? 0) * 1_000_000);
}

export function FileLinks({ files }: { files: SupervisionFile[] }) {
  if (files.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space wrap>
      {files.map((file) => (
        <a key={file.id} href={`/api/supervision/files/${file.id}`}>
          {file.fileName}
        </a>
      ))}
    </Space>
  );
}

/** Uploads files for a project one by one (PDF, Word, JPG, PNG) and keeps their ids for the form. */
export function AttachmentPicker(props: {
  projectId: number;
  value?: number[];
  onChange?: (value: number[]) => void;
}) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<SupervisionFile[]>([]);
  return (
    <Space direction="vertical">
      <Upload
        showUploadList={false}
        accept=".pdf,.doc,.docx,.jpg,.jpeg,.png"
        customRequest={async (options) => {
          const form = new FormData();
          form.append('file', options.file as Blob);
          try {
            const file = await api.upload<SupervisionFile>(
              `/api/supervision/projects/${props.projectId}/files`,
              form,
            );
            const next = [...files, file];
            setFiles(next);
            props.onChange?.(next.map((item) => item.id));
            options.onSuccess?.(file);
          } catch (error) {
            handleApiError(error);
            options.onError?.(error as Error);
          }
        }}
      >
        <Button icon={<UploadOutlined />}>{t('supervision.upload')}</Button>
      </Upload>
      {files.map((file) => (
        <Typography.Text key={file.id}>{file.fileName}</Typography.Text>
      ))}
    </Space>
  );
}
