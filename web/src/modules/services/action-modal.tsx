import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { handleApiError } from '../../app/api-client';
import { showSuccessMessage } from '../../app/feedback';
import { SERVICES_KEY } from './use-services';

/**
 * A form in a modal that sends one request about a record (sign up, answer, walk-in, a ticket's
 * step): the server's refusal is shown on the fields it names, a success reloads the module's lists.
 */
export function useActionModal<TValues, TTarget>(options: {
  submit: (values: TValues, target: TTarget) => Promise<unknown>;
  successText: string;
  initialValues?: (target: TTarget) => Partial<TValues>;
}) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TValues>();
  const [target, setTarget] = useState<TTarget | null>(null);
  const send = useMutation({
    mutationFn: (values: TValues) => {
      if (target === null) throw new Error('nothing is open');
      return options.submit(values, target);
    },
    onSuccess: () => {
      showSuccessMessage(options.successText);
      setTarget(null);
      void queryClient.invalidateQueries({ queryKey: [...SERVICES_KEY] });
    },
    onError: (error) => handleApiError(error, { form: form as FormInstance }),
  });
  return {
    form,
    target,
    send,
    open: (next: TTarget) => {
      form.resetFields();
      const values = options.initialValues?.(next);
      if (values) form.setFieldsValue(values as Parameters<typeof form.setFieldsValue>[0]);
      setTarget(next);
    },
    close: () => setTarget(null),
  };
}

export function ActionModal<TValues, TTarget>(props: {
  action: ReturnType<typeof useActionModal<TValues, TTarget>>;
  title: string;
  okTestId?: string;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { form, target, send, close } = props.action;
  return (
    <Modal
      open={target !== null}
      title={props.title}
      width={props.width}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={close}
      onOk={() => form.submit()}
      okButtonProps={{
        loading: send.isPending,
        ...(props.okTestId ? { 'data-testid': props.okTestId } : {}),
      }}
      forceRender
    >
      <Form<TValues> form={form} layout="vertical" onFinish={(values) => send.mutate(values)}>
        {props.children}
      </Form>
    </Modal>
  );
}
