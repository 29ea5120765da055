import { findTransition, translate, type WorkflowDefinition } from '@kechuang/domain';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from './api-client';
import { showSuccessMessage } from './feedback';
import { currentLanguage } from './i18n';

interface WorkflowActionsProps<TResult> {
  definition: WorkflowDefinition;
  /** What the server allows the caller now (the record's `allowedActions`). */
  allowedActions: string[];
  /** Where an action is fired, e.g. `/api/cultivation/hte-applications/7/actions/submit`. */
  actionUrl: (action: string) => string;
  version: number;
  onDone: (result: TResult) => void;
  /** Called on 409: the record changed underneath; reload it. */
  onConflict: () => void;
  /** States an action leads into that deserve a red button. */
  dangerStates?: string[];
}

/** One button per allowed action of any lifecycle; actions that need an opinion ask for it in a modal. */
export function WorkflowActions<TResult>(props: WorkflowActionsProps<TResult>) {
  const { t } = useTranslation();
  const [commentAction, setCommentAction] = useState<string | null>(null);
  const [form] = Form.useForm<{ comment: string }>();
  const language = currentLanguage();

  const fire = useMutation({
    mutationFn: ({ action, comment }: { action: string; comment?: string }) =>
      api.post<TResult>(props.actionUrl(action), { version: props.version, comment }),
    onSuccess: (result) => {
      setCommentAction(null);
      form.resetFields();
      showSuccessMessage(t('common.done'));
      props.onDone(result);
    },
    onError: (error) =>
      handleApiError(error, {
        form: commentAction ? form : undefined,
        onConflict: () => {
          setCommentAction(null);
          props.onConflict();
        },
      }),
  });

  const transitions = props.allowedActions
    .map((action) => findTransition(props.definition, action))
    .filter((transition) => transition !== undefined);
  if (transitions.length === 0) return null;
  const modalTransition = commentAction ? findTransition(props.definition, commentAction) : undefined;

  return (
    <>
      <Space wrap>
        {transitions.map((transition) => {
          const label = translate(transition.label, language);
          const isDanger = props.dangerStates?.includes(transition.to) ?? false;
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
              <Button
                type="primary"
                danger={isDanger}
                data-testid={`action-${transition.action}`}
                loading={fire.isPending}
              >
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
        okButtonProps={{ loading: fire.isPending, 'data-testid': 'comment-submit' }}
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
