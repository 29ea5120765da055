import {
  INSTITUTION_KIND_LABELS,
  INSTITUTION_KINDS,
  type Institution,
  institutionInputSchema,
  type TechNeed,
  techNeedWorkflow,
} from '@kechuang/domain';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Select, Space, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toQueryString } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { zodRule } from '../../app/form-rules';
import { textIn } from '../../app/i18n';
import { FormModal, useRecordForm } from '../../app/list-page/form-modal';
import { AddButton, ListPage } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { fieldLabel, ListingStatusTag, MATCHING_LABELS, type Page } from './matching-shared';
import { NeedDrawer } from './needs-enterprise-page';
import { useCreateMatching } from './results-pages';

/** 技术需求审核: every need, pending first, with its suggestions and 转为对接. */
export function TechNeedsReviewPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const { values, page, pageSize, update } = useUrlFilters(['status', 'keyword'] as const);
  const [openId, setOpenId] = useState<number | null>(null);
  const listQuery = { status: values.status, keyword: values.keyword, page, pageSize };
  const list = useQuery({
    queryKey: ['tech-needs', 'review', listQuery],
    queryFn: () => api.get<Page<TechNeed>>(`/api/tech-transfer/needs${toQueryString(listQuery)}`),
    placeholderData: keepPreviousData,
  });
  const match = useCreateMatching(() => void queryClient.invalidateQueries({ queryKey: ['tech-needs'] }));
  const columns: TableProps<TechNeed>['columns'] = [
    { title: t('techMatching.needTitle'), dataIndex: 'title' },
    { title: t('techMatching.enterprise'), dataIndex: 'enterpriseName', width: 220 },
    {
      title: t('techMatching.field'),
      dataIndex: 'field',
      width: 150,
      render: (value: string) => fieldLabel(value),
    },
    {
      title: t('techMatching.visibility'),
      dataIndex: 'visibility',
      width: 130,
      render: (value: string) =>
        value === 'public' ? t('techMatching.visibilityPublic') : t('techMatching.visibilityMatched'),
    },
    {
      title: t('techMatching.status'),
      dataIndex: 'status',
      width: 100,
      render: (value: TechNeed['status']) => <ListingStatusTag status={value} />,
    },
    {
      key: 'actions',
      width: 100,
      render: (_, row) => (
        <Button type="link" onClick={() => setOpenId(row.id)} data-testid={`need-review-${row.id}`}>
          {t('techMatching.detail')}
        </Button>
      ),
    },
  ];
  return (
    <ListPage
      filters={
        <Space wrap>
          <Select
            allowClear
            placeholder={t('techMatching.status')}
            value={values.status}
            style={{ width: 160 }}
            onChange={(status) => update({ status, page: 1 })}
            options={Object.entries(techNeedWorkflow.states).map(([value, label]) => ({
              value,
              label: textIn(label),
            }))}
            data-testid="need-status-filter"
          />
          <Input.Search
            allowClear
            defaultValue={values.keyword}
            placeholder={t('techMatching.keywordPlaceholder')}
            onSearch={(keyword) => update({ keyword, page: 1 })}
            style={{ width: 280 }}
          />
        </Space>
      }
      title={t('techMatching.needsTitle')}
      overlays={
        <NeedDrawer
          needId={openId}
          onClose={() => setOpenId(null)}
          onMatch={
            user?.role === 'staff' && openId !== null
              ? (item) =>
                  match.mutate({
                    needId: openId,
                    resultId: item.kind === 'result' ? item.id : null,
                    expertId: item.kind === 'expert' ? item.id : null,
                  })
              : undefined
          }
        />
      }
    >
      <ListTable<TechNeed>
        query={list}
        columns={columns}
        paging={{ page, pageSize, update }}
        data-testid="need-review-table"
      />
    </ListPage>
  );
}

interface InstitutionFormValues {
  name: string;
  kind: string;
  creditCode?: string;
  regionCode: string;
  contactName?: string;
  contactPhone?: string;
}

const institutionShape = institutionInputSchema.shape;

/** 高校院所名录: the institutions the bureau posts results for (they have no accounts of their own). */
export function InstitutionsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { page, pageSize, update } = useUrlFilters([] as const);
  const list = useQuery({
    queryKey: ['tech-institutions', { page, pageSize }],
    queryFn: () =>
      api.get<Page<Institution>>(`/api/tech-transfer/institutions${toQueryString({ page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
  const form = useRecordForm<Institution, InstitutionFormValues>({
    url: '/api/tech-transfer/institutions',
    invalidateKey: ['tech-institutions'],
    toBody: (values) => ({
      name: values.name,
      kind: values.kind,
      creditCode: values.creditCode || null,
      regionCode: values.regionCode,
      contactName: values.contactName || null,
      contactPhone: values.contactPhone || null,
    }),
    toFormValues: (record) =>
      record === 'new'
        ? { kind: 'university' }
        : {
            name: record.name,
            kind: record.kind,
            creditCode: record.creditCode ?? undefined,
            regionCode: record.regionCode,
            contactName: record.contactName ?? undefined,
            contactPhone: record.contactPhone ?? undefined,
          },
  });
  const rule = (schema: Parameters<typeof zodRule>[0], name: string) =>
    zodRule(schema, name, undefined, MATCHING_LABELS);
  const columns: TableProps<Institution>['columns'] = [
    { title: t('techMatching.name'), dataIndex: 'name' },
    {
      title: t('techMatching.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (value: Institution['kind']) => textIn(INSTITUTION_KIND_LABELS[value]),
    },
    { title: t('techMatching.creditCode'), dataIndex: 'creditCode', width: 200 },
    { title: t('techMatching.regionCode'), dataIndex: 'regionCode', width: 120 },
    { title: t('techMatching.resultCount'), dataIndex: 'resultCount', width: 90 },
    ...(user?.role === 'staff'
      ? [
          {
            key: 'edit',
            width: 80,
            render: (_: unknown, row: Institution) => (
              <Button type="link" onClick={() => form.open(row)}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <ListPage
      title={t('techMatching.institutionsTitle')}
      actions={
        user?.role === 'staff' && (
          <AddButton
            label={t('techMatching.addInstitution')}
            onClick={() => form.open('new')}
            testId="institution-add"
          />
        )
      }
      overlays={
        <FormModal
          recordForm={form}
          title={form.isNew ? t('techMatching.addInstitution') : t('techMatching.editInstitution')}
        >
          <Form.Item name="name" label={t('techMatching.name')} rules={[rule(institutionShape.name, 'name')]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('techMatching.kind')}>
            <Select
              options={INSTITUTION_KINDS.map((kind) => ({
                value: kind,
                label: textIn(INSTITUTION_KIND_LABELS[kind]),
              }))}
            />
          </Form.Item>
          <Form.Item name="creditCode" label={t('techMatching.creditCode')}>
            <Input />
          </Form.Item>
          <Form.Item
            name="regionCode"
            label={t('techMatching.regionCode')}
            rules={[rule(institutionShape.regionCode, 'regionCode')]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="contactName" label={t('techMatching.contactName')}>
            <Input />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('techMatching.contactPhone')}>
            <Input />
          </Form.Item>
        </FormModal>
      }
    >
      <ListTable<Institution> query={list} columns={columns} paging={{ page, pageSize, update }} />
    </ListPage>
  );
}
