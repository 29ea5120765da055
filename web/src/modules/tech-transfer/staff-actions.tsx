import { type TechContract, techContractWorkflow } from '@kechuang/domain';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Checkbox, DatePicker, Form, Input, Modal, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../app/api-client';
import { showSuccessMessage } from '../../app/feedback';
import { currentLanguage, textIn } from '../../app/i18n';
import { ContractFormFields } from './contract-form-fields';
import { type ContractFormValues, toContractInput, toFormValues } from './contract-values';
import { CONTRACTS_URL, useContractList } from './use-contracts';

type StaffAction = 'return' | 'register' | 'refuse' | 'amend' | 'cancel';
const ORDER: readonly StaffAction[] = ['register', 'return', 'refuse', 'amend', 'cancel'];
const DANGER: readonly StaffAction[] = ['refuse', 'cancel'];

function actionLabel(action: StaffAction): string {
  const transition = techContractWorkflow.transitions.find((item) => item.action === action);
  return transition ? textIn(transition.label) : action;
}

interface Props {
  contract: TechContract;
  onDone: (result: TechContract) => void;
  onConflict: () => void;
}

/**
 * The 登记员's steps on one contract: 退回补正, 不予登记 and 注销 with the reason, 认定登记 after the
 * acceptance checklist (the number comes back and is shown), and 变更登记 with the changed content.
 */
export function StaffActions({ contract, onDone, onConflict }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<StaffAction | null>(null);
  const [commentForm] = Form.useForm<{ comment: string }>();
  const [registerForm] = Form.useForm<{ registeredOn: Dayjs; checklist: boolean[] }>();
  const [amendForm] = Form.useForm<ContractFormValues & { comment: string }>();
  const checked = Form.useWatch('checklist', registerForm) ?? [];
  const allChecked = contract.checklist.every((_item, index) => checked[index] === true);
  // A 咨询/服务 contract changed here may be tied to one of the seller's registered contracts.
  const seller = useContractList(
    { enterpriseId: contract.enterpriseId, status: 'registered', pageSize: 200 },
    open === 'amend',
  );

  const activeForm = open === 'register' ? registerForm : open === 'amend' ? amendForm : commentForm;
  const fire = useMutation({
    mutationFn: (body: object) =>
      api.post<TechContract>(`${CONTRACTS_URL}/${contract.id}/actions/${open}`, {
        version: contract.version,
        ...body,
      }),
    onSuccess: (result) => {
      const action = open;
      setOpen(null);
      if (action === 'register' && result.registrationNo) {
        Modal.success({
          title: t('techTransfer.registeredTitle'),
          content: (
            <span data-testid="registered-number">
              {t('techTransfer.registeredNumber', { number: result.registrationNo })}
            </span>
          ),
          okText: t('common.confirm'),
        });
      } else showSuccessMessage(t('common.done'));
      onDone(result);
    },
    onError: (error) =>
      handleApiError(error, {
        form: activeForm as never,
        onConflict: () => {
          setOpen(null);
          onConflict();
        },
      }),
  });

  const start = (action: StaffAction) => {
    setOpen(action);
    commentForm.resetFields();
    registerForm.resetFields();
    registerForm.setFieldsValue({ registeredOn: dayjs(), checklist: contract.checklist.map(() => false) });
    amendForm.resetFields();
    if (action === 'amend') amendForm.setFieldsValue(toFormValues(contract));
  };

  const actions = ORDER.filter((action) => contract.allowedActions.includes(action));
  if (actions.length === 0) return null;

  const commentItem = (testId: string) => (
    <Form.Item
      name="comment"
      label={open === 'amend' ? t('techTransfer.amendReason') : t('techTransfer.reason')}
      rules={[{ required: true, whitespace: true, message: t('techTransfer.reasonRequired') }, { max: 2000 }]}
    >
      <Input.TextArea rows={3} maxLength={2000} showCount data-testid={testId} />
    </Form.Item>
  );

  return (
    <>
      <Space wrap>
        {actions.map((action) => (
          <Button
            key={action}
            type={action === 'register' ? 'primary' : 'default'}
            danger={DANGER.includes(action)}
            onClick={() => start(action)}
            data-testid={`action-${action}`}
          >
            {actionLabel(action)}
          </Button>
        ))}
      </Space>
      <Modal
        open={open === 'return' || open === 'refuse' || open === 'cancel'}
        title={open ? actionLabel(open) : ''}
        okText={t('common.submit')}
        cancelText={t('common.cancel')}
        okButtonProps={{
          loading: fire.isPending,
          danger: open !== null && DANGER.includes(open),
          'data-testid': 'action-comment-submit',
        }}
        onCancel={() => setOpen(null)}
        onOk={() => commentForm.submit()}
        forceRender
      >
        <Form
          form={commentForm}
          name="contract-comment"
          layout="vertical"
          onFinish={(values) => fire.mutate({ comment: values.comment.trim() })}
        >
          {open === 'return' && (
            <Alert type="info" showIcon title={t('techTransfer.returnHint')} style={{ marginBottom: 12 }} />
          )}
          {commentItem('action-comment')}
        </Form>
      </Modal>
      <Modal
        open={open === 'register'}
        title={actionLabel('register')}
        okText={actionLabel('register')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: fire.isPending, disabled: !allChecked, 'data-testid': 'register-submit' }}
        onCancel={() => setOpen(null)}
        onOk={() => registerForm.submit()}
        forceRender
      >
        <Form
          form={registerForm}
          name="contract-register"
          layout="vertical"
          onFinish={(values) =>
            fire.mutate({
              registeredOn: values.registeredOn.format('YYYY-MM-DD'),
              checklist: contract.checklist.map((_item, index) => values.checklist?.[index] === true),
            })
          }
        >
          <Typography.Paragraph strong>{t('techTransfer.checklist')}</Typography.Paragraph>
          {contract.checklist.map((item, index) => (
            <Form.Item
              key={item}
              name={['checklist', index]}
              valuePropName="checked"
              style={{ marginBottom: 4 }}
            >
              <Checkbox data-testid={`register-check-${index}`}>{item}</Checkbox>
            </Form.Item>
          ))}
          {!allChecked && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t('techTransfer.checklistHint')}
            </Typography.Paragraph>
          )}
          <Form.Item
            name="registeredOn"
            label={t('techTransfer.registeredOnLabel')}
            rules={[{ required: true, message: t('techTransfer.reasonRequired') }]}
            style={{ marginTop: 12 }}
          >
            <DatePicker data-testid="register-date" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={open === 'amend'}
        title={actionLabel('amend')}
        width={1000}
        okText={t('common.submit')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: fire.isPending, 'data-testid': 'amend-submit' }}
        onCancel={() => setOpen(null)}
        onOk={() => amendForm.submit()}
        forceRender
      >
        <Form
          form={amendForm}
          name="contract-amend"
          layout="vertical"
          onFinish={(values) => {
            const result = toContractInput(values, currentLanguage());
            if ('errors' in result) {
              amendForm.setFields(result.errors as Parameters<typeof amendForm.setFields>[0]);
              return;
            }
            fire.mutate({ comment: values.comment.trim(), changes: result.input });
          }}
        >
          <Alert type="info" showIcon title={t('techTransfer.amendHint')} style={{ marginBottom: 12 }} />
          {commentItem('amend-comment')}
          <ContractFormFields
            form={amendForm}
            linkable={(seller.data?.items ?? []).filter(
              (item) =>
                item.id !== contract.id && ['development', 'transfer', 'license'].includes(item.statCategory),
            )}
          />
        </Form>
      </Modal>
    </>
  );
}
