import {
  isUpgrade,
  PLATFORM_FIELD_LABELS,
  PLATFORM_LEVELS,
  type Platform,
  type PlatformStatusAction,
  platformWorkflow,
  recognitionDateSchema,
  translate,
} from '@kechuang/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../app/api-client';
import { showSuccessMessage } from '../../app/feedback';
import { zodRule } from '../../app/form-rules';
import { currentLanguage } from '../../app/i18n';
import { levelLabel, PLATFORMS_KEY, PLATFORMS_URL, usePlatformTypes } from './use-platforms';

interface UpgradeValues {
  level: Platform['level'];
  approvingBody: string;
  documentNo: string;
  recognizedOn: Dayjs;
}
interface StatusValues {
  comment: string;
  effectiveOn: Dayjs;
}

const dateRule = (field: string) =>
  zodRule(
    recognitionDateSchema,
    field,
    (value) => (value as Dayjs).format('YYYY-MM-DD'),
    PLATFORM_FIELD_LABELS,
  );

function useLifecycleMutation(platform: Platform, close: () => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ url, body }: { url: string; body: object }) =>
      api.post<Platform>(url, { ...body, version: platform.version }),
    onSuccess: () => {
      showSuccessMessage(t('common.done'));
      close();
      void queryClient.invalidateQueries({ queryKey: PLATFORMS_KEY });
    },
  });
}

/** 升级 and the status changes the caller may make now (from the record's `allowedActions`). */
export function PlatformActions({ platform }: { platform: Platform }) {
  const { t } = useTranslation();
  const types = usePlatformTypes();
  const [upgradeForm] = Form.useForm<UpgradeValues>();
  const [statusForm] = Form.useForm<StatusValues>();
  const [isUpgrading, setUpgrading] = useState(false);
  const [statusAction, setStatusAction] = useState<PlatformStatusAction | null>(null);
  const close = () => {
    setUpgrading(false);
    setStatusAction(null);
  };
  const mutation = useLifecycleMutation(platform, close);
  const onError = (form: typeof upgradeForm | typeof statusForm) => (error: unknown) =>
    handleApiError(error, { form: form as never, onConflict: close });
  const type = types.data?.items.find((item) => item.id === platform.typeId);
  const higherLevels = PLATFORM_LEVELS.filter(
    (level) => isUpgrade(platform.level, level) && (type?.levels ?? []).includes(level),
  );
  const statusActions = platform.allowedActions.filter(
    (action): action is PlatformStatusAction => action !== 'upgrade',
  );
  const labelOf = (action: string) => {
    const transition = platformWorkflow.transitions.find((item) => item.action === action);
    return transition ? translate(transition.label, currentLanguage()) : action;
  };
  return (
    <>
      <Space wrap>
        {platform.allowedActions.includes('upgrade') && higherLevels.length > 0 && (
          <Button
            type="primary"
            data-testid="platform-upgrade"
            onClick={() => {
              upgradeForm.resetFields();
              upgradeForm.setFieldsValue({ level: higherLevels.at(-1) });
              setUpgrading(true);
            }}
          >
            {t('platforms.upgrade')}
          </Button>
        )}
        {statusActions.map((action) => (
          <Button
            key={action}
            danger={action === 'revoke' || action === 'delist'}
            data-testid={`platform-action-${action}`}
            onClick={() => {
              statusForm.resetFields();
              statusForm.setFieldsValue({ effectiveOn: dayjs() });
              setStatusAction(action);
            }}
          >
            {labelOf(action)}
          </Button>
        ))}
      </Space>
      <Modal
        open={isUpgrading}
        title={t('platforms.upgradeTitle')}
        okText={t('common.submit')}
        cancelText={t('common.cancel')}
        onCancel={close}
        onOk={() => upgradeForm.submit()}
        okButtonProps={{ loading: mutation.isPending, ...{ 'data-testid': 'platform-upgrade-save' } }}
        forceRender
      >
        <Form<UpgradeValues>
          form={upgradeForm}
          layout="vertical"
          onFinish={(values) =>
            mutation.mutate(
              {
                url: `${PLATFORMS_URL}/${platform.id}/upgrade`,
                body: { ...values, recognizedOn: values.recognizedOn.format('YYYY-MM-DD') },
              },
              { onError: onError(upgradeForm) },
            )
          }
        >
          <Form.Item
            name="level"
            label={t('platforms.newLevel')}
            rules={[{ required: true, message: t('platforms.required') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="platform-upgrade-level"
              options={higherLevels.map((level) => ({ value: level, label: levelLabel(level) }))}
            />
          </Form.Item>
          <Form.Item
            name="approvingBody"
            label={t('platforms.approvingBody')}
            rules={[{ required: true, message: t('platforms.required') }]}
          >
            <Input data-testid="platform-upgrade-body" />
          </Form.Item>
          <Form.Item
            name="documentNo"
            label={t('platforms.documentNo')}
            rules={[{ required: true, message: t('platforms.required') }]}
          >
            <Input data-testid="platform-upgrade-document-no" />
          </Form.Item>
          <Form.Item
            name="recognizedOn"
            label={t('platforms.recognizedOn')}
            rules={[{ required: true, message: t('platforms.required') }, dateRule('recognizedOn')]}
          >
            <DatePicker style={{ width: '100%' }} data-testid="platform-upgrade-date" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={statusAction !== null}
        title={statusAction ? labelOf(statusAction) : t('platforms.statusAction')}
        okText={t('common.submit')}
        cancelText={t('common.cancel')}
        onCancel={close}
        onOk={() => statusForm.submit()}
        okButtonProps={{ loading: mutation.isPending, ...{ 'data-testid': 'platform-action-save' } }}
        forceRender
      >
        <Form<StatusValues>
          form={statusForm}
          layout="vertical"
          onFinish={(values) =>
            mutation.mutate(
              {
                url: `${PLATFORMS_URL}/${platform.id}/actions/${statusAction}`,
                body: { comment: values.comment, effectiveOn: values.effectiveOn.format('YYYY-MM-DD') },
              },
              { onError: onError(statusForm) },
            )
          }
        >
          <Form.Item
            name="comment"
            label={t('platforms.reason')}
            rules={[{ required: true, message: t('platforms.required') }]}
          >
            <Input.TextArea rows={3} data-testid="platform-action-comment" />
          </Form.Item>
          <Form.Item
            name="effectiveOn"
            label={t('platforms.effectiveOn')}
            rules={[{ required: true, message: t('platforms.required') }, dateRule('effectiveOn')]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
