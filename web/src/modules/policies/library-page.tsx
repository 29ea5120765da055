import {
  POLICY_LEVELS,
  POLICY_STATUSES,
  POLICY_THEMES,
  type PolicySummary,
  policyWorkflow,
  translate,
} from '@kechuang/domain';
import type { TableProps } from 'antd';
import { Button, Form, Input, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth-context';
import { currentLanguage } from '../../app/i18n';
import { ImportButton } from '../../app/import-button';
import { CountTabs } from '../../app/list-page/count-tabs';
import { AddButton, ListPage } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { FilterCol, QueryBar } from '../../app/list-page/query-bar';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { PolicyDrawer } from './policy-drawer';
import { PolicyFormModal, usePolicyForm } from './policy-form';
import {
  levelLabel,
  POLICIES_KEY,
  themeLabel,
  usePolicyList,
  VALIDITY_COLORS,
  validityLabel,
} from './use-policies';

type Filters = { keyword?: string; level?: string; theme?: string };

/** 政策库 for the bureau: drafts and published documents, searched by a word of the text; staff enter and publish. */
export function LibraryPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const canEdit = user?.role === 'staff';
  const { values, page, pageSize, update } = useUrlFilters([
    'status',
    'keyword',
    'level',
    'theme',
    'open',
  ] as const);
  const filters = { keyword: values.keyword, level: values.level, theme: values.theme };
  const list = usePolicyList({ ...filters, status: values.status, page, pageSize });
  const openId = values.open ? Number(values.open) : null;
  const recordForm = usePolicyForm((policy) => update({ open: policy.id }));
  const counts = list.data?.statusCounts ?? {};
  const allCount = Object.values(counts).reduce((sum, count) => sum + count, 0);

  const columns: TableProps<PolicySummary>['columns'] = [
    {
      title: t('policies.title'),
      dataIndex: 'title',
      render: (title: string, row) => (
        <Button
          type="link"
          style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => update({ open: row.id })}
        >
          {title}
        </Button>
      ),
    },
    { title: t('policies.documentNo'), dataIndex: 'documentNo', width: 170 },
    { title: t('policies.issuer'), dataIndex: 'issuer', width: 180 },
    { title: t('policies.level'), dataIndex: 'level', width: 70, render: levelLabel },
    { title: t('policies.theme'), dataIndex: 'theme', width: 100, render: themeLabel },
    { title: t('policies.publishedOn'), dataIndex: 'publishedOn', width: 110 },
    { title: t('policies.itemCount'), dataIndex: 'itemCount', width: 70 },
    {
      title: t('policies.validity'),
      dataIndex: 'validity',
      width: 90,
      render: (validity: PolicySummary['validity']) => (
        <Tag color={VALIDITY_COLORS[validity]}>{validityLabel(validity)}</Tag>
      ),
    },
  ];

  return (
    <ListPage
      filters={
        <QueryBar<Filters>
          testId="policy-query"
          values={filters}
          onSearch={(input) =>
            update({
              keyword: input.keyword?.trim() || undefined,
              level: input.level || undefined,
              theme: input.theme || undefined,
              page: 1,
            })
          }
          onReset={() => update({ keyword: undefined, level: undefined, theme: undefined, page: 1 })}
        >
          <FilterCol>
            <Form.Item name="keyword" label={t('common.keyword')}>
              <Input allowClear placeholder={t('policies.keywordPlaceholder')} data-testid="policy-keyword" />
            </Form.Item>
          </FilterCol>
          <FilterCol>
            <Form.Item name="level" label={t('policies.level')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                options={POLICY_LEVELS.map((level) => ({ value: level, label: levelLabel(level) }))}
              />
            </Form.Item>
          </FilterCol>
          <FilterCol>
            <Form.Item name="theme" label={t('policies.theme')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                options={POLICY_THEMES.map((theme) => ({ value: theme, label: themeLabel(theme) }))}
              />
            </Form.Item>
          </FilterCol>
        </QueryBar>
      }
      title={t('policies.libraryTitle')}
      actions={
        canEdit && (
          <>
            <ImportButton
              kind="policy-library"
              title={t('policies.importTitle')}
              invalidates={[[...POLICIES_KEY]]}
            />
            <AddButton label={t('policies.add')} onClick={() => recordForm.open('new')} testId="policy-add" />
          </>
        )
      }
      overlays={
        <>
          <PolicyDrawer
            id={openId}
            onClose={() => update({ open: undefined })}
            recordForm={canEdit ? recordForm : undefined}
          />
          {canEdit && <PolicyFormModal recordForm={recordForm} />}
        </>
      }
    >
      <CountTabs
        testIdPrefix="policy-tab"
        activeKey={values.status ?? 'all'}
        onChange={(key) => update({ status: key === 'all' ? undefined : key, page: 1 })}
        tabs={[
          { key: 'all', label: t('policies.allStatuses'), count: list.data ? allCount : undefined },
          ...POLICY_STATUSES.map((status) => ({
            key: status,
            label: translate(policyWorkflow.states[status], currentLanguage()),
            count: list.data ? (counts[status] ?? 0) : undefined,
          })),
        ]}
      />
      <ListTable<PolicySummary>
        data-testid="policy-table"
        columns={columns}
        query={list}
        paging={{ page, pageSize, update }}
        scroll={{ x: 1100 }}
      />
    </ListPage>
  );
}
