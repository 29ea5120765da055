import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  FUNDING_MODES,
  PLAN_LEVELS,
  type PlanCall,
  type PlanCategory,
  planCallWorkflow,
} from '@kechuang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, handleApiError } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { WorkflowActions } from '../../app/workflow-actions';
import { CALL_STATUS_COLORS, fenToWan, formatTime, type Page, textIn, wanToFen } from './plan-shared';

const CATEGORIES_KEY = ['plan', 'categories'] as const;
const CALLS_KEY = ['plan', 'calls'] as const;

/** 计划类别: funding mode and level as data, kept by staff. */
export function PlanCategoriesPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<PlanCategory | 'new' | null>(null);
  const [form] = Form.useForm();
  const categories = useQuery({
    queryKey: CATEGORIES_KEY,
    queryFn: () => api.get<{ items: PlanCategory[] }>('/api/plan/categories'),
  });
  const save = useMutation({
    mutationFn: (values: Omit<PlanCategory, 'id' | 'version'>) =>
      editing === 'new' || editing === null
        ? api.post<PlanCategory>('/api/plan/categories', values)
        : api.put<PlanCategory>(`/api/plan/categories/${editing.id}`, {
            ...values,
            version: editing.version,
          }),
    onSuccess: () => {
      showSuccessMessage(t('common.saved'));
      setEditing(null);
      void queryClient.invalidateQueries({ queryKey: CATEGORIES_KEY });
    },
    onError: (error) => handleApiError(error, { form, onConflict: () => void categories.refetch() }),
  });
  return (
    <Card
      title={t('planCalls.categoriesTitle')}
      extra={
        user?.role === 'staff' && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="category-add"
            onClick={() => {
              form.resetFields();
              setEditing('new');
            }}
          >
            {t('planCalls.addCategory')}
          </Button>
        )
      }
    >
      <Table<PlanCategory>
        rowKey="id"
        loading={categories.isPending}
        dataSource={categories.data?.items}
        pagination={false}
        columns={[
          { title: t('planCalls.categoryCode'), dataIndex: 'code' },
          { title: t('planCalls.categoryName'), dataIndex: 'name' },
          {
            title: t('planCalls.fundingMode'),
            dataIndex: 'fundingMode',
            render: (code) => textIn(FUNDING_MODES.find((mode) => mode.code === code)!),
          },
          {
            title: t('planCalls.level'),
            dataIndex: 'level',
            render: (code) => textIn(PLAN_LEVELS.find((level) => level.code === code)!),
          },
          {
            title: t('common.status'),
            dataIndex: 'active',
            render: (active) =>
              active ? (
                <Tag color="green">{t('planCalls.active')}</Tag>
              ) : (
                <Tag>{t('planCalls.inactive')}</Tag>
              ),
          },
          {
            title: t('common.actions'),
            render: (_, row) =>
              user?.role === 'staff' && (
                <Button
                  type="link"
                  onClick={() => {
                    form.setFieldsValue(row);
                    setEditing(row);
                  }}
                >
                  {t('common.edit')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('planCalls.addCategory') : t('planCalls.editCategory')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        okButtonProps={{ 'data-testid': 'category-save' } as Record<`data-${string}`, string>}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => save.mutate(values)}
          initialValues={{ active: true }}
        >
          <Form.Item name="code" label={t('planCalls.categoryCode')} rules={[{ required: true }]}>
            <Input placeholder="key-rd" />
          </Form.Item>
          <Form.Item name="name" label={t('planCalls.categoryName')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="fundingMode" label={t('planCalls.fundingMode')} rules={[{ required: true }]}>
            <Select options={FUNDING_MODES.map((mode) => ({ value: mode.code, label: textIn(mode) }))} />
          </Form.Item>
          <Form.Item name="level" label={t('planCalls.level')} rules={[{ required: true }]}>
            <Select options={PLAN_LEVELS.map((level) => ({ value: level.code, label: textIn(level) }))} />
          </Form.Item>
          <Form.Item name="active" label={t('planCalls.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

interface CallFormValues {
  categoryId: number;
  year: number;
  title: string;
  guideline: string;
  window: [Dayjs, Dayjs];
  districtReviewDeadline?: Dayjs | null;
  budgetWan?: number | null;
  allowResubmission: boolean;
  requiredStandings: string[];
  maxApplicationsPerPrincipalPerYear: number;
  maxRunningProjectsPerPrincipal: number;
  maxRequestWan?: number | null;
  checklist: string[];
}

function toCallBody(values: CallFormValues) {
  return {
    categoryId: values.categoryId,
    year: values.year,
    title: values.title,
    guideline: values.guideline ?? '',
    opensAt: values.window[0].toISOString(),
    closesAt: values.window[1].toISOString(),
    districtReviewDeadline: values.districtReviewDeadline
      ? values.districtReviewDeadline.toISOString()
      : null,
    budgetFen: values.budgetWan ? wanToFen(values.budgetWan) : null,
    allowResubmission: values.allowResubmission,
    rules: {
      requiredStandings: values.requiredStandings ?? [],
      onePerEnterprise: true,
      maxApplicationsPerPrincipalPerYear: values.maxApplicationsPerPrincipalPerYear,
      maxRunningProjectsPerPrincipal: values.maxRunningProjectsPerPrincipal,
      maxRequestFen: values.maxRequestWan ? wanToFen(values.maxRequestWan) : null,
      maxExcludedExperts: 3,
    },
    checklist: (values.checklist ?? []).filter(Boolean),
  };
}

function toCallForm(call: PlanCall): CallFormValues {
  return {
    categoryId: call.categoryId,
    year: call.year,
    title: call.title,
    guideline: call.guideline,
    window: [dayjs(call.opensAt), dayjs(call.closesAt)],
    districtReviewDeadline: call.districtReviewDeadline ? dayjs(call.districtReviewDeadline) : null,
    budgetWan: call.budgetFen === null ? null : fenToWan(call.budgetFen),
    allowResubmission: call.allowResubmission,
    requiredStandings: call.rules.requiredStandings,
    maxApplicationsPerPrincipalPerYear: call.rules.maxApplicationsPerPrincipalPerYear,
    maxRunningProjectsPerPrincipal: call.rules.maxRunningProjectsPerPrincipal,
    maxRequestWan: call.rules.maxRequestFen === null ? null : fenToWan(call.rules.maxRequestFen),
    checklist: call.checklist,
  };
}

/** 申报通知: drafting, editing with the version seen, publishing and closing; the guideline document. */
export function PlanCallsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const isStaff = user?.role === 'staff';
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<PlanCall | 'new' | null>(null);
  const [form] = Form.useForm<CallFormValues>();
  const calls = useQuery({
    queryKey: [...CALLS_KEY, page],
    queryFn: () => api.get<Page<PlanCall>>(`/api/plan/calls?page=${page}&pageSize=20&sort=year`),
  });
  const categories = useQuery({
    queryKey: CATEGORIES_KEY,
    queryFn: () => api.get<{ items: PlanCategory[] }>('/api/plan/categories'),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: CALLS_KEY });
  const save = useMutation({
    mutationFn: (values: CallFormValues) =>
      editing === 'new' || editing === null
        ? api.post<PlanCall>('/api/plan/calls', toCallBody(values))
        : api.put<PlanCall>(`/api/plan/calls/${editing.id}`, {
            ...toCallBody(values),
            version: editing.version,
          }),
    onSuccess: () => {
      showSuccessMessage(t('common.saved'));
      setEditing(null);
      refresh();
    },
    onError: (error) =>
      handleApiError(error, {
        form,
        onConflict: () => {
          setEditing(null);
          refresh();
        },
      }),
  });
  const uploadGuideline = async (call: PlanCall, file: File) => {
    const body = new FormData();
    body.append('file', file);
    try {
      await api.upload<PlanCall>(`/api/plan/calls/${call.id}/guideline`, body);
      showSuccessMessage(t('planCalls.guidelineUploaded'));
      refresh();
    } catch (error) {
      handleApiError(error);
    }
  };
  return (
    <Card
      title={t('planCalls.callsTitle')}
      extra={
        isStaff && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="call-add"
            onClick={() => {
              form.resetFields();
              form.setFieldsValue({
                year: new Date().getFullYear(),
                allowResubmission: true,
                maxApplicationsPerPrincipalPerYear: 1,
                maxRunningProjectsPerPrincipal: 2,
                checklist: ['申报单位资格', '申报书内容完整', '经费预算合理', '附件齐全'],
              });
              setEditing('new');
            }}
          >
            {t('planCalls.addCall')}
          </Button>
        )
      }
    >
      <Table<PlanCall>
        rowKey="id"
        loading={calls.isPending}
        dataSource={calls.data?.items}
        pagination={{ current: page, total: calls.data?.total, pageSize: 20, onChange: setPage }}
        columns={[
          { title: t('planCalls.year'), dataIndex: 'year', width: 80 },
          {
            title: t('planCalls.callTitle'),
            dataIndex: 'title',
            render: (title, row) => (
              <Link to={`/bureau/plan-calls/${row.id}/applications`} data-testid={`call-link-${row.id}`}>
                {title}
              </Link>
            ),
          },
          { title: t('planCalls.category'), dataIndex: 'categoryName' },
          { title: t('planCalls.closesAt'), dataIndex: 'closesAt', render: formatTime },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (status: PlanCall['status'], row) => (
              <Space>
                <Tag color={CALL_STATUS_COLORS[status]} data-testid={`call-status-${row.id}`}>
                  {textIn(planCallWorkflow.states[status])}
                </Tag>
                {row.isOpen && <Tag color="green">{t('planCalls.open')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('planCalls.guideline'),
            render: (_, row) => (
              <Space>
                {row.guidelineFile && (
                  <a href={`/api/plan/calls/${row.id}/guideline`}>{row.guidelineFile.fileName}</a>
                )}
                {isStaff && row.status !== 'closed' && (
                  <Upload
                    showUploadList={false}
                    accept=".pdf,.doc,.docx"
                    beforeUpload={(file) => {
                      void uploadGuideline(row, file);
                      return false;
                    }}
                  >
                    <Button size="small" icon={<UploadOutlined />} data-testid={`call-guideline-${row.id}`}>
                      {t('planCalls.uploadGuideline')}
                    </Button>
                  </Upload>
                )}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            render: (_, row) =>
              isStaff && (
                <Space>
                  {row.status !== 'closed' && (
                    <Button
                      size="small"
                      data-testid={`call-edit-${row.id}`}
                      onClick={() => {
                        form.setFieldsValue(toCallForm(row));
                        setEditing(row);
                      }}
                    >
                      {t('common.edit')}
                    </Button>
                  )}
                  <WorkflowActions<PlanCall>
                    definition={planCallWorkflow}
                    allowedActions={row.allowedActions}
                    actionUrl={(action) => `/api/plan/calls/${row.id}/actions/${action}`}
                    version={row.version}
                    dangerStates={['closed']}
                    onDone={refresh}
                    onConflict={refresh}
                  />
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        width={760}
        title={editing === 'new' ? t('planCalls.addCall') : t('planCalls.editCall')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        okButtonProps={{ 'data-testid': 'call-save' } as Record<`data-${string}`, string>}
      >
        <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
          <Space.Compact block>
            <Form.Item
              name="categoryId"
              label={t('planCalls.category')}
              rules={[{ required: true }]}
              style={{ flex: 2 }}
            >
              <Select
                data-testid="call-category"
                options={categories.data?.items
                  .filter((category) => category.active)
                  .map((category) => ({ value: category.id, label: category.name }))}
              />
            </Form.Item>
            <Form.Item
              name="year"
              label={t('planCalls.year')}
              rules={[{ required: true }]}
              style={{ flex: 1 }}
            >
              <InputNumber min={2017} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Space.Compact>
          <Form.Item name="title" label={t('planCalls.callTitle')} rules={[{ required: true }]}>
            <Input data-testid="call-title" />
          </Form.Item>
          <Form.Item name="window" label={t('planCalls.window')} rules={[{ required: true }]}>
            <DatePicker.RangePicker showTime style={{ width: '100%' }} data-testid="call-window" />
          </Form.Item>
          <Form.Item name="districtReviewDeadline" label={t('planCalls.districtReviewDeadline')}>
            <DatePicker showTime style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="guideline" label={t('planCalls.guideline')}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="budgetWan" label={t('planCalls.budgetWan')}>
              <InputNumber min={0} precision={2} />
            </Form.Item>
            <Form.Item name="maxRequestWan" label={t('planCalls.maxRequestWan')}>
              <InputNumber min={0} precision={2} />
            </Form.Item>
            <Form.Item name="maxApplicationsPerPrincipalPerYear" label={t('planCalls.maxApplications')}>
              <InputNumber min={1} max={10} />
            </Form.Item>
            <Form.Item name="maxRunningProjectsPerPrincipal" label={t('planCalls.maxRunning')}>
              <InputNumber min={1} max={10} />
            </Form.Item>
          </Space>
          <Form.Item name="requiredStandings" label={t('planCalls.requiredStandings')}>
            <Checkbox.Group
              options={[
                { value: 'techSme', label: t('planCalls.standing.techSme') },
                { value: 'cultivationPool', label: t('planCalls.standing.cultivationPool') },
                { value: 'highTech', label: t('planCalls.standing.highTech') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="allowResubmission"
            label={t('planCalls.allowResubmission')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
          <Form.Item name="checklist" label={t('planCalls.checklist')}>
            <Select mode="tags" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
