import {
  EVALUATION_CONSEQUENCE_LABELS,
  type EvaluationFigures,
  PLATFORM_FIELD_LABELS,
  type PlatformEvaluation,
  platformEvaluationWorkflow,
  recognitionDateSchema,
  translate,
} from '@kechuang/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Spin,
  Tag,
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
import { EVALUATIONS_URL, evaluationStatusLabel, FIGURE_KEYS, useEvaluation } from './use-evaluations';
import { levelLabel, PLATFORMS_KEY } from './use-platforms';

function usePost(evaluation: PlatformEvaluation, path: string, form: FormInstance) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: object) =>
      api.post<PlatformEvaluation>(`${EVALUATIONS_URL}/${evaluation.id}/${path}`, {
        ...body,
        version: evaluation.version,
      }),
    onSuccess: () => {
      showSuccessMessage(t('common.done'));
      void queryClient.invalidateQueries({ queryKey: PLATFORMS_KEY });
    },
    onError: (error) =>
      handleApiError(error, {
        form,
        onConflict: () => void queryClient.invalidateQueries({ queryKey: PLATFORMS_KEY }),
      }),
  });
}

/** The host's yearly report: the figures of its type and a summary. */
function ReportForm({ evaluation }: { evaluation: PlatformEvaluation }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ figures: EvaluationFigures; summary?: string }>();
  const report = usePost(evaluation, 'report', form as FormInstance);
  return (
    <Card size="small" title={t('platforms.fileReport')}>
      <Form
        form={form}
        layout="vertical"
        data-testid="evaluation-report-form"
        onFinish={(values) =>
          report.mutate({
            figures: Object.fromEntries(FIGURE_KEYS.map((key) => [key, values.figures?.[key] ?? null])),
            summary: values.summary?.trim() ?? '',
          })
        }
      >
        <Row gutter={12}>
          {FIGURE_KEYS.map((key) => (
            <Col span={8} key={key}>
              <Form.Item name={['figures', key]} label={t(`platforms.figure.${key}`)}>
                <InputNumber min={0} style={{ width: '100%' }} data-testid={`figure-${key}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="summary" label={t('platforms.reportSummary')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={report.isPending}
          data-testid="evaluation-report-submit"
        >
          {t('platforms.fileReport')}
        </Button>
      </Form>
    </Card>
  );
}

/** Staff grade on the type's scale; the score suggests the grade. */
function GradeForm({ evaluation }: { evaluation: PlatformEvaluation }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ score: number; grade: string; comment?: string }>();
  const grade = usePost(evaluation, 'grade', form as FormInstance);
  const sorted = [...evaluation.grades].sort((a, b) => b.minScore - a.minScore);
  return (
    <Card size="small" title={t('platforms.gradeTitle')}>
      <Form
        form={form}
        layout="inline"
        data-testid="evaluation-grade-form"
        onValuesChange={(changed: { score?: number }) => {
          if (typeof changed.score === 'number') {
            const suggested = sorted.find((item) => (changed.score ?? 0) >= item.minScore) ?? sorted.at(-1);
            form.setFieldsValue({ grade: suggested?.code });
          }
        }}
        onFinish={(values) => grade.mutate({ ...values, comment: values.comment?.trim() || undefined })}
      >
        <Form.Item
          name="score"
          label={t('platforms.score')}
          rules={[{ required: true, message: t('platforms.required') }]}
        >
          <InputNumber min={0} max={100} data-testid="evaluation-score" />
        </Form.Item>
        <Form.Item
          name="grade"
          label={t('platforms.grade')}
          rules={[{ required: true, message: t('platforms.required') }]}
        >
          <Select
            style={{ width: 120 }}
            data-testid="evaluation-grade"
            options={sorted.map((item) => ({ value: item.code, label: item.label }))}
          />
        </Form.Item>
        <Form.Item name="comment" label={t('platforms.gradeComment')}>
          <Input style={{ width: 220 }} />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={grade.isPending}
          data-testid="evaluation-grade-save"
        >
          {t('common.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** 执行处理: the warning or revocation the rule sets, applied to the platform from a given day. */
function ConsequenceForm({ evaluation }: { evaluation: PlatformEvaluation }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ effectiveOn: Dayjs }>();
  const apply = usePost(evaluation, 'consequence', form as FormInstance);
  const label = translate(EVALUATION_CONSEQUENCE_LABELS[evaluation.consequence], currentLanguage());
  return (
    <Alert
      type="warning"
      showIcon
      title={t('platforms.consequenceDue', { count: evaluation.consecutiveFailing, consequence: label })}
      description={
        <Form
          form={form}
          layout="inline"
          initialValues={{ effectiveOn: dayjs() }}
          onFinish={(values) => apply.mutate({ effectiveOn: values.effectiveOn.format('YYYY-MM-DD') })}
        >
          <Form.Item
            name="effectiveOn"
            label={t('platforms.effectiveOn')}
            rules={[
              { required: true, message: t('platforms.required') },
              zodRule(
                recognitionDateSchema,
                'effectiveOn',
                (value) => (value as Dayjs).format('YYYY-MM-DD'),
                PLATFORM_FIELD_LABELS,
              ),
            ]}
          >
            <DatePicker />
          </Form.Item>
          <Button
            danger
            htmlType="submit"
            loading={apply.isPending}
            data-testid="evaluation-consequence-apply"
          >
            {t('platforms.applyConsequence', { consequence: label })}
          </Button>
        </Form>
      }
    />
  );
}

export function EvaluationDrawer(props: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const detail = useEvaluation(props.id);
  const evaluation = detail.data;
  const reload = () => void queryClient.invalidateQueries({ queryKey: PLATFORMS_KEY });
  const canGrade = evaluation?.allowedActions.includes('grade');
  const isStaff = useAuth().user?.role === 'staff';
  return (
    <Drawer
      open={props.id !== null}
      onClose={props.onClose}
      size={860}
      title={
        evaluation ? `${evaluation.platformName} ${evaluation.year}${t('platforms.yearlyEvaluation')}` : ''
      }
      data-testid="evaluation-drawer"
    >
      {!evaluation ? (
        <Spin />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <WorkflowActions<PlatformEvaluation>
            definition={platformEvaluationWorkflow}
            allowedActions={evaluation.allowedActions.filter((action) => action === 'return')}
            actionUrl={(action) => `${EVALUATIONS_URL}/${evaluation.id}/actions/${action}`}
            version={evaluation.version}
            onDone={reload}
            onConflict={reload}
          />
          {isStaff &&
            evaluation.status === 'graded' &&
            evaluation.consequence !== 'none' &&
            !evaluation.consequenceAppliedOn && <ConsequenceForm evaluation={evaluation} />}
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label={t('platforms.type')}>{evaluation.typeName}</Descriptions.Item>
            <Descriptions.Item label={t('platforms.level')}>{levelLabel(evaluation.level)}</Descriptions.Item>
            <Descriptions.Item label={t('platforms.hosts')}>{evaluation.hostNames}</Descriptions.Item>
            <Descriptions.Item label={t('platforms.status')}>
              <Tag data-testid="evaluation-status">{evaluationStatusLabel(evaluation.status)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('platforms.score')}>{evaluation.score}</Descriptions.Item>
            <Descriptions.Item label={t('platforms.grade')}>
              <span data-testid="evaluation-grade-label">{evaluation.gradeLabel}</span>
            </Descriptions.Item>
            {evaluation.figures &&
              FIGURE_KEYS.map((key) => (
                <Descriptions.Item key={key} label={t(`platforms.figure.${key}`)}>
                  {evaluation.figures?.[key]}
                </Descriptions.Item>
              ))}
            <Descriptions.Item label={t('platforms.reportSummary')} span={2}>
              {evaluation.summary}
            </Descriptions.Item>
            {evaluation.consequenceAppliedOn && (
              <Descriptions.Item label={t('platforms.consequence')} span={2}>
                {translate(EVALUATION_CONSEQUENCE_LABELS[evaluation.consequence], currentLanguage())}（
                {evaluation.consequenceAppliedOn}）
              </Descriptions.Item>
            )}
          </Descriptions>
          {evaluation.allowedActions.includes('report') && <ReportForm evaluation={evaluation} />}
          {canGrade && <GradeForm evaluation={evaluation} />}
          <Card size="small" title={t('platforms.reviewHistory')}>
            <HistoryTimeline history={evaluation.history} definition={platformEvaluationWorkflow} />
          </Card>
        </Space>
      )}
    </Drawer>
  );
}
