import { TIER_FIELD_LABELS, type TierAssignment, tierAssignmentInputSchema } from '@kechuang/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import { Button, Form, Input, Popconfirm, Select, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, apiRequest, handleApiError, toQueryString } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { zodRule } from '../../app/form-rules';
import { FormModal, useRecordForm } from '../../app/list-page/form-modal';
import { AddButton, ExportButton, ListPage } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { FilterCol, QueryBar } from '../../app/list-page/query-bar';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { EnterpriseField, enterpriseColumns, yearOptions } from './registers-shared';
import { TIERS_KEY, TierLabelsCard, useTierLabels } from './tier-labels-card';

interface Page<T> {
  items: T[];
  total: number;
}
interface AssignValues {
  enterpriseId: number;
  tierLabelId: number;
  year: number;
}

/** 地方梯次: which enterprise carries which local tier in which year. */
export function TiersPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const canEdit = user?.role === 'staff';
  const queryClient = useQueryClient();
  const labels = useTierLabels();
  const { values, page, pageSize, update } = useUrlFilters(['year', 'tierLabelId', 'keyword'] as const);

  const filters = { year: values.year, tierLabelId: values.tierLabelId, keyword: values.keyword };
  const listQuery = { ...filters, page, pageSize };
  const list = useQuery({
    queryKey: [...TIERS_KEY, 'list', listQuery],
    queryFn: () => api.get<Page<TierAssignment>>(`/api/cultivation/tiers${toQueryString(listQuery)}`),
    placeholderData: keepPreviousData,
  });
  const assignment = useRecordForm<TierAssignment, AssignValues>({
    url: '/api/cultivation/tiers',
    invalidateKey: TIERS_KEY,
    toBody: (input) => input,
    toFormValues: () => ({ year: Number(values.year) || new Date().getFullYear() }),
  });
  const remove = useMutation({
    mutationFn: (id: number) => apiRequest(`/api/cultivation/tiers/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      showSuccessMessage(t('common.done'));
      void queryClient.invalidateQueries({ queryKey: TIERS_KEY });
    },
    onError: (error) => handleApiError(error),
  });
  const labelOptions = (labels.data?.items ?? []).map((label) => ({
    value: label.id,
    label: label.name,
    disabled: !label.isActive,
  }));

  const columns: TableProps<TierAssignment>['columns'] = [
    ...enterpriseColumns<TierAssignment>(t),
    {
      title: t('registers.tier'),
      dataIndex: 'tierName',
      width: 160,
      render: (name: string) => <Tag color="purple">{name}</Tag>,
    },
    { title: t('registers.year'), dataIndex: 'year', width: 90 },
    {
      title: t('registers.assignedAt'),
      dataIndex: 'createdAt',
      width: 120,
      render: (value: string) => dayjs(value).format('YYYY-MM-DD'),
    },
  ];
  if (canEdit)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_value, row) => (
        <Popconfirm
          title={t('registers.removeTierConfirm')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() => remove.mutate(row.id)}
        >
          <Button type="link" size="small" danger data-testid={`tier-remove-${row.id}`}>
            {t('registers.removeTier')}
          </Button>
        </Popconfirm>
      ),
    });

  return (
    <ListPage
      filters={
        <QueryBar<{ keyword?: string; year?: number; tierLabelId?: number }>
          testId="tier-query"
          values={filters}
          onSearch={(input) =>
            update({
              keyword: input.keyword?.trim() || undefined,
              year: input.year || undefined,
              tierLabelId: input.tierLabelId || undefined,
              page: 1,
            })
          }
          onReset={() => update({ keyword: undefined, year: undefined, tierLabelId: undefined, page: 1 })}
        >
          <FilterCol>
            <Form.Item name="keyword" label={t('common.keyword')}>
              <Input allowClear placeholder={t('registers.keywordPlaceholder')} />
            </Form.Item>
          </FilterCol>
          <FilterCol>
            <Form.Item name="tierLabelId" label={t('registers.tier')}>
              <Select allowClear placeholder={t('common.all')} options={labelOptions} />
            </Form.Item>
          </FilterCol>
          <FilterCol>
            <Form.Item name="year" label={t('registers.year')}>
              <Select allowClear placeholder={t('common.all')} options={yearOptions()} />
            </Form.Item>
          </FilterCol>
        </QueryBar>
      }
      title={t('registers.tiersTitle')}
      actions={
        <>
          <ExportButton
            href={`/api/cultivation/tiers/export${toQueryString(filters)}`}
            testId="tier-assign-export"
          />
          {canEdit && (
            <AddButton
              label={t('registers.assignTier')}
              onClick={() => assignment.open('new')}
              testId="tier-assign"
            />
          )}
        </>
      }
      overlays={
        <>
          <TierLabelsCard canEdit={canEdit} />
          <FormModal recordForm={assignment} title={t('registers.assignTier')} okTestId="tier-assign-save">
            <EnterpriseField testId="tier-enterprise" />
            <Form.Item
              name="tierLabelId"
              label={t('registers.tier')}
              rules={[{ required: true, message: t('registers.tierRequired') }]}
            >
              <Select options={labelOptions} data-testid="tier-label-select" />
            </Form.Item>
            <Form.Item
              name="year"
              label={t('registers.year')}
              rules={[zodRule(tierAssignmentInputSchema.shape.year, 'year', undefined, TIER_FIELD_LABELS)]}
            >
              <Select options={yearOptions(2000)} />
            </Form.Item>
          </FormModal>
        </>
      }
    >
      <ListTable<TierAssignment>
        data-testid="tier-table"
        columns={columns}
        query={list}
        paging={{ page, pageSize, update }}
      />
    </ListPage>
  );
}
