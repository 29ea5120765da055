import { EVENT_AUDIENCE_LABELS, EVENT_AUDIENCES, type ServiceEvent, translate } from '@kechuang/domain';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { FormModal, useRecordForm } from '../../app/list-page/form-modal';
import { AudienceFields } from './audience-fields';
import { SERVICES_KEY, SERVICES_URL, useEventTypes } from './use-services';

interface EventValues {
  typeId: number;
  title: string;
  topic: string;
  speakers: string[];
  place?: string;
  onlineLink?: string;
  heldOn: Dayjs;
  startTime: string;
  capacity: number;
  signupDeadline: Dayjs;
  audience: string;
  audienceTargets?: string[];
  invitedEnterpriseIds?: number[];
  materials: string[];
}

const day = (value: Dayjs) => value.format('YYYY-MM-DD');

/** The event form: create (and edit, with the event's version). */
export function useEventForm(onSaved: (event: ServiceEvent) => void) {
  return useRecordForm<ServiceEvent, EventValues, ServiceEvent>({
    url: `${SERVICES_URL}/events`,
    invalidateKey: [...SERVICES_KEY],
    toBody: (values) => ({
      typeId: values.typeId,
      title: values.title,
      topic: values.topic,
      speakers: values.speakers ?? [],
      place: values.place?.trim() || null,
      onlineLink: values.onlineLink?.trim() || null,
      heldOn: day(values.heldOn),
      startTime: values.startTime,
      capacity: values.capacity,
      signupDeadline: day(values.signupDeadline),
      audience: values.audience,
      audienceNote: null,
      audienceTargets: ['tier', 'field', 'street'].includes(values.audience)
        ? (values.audienceTargets ?? [])
        : [],
      invitedEnterpriseIds: values.audience === 'invited' ? (values.invitedEnterpriseIds ?? []) : [],
      materials: values.materials ?? [],
    }),
    toFormValues: (record) =>
      record === 'new'
        ? { audience: 'all', startTime: '09:00', capacity: 100, materials: ['《科技创新政策指引》'] }
        : {
            ...record,
            place: record.place ?? undefined,
            onlineLink: record.onlineLink ?? undefined,
            heldOn: dayjs(record.heldOn),
            signupDeadline: dayjs(record.signupDeadline),
          },
    onSaved,
  });
}

export function EventFormModal({ recordForm }: { recordForm: ReturnType<typeof useEventForm> }) {
  const { t } = useTranslation();
  const types = useEventTypes();
  const audience = Form.useWatch('audience', recordForm.form);
  const required = [{ required: true, message: t('services.required') }];
  return (
    <FormModal
      recordForm={recordForm}
      title={t('services.addEvent')}
      width={720}
      okTestId="event-save"
      formTestId="event-form"
    >
      <Form.Item name="typeId" label={t('services.eventType')} rules={required}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="event-type"
          options={(types.data?.items ?? []).map((type) => ({ value: type.id, label: type.name }))}
        />
      </Form.Item>
      <Form.Item name="title" label={t('services.title')} rules={required}>
        <Input data-testid="event-title" maxLength={100} />
      </Form.Item>
      <Form.Item name="topic" label={t('services.topic')} rules={required}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item name="speakers" label={t('services.speakers')}>
        <Select mode="tags" placeholder={t('services.speakersPlaceholder')} open={false} />
      </Form.Item>
      <Form.Item name="place" label={t('services.place')}>
        <Input data-testid="event-place" maxLength={200} />
      </Form.Item>
      <Form.Item name="onlineLink" label={t('services.onlineLink')}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="heldOn" label={t('services.heldOn')} rules={required}>
        <DatePicker data-testid="event-held-on" />
      </Form.Item>
      <Form.Item name="startTime" label={t('services.startTime')} rules={required}>
        <Input placeholder="09:30" style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="capacity" label={t('services.capacity')} rules={required}>
        <InputNumber data-testid="event-capacity" min={1} max={10000} />
      </Form.Item>
      <Form.Item name="signupDeadline" label={t('services.signupDeadline')} rules={required}>
        <DatePicker data-testid="event-deadline" />
      </Form.Item>
      <Form.Item name="audience" label={t('services.audience')} rules={required}>
        <Select
          options={EVENT_AUDIENCES.map((audience) => ({
            value: audience,
            label: translate(EVENT_AUDIENCE_LABELS[audience], currentLanguage()),
          }))}
        />
      </Form.Item>
      <AudienceFields audience={audience} />
      <Form.Item name="materials" label={t('services.materials')}>
        <Select mode="tags" open={false} />
      </Form.Item>
    </FormModal>
  );
}
