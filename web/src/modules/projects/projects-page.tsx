import { UploadOutlined } from '@ant-design/icons';
import {
  BUDGET_CATEGORIES,
  type PlanProject,
  type PlanProjectDetail,
  planProjectWorkflow,
  taskContractWorkflow,
} from '@kechuang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Space,
  Table,
  Tabs,
  Typography,
  Upload,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, handleApiError, toQueryString } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { WorkflowActions } from '../../app/workflow-actions';
import { HistoryTimeline } from '../enterprises/history-timeline';
import { StateTag, textOf, wan, wanToFen } from './shared';

const KEY = ['plan-projects'] as const;
type Detail = PlanProjectDetail;

function ContractTab({ detail, onChange }: { detail: Detail; onChange: (result?: Detail) => void }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const contract = detail.contract;
  const projectId = detail.project.id;
  const [isEditing, setEditing] = useState(false);
  const [budgetForm] = Form.useForm();
  const save = useMutation({
    mutationFn: (values: {
      rows: { category: string; fiscal: number; selfRaised: number; other: number }[];
    }) =>
      api.put<Detail>(`/api/plan-projects/${projectId}/contract`, {
        version: contract?.version,
        rows: values.rows.map((row) => ({
          category: row.category,
          fiscalFen: wanToFen(row.fiscal ?? 0),
          selfRaisedFen: wanToFen(row.selfRaised ?? 0),
          otherFen: wanToFen(row.other ?? 0),
        })),
      }),
    onSuccess: (result) => {
      setEditing(false);
      showSuccessMessage(t('common.done'));
      onChange(result);
    },
    onError: (error) => handleApiError(error, { form: budgetForm, onConflict: () => onChange() }),
  });
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('version', String(contract?.version));
      form.append('file', file);
      return api.upload<Detail>(`/api/plan-projects/${projectId}/contract/signed`, form);
    },
    onSuccess: (result) => {
      showSuccessMessage(t('common.done'));
      onChange(result);
    },
    onError: (error) => handleApiError(error, { onConflict: () => onChange() }),
  });
  if (!contract) return <Alert type="info" title={t('plan.noContract')} />;
  const content = contract.content;
  const isStaff = user?.role === 'staff';
  const totals = content.budgetRows.reduce(
    (sum, row) => [sum[0] + row.fiscalFen, sum[1] + row.selfRaisedFen, sum[2] + row.otherFen],
    [0, 0, 0],
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <StateTag state={contract.status} label={taskContractWorkflow.states[contract.status]} />
        <Typography.Text type="secondary">
          {t('plan.revision', { revision: contract.revision })}
        </Typography.Text>
        <Button href={`/api/plan-projects/${projectId}/contract/word`} data-testid="contract-word">
          {t('plan.downloadWord')}
        </Button>
        {contract.signedFileId && (
          <Button
            type="link"
            href={`/api/plan-projects/${projectId}/contract/signed`}
            data-testid="contract-signed-link"
          >
            {t('plan.signedScan')}：{contract.signedFileName}
          </Button>
        )}
        {contract.allowedActions.includes('uploadSigned') && (
          <Upload
            accept=".pdf,.jpg,.jpeg,.png"
            showUploadList={false}
            beforeUpload={(file) => {
              upload.mutate(file);
              return false;
            }}
          >
            <Button
              type="primary"
              icon={<UploadOutlined />}
              loading={upload.isPending}
              data-testid="contract-upload"
            >
              {t('plan.uploadSigned')}
            </Button>
          </Upload>
        )}
        <WorkflowActions<Detail>
          definition={taskContractWorkflow}
          allowedActions={contract.allowedActions.filter((action) => action !== 'uploadSigned')}
          actionUrl={(action) => `/api/plan-projects/${projectId}/contract/actions/${action}`}
          version={contract.version}
          onDone={(result) => onChange(result)}
          onConflict={() => onChange()}
        />
      </Space>
      {contract.allowedActions.includes('uploadSigned') && (
        <Alert type="info" showIcon title={t('plan.uploadHint')} />
      )}
      {content.approvedFen !== content.requestedFen && (
        <Alert type="warning" showIcon title={t('plan.scaledNote')} />
      )}
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label={t('plan.title')}>{content.title}</Descriptions.Item>
        <Descriptions.Item label={t('plan.enterprise')}>{content.enterpriseName}</Descriptions.Item>
        <Descriptions.Item label={t('plan.period2')}>
          {content.startOn} ~ {content.endOn}
        </Descriptions.Item>
        <Descriptions.Item label={t('plan.approved')}>
          {wan(content.approvedFen)}（{t('plan.requested')} {wan(content.requestedFen)}）
        </Descriptions.Item>
      </Descriptions>
      <Card
        size="small"
        title={t('plan.budgetTable')}
        extra={
          isStaff &&
          contract.status === 'drafted' &&
          !isEditing && (
            <Button
              size="small"
              onClick={() => {
                budgetForm.setFieldsValue({
                  rows: content.budgetRows.map((row) => ({
                    category: row.category,
                    fiscal: row.fiscalFen / 1_000_000,
                    selfRaised: row.selfRaisedFen / 1_000_000,
                    other: row.otherFen / 1_000_000,
                  })),
                });
                setEditing(true);
              }}
              data-testid="contract-edit-budget"
            >
              {t('plan.editBudget')}
            </Button>
          )
        }
      >
        {isEditing ? (
          <Form form={budgetForm} onFinish={(values) => save.mutate(values)}>
            <Form.List name="rows">
              {(fields) =>
                fields.map((field) => (
                  <Space key={field.key} align="baseline">
                    <Form.Item name={[field.name, 'category']} style={{ width: 100 }}>
                      <Input disabled />
                    </Form.Item>
                    <Form.Item name={[field.name, 'fiscal']} label={t('plan.fiscal')}>
                      <InputNumber min={0} precision={2} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'selfRaised']} label={t('plan.selfRaised')}>
                      <InputNumber min={0} precision={2} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'other']} label={t('plan.other')}>
                      <InputNumber min={0} precision={2} />
                    </Form.Item>
                  </Space>
                ))
              }
            </Form.List>
            <Space>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('plan.saveBudget')}
              </Button>
              <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
            </Space>
          </Form>
        ) : (
          <Table
            size="small"
            pagination={false}
            rowKey="category"
            dataSource={[
              ...content.budgetRows,
              { category: 'total', fiscalFen: totals[0], selfRaisedFen: totals[1], otherFen: totals[2] },
            ]}
            columns={[
              {
                title: t('plan.category'),
                dataIndex: 'category',
                render: (code: string) => {
                  const category = BUDGET_CATEGORIES.find((item) => item.code === code);
                  return category ? textOf(category) : t('plan.total');
                },
              },
              { title: t('plan.fiscal'), dataIndex: 'fiscalFen', render: (fen: number) => wan(fen) },
              { title: t('plan.selfRaised'), dataIndex: 'selfRaisedFen', render: (fen: number) => wan(fen) },
              { title: t('plan.other'), dataIndex: 'otherFen', render: (fen: number) => wan(fen) },
            ]}
          />
        )}
      </Card>
      <Card size="small" title={t('plan.targets')}>
        <ul style={{ margin: 0 }}>
          {content.targets.map((target) => (
            <li key={target.name}>
              {target.name}：{target.value}
              {target.unit}
            </li>
          ))}
        </ul>
      </Card>
      <Card size="small" title={t('plan.milestones')}>
        <ul style={{ margin: 0 }}>
          {content.milestones.map((milestone) => (
            <li key={`${milestone.dueOn}-${milestone.description}`}>
              {milestone.dueOn}：{milestone.description}
            </li>
          ))}
        </ul>
      </Card>
      <Card size="small" title={t('plan.history')}>
        <HistoryTimeline history={contract.history} />
      </Card>
    </Space>
  );
}

function FundsTab({ detail, onChange }: { detail: Detail; onChange: (result?: Detail) => void }) {
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

function ProjectDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const detail = useQuery({
    queryKey: [...KEY, id],
    queryFn: () => api.get<Detail>(`/api/plan-projects/${id}`),
    enabled: id !== null,
  });
  const onChange = (result?: Detail) => {
    if (result) queryClient.setQueryData([...KEY, id], result);
    else void detail.refetch();
    void queryClient.invalidateQueries({ queryKey: KEY });
  };
  const project = detail.data?.project;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={960}
      title={project ? `${project.projectNo} ${project.title}` : ''}
      extra={
        project && <StateTag state={project.status} label={planProjectWorkflow.states[project.status]} />
      }
    >
      {detail.data && (
        <Tabs
          items={[
            {
              key: 'contract',
              label: t('plan.contract'),
              children: <ContractTab detail={detail.data} onChange={onChange} />,
            },
            {
              key: 'funds',
              label: t('plan.funds'),
              children: <FundsTab detail={detail.data} onChange={onChange} />,
            },
            {
              key: 'history',
              label: t('plan.history'),
              children: <HistoryTimeline history={detail.data.history} />,
            },
          ]}
        />
      )}
    </Drawer>
  );
}

/** 科技计划项目: the bureau's list of all, an enterprise's of its own; the detail holds 任务书 and 经费. */
export function PlanProjectsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const [keyword, setKeyword] = useState('');
  const list = useQuery({
    queryKey: [...KEY, 'list', page, keyword],
    queryFn: () =>
      api.get<{ items: PlanProject[]; total: number }>(
        `/api/plan-projects${toQueryString({ page, pageSize: 20, keyword: keyword || undefined })}`,
      ),
  });
  const openId = Number(params.get('project')) || null;
  return (
    <Card
      title={t('plan.menuProjects')}
      extra={
        <Input.Search
          allowClear
          placeholder={t('plan.title')}
          onSearch={(value) => {
            setKeyword(value);
            setPage(1);
          }}
          style={{ width: 260 }}
        />
      }
    >
      <Table<PlanProject>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 20, onChange: setPage }}
        locale={{ emptyText: t('plan.noProjects') }}
        columns={[
          { title: t('plan.projectNo'), dataIndex: 'projectNo', width: 150 },
          { title: t('plan.title'), dataIndex: 'title' },
          { title: t('plan.enterprise'), dataIndex: 'enterpriseName' },
          {
            title: t('plan.approved'),
            dataIndex: 'approvedFen',
            render: (fen: number) => wan(fen),
            width: 120,
          },
          { title: t('plan.paid'), dataIndex: 'paidFen', render: (fen: number) => wan(fen), width: 120 },
          {
            title: t('plan.status'),
            dataIndex: 'status',
            width: 130,
            render: (status: PlanProject['status']) => (
              <StateTag state={status} label={planProjectWorkflow.states[status]} />
            ),
          },
          {
            title: t('plan.contract'),
            dataIndex: 'contractStatus',
            width: 150,
            render: (status: PlanProject['contractStatus']) =>
              status ? <StateTag state={status} label={taskContractWorkflow.states[status]} /> : '—',
          },
          {
            title: '',
            width: 80,
            render: (_, row) => (
              <Button
                type="link"
                onClick={() => setParams({ project: String(row.id) })}
                data-testid={`open-project-${row.id}`}
              >
                {t('plan.open')}
              </Button>
            ),
          },
        ]}
        data-testid="projects-table"
      />
      <ProjectDrawer id={openId} onClose={() => setParams({})} />
    </Card>
  );
}
