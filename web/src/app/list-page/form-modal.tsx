import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../api-client';
import { showSuccessMessage } from '../feedback';

/** Records created only (no edit) carry no version. */
interface Versioned {
  id: number;
  version?: number;
}

/**
 * Create or edit one record of a list in a form. Editing sends the record's `version` with the
 * PUT, so a change someone else saved first comes back as 409: the server's 已被他人修改 is shown,
 * the form closes and the list reloads with the newer record.
 */
export function useRecordForm<TRecord extends Versioned, TValues, TResult = unknown>(options: {
  /** The collection: POST here to create, PUT `${url}/${id}` to edit. */
  url: string;
  /** Queries to reload after a save or a conflict. */
  invalidateKey: QueryKey;
  toBody: (values: TValues, editing: TRecord | 'new') => object;
  /** The form's starting values for a new record or the record being edited. */
  toFormValues?: (record: TRecord | 'new') => Partial<TValues> | undefined;
  /** 保存成功 unless told otherwise; null when the page shows the outcome itself. */
  successText?: string | null;
  onSaved?: (result: TResult) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TValues>();
  const [editing, setEditing] = useState<TRecord | 'new' | null>(null);
  const reload = () => void queryClient.invalidateQueries({ queryKey: options.invalidateKey });

  const save = useMutation({
    mutationFn: (values: TValues) => {
      if (editing === null) throw new Error('no record is open');
      const body = options.toBody(values, editing);
      return editing === 'new'
        ? api.post<TResult>(options.url, body)
        : api.put<TResult>(`${options.url}/${editing.id}`, { ...body, version: editing.version });
    },
    onSuccess: (result) => {
      if (options.successText !== null) showSuccessMessage(options.successText ?? t('common.saved'));
      setEditing(null);
      reload();
      options.onSaved?.(result);
    },
    onError: (error) =>
      handleApiError(error, {
        form: form as FormInstance,
        onConflict: () => {
          setEditing(null);
          reload();
        },
      }),
  });

  const open = (record: TRecord | 'new') => {
    setEditing(record);
    form.resetFields();
    const values = options.toFormValues?.(record);
    if (values) form.setFieldsValue(values as Parameters<typeof form.setFieldsValue>[0]);
  };

  return {
    form,
    editing,
    /** The record being edited, or undefined for a new one or none. */
    record: editing && editing !== 'new' ? editing : undefined,
    isNew: editing === 'new',
    open,
    close: () => setEditing(null),
    save,
  };
}

export type RecordForm<TRecord extends Versioned, TValues> = ReturnType<
  typeof useRecordForm<TRecord, TValues>
>;

/** The modal around a record form: 保存 submits it, and stays busy while the save is on its way. */
export function FormModal<TValues>(props: {
  recordForm: {
    form: FormInstance<TValues>;
    editing: unknown;
    close: () => void;
    save: { mutate: (values: TValues) => void; isPending: boolean };
  };
  title: string;
  okText?: string;
  okTestId?: string;
  width?: number;
  formTestId?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { form, editing, close, save } = props.recordForm;
  return (
    <Modal
      open={editing !== null}
      title={props.title}
      width={props.width}
      okText={props.okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={close}
      onOk={() => form.submit()}
      okButtonProps={{
        loading: save.isPending,
        ...(props.okTestId ? { 'data-testid': props.okTestId } : {}),
      }}
      forceRender
    >
      <Form<TValues>
        form={form}
        layout="vertical"
        onFinish={(values) => save.mutate(values)}
        data-testid={props.formTestId}
      >
        {props.children}
      </Form>
    </Modal>
  );
}
