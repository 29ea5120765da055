import { UploadOutlined } from '@ant-design/icons';
import {
  FUNDING_MODES,
  PLAN_LEVELS,
  type PlanCall,
  type PlanCategory,
  planCallWorkflow,
} from '@kechuang/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Select, Space, Switch, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, handleApiError } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { FormModal, useRecordForm } from '../../app/list-page/form-modal';
import { AddButton } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { WorkflowActions } from '../../app/workflow-actions';
import { CallFormFields, type CallFormValues, NEW_CALL_VALUES, toCallBody, toCallForm } from './call-form';
import { CALL_STATUS_COLORS, formatTime, type Page, textIn } from './plan-shared';

const CATEGORIES_KEY = ['plan', 'categories'] as const;
const CALLS_KEY = ['plan', 'calls'] as const;

/** 计划类别: funding mode and level as data, kept by staff. */
export function PlanCategoriesPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const categories = useQuery({
    queryKey: CATEGORIES_KEY,
    queryFn: () => api.get<{ items: PlanCategory[] }>('/api/plan/categories'),
  });
  const programmes = useQuery({
    queryKey: ['plan', 'talent-programmes'],
    queryFn: () => api.get<{ items: { code: string; name: string }[] }>('/api/talent/programmes'),
    staleTime: 60_000,
  });
  const category = useRecordForm<PlanCategory, Omit<PlanCategory, 'id' | 'version'>>({
    url: '/api/plan/categories',
    invalidateKey: CATEGORIES_KEY,
    toBody: (values) => ({ ...values, talentProgrammeCode: values.talentProgrammeCode ?? null }),
    toFormValues: (record) => (record === 'new' ? { active: true } : record),
  });
  return (
    <Card
      title={t('planCalls.categoriesTitle')}
      extra={
        user?.role === 'staff' && (
          <AddButton
            label={t('planCalls.addCategory')}
            onClick={() => category.open('new')}
            testId="category-add"
          />
        )
      }
    >
      <ListTable<PlanCategory>
        query={categories}
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
                <Button type="link" onClick={() => category.open(row)}>
                  {t('common.edit')}
                </Button>
              ),
          },
        ]}
      />
      <FormModal
        recordForm={category}
        title={category.isNew ? t('planCalls.addCategory') : t('planCalls.editCategory')}
        okText={t('common.confirm')}
        okTestId="category-save"
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
        <Form.Item
          name="talentProgrammeCode"
          label={t('planCalls.talentProgramme')}
          extra={t('planCalls.talentProgrammeHint')}
        >
          <Select
            allowClear
            data-testid="category-talent-programme"
            options={(programmes.data?.items ?? []).map((item) => ({ value: item.code, label: item.name }))}
          />
        </Form.Item>
        <Form.Item name="active" label={t('planCalls.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

/** 申报通知: drafting, editing with the version seen, publishing and closing; the guideline document. */
export function PlanCallsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const isStaff = user?.role === 'staff';
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const calls = useQuery({
    queryKey: [...CALLS_KEY, page],
    queryFn: () => api.get<Page<PlanCall>>(`/api/plan/calls?page=${page}&pageSize=20&sort=year`),
  });
  const categories = useQuery({
    queryKey: CATEGORIES_KEY,
    queryFn: () => api.get<{ items: PlanCategory[] }>('/api/plan/categories'),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: CALLS_KEY });
  const call = useRecordForm<PlanCall, CallFormValues>({
    url: '/api/plan/calls',
    invalidateKey: CALLS_KEY,
    toBody: toCallBody,
    toFormValues: (record) => (record === 'new' ? NEW_CALL_VALUES : toCallForm(record)),
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
          <AddButton label={t('planCalls.addCall')} onClick={() => call.open('new')} testId="call-add" />
        )
      }
    >
      <ListTable<PlanCall>
        query={calls}
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
                    <Button size="small" data-testid={`call-edit-${row.id}`} onClick={() => call.open(row)}>
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
      <FormModal
        recordForm={call}
        width={760}
        title={call.isNew ? t('planCalls.addCall') : t('planCalls.editCall')}
        okText={t('common.confirm')}
        okTestId="call-save"
      >
        <CallFormFields categories={categories.data?.items} />
      </FormModal>
    </Card>
  );
}
