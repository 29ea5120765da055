import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  TIER_FIELD_LABELS,
  type TierAssignment,
  type TierLabel,
  tierAssignmentInputSchema,
  tierLabelInputSchema,
} from '@kechuang/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import {
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, apiRequest, handleApiError, toQueryString } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { zodRule } from '../../app/form-rules';
import { listPagination } from '../../app/list-pagination';
import { EnterprisePicker, FilterCol, QueryBar, useUrlFilters, yearOptions } from './registers-shared';

interface Page<T> {
  items: T[];
  total: number;
}
interface LabelValues {
  code: string;
  name: string;
  description?: string;
  sortOrder: number;
  isActive: boolean;
}
interface AssignValues {
  enterpriseId: number;
  tierLabelId: number;
  year: number;
}

const TIERS_KEY = ['tiers'] as const;

export function useTierLabels() {
  return useQuery({
    queryKey: [...TIERS_KEY, 'labels'],
    queryFn: () => api.get<{ items: TierLabel[] }>('/api/cultivation/tier-labels'),
  });
}

/** 梯次标签: the labels themselves (瞪羚, 专精特新…), a dictionary the bureau keeps. */
function TierLabelsCard({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const labels = useTierLabels();
  const [editing, setEditing] = useState<TierLabel | 'new' | null>(null);
  const [form] = Form.useForm<LabelValues>();
  const save = useMutation({
    mutationFn: (input: LabelValues) => {
      const body = {
        name: input.name.trim(),
        description: input.description?.trim() || null,
        sortOrder: input.sortOrder ?? 0,
        isActive: input.isActive,
      };
      return editing && editing !== 'new'
        ? api.put<TierLabel>(`/api/cultivation/tier-labels/${editing.id}`, {
            ...body,
            version: editing.version,
          })
        : api.post<TierLabel>('/api/cultivation/tier-labels', { ...body, code: input.code.trim() });
    },
    onSuccess: () => {
      showSuccessMessage(t('common.saved'));
      setEditing(null);
      void queryClient.invalidateQueries({ queryKey: TIERS_KEY });
    },
    onError: (error) =>
      handleApiError(error, {
        form,
        onConflict: () => {
          setEditing(null);
          void labels.refetch();
        },
      }),
  });
  const openForm = (record: TierLabel | 'new') => {
    setEditing(record);
    form.resetFields();
    form.setFieldsValue(
      record === 'new'
        ? { sortOrder: (labels.data?.items.length ?? 0) * 10 + 10, isActive: true }
        : {
            code: record.code,
            name: record.name,
            description: record.description ?? undefined,
            sortOrder: record.sortOrder,
            isActive: record.isActive,
          },
    );
  };
  const columns: TableProps<TierLabel>['columns'] = [
    { title: t('registers.tierName'), dataIndex: 'name' },
    { title: t('registers.code'), dataIndex: 'code', width: 160 },
    {
      title: t('registers.description'),
      dataIndex: 'description',
      render: (value: string | null) => value || '—',
    },
    { title: t('registers.sortOrder'), dataIndex: 'sortOrder', width: 80 },
    {
      title: t('common.status'),
      dataIndex: 'isActive',
      width: 90,
      render: (value: boolean) =>
        value ? <Tag color="green">{t('registers.active')}</Tag> : <Tag>{t('registers.inactive')}</Tag>,
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
          data-testid={`tier-label-edit-${row.code}`}
        >
          {t('common.edit')}
        </Button>
      ),
    });
  return (
    <Card
      title={t('registers.labelsTitle')}
      extra={
        canEdit && (
          <Button icon={<PlusOutlined />} onClick={() => openForm('new')} data-testid="tier-label-add">
            {t('registers.addLabel')}
          </Button>
        )
      }
    >
      <Table<TierLabel>
        rowKey="id"
        size="small"
        data-testid="tier-label-table"
        columns={columns}
        dataSource={labels.data?.items}
        loading={labels.isFetching}
        pagination={false}
        locale={{ emptyText: t('common.empty') }}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('registers.addLabel') : t('registers.editLabel')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: save.isPending, 'data-testid': 'tier-label-save' }}
        forceRender
      >
        <Form<LabelValues> form={form} layout="vertical" onFinish={(input) => save.mutate(input)}>
          <Form.Item
            name="name"
            label={t('registers.tierName')}
            rules={[zodRule(tierLabelInputSchema.shape.name, 'name', undefined, TIER_FIELD_LABELS)]}
          >
            <Input placeholder="瞪羚企业" data-testid="tier-label-name" />
          </Form.Item>
          <Form.Item
            name="code"
            label={t('registers.code')}
            extra="gazelle / specialised"
            rules={[zodRule(tierLabelInputSchema.shape.code, 'code', undefined, TIER_FIELD_LABELS)]}
          >
            <Input disabled={editing !== 'new'} placeholder="gazelle" data-testid="tier-label-code" />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('registers.description')}
            rules={[
              zodRule(tierLabelInputSchema.shape.description, 'description', undefined, TIER_FIELD_LABELS),
            ]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Space size="large">
            <Form.Item name="sortOrder" label={t('registers.sortOrder')}>
              <InputNumber min={0} max={10000} />
            </Form.Item>
            <Form.Item name="isActive" label={t('registers.isActive')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </Card>
  );
}

/** 地方梯次: which enterprise carries which local tier in which year. */
export function TiersPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const canEdit = user?.role === 'staff';
  const queryClient = useQueryClient();
  const labels = useTierLabels();
  const { values, page, pageSize, update } = useUrlFilters(['year', 'tierLabelId', 'keyword'] as const);
  const [isAssigning, setIsAssigning] = useState(false);
  const [form] = Form.useForm<AssignValues>();

  const filters = { year: values.year, tierLabelId: values.tierLabelId, keyword: values.keyword };
  const listQuery = { ...filters, page, pageSize };
  const list = useQuery({
    queryKey: [...TIERS_KEY, 'list', listQuery],
    queryFn: () => api.get<Page<TierAssignment>>(`/api/cultivation/tiers${toQueryString(listQuery)}`),
    placeholderData: keepPreviousData,
  });
  const assign = useMutation({
    mutationFn: (input: AssignValues) => api.post<TierAssignment>('/api/cultivation/tiers', input),
    onSuccess: () => {
      showSuccessMessage(t('common.saved'));
      setIsAssigning(false);
      void queryClient.invalidateQueries({ queryKey: TIERS_KEY });
    },
    onError: (error) => handleApiError(error, { form }),
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
    {
      title: t('registers.enterprise'),
      dataIndex: 'enterpriseName',
      render: (name: string, row) => <Link to={`/bureau/enterprises/${row.enterpriseId}`}>{name}</Link>,
    },
    { title: t('enterprise.creditCode'), dataIndex: 'creditCode', width: 200 },
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
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
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
      </Card>
      <Card
        title={t('registers.tiersTitle')}
        extra={
          <Space>
            <Button
              icon={<DownloadOutlined />}
              href={`/api/cultivation/tiers/export${toQueryString(filters)}`}
              data-testid="tier-assign-export"
            >
              {t('common.export')}
            </Button>
            {canEdit && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                data-testid="tier-assign"
                onClick={() => {
                  form.resetFields();
                  form.setFieldsValue({ year: Number(values.year) || new Date().getFullYear() });
                  setIsAssigning(true);
                }}
              >
                {t('registers.assignTier')}
              </Button>
            )}
          </Space>
        }
      >
        <Table<TierAssignment>
          rowKey="id"
          data-testid="tier-table"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          locale={{ emptyText: t('common.empty') }}
          {...listPagination(t, { page, pageSize, total: list.data?.total }, update)}
        />
      </Card>
      <TierLabelsCard canEdit={canEdit} />
      <Modal
        open={isAssigning}
        title={t('registers.assignTier')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onCancel={() => setIsAssigning(false)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: assign.isPending, 'data-testid': 'tier-assign-save' }}
        forceRender
      >
        <Form<AssignValues> form={form} layout="vertical" onFinish={(input) => assign.mutate(input)}>
          <Form.Item
            name="enterpriseId"
            label={t('registers.enterprise')}
            rules={[{ required: true, message: t('registers.enterpriseRequired') }]}
          >
            <EnterprisePicker data-testid="tier-enterprise" />
          </Form.Item>
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
        </Form>
      </Modal>
    </Space>
  );
}
