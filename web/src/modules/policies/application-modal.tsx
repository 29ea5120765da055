import type { PolicyApplication, PolicyApplicationForm } from '@kechuang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Form, Input, List, Modal, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../app/api-client';
import { showSuccessMessage } from '../../app/feedback';
import { POLICIES_KEY, POLICIES_URL, wan } from './use-policies';

/**
 * 快申快享 for the enterprise: what the bureau's data already shows is listed (not asked); only the
 * conditions it cannot decide ask for evidence.
 */
export function ApplicationModal(props: { itemId: number | null; year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ materials: Record<string, string> }>();
  const shape = useQuery({
    queryKey: [...POLICIES_KEY, 'application-form', props.itemId, props.year],
    queryFn: () =>
      api.get<PolicyApplicationForm>(
        `${POLICIES_URL}/items/${props.itemId}/application-form?year=${props.year}`,
      ),
    enabled: props.itemId !== null,
  });
  const apply = useMutation({
    mutationFn: (values: { materials?: Record<string, string> }) =>
      api.post<PolicyApplication>(`${POLICIES_URL}/applications`, {
        itemId: props.itemId,
        year: props.year,
        materials: Object.entries(values.materials ?? {})
          .filter(([, text]) => text?.trim())
          .map(([index, text]) => ({ index: Number(index), text: text.trim() })),
      }),
    onSuccess: () => {
      showSuccessMessage(t('common.done'));
      void queryClient.invalidateQueries({ queryKey: [...POLICIES_KEY] });
      props.onClose();
    },
    onError: (error) => handleApiError(error, {}),
  });
  const data = shape.data;
  return (
    <Modal
      open={props.itemId !== null}
      title={data ? `${t('policies.applyTitle')}：${data.itemTitle}` : t('policies.applyTitle')}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{
        loading: apply.isPending,
        disabled: !data || data.applicationId !== null,
        'data-testid': 'application-submit',
      }}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      forceRender
    >
      {!data ? (
        <Spin />
      ) : (
        <Form form={form} layout="vertical" onFinish={(values) => apply.mutate(values)}>
          {data.applicationId !== null && (
            <Typography.Paragraph type="warning">{t('policies.alreadyApplied')}</Typography.Paragraph>
          )}
          <Typography.Paragraph>
            {t('policies.expectedAmount')}：{wan(data.amountFen)}
          </Typography.Paragraph>
          <Typography.Text strong>{t('policies.fromData')}</Typography.Text>
          <List
            size="small"
            dataSource={data.prefilled}
            renderItem={(condition) => (
              <List.Item key={condition.index}>
                <Tag color={condition.status === 'met' ? 'green' : 'red'}>
                  {condition.status === 'met' ? '✓' : '✗'}
                </Tag>
                {condition.text}
              </List.Item>
            )}
          />
          {data.asked.map((condition) => (
            <Form.Item
              key={condition.index}
              name={['materials', String(condition.index)]}
              label={condition.document ?? condition.text}
              rules={condition.required ? [{ required: true, whitespace: true }] : []}
            >
              <Input.TextArea
                rows={2}
                placeholder={t('policies.evidencePlaceholder')}
                data-testid={`material-${condition.index}`}
              />
            </Form.Item>
          ))}
        </Form>
      )}
    </Modal>
  );
}
