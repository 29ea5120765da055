import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  FUND_AWARD_KIND_LABELS,
  FUND_AWARD_KINDS,
  type FundAward,
  type FundYearTotal,
  type RiskCompensation,
} from '@kechuang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError, toQueryString } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { EnterprisePicker, yearOptions } from '../cultivation/registers-shared';
import { textOf, wan, wanToFen } from './shared';

const KEY = ['funds'] as const;

function TotalsTab() {
  const { t } = useTranslation();
  const totals = useQuery({
    queryKey: [...KEY, 'totals'],
    queryFn: () => api.get<{ items: FundYearTotal[] }>('/api/funds/yearly-totals'),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button icon={<DownloadOutlined />} href="/api/funds/yearly-totals/export" data-testid="funds-export">
        {t('plan.export')}
      </Button>
      <Table<FundYearTotal>
        rowKey="year"
        loading={totals.isFetching}
        pagination={false}
        dataSource={totals.data?.items ?? []}
        columns={[
          { title: t('plan.year'), dataIndex: 'year', width: 80 },
          { title: t('plan.projectPayments'), dataIndex: 'projectPaymentsFen', render: wan },
          { title: t('plan.rdSubsidy'), dataIndex: 'rdSubsidyFen', render: wan },
          { title: t('plan.upgradeReward'), dataIndex: 'upgradeRewardFen', render: wan },
          { title: t('plan.otherAward'), dataIndex: 'otherAwardFen', render: wan },
          { title: t('plan.compensation'), dataIndex: 'riskCompensationFen', render: wan },
          {
            title: t('plan.fundsTotal'),
            dataIndex: 'totalFen',
            render: (fen: number) => <strong>{wan(fen)}</strong>,
          },
          { title: t('plan.loans'), dataIndex: 'loanFen', render: wan },
          { title: t('plan.loanEnterprises'), dataIndex: 'loanEnterpriseCount' },
        ]}
        data-testid="funds-totals"
      />
    </Space>
  );
}

interface AwardForm {
  enterpriseId: number;
  year: number;
  kind: string;
  amount: number;
  documentNo: string;
  grantedOn: Dayjs;
  note?: string;
}

function AwardsTab({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [year, setYear] = useState<number | undefined>();
  const [editing, setEditing] = useState<FundAward | 'new' | null>(null);
  const [form] = Form.useForm<AwardForm>();
  const list = useQuery({
    queryKey: [...KEY, 'awards', year],
    queryFn: () =>
      api.get<{ items: FundAward[]; total: number }>(
        `/api/funds/awards${toQueryString({ year, pageSize: 200 })}`,
      ),
  });
  const save = useMutation({
    mutationFn: (values: AwardForm) => {
      const body = {
        enterpriseId: values.enterpriseId,
        year: values.year,
        kind: values.kind,
        amountFen: wanToFen(values.amount ?? 0),
        documentNo: values.documentNo,
        grantedOn: values.grantedOn?.format('YYYY-MM-DD'),
        note: values.note ?? '',
      };
      return editing && editing !== 'new'
        ? api.put(`/api/funds/awards/${editing.id}`, { ...body, version: editing.version })
        : api.post('/api/funds/awards', body);
    },
    onSuccess: () => {
      setEditing(null);
      form.resetFields();
      showSuccessMessage(t('common.done'));
      void queryClient.invalidateQueries({ queryKey: KEY });
    },
    onError: (error) => handleApiError(error, { form, onConflict: () => void list.refetch() }),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Select
          allowClear
          placeholder={t('plan.year')}
          options={yearOptions(2017)}
          value={year}
          onChange={setYear}
          style={{ width: 120 }}
        />
        {canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="award-add"
          >
            {t('plan.add')}
          </Button>
        )}
      </Space>
      <Table<FundAward>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={[
          { title: t('plan.year'), dataIndex: 'year', width: 80 },
          { title: t('plan.enterprise'), dataIndex: 'enterpriseName' },
          {
            title: t('plan.kind'),
            dataIndex: 'kind',
            render: (kind: FundAward['kind']) => textOf(FUND_AWARD_KIND_LABELS[kind]),
          },
          { title: t('plan.amount'), dataIndex: 'amountFen', render: wan },
          { title: t('plan.documentNo'), dataIndex: 'documentNo' },
          { title: t('plan.grantedOn'), dataIndex: 'grantedOn' },
          {
            title: '',
            width: 80,
            render: (_, row) =>
              canWrite && (
                <Button
                  type="link"
                  onClick={() => {
                    form.setFieldsValue({
                      ...row,
                      amount: row.amountFen / 1_000_000,
                      grantedOn: dayjs(row.grantedOn),
                    });
                    setEditing(row);
                  }}
                >
                  {t('plan.edit')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('plan.add') : t('plan.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: save.isPending }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
          <Form.Item
            name="enterpriseId"
            label={t('plan.enterprise')}
            rules={[{ required: true, message: t('plan.required') }]}
          >
            <EnterprisePicker
              initialLabel={editing && editing !== 'new' ? editing.enterpriseName : undefined}
            />
          </Form.Item>
          <Form.Item
            name="year"
            label={t('plan.year')}
            rules={[{ required: true, message: t('plan.required') }]}
          >
            <Select options={yearOptions(2017)} />
          </Form.Item>
          <Form.Item
            name="kind"
            label={t('plan.kind')}
            rules={[{ required: true, message: t('plan.required') }]}
          >
            <Select
              options={FUND_AWARD_KINDS.map((kind) => ({
                value: kind,
                label: textOf(FUND_AWARD_KIND_LABELS[kind]),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="amount"
            label={t('plan.amount')}
            rules={[{ required: true, message: t('plan.required') }]}
          >
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="documentNo"
            label={t('plan.documentNo')}
            rules={[{ required: true, message: t('plan.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="grantedOn"
            label={t('plan.grantedOn')}
            rules={[{ required: true, message: t('plan.required') }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="note" label={t('plan.note')}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

interface CompensationForm {
  enterpriseId: number;
  bankName: string;
  loan: number;
  compensation: number;
  compensatedOn: Dayjs;
  note?: string;
}

function CompensationTab({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [year, setYear] = useState<number | undefined>();
  const [editing, setEditing] = useState<RiskCompensation | 'new' | null>(null);
  const [form] = Form.useForm<CompensationForm>();
  const list = useQuery({
    queryKey: [...KEY, 'compensations', year],
    queryFn: () =>
      api.get<{ items: RiskCompensation[]; total: number }>(
        `/api/funds/risk-compensations${toQueryString({ year, pageSize: 200 })}`,
      ),
  });
  const save = useMutation({
    mutationFn: (values: CompensationForm) => {
      const body = {
        enterpriseId: values.enterpriseId,
        bankName: values.bankName,
        loanFen: wanToFen(values.loan ?? 0),
        compensationFen: wanToFen(values.compensation ?? 0),
        compensatedOn: values.compensatedOn?.format('YYYY-MM-DD'),
        note: values.note ?? '',
      };
      return editing && editing !== 'new'
        ? api.put(`/api/funds/risk-compensations/${editing.id}`, { ...body, version: editing.version })
        : api.post('/api/funds/risk-compensations', body);
    },
    onSuccess: () => {
      setEditing(null);
      form.resetFields();
      showSuccessMessage(t('common.done'));
      void queryClient.invalidateQueries({ queryKey: KEY });
    },
    onError: (error) => handleApiError(error, { form, onConflict: () => void list.refetch() }),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Select
          allowClear
          placeholder={t('plan.year')}
          options={yearOptions(2017)}
          value={year}
          onChange={setYear}
          style={{ width: 120 }}
        />
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('plan.add')}
          </Button>
        )}
      </Space>
      <Table<RiskCompensation>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={[
          { title: t('plan.compensatedOn'), dataIndex: 'compensatedOn', width: 120 },
          { title: t('plan.enterprise'), dataIndex: 'enterpriseName' },
          { title: t('plan.bank'), dataIndex: 'bankName' },
          { title: t('plan.loanAmount'), dataIndex: 'loanFen', render: wan },
          { title: t('plan.compensationAmount'), dataIndex: 'compensationFen', render: wan },
          {
            title: '',
            width: 80,
            render: (_, row) =>
              canWrite && (
                <Button
                  type="link"
                  onClick={() => {
                    form.setFieldsValue({
                      enterpriseId: row.enterpriseId,
                      bankName: row.bankName,
                      loan: row.loanFen / 1_000_000,
                      compensation: row.compensationFen / 1_000_000,
                      compensatedOn: dayjs(row.compensatedOn),
                      note: row.note,
                    });
                    setEditing(row);
                  }}
                >
                  {t('plan.edit')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('plan.add') : t('plan.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: save.isPending }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
          <Form.Item
            name="enterpriseId"
            label={t('plan.enterprise')}
            rules={[{ required: true, message: t('plan.required') }]}
          >
            <EnterprisePicker
              initialLabel={editing && editing !== 'new' ? editing.enterpriseName : undefined}
            />
          </Form.Item>
          <Form.Item
            name="bankName"
            label={t('plan.bank')}
            rules={[{ required: true, message: t('plan.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="loan"
            label={t('plan.loanAmount')}
            rules={[{ required: true, message: t('plan.required') }]}
          >
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="compensation"
            label={t('plan.compensationAmount')}
            rules={[{ required: true, message: t('plan.required') }]}
          >
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="compensatedOn"
            label={t('plan.compensatedOn')}
            rules={[{ required: true, message: t('plan.required') }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="note" label={t('plan.note')}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** 科技经费: yearly totals by kind (with export), subsidies and awards, and risk-compensation cases. */
export function FundsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const canWrite = user?.role === 'staff';
  return (
    <Card title={t('plan.menuFunds')}>
      <Tabs
        items={[
          { key: 'totals', label: t('plan.fundsTotals'), children: <TotalsTab /> },
          { key: 'awards', label: t('plan.awards'), children: <AwardsTab canWrite={canWrite} /> },
          {
            key: 'risk',
            label: t('plan.riskCompensation'),
            children: <CompensationTab canWrite={canWrite} />,
          },
        ]}
      />
    </Card>
  );
}
