import type { PlanProjectDetail } from '@kechuang/domain';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { wan, wanToFen } from './shared';

type Detail = PlanProjectDetail;

/** 经费: the disbursement plan and the payments, recorded by staff and seen by the enterprise. */
export function FundsTab({ detail, onChange }: { detail: Detail; onChange: (result?: Detail) => void }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const isStaff = user?.role === 'staff';
  const projectId = detail.project.id;
  const [planForm] = Form.useForm();
  const [paymentForm] = Form.useForm();
  const savePlan = useMutation({
    mutationFn: (values: { installments: { plannedOn: Dayjs; amount: number; note?: string }[] }) =>
      api.put<Detail>(`/api/plan-projects/${projectId}/disbursement-plan`, {
        version: detail.disbursementPlan.version,
        installments: (values.installments ?? []).map((item) => ({
          plannedOn: item.plannedOn?.format('YYYY-MM-DD'),
          amountFen: wanToFen(item.amount ?? 0),
          note: item.note ?? '',
        })),
      }),
    onSuccess: (result) => {
      showSuccessMessage(t('common.done'));
      onChange(result);
    },
    onError: (error) => handleApiError(error, { form: planForm, onConflict: () => onChange() }),
  });
  const pay = useMutation({
    mutationFn: (values: { paidOn: Dayjs; amount: number; voucherNo: string; note?: string }) =>
      api.post<Detail>(`/api/plan-projects/${projectId}/payments`, {
        paidOn: values.paidOn?.format('YYYY-MM-DD'),
        amountFen: wanToFen(values.amount ?? 0),
        voucherNo: values.voucherNo,
        note: values.note ?? '',
      }),
    onSuccess: (result) => {
      paymentForm.resetFields();
      showSuccessMessage(t('common.done'));
      onChange(result);
    },
    onError: (error) => handleApiError(error, { form: paymentForm }),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={2}>
        <Descriptions.Item label={t('plan.approved')}>{wan(detail.project.approvedFen)}</Descriptions.Item>
        <Descriptions.Item label={t('plan.paid')}>{wan(detail.project.paidFen)}</Descriptions.Item>
      </Descriptions>
      <Card size="small" title={t('plan.disbursementPlan')}>
        {isStaff ? (
          <Form
            form={planForm}
            initialValues={{
              installments: detail.disbursementPlan.installments.map((item) => ({
                plannedOn: dayjs(item.plannedOn),
                amount: item.amountFen / 1_000_000,
                note: item.note,
              })),
            }}
            onFinish={(values) => savePlan.mutate(values)}
          >
            <Form.List name="installments">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline">
                      <Form.Item
                        name={[field.name, 'plannedOn']}
                        rules={[{ required: true, message: t('plan.required') }]}
                      >
                        <DatePicker placeholder={t('plan.plannedOn')} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'amount']}
                        rules={[{ required: true, message: t('plan.required') }]}
                      >
                        <InputNumber min={0} precision={2} placeholder={t('plan.amount')} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'note']}>
                        <Input placeholder={t('plan.note')} maxLength={200} />
                      </Form.Item>
                      <Button type="link" danger onClick={() => remove(field.name)}>
                        ×
                      </Button>
                    </Space>
                  ))}
                  <Space>
                    <Button onClick={() => add()}>{t('plan.addInstallment')}</Button>
                    <Button
                      type="primary"
                      htmlType="submit"
                      loading={savePlan.isPending}
                      data-testid="plan-save"
                    >
                      {t('plan.savePlan')}
                    </Button>
                  </Space>
                </>
              )}
            </Form.List>
          </Form>
        ) : (
          <Table
            size="small"
            pagination={false}
            rowKey="plannedOn"
            dataSource={detail.disbursementPlan.installments}
            columns={[
              { title: t('plan.plannedOn'), dataIndex: 'plannedOn' },
              { title: t('plan.amount'), dataIndex: 'amountFen', render: (fen: number) => wan(fen) },
              { title: t('plan.note'), dataIndex: 'note' },
            ]}
          />
        )}
      </Card>
      <Card size="small" title={t('plan.payments')}>
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={detail.payments}
          columns={[
            { title: t('plan.paidOn'), dataIndex: 'paidOn' },
            { title: t('plan.amount'), dataIndex: 'amountFen', render: (fen: number) => wan(fen) },
            { title: t('plan.voucherNo'), dataIndex: 'voucherNo' },
            { title: t('plan.note'), dataIndex: 'note' },
          ]}
          data-testid="payments-table"
        />
        {isStaff && (
          <Form
            form={paymentForm}
            layout="inline"
            style={{ marginTop: 12 }}
            onFinish={(values) => pay.mutate(values)}
          >
            <Form.Item name="paidOn" rules={[{ required: true, message: t('plan.required') }]}>
              <DatePicker placeholder={t('plan.paidOn')} />
            </Form.Item>
            <Form.Item name="amount" rules={[{ required: true, message: t('plan.required') }]}>
              <InputNumber min={0} precision={2} placeholder={t('plan.amount')} />
            </Form.Item>
            <Form.Item name="voucherNo" rules={[{ required: true, message: t('plan.required') }]}>
              <Input placeholder={t('plan.voucherNo')} maxLength={50} />
            </Form.Item>
            <Form.Item name="note">
              <Input placeholder={t('plan.note')} maxLength={200} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={pay.isPending}>
              {t('plan.recordPayment')}
            </Button>
          </Form>
        )}
      </Card>
    </Space>
  );
}
