import {
  A_QUALIFICATION_LABELS,
  A_QUALIFICATIONS,
  BONUS_ITEM_LABELS,
  BONUS_ITEMS,
  EMPLOYMENT_MODE_LABELS,
  EMPLOYMENT_MODES,
  parseWanYuanToFen,
  TALENT_DEGREE_LABELS,
  TALENT_DEGREES,
  TALENT_FIELD_LABELS,
  TALENT_GENDER_LABELS,
  TALENT_GENDERS,
  TALENT_ID_TYPE_LABELS,
  TALENT_ID_TYPES,
  TALENT_ORIGIN_LABELS,
  TALENT_ORIGINS,
  type TalentDetail,
  talentInputSchema,
} from '@kechuang/domain';
import { Checkbox, Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EnterprisePicker } from '../../app/enterprise-picker';
import { zodRule } from '../../app/form-rules';
import { FormModal, useRecordForm } from '../../app/list-page/form-modal';
import { fenToWanYuanText } from '../../app/wan-yuan';
import { label, TALENT_KEY, TALENT_URL, useTalentChannels } from './use-talent';

type Detail = TalentDetail;
type Foreign = NonNullable<Detail['foreign']>;

export interface TalentFormValues
  extends Omit<Detail, 'arrivalDate' | 'foreign' | 'id' | 'version' | 'employerEnterpriseId'> {
  employerEnterpriseId?: number;
  idNumber: string;
  contact?: string;
  arrivalDate: Dayjs;
  foreign?: Partial<Omit<Foreign, 'annualSalaryFen' | 'permitValidUntil'>> & {
    salaryWan?: string;
    permitValidUntil?: Dayjs;
  };
}

const emptyToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

function toBody(values: TalentFormValues) {
  const foreign = values.foreign;
  return {
    name: values.name,
    gender: values.gender,
    birthYear: values.birthYear,
    origin: values.origin,
    nationality: values.nationality,
    idType: values.idType,
    idNumber: values.idNumber,
    degree: values.degree,
    title: emptyToNull(values.title),
    field: values.field,
    employerEnterpriseId: values.employerEnterpriseId ?? null,
    employerPlatformId: null,
    position: emptyToNull(values.position),
    arrivalDate: values.arrivalDate.format('YYYY-MM-DD'),
    contact: emptyToNull(values.contact),
    channelId: values.channelId,
    discovery: emptyToNull(values.discovery),
    employmentMode: values.employmentMode,
    foreign:
      values.origin === 'foreign' && foreign
        ? {
            annualSalaryFen: foreign.salaryWan?.trim() ? parseWanYuanToFen(foreign.salaryWan.trim()) : null,
            relevantYears: foreign.relevantYears ?? 0,
            workMonths: foreign.workMonths ?? 12,
            chineseLevel: foreign.chineseLevel ?? 0,
            aQualifications: foreign.aQualifications ?? [],
            bonusItems: foreign.bonusItems ?? [],
            skillCertificate: Boolean(foreign.skillCertificate),
            languageTeacher: Boolean(foreign.languageTeacher),
            shortTermOrQuota: Boolean(foreign.shortTermOrQuota),
            localBonus: foreign.localBonus ?? 0,
            permitNo: emptyToNull(foreign.permitNo),
            permitValidUntil: foreign.permitValidUntil ? foreign.permitValidUntil.format('YYYY-MM-DD') : null,
          }
        : null,
  };
}

/** An edit starts from the record; the document number and contact are typed again (only masked copies leave the server). */
function toFormValues(record: Detail | 'new'): Partial<TalentFormValues> {
  const fresh = {
    workMonths: 12,
    relevantYears: 0,
    chineseLevel: 0,
    localBonus: 0,
    aQualifications: [],
    bonusItems: [],
  };
  if (record === 'new')
    return {
      origin: 'domestic',
      nationality: '中国',
      idType: 'id-card',
      employmentMode: 'fulltime',
      foreign: fresh,
    };
  const { foreign, arrivalDate, idNumberMasked: _id, contactMasked: _contact, ...rest } = record;
  return {
    ...rest,
    employerEnterpriseId: record.employerEnterpriseId ?? undefined,
    arrivalDate: dayjs(arrivalDate),
    foreign: foreign
      ? {
          ...foreign,
          salaryWan: fenToWanYuanText(foreign.annualSalaryFen),
          permitValidUntil: foreign.permitValidUntil ? dayjs(foreign.permitValidUntil) : undefined,
        }
      : fresh,
  };
}

/**
 * The ledger's form for staff; with `ownEnterpriseId` an enterprise puts a person it has just
 * introduced on the ledger as its own (`/api/talent/introduced`).
 */
export function useTalentForm(onSaved?: (talent: Detail) => void, ownEnterpriseId?: number) {
  return useRecordForm<Detail, TalentFormValues, Detail>({
    url: ownEnterpriseId === undefined ? TALENT_URL : `${TALENT_URL}/introduced`,
    invalidateKey: TALENT_KEY,
    toBody: (values) =>
      ownEnterpriseId === undefined
        ? toBody(values)
        : { ...toBody(values), employerEnterpriseId: ownEnterpriseId },
    toFormValues,
    onSaved,
  });
}

/** The field's own schema; an optional field left empty is sent as null. */
const rule = (field: string) =>
  zodRule(talentInputSchema.shape[field as 'name'].optional(), field, undefined, TALENT_FIELD_LABELS);
const options = <T extends string>(codes: readonly T[], table: Record<T, { zh: string; en: string }>) =>
  codes.map((code) => ({ value: code, label: label(table, code) }));

function Field(props: {
  name: string | string[];
  label: string;
  span?: number;
  children: ReactNode;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const name = Array.isArray(props.name) ? props.name : [props.name];
  return (
    <Col xs={24} md={props.span ?? 8}>
      <Form.Item
        name={name}
        label={props.label}
        rules={
          props.required
            ? [{ required: true, message: `${t('talent.required')}${props.label}` }]
            : name.length === 1
              ? [rule(name[0])]
              : []
        }
      >
        {props.children}
      </Form.Item>
    </Col>
  );
}

export function TalentFormModal({
  recordForm,
  ownEmployer = false,
}: {
  recordForm: ReturnType<typeof useTalentForm>;
  ownEmployer?: boolean;
}) {
  const { t } = useTranslation();
  const channels = useTalentChannels();
  const origin = Form.useWatch('origin', recordForm.form);
  const record = recordForm.record;
  return (
    <FormModal
      recordForm={recordForm}
      title={recordForm.isNew ? t('talent.add') : t('talent.edit')}
      okTestId="talent-save"
      formTestId="talent-form"
      width={900}
    >
      <Row gutter={16}>
        <Field name="name" label={t('talent.name')} required>
          <Input data-testid="talent-name" />
        </Field>
        <Field name="gender" label={t('talent.gender')} span={4} required>
          <Select data-testid="talent-gender" options={options(TALENT_GENDERS, TALENT_GENDER_LABELS)} />
        </Field>
        <Field name="birthYear" label={t('talent.birthYear')} span={4} required>
          <InputNumber
            min={1900}
            max={2100}
            precision={0}
            style={{ width: '100%' }}
            data-testid="talent-birth-year"
          />
        </Field>
        <Field name="origin" label={t('talent.origin')} required>
          <Select data-testid="talent-origin" options={options(TALENT_ORIGINS, TALENT_ORIGIN_LABELS)} />
        </Field>
        <Field name="nationality" label={t('talent.nationality')} required>
          <Input data-testid="talent-nationality" />
        </Field>
        <Field name="idType" label={t('talent.idType')} required>
          <Select data-testid="talent-id-type" options={options(TALENT_ID_TYPES, TALENT_ID_TYPE_LABELS)} />
        </Field>
        <Field name="idNumber" label={t('talent.idNumber')} required>
          <Input data-testid="talent-id-number" placeholder={record?.idNumberMasked} autoComplete="off" />
        </Field>
        <Field name="degree" label={t('talent.degree')} required>
          <Select data-testid="talent-degree" options={options(TALENT_DEGREES, TALENT_DEGREE_LABELS)} />
        </Field>
        <Field name="title" label={t('talent.title')}>
          <Input />
        </Field>
        <Field name="field" label={t('talent.field')} required>
          <Input data-testid="talent-field" />
        </Field>
        {!ownEmployer && (
          <Field name="employerEnterpriseId" label={t('talent.employer')} span={16} required>
            <EnterprisePicker data-testid="talent-employer" initialLabel={record?.employerName} />
          </Field>
        )}
        <Field name="position" label={t('talent.position')}>
          <Input />
        </Field>
        <Field name="arrivalDate" label={t('talent.arrivalDate')} required>
          <DatePicker style={{ width: '100%' }} data-testid="talent-arrival-date" />
        </Field>
        <Field name="contact" label={t('talent.contact')}>
          <Input placeholder={record?.contactMasked ?? undefined} autoComplete="off" />
        </Field>
        <Field name="channelId" label={t('talent.channel')} required>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="talent-channel"
            options={(channels.data?.items ?? []).map((item) => ({
              value: item.id,
              label: item.name,
              disabled: !item.isActive,
            }))}
          />
        </Field>
        <Field name="employmentMode" label={t('talent.employmentMode')} required>
          <Select options={options(EMPLOYMENT_MODES, EMPLOYMENT_MODE_LABELS)} />
        </Field>
        <Field name="discovery" label={t('talent.discovery')} span={16}>
          <Input />
        </Field>
      </Row>
      {origin === 'foreign' && (
        <>
          <Divider titlePlacement="start">{t('talent.foreignFacts')}</Divider>
          <Row gutter={16}>
            <Field name={['foreign', 'salaryWan']} label={t('talent.salaryWan')}>
              <Input data-testid="talent-salary" />
            </Field>
            <Field name={['foreign', 'relevantYears']} label={t('talent.relevantYears')}>
              <InputNumber
                min={0}
                max={70}
                precision={0}
                style={{ width: '100%' }}
                data-testid="talent-years"
              />
            </Field>
            <Field name={['foreign', 'workMonths']} label={t('talent.workMonths')}>
              <InputNumber min={0} max={12} precision={0} style={{ width: '100%' }} />
            </Field>
            <Field name={['foreign', 'chineseLevel']} label={t('talent.chineseLevel')}>
              <InputNumber min={0} max={6} precision={0} style={{ width: '100%' }} />
            </Field>
            <Field name={['foreign', 'localBonus']} label={t('talent.localBonus')}>
              <InputNumber min={0} max={10} precision={0} style={{ width: '100%' }} />
            </Field>
            <Field name={['foreign', 'permitNo']} label={t('talent.permitNo')}>
              <Input />
            </Field>
            <Field name={['foreign', 'permitValidUntil']} label={t('talent.permitValidUntil')}>
              <DatePicker style={{ width: '100%' }} />
            </Field>
            <Field name={['foreign', 'aQualifications']} label={t('talent.aQualifications')} span={16}>
              <Select mode="multiple" options={options(A_QUALIFICATIONS, A_QUALIFICATION_LABELS)} />
            </Field>
            <Field name={['foreign', 'bonusItems']} label={t('talent.bonusItems')} span={24}>
              <Checkbox.Group options={options(BONUS_ITEMS, BONUS_ITEM_LABELS)} />
            </Field>
            {(
              [
                ['skillCertificate', t('talent.skillCertificate')],
                ['languageTeacher', t('talent.languageTeacher')],
                ['shortTermOrQuota', t('talent.shortTermOrQuota')],
              ] as const
            ).map(([flag, text]) => (
              <Col xs={24} md={8} key={flag}>
                <Form.Item name={['foreign', flag]} valuePropName="checked">
                  <Checkbox>{text}</Checkbox>
                </Form.Item>
              </Col>
            ))}
          </Row>
        </>
      )}
    </FormModal>
  );
}
