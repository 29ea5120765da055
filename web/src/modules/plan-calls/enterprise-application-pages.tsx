import {
  type ApplicationDetail,
  type ApplicationPage,
  type ApplicationReceipt,
  type ApplicationSummary,
  type PlanCall,
  projectApplicationWorkflow,
} from '@kechuang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Space, Spin, Tabs, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api, handleApiError } from '../../app/api-client';
import { showErrorMessage, showSuccessMessage } from '../../app/feedback';
import { HistoryTimeline } from '../../app/history-timeline';
import { ListTable } from '../../app/list-page/list-table';
import { WorkflowActions } from '../../app/workflow-actions';
import { type FormValues, markFields, toContent, toFormValues } from './application-form-values';
import { ApplicationReceiptView } from './application-receipt';
import {
  AttachmentsSection,
  BasicsSection,
  ExcludedExpertsSection,
  MilestonesSection,
  TalentBundleSection,
  TargetsSection,
  TeamSection,
} from './application-sections';
import { BudgetTable } from './budget-table';
import { ApplicationStatusTag, formatTime, formatWanYuan, type Page, textIn } from './plan-shared';

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
      <ListTable<PlanCall>
        query={calls}
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
      <ListTable<ApplicationSummary>
        query={list}
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
      <ApplicationReceiptView
        id={id}
        receipt={receipt}
        warnings={issues.warnings}
        onBack={() => setReceipt(null)}
      />
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
              children: <BasicsSection />,
            },
            ...(data.call.talentProgrammeCode
              ? [
                  {
                    key: 'talent',
                    label: t('planCalls.tabTalentBundle'),
                    forceRender: true,
                    children: <TalentBundleSection />,
                  },
                ]
              : []),
            {
              key: 'team',
              label: t('planCalls.tabTeam'),
              forceRender: true,
              children: <TeamSection isEditable={isEditable} />,
            },
            { key: 'budget', label: t('planCalls.tabBudget'), forceRender: true, children: <BudgetTable /> },
            {
              key: 'milestones',
              label: t('planCalls.tabMilestones'),
              forceRender: true,
              children: <MilestonesSection />,
            },
            {
              key: 'targets',
              label: t('planCalls.tabTargets'),
              forceRender: true,
              children: <TargetsSection isEditable={isEditable} />,
            },
            {
              key: 'attachments',
              label: t('planCalls.tabAttachments'),
              forceRender: true,
              children: (
                <AttachmentsSection
                  id={id}
                  attachments={data.attachments}
                  isEditable={isEditable}
                  onUpload={(file) => void uploadAttachment(file)}
                />
              ),
            },
            {
              key: 'experts',
              label: t('planCalls.tabExcludedExperts'),
              forceRender: true,
              children: <ExcludedExpertsSection isEditable={isEditable} />,
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
