import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  CERTIFICATE_VALIDITIES,
  type CertificateValidity,
  findCertificateNumberProblem,
  HIGH_TECH_CERTIFICATE_FIELD_LABELS,
  HIGH_TECH_CERTIFICATE_PATTERN,
  type HighTechCertificate,
  highTechCertificateInputSchema,
} from '@kechuang/domain';
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import { Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tabs } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, handleApiError, toQueryString } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { zodRule } from '../../app/form-rules';
import { listPagination } from '../../app/list-pagination';
import {
  CountLabel,
  EnterprisePicker,
  FilterCol,
  QueryBar,
  textIn,
  useUrlFilters,
  ValidityTag,
  yearOptions,
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

function isValidity(value: string | undefined): value is CertificateValidity {
  return value !== undefined && (CERTIFICATE_VALIDITIES as readonly string[]).includes(value);
}

/** 高新技术企业证书: every certificate with its three-year validity, coloured by how soon it ends. */
export function CertificatesPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const canEdit = user?.role === 'staff';
  const queryClient = useQueryClient();
  const { values, page, pageSize, update } = useUrlFilters(['validity', 'year', 'keyword'] as const);
  const [editing, setEditing] = useState<HighTechCertificate | 'new' | null>(null);
  const [form] = Form.useForm<FormValues>();

  const validity = isValidity(values.validity) ? values.validity : undefined;
  const filters = { year: values.year, keyword: values.keyword };
  const listQuery = { ...filters, validity, page, pageSize };
  const list = useQuery({
    queryKey: [...LIST_KEY, 'list', listQuery],
    queryFn: () =>
      api.get<Page<HighTechCertificate>>(`/api/cultivation/certificates${toQueryString(listQuery)}`),
    placeholderData: keepPreviousData,
  });
  const tabKeys = ['all', ...CERTIFICATE_VALIDITIES] as const;
  const counts = useQueries({
    queries: tabKeys.map((key) => ({
      queryKey: [...LIST_KEY, 'count', key, filters],
      queryFn: () =>
        api.get<Page<HighTechCertificate>>(
          `/api/cultivation/certificates${toQueryString({ ...filters, validity: key === 'all' ? undefined : key, pageSize: 1 })}`,
        ),
    })),
  });

  const save = useMutation({
    mutationFn: (input: FormValues) => {
      const body = {
        certificateNumber: input.certificateNumber.trim().toUpperCase(),
        issuedOn: input.issuedOn.format('YYYY-MM-DD'),
      };
      return editing && editing !== 'new'
        ? api.put<HighTechCertificate>(`/api/cultivation/certificates/${editing.id}`, {
            ...body,
            version: editing.version,
          })
        : api.post<HighTechCertificate>('/api/cultivation/certificates', {
            ...body,
            enterpriseId: input.enterpriseId,
          });
    },
    onSuccess: () => {
      showSuccessMessage(t('common.saved'));
      setEditing(null);
      void queryClient.invalidateQueries({ queryKey: LIST_KEY });
    },
    onError: (error) =>
      handleApiError(error, {
        form,
        onConflict: () => {
          setEditing(null);
          void queryClient.invalidateQueries({ queryKey: LIST_KEY });
        },
      }),
  });

  const openForm = (record: HighTechCertificate | 'new') => {
    setEditing(record);
    form.resetFields();
    if (record !== 'new')
      form.setFieldsValue({
        enterpriseId: record.enterpriseId,
        certificateNumber: record.certificateNumber,
        issuedOn: dayjs(record.issuedOn),
      });
  };

  const columns: TableProps<HighTechCertificate>['columns'] = [
    {
      title: t('registers.enterprise'),
      dataIndex: 'enterpriseName',
      render: (name: string, row) => <Link to={`/bureau/enterprises/${row.enterpriseId}`}>{name}</Link>,
    },
    { title: t('enterprise.creditCode'), dataIndex: 'creditCode', width: 200 },
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
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_value, row) => (
        <Button
          type="link"
          size="small"
          onClick={() => openForm(row)}
          data-testid={`certificate-edit-${row.id}`}
        >
          {t('common.edit')}
        </Button>
      ),
    });

  const tabLabel = (key: (typeof tabKeys)[number]) =>
    key === 'all' ? t('common.all') : t(`registers.validity.${key}`);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <QueryBar<{ keyword?: string; year?: number }>
          testId="certificate-query"
          values={filters}
          onSearch={(input) =>
            update({ keyword: input.keyword?.trim() || undefined, year: input.year || undefined, page: 1 })
          }
          onReset={() => update({ keyword: undefined, year: undefined, page: 1 })}
        >
          <FilterCol>
            <Form.Item name="keyword" label={t('common.keyword')}>
              <Input
                allowClear
                placeholder={t('registers.keywordPlaceholder')}
                data-testid="certificate-keyword"
              />
            </Form.Item>
          </FilterCol>
          <FilterCol>
            <Form.Item name="year" label={t('registers.issueYear')}>
              <Select allowClear placeholder={t('common.all')} options={yearOptions(2008)} />
            </Form.Item>
          </FilterCol>
        </QueryBar>
      </Card>
      <Card
        title={t('registers.certificatesTitle')}
        extra={
          <Space>
            {canEdit && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => openForm('new')}
                data-testid="certificate-add"
              >
                {t('registers.addCertificate')}
              </Button>
            )}
            <Button
              icon={<DownloadOutlined />}
              href={`/api/cultivation/certificates/export${toQueryString({ ...filters, validity })}`}
              data-testid="certificate-export"
            >
              {t('common.export')}
            </Button>
          </Space>
        }
      >
        <Tabs
          activeKey={validity ?? 'all'}
          onChange={(key) => update({ validity: key === 'all' ? undefined : key, page: 1 })}
          items={tabKeys.map((key, index) => ({
            key,
            label: (
              <CountLabel
                label={tabLabel(key)}
                count={counts[index]?.data?.total}
                testId={`certificate-tab-${key}`}
              />
            ),
          }))}
        />
        <Table<HighTechCertificate>
          rowKey="id"
          data-testid="certificate-table"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          locale={{ emptyText: t('common.empty') }}
          {...listPagination(t, { page, pageSize, total: list.data?.total }, update)}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('registers.addCertificate') : t('registers.editCertificate')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: save.isPending, 'data-testid': 'certificate-save' }}
        forceRender
      >
        <Form<FormValues> form={form} layout="vertical" onFinish={(input) => save.mutate(input)}>
          <Form.Item
            name="enterpriseId"
            label={t('registers.enterprise')}
            rules={[{ required: true, message: t('registers.enterpriseRequired') }]}
          >
            <EnterprisePicker
              disabled={editing !== 'new'}
              initialLabel={editing && editing !== 'new' ? editing.enterpriseName : undefined}
              data-testid="certificate-enterprise"
            />
          </Form.Item>
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
        </Form>
      </Modal>
    </Space>
  );
}
