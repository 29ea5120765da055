import { MID_TERM_RESULTS, type SupervisionProjectDetail, translate } from '@kechuang/domain';
import { useMutation } from '@tanstack/react-query';
import { Button, DatePicker, Descriptions, Empty, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../../app/api-client';
import { useAuth } from '../../../app/auth-context';
import { showSuccessMessage } from '../../../app/feedback';
import { currentLanguage } from '../../../app/i18n';

interface MidTermValues {
  checkedOn: Dayjs;
  method: 'document' | 'site' | 'both';
  result: string;
  opinion: string;
}

export function MidTermTab(props: { detail: SupervisionProjectDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const language = currentLanguage();
  const record = props.detail.midTermCheck;
  const [isEditing, setEditing] = useState(false);
  const [form] = Form.useForm<MidTermValues>();
  const save = useMutation({
    mutationFn: (values: MidTermValues) =>
      api.put(`/api/supervision/projects/${props.detail.project.id}/mid-term-check`, {
        version: record?.version ?? 0,
        checkedOn: values.checkedOn.format('YYYY-MM-DD'),
        method: values.method,
        result: values.result,
        opinion: values.opinion,
      }),
    onSuccess: () => {
      showSuccessMessage(t('common.done'));
      setEditing(false);
      props.onChanged();
    },
    onError: (error) => handleApiError(error, { form, onConflict: props.onChanged }),
  });
  const canEdit = user?.role === 'staff' && props.detail.project.status !== 'contracting';
  if (isEditing)
    return (
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 560 }}
        initialValues={
          record
            ? { ...record, checkedOn: dayjs(record.checkedOn) }
            : { checkedOn: dayjs(), method: 'site', result: 'qualified' }
        }
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item name="checkedOn" label={t('supervision.checkedOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="method" label={t('supervision.method')}>
          <Select
            options={(['document', 'site', 'both'] as const).map((value) => ({
              value,
              label: t(`supervision.methods.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="result" label={t('supervision.result')}>
          <Select
            options={MID_TERM_RESULTS.map((item) => ({ value: item.code, label: translate(item, language) }))}
          />
        </Form.Item>
        <Form.Item
          name="opinion"
          label={t('supervision.opinion')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.submit')}
        </Button>
        <Button style={{ marginLeft: 8 }} onClick={() => setEditing(false)}>
          {t('common.cancel')}
        </Button>
      </Form>
    );
  return (
    <>
      {record ? (
        <Descriptions bordered column={1} size="small">
          <Descriptions.Item label={t('supervision.checkedOn')}>{record.checkedOn}</Descriptions.Item>
          <Descriptions.Item label={t('supervision.method')}>
            {t(`supervision.methods.${record.method}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('supervision.result')}>
            {translate(
              MID_TERM_RESULTS.find((item) => item.code === record.result) ?? {
                zh: record.result,
                en: record.result,
              },
              language,
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('supervision.opinion')}>{record.opinion}</Descriptions.Item>
          <Descriptions.Item label={t('supervision.recordedBy')}>{record.recordedByName}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Empty description={t('supervision.noMidTerm')} />
      )}
      {canEdit && (
        <Button style={{ marginTop: 12 }} onClick={() => setEditing(true)}>
          {record ? t('supervision.editMidTerm') : t('supervision.recordMidTerm')}
        </Button>
      )}
    </>
  );
}
