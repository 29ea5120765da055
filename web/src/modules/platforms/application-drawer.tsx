import {
  type ChecklistLine,
  PLATFORM_FIELD_LABELS,
  type PlatformApplication,
  platformApplicationWorkflow,
  recognitionDateSchema,
} from '@kechuang/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import {
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Space,
  Spin,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../app/api-client';
import { showSuccessMessage } from '../../app/feedback';
import { zodRule } from '../../app/form-rules';
import { HistoryTimeline } from '../../app/history-timeline';
import { WorkflowActions } from '../../app/workflow-actions';
import type { useApplicationForm } from './application-form';
import {
  APPLICATION_STATUS_COLORS,
  APPLICATIONS_KEY,
  APPLICATIONS_URL,
  applicationStatusLabel,
  useApplication,
} from './use-applications';
import { LEVEL_COLORS, levelLabel, PLATFORMS_KEY } from './use-platforms';

interface ApprovalValues {
  approvingBody: string;
  documentNo: string;
  recognizedOn: Dayjs;
}

const shown = (value: number | boolean | null, yes: string, no: string) =>
  typeof value === 'boolean' ? (value ? yes : no) : (value ?? '—');

function Checklist({ lines }: { lines: ChecklistLine[] }) {
  const { t } = useTranslation();
  const columns: TableProps<ChecklistLine>['columns'] = [
    { title: t('platforms.condition'), dataIndex: 'label' },
    {
      title: t('platforms.threshold'),
      key: 'threshold',
      width: 200,
      render: (_value, line) =>
        [
          line.min !== undefined ? `≥${line.min}${line.unit ?? ''}` : '',
          line.max !== undefined ? `≤${line.max}${line.unit ?? ''}` : '',
          line.or ? `${t('platforms.or')}${line.or.label}≥${line.or.min}${line.or.unit ?? ''}` : '',
        ]
          .filter(Boolean)
          .join(' ') || t('platforms.yes'),
    },
    {
      title: t('platforms.filledValue'),
      key: 'value',
      width: 130,
      render: (_value, line) =>
        `${shown(line.value, t('platforms.yes'), t('platforms.no'))}${line.or && line.orValue !== null ? ` / ${line.orValue}` : ''}`,
    },
    {
      title: t('platforms.met'),
      dataIndex: 'met',
      width: 90,
      render: (met: boolean) => (
        <Tag color={met ? 'green' : 'red'}>{met ? t('platforms.metYes') : t('platforms.metNo')}</Tag>
      ),
    },
  ];
  return (
    <Table<ChecklistLine>
      size="small"
      rowKey="key"
      pagination={false}
      columns={columns}
      dataSource={lines}
      data-testid="application-checklist"
      locale={{ emptyText: t('platforms.noRequirements') }}
    />
  );
}

/** 登记认定结果: the higher authority's body, 文号 and date, which put the platform on the register. */
function ApprovalButton({ application }: { application: PlatformApplication }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ApprovalValues>();
  const [isOpen, setOpen] = useState(false);
  const approve = useMutation({
    mutationFn: (values: ApprovalValues) =>
      api.post<PlatformApplication>(`${APPLICATIONS_URL}/${application.id}/approve`, {
        ...values,
        recognizedOn: values.recognizedOn.format('YYYY-MM-DD'),
        version: application.version,
      }),
    onSuccess: () => {
      showSuccessMessage(t('common.done'));
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: PLATFORMS_KEY });
    },
    onError: (error) => handleApiError(error, { form, onConflict: () => setOpen(false) }),
  });
  return (
    <>
      <Button type="primary" data-testid="action-approve" onClick={() => setOpen(true)}>
        {t('platforms.recordApproval')}
      </Button>
      <Modal
        open={isOpen}
        title={t('platforms.recordApproval')}
        okText={t('common.submit')}
        cancelText={t('common.cancel')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: approve.isPending, ...{ 'data-testid': 'approval-save' } }}
        forceRender
      >
        <Form<ApprovalValues> form={form} layout="vertical" onFinish={(values) => approve.mutate(values)}>
          <Form.Item
            name="approvingBody"
            label={t('platforms.approvingBody')}
            rules={[{ required: true, message: t('platforms.required') }]}
          >
            <Input data-testid="approval-body" />
          </Form.Item>
          <Form.Item
            name="documentNo"
            label={t('platforms.documentNo')}
            rules={[{ required: true, message: t('platforms.required') }]}
          >
            <Input data-testid="approval-document-no" />
          </Form.Item>
          <Form.Item
            name="recognizedOn"
            label={t('platforms.recognizedOn')}
            rules={[
              { required: true, message: t('platforms.required') },
              zodRule(
                recognitionDateSchema,
                'recognizedOn',
                (value) => (value as Dayjs).format('YYYY-MM-DD'),
                PLATFORM_FIELD_LABELS,
              ),
            ]}
          >
            <DatePicker style={{ width: '100%' }} data-testid="approval-date" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** One application: what is applied for, the checklist against the thresholds, the review's steps and actions. */
export function ApplicationDrawer(props: {
  id: number | null;
  onClose: () => void;
  recordForm?: ReturnType<typeof useApplicationForm>;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const detail = useApplication(props.id);
  const application = detail.data;
  const reload = () => void queryClient.invalidateQueries({ queryKey: APPLICATIONS_KEY });
  const editable = application && (application.status === 'draft' || application.status === 'returned');
  return (
    <Drawer
      open={props.id !== null}
      onClose={props.onClose}
      size={860}
      title={application?.name ?? t('platforms.applicationDetail')}
      data-testid="application-drawer"
      extra={
        application &&
        props.recordForm &&
        editable && (
          <Button onClick={() => props.recordForm?.open(application)} data-testid="application-edit">
            {t('platforms.edit')}
          </Button>
        )
      }
    >
      {!application ? (
        <Spin />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            <WorkflowActions<PlatformApplication>
              definition={platformApplicationWorkflow}
              allowedActions={application.allowedActions.filter((action) => action !== 'approve')}
              actionUrl={(action) => `${APPLICATIONS_URL}/${application.id}/actions/${action}`}
              version={application.version}
              onDone={reload}
              onConflict={reload}
              dangerStates={['notRecommended', 'rejected', 'withdrawn']}
            />
            {application.allowedActions.includes('approve') && <ApprovalButton application={application} />}
          </Space>
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label={t('platforms.applicant')}>
              {application.enterpriseName}
            </Descriptions.Item>
            <Descriptions.Item label={t('platforms.status')}>
              <Tag color={APPLICATION_STATUS_COLORS[application.status]} data-testid="application-status">
                {applicationStatusLabel(application.status)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('platforms.type')}>{application.typeName}</Descriptions.Item>
            <Descriptions.Item label={t('platforms.appliedLevel')}>
              <Tag color={LEVEL_COLORS[application.level]}>{levelLabel(application.level)}</Tag>
              {application.kind === 'upgrade' ? t('platforms.kindUpgrade') : t('platforms.kindRecognition')}
            </Descriptions.Item>
            <Descriptions.Item label={t('platforms.submittedOn')}>
              {application.submittedOn}
            </Descriptions.Item>
            <Descriptions.Item label={t('platforms.contactName')}>
              {application.contactName} {application.contactPhone}
            </Descriptions.Item>
            {application.documentNo && (
              <Descriptions.Item label={t('platforms.documentNo')} span={2}>
                {application.approvingBody} {application.documentNo}（{application.recognizedOn}）
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('platforms.applicationSummary')} span={2}>
              {application.summary}
            </Descriptions.Item>
          </Descriptions>
          <Card
            size="small"
            title={`${t('platforms.checklistTitle')}（${application.metCount}/${application.requirementCount}）`}
          >
            <Checklist lines={application.checklist} />
          </Card>
          <Card size="small" title={t('platforms.reviewHistory')}>
            <HistoryTimeline history={application.history} definition={platformApplicationWorkflow} />
          </Card>
        </Space>
      )}
    </Drawer>
  );
}
