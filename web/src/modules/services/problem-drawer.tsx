import { categoryName, type ServiceProblemDetail, serviceProblemWorkflow, translate } from '@kechuang/domain';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Form, Input, InputNumber, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { HistoryTimeline } from '../../app/history-timeline';
import { currentLanguage } from '../../app/i18n';
import { WorkflowActions } from '../../app/workflow-actions';
import { ActionModal, useActionModal } from './action-modal';
import { SERVICES_KEY, SERVICES_URL, TIMING_COLORS, useServiceRecord } from './use-services';

/** One ticket: its facts, deadline, measure and rating, its steps, and the actions open to the caller. */
export function ProblemDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const problem = useServiceRecord<ServiceProblemDetail>('problems', id);
  const reload = () => void queryClient.invalidateQueries({ queryKey: [...SERVICES_KEY] });
  const extension = useActionModal<{ days: number; reason: string }, ServiceProblemDetail>({
    submit: (values, target) =>
      api.post(`${SERVICES_URL}/problems/${target.id}/extension`, { ...values, version: target.version }),
    successText: t('common.saved'),
    // The leader grants what the department asked for, unless changed here.
    initialValues: (target) =>
      target.extensionRequest
        ? { days: target.extensionRequest.days, reason: target.extensionRequest.reason }
        : {},
  });
  const extensionRequest = useActionModal<{ days: number; reason: string }, ServiceProblemDetail>({
    submit: (values, target) =>
      api.post(`${SERVICES_URL}/problems/${target.id}/extension-request`, {
        ...values,
        version: target.version,
      }),
    successText: t('common.saved'),
  });
  const data = problem.data;
  const asksExtension =
    (user?.role === 'department' || user?.role === 'staff') &&
    data !== undefined &&
    (data.status === 'assigned' || data.status === 'reopened') &&
    data.extensionDays === 0 &&
    data.extensionRequest === null;
  const required = [{ required: true, message: t('services.required') }];
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={720}
      title={t('services.problemDetail')}
      destroyOnHidden
    >
      {data && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('services.enterprise')} span={2}>
              {data.enterpriseName}
            </Descriptions.Item>
            <Descriptions.Item label={t('services.category')}>
              {categoryName(data.category)}
            </Descriptions.Item>
            <Descriptions.Item label={t('services.department')}>{data.departmentName}</Descriptions.Item>
            <Descriptions.Item label={t('services.description')} span={2}>
              {data.description}
            </Descriptions.Item>
            <Descriptions.Item label={t('services.assignedOn')}>{data.assignedOn}</Descriptions.Item>
            <Descriptions.Item label={t('services.dueOn')}>
              <Space>
                {data.dueOn}
                <Tag color={TIMING_COLORS[data.timing]}>{t(`services.timings.${data.timing}`)}</Tag>
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('services.status')}>
              <span data-testid="problem-status">
                {translate(serviceProblemWorkflow.states[data.status], currentLanguage())}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('services.reopenCount')}>{data.reopenCount}</Descriptions.Item>
            <Descriptions.Item label={t('services.measure')} span={2}>
              {data.measure ?? '—'}
            </Descriptions.Item>
            {data.extensionRequest && (
              <Descriptions.Item label={t('services.extensionRequested')} span={2}>
                <span data-testid="problem-extension-request">
                  {`${data.extensionRequest.requestedOn}：${data.extensionRequest.days}，${data.extensionRequest.reason}`}
                </span>
              </Descriptions.Item>
            )}
            {data.extensionDays > 0 && (
              <Descriptions.Item label={t('services.extension')} span={2}>
                {`${data.extensionDays}：${data.extensionReason ?? ''}`}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Space>
            <WorkflowActions
              definition={serviceProblemWorkflow}
              allowedActions={data.allowedActions}
              actionUrl={(action) => `${SERVICES_URL}/problems/${data.id}/actions/${action}`}
              version={data.version}
              onDone={reload}
              onConflict={reload}
              dangerStates={['reopened']}
            />
            {user?.role === 'leader' && data.status !== 'closed' && (
              <Button onClick={() => extension.open(data)}>{t('services.extension')}</Button>
            )}
            {asksExtension && (
              <Button
                data-testid="problem-extension-request-button"
                onClick={() => extensionRequest.open(data)}
              >
                {t('services.extensionRequest')}
              </Button>
            )}
          </Space>
          <HistoryTimeline history={data.history} definition={serviceProblemWorkflow} />
        </Space>
      )}
      <ActionModal action={extensionRequest} title={t('services.extensionRequest')}>
        <Form.Item name="days" label={t('services.extensionDays')} rules={required}>
          <InputNumber min={1} max={30} />
        </Form.Item>
        <Form.Item name="reason" label={t('services.extensionReason')} rules={required}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </ActionModal>
      <ActionModal action={extension} title={t('services.extension')}>
        <Form.Item name="days" label={t('services.extensionDays')} rules={required}>
          <InputNumber min={1} max={30} />
        </Form.Item>
        <Form.Item name="reason" label={t('services.extensionReason')} rules={required}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </ActionModal>
    </Drawer>
  );
}
