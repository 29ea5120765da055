import { UploadOutlined } from '@ant-design/icons';
import { findTransition, type PayoutDetail, policyPayoutWorkflow, translate } from '@kechuang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Spin,
  Tag,
  Upload,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../app/api-client';
import { showSuccessMessage } from '../../app/feedback';
import { HistoryTimeline } from '../../app/history-timeline';
import { currentLanguage } from '../../app/i18n';
import { WorkflowActions } from '../../app/workflow-actions';
import { POLICIES_KEY, POLICIES_URL, wan } from './use-policies';

/** Steps that carry more than an opinion: the enterprise's account, the payment's amount and voucher. */
const FORM_ACTIONS = ['accept', 'pay'] as const;
type FormAction = (typeof FORM_ACTIONS)[number];

const stepLabel = (action: FormAction) => {
  const transition = findTransition(policyPayoutWorkflow, action);
  return transition ? translate(transition.label, currentLanguage()) : action;
};

interface StepValues {
  bankName?: string;
  bankAccountName?: string;
  bankAccount?: string;
  paidWan?: number;
  paidOn?: Dayjs;
  voucherNo?: string;
}

/** The time limit as a tag: working days left, red once it has lapsed. */
export function DueTag({
  payout,
}: {
  payout: { dueOn: string | null; daysLeft: number | null; overdue: boolean };
}) {
  const { t } = useTranslation();
  if (payout.dueOn === null) return null;
  if (payout.daysLeft === null) return <span>{payout.dueOn}</span>;
  return (
    <Tag color={payout.overdue ? 'red' : payout.daysLeft <= 3 ? 'orange' : 'blue'} data-testid="payout-due">
      {payout.dueOn}{' '}
      {payout.overdue
        ? t('policies.overdueDays', { count: -payout.daysLeft })
        : t('policies.daysLeft', { count: payout.daysLeft })}
    </Tag>
  );
}

/** One payout's 兑现: the amount and reasons, the clock, the account and payment, the steps open to the caller. */
export function PayoutDrawer(props: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [formAction, setFormAction] = useState<FormAction | null>(null);
  const [form] = Form.useForm<StepValues>();
  const [voucher, setVoucher] = useState<{ id: number; fileName: string } | null>(null);
  const detail = useQuery({
    queryKey: [...POLICIES_KEY, 'payout', props.id],
    queryFn: () => api.get<PayoutDetail>(`${POLICIES_URL}/payouts/${props.id}`),
    enabled: props.id !== null,
  });
  const payout = detail.data;
  const reload = () => void queryClient.invalidateQueries({ queryKey: [...POLICIES_KEY] });
  const step = useMutation({
    mutationFn: (values: StepValues) => {
      if (!payout || !formAction) throw new Error('no payout');
      const body =
        formAction === 'accept'
          ? {
              bankName: values.bankName,
              bankAccountName: values.bankAccountName,
              bankAccount: values.bankAccount,
            }
          : {
              paidFen: values.paidWan === undefined ? undefined : Math.round(values.paidWan * 1_000_000),
              paidOn: values.paidOn?.format('YYYY-MM-DD'),
              voucherNo: values.voucherNo,
              voucherFileId: voucher?.id,
            };
      return api.post<PayoutDetail>(`${POLICIES_URL}/payouts/${payout.id}/actions/${formAction}`, {
        version: payout.version,
        ...body,
      });
    },
    onSuccess: () => {
      setFormAction(null);
      form.resetFields();
      showSuccessMessage(t('common.done'));
      reload();
    },
    onError: (error) =>
      handleApiError(error, {
        form,
        onConflict: () => {
          setFormAction(null);
          reload();
        },
      }),
  });
  const uploadVoucher = async (file: File) => {
    if (!payout) return;
    const body = new FormData();
    body.append('file', file);
    try {
      setVoucher(
        await api.upload<{ id: number; fileName: string }>(
          `${POLICIES_URL}/payouts/${payout.id}/voucher-files`,
          body,
        ),
      );
    } catch (error) {
      handleApiError(error);
    }
  };
  const open = (action: FormAction) => {
    form.resetFields();
    setVoucher(null);
    if (action === 'accept' && payout)
      form.setFieldsValue({
        bankName: payout.bankName ?? undefined,
        bankAccountName: payout.bankAccountName ?? payout.enterpriseName,
        bankAccount: payout.bankAccount ?? undefined,
      });
    if (action === 'pay' && payout) form.setFieldsValue({ paidWan: payout.amountFen / 1_000_000 });
    setFormAction(action);
  };
  const others = payout?.allowedActions.filter(
    (action) => !(FORM_ACTIONS as readonly string[]).includes(action),
  );
  return (
    <Drawer
      open={props.id !== null}
      onClose={props.onClose}
      size={760}
      title={payout ? `${payout.itemTitle}（${payout.year}）` : t('policies.payoutDetail')}
      data-testid="payout-drawer"
    >
      {!payout ? (
        <Spin />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            {FORM_ACTIONS.filter((action) => payout.allowedActions.includes(action)).map((action) => (
              <Button
                key={action}
                type="primary"
                onClick={() => open(action)}
                data-testid={`action-${action}`}
              >
                {stepLabel(action)}
              </Button>
            ))}
            <WorkflowActions<PayoutDetail>
              definition={policyPayoutWorkflow}
              allowedActions={others ?? []}
              actionUrl={(action) => `${POLICIES_URL}/payouts/${payout.id}/actions/${action}`}
              version={payout.version}
              onDone={reload}
              onConflict={reload}
              dangerStates={['declined']}
            />
          </Space>
          <Descriptions size="small" bordered column={2}>
            <Descriptions.Item label={t('policies.enterprise')} span={2}>
              {payout.enterpriseName}（{payout.creditCode}）
            </Descriptions.Item>
            <Descriptions.Item label={t('policies.payoutStatus')}>
              <Tag data-testid="payout-status">{payout.statusLabel}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('policies.dueOn')}>
              <DueTag payout={payout} />
            </Descriptions.Item>
            <Descriptions.Item label={t('policies.policyBasis')} span={2}>
              《{payout.policyTitle}》（{payout.documentNo}）
            </Descriptions.Item>
            <Descriptions.Item label={t('policies.expectedAmount')}>
              {wan(payout.amountFen)}
            </Descriptions.Item>
            <Descriptions.Item label={t('policies.confirmedOn')}>{payout.confirmedOn}</Descriptions.Item>
            <Descriptions.Item label={t('policies.bankName')}>{payout.bankName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('policies.bankAccount')}>
              {payout.bankAccount ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('policies.paidWan')}>{wan(payout.paidFen)}</Descriptions.Item>
            <Descriptions.Item label={t('policies.paidOn')}>
              {payout.paidOn ?? '—'} {payout.voucherNo ?? ''}
            </Descriptions.Item>
            {payout.voucherFile && (
              <Descriptions.Item label={t('policies.voucherFile')} span={2}>
                <a href={`${POLICIES_URL}/payouts/${payout.id}/voucher`} data-testid="payout-voucher-file">
                  {payout.voucherFile.fileName}
                </a>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('policies.reasons')} span={2}>
              {payout.reasons.join('；')}
            </Descriptions.Item>
          </Descriptions>
          <Card size="small" title={t('policies.history')}>
            <HistoryTimeline history={payout.history} definition={policyPayoutWorkflow} />
          </Card>
        </Space>
      )}
      <Modal
        open={formAction !== null}
        title={formAction ? stepLabel(formAction) : ''}
        okText={t('common.submit')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: step.isPending, 'data-testid': 'payout-step-submit' }}
        onCancel={() => setFormAction(null)}
        onOk={() => form.submit()}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(values) => step.mutate(values)}>
          {formAction === 'accept' && (
            <>
              <Form.Item name="bankName" label={t('policies.bankName')} rules={[{ required: true }]}>
                <Input data-testid="payout-bankName" />
              </Form.Item>
              <Form.Item
                name="bankAccountName"
                label={t('policies.bankAccountName')}
                rules={[{ required: true }]}
              >
                <Input data-testid="payout-bankAccountName" />
              </Form.Item>
              <Form.Item name="bankAccount" label={t('policies.bankAccount')} rules={[{ required: true }]}>
                <Input data-testid="payout-bankAccount" />
              </Form.Item>
            </>
          )}
          {formAction === 'pay' && (
            <>
              <Form.Item name="paidWan" label={t('policies.paidWan')} rules={[{ required: true }]}>
                <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="payout-paidWan" />
              </Form.Item>
              <Form.Item name="paidOn" label={t('policies.paidOn')} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} data-testid="payout-paidOn" />
              </Form.Item>
              <Form.Item name="voucherNo" label={t('policies.voucherNo')} rules={[{ required: true }]}>
                <Input data-testid="payout-voucherNo" />
              </Form.Item>
              <Form.Item label={t('policies.voucherFile')}>
                <Space>
                  <Upload
                    showUploadList={false}
                    accept=".pdf,.jpg,.jpeg,.png"
                    beforeUpload={(file) => {
                      void uploadVoucher(file);
                      return false;
                    }}
                  >
                    <Button icon={<UploadOutlined />} data-testid="payout-voucher-upload">
                      {t('policies.voucherUpload')}
                    </Button>
                  </Upload>
                  {voucher && (
                    <span data-testid="payout-voucher-uploaded">
                      {t('policies.voucherUploaded', { name: voucher.fileName })}
                    </span>
                  )}
                </Space>
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Drawer>
  );
}
