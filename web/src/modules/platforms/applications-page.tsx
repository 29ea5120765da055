import {
  PLATFORM_APPLICATION_STATUSES,
  PLATFORM_LEVELS,
  type PlatformApplicationSummary,
} from '@kechuang/domain';
import type { TableProps } from 'antd';
import { Button, Form, Input, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { toQueryString } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { CountTabs } from '../../app/list-page/count-tabs';
import { AddButton, ExportButton, ListPage } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { FilterCol, QueryBar } from '../../app/list-page/query-bar';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { ApplicationDrawer } from './application-drawer';
import { ApplicationFormModal, useApplicationForm } from './application-form';
import {
  APPLICATION_STATUS_COLORS,
  APPLICATIONS_URL,
  applicationStatusLabel,
  useApplicationList,
} from './use-applications';
import { LEVEL_COLORS, levelLabel, usePlatformTypes } from './use-platforms';

type Filters = { keyword?: string; typeId?: number; level?: string };

/**
 * 认定（升级）推荐申请: the bureau's review desk (every application, by status) and, for an
 * enterprise, its own applications with 申请 and the drafts it still edits.
 */
export function ApplicationsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const isEnterprise = user?.role === 'enterprise';
  const types = usePlatformTypes();
  const { values, page, pageSize, update } = useUrlFilters([
    'status',
    'keyword',
    'typeId',
    'level',
    'open',
  ] as const);
  const filters = { keyword: values.keyword, typeId: values.typeId, level: values.level };
  const list = useApplicationList({ ...filters, status: values.status, page, pageSize });
  const openId = values.open ? Number(values.open) : null;
  const recordForm = useApplicationForm((application) => update({ open: application.id }));
  const counts = list.data?.statusCounts ?? {};
  const allCount = Object.values(counts).reduce((sum, count) => sum + count, 0);

  const columns: TableProps<PlatformApplicationSummary>['columns'] = [
    {
      title: t('platforms.name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => update({ open: row.id })}>
          {name}
        </Button>
      ),
    },
    ...(isEnterprise ? [] : [{ title: t('platforms.applicant'), dataIndex: 'enterpriseName' }]),
    { title: t('platforms.type'), dataIndex: 'typeName', width: 150 },
    {
      title: t('platforms.appliedLevel'),
      dataIndex: 'level',
      width: 100,
      render: (level: PlatformApplicationSummary['level'], row) => (
        <>
          <Tag color={LEVEL_COLORS[level]}>{levelLabel(level)}</Tag>
          {row.kind === 'upgrade' && <Tag>{t('platforms.kindUpgrade')}</Tag>}
        </>
      ),
    },
    {
      title: t('platforms.checklistShort'),
      key: 'met',
      width: 100,
      render: (_value, row) => `${row.metCount}/${row.requirementCount}`,
    },
    { title: t('platforms.submittedOn'), dataIndex: 'submittedOn', width: 120 },
    {
      title: t('platforms.status'),
      dataIndex: 'status',
      width: 110,
      render: (status: PlatformApplicationSummary['status']) => (
        <Tag color={APPLICATION_STATUS_COLORS[status]}>{applicationStatusLabel(status)}</Tag>
      ),
    },
  ];

  return (
    <ListPage
      filters={
        <QueryBar<Filters>
          testId="application-query"
          values={filters}
          onSearch={(input) =>
            update({
              keyword: input.keyword?.trim() || undefined,
              typeId: input.typeId || undefined,
              level: input.level || undefined,
              page: 1,
            })
          }
          onReset={() => update({ keyword: undefined, typeId: undefined, level: undefined, page: 1 })}
        >
          <FilterCol>
            <Form.Item name="keyword" label={t('common.keyword')}>
              <Input
                allowClear
                placeholder={t('platforms.applicationKeyword')}
                data-testid="application-keyword"
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
            <Form.Item name="level" label={t('platforms.appliedLevel')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                options={PLATFORM_LEVELS.map((level) => ({ value: level, label: levelLabel(level) }))}
              />
            </Form.Item>
          </FilterCol>
        </QueryBar>
      }
      title={isEnterprise ? t('platforms.myApplicationsTitle') : t('platforms.applicationsTitle')}
      actions={
        isEnterprise ? (
          <AddButton
            label={t('platforms.apply')}
            onClick={() => recordForm.open('new')}
            testId="application-add"
          />
        ) : (
          <ExportButton
            href={`${APPLICATIONS_URL}/export${toQueryString({ ...filters, status: values.status })}`}
            testId="application-export"
          />
        )
      }
      overlays={
        <>
          <ApplicationDrawer
            id={openId}
            onClose={() => update({ open: undefined })}
            recordForm={isEnterprise ? recordForm : undefined}
          />
          {isEnterprise && <ApplicationFormModal recordForm={recordForm} />}
        </>
      }
    >
      <CountTabs
        testIdPrefix="application-tab"
        activeKey={values.status ?? 'all'}
        onChange={(key) => update({ status: key === 'all' ? undefined : key, page: 1 })}
        tabs={[
          { key: 'all', label: t('platforms.allStatuses'), count: list.data ? allCount : undefined },
          ...PLATFORM_APPLICATION_STATUSES.map((status) => ({
            key: status,
            label: applicationStatusLabel(status),
            count: list.data ? (counts[status] ?? 0) : undefined,
          })),
        ]}
      />
      <ListTable<PlatformApplicationSummary>
        data-testid="application-table"
        columns={columns}
        query={list}
        paging={{ page, pageSize, update }}
      />
    </ListPage>
  );
}
