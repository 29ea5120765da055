import {
  type EnterpriseDetail,
  enterpriseVerificationWorkflow,
  findTransition,
  translate,
} from '@kechuang/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../app/api-client';
import { showSuccessMessage } from '../../app/feedback';
import { currentLanguage } from '../../app/i18n';

interface TransitionButtonsProps {
  detail: EnterpriseDetail;
  /** Query key of the record, refreshed after a change or a version conflict. */
  queryKey: readonly unknown[];
}

/** One button per action the server allows now; actions that need an opinion open a modal. */
export function TransitionButtons({ detail, queryKey }: TransitionButtonsProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [commentAction, setCommentAction] = useState<string | null>(null);
  const [form] = Form.useForm<{ comment: string }>();
  const enterprise = detail.enterprise;

  const fire = useMutation({
    mutationFn: ({ action, comment }: { action: string; comment?: string }) =>
      api.post<EnterpriseDetail>(`/api/enterprises/${enterprise.id}/actions/${action}`, {
        version: enterprise.version,
        comment,
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: ['enterprises'] });
      void queryClient.invalidateQueries({ queryKey: ['workbench'] });
      setCommentAction(null);
      form.resetFields();
      showSuccessMessage(t('common.done'));
    },
    onError: (error) =>
      handleApiError(error, {
        form: commentAction ? form : undefined,
        onConflict: () => {
          setCommentAction(null);
          void queryClient.invalidateQueries({ queryKey });
        },
      }),
  });

  const transitions = detail.allowedActions
    .map((action) => findTransition(enterpriseVerificationWorkflow, action))
    .filter((transition) => transition !== undefined);
  if (transitions.length === 0) return null;
  const language = currentLanguage();
  const modalTransition = commentAction
    ? findTransition(enterpriseVerificationWorkflow, commentAction)
    : undefined;

  return (
    <>
      <Space wrap>
        {transitions.map((transition) => {
          const label = translate(transition.label, language);
          const isDanger = transition.to === 'returned';
          if (transition.requiresComment) {
            return (
              <Button
                key={transition.action}
                danger={isDanger}
                data-testid={`action-${transition.action}`}
                onClick={() => setCommentAction(transition.action)}
              >
                {label}
              </Button>
            );
          }
          return (
            <Popconfirm
              key={transition.action}
              title={`${label}？`}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              okButtonProps={{ 'data-testid': `confirm-${transition.action}` }}
              onConfirm={() => fire.mutate({ action: transition.action })}
            >
              <Button type="primary" data-testid={`action-${transition.action}`} loading={fire.isPending}>
                {label}
              </Button>
            </Popconfirm>
          );
        })}
      </Space>
      <Modal
        open={commentAction !== null}
        title={modalTransition ? translate(modalTransition.label, language) : ''}
        okText={t('common.submit')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: fire.isPending, danger: true, 'data-testid': 'comment-submit' }}
        onCancel={() => setCommentAction(null)}
        onOk={() => form.submit()}
        destroyOnHidden
        forceRender
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => {
            if (commentAction) fire.mutate({ action: commentAction, comment: values.comment.trim() });
          }}
        >
          <Form.Item
            name="comment"
            label={t('enterprise.comment')}
            rules={[
              { required: true, whitespace: true, message: t('enterprise.commentRequired') },
              { max: 2000 },
            ]}
          >
            <Input.TextArea
              rows={4}
              placeholder={t('enterprise.commentPlaceholder')}
              data-testid="comment-input"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
