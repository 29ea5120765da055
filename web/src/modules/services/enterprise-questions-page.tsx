import { QUESTION_CONTENT_MAX, QUESTION_TITLE_MAX, type ServiceBoardQuestion } from '@kechuang/domain';
import type { TableProps } from 'antd';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { ListTable } from '../../app/list-page/list-table';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { ActionModal, useActionModal } from './action-modal';
import { questionStatusTag } from './questions-page';
import { SERVICES_URL, useQuestionList } from './use-services';

type AskValues = { title: string; content: string; topic?: string; policyRef?: string };

/** 我的提问: an enterprise asks on the online 答疑 board and reads the answers to its own questions. */
export function EnterpriseQuestionsPage() {
  const { t } = useTranslation();
  const { page, pageSize, update } = useUrlFilters([] as const);
  const list = useQuestionList({ page, pageSize });
  const ask = useActionModal<AskValues, true>({
    submit: (values) =>
      api.post(`${SERVICES_URL}/questions`, {
        title: values.title,
        content: values.content,
        topic: values.topic?.trim() || null,
        policyRef: values.policyRef?.trim() || null,
      }),
    successText: t('services.questionAsked'),
  });
  const required = [{ required: true, whitespace: true, message: t('services.required') }];
  const columns: TableProps<ServiceBoardQuestion>['columns'] = [
    { title: t('services.questionTitle'), dataIndex: 'title' },
    { title: t('services.questionTopic'), dataIndex: 'topic', width: 160 },
    {
      title: t('services.questionAskedAt'),
      dataIndex: 'createdAt',
      width: 120,
      render: (value: string) => value.slice(0, 10),
    },
    {
      title: t('services.questionStatus'),
      dataIndex: 'status',
      width: 110,
      render: (status: ServiceBoardQuestion['status']) => questionStatusTag(status),
    },
  ];
  return (
    <Card
      title={t('services.myQuestionsTitle')}
      extra={
        <Button type="primary" data-testid="question-ask" onClick={() => ask.open(true)}>
          {t('services.askQuestion')}
        </Button>
      }
    >
      <ListTable<ServiceBoardQuestion>
        data-testid="my-question-table"
        columns={columns}
        query={list}
        paging={{ page, pageSize, update }}
        emptyText={t('services.noQuestions')}
        expandable={{
          expandRowByClick: true,
          expandedRowRender: (row) => (
            <div data-testid={`my-question-${row.id}`}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{row.content}</Typography.Paragraph>
              {row.policyRef && (
                <Typography.Paragraph type="secondary">
                  {t('services.questionPolicy')}：{row.policyRef}
                </Typography.Paragraph>
              )}
              <Typography.Title level={5}>{t('services.questionAnswer')}</Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="my-question-answer">
                {row.answer ?? t('services.noAnswerYet')}
              </Typography.Paragraph>
              {row.answeredAt && (
                <Typography.Text type="secondary">
                  {t('services.questionAnsweredAt')}：{row.answeredAt.slice(0, 16).replace('T', ' ')}
                </Typography.Text>
              )}
            </div>
          ),
        }}
      />
      <ActionModal action={ask} title={t('services.askQuestion')} okTestId="question-ask-save" width={640}>
        <Form.Item name="title" label={t('services.questionTitle')} rules={required}>
          <Input maxLength={QUESTION_TITLE_MAX} showCount data-testid="question-title" />
        </Form.Item>
        <Form.Item name="content" label={t('services.questionContent')} rules={required}>
          <Input.TextArea
            rows={5}
            maxLength={QUESTION_CONTENT_MAX}
            showCount
            data-testid="question-content"
          />
        </Form.Item>
        <Form.Item name="topic" label={t('services.questionTopic')}>
          <Input maxLength={50} placeholder={t('services.questionTopicHint')} data-testid="question-topic" />
        </Form.Item>
        <Form.Item name="policyRef" label={t('services.questionPolicy')}>
          <Input
            maxLength={200}
            placeholder={t('services.questionPolicyHint')}
            data-testid="question-policy"
          />
        </Form.Item>
      </ActionModal>
    </Card>
  );
}
