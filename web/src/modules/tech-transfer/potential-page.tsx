import type {
  TechContract,
  TechGuidanceVisit,
  TechGuidanceVisitInput,
  TechPotentialEnterprise,
} from '@kechuang/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import { Button, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, toQueryString } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { EnterprisePicker } from '../../app/enterprise-picker';
import { FormModal, useRecordForm } from '../../app/list-page/form-modal';
import { ExportButton, ListPage } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { FilterCol, QueryBar } from '../../app/list-page/query-bar';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { yearOptions } from '../../app/year-options';
import { contractsLink, formatAmount, VISIT_KIND_KEYS } from './statistics-figures';

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
type ContractPage = Page<
  Omit<TechContract, 'nonTechnicalCosts' | 'payments' | 'checklist' | 'allowedActions' | 'history'>
>;

const KEYS = ['year', 'keyword', 'street'] as const;
const KINDS = ['visit', 'call', 'training', 'other'] as const;

interface VisitFormValues {
  enterpriseId: number;
  visitedOn: Dayjs;
  kind: TechGuidanceVisitInput['kind'];
  visitors: string;
  advice: string;
}

/**
 * 挖掘潜力: the enterprises the guidance team should visit (R&D or patents, no contract registered
 * this year), its visit records, and the registered contracts whose 免税 is eligible but unclaimed.
 */
export function TechTransferPotentialPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { values, page, pageSize, update } = useUrlFilters(KEYS);
  const year = Number(values.year) || new Date().getFullYear();
  const filters = { year, keyword: values.keyword, street: values.street };
  const listQuery = { ...filters, page, pageSize };
  const potential = useQuery({
    queryKey: ['tech-transfer', 'potential', listQuery],
    queryFn: () =>
      api.get<Page<TechPotentialEnterprise>>(
        `/api/tech-transfer/statistics/potential${toQueryString(listQuery)}`,
      ),
    placeholderData: keepPreviousData,
  });
  const visits = useQuery({
    queryKey: ['tech-transfer', 'guidance-visits', year],
    queryFn: () =>
      api.get<Page<TechGuidanceVisit>>(
        `/api/tech-transfer/guidance-visits${toQueryString({ year, pageSize: 50 })}`,
      ),
  });
  const exemptionQuery = {
    status: 'registered',
    year,
    exemption: 'potential',
    pageSize: 50,
    sort: 'contractFen',
  };
  const unclaimed = useQuery({
    queryKey: ['tech-transfer', 'contracts', exemptionQuery],
    queryFn: () => api.get<ContractPage>(`/api/tech-transfer/contracts${toQueryString(exemptionQuery)}`),
  });
  const canRecord = user?.role === 'staff';
  const visitForm = useRecordForm<TechGuidanceVisit | { id: number; enterpriseId: number }, VisitFormValues>({
    url: '/api/tech-transfer/guidance-visits',
    invalidateKey: ['tech-transfer'],
    successText: t('techTransferStatistics.visitSaved'),
    toBody: (form) => ({ ...form, visitedOn: form.visitedOn.format('YYYY-MM-DD') }),
    toFormValues: (record) =>
      record === 'new'
        ? { visitedOn: dayjs(), kind: 'visit' }
        : { enterpriseId: record.enterpriseId, visitedOn: dayjs(), kind: 'visit' },
  });
  const recordVisitFor = (enterpriseId: number) => {
    visitForm.open('new');
    visitForm.form.setFieldsValue({ enterpriseId });
  };
  const required = (label: string) => [
    { required: true, message: t('techTransferStatistics.required', { field: label }) },
  ];

  const columns: TableProps<TechPotentialEnterprise>['columns'] = [
    {
      title: t('techTransferStatistics.enterprise'),
      key: 'name',
      render: (_value, row) => (
        <Space orientation="vertical" size={0}>
          <span>{row.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.creditCode} · {row.street ?? '—'}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('techTransferStatistics.figuresYear'), dataIndex: 'figuresYear', width: 90 },
    {
      title: t('techTransferStatistics.rdExpense'),
      key: 'rd',
      align: 'right',
      width: 140,
      render: (_value, row) => formatAmount(row.rdExpenseFen, 'wan'),
    },
    { title: t('techTransferStatistics.ipClass1'), dataIndex: 'ipClass1Count', align: 'right', width: 100 },
    { title: t('techTransferStatistics.ipClass2'), dataIndex: 'ipClass2Count', align: 'right', width: 100 },
    {
      title: t('techTransferStatistics.lastRegisteredOn'),
      key: 'lastRegisteredOn',
      width: 120,
      render: (_value, row) =>
        row.lastRegisteredOn ? (
          <Link to={contractsLink({ enterpriseId: row.enterpriseId })}>{row.lastRegisteredOn}</Link>
        ) : (
          t('techTransferStatistics.neverRegistered')
        ),
    },
    { title: t('techTransferStatistics.visits'), dataIndex: 'visits', align: 'right', width: 90 },
    {
      title: t('techTransferStatistics.lastVisitedOn'),
      key: 'lastVisitedOn',
      width: 120,
      render: (_v, row) => row.lastVisitedOn ?? '—',
    },
    ...(canRecord
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_value: unknown, row: TechPotentialEnterprise) => (
              <Button
                type="link"
                size="small"
                onClick={() => recordVisitFor(row.enterpriseId)}
                data-testid={`potential-visit-${row.enterpriseId}`}
              >
                {t('techTransferStatistics.recordVisit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const visitColumns: TableProps<TechGuidanceVisit>['columns'] = [
    { title: t('techTransferStatistics.visitedOn'), dataIndex: 'visitedOn', width: 110 },
    { title: t('techTransferStatistics.enterprise'), dataIndex: 'enterpriseName', width: 240 },
    {
      title: t('techTransferStatistics.visitKind'),
      key: 'kind',
      width: 100,
      render: (_value, row) => t(VISIT_KIND_KEYS[row.kind]),
    },
    { title: t('techTransferStatistics.visitors'), dataIndex: 'visitors', width: 180 },
    { title: t('techTransferStatistics.advice'), dataIndex: 'advice' },
    { title: t('techTransferStatistics.recordedBy'), dataIndex: 'recordedByName', width: 100 },
  ];

  const contractColumns: TableProps<ContractPage['items'][number]>['columns'] = [
    { title: t('techTransferStatistics.registrationNo'), dataIndex: 'registrationNo', width: 150 },
    { title: t('techTransferStatistics.contractTitle'), dataIndex: 'title' },
    { title: t('techTransferStatistics.seller'), dataIndex: 'sellerName', width: 220 },
    { title: t('techTransferStatistics.registeredOn'), dataIndex: 'registeredOn', width: 110 },
    {
      title: `${t('techTransferStatistics.techAmount')}（${t('techTransferStatistics.unitWan')}）`,
      key: 'techFen',
      align: 'right',
      width: 160,
      render: (_value, row) => formatAmount(row.techFen, 'wan'),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="tech-potential-page">
      <ListPage
        filters={
          <QueryBar
            values={{ ...values, year: String(year) }}
            testId="tech-potential-query"
            onSearch={(form: { year?: number; keyword?: string; street?: string }) =>
              update({ year: form.year, keyword: form.keyword, street: form.street, page: 1 })
            }
            onReset={() => update({ year: undefined, keyword: undefined, street: undefined, page: 1 })}
          >
            <FilterCol>
              <Form.Item name="year" label={t('techTransferStatistics.year')}>
                <Select options={yearOptions(2017)} />
              </Form.Item>
            </FilterCol>
            <FilterCol>
              <Form.Item name="keyword" label={t('techTransferStatistics.enterprise')}>
                <Input allowClear placeholder={t('techTransferStatistics.keyword')} />
              </Form.Item>
            </FilterCol>
            <FilterCol>
              <Form.Item name="street" label={t('techTransferStatistics.street')}>
                <Input allowClear />
              </Form.Item>
            </FilterCol>
          </QueryBar>
        }
        title={t('techTransferStatistics.potentialTitle')}
        actions={
          <ExportButton
            href={`/api/tech-transfer/statistics/potential/export${toQueryString(filters)}`}
            testId="tech-potential-export"
          />
        }
        overlays={
          <FormModal
            recordForm={visitForm}
            title={t('techTransferStatistics.recordVisit')}
            okTestId="visit-save"
          >
            <Form.Item
              name="enterpriseId"
              label={t('techTransferStatistics.enterprise')}
              rules={required(t('techTransferStatistics.enterprise'))}
            >
              <EnterprisePicker data-testid="visit-enterprise" />
            </Form.Item>
            <Form.Item
              name="visitedOn"
              label={t('techTransferStatistics.visitedOn')}
              rules={required(t('techTransferStatistics.visitedOn'))}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="kind"
              label={t('techTransferStatistics.visitKind')}
              rules={required(t('techTransferStatistics.visitKind'))}
            >
              <Select
                options={KINDS.map((kind) => ({
                  value: kind,
                  label: t(VISIT_KIND_KEYS[kind]),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="visitors"
              label={t('techTransferStatistics.visitors')}
              rules={required(t('techTransferStatistics.visitors'))}
            >
              <Input maxLength={200} data-testid="visit-visitors" />
            </Form.Item>
            <Form.Item
              name="advice"
              label={t('techTransferStatistics.advice')}
              rules={required(t('techTransferStatistics.advice'))}
            >
              <Input.TextArea rows={4} maxLength={2000} data-testid="visit-advice" />
            </Form.Item>
          </FormModal>
        }
      >
        <Typography.Paragraph type="secondary">
          {t('techTransferStatistics.potentialHint')}
        </Typography.Paragraph>
        <ListTable<TechPotentialEnterprise>
          rowKey="enterpriseId"
          query={potential}
          columns={columns}
          paging={{ page, pageSize, update }}
          data-testid="tech-potential-table"
        />
      </ListPage>
      <ListPage
        title={t('techTransferStatistics.visitsTitle')}
        actions={
          <>
            {canRecord && (
              <Button onClick={() => visitForm.open('new')} data-testid="visit-add">
                {t('techTransferStatistics.recordVisit')}
              </Button>
            )}
            <ExportButton href={`/api/tech-transfer/guidance-visits/export${toQueryString({ year })}`} />
          </>
        }
      >
        <ListTable<TechGuidanceVisit> query={visits} columns={visitColumns} data-testid="tech-visits-table" />
      </ListPage>
      <ListPage
        title={t('techTransferStatistics.exemptionPotentialTitle')}
        actions={
          <Link
            to={contractsLink({ year, exemption: 'potential' })}
            data-testid="tech-exemption-potential-link"
          >
            {unclaimed.data?.total ?? 0}
          </Link>
        }
      >
        <Typography.Paragraph type="secondary">
          {t('techTransferStatistics.exemptionPotentialHint')}
        </Typography.Paragraph>
        <ListTable query={unclaimed} columns={contractColumns} data-testid="tech-exemption-potential-table" />
      </ListPage>
    </Space>
  );
}
