import { TIER_FIELD_LABELS, type TierLabel, tierLabelInputSchema } from '@kechuang/domain';
import { useQuery } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import { Card, Form, Input, InputNumber, Space, Switch, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import { zodRule } from '../../app/form-rules';
import { editColumn } from '../../app/list-page/columns';
import { FormModal, useRecordForm } from '../../app/list-page/form-modal';
import { AddButton } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';

interface LabelValues {
  code: string;
  name: string;
  description?: string;
  sortOrder: number;
  isActive: boolean;
}

export const TIERS_KEY = ['tiers'] as const;

export function useTierLabels() {
  return useQuery({
    queryKey: [...TIERS_KEY, 'labels'],
    queryFn: () => api.get<{ items: TierLabel[] }>('/api/cultivation/tier-labels'),
  });
}

/** 梯次标签: the labels themselves (瞪羚, 专精特新…), a dictionary the bureau keeps. */
export function TierLabelsCard({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const labels = useTierLabels();
  const label = useRecordForm<TierLabel, LabelValues>({
    url: '/api/cultivation/tier-labels',
    invalidateKey: TIERS_KEY,
    toBody: (input, editing) => ({
      name: input.name.trim(),
      description: input.description?.trim() || null,
      sortOrder: input.sortOrder ?? 0,
      isActive: input.isActive,
      ...(editing === 'new' ? { code: input.code.trim() } : {}),
    }),
    toFormValues: (record) =>
      record === 'new'
        ? { sortOrder: (labels.data?.items.length ?? 0) * 10 + 10, isActive: true }
        : {
            code: record.code,
            name: record.name,
            description: record.description ?? undefined,
            sortOrder: record.sortOrder,
            isActive: record.isActive,
          },
  });
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
  if (canEdit) columns.push(editColumn<TierLabel>(t, label.open, (row) => `tier-label-edit-${row.code}`));
  return (
    <Card
      title={t('registers.labelsTitle')}
      extra={
        canEdit && (
          <AddButton
            label={t('registers.addLabel')}
            onClick={() => label.open('new')}
            testId="tier-label-add"
            isPrimary={false}
          />
        )
      }
    >
      <ListTable<TierLabel>
        size="small"
        data-testid="tier-label-table"
        columns={columns}
        query={labels}
        pagination={false}
      />
      <FormModal
        recordForm={label}
        title={label.isNew ? t('registers.addLabel') : t('registers.editLabel')}
        okTestId="tier-label-save"
      >
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
          <Input disabled={!label.isNew} placeholder="gazelle" data-testid="tier-label-code" />
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
      </FormModal>
    </Card>
  );
}
