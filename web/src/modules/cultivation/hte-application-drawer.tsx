import {
  HTE_BOARD_STAGES,
  type HteApplicationStatus,
  type hteApplicationDetailSchema,
  hteApplicationWorkflow,
  SERVICE_RECORD_KIND_LABELS,
  SERVICE_RECORD_KINDS,
  serviceRecordCreateSchema,
  translate,
} from '@kechuang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  DatePicker,
  Drawer,
  Empty,
  Form,
  Input,
  List,
  Select,
  Space,
  Steps,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { zodRule } from '../../app/form-rules';
import { HistoryTimeline } from '../../app/history-timeline';
import { currentLanguage } from '../../app/i18n';
import { WorkflowActions } from '../../app/workflow-actions';

type HteDetail = ReturnType<typeof hteApplicationDetailSchema.parse>;

export const hteDetailKey = (id: number) => ['hte', 'application', id] as const;

/** Where an application stands: the stages in order, with the outcome as the last step. */
export function HteSteps({ status }: { status: HteApplicationStatus }) {
  const language = currentLanguage();
  const path = HTE_BOARD_STAGES.filter((stage) => stage !== 'notRecognised' && stage !== 'recognised');
  const outcome: HteApplicationStatus =
    status === 'notRecognised' || status === 'withdrawn' ? status : 'recognised';
  const steps = [...path, outcome];
  const current = steps.indexOf(status);
  return (
    <Steps
      size="small"
      current={Math.max(current, 0)}
      status={
        status === 'notRecognised' || status === 'withdrawn'
          ? 'error'
          : status === 'recognised'
            ? 'finish'
            : 'process'
      }
      items={steps.map((stage) => ({ title: translate(hteApplicationWorkflow.states[stage], language) }))}
    />
  );
}

/** One application: its stage, the actions allowed now, the helper team, service records and 流程记录. */
export function HteApplicationDrawer({
  applicationId,
  onClose,
}: {
  applicationId: number | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const isStaff = user?.role === 'staff';
  const [recordForm] = Form.useForm<{ kind: string; happenedOn: Dayjs; summary: string }>();
  const [teamForm] = Form.useForm<{ leadUserId: number; memberUserIds: number[] }>();
  const detail = useQuery({
    queryKey: hteDetailKey(applicationId ?? 0),
    queryFn: () => api.get<HteDetail>(`/api/cultivation/hte-applications/${applicationId}`),
    enabled: applicationId !== null,
  });
  const helpers = useQuery({
    queryKey: ['hte', 'helper-options'],
    queryFn: () =>
      api.get<{ items: { id: number; displayName: string }[] }>('/api/cultivation/helper-options'),
    enabled: isStaff && applicationId !== null,
  });
  const refresh = (updated: HteDetail) => {
    queryClient.setQueryData(hteDetailKey(updated.application.id), updated);
    void queryClient.invalidateQueries({ queryKey: ['hte'] });
  };
  const addRecord = useMutation({
    mutationFn: (values: { kind: string; happenedOn: Dayjs; summary: string }) =>
      api.post<HteDetail>(`/api/cultivation/hte-applications/${applicationId}/service-records`, {
        kind: values.kind,
        happenedOn: values.happenedOn.format('YYYY-MM-DD'),
        summary: values.summary,
      }),
    onSuccess: (updated) => {
      refresh(updated);
      recordForm.resetFields();
      showSuccessMessage(t('common.done'));
    },
    onError: (error) => handleApiError(error, { form: recordForm }),
  });
  const setTeam = useMutation({
    mutationFn: (values: { leadUserId: number; memberUserIds?: number[] }) =>
      api.put<HteDetail>(`/api/cultivation/hte-applications/${applicationId}/helpers`, {
        version: detail.data?.application.version,
        leadUserId: values.leadUserId,
        memberUserIds: values.memberUserIds ?? [],
      }),
    onSuccess: (updated) => {
      refresh(updated);
      showSuccessMessage(t('common.done'));
    },
    onError: (error) => handleApiError(error, { form: teamForm, onConflict: () => void detail.refetch() }),
  });

  const data = detail.data;
  const language = currentLanguage();
  const helperOptions = (helpers.data?.items ?? []).map((item) => ({
    value: item.id,
    label: item.displayName,
  }));
  return (
    <Drawer
      open={applicationId !== null}
      onClose={onClose}
      size="large"
      title={data ? `${data.application.enterpriseName}（${data.application.batchName}）` : ''}
      destroyOnHidden
    >
      {data && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="hte-drawer">
          <HteSteps status={data.application.status} />
          <Space>
            <Tag color="blue" data-testid="hte-status">
              {translate(hteApplicationWorkflow.states[data.application.status], language)}
            </Tag>
            {data.application.isOverdue && <Tag color="red">{t('hte.overdue')}</Tag>}
            <Typography.Text type="secondary">
              {t('hte.deadline', { date: data.application.submissionDeadline })}
            </Typography.Text>
          </Space>
          <WorkflowActions<HteDetail>
            definition={hteApplicationWorkflow}
            allowedActions={data.allowedActions}
            actionUrl={(action) =>
              `/api/cultivation/hte-applications/${data.application.id}/actions/${action}`
            }
            version={data.application.version}
            dangerStates={['notRecognised', 'withdrawn']}
            onDone={refresh}
            onConflict={() => void detail.refetch()}
          />
          <Card size="small" title={t('hte.team')}>
            <Space wrap>
              {data.application.helpers.length === 0 && (
                <Typography.Text type="secondary">{t('hte.noTeam')}</Typography.Text>
              )}
              {data.application.helpers.map((helper) => (
                <Tag key={helper.userId} color={helper.isLead ? 'gold' : undefined}>
                  {helper.displayName}
                  {helper.isLead ? `（${t('hte.lead')}）` : ''}
                </Tag>
              ))}
            </Space>
            {isStaff && (
              <Form
                form={teamForm}
                layout="inline"
                style={{ marginTop: 12 }}
                onFinish={(values) => setTeam.mutate(values)}
              >
                <Form.Item
                  name="leadUserId"
                  label={t('hte.lead')}
                  rules={[{ required: true, message: t('hte.leadRequired') }]}
                >
                  <Select style={{ width: 140 }} options={helperOptions} data-testid="hte-lead" />
                </Form.Item>
                <Form.Item name="memberUserIds" label={t('hte.members')}>
                  <Select mode="multiple" style={{ width: 220 }} options={helperOptions} />
                </Form.Item>
                <Button htmlType="submit" loading={setTeam.isPending} data-testid="hte-team-save">
                  {t('common.save')}
                </Button>
              </Form>
            )}
          </Card>
          <Card size="small" title={t('hte.serviceRecords')}>
            {data.serviceRecords.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.none')} />
            ) : (
              <List
                size="small"
                dataSource={data.serviceRecords}
                renderItem={(record) => (
                  <List.Item>
                    <Space>
                      <Tag>{translate(SERVICE_RECORD_KIND_LABELS[record.kind], language)}</Tag>
                      <span>{record.happenedOn}</span>
                      <span>{record.summary}</span>
                      <Typography.Text type="secondary">{record.recordedBy}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            )}
            {isStaff && (
              <Form
                form={recordForm}
                layout="vertical"
                style={{ marginTop: 12 }}
                onFinish={(values) => addRecord.mutate(values)}
                initialValues={{ kind: 'visit', happenedOn: dayjs() }}
              >
                <Space align="start" wrap>
                  <Form.Item name="kind" label={t('hte.recordKind')}>
                    <Select
                      style={{ width: 120 }}
                      options={SERVICE_RECORD_KINDS.map((kind) => ({
                        value: kind,
                        label: translate(SERVICE_RECORD_KIND_LABELS[kind], language),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name="happenedOn" label={t('hte.recordDate')} rules={[{ required: true }]}>
                    <DatePicker />
                  </Form.Item>
                </Space>
                <Form.Item
                  name="summary"
                  label={t('hte.recordSummary')}
                  rules={[zodRule(serviceRecordCreateSchema.shape.summary, 'summary')]}
                >
                  <Input.TextArea rows={2} maxLength={1000} data-testid="hte-record-summary" />
                </Form.Item>
                <Button htmlType="submit" loading={addRecord.isPending} data-testid="hte-record-add">
                  {t('hte.addRecord')}
                </Button>
              </Form>
            )}
          </Card>
          <Card size="small" title={t('enterprise.history')}>
            <HistoryTimeline history={data.history} />
          </Card>
        </Space>
      )}
    </Drawer>
  );
}
