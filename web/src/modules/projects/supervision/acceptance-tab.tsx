import {
  ACCEPTANCE_ACTIONS,
  BUDGET_CATEGORIES,
  planProjectWorkflow,
  type SupervisionProjectDetail,
  translate,
} from '@kechuang/domain';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../../app/api-client';
import { showSuccessMessage } from '../../../app/feedback';
import { currentLanguage } from '../../../app/i18n';
import { WorkflowActions } from '../../../app/workflow-actions';
import { AttachmentPicker, FileLinks, formatWan, wanToFen } from './supervision-shared';

interface FinalValues {
  summary: string;
  targets: { achieved: string; completion: 'yes' | 'partly' | 'no'; note?: string }[];
  spentWan: number[];
  attachmentFileIds?: number[];
}

const categoryLabel = (code: string) => {
  const item = BUDGET_CATEGORIES.find((entry) => entry.code === code);
  return item ? translate(item, currentLanguage()) : code;
};

/** 验收申请: each 考核指标 with what was achieved, and the spending per budget row. */
function FinalReportModal(props: {
  detail: SupervisionProjectDetail;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FinalValues>();
  const { detail } = props;
  const submit = useMutation({
    mutationFn: (values: FinalValues) =>
      api.post(`/api/supervision/projects/${detail.project.id}/final-report`, {
        version: detail.project.version,
        summary: values.summary,
        targets: detail.targets.map((target, position) => ({
          index: target.index,
          achieved: values.targets[position].achieved,
          completion: values.targets[position].completion,
          note: values.targets[position].note ?? '',
        })),
        financial: detail.budget.map((row, position) => ({
          category: row.category,
          spentFen: wanToFen(values.spentWan[position]),
        })),
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
      width={820}
      title={t('supervision.finalReport')}
      okText={t('supervision.applyAcceptance')}
      okButtonProps={{ loading: submit.isPending, 'data-testid': 'final-submit' }}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          targets: detail.targets.map(() => ({ completion: 'yes' })),
          spentWan: detail.budget.map(() => 0),
        }}
        onFinish={(values) => submit.mutate(values)}
      >
        <Typography.Title level={5}>{t('supervision.targets')}</Typography.Title>
        {detail.targets.map((target, position) => (
          <Space key={target.index} align="start" wrap>
            <Typography.Text style={{ display: 'inline-block', width: 200 }}>
              {target.name}（{target.value}
              {target.unit}）
            </Typography.Text>
            <Form.Item
              name={['targets', position, 'achieved']}
              rules={[{ required: true, whitespace: true, message: t('supervision.achievedRequired') }]}
            >
              <Input
                placeholder={t('supervision.achieved')}
                style={{ width: 160 }}
                data-testid={`achieved-${position}`}
              />
            </Form.Item>
            <Form.Item name={['targets', position, 'completion']}>
              <Select
                style={{ width: 110 }}
                options={(['yes', 'partly', 'no'] as const).map((value) => ({
                  value,
                  label: t(`supervision.completion.${value}`),
                }))}
              />
            </Form.Item>
            <Form.Item name={['targets', position, 'note']}>
              <Input placeholder={t('supervision.note')} style={{ width: 180 }} />
            </Form.Item>
          </Space>
        ))}
        <Typography.Title level={5}>{t('supervision.financial')}</Typography.Title>
        {detail.budget.map((row, position) => (
          <Space key={row.category} align="start">
            <Typography.Text style={{ display: 'inline-block', width: 200 }}>
              {categoryLabel(row.category)}（{t('supervision.budgetWan')}{' '}
              {formatWan(row.fiscalFen + row.selfRaisedFen + row.otherFen)}）
            </Typography.Text>
            <Form.Item name={['spentWan', position]} label={t('supervision.spentWan')}>
              <InputNumber min={0} precision={2} data-testid={`final-spent-${position}`} />
            </Form.Item>
          </Space>
        ))}
        <Form.Item
          name="summary"
          label={t('supervision.summary')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={4} maxLength={5000} data-testid="final-summary" />
        </Form.Item>
        <Form.Item name="attachmentFileIds" label={t('supervision.attachments')}>
          <AttachmentPicker projectId={detail.project.id} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function AcceptanceTab(props: { detail: SupervisionProjectDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { detail } = props;
  const [open, setOpen] = useState(false);
  const latest = detail.finalReports.at(-1);
  const canApply = detail.allowedActions.includes('applyAcceptance');
  const decisions = detail.allowedActions.filter((action) =>
    (ACCEPTANCE_ACTIONS as readonly string[]).includes(action),
  );
  const rate = detail.acceptanceGuidance.completionRate;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canApply && (
        <Button type="primary" onClick={() => setOpen(true)} data-testid="open-final-report">
          {t('supervision.fileFinalReport')}
        </Button>
      )}
      {latest && (
        <Alert
          type={detail.acceptanceGuidance.suggestion === 'passed' ? 'success' : 'warning'}
          showIcon
          message={`${t('supervision.completionRate')}：${rate === null ? '—' : `${(rate * 100).toFixed(1)}%`}　${translate(detail.acceptanceGuidance.text, language)}`}
          description={t('supervision.thresholds')}
          data-testid="acceptance-guidance"
        />
      )}
      {decisions.length > 0 && (
        <Card size="small" title={t('supervision.panelResult')}>
          <Typography.Paragraph type="secondary">
            {detail.rectificationUsed
              ? t('supervision.rectificationUsed')
              : t('supervision.rectificationHint')}
          </Typography.Paragraph>
          <WorkflowActions
            definition={planProjectWorkflow}
            allowedActions={decisions.filter(
              (action) => !(action === 'requireRectification' && detail.rectificationUsed),
            )}
            actionUrl={(action) => `/api/supervision/projects/${detail.project.id}/acceptance/${action}`}
            version={detail.project.version}
            onDone={props.onChanged}
            onConflict={props.onChanged}
            dangerStates={['failed', 'closedWithoutPass']}
          />
        </Card>
      )}
      {detail.finalReports
        .slice()
        .reverse()
        .map((report) => (
          <Card
            key={report.id}
            size="small"
            title={t('supervision.finalReportRound', {
              round: report.round,
              at: report.submittedAt.slice(0, 10),
            })}
          >
            <Typography.Paragraph>{report.summary}</Typography.Paragraph>
            <Table
              rowKey="index"
              size="small"
              pagination={false}
              dataSource={report.targets}
              columns={[
                { title: t('supervision.target'), dataIndex: 'name' },
                {
                  title: t('supervision.targetValue'),
                  render: (_: unknown, row) => `${row.value}${row.unit}`,
                },
                { title: t('supervision.achieved'), dataIndex: 'achieved' },
                {
                  title: t('supervision.completed'),
                  dataIndex: 'completion',
                  render: (value: string) => t(`supervision.completion.${value}`),
                },
                { title: t('supervision.note'), dataIndex: 'note' },
              ]}
            />
            <Table
              rowKey="category"
              size="small"
              pagination={false}
              style={{ marginTop: 12 }}
              dataSource={report.financial}
              columns={[
                { title: t('supervision.category'), dataIndex: 'category', render: categoryLabel },
                {
                  title: t('supervision.budgetWan'),
                  dataIndex: 'budgetFen',
                  align: 'right' as const,
                  render: formatWan,
                },
                {
                  title: t('supervision.spentWan'),
                  dataIndex: 'spentFen',
                  align: 'right' as const,
                  render: formatWan,
                },
              ]}
            />
            <Descriptions size="small" style={{ marginTop: 12 }}>
              <Descriptions.Item label={t('supervision.attachments')}>
                <FileLinks files={report.attachments} />
              </Descriptions.Item>
            </Descriptions>
          </Card>
        ))}
      {detail.acceptanceDecisions.length > 0 && (
        <Card size="small" title={t('supervision.decisions')}>
          <Timeline
            items={detail.acceptanceDecisions.map((decision) => ({
              key: decision.id,
              children: (
                <span>
                  {decision.decidedAt.slice(0, 10)}{' '}
                  {translate(
                    planProjectWorkflow.transitions.find((item) => item.action === decision.action)
                      ?.label ?? { zh: decision.action, en: decision.action },
                    language,
                  )}
                  ：{decision.opinion}
                  {decision.rectificationDueOn
                    ? `（${t('supervision.rectificationDue')} ${decision.rectificationDueOn}）`
                    : ''}
                </span>
              ),
            }))}
          />
        </Card>
      )}
      {open && (
        <FinalReportModal
          detail={detail}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            props.onChanged();
          }}
        />
      )}
    </Space>
  );
}
