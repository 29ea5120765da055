import { SERVICE_QUESTION_STATUS_LABELS, type ServiceBoardQuestion, translate } from '@kechuang/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Form, Input, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { currentLanguage } from '../../app/i18n';
import { SERVICES_KEY, SERVICES_URL, useDepartments, useServiceRecord } from './use-services';

const when = (value: string | null) => (value ? value.slice(0, 16).replace('T', ' ') : '');

/**
 * One question on the 答疑 board: what was asked and by whom; staff (or the department it is routed
 * to) answer it here, staff route it to a department and publish the answered one as an FAQ.
 */
export function QuestionDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const question = useServiceRecord<ServiceBoardQuestion>('questions', id);
  const isStaff = user?.role === 'staff';
  const departments = useDepartments(isStaff);
  const [form] = Form.useForm<{ answer: string }>();
  const data = question.data;
  const reload = () => void queryClient.invalidateQueries({ queryKey: [...SERVICES_KEY] });
  const answer = useMutation({
    mutationFn: (values: { answer: string }) =>
      api.post(`${SERVICES_URL}/questions/${id}/answer`, { ...values, version: data?.version }),
    onSuccess: () => {
      showSuccessMessage(t('services.questionAnswered'));
      form.resetFields();
      reload();
    },
    onError: (error) => handleApiError(error, { form }),
  });
  const change = useMutation({
    mutationFn: (body: { path: 'route' | 'publish'; values: object }) =>
      api.post(`${SERVICES_URL}/questions/${id}/${body.path}`, { ...body.values, version: data?.version }),
    onSuccess: () => {
      showSuccessMessage(t('common.saved'));
      reload();
    },
    onError: (error) => handleApiError(error),
  });
  const canAnswer = data?.status === 'open' && (isStaff || user?.role === 'department');
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={720}
      title={t('services.questionDetail')}
      destroyOnHidden
    >
      {data && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('services.questionTitle')} span={2}>
              {data.title}
            </Descriptions.Item>
            <Descriptions.Item label={t('services.questionEnterprise')}>
              {data.enterpriseName}
            </Descriptions.Item>
            <Descriptions.Item label={t('services.questionAskedAt')}>
              {when(data.createdAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('services.questionTopic')}>{data.topic}</Descriptions.Item>
            <Descriptions.Item label={t('services.questionPolicy')}>{data.policyRef}</Descriptions.Item>
            <Descriptions.Item label={t('services.questionContent')} span={2}>
              <div style={{ whiteSpace: 'pre-wrap' }}>{data.content}</div>
            </Descriptions.Item>
            <Descriptions.Item label={t('services.questionStatus')}>
              <Space>
                <span data-testid="question-status">
                  {translate(SERVICE_QUESTION_STATUS_LABELS[data.status], currentLanguage())}
                </span>
                {data.isFaq && <Tag color="green">{t('services.questionPublished')}</Tag>}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('services.questionDepartment')}>
              {data.departmentName}
            </Descriptions.Item>
            {data.answer !== null && (
              <>
                <Descriptions.Item label={t('services.questionAnswer')} span={2}>
                  <div style={{ whiteSpace: 'pre-wrap' }} data-testid="question-answer">
                    {data.answer}
                  </div>
                </Descriptions.Item>
                <Descriptions.Item label={t('services.questionAnsweredBy')}>
                  {data.answeredBy}
                </Descriptions.Item>
                <Descriptions.Item label={t('services.questionAnsweredAt')}>
                  {when(data.answeredAt)}
                </Descriptions.Item>
              </>
            )}
          </Descriptions>
          {isStaff && data.status === 'open' && (
            <Space>
              {t('services.questionRoute')}
              <Select
                allowClear
                style={{ width: 280 }}
                data-testid="question-route"
                placeholder={t('services.questionRouteHint')}
                value={data.departmentId ?? undefined}
                loading={change.isPending}
                showSearch={{ optionFilterProp: 'label' }}
                options={(departments.data?.items ?? []).map((item) => ({
                  value: item.id,
                  label: item.name,
                }))}
                onChange={(departmentId?: number) =>
                  change.mutate({ path: 'route', values: { departmentId: departmentId ?? null } })
                }
              />
            </Space>
          )}
          {canAnswer && (
            <Form form={form} layout="vertical" onFinish={(values) => answer.mutate(values)}>
              <Form.Item
                name="answer"
                label={t('services.questionAnswer')}
                rules={[{ required: true, whitespace: true, message: t('services.required') }]}
              >
                <Input.TextArea rows={5} maxLength={4000} showCount data-testid="question-answer-input" />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                loading={answer.isPending}
                data-testid="question-answer-submit"
              >
                {t('services.questionAnswerSubmit')}
              </Button>
            </Form>
          )}
          {isStaff && data.status === 'answered' && (
            <Button
              data-testid="question-publish"
              loading={change.isPending}
              onClick={() => change.mutate({ path: 'publish', values: { isFaq: !data.isFaq } })}
            >
              {data.isFaq ? t('services.questionUnpublish') : t('services.questionPublish')}
            </Button>
          )}
        </Space>
      )}
    </Drawer>
  );
}
