import {
  CERTIFICATE_VALIDITIES,
  type CertificateValidity,
  findCertificateNumberProblem,
  HIGH_TECH_CERTIFICATE_FIELD_LABELS,
  HIGH_TECH_CERTIFICATE_PATTERN,
  type HighTechCertificate,
  highTechCertificateInputSchema,
} from '@kechuang/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import { DatePicker, Form, Input } from 'antd';
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
  ValidityTag,
} from './registers-shared';

interface Page<T> {
  items: T[];
  total: number;
}
interface FormValues {
  enterpriseId: number;
  certificateNumber: string;
  issuedOn: Dayjs;
}

const LIST_KEY = ['certificates'] as const;
const TAB_KEYS = ['all', ...CERTIFICATE_VALIDITIES] as const;

function isValidity(value: string | undefined): value is CertificateValidity {
  return value !== undefined && (CERTIFICATE_VALIDITIES as readonly string[]).includes(value);
}

/** 高新技术企业证书: every certificate with its three-year validity, coloured by how soon it ends. */
export function CertificatesPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const canEdit = user?.role === 'staff';
  const { values, page, pageSize, update } = useUrlFilters(['validity', 'year', 'keyword'] as const);

  const validity = isValidity(values.validity) ? values.validity : undefined;
  const filters = { year: values.year, keyword: values.keyword };
  const listQuery = { ...filters, validity, page, pageSize };
  const list = useQuery({
    queryKey: [...LIST_KEY, 'list', listQuery],
    queryFn: () =>
      api.get<Page<HighTechCertificate>>(`/api/cultivation/certificates${toQueryString(listQuery)}`),
    placeholderData: keepPreviousData,
  });
  const counts = useTabCounts(
    TAB_KEYS,
    [...LIST_KEY, filters],
    (key) =>
      `/api/cultivation/certificates${toQueryString({ ...filters, validity: key === 'all' ? undefined : key, pageSize: 1 })}`,
  );

  const certificate = useRecordForm<HighTechCertificate, FormValues>({
    url: '/api/cultivation/certificates',
    invalidateKey: LIST_KEY,
    toBody: (input, editing) => ({
      certificateNumber: input.certificateNumber.trim().toUpperCase(),
      issuedOn: input.issuedOn.format('YYYY-MM-DD'),
      ...(editing === 'new' ? { enterpriseId: input.enterpriseId } : {}),
    }),
    toFormValues: (record) =>
      record === 'new'
        ? undefined
        : {
            enterpriseId: record.enterpriseId,
            certificateNumber: record.certificateNumber,
            issuedOn: dayjs(record.issuedOn),
          },
  });

  const columns: TableProps<HighTechCertificate>['columns'] = [
    ...enterpriseColumns<HighTechCertificate>(t),
    { title: t('registers.certificateNumber'), dataIndex: 'certificateNumber', width: 160 },
    { title: t('registers.issuedOn'), dataIndex: 'issuedOn', width: 120 },
    { title: t('registers.expiresOn'), dataIndex: 'expiresOn', width: 120 },
    {
      title: t('registers.validityLabel'),
      dataIndex: 'validity',
      width: 170,
      render: (value: CertificateValidity) => <ValidityTag validity={value} />,
    },
  ];
  if (canEdit)
    columns.push(editColumn<HighTechCertificate>(t, certificate.open, (row) => `certificate-edit-${row.id}`));

  return (
    <ListPage
      filters={
        <KeywordYearQuery
          testId="certificate-query"
          values={filters}
          update={update}
          yearLabel={t('registers.issueYear')}
          yearFrom={2008}
          keywordTestId="certificate-keyword"
        />
      }
      title={t('registers.certificatesTitle')}
      actions={
        <>
          {canEdit && (
            <AddButton
              label={t('registers.addCertificate')}
              onClick={() => certificate.open('new')}
              testId="certificate-add"
            />
          )}
          <ExportButton
            href={`/api/cultivation/certificates/export${toQueryString({ ...filters, validity })}`}
            testId="certificate-export"
          />
        </>
      }
      overlays={
        <FormModal
          recordForm={certificate}
          title={certificate.isNew ? t('registers.addCertificate') : t('registers.editCertificate')}
          okTestId="certificate-save"
        >
          <EnterpriseField
            record={certificate.record}
            isNew={certificate.isNew}
            testId="certificate-enterprise"
          />
          <Form.Item
            name="certificateNumber"
            label={t('registers.certificateNumber')}
            extra={t('registers.certificateNumberHint')}
            dependencies={['issuedOn']}
            validateTrigger="onBlur"
            rules={[
              zodRule(
                highTechCertificateInputSchema.shape.certificateNumber,
                'certificateNumber',
                undefined,
                HIGH_TECH_CERTIFICATE_FIELD_LABELS,
              ),
              ({ getFieldValue }) => ({
                validator: async (_rule, value: string | undefined) => {
                  const text = value?.trim().toUpperCase();
                  const issuedOn = getFieldValue('issuedOn') as Dayjs | undefined;
                  if (!text || !issuedOn || !HIGH_TECH_CERTIFICATE_PATTERN.test(text)) return;
                  const problem = findCertificateNumberProblem(text, issuedOn.format('YYYY-MM-DD'));
                  if (problem) throw new Error(textIn(problem));
                },
              }),
            ]}
          >
            <Input placeholder="GR202037000123" maxLength={20} data-testid="certificate-number" />
          </Form.Item>
          <Form.Item
            name="issuedOn"
            label={t('registers.issuedOn')}
            rules={[{ required: true, message: t('registers.dateRequired') }]}
          >
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(date) => date.isAfter(dayjs(), 'day')}
              data-testid="certificate-date"
            />
          </Form.Item>
        </FormModal>
      }
    >
      <CountTabs
        tabs={TAB_KEYS.map((key, index) => ({
          key,
          label: key === 'all' ? t('common.all') : t(`registers.validity.${key}`),
          count: counts[index],
        }))}
        activeKey={validity ?? 'all'}
        onChange={(key) => update({ validity: key === 'all' ? undefined : key, page: 1 })}
        testIdPrefix="certificate-tab"
      />
      <ListTable<HighTechCertificate>
        data-testid="certificate-table"
        columns={columns}
        query={list}
        paging={{ page, pageSize, update }}
      />
    </ListPage>
  );
}
