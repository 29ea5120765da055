import {
  type ProgressReport,
  progressReportWorkflow,
  type SupervisionProjectDetail,
  translate,
} from '@kechuang/domain';
import { useMutation } from '@tanstack/react-query';
import {
  Button,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../../app/api-client';
import { useAuth } from '../../../app/auth-context';
import { showSuccessMessage } from '../../../app/feedback';
import { currentLanguage } from '../../../app/i18n';
import { WorkflowActions } from '../../../app/workflow-actions';
import { AttachmentPicker, FileLinks, formatWan, wanToFen } from './supervision-shared';
import { REPORT_COLORS } from './use-supervision';

interface ReportValues {
  progress: { item: string; progress: string; note?: string }[];
  spentWan: number;
  issues?: string;
  nextPlan?: string;
  attachmentFileIds?: number[];
}

/** The enterprise's 执行情况报告 form: progress per target and milestone, spending so far, issues. */
function ReportFormModal(props: {
  detail: SupervisionProjectDetail;
  report: ProgressReport;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReportValues>();
  const items = [
    ...props.detail.targets.map((target) => `${target.name}（${target.value}${target.unit}）`),
    ...props.detail.milestones.map((milestone) => `${milestone.dueOn} ${milestone.description}`),
  ];
  const initial = props.report.progress.length
    ? props.report.progress
    : (items.length ? items : ['']).map((item) => ({ item, progress: '', note: '' }));
  const submit = useMutation({
    mutationFn: (values: ReportValues) =>
      api.post(`/api/supervision/reports/${props.report.id}/submit`, {
        version: props.report.version,
        progress: values.progress.map((row) => ({
          item: row.item,
          progress: row.progress,
          note: row.note ?? '',
        })),
        spentFen: wanToFen(values.spentWan),
        issues: values.issues ?? '',
        nextPlan: values.nextPlan ?? '',
        attachmentFileIds: values.attachmentFileIds ?? [],
      }),
    onSuccess: () => {
      showSuccessMessage(t('common.done'));
      props.onDone();
    },
    onError: (error) => handleApiError(error, { form, onConflict: props.onDone }),
  });
  return (
    <Modal
      open
      width={760}
      title={t('supervision.reportFormTitle', { no: props.report.periodNo })}
      okText={t('common.submit')}
      okButtonProps={{ loading: submit.isPending, 'data-testid': 'report-submit' }}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('supervision.reportPeriod', {
          from: props.report.periodStart,
          to: props.report.periodEnd,
          due: props.report.dueOn,
        })}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          progress: initial,
          spentWan: props.report.spentFen === null ? undefined : props.report.spentFen / 1_000_000,
          issues: props.report.issues,
          nextPlan: props.report.nextPlan,
        }}
        onFinish={(values) => submit.mutate(values)}
      >
        <Form.List name="progress">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item
                    name={[field.name, 'item']}
                    rules={[{ required: true, message: t('supervision.itemRequired') }]}
                  >
                    <Input placeholder={t('supervision.item')} style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'progress']}
                    rules={[{ required: true, whitespace: true, message: t('supervision.progressRequired') }]}
                  >
                    <Input.TextArea
                      rows={1}
                      placeholder={t('supervision.progressText')}
                      style={{ width: 380 }}
                      data-testid={`progress-${index}`}
                    />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(field.name)}>
                    {t('supervision.remove')}
                  </Button>
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ item: '', progress: '' })}>
                {t('supervision.addItem')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item
          name="spentWan"
          label={t('supervision.spentWan')}
          rules={[{ required: true, message: t('supervision.spentRequired') }]}
          style={{ marginTop: 16 }}
        >
          <InputNumber min={0} precision={2} style={{ width: 200 }} data-testid="spent-wan" />
        </Form.Item>
        <Form.Item name="issues" label={t('supervision.issues')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="nextPlan" label={t('supervision.nextPlan')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="attachmentFileIds" label={t('supervision.attachments')}>
          <AttachmentPicker projectId={props.detail.project.id} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ReportsTab(props: { detail: SupervisionProjectDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const language = currentLanguage();
  const [editing, setEditing] = useState<ProgressReport | null>(null);
  const { detail } = props;
  const isStaff = user?.role === 'staff';
  const remind = useMutation({
    mutationFn: (id: number) => api.post(`/api/supervision/reports/${id}/remind`),
    onSuccess: () => {
      showSuccessMessage(t('supervision.reminded'));
      props.onChanged();
    },
    onError: (error) => handleApiError(error),
  });
  const schedule = useMutation({
    mutationFn: (intervalMonths: number) =>
      api.put(`/api/supervision/projects/${detail.project.id}/report-schedule`, { intervalMonths }),
    onSuccess: () => {
      showSuccessMessage(t('common.done'));
      props.onChanged();
    },
    onError: (error) => handleApiError(error),
  });
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <span>
          {t('supervision.reportKind')}：{translate(detail.reportKind, language)}
        </span>
        {isStaff && (
          <Select
            value={detail.reportIntervalMonths}
            style={{ width: 160 }}
            onChange={(value) => schedule.mutate(value)}
            options={[3, 6, 12].map((value) => ({
              value,
              label: t('supervision.everyMonths', { count: value }),
            }))}
            data-testid="report-interval"
          />
        )}
      </Space>
      <Table<ProgressReport>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={detail.reports}
        expandable={{
          rowExpandable: (row) => row.submittedAt !== null,
          expandedRowRender: (row) => (
            <Descriptions size="small" column={1} bordered>
              {row.progress.map((item) => (
                <Descriptions.Item key={`${item.item}-${item.progress}`} label={item.item}>
                  {item.progress}
                  {item.note ? `（${item.note}）` : ''}
                </Descriptions.Item>
              ))}
              <Descriptions.Item label={t('supervision.spentWan')}>
                {formatWan(row.spentFen)}
              </Descriptions.Item>
              <Descriptions.Item label={t('supervision.issues')}>{row.issues || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('supervision.nextPlan')}>{row.nextPlan || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('supervision.attachments')}>
                <FileLinks files={row.attachments} />
              </Descriptions.Item>
              {row.reviewOpinion && (
                <Descriptions.Item label={t('supervision.reviewOpinion')}>
                  {row.reviewOpinion}
                </Descriptions.Item>
              )}
            </Descriptions>
          ),
        }}
        columns={[
          { title: t('supervision.periodNo'), dataIndex: 'periodNo', width: 70 },
          {
            title: t('supervision.period'),
            render: (_: unknown, row) => `${row.periodStart} ~ ${row.periodEnd}`,
          },
          {
            title: t('supervision.dueOn'),
            dataIndex: 'dueOn',
            render: (value: string, row) => (
              <Space>
                {value}
                {row.isOverdue && <Tag color="red">{t('supervision.overdue')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('supervision.status'),
            dataIndex: 'status',
            render: (value: ProgressReport['status']) => (
              <Tag color={REPORT_COLORS[value]}>
                {translate(progressReportWorkflow.states[value], language)}
              </Tag>
            ),
          },
          {
            title: t('supervision.operations'),
            render: (_: unknown, row) => (
              <Space wrap>
                {row.allowedActions.includes('submit') && (
                  <Button
                    type="primary"
                    size="small"
                    onClick={() => setEditing(row)}
                    data-testid={`fill-report-${row.periodNo}`}
                  >
                    {t('supervision.fillReport')}
                  </Button>
                )}
                {isStaff && (
                  <WorkflowActions
                    definition={progressReportWorkflow}
                    allowedActions={row.allowedActions.filter((action) => action !== 'submit')}
                    actionUrl={(action) => `/api/supervision/reports/${row.id}/review/${action}`}
                    version={row.version}
                    onDone={props.onChanged}
                    onConflict={props.onChanged}
                    dangerStates={['returned']}
                  />
                )}
                {isStaff && (row.status === 'pending' || row.status === 'returned') && row.isOverdue && (
                  <Button size="small" onClick={() => remind.mutate(row.id)} loading={remind.isPending}>
                    {t('supervision.remind')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <ReportFormModal
          detail={detail}
          report={editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            props.onChanged();
          }}
        />
      )}
    </>
  );
}
