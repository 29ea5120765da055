import {
  PLATFORM_AUTHORITIES,
  PLATFORM_AUTHORITY_LABELS,
  PLATFORM_FIELD_LABELS,
  PLATFORM_LEVELS,
  type PlatformType,
  platformTypeInputSchema,
  translate,
} from '@kechuang/domain';
import type { TableProps } from 'antd';
import { Button, Card, Checkbox, Form, Input, InputNumber, Select, Switch, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth-context';
import { zodRule } from '../../app/form-rules';
import { currentLanguage } from '../../app/i18n';
import { FormModal, useRecordForm } from '../../app/list-page/form-modal';
import { AddButton } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { LEVEL_COLORS, levelLabel, PLATFORMS_KEY, PLATFORMS_URL, usePlatformTypes } from './use-platforms';

type TypeValues = Omit<PlatformType, 'id' | 'version'>;

/** 平台类型与级别: the type master data; the levels of a type are the allowed type × level combinations. */
export function PlatformTypesPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const canEdit = user?.role === 'staff';
  const types = usePlatformTypes();
  const typeForm = useRecordForm<PlatformType, TypeValues>({
    url: `${PLATFORMS_URL}/types`,
    invalidateKey: PLATFORMS_KEY,
    toBody: (values, editing) =>
      editing === 'new'
        ? values
        : {
            name: values.name,
            levels: values.levels,
            authority: values.authority,
            allowsSeveralHosts: values.allowsSeveralHosts,
            countsForCoverage: values.countsForCoverage,
            sortOrder: values.sortOrder,
            isActive: values.isActive,
          },
    toFormValues: (record) =>
      record === 'new'
        ? {
            authority: 'SCI',
            isActive: true,
            allowsSeveralHosts: false,
            countsForCoverage: false,
            sortOrder: 200,
          }
        : record,
  });
  const columns: TableProps<PlatformType>['columns'] = [
    { title: t('platforms.type'), dataIndex: 'name', width: 200 },
    { title: t('platforms.typeCode'), dataIndex: 'code', width: 200 },
    {
      title: t('platforms.typeLevels'),
      dataIndex: 'levels',
      render: (levels: PlatformType['levels']) =>
        levels.map((level) => (
          <Tag key={level} color={LEVEL_COLORS[level]}>
            {levelLabel(level)}
          </Tag>
        )),
    },
    {
      title: t('platforms.authority'),
      dataIndex: 'authority',
      width: 150,
      render: (authority: PlatformType['authority']) =>
        translate(PLATFORM_AUTHORITY_LABELS[authority], currentLanguage()),
    },
    {
      title: t('platforms.severalHosts'),
      dataIndex: 'allowsSeveralHosts',
      width: 140,
      render: (value: boolean) => (value ? t('platforms.yes') : t('platforms.no')),
    },
    {
      title: t('platforms.countsForCoverage'),
      dataIndex: 'countsForCoverage',
      width: 150,
      render: (value: boolean) => (value ? t('platforms.yes') : t('platforms.no')),
    },
    {
      title: t('platforms.inUse'),
      dataIndex: 'isActive',
      width: 80,
      render: (value: boolean) => (value ? t('platforms.yes') : t('platforms.no')),
    },
  ];
  if (canEdit)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_value, row) => (
        <Button type="link" size="small" onClick={() => typeForm.open(row)}>
          {t('platforms.edit')}
        </Button>
      ),
    });
  return (
    <Card
      title={t('platforms.typesTitle')}
      extra={canEdit && <AddButton label={t('platforms.addType')} onClick={() => typeForm.open('new')} />}
    >
      <ListTable<PlatformType>
        columns={columns}
        query={types}
        pagination={false}
        data-testid="platform-type-table"
      />
      <FormModal
        recordForm={typeForm}
        title={typeForm.isNew ? t('platforms.addType') : t('platforms.editType')}
      >
        <Form.Item
          name="code"
          label={t('platforms.typeCode')}
          rules={[zodRule(platformTypeInputSchema.shape.code, 'code', undefined, PLATFORM_FIELD_LABELS)]}
        >
          <Input disabled={!typeForm.isNew} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('platforms.type')}
          rules={[zodRule(platformTypeInputSchema.shape.name, 'name', undefined, PLATFORM_FIELD_LABELS)]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="levels"
          label={t('platforms.typeLevels')}
          rules={[zodRule(platformTypeInputSchema.shape.levels, 'levels', undefined, PLATFORM_FIELD_LABELS)]}
        >
          <Checkbox.Group
            options={PLATFORM_LEVELS.map((level) => ({ value: level, label: levelLabel(level) }))}
          />
        </Form.Item>
        <Form.Item name="authority" label={t('platforms.authority')}>
          <Select
            options={PLATFORM_AUTHORITIES.map((authority) => ({
              value: authority,
              label: translate(PLATFORM_AUTHORITY_LABELS[authority], currentLanguage()),
            }))}
          />
        </Form.Item>
        <Form.Item name="allowsSeveralHosts" label={t('platforms.severalHosts')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="countsForCoverage" label={t('platforms.countsForCoverage')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="isActive" label={t('platforms.inUse')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('platforms.sortOrder')}>
          <InputNumber min={0} max={10000} precision={0} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
