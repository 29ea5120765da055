import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  PLATFORM_FIELD_LABELS,
  type Platform,
  parseWanYuanToFen,
  platformInputSchema,
  recognitionDateSchema,
} from '@kechuang/domain';
import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useDictionaries } from '../../app/dictionaries';
import { EnterprisePicker } from '../../app/enterprise-picker';
import { zodRule } from '../../app/form-rules';
import { FormModal, useRecordForm } from '../../app/list-page/form-modal';
import { fenToWanYuanText } from '../../app/wan-yuan';
import { levelLabel, PLATFORMS_KEY, PLATFORMS_URL, usePlatformTypes } from './use-platforms';

export interface PlatformFormValues {
  name: string;
  typeId: number;
  level: Platform['level'];
  approvingBody: string;
  documentNo: string;
  recognizedOn: Dayjs;
  hostEnterpriseIds: (number | undefined)[];
  field?: string;
  street?: string;
  areaSquareMeters?: number | null;
  staffCount?: number | null;
  equipmentWan?: string;
  contactName?: string;
  contactPhone?: string;
}

const emptyToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

function toBody(values: PlatformFormValues, editing: Platform | 'new') {
  return {
    name: values.name,
    typeId: values.typeId,
    ...(editing === 'new' ? { level: values.level } : {}),
    approvingBody: values.approvingBody,
    documentNo: values.documentNo,
    recognizedOn: values.recognizedOn.format('YYYY-MM-DD'),
    hostEnterpriseIds: values.hostEnterpriseIds.filter((id): id is number => id !== undefined),
    field: emptyToNull(values.field),
    street: values.street ?? null,
    areaSquareMeters: values.areaSquareMeters ?? null,
    staffCount: values.staffCount ?? null,
    equipmentFen: values.equipmentWan?.trim() ? parseWanYuanToFen(values.equipmentWan.trim()) : null,
    contactName: emptyToNull(values.contactName),
    contactPhone: emptyToNull(values.contactPhone),
  };
}

function toFormValues(record: Platform | 'new'): Partial<PlatformFormValues> {
  if (record === 'new') return { hostEnterpriseIds: [undefined] };
  return {
    name: record.name,
    typeId: record.typeId,
    level: record.level,
    approvingBody: record.approvingBody,
    documentNo: record.documentNo,
    recognizedOn: dayjs(record.recognizedOn),
    hostEnterpriseIds: record.hosts.map((host) => host.enterpriseId),
    field: record.field ?? undefined,
    street: record.street ?? undefined,
    areaSquareMeters: record.areaSquareMeters,
    staffCount: record.staffCount,
    equipmentWan: fenToWanYuanText(record.equipmentFen),
    contactName: record.contactName ?? undefined,
    contactPhone: record.contactPhone ?? undefined,
  };
}

/** 新增/编辑 a platform: create with its first level; an edit sends the version it read (409 when stale). */
export function usePlatformForm(onSaved?: (platform: Platform) => void) {
  return useRecordForm<Platform, PlatformFormValues, Platform>({
    url: PLATFORMS_URL,
    invalidateKey: PLATFORMS_KEY,
    toBody,
    toFormValues,
    onSaved,
  });
}

const rule = (field: keyof typeof platformInputSchema.shape) =>
  zodRule(platformInputSchema.shape[field], field, undefined, PLATFORM_FIELD_LABELS);

export function PlatformFormModal({ recordForm }: { recordForm: ReturnType<typeof usePlatformForm> }) {
  const { t } = useTranslation();
  const types = usePlatformTypes();
  const dictionaries = useDictionaries();
  const typeId = Form.useWatch('typeId', recordForm.form);
  const type = types.data?.items.find((item) => item.id === typeId);
  const hosts = recordForm.record?.hosts ?? [];
  return (
    <FormModal
      recordForm={recordForm}
      title={recordForm.isNew ? t('platforms.add') : t('platforms.edit')}
      okTestId="platform-save"
      formTestId="platform-form"
      width={820}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('platforms.name')} rules={[rule('name')]}>
            <Input data-testid="platform-name-input" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="typeId"
            label={t('platforms.type')}
            rules={[{ required: true, message: t('platforms.required') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="platform-type"
              options={(types.data?.items ?? []).map((item) => ({
                value: item.id,
                label: item.name,
                disabled: !item.isActive,
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="level"
            label={t('platforms.level')}
            rules={[{ required: true, message: t('platforms.required') }]}
          >
            <Select
              disabled={!recordForm.isNew}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="platform-level"
              options={(type?.levels ?? ['national', 'provincial', 'city', 'district']).map((level) => ({
                value: level,
                label: levelLabel(level),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="approvingBody"
            label={t('platforms.approvingBody')}
            rules={[rule('approvingBody')]}
          >
            <Input data-testid="platform-approving-body" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="documentNo" label={t('platforms.documentNo')} rules={[rule('documentNo')]}>
            <Input data-testid="platform-document-no" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
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
            <DatePicker style={{ width: '100%' }} data-testid="platform-recognized-on" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('platforms.hosts')} required>
        <Form.List name="hostEnterpriseIds">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((field, index) => (
                <Space key={field.key} style={{ width: '100%' }} align="baseline">
                  <Form.Item
                    name={field.name}
                    rules={[{ required: true, message: t('platforms.required') }]}
                    style={{ marginBottom: 0, minWidth: 520 }}
                  >
                    <EnterprisePicker
                      data-testid={`platform-host-${index}`}
                      initialLabel={
                        hosts[index] ? `${hosts[index].name}（${hosts[index].creditCode}）` : undefined
                      }
                    />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} />}
                </Space>
              ))}
              {(type?.allowsSeveralHosts || fields.length > 1) && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add()}
                  data-testid="platform-add-host"
                >
                  {t('platforms.addHost')}
                </Button>
              )}
            </Space>
          )}
        </Form.List>
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="field" label={t('platforms.field')}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="street" label={t('platforms.street')}>
            <Select
              allowClear
              options={(dictionaries.data?.streets ?? []).map((street) => ({ value: street, label: street }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="areaSquareMeters" label={t('platforms.area')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="staffCount" label={t('platforms.staffCount')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="equipmentWan" label={t('platforms.equipment')}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="contactName" label={t('platforms.contactName')}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="contactPhone" label={t('platforms.contactPhone')}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
