import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  findTechSmeRegistrationProblem,
  TECH_SME_FIELD_LABELS,
  TECH_SME_REGISTRATION_PATTERN,
  type TechSmeRegistration,
  techSmeRegistrationInputSchema,
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

/** 科技型中小企业入库: the register by year, with its numbers checked as they are typed. */
export function TechSmePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const canEdit = user?.role === 'staff';
  const queryClient = useQueryClient();
  const { values, page, pageSize, update } = useUrlFilters(['year', 'keyword'] as const);
  const [editing, setEditing] = useState<TechSmeRegistration | 'new' | null>(null);
  const [form] = Form.useForm<FormValues>();

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
  const counts = useQueries({
    queries: [undefined, ...TAB_YEARS].map((year) => ({
      queryKey: [...LIST_KEY, 'count', year ?? 'all', values.keyword],
      queryFn: () =>
        api.get<Page<TechSmeRegistration>>(
          `/api/cultivation/tech-sme-registrations${toQueryString({ year, keyword: values.keyword, pageSize: 1 })}`,
        ),
    })),
  });

  const save = useMutation({
    mutationFn: (input: FormValues) => {
      const body = {
        year: input.year,
        registrationNumber: input.registrationNumber.trim().toUpperCase(),
        registeredOn: input.registeredOn.format('YYYY-MM-DD'),
      };
      return editing && editing !== 'new'
        ? api.put<TechSmeRegistration>(`/api/cultivation/tech-sme-registrations/${editing.id}`, {
            ...body,
            version: editing.version,
          })
        : api.post<TechSmeRegistration>('/api/cultivation/tech-sme-registrations', {
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

  const openForm = (record: TechSmeRegistration | 'new') => {
    setEditing(record);
    form.resetFields();
    if (record === 'new') form.setFieldsValue({ year: Number(values.year) || new Date().getFullYear() });
    else
      form.setFieldsValue({
        enterpriseId: record.enterpriseId,
        year: record.year,
        registrationNumber: record.registrationNumber,
        registeredOn: dayjs(record.registeredOn),
      });
  };

  const columns: TableProps<TechSmeRegistration>['columns'] = [
    {
      title: t('registers.enterprise'),
      dataIndex: 'enterpriseName',
      render: (name: string, row) => <Link to={`/bureau/enterprises/${row.enterpriseId}`}>{name}</Link>,
    },
    { title: t('enterprise.creditCode'), dataIndex: 'creditCode', width: 200 },
    { title: t('registers.year'), dataIndex: 'year', width: 90 },
    { title: t('registers.registrationNumber'), dataIndex: 'registrationNumber', width: 200 },
    { title: t('registers.registeredOn'), dataIndex: 'registeredOn', width: 120 },
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
          data-testid={`tech-sme-edit-${row.id}`}
        >
          {t('common.edit')}
        </Button>
      ),
    });

  const tabKeys = ['all', ...TAB_YEARS.map(String)];
  const activeTab =
    values.year && tabKeys.includes(values.year) ? values.year : values.year ? undefined : 'all';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <QueryBar<{ keyword?: string; year?: number }>
          testId="tech-sme-query"
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
                data-testid="tech-sme-keyword"
              />
            </Form.Item>
          </FilterCol>
          <FilterCol>
            <Form.Item name="year" label={t('registers.year')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                options={yearOptions()}
                data-testid="tech-sme-year"
              />
            </Form.Item>
          </FilterCol>
        </QueryBar>
      </Card>
      <Card
        title={t('registers.techSmeTitle')}
        extra={
          <Space>
            {canEdit && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => openForm('new')}
                data-testid="tech-sme-add"
              >
                {t('registers.addRegistration')}
              </Button>
            )}
            <Button
              icon={<DownloadOutlined />}
              href={`/api/cultivation/tech-sme-registrations/export${toQueryString(filters)}`}
              data-testid="tech-sme-export"
            >
              {t('common.export')}
            </Button>
          </Space>
        }
      >
        <Tabs
          activeKey={activeTab}
          onChange={(key) => update({ year: key === 'all' ? undefined : key, page: 1 })}
          items={tabKeys.map((key, index) => ({
            key,
            label: (
              <CountLabel
                label={key === 'all' ? t('common.all') : t('registers.yearTab', { year: key })}
                count={counts[index]?.data?.total}
                testId={`tech-sme-tab-${key}`}
              />
            ),
          }))}
        />
        <Table<TechSmeRegistration>
          rowKey="id"
          data-testid="tech-sme-table"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          locale={{ emptyText: t('common.empty') }}
          {...listPagination(t, { page, pageSize, total: list.data?.total }, update)}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('registers.addRegistration') : t('registers.editRegistration')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: save.isPending, 'data-testid': 'tech-sme-save' }}
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
              data-testid="tech-sme-enterprise"
            />
          </Form.Item>
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
        </Form>
      </Modal>
    </Space>
  );
}
