import {
  COOPERATION_FORM_LABELS,
  COOPERATION_FORMS,
  type Cooperation,
  type CooperationPage,
  cooperationInputSchema,
  PARTNER_KIND_LABELS,
  PARTNER_KINDS,
  PLATFORM_FIELD_LABELS,
  translate,
} from '@kechuang/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import { Button, Col, DatePicker, Form, Input, Row, Select, Statistic, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, toQueryString } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { EnterprisePicker } from '../../app/enterprise-picker';
import { zodRule } from '../../app/form-rules';
import { currentLanguage } from '../../app/i18n';
import { FormModal, useRecordForm } from '../../app/list-page/form-modal';
import { AddButton, ExportButton, ListPage } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { FilterCol, QueryBar } from '../../app/list-page/query-bar';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { yearOptions } from '../../app/year-options';
import { PLATFORMS_KEY, PLATFORMS_URL } from './use-platforms';

const COOPERATIONS_URL = `${PLATFORMS_URL}/cooperations`;
const KEY = [...PLATFORMS_KEY, 'cooperations'] as const;

interface FormValues {
  partnerName: string;
  partnerKind: Cooperation['partnerKind'];
  form: Cooperation['form'];
  title: string;
  signedOn: Dayjs;
  endedOn?: Dayjs | null;
  enterpriseId?: number;
  street?: string;
  contactName?: string;
  contactPhone?: string;
  note?: string;
}

const formLabel = (form: Cooperation['form']) => translate(COOPERATION_FORM_LABELS[form], currentLanguage());
const kindLabel = (kind: Cooperation['partnerKind']) =>
  translate(PARTNER_KIND_LABELS[kind], currentLanguage());
const rule = (field: keyof typeof cooperationInputSchema.shape) =>
  zodRule(cooperationInputSchema.shape[field], field, undefined, PLATFORM_FIELD_LABELS);
const dateRule = (field: 'signedOn' | 'endedOn') =>
  zodRule(
    cooperationInputSchema.shape.signedOn,
    field,
    (value) => (value as Dayjs).format('YYYY-MM-DD'),
    PLATFORM_FIELD_LABELS,
  );

function toBody(values: FormValues) {
  return {
    partnerName: values.partnerName,
    partnerKind: values.partnerKind,
    form: values.form,
    title: values.title,
    signedOn: values.signedOn.format('YYYY-MM-DD'),
    endedOn: values.endedOn ? values.endedOn.format('YYYY-MM-DD') : null,
    enterpriseId: values.enterpriseId ?? null,
    platformId: null,
    street: values.street?.trim() || null,
    contactName: values.contactName?.trim() || null,
    contactPhone: values.contactPhone?.trim() || null,
    note: values.note?.trim() ?? '',
  };
}

function toFormValues(record: Cooperation | 'new'): Partial<FormValues> {
  if (record === 'new') return { partnerKind: 'university', form: 'agreement' };
  return {
    ...record,
    signedOn: dayjs(record.signedOn),
    endedOn: record.endedOn ? dayjs(record.endedOn) : null,
    enterpriseId: record.enterpriseId ?? undefined,
    street: record.street ?? undefined,
    contactName: record.contactName ?? undefined,
    contactPhone: record.contactPhone ?? undefined,
  };
}

/** 对接高校院所: every cooperation with a university or institute, the partners and branches counted. */
export function CooperationsPage() {
  const { t } = useTranslation();
  const canEdit = useAuth().user?.role === 'staff';
  const { values, page, pageSize, update } = useUrlFilters(['year', 'form', 'keyword', 'open'] as const);
  const filters = { year: values.year, form: values.form, keyword: values.keyword };
  const list = useQuery({
    queryKey: [...KEY, filters, page, pageSize],
    queryFn: () =>
      api.get<CooperationPage>(`${COOPERATIONS_URL}${toQueryString({ ...filters, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
  const recordForm = useRecordForm<Cooperation, FormValues>({
    url: COOPERATIONS_URL,
    invalidateKey: KEY,
    toBody,
    toFormValues,
  });
  const columns: TableProps<Cooperation>['columns'] = [
    {
      title: t('platforms.partnerName'),
      dataIndex: 'partnerName',
      render: (name: string, row) =>
        canEdit ? (
          <Button type="link" style={{ padding: 0 }} onClick={() => recordForm.open(row)}>
            {name}
          </Button>
        ) : (
          name
        ),
    },
    { title: t('platforms.partnerKind'), dataIndex: 'partnerKind', width: 100, render: kindLabel },
    {
      title: t('platforms.cooperationForm'),
      dataIndex: 'form',
      width: 130,
      render: (form: Cooperation['form']) => (
        <Tag color={form === 'branch' ? 'blue' : 'default'}>{formLabel(form)}</Tag>
      ),
    },
    { title: t('platforms.cooperationTitle'), dataIndex: 'title' },
    { title: t('platforms.signedOn'), dataIndex: 'signedOn', width: 120 },
    { title: t('platforms.enterprise'), dataIndex: 'enterpriseName' },
    { title: t('platforms.cooperationEndedOn'), dataIndex: 'endedOn', width: 110 },
  ];
  return (
    <ListPage
      filters={
        <QueryBar<typeof filters>
          testId="cooperation-query"
          values={filters}
          onSearch={(input) =>
            update({
              year: input.year || undefined,
              form: input.form || undefined,
              keyword: input.keyword?.trim() || undefined,
              page: 1,
            })
          }
          onReset={() => update({ year: undefined, form: undefined, keyword: undefined, page: 1 })}
        >
          <FilterCol>
            <Form.Item name="keyword" label={t('common.keyword')}>
              <Input
                allowClear
                placeholder={t('platforms.cooperationKeyword')}
                data-testid="cooperation-keyword"
              />
            </Form.Item>
          </FilterCol>
          <FilterCol>
            <Form.Item name="year" label={t('platforms.signedYear')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                options={yearOptions()}
                data-testid="cooperation-year"
              />
            </Form.Item>
          </FilterCol>
          <FilterCol>
            <Form.Item name="form" label={t('platforms.cooperationForm')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                options={COOPERATION_FORMS.map((form) => ({ value: form, label: formLabel(form) }))}
              />
            </Form.Item>
          </FilterCol>
        </QueryBar>
      }
      title={t('platforms.cooperationsTitle')}
      actions={
        <>
          <ExportButton
            href={`${COOPERATIONS_URL}/export${toQueryString(filters)}`}
            testId="cooperation-export"
          />
          {canEdit && (
            <AddButton
              label={t('platforms.addCooperation')}
              onClick={() => recordForm.open('new')}
              testId="cooperation-add"
            />
          )}
        </>
      }
      overlays={
        canEdit && (
          <FormModal
            recordForm={recordForm}
            title={t('platforms.cooperationsTitle')}
            okTestId="cooperation-save"
            width={760}
          >
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item
                  name="partnerName"
                  label={t('platforms.partnerName')}
                  rules={[rule('partnerName')]}
                >
                  <Input data-testid="cooperation-partner" />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item
                  name="partnerKind"
                  label={t('platforms.partnerKind')}
                  rules={[{ required: true, message: t('platforms.required') }]}
                >
                  <Select options={PARTNER_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }))} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item
                  name="form"
                  label={t('platforms.cooperationForm')}
                  rules={[{ required: true, message: t('platforms.required') }]}
                >
                  <Select
                    data-testid="cooperation-form"
                    options={COOPERATION_FORMS.map((form) => ({ value: form, label: formLabel(form) }))}
                  />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name="title" label={t('platforms.cooperationTitle')} rules={[rule('title')]}>
                  <Input data-testid="cooperation-title" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  name="signedOn"
                  label={t('platforms.signedOn')}
                  rules={[{ required: true, message: t('platforms.required') }, dateRule('signedOn')]}
                >
                  <DatePicker style={{ width: '100%' }} data-testid="cooperation-signed-on" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="endedOn" label={t('platforms.cooperationEndedOn')}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name="enterpriseId" label={t('platforms.enterprise')}>
                  <EnterprisePicker
                    data-testid="cooperation-enterprise"
                    initialLabel={recordForm.record?.enterpriseName ?? undefined}
                  />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="street" label={t('platforms.street')}>
                  <Input />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="contactName" label={t('platforms.contactName')}>
                  <Input />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="contactPhone" label={t('platforms.contactPhone')}>
                  <Input />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name="note" label={t('platforms.note')}>
                  <Input.TextArea rows={2} maxLength={2000} />
                </Form.Item>
              </Col>
            </Row>
          </FormModal>
        )
      }
    >
      <Row gutter={24} style={{ marginBottom: 16 }}>
        <Col>
          <div data-testid="cooperation-partners">
            <Statistic
              title={t('platforms.partnersCount')}
              value={list.data?.partners ?? '—'}
              suffix={t('platforms.unitJia')}
            />
          </div>
        </Col>
        <Col>
          <div data-testid="cooperation-branches">
            <Statistic
              title={t('platforms.branchesCount')}
              value={list.data?.branches ?? '—'}
              suffix={t('platforms.unitJia')}
            />
          </div>
        </Col>
      </Row>
      <ListTable<Cooperation>
        data-testid="cooperation-table"
        columns={columns}
        query={list}
        paging={{ page, pageSize, update }}
      />
    </ListPage>
  );
}
