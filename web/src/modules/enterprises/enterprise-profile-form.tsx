import {
  ENTERPRISE_FIELD_LABELS,
  type EnterpriseDetail,
  type EnterpriseProfile,
  enterpriseProfileSchema,
  parseWanYuanToFen,
} from '@kechuang/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../app/api-client';
import { entryOptions, useDictionaries } from '../../app/dictionaries';
import { showSuccessMessage } from '../../app/feedback';
import { zodRule } from '../../app/form-rules';
import { fenToWanYuanText } from '../../app/wan-yuan';

interface ProfileValues {
  name: string;
  contactName: string;
  contactPhone: string;
  contactEmail?: string | null;
  industry?: string | null;
  street?: string | null;
  address?: string | null;
  foundedOn?: Dayjs | null;
  size?: string | null;
  legalRepresentative?: string | null;
  registeredCapital?: string | null;
  businessScope?: string | null;
}

const fields = enterpriseProfileSchema.shape;

function toDateText(value: unknown): unknown {
  return dayjs.isDayjs(value) ? value.format('YYYY-MM-DD') : value;
}

function wanYuanToFenOrNull(text: string | null | undefined): number | null {
  return text?.trim() ? parseWanYuanToFen(text) : null;
}

/** Whether a form value is still what was sent (dates compared by day). */
function sameValue(a: unknown, b: unknown): boolean {
  if (dayjs.isDayjs(a) || dayjs.isDayjs(b)) return dayjs.isDayjs(a) && dayjs.isDayjs(b) && a.isSame(b, 'day');
  return (a ?? null) === (b ?? null);
}

function emptyToNull(value: string | null | undefined): string | null {
  return value?.trim() ? value.trim() : null;
}

function toFormValues(detail: EnterpriseDetail): ProfileValues {
  const enterprise = detail.enterprise;
  return {
    name: enterprise.name,
    contactName: enterprise.contactName,
    contactPhone: enterprise.contactPhone,
    contactEmail: enterprise.contactEmail,
    industry: enterprise.industry,
    street: enterprise.street,
    address: enterprise.address,
    foundedOn: enterprise.foundedOn ? dayjs(enterprise.foundedOn) : null,
    size: enterprise.size,
    legalRepresentative: enterprise.legalRepresentative,
    registeredCapital: fenToWanYuanText(enterprise.registeredCapitalFen),
    businessScope: enterprise.businessScope,
  };
}

function toProfile(values: ProfileValues, version: number): EnterpriseProfile {
  return {
    version,
    name: values.name.trim(),
    contactName: values.contactName.trim(),
    contactPhone: values.contactPhone.trim(),
    contactEmail: emptyToNull(values.contactEmail),
    industry: values.industry ?? null,
    street: values.street ?? null,
    address: emptyToNull(values.address),
    foundedOn: values.foundedOn ? values.foundedOn.format('YYYY-MM-DD') : null,
    size: values.size ?? null,
    legalRepresentative: emptyToNull(values.legalRepresentative),
    registeredCapitalFen: wanYuanToFenOrNull(values.registeredCapital),
    businessScope: emptyToNull(values.businessScope),
  };
}

interface EnterpriseProfileFormProps {
  detail: EnterpriseDetail;
  queryKey: readonly unknown[];
  onSaved?: () => void;
  extraActions?: React.ReactNode;
}

/** Every field of enterpriseProfileSchema; saves with the record's version (409 reloads it). */
export function EnterpriseProfileForm({
  detail,
  queryKey,
  onSaved,
  extraActions,
}: EnterpriseProfileFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProfileValues>();
  const queryClient = useQueryClient();
  const dictionaries = useDictionaries();
  const enterprise = detail.enterprise;

  // What the last save sent: fields typed into while it was on its way are not overwritten by its answer.
  const sentRef = useRef<ProfileValues | null>(null);

  // A reloaded record (after saving, or after a version conflict) replaces what the form shows,
  // except, after a save, the fields the user changed since pressing save.
  useEffect(() => {
    const next = toFormValues(detail);
    const sent = sentRef.current;
    sentRef.current = null;
    if (!sent) {
      form.setFieldsValue(next);
      return;
    }
    const current = form.getFieldsValue(true) as ProfileValues;
    const keys = Object.keys(next) as (keyof ProfileValues)[];
    const unchanged = keys.filter((key) => sameValue(current[key], sent[key]));
    form.setFieldsValue(
      Object.fromEntries(unchanged.map((key) => [key, next[key]])) as Partial<ProfileValues>,
    );
  }, [detail, form]);

  const save = useMutation({
    mutationFn: (values: ProfileValues) => {
      sentRef.current = values;
      return api.put<EnterpriseDetail>(
        `/api/enterprises/${enterprise.id}`,
        toProfile(values, enterprise.version),
      );
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: ['enterprises'] });
      showSuccessMessage(t('common.saved'));
      onSaved?.();
    },
    onError: (error) => {
      // After a refusal (e.g. a version conflict) the reloaded record replaces the form whole.
      sentRef.current = null;
      handleApiError(error, {
        form,
        onConflict: () => void queryClient.invalidateQueries({ queryKey }),
      });
    },
  });

  const selectPlaceholder = t('enterprise.pleaseSelect');
  return (
    <Form<ProfileValues>
      form={form}
      layout="vertical"
      data-testid="profile-form"
      initialValues={toFormValues(detail)}
      onFinish={(values) => save.mutate(values)}
    >
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item label={t('enterprise.creditCode')}>
            <Input value={enterprise.creditCode} disabled />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="name"
            label={t('enterprise.name')}
            required
            rules={[zodRule(fields.name, 'name', undefined, ENTERPRISE_FIELD_LABELS)]}
          >
            <Input data-testid="profile-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="contactName"
            label={t('enterprise.contactName')}
            required
            rules={[zodRule(fields.contactName, 'contactName')]}
          >
            <Input data-testid="profile-contact-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="contactPhone"
            label={t('enterprise.contactPhone')}
            required
            rules={[zodRule(fields.contactPhone, 'contactPhone')]}
          >
            <Input data-testid="profile-contact-phone" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="contactEmail"
            label={t('enterprise.contactEmail')}
            rules={[zodRule(fields.contactEmail, 'contactEmail')]}
          >
            <Input data-testid="profile-contact-email" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="industry"
            label={t('enterprise.industry')}
            rules={[zodRule(fields.industry, 'industry')]}
          >
            <Select
              allowClear
              placeholder={selectPlaceholder}
              options={entryOptions(dictionaries.data?.industries)}
              data-testid="profile-industry"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="street"
            label={t('enterprise.streetFull')}
            rules={[zodRule(fields.street, 'street')]}
          >
            <Select
              allowClear
              showSearch
              placeholder={selectPlaceholder}
              options={(dictionaries.data?.streets ?? []).map((street) => ({ value: street, label: street }))}
              data-testid="profile-street"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="size" label={t('enterprise.size')} rules={[zodRule(fields.size, 'size')]}>
            <Select
              allowClear
              placeholder={selectPlaceholder}
              options={entryOptions(dictionaries.data?.sizes)}
              data-testid="profile-size"
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="address"
            label={t('enterprise.address')}
            rules={[zodRule(fields.address, 'address')]}
          >
            <Input data-testid="profile-address" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="foundedOn"
            label={t('enterprise.foundedOn')}
            rules={[zodRule(fields.foundedOn, 'foundedOn', toDateText)]}
          >
            <DatePicker
              format="YYYY-MM-DD"
              style={{ width: '100%' }}
              disabledDate={(day) => day.isAfter(dayjs(), 'day')}
              data-testid="profile-founded-on"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="legalRepresentative"
            label={t('enterprise.legalRepresentative')}
            rules={[zodRule(fields.legalRepresentative, 'legalRepresentative')]}
          >
            <Input data-testid="profile-legal-representative" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="registeredCapital"
            label={t('enterprise.registeredCapital')}
            rules={[
              {
                validator: async (_rule, value: unknown) => {
                  if (typeof value !== 'string' || !value.trim()) return;
                  try {
                    parseWanYuanToFen(value);
                  } catch {
                    throw new Error(t('enterprise.invalidAmount'));
                  }
                },
              },
              zodRule(fields.registeredCapitalFen, 'registeredCapitalFen', (value) => {
                try {
                  return typeof value === 'string' ? wanYuanToFenOrNull(value) : value;
                } catch {
                  return null; // the rule above reports a malformed amount
                }
              }),
            ]}
          >
            <Input inputMode="decimal" data-testid="profile-registered-capital" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="businessScope"
            label={t('enterprise.businessScope')}
            rules={[zodRule(fields.businessScope, 'businessScope')]}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount data-testid="profile-business-scope" />
          </Form.Item>
        </Col>
      </Row>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="profile-save">
          {t('common.save')}
        </Button>
        {extraActions}
      </Space>
    </Form>
  );
}
