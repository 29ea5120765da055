import { DownloadOutlined, FileAddOutlined } from '@ant-design/icons';
import type { GuideEdition } from '@kechuang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Table } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../app/api-client';
import { showSuccessMessage } from '../../app/feedback';
import { POLICIES_KEY, POLICIES_URL } from './use-policies';

/**
 * The kept editions of the year's 《指引》: each printing generated from the library with its date,
 * how many items it holds and the copies of the year handed out; staff generate a new one, anyone in
 * the bureau downloads the Word file as it was kept.
 */
export function GuideEditionsCard({ edition, canGenerate }: { edition: number; canGenerate: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const editions = useQuery({
    queryKey: [...POLICIES_KEY, 'guide', 'editions', edition],
    queryFn: () => api.get<{ items: GuideEdition[] }>(`${POLICIES_URL}/guide/editions?edition=${edition}`),
  });
  const generate = useMutation({
    mutationFn: () => api.post<GuideEdition>(`${POLICIES_URL}/guide/editions`, { edition }),
    onSuccess: () => {
      showSuccessMessage(t('common.done'));
      void queryClient.invalidateQueries({ queryKey: [...POLICIES_KEY, 'guide'] });
    },
    onError: (error) => handleApiError(error),
  });
  return (
    <Card
      size="small"
      title={t('policies.editionsTitle')}
      data-testid="guide-editions"
      extra={
        canGenerate && (
          <Button
            icon={<FileAddOutlined />}
            loading={generate.isPending}
            onClick={() => generate.mutate()}
            data-testid="guide-edition-generate"
          >
            {t('policies.editionGenerate')}
          </Button>
        )
      }
    >
      <Table<GuideEdition>
        rowKey="id"
        size="small"
        loading={editions.isFetching}
        dataSource={editions.data?.items ?? []}
        pagination={false}
        columns={[
          {
            title: t('policies.editionName'),
            key: 'name',
            render: (_, row) => t('policies.editionNumber', { edition: row.edition, number: row.number }),
          },
          {
            title: t('policies.editionCreatedAt'),
            dataIndex: 'createdAt',
            width: 150,
            render: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm'),
          },
          {
            title: t('policies.editionItems'),
            dataIndex: 'itemCount',
            width: 80,
            render: (value: number | null) => value ?? '—',
          },
          {
            title: t('policies.editionPolicies'),
            key: 'policies',
            width: 80,
            render: (_, row) => row.policyVersions.length,
          },
          { title: t('policies.editionCopies'), dataIndex: 'copiesDistributed', width: 140 },
          {
            title: t('policies.editionDownload'),
            key: 'download',
            width: 90,
            render: (_, row) => (
              <Button
                size="small"
                icon={<DownloadOutlined />}
                href={`${POLICIES_URL}/guide/editions/${row.id}/document`}
                data-testid={`guide-edition-download-${row.number}`}
              >
                {t('policies.editionDownload')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
