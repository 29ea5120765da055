import { useQuery } from '@tanstack/react-query';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { ListTable } from '../../app/list-page/list-table';
import { textIn } from '../cultivation/registers-shared';
import type { Results } from './round-types';

/** 评分与排名: the ranking by trimmed mean, with its Excel and Word exports. */
export function RoundResultsTab({ id, isActive }: { id: number; isActive: boolean }) {
  const { t } = useTranslation();
  const results = useQuery({
    queryKey: ['reviews', 'results', id],
    queryFn: () => api.get<Results>(`/api/reviews/rounds/${id}/results`),
    enabled: isActive,
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Button href={`/api/reviews/rounds/${id}/results/xlsx`} data-testid="results-xlsx">
          {t('reviews.exportXlsx')}
        </Button>
        <Button href={`/api/reviews/rounds/${id}/results/docx`}>{t('reviews.exportDocx')}</Button>
      </Space>
      <ListTable<Results['items'][number]>
        data-testid="results-table"
        rowKey="itemId"
        query={results}
        pagination={false}
        columns={[
          {
            title: t('reviews.rank'),
            render: (_, row) =>
              row.rank === null ? '—' : `${row.rank}${row.isTied ? `（${t('reviews.tied')}）` : ''}`,
          },
          { title: t('reviews.items'), dataIndex: 'title' },
          { title: t('reviews.sheets'), dataIndex: 'sheetCount' },
          { title: t('reviews.trimmedMean'), dataIndex: 'trimmedMean' },
          { title: t('reviews.mean'), dataIndex: 'mean' },
          {
            title: t('reviews.votes'),
            render: (_, row) => `${row.votes.pass}/${row.votes.fail}`,
          },
          {
            title: t('reviews.outliers'),
            render: (_, row) => row.outliers.map((outlier) => textIn(outlier.reason)).join('；'),
          },
        ]}
      />
    </Space>
  );
}
