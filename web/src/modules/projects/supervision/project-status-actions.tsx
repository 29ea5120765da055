import {
  PROJECT_STATUS_ACTIONS,
  planProjectWorkflow,
  type SupervisionProjectDetail,
  translate,
} from '@kechuang/domain';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../../app/api-client';
import { showSuccessMessage } from '../../../app/feedback';
import { currentLanguage } from '../../../app/i18n';
import { formatWan, wanToFen } from './supervision-shared';

/** 暂停, 恢复, 终止 (with unspent funds), 撤销 (with funds recovered), 归档: staff only. */
export function ProjectStatusActions(props: { detail: SupervisionProjectDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [action, setAction] = useState<string | null>(null);
  const [form] = Form.useForm<{ comment?: string; amountWan?: number }>();
  const actions = props.detail.allowedActions.filter((item) =>
    (PROJECT_STATUS_ACTIONS as readonly string[]).includes(item),
  );
  const fire = useMutation({
    mutationFn: (values: { comment?: string; amountWan?: number }) =>
      api.post(`/api/supervision/projects/${props.detail.project.id}/status/${action}`, {
        version: props.detail.project.version,
        comment: values.comment,
        ...(values.amountWan === undefined || values.amountWan === null
          ? {}
          : { amountFen: wanToFen(values.amountWan) }),
      }),
    onSuccess: () => {
      showSuccessMessage(t('common.done'));
      setAction(null);
      form.resetFields();
      props.onChanged();
    },
    onError: (error) => handleApiError(error, { form, onConflict: props.onChanged }),
  });
  if (actions.length === 0) return null;
  const transition = planProjectWorkflow.transitions.find((item) => item.action === action);
  const needsAmount = action === 'terminate' || action === 'revoke';
  return (
    <>
      <Space wrap>
        {actions.map((item) => {
          const label = planProjectWorkflow.transitions.find((entry) => entry.action === item)?.label;
          return (
            <Button
              key={item}
              danger={item === 'terminate' || item === 'revoke'}
              onClick={() => setAction(item)}
              data-testid={`status-action-${item}`}
            >
              {label ? translate(label, language) : item}
            </Button>
          );
        })}
      </Space>
      <Modal
        open={action !== null}
        title={transition ? translate(transition.label, language) : ''}
        okText={t('common.submit')}
        okButtonProps={{ loading: fire.isPending }}
        onOk={() => form.submit()}
        onCancel={() => setAction(null)}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(values) => fire.mutate(values)}>
          {needsAmount && (
            <Form.Item
              name="amountWan"
              label={action === 'terminate' ? t('supervision.refundWan') : t('supervision.recoverWan')}
              extra={t('supervision.approvedIs', { approved: formatWan(props.detail.project.approvedFen) })}
              rules={[{ required: true, message: t('supervision.amountRequired') }]}
            >
              <InputNumber min={0} precision={2} style={{ width: 200 }} />
            </Form.Item>
          )}
          <Form.Item
            name="comment"
            label={t('supervision.reason')}
            rules={transition?.requiresComment ? [{ required: true, whitespace: true }] : []}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
