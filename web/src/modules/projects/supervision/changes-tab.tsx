import {
  BUDGET_CATEGORIES,
  CHANGE_KINDS,
  type ChangeRequest,
  projectChangeWorkflow,
  type SupervisionProjectDetail,
  translate,
} from '@kechuang/domain';
import { useMutation } from '@tanstack/react-query';
import {
  Button,
  DatePicker,
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
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../../app/api-client';
import { showSuccessMessage } from '../../../app/feedback';
import { currentLanguage } from '../../../app/i18n';
import { WorkflowActions } from '../../../app/workflow-actions';
import { AttachmentPicker, FileLinks, formatWan, wanToFen } from './supervision-shared';

interface ChangeValues {
  kind: ChangeRequest['kind'];
  reason: string;
  principalName?: string;
  principalIdNumber?: string;
  members?: { name: string; role: 'principal' | 'core' | 'member'; title?: string; workloadMonths: number }[];
  budget?: { category: string; fiscalWan: number; selfRaisedWan: number; otherWan: number }[];
  newEndOn?: Dayjs;
  attachmentFileIds?: number[];
}

const ROLE_OPTIONS = [
  { value: 'principal', label: '项目负责人' },
  { value: 'core', label: '核心骨干' },
  { value: 'member', label: '参与人员' },
];

function toRequest(values: ChangeValues) {
  const base = {
    kind: values.kind,
    reason: values.reason,
    attachmentFileIds: values.attachmentFileIds ?? [],
  };
  switch (values.kind) {
    case 'principal':
      return {
        ...base,
        principalName: values.principalName,
        ...(values.principalIdNumber ? { principalIdNumber: values.principalIdNumber } : {}),
      };
    case 'members':
      return {
        ...base,
        members: (values.members ?? []).map((member) => ({
          name: member.name,
          role: member.role,
          title: member.title ?? '',
          workloadMonths: member.workloadMonths,
        })),
      };
    case 'budget':
      return {
        ...base,
        budget: (values.budget ?? []).map((row) => ({
          category: row.category,
          fiscalFen: wanToFen(row.fiscalWan),
          selfRaisedFen: wanToFen(row.selfRaisedWan),
          otherFen: wanToFen(row.otherWan),
        })),
      };
    default:
      return { ...base, newEndOn: values.newEndOn?.format('YYYY-MM-DD') };
  }
}

/** 变更申请: the form follows the kind (负责人, 成员, 预算调整, 延期). */
function ChangeRequestModal(props: {
  detail: SupervisionProjectDetail;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [form] = Form.useForm<ChangeValues>();
  const kind = Form.useWatch('kind', form);
  const create = useMutation({
    mutationFn: (values: ChangeValues) =>
      api.post(`/api/supervision/projects/${props.detail.project.id}/changes`, toRequest(values)),
    onSuccess: () => {
      showSuccessMessage(t('common.done'));
      props.onDone();
    },
    onError: (error) => handleApiError(error, { form }),
  });
  return (
    <Modal
      open
      width={760}
      title={t('supervision.newChange')}
      okText={t('common.submit')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'change-submit' }}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          kind: 'principal',
          members: props.detail.members,
          budget: props.detail.budget.map((row) => ({
            category: row.category,
            fiscalWan: row.fiscalFen / 1_000_000,
            selfRaisedWan: row.selfRaisedFen / 1_000_000,
            otherWan: row.otherFen / 1_000_000,
          })),
        }}
        onFinish={(values) => create.mutate(values)}
      >
        <Form.Item name="kind" label={t('supervision.changeKind')} rules={[{ required: true }]}>
          <Select
            data-testid="change-kind"
            options={CHANGE_KINDS.map((item) => ({
              value: item.code,
              label: translate(item, language),
              disabled: item.code === 'extension' && props.detail.extensionUsed,
            }))}
          />
        </Form.Item>
        {kind === 'principal' && (
          <Space>
            <Form.Item
              name="principalName"
              label={t('supervision.newPrincipal')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={50} data-testid="principal-name" />
            </Form.Item>
            <Form.Item name="principalIdNumber" label={t('supervision.idNumber')}>
              <Input maxLength={18} />
            </Form.Item>
          </Space>
        )}
        {kind === 'members' && (
          <Form.List name="members">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="start">
                    <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true }]}>
                      <Input placeholder={t('supervision.memberName')} style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'role']} rules={[{ required: true }]}>
                      <Select options={ROLE_OPTIONS} style={{ width: 130 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'title']}>
                      <Input placeholder={t('supervision.memberTitle')} style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'workloadMonths']} rules={[{ required: true }]}>
                      <InputNumber min={0} max={12} placeholder={t('supervision.workload')} />
                    </Form.Item>
                    <Button type="link" danger onClick={() => remove(field.name)}>
                      {t('supervision.remove')}
                    </Button>
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ role: 'member', workloadMonths: 3 })}>
                  {t('supervision.addMember')}
                </Button>
              </>
            )}
          </Form.List>
        )}
        {kind === 'budget' && (
          <Form.List name="budget">
            {(fields, { add, remove }) => (
              <>
                <Typography.Paragraph type="secondary">
                  {t('supervision.budgetHint', { approved: formatWan(props.detail.project.approvedFen) })}
                </Typography.Paragraph>
                {fields.map((field) => (
                  <Space key={field.key} align="start">
                    <Form.Item name={[field.name, 'category']} rules={[{ required: true }]}>
                      <Select
                        style={{ width: 120 }}
                        options={BUDGET_CATEGORIES.map((item) => ({
                          value: item.code,
                          label: translate(item, language),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'fiscalWan']} label={t('supervision.fiscalWan')}>
                      <InputNumber min={0} precision={2} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'selfRaisedWan']} label={t('supervision.selfRaisedWan')}>
                      <InputNumber min={0} precision={2} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'otherWan']} label={t('supervision.otherWan')}>
                      <InputNumber min={0} precision={2} />
                    </Form.Item>
                    <Button type="link" danger onClick={() => remove(field.name)}>
                      {t('supervision.remove')}
                    </Button>
                  </Space>
                ))}
                <Button
                  type="dashed"
                  onClick={() => add({ category: 'business', fiscalWan: 0, selfRaisedWan: 0, otherWan: 0 })}
                >
                  {t('supervision.addRow')}
                </Button>
              </>
            )}
          </Form.List>
        )}
        {kind === 'extension' && (
          <Form.Item
            name="newEndOn"
            label={t('supervision.newEndOn')}
            extra={t('supervision.extensionHint', { endOn: props.detail.project.endOn })}
            rules={[{ required: true }]}
          >
            <DatePicker data-testid="new-end-on" />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('supervision.changeReason')}
          rules={[{ required: true, whitespace: true }]}
          style={{ marginTop: 16 }}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="change-reason" />
        </Form.Item>
        <Form.Item name="attachmentFileIds" label={t('supervision.attachments')}>
          <AttachmentPicker projectId={props.detail.project.id} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function describeChange(change: ChangeRequest): string {
  const details = change.details as Record<string, unknown>;
  switch (change.kind) {
    case 'principal':
      return `${details.principalName ?? ''}${details.principalIdNumber ? `（${details.principalIdNumber}）` : ''}`;
    case 'members':
      return ((details.members as { name: string }[]) ?? []).map((member) => member.name).join('、');
    case 'budget':
      return ((details.budget as { category: string; fiscalFen: number }[]) ?? [])
        .map((row) => {
          const label = BUDGET_CATEGORIES.find((item) => item.code === row.category);
          return `${label ? translate(label, currentLanguage()) : row.category} ${formatWan(row.fiscalFen)}`;
        })
        .join('；');
    default:
      return String(details.newEndOn ?? '');
  }
}

export function ChangesTable(props: {
  changes: ChangeRequest[];
  onChanged: () => void;
  showProject?: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Table<ChangeRequest>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={props.changes}
      columns={[
        ...(props.showProject
          ? [
              { title: t('supervision.projectTitle'), dataIndex: 'projectTitle' },
              { title: t('supervision.enterprise'), dataIndex: 'enterpriseName' },
            ]
          : []),
        {
          title: t('supervision.changeKind'),
          dataIndex: 'kind',
          width: 120,
          render: (kind: string) => {
            const item = CHANGE_KINDS.find((entry) => entry.code === kind);
            return item ? translate(item, language) : kind;
          },
        },
        { title: t('supervision.changeContent'), render: (_: unknown, row) => describeChange(row) },
        { title: t('supervision.changeReason'), dataIndex: 'reason' },
        {
          title: t('supervision.attachments'),
          render: (_: unknown, row) => <FileLinks files={row.attachments} />,
        },
        {
          title: t('supervision.status'),
          dataIndex: 'status',
          width: 100,
          render: (status: ChangeRequest['status'], row) => (
            <Space direction="vertical" size={0}>
              <Tag>{translate(projectChangeWorkflow.states[status], language)}</Tag>
              {row.decisionOpinion && (
                <Typography.Text type="secondary">{row.decisionOpinion}</Typography.Text>
              )}
            </Space>
          ),
        },
        {
          title: t('supervision.operations'),
          render: (_: unknown, row) => (
            <WorkflowActions
              definition={projectChangeWorkflow}
              allowedActions={row.allowedActions}
              actionUrl={(action) => `/api/supervision/changes/${row.id}/actions/${action}`}
              version={row.version}
              onDone={props.onChanged}
              onConflict={props.onChanged}
              dangerStates={['rejected', 'withdrawn']}
            />
          ),
        },
      ]}
    />
  );
}

export function ChangesTab(props: {
  detail: SupervisionProjectDetail;
  onChanged: () => void;
  canRequest: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      {props.canRequest && (
        <Button
          type="primary"
          style={{ marginBottom: 12 }}
          onClick={() => setOpen(true)}
          data-testid="new-change"
        >
          {t('supervision.newChange')}
        </Button>
      )}
      <ChangesTable changes={props.detail.changes} onChanged={props.onChanged} />
      {open && (
        <ChangeRequestModal
          detail={props.detail}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            props.onChanged();
          }}
        />
      )}
    </>
  );
}
