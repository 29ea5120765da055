import {
  findTechSmeRegistrationProblem,
  TECH_SME_FIELD_LABELS,
  TECH_SME_REGISTRATION_PATTERN,
  type TechSmeRegistration,
  techSmeRegistrationInputSchema,
} from '@kechuang/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, toQueryString } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { zodRule } from '../../app/form-rules';
import { editColumn } from '../../app/list-page/columns';
import { CountTabs, useTabCounts } from '../../app/list-page/count-tabs';
import { FormModal, useRecordForm } from '../../app/list-page/form-modal';
import { AddButton, ExportButton, ListPage } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import {
  EnterpriseField,
  enterpriseColumns,
  KeywordYearQuery,
  textIn,
  yearOptions,
} from './registers-shared';

interface Page<T> {
  items: T[];
  total: number;
}
interface FormValues {
  enterpriseId: number;
  year: number;
  registrationNumber: string;
  registeredOn: Dayjs;
}

const LIST_KEY = ['tech-sme-registrations'] as const;
const TAB_YEARS = (() => {
  const last = new Date().getFullYear();
  return [last, last - 1, last - 2, last - 3, last - 4, last - 5, last - 6];
})();
const TAB_KEYS = ['all', ...TAB_YEARS.map(String)];

/** 科技型中小企业入库: the register by year, with its numbers checked as they are typed. */
export function TechSmePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const canEdit = user?.role === 'staff';
  const { values, page, pageSize, update } = useUrlFilters(['year', 'keyword'] as const);

  const filters = { year: values.year, keyword: values.keyword };
  const listQuery = { ...filters, page, pageSize };
  const list = useQuery({
    queryKey: [...LIST_KEY, 'list', listQuery],
    queryFn: () =>
      api.get<Page<TechSmeRegistration>>(
        `/api/cultivation/tech-sme-registrations${toQueryString(listQuery)}`,
      ),
    placeholderData: keepPreviousData,
  });
  const counts = useTabCounts(
    TAB_KEYS,
    [...LIST_KEY, values.keyword],
    (key) =>
      `/api/cultivation/tech-sme-registrations${toQueryString({ year: key === 'all' ? undefined : key, keyword: values.keyword, pageSize: 1 })}`,
  );

  const registration = useRecordForm<TechSmeRegistration, FormValues>({
    url: '/api/cultivation/tech-sme-registrations',
    invalidateKey: LIST_KEY,
    toBody: (input, editing) => ({
      year: input.year,
      registrationNumber: input.registrationNumber.trim().toUpperCase(),
      registeredOn: input.registeredOn.format('YYYY-MM-DD'),
      ...(editing === 'new' ? { enterpriseId: input.enterpriseId } : {}),
    }),
    toFormValues: (record) =>
      record === 'new'
        ? { year: Number(values.year) || new Date().getFullYear() }
        : {
            enterpriseId: record.enterpriseId,
            year: record.year,
            registrationNumber: record.registrationNumber,
            registeredOn: dayjs(record.registeredOn),
          },
  });

  const columns: TableProps<TechSmeRegistration>['columns'] = [
    ...enterpriseColumns<TechSmeRegistration>(t),
    { title: t('registers.year'), dataIndex: 'year', width: 90 },
    { title: t('registers.registrationNumber'), dataIndex: 'registrationNumber', width: 200 },
    { title: t('registers.registeredOn'), dataIndex: 'registeredOn', width: 120 },
  ];
  if (canEdit)
    columns.push(editColumn<TechSmeRegistration>(t, registration.open, (row) => `tech-sme-edit-${row.id}`));

  const activeTab =
    values.year && TAB_KEYS.includes(values.year) ? values.year : values.year ? undefined : 'all';

  return (
    <ListPage
      filters={
        <KeywordYearQuery
          testId="tech-sme-query"
          values={filters}
          update={update}
          yearLabel={t('registers.year')}
          keywordTestId="tech-sme-keyword"
          yearTestId="tech-sme-year"
        />
      }
      title={t('registers.techSmeTitle')}
      actions={
        <>
          {canEdit && (
            <AddButton
              label={t('registers.addRegistration')}
              onClick={() => registration.open('new')}
              testId="tech-sme-add"
            />
          )}
          <ExportButton
            href={`/api/cultivation/tech-sme-registrations/export${toQueryString(filters)}`}
            testId="tech-sme-export"
          />
        </>
      }
      overlays={
        <FormModal
          recordForm={registration}
          title={registration.isNew ? t('registers.addRegistration') : t('registers.editRegistration')}
          okTestId="tech-sme-save"
        >
          <EnterpriseField
            record={registration.record}
            isNew={registration.isNew}
            testId="tech-sme-enterprise"
          />
          <Form.Item
            name="year"
            label={t('registers.year')}
            rules={[
              zodRule(techSmeRegistrationInputSchema.shape.year, 'year', undefined, TECH_SME_FIELD_LABELS),
            ]}
          >
            <Select options={yearOptions()} data-testid="tech-sme-form-year" />
          </Form.Item>
          <Form.Item
            name="registrationNumber"
            label={t('registers.registrationNumber')}
            extra={t('registers.registrationNumberHint')}
            dependencies={['year']}
            validateTrigger="onBlur"
            rules={[
              zodRule(
                techSmeRegistrationInputSchema.shape.registrationNumber,
                'registrationNumber',
                undefined,
                TECH_SME_FIELD_LABELS,
              ),
              ({ getFieldValue }) => ({
                validator: async (_rule, value: string | undefined) => {
                  const text = value?.trim().toUpperCase();
                  const year = getFieldValue('year') as number | undefined;
                  if (!text || !year || !TECH_SME_REGISTRATION_PATTERN.test(text)) return;
                  const problem = findTechSmeRegistrationProblem(text, year);
                  if (problem) throw new Error(textIn(problem));
                },
              }),
            ]}
          >
            <Input placeholder="2022370811A0000001" maxLength={30} data-testid="tech-sme-number" />
          </Form.Item>
          <Form.Item
            name="registeredOn"
            label={t('registers.registeredOn')}
            rules={[{ required: true, message: t('registers.dateRequired') }]}
          >
            <DatePicker style={{ width: '100%' }} data-testid="tech-sme-date" />
          </Form.Item>
        </FormModal>
      }
    >
      <CountTabs
        tabs={TAB_KEYS.map((key, index) => ({
          key,
          label: key === 'all' ? t('common.all') : t('registers.yearTab', { year: key }),
          count: counts[index],
        }))}
        activeKey={activeTab}
        onChange={(key) => update({ year: key === 'all' ? undefined : key, page: 1 })}
        testIdPrefix="tech-sme-tab"
      />
      <ListTable<TechSmeRegistration>
        data-testid="tech-sme-table"
        columns={columns}
        query={list}
        paging={{ page, pageSize, update }}
      />
    </ListPage>
  );
}
