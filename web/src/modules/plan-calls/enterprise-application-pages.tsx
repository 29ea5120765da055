import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  type ApplicationContent,
  type ApplicationDetail,
  type ApplicationPage,
  type ApplicationReceipt,
  type ApplicationSummary,
  BUDGET_CATEGORIES,
  FUNDING_SOURCES,
  type PlanCall,
  projectApplicationWorkflow,
  TEAM_ROLES,
} from '@kechuang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Result,
  Select,
  Space,
  Spin,
  Table,
  Tabs,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api, handleApiError } from '../../app/api-client';
import { showErrorMessage, showSuccessMessage } from '../../app/feedback';
import { WorkflowActions } from '../../app/workflow-actions';
import { HistoryTimeline } from '../enterprises/history-timeline';
import {
  ApplicationStatusTag,
  fenToWan,
  formatTime,
  formatWanYuan,
  type Page,
  textIn,
  wanToFen,
} from './plan-shared';

const KEY = ['plan', 'my-applications'] as const;
const AUTOSAVE_MS = 2_000;

/** Calls open for applications now, with their guideline and an "apply" button. */
export function OpenCallsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const calls = useQuery({
    queryKey: ['plan', 'open-calls'],
    queryFn: () => api.get<Page<PlanCall>>('/api/plan/calls?open=true&pageSize=100&sort=closesAt&order=asc'),
  });
  const apply = useMutation({
    mutationFn: (callId: number) =>
      api.post<ApplicationDetail>(
        '/api/plan/applications',
        { callId },
        { idempotencyKey: `apply-${callId}` },
      ),
    onSuccess: (detail) => navigate(`/enterprise/plan-applications/${detail.application.id}`),
    onError: (error) => handleApiError(error),
  });
  return (
    <Card title={t('planCalls.openCallsTitle')}>
      <Table<PlanCall>
        rowKey="id"
        loading={calls.isPending}
        dataSource={calls.data?.items}
        pagination={false}
        expandable={{
          expandedRowRender: (row) => (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{row.guideline}</Typography.Paragraph>
          ),
        }}
        columns={[
          { title: t('planCalls.callTitle'), dataIndex: 'title' },
          { title: t('planCalls.category'), dataIndex: 'categoryName' },
          { title: t('planCalls.closesAt'), dataIndex: 'closesAt', render: formatTime },
          {
            title: t('planCalls.guideline'),
            render: (_, row) =>
              row.guidelineFile ? (
                <a href={`/api/plan/calls/${row.id}/guideline`}>{row.guidelineFile.fileName}</a>
              ) : (
                '—'
              ),
          },
          {
            title: t('common.actions'),
            render: (_, row) => (
              <Button
                type="primary"
                size="small"
                data-testid={`apply-${row.id}`}
                loading={apply.isPending}
                onClick={() => apply.mutate(row.id)}
              >
                {t('planCalls.apply')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** The enterprise's applications and where each stands. */
export function MyApplicationsPage() {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: KEY,
    queryFn: () => api.get<ApplicationPage>('/api/plan/applications?pageSize=100'),
  });
  return (
    <Card
      title={t('planCalls.myApplicationsTitle')}
      extra={<Link to="/enterprise/plan-calls">{t('planCalls.openCallsTitle')}</Link>}
    >
      <Table<ApplicationSummary>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items}
        pagination={false}
        columns={[
          {
            title: t('planCalls.applicationNo'),
            dataIndex: 'applicationNo',
            render: (value) => value ?? '—',
          },
          {
            title: t('planCalls.projectTitle'),
            dataIndex: 'title',
            render: (value, row) => (
              <Link to={`/enterprise/plan-applications/${row.id}`} data-testid={`my-application-${row.id}`}>
                {value || t('planCalls.untitled')}
              </Link>
            ),
          },
          { title: t('planCalls.callTitle'), dataIndex: 'callTitle' },
          { title: t('planCalls.requested'), dataIndex: 'requestedFen', render: formatWanYuan },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (value) => <ApplicationStatusTag status={value} />,
          },
          { title: t('planCalls.decisionNote'), dataIndex: 'decisionNote', render: (value) => value ?? '—' },
        ]}
      />
    </Card>
  );
}

type MoneyRow = { category: string; fiscalWan: number; selfRaisedWan: number; otherWan: number };
interface FormValues extends Omit<ApplicationContent, 'budget' | 'basics'> {
  basics: Omit<ApplicationContent['basics'], 'startOn' | 'endOn'> & {
    startOn: dayjs.Dayjs | null;
    endOn: dayjs.Dayjs | null;
  };
  budget: {
    rows: MoneyRow[];
    totals: { fiscalWan: number | null; selfRaisedWan: number | null; otherWan: number | null };
  };
}

function toFormValues(content: ApplicationContent): FormValues {
  return {
    ...content,
    basics: {
      ...content.basics,
      startOn: content.basics.startOn ? dayjs(content.basics.startOn) : null,
      endOn: content.basics.endOn ? dayjs(content.basics.endOn) : null,
    },
    budget: {
      rows: content.budget.rows.map((row) => ({
        category: row.category,
        fiscalWan: fenToWan(row.fiscalFen),
        selfRaisedWan: fenToWan(row.selfRaisedFen),
        otherWan: fenToWan(row.otherFen),
      })),
      totals: content.budget.totals
        ? {
            fiscalWan: fenToWan(content.budget.totals.fiscalFen),
            selfRaisedWan: fenToWan(content.budget.totals.selfRaisedFen),
            otherWan: fenToWan(content.budget.totals.otherFen),
          }
        : { fiscalWan: null, selfRaisedWan: null, otherWan: null },
    },
  };
}

function toContent(values: FormValues): ApplicationContent {
  const totals = values.budget?.totals;
  const hasTotals =
    totals &&
    [totals.fiscalWan, totals.selfRaisedWan, totals.otherWan].some(
      (value) => value !== null && value !== undefined,
    );
  return {
    basics: {
      title: values.basics?.title ?? '',
      industry: values.basics?.industry ?? null,
      summary: values.basics?.summary ?? '',
      startOn: values.basics?.startOn ? values.basics.startOn.format('YYYY-MM-DD') : null,
      endOn: values.basics?.endOn ? values.basics.endOn.format('YYYY-MM-DD') : null,
      partners: values.basics?.partners ?? [],
    },
    team: (values.team ?? []).filter(Boolean).map((member) => ({
      name: member.name ?? '',
      role: member.role ?? 'member',
      idNumber: member.idNumber || null,
      title: member.title ?? '',
      organisation: member.organisation ?? '',
      workloadMonths: member.workloadMonths ?? 0,
      task: member.task ?? '',
    })),
    budget: {
      rows: (values.budget?.rows ?? []).filter(Boolean).map((row) => ({
        category: row.category as ApplicationContent['budget']['rows'][number]['category'],
        fiscalFen: wanToFen(row.fiscalWan),
        selfRaisedFen: wanToFen(row.selfRaisedWan),
        otherFen: wanToFen(row.otherWan),
      })),
      totals: hasTotals
        ? {
            fiscalFen: wanToFen(totals.fiscalWan),
            selfRaisedFen: wanToFen(totals.selfRaisedWan),
            otherFen: wanToFen(totals.otherWan),
          }
        : null,
    },
    milestones: (values.milestones ?? [])
      .filter(Boolean)
      .map((milestone) => ({ dueOn: milestone.dueOn ?? '', description: milestone.description ?? '' })),
    targets: (values.targets ?? []).filter(Boolean).map((target) => ({
      name: target.name ?? '',
      kind: target.kind ?? 'technical',
      unit: target.unit ?? '',
      value: target.value ?? '',
    })),
    attachments: values.attachments ?? [],
    excludedExperts: (values.excludedExperts ?? []).filter(Boolean).map((expert) => ({
      name: expert.name ?? '',
      organisation: expert.organisation ?? '',
      reason: expert.reason ?? '',
    })),
  };
}

const MONEY_KEYS = [
  ['fiscalWan', 'fiscalFen'],
  ['selfRaisedWan', 'selfRaisedFen'],
  ['otherWan', 'otherFen'],
] as const;

/** Server paths name the content's fields (`budget.totals.fiscalFen`); the form edits 万元 under its own names. */
function toFormPath(path: string): string {
  let formPath = path.replace(/^content\./, '');
  for (const [wanKey, fenKey] of MONEY_KEYS) formPath = formPath.replace(fenKey, wanKey);
  return formPath;
}

/** Shows the server's findings on the form's fields. */
function markFields(form: FormInstance<FormValues>, details: { path: string; message: string }[]) {
  const fields = details.map((item) => ({
    name: toFormPath(item.path)
      .split('.')
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
    errors: [item.message],
  }));
  (form as unknown as FormInstance).setFields(fields);
}

function BudgetTable() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<FormValues>();
  const watched: unknown = Form.useWatch((values: FormValues) => values.budget?.rows, {
    form,
    preserve: true,
  });
  const rows = (
    Array.isArray(watched) ? watched : watched && typeof watched === 'object' ? Object.values(watched) : []
  ) as (MoneyRow | undefined)[];
  const sums = MONEY_KEYS.map(([key]) => rows.reduce((sum, row) => sum + wanToFen(row?.[key]), 0));
  return (
    <Form.List name={['budget', 'rows']}>
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="budget-table">
          <table style={{ width: '100%', borderCollapse: 'collapse' }}>
            <thead>
              <tr>
                <th style={{ textAlign: 'left' }}>{t('planCalls.budgetCategory')}</th>
                {FUNDING_SOURCES.map((source) => (
                  <th key={source.code} style={{ textAlign: 'left' }}>{`${textIn(source)}（万元）`}</th>
                ))}
                <th />
              </tr>
            </thead>
            <tbody>
              {fields.map((field) => (
                <tr key={field.key}>
                  <td>
                    <Form.Item name={[field.name, 'category']} style={{ margin: 4 }}>
                      <Select
                        style={{ minWidth: 120 }}
                        data-testid={`budget-category-${field.name}`}
                        options={BUDGET_CATEGORIES.map((item) => ({ value: item.code, label: textIn(item) }))}
                      />
                    </Form.Item>
                  </td>
                  {MONEY_KEYS.map(([key]) => (
                    <td key={key}>
                      <Form.Item name={[field.name, key]} style={{ margin: 4 }}>
                        <InputNumber
                          min={0}
                          precision={2}
                          data-testid={`budget-${field.name}-${key}`}
                          style={{ width: '100%' }}
                        />
                      </Form.Item>
                    </td>
                  ))}
                  <td>
                    <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                  </td>
                </tr>
              ))}
              <tr>
                <td>
                  <Typography.Text strong>{t('planCalls.rowSums')}</Typography.Text>
                </td>
                {sums.map((sum, index) => (
                  <td key={MONEY_KEYS[index][0]} data-testid={`budget-sum-${MONEY_KEYS[index][0]}`}>
                    {formatWanYuan(sum)}
                  </td>
                ))}
                <td />
              </tr>
              <tr>
                <td>
                  <Typography.Text strong>{t('planCalls.totals')}</Typography.Text>
                </td>
                {MONEY_KEYS.map(([key], index) => (
                  <td key={key}>
                    <Form.Item
                      name={['budget', 'totals', key]}
                      style={{ margin: 4 }}
                      validateStatus={
                        form.getFieldValue(['budget', 'totals', key]) !== null &&
                        form.getFieldValue(['budget', 'totals', key]) !== undefined &&
                        wanToFen(form.getFieldValue(['budget', 'totals', key])) !== sums[index]
                          ? 'warning'
                          : undefined
                      }
                    >
                      <InputNumber
                        min={0}
                        precision={2}
                        data-testid={`budget-total-${key}`}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                  </td>
                ))}
                <td />
              </tr>
            </tbody>
          </table>
          <Space>
            <Button
              icon={<PlusOutlined />}
              data-testid="budget-add"
              onClick={() =>
                add({
                  category: BUDGET_CATEGORIES[fields.length % 4].code,
                  fiscalWan: 0,
                  selfRaisedWan: 0,
                  otherWan: 0,
                })
              }
            >
              {t('planCalls.addRow')}
            </Button>
            <Button
              data-testid="budget-fill-totals"
              onClick={() =>
                form.setFieldValue(['budget', 'totals'], {
                  fiscalWan: fenToWan(sums[0]),
                  selfRaisedWan: fenToWan(sums[1]),
                  otherWan: fenToWan(sums[2]),
                })
              }
            >
              {t('planCalls.fillTotals')}
            </Button>
          </Space>
        </Space>
      )}
    </Form.List>
  );
}

/** A list section edited as rows of inputs. */
function ListSection({
  name,
  testId,
  columns,
  empty,
}: {
  name: string;
  testId: string;
  columns: { key: string; label: string; render: (field: number) => React.ReactNode }[];
  empty: object;
}) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid={testId}>
          {fields.map((field) => (
            <Space key={field.key} align="start" wrap>
              {columns.map((column) => (
                <Form.Item key={column.key} label={column.label} style={{ marginBottom: 4 }}>
                  {column.render(field.name)}
                </Form.Item>
              ))}
              <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
            </Space>
          ))}
          <Button icon={<PlusOutlined />} data-testid={`${testId}-add`} onClick={() => add(empty)}>
            {t('planCalls.addRow')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}

/** The 申报书: tabs per section, autosaved; submission shows errors and warnings, then the receipt. */
export function ApplicationFormPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const version = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  const [saveState, setSaveState] = useState<'saved' | 'saving' | 'dirty'>('saved');
  const [issues, setIssues] = useState<{
    errors: { path: string; message: string }[];
    warnings: { path: string; message: string }[];
  }>({ errors: [], warnings: [] });
  const [receipt, setReceipt] = useState<ApplicationReceipt | null>(null);
  const detail = useQuery({
    queryKey: [...KEY, id],
    queryFn: () => api.get<ApplicationDetail>(`/api/plan/applications/${id}`),
  });
  const data = detail.data;
  const isEditable = data ? ['draft', 'returned'].includes(data.application.status) : false;

  useEffect(() => {
    // Our own autosave already holds what the form shows; load only a version saved elsewhere.
    if (!data || data.application.version === version.current) return;
    version.current = data.application.version;
    form.resetFields();
    form.setFieldsValue(toFormValues(data.content));
  }, [data, form]);

  const save = async (): Promise<boolean> => {
    window.clearTimeout(timer.current);
    setSaveState('saving');
    try {
      const result = await api.put<ApplicationDetail>(`/api/plan/applications/${id}`, {
        version: version.current,
        content: toContent(form.getFieldsValue(true)),
      });
      version.current = result.application.version;
      queryClient.setQueryData([...KEY, id], (old: ApplicationDetail | undefined) =>
        old ? { ...old, application: result.application, attachments: result.attachments } : result,
      );
      setSaveState('saved');
      return true;
    } catch (error) {
      setSaveState('dirty');
      handleApiError(error, {
        onConflict: () => void detail.refetch(),
      });
      if (error instanceof ApiError) markFields(form, error.details);
      return false;
    }
  };

  const submit = useMutation({
    // One key per application and version: a repeated click replays the same receipt.
    mutationFn: async () => {
      if (!(await save())) throw new Error('not saved');
      return api.post<ApplicationReceipt>(
        `/api/plan/applications/${id}/submit`,
        { version: version.current },
        { idempotencyKey: `submit-${id}-${version.current}` },
      );
    },
    onSuccess: (result) => {
      setReceipt(result);
      setIssues({
        errors: [],
        warnings: result.warnings.map((item) => ({ path: item.path, message: textIn(item.message) })),
      });
      void queryClient.invalidateQueries({ queryKey: KEY });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'submissionCheckFailed') {
        setIssues({ errors: error.details, warnings: [] });
        markFields(form, error.details);
        showErrorMessage(error.message);
      } else if (error instanceof ApiError)
        handleApiError(error, { onConflict: () => void detail.refetch() });
    },
  });

  const uploadAttachment = async (file: File) => {
    const body = new FormData();
    body.append('file', file);
    try {
      const stored = await api.upload<{ id: number; fileName: string }>(
        `/api/plan/applications/${id}/attachments`,
        body,
      );
      const attachments = form.getFieldValue('attachments') ?? [];
      form.setFieldValue('attachments', [...attachments, { fileId: stored.id, kind: 'other' }]);
      await save();
      showSuccessMessage(t('planCalls.uploaded'));
    } catch (error) {
      handleApiError(error);
    }
  };

  if (detail.isPending || !data) return <Spin />;
  if (receipt)
    return (
      <Card>
        <Result
          status="success"
          title={t('planCalls.submitted')}
          subTitle={
            <span data-testid="receipt">
              {t('planCalls.receiptText', {
                no: receipt.applicationNo,
                time: formatTime(receipt.submittedAt),
              })}
            </span>
          }
          extra={[
            <Button key="back" onClick={() => setReceipt(null)}>
              {t('planCalls.viewApplication')}
            </Button>,
            <a key="word" href={`/api/plan/applications/${id}/document`}>
              <Button>{t('planCalls.downloadWord')}</Button>
            </a>,
          ]}
        >
          {issues.warnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t('planCalls.warnings')}
              description={
                <ul>
                  {issues.warnings.map((item) => (
                    <li key={item.path + item.message}>{item.message}</li>
                  ))}
                </ul>
              }
            />
          )}
        </Result>
      </Card>
    );

  const text = (name: (string | number)[], testId?: string) => (
    <Form.Item name={name} noStyle>
      <Input data-testid={testId} disabled={!isEditable} />
    </Form.Item>
  );
  return (
    <Card
      title={
        <Space>
          {data.content.basics.title || t('planCalls.untitled')}
          <ApplicationStatusTag status={data.application.status} />
          {data.application.applicationNo && (
            <Typography.Text type="secondary">{data.application.applicationNo}</Typography.Text>
          )}
        </Space>
      }
      extra={
        <Space>
          {isEditable && (
            <Typography.Text type="secondary" data-testid="save-state">
              {t(`planCalls.saveState.${saveState}`)}
            </Typography.Text>
          )}
          <a href={`/api/plan/applications/${id}/document`} data-testid="download-word">
            {t('planCalls.downloadWord')}
          </a>
          {isEditable && (
            <Button
              type="primary"
              data-testid="application-submit"
              loading={submit.isPending}
              onClick={() => submit.mutate()}
            >
              {t('planCalls.submit')}
            </Button>
          )}
          <WorkflowActions<ApplicationDetail>
            definition={projectApplicationWorkflow}
            allowedActions={data.allowedActions.filter((action) => action !== 'submit')}
            actionUrl={(action) => `/api/plan/applications/${id}/actions/${action}`}
            version={data.application.version}
            dangerStates={['withdrawn']}
            onDone={(result) => queryClient.setQueryData([...KEY, id], result)}
            onConflict={() => void detail.refetch()}
          />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {data.call.title} · {t('planCalls.closesAt')}：{formatTime(data.call.closesAt)}
      </Typography.Paragraph>
      {data.application.status === 'returned' && data.application.decisionNote && (
        <Alert
          type="warning"
          showIcon
          title={t('planCalls.returnedReason')}
          description={data.application.decisionNote}
          style={{ marginBottom: 16 }}
          data-testid="returned-reason"
        />
      )}
      {issues.errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="submission-errors"
          title={t('planCalls.errors')}
          description={
            <ul style={{ margin: 0 }}>
              {issues.errors.map((item) => (
                <li key={item.path + item.message}>{item.message}</li>
              ))}
            </ul>
          }
        />
      )}
      <Form
        form={form}
        layout="vertical"
        disabled={!isEditable}
        onValuesChange={() => {
          setSaveState('dirty');
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => void save(), AUTOSAVE_MS);
        }}
      >
        <Tabs
          items={[
            {
              key: 'basics',
              label: t('planCalls.tabBasics'),
              forceRender: true,
              children: (
                <>
                  <Form.Item name={['basics', 'title']} label={t('planCalls.projectTitle')}>
                    <Input data-testid="basics-title" />
                  </Form.Item>
                  <Space>
                    <Form.Item name={['basics', 'startOn']} label={t('planCalls.startOn')}>
                      <DatePicker data-testid="basics-start" />
                    </Form.Item>
                    <Form.Item name={['basics', 'endOn']} label={t('planCalls.endOn')}>
                      <DatePicker data-testid="basics-end" />
                    </Form.Item>
                  </Space>
                  <Form.Item name={['basics', 'summary']} label={t('planCalls.summary')}>
                    <Input.TextArea rows={6} data-testid="basics-summary" />
                  </Form.Item>
                </>
              ),
            },
            {
              key: 'team',
              label: t('planCalls.tabTeam'),
              forceRender: true,
              children: (
                <ListSection
                  name="team"
                  testId="team"
                  empty={{ name: '', role: 'member', idNumber: null, workloadMonths: 0 }}
                  columns={[
                    {
                      key: 'name',
                      label: t('planCalls.memberName'),
                      render: (field) => text([field, 'name'], `team-${field}-name`),
                    },
                    {
                      key: 'role',
                      label: t('planCalls.memberRole'),
                      render: (field) => (
                        <Form.Item name={[field, 'role']} noStyle>
                          <Select
                            style={{ width: 140 }}
                            data-testid={`team-${field}-role`}
                            options={TEAM_ROLES.map((role) => ({ value: role.code, label: textIn(role) }))}
                          />
                        </Form.Item>
                      ),
                    },
                    {
                      key: 'idNumber',
                      label: t('planCalls.idNumber'),
                      render: (field) => (
                        <Form.Item name={[field, 'idNumber']} style={{ margin: 0 }}>
                          <Input data-testid={`team-${field}-idNumber`} style={{ width: 200 }} />
                        </Form.Item>
                      ),
                    },
                    {
                      key: 'title',
                      label: t('planCalls.memberTitle'),
                      render: (field) => text([field, 'title']),
                    },
                    {
                      key: 'workload',
                      label: t('planCalls.workload'),
                      render: (field) => (
                        <Form.Item name={[field, 'workloadMonths']} noStyle>
                          <InputNumber min={0} max={12} data-testid={`team-${field}-workload`} />
                        </Form.Item>
                      ),
                    },
                  ]}
                />
              ),
            },
            { key: 'budget', label: t('planCalls.tabBudget'), forceRender: true, children: <BudgetTable /> },
            {
              key: 'milestones',
              label: t('planCalls.tabMilestones'),
              forceRender: true,
              children: (
                <ListSection
                  name="milestones"
                  testId="milestones"
                  empty={{ dueOn: '', description: '' }}
                  columns={[
                    {
                      key: 'dueOn',
                      label: t('planCalls.dueOn'),
                      render: (field) => (
                        <Form.Item name={[field, 'dueOn']} style={{ margin: 0 }}>
                          <Input placeholder="2022-06-30" data-testid={`milestones-${field}-dueOn`} />
                        </Form.Item>
                      ),
                    },
                    {
                      key: 'description',
                      label: t('planCalls.milestone'),
                      render: (field) => (
                        <Form.Item name={[field, 'description']} noStyle>
                          <Input style={{ width: 400 }} data-testid={`milestones-${field}-description`} />
                        </Form.Item>
                      ),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'targets',
              label: t('planCalls.tabTargets'),
              forceRender: true,
              children: (
                <ListSection
                  name="targets"
                  testId="targets"
                  empty={{ name: '', kind: 'technical', unit: '', value: '' }}
                  columns={[
                    {
                      key: 'name',
                      label: t('planCalls.targetName'),
                      render: (field) => text([field, 'name'], `targets-${field}-name`),
                    },
                    {
                      key: 'kind',
                      label: t('planCalls.targetKind'),
                      render: (field) => (
                        <Form.Item name={[field, 'kind']} noStyle>
                          <Select
                            style={{ width: 120 }}
                            options={['technical', 'economic', 'other'].map((kind) => ({
                              value: kind,
                              label: t(`planCalls.targetKinds.${kind}`),
                            }))}
                          />
                        </Form.Item>
                      ),
                    },
                    {
                      key: 'value',
                      label: t('planCalls.targetValue'),
                      render: (field) => text([field, 'value'], `targets-${field}-value`),
                    },
                    {
                      key: 'unit',
                      label: t('planCalls.targetUnit'),
                      render: (field) => text([field, 'unit']),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'attachments',
              label: t('planCalls.tabAttachments'),
              forceRender: true,
              children: (
                <Space orientation="vertical">
                  <ul data-testid="attachments">
                    {data.attachments.map((file) => (
                      <li key={file.id}>
                        <a href={`/api/plan/applications/${id}/attachments/${file.id}`}>{file.fileName}</a>
                      </li>
                    ))}
                  </ul>
                  {isEditable && (
                    <Upload
                      showUploadList={false}
                      accept=".pdf,.doc,.docx,.jpg,.jpeg,.png"
                      beforeUpload={(file) => {
                        void uploadAttachment(file);
                        return false;
                      }}
                    >
                      <Button icon={<UploadOutlined />} data-testid="attachment-upload">
                        {t('planCalls.uploadAttachment')}
                      </Button>
                    </Upload>
                  )}
                </Space>
              ),
            },
            {
              key: 'experts',
              label: t('planCalls.tabExcludedExperts'),
              forceRender: true,
              children: (
                <ListSection
                  name="excludedExperts"
                  testId="experts"
                  empty={{ name: '', organisation: '', reason: '' }}
                  columns={[
                    {
                      key: 'name',
                      label: t('planCalls.memberName'),
                      render: (field) => text([field, 'name']),
                    },
                    {
                      key: 'organisation',
                      label: t('planCalls.organisation'),
                      render: (field) => text([field, 'organisation']),
                    },
                    {
                      key: 'reason',
                      label: t('planCalls.reason'),
                      render: (field) => text([field, 'reason']),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'history',
              label: t('planCalls.history'),
              children: <HistoryTimeline history={data.history} />,
            },
          ]}
        />
      </Form>
    </Card>
  );
}
