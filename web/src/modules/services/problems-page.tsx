import {
  categoryName,
  PROBLEM_TIMINGS,
  type ServiceProblem,
  serviceProblemWorkflow,
  translate,
} from '@kechuang/domain';
import type { TableProps } from 'antd';
import { Button, Card, Form, Input, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { toQueryString } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { currentLanguage } from '../../app/i18n';
import { ImportButton } from '../../app/import-button';
import { CountTabs } from '../../app/list-page/count-tabs';
import { ExportButton, ListPage } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { FilterCol, QueryBar } from '../../app/list-page/query-bar';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { ProblemDrawer } from './problem-drawer';
import { SERVICES_KEY, SERVICES_URL, TIMING_COLORS, useDepartments, useProblemList } from './use-services';

type Filters = { keyword?: string; departmentId?: number; status?: string };

/**
 * 问题台账: every ticket with its deadline, overdue and due-soon ones highlighted; the bureau filters
 * and exports it, an enterprise follows its own and rates the answers.
 */
export function ProblemLedgerPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const isEnterprise = user?.role === 'enterprise';
  // A department account follows the tickets of its own department and answers them.
  const isDepartment = user?.role === 'department';
  const departments = useDepartments(!isDepartment);
  const { values, page, pageSize, update } = useUrlFilters([
    'timing',
    'keyword',
    'departmentId',
    'status',
    'open',
  ] as const);
  const filters = {
    keyword: values.keyword,
    departmentId: values.departmentId,
    status: values.status,
    timing: values.timing,
  };
  const list = useProblemList({ ...filters, page, pageSize, sort: 'dueOn', order: 'asc' });

  const columns: TableProps<ServiceProblem>['columns'] = [
    { title: t('services.serial'), dataIndex: 'serial', width: 70 },
    ...(isEnterprise ? [] : [{ title: t('services.enterprise'), dataIndex: 'enterpriseName', width: 220 }]),
    {
      title: t('services.category'),
      dataIndex: 'category',
      width: 110,
      render: (code: string) => categoryName(code),
    },
    {
      title: t('services.description'),
      dataIndex: 'description',
      render: (text: string, row) => (
        <Button
          type="link"
          style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => update({ open: row.id })}
        >
          {text}
        </Button>
      ),
    },
    { title: t('services.department'), dataIndex: 'departmentName', width: 170 },
    { title: t('services.dueOn'), dataIndex: 'dueOn', width: 110 },
    {
      title: t('services.status'),
      dataIndex: 'status',
      width: 120,
      render: (status: ServiceProblem['status']) =>
        translate(serviceProblemWorkflow.states[status], currentLanguage()),
    },
    {
      title: t('services.timing'),
      dataIndex: 'timing',
      width: 100,
      render: (timing: ServiceProblem['timing']) => (
        <Tag color={TIMING_COLORS[timing]}>{t(`services.timings.${timing}`)}</Tag>
      ),
    },
  ];

  const table = (
    <>
      <CountTabs
        testIdPrefix="problem-tab"
        activeKey={values.timing ?? 'all'}
        onChange={(key) => update({ timing: key === 'all' ? undefined : key, page: 1 })}
        tabs={[
          { key: 'all', label: t('services.allTimings') },
          ...PROBLEM_TIMINGS.map((timing) => ({ key: timing, label: t(`services.timings.${timing}`) })),
        ]}
      />
      <ListTable<ServiceProblem>
        data-testid="problem-table"
        columns={columns}
        query={list}
        paging={{ page, pageSize, update }}
        emptyText={t('services.noProblems')}
        onRow={(row) => (row.timing === 'overdue' ? { style: { background: '#fff1f0' } } : {})}
      />
      <ProblemDrawer
        id={values.open ? Number(values.open) : null}
        onClose={() => update({ open: undefined })}
      />
    </>
  );
  if (isEnterprise) return <Card title={t('services.myProblemsTitle')}>{table}</Card>;
  if (isDepartment) return <Card title={t('services.departmentProblemsTitle')}>{table}</Card>;
  return (
    <ListPage
      title={t('services.problemsTitle')}
      filters={
        <QueryBar<Filters>
          testId="problem-query"
          values={filters}
          onSearch={(input) =>
            update({
              keyword: input.keyword?.trim() || undefined,
              departmentId: input.departmentId,
              status: input.status,
              page: 1,
            })
          }
          onReset={() => update({ keyword: undefined, departmentId: undefined, status: undefined, page: 1 })}
        >
          <FilterCol>
            <Form.Item name="keyword" label={t('services.enterprise')}>
              <Input allowClear placeholder={t('services.keywordProblem')} data-testid="problem-keyword" />
            </Form.Item>
          </FilterCol>
          <FilterCol>
            <Form.Item name="departmentId" label={t('services.department')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('common.all')}
                options={(departments.data?.items ?? []).map((item) => ({
                  value: item.id,
                  label: item.name,
                }))}
              />
            </Form.Item>
          </FilterCol>
          <FilterCol>
            <Form.Item name="status" label={t('services.status')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                options={Object.entries(serviceProblemWorkflow.states).map(([value, label]) => ({
                  value,
                  label: translate(label, currentLanguage()),
                }))}
              />
            </Form.Item>
          </FilterCol>
        </QueryBar>
      }
      actions={
        <>
          <ExportButton
            href={`${SERVICES_URL}/problems/export${toQueryString(filters)}`}
            testId="problem-export"
          />
          {user?.role === 'staff' && (
            <ImportButton
              kind="service-problem-ledger"
              title={t('services.importTitle')}
              invalidates={[[...SERVICES_KEY]]}
            />
          )}
        </>
      }
    >
      {table}
    </ListPage>
  );
}
