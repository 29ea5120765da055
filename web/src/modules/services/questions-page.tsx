import { SERVICE_QUESTION_STATUS_LABELS, type ServiceBoardQuestion, translate } from '@kechuang/domain';
import type { TableProps } from 'antd';
import { Button, Card, Form, Input, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth-context';
import { currentLanguage } from '../../app/i18n';
import { CountTabs } from '../../app/list-page/count-tabs';
import { ListPage } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { FilterCol, QueryBar } from '../../app/list-page/query-bar';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { QuestionDrawer } from './question-drawer';
import { useQuestionList } from './use-services';

type Filters = { keyword?: string };
const STATUS_COLORS = { open: 'orange', answered: 'green' } as const;

export const questionStatusTag = (status: ServiceBoardQuestion['status']) => (
  <Tag color={STATUS_COLORS[status]}>
    {translate(SERVICE_QUESTION_STATUS_LABELS[status], currentLanguage())}
  </Tag>
);

/**
 * 在线答疑: the enterprises' questions, those waiting first; a department account sees the ones
 * routed to it. Each opens in a drawer to be answered, routed or published as an FAQ.
 */
export function QuestionBoardPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { values, page, pageSize, update } = useUrlFilters(['status', 'keyword', 'open'] as const);
  const list = useQuestionList({ status: values.status, keyword: values.keyword, page, pageSize });
  const columns: TableProps<ServiceBoardQuestion>['columns'] = [
    {
      title: t('services.questionTitle'),
      dataIndex: 'title',
      render: (text: string, row) => (
        <Button
          type="link"
          style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => update({ open: row.id })}
        >
          {text}
        </Button>
      ),
    },
    { title: t('services.questionEnterprise'), dataIndex: 'enterpriseName', width: 220 },
    { title: t('services.questionTopic'), dataIndex: 'topic', width: 140 },
    { title: t('services.questionDepartment'), dataIndex: 'departmentName', width: 170 },
    {
      title: t('services.questionAskedAt'),
      dataIndex: 'createdAt',
      width: 110,
      render: (value: string) => value.slice(0, 10),
    },
    {
      title: t('services.questionStatus'),
      key: 'status',
      width: 170,
      render: (_v, row) => (
        <Space size={4}>
          {questionStatusTag(row.status)}
          {row.isFaq && <Tag color="blue">FAQ</Tag>}
        </Space>
      ),
    },
  ];
  const content = (
    <>
      <CountTabs
        testIdPrefix="question-tab"
        activeKey={values.status ?? 'all'}
        onChange={(key) => update({ status: key === 'all' ? undefined : key, page: 1 })}
        tabs={[
          { key: 'all', label: t('common.all') },
          ...(['open', 'answered'] as const).map((status) => ({
            key: status,
            label: translate(SERVICE_QUESTION_STATUS_LABELS[status], currentLanguage()),
          })),
        ]}
      />
      <ListTable<ServiceBoardQuestion>
        data-testid="question-table"
        columns={columns}
        query={list}
        paging={{ page, pageSize, update }}
        emptyText={t('services.noQuestions')}
      />
      <QuestionDrawer
        id={values.open ? Number(values.open) : null}
        onClose={() => update({ open: undefined })}
      />
    </>
  );
  if (user?.role === 'department') return <Card title={t('services.questionsTitle')}>{content}</Card>;
  return (
    <ListPage
      title={t('services.questionsTitle')}
      filters={
        <QueryBar<Filters>
          testId="question-query"
          values={{ keyword: values.keyword }}
          onSearch={(input) => update({ keyword: input.keyword?.trim() || undefined, page: 1 })}
          onReset={() => update({ keyword: undefined, page: 1 })}
        >
          <FilterCol>
            <Form.Item name="keyword" label={t('common.search')}>
              <Input allowClear placeholder={t('services.questionKeyword')} data-testid="question-keyword" />
            </Form.Item>
          </FilterCol>
        </QueryBar>
      }
    >
      {content}
    </ListPage>
  );
}
