import { PLATFORM_LEVELS, PLATFORM_STATUSES, type PlatformSummary } from '@kechuang/domain';
import type { TableProps } from 'antd';
import { Button, Form, Input, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { toQueryString } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { useDictionaries } from '../../app/dictionaries';
import { ImportButton } from '../../app/import-button';
import { CountTabs } from '../../app/list-page/count-tabs';
import { AddButton, ExportButton, ListPage } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { FilterCol, QueryBar } from '../../app/list-page/query-bar';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { PlatformDrawer } from './platform-drawer';
import { PlatformFormModal, usePlatformForm } from './platform-form';
import {
  LEVEL_COLORS,
  levelLabel,
  PLATFORMS_KEY,
  PLATFORMS_URL,
  STATUS_COLORS,
  statusLabel,
  usePlatformList,
  usePlatformTypes,
} from './use-platforms';

type Filters = {
  keyword?: string;
  typeId?: number;
  level?: string;
  street?: string;
};

/** 科创平台台账: every platform by status, filtered by type, level and street; staff add, edit, upgrade. */
export function RegistryPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const canEdit = user?.role === 'staff';
  const types = usePlatformTypes();
  const dictionaries = useDictionaries();
  const { values, page, pageSize, update } = useUrlFilters([
    'status',
    'keyword',
    'typeId',
    'level',
    'street',
    'open',
  ] as const);
  const filters = {
    keyword: values.keyword,
    typeId: values.typeId,
    level: values.level,
    street: values.street,
  };
  const list = usePlatformList({ ...filters, status: values.status, page, pageSize });
  const openId = values.open ? Number(values.open) : null;
  const recordForm = usePlatformForm((platform) => update({ open: platform.id }));
  const counts = list.data?.statusCounts ?? {};
  const allCount = Object.values(counts).reduce((sum, count) => sum + count, 0);

  const columns: TableProps<PlatformSummary>['columns'] = [
    {
      title: t('platforms.name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => update({ open: row.id })}>
          {name}
        </Button>
      ),
    },
    { title: t('platforms.type'), dataIndex: 'typeName', width: 150 },
    {
      title: t('platforms.level'),
      dataIndex: 'level',
      width: 90,
      render: (level: PlatformSummary['level']) => <Tag color={LEVEL_COLORS[level]}>{levelLabel(level)}</Tag>,
    },
    {
      title: t('platforms.hosts'),
      key: 'hosts',
      render: (_value, row) => row.hosts.map((host) => host.name).join('、'),
    },
    { title: t('platforms.documentNo'), dataIndex: 'documentNo', width: 170 },
    { title: t('platforms.recognizedOn'), dataIndex: 'recognizedOn', width: 120 },
    { title: t('platforms.street'), dataIndex: 'street', width: 120 },
    {
      title: t('platforms.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: PlatformSummary['status']) => (
        <Tag color={STATUS_COLORS[status]}>{statusLabel(status)}</Tag>
      ),
    },
  ];

  return (
    <ListPage
      filters={
        <QueryBar<Filters>
          testId="platform-query"
          values={filters}
          onSearch={(input) =>
            update({
              keyword: input.keyword?.trim() || undefined,
              typeId: input.typeId || undefined,
              level: input.level || undefined,
              street: input.street || undefined,
              page: 1,
            })
          }
          onReset={() =>
            update({ keyword: undefined, typeId: undefined, level: undefined, street: undefined, page: 1 })
          }
        >
          <FilterCol>
            <Form.Item name="keyword" label={t('common.keyword')}>
              <Input
                allowClear
                placeholder={t('platforms.keywordPlaceholder')}
                data-testid="platform-keyword"
              />
            </Form.Item>
          </FilterCol>
          <FilterCol>
            <Form.Item name="typeId" label={t('platforms.type')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('common.all')}
                options={(types.data?.items ?? []).map((type) => ({ value: type.id, label: type.name }))}
              />
            </Form.Item>
          </FilterCol>
          <FilterCol>
            <Form.Item name="level" label={t('platforms.level')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                data-testid="platform-level-filter"
                options={PLATFORM_LEVELS.map((level) => ({ value: level, label: levelLabel(level) }))}
              />
            </Form.Item>
          </FilterCol>
          <FilterCol>
            <Form.Item name="street" label={t('platforms.street')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                options={(dictionaries.data?.streets ?? []).map((street) => ({
                  value: street,
                  label: street,
                }))}
              />
            </Form.Item>
          </FilterCol>
        </QueryBar>
      }
      title={t('platforms.registerTitle')}
      actions={
        <>
          <ExportButton
            href={`${PLATFORMS_URL}/export${toQueryString({ ...filters, status: values.status })}`}
            testId="platform-export"
          />
          {canEdit && (
            <ImportButton
              kind="platform-ledger"
              title={t('platforms.importTitle')}
              invalidates={[[...PLATFORMS_KEY]]}
            />
          )}
          {canEdit && (
            <AddButton
              label={t('platforms.add')}
              onClick={() => recordForm.open('new')}
              testId="platform-add"
            />
          )}
        </>
      }
      overlays={
        <>
          <PlatformDrawer
            id={openId}
            onClose={() => update({ open: undefined })}
            recordForm={canEdit ? recordForm : undefined}
          />
          {canEdit && <PlatformFormModal recordForm={recordForm} />}
        </>
      }
    >
      <CountTabs
        testIdPrefix="platform-tab"
        activeKey={values.status ?? 'all'}
        onChange={(key) => update({ status: key === 'all' ? undefined : key, page: 1 })}
        tabs={[
          { key: 'all', label: t('platforms.allStatuses'), count: list.data ? allCount : undefined },
          ...PLATFORM_STATUSES.map((status) => ({
            key: status,
            label: statusLabel(status),
            count: list.data ? (counts[status] ?? 0) : undefined,
          })),
        ]}
      />
      <ListTable<PlatformSummary>
        data-testid="platform-table"
        columns={columns}
        query={list}
        paging={{ page, pageSize, update }}
        scroll={{ x: 1200 }}
      />
    </ListPage>
  );
}
