import {
  type EvaluationRound,
  PLATFORM_EVALUATION_STATUSES,
  type PlatformEvaluation,
} from '@kechuang/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import { Button, Form, Input, InputNumber, Modal, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError, toQueryString } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { CountTabs } from '../../app/list-page/count-tabs';
import { AddButton, ExportButton, ListPage } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { FilterCol, QueryBar } from '../../app/list-page/query-bar';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { EvaluationDrawer } from './evaluation-drawer';
import {
  EVALUATIONS_KEY,
  EVALUATIONS_URL,
  evaluationStatusLabel,
  ROUNDS_URL,
  useEvaluationList,
  useRounds,
} from './use-evaluations';
import { levelLabel, usePlatformTypes } from './use-platforms';

type Filters = { keyword?: string; roundId?: number };

/** 开启评价: a round for one type and year; every platform of the type then in force is listed in it. */
function OpenRoundModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const types = usePlatformTypes();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ typeId: number; year: number }>();
  const save = useMutation({
    mutationFn: (values: { typeId: number; year: number }) => api.post<EvaluationRound>(ROUNDS_URL, values),
    onSuccess: () => {
      showSuccessMessage(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: EVALUATIONS_KEY });
      onClose();
    },
    onError: (error) => handleApiError(error, { form }),
  });
  return (
    <Modal
      open={open}
      title={t('platforms.openRound')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending, ...{ 'data-testid': 'round-save' } }}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        <Form.Item
          name="typeId"
          label={t('platforms.type')}
          rules={[{ required: true, message: t('platforms.required') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="round-type"
            options={(types.data?.items ?? []).map((type) => ({ value: type.id, label: type.name }))}
          />
        </Form.Item>
        <Form.Item
          name="year"
          label={t('platforms.evaluationYear')}
          rules={[{ required: true, message: t('platforms.required') }]}
        >
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} data-testid="round-year" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 年度绩效评价: for the bureau, the rounds by type and year with each platform's report, grade and the
 * consequence the rule sets; for an enterprise, the evaluations of the platforms it hosts.
 */
export function EvaluationsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const isBureau = user?.role === 'staff' || user?.role === 'leader';
  const rounds = useRounds(isBureau);
  const [isOpening, setOpening] = useState(false);
  const { values, page, pageSize, update } = useUrlFilters([
    'status',
    'keyword',
    'roundId',
    'pendingConsequence',
    'open',
  ] as const);
  const filters = {
    keyword: values.keyword,
    roundId: values.roundId,
    pendingConsequence: values.pendingConsequence,
  };
  const list = useEvaluationList({ ...filters, status: values.status, page, pageSize });
  const counts = list.data?.statusCounts ?? {};
  const allCount = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const columns: TableProps<PlatformEvaluation>['columns'] = [
    { title: t('platforms.evaluationYear'), dataIndex: 'year', width: 90 },
    {
      title: t('platforms.name'),
      dataIndex: 'platformName',
      render: (name: string, row) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => update({ open: row.id })}>
          {name}
        </Button>
      ),
    },
    { title: t('platforms.type'), dataIndex: 'typeName', width: 130 },
    {
      title: t('platforms.level'),
      dataIndex: 'level',
      width: 80,
      render: (level: PlatformEvaluation['level']) => levelLabel(level),
    },
    { title: t('platforms.hosts'), dataIndex: 'hostNames' },
    {
      title: t('platforms.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: PlatformEvaluation['status']) => <Tag>{evaluationStatusLabel(status)}</Tag>,
    },
    { title: t('platforms.score'), dataIndex: 'score', width: 70 },
    {
      title: t('platforms.grade'),
      dataIndex: 'gradeLabel',
      width: 90,
      render: (label: string | null, row) =>
        label && <Tag color={row.consequence === 'none' ? 'green' : 'red'}>{label}</Tag>,
    },
  ];
  return (
    <ListPage
      filters={
        <QueryBar<Filters>
          testId="evaluation-query"
          values={filters}
          onSearch={(input) =>
            update({
              keyword: input.keyword?.trim() || undefined,
              roundId: input.roundId || undefined,
              page: 1,
            })
          }
          onReset={() =>
            update({ keyword: undefined, roundId: undefined, pendingConsequence: undefined, page: 1 })
          }
        >
          <FilterCol>
            <Form.Item name="keyword" label={t('common.keyword')}>
              <Input allowClear placeholder={t('platforms.name')} data-testid="evaluation-keyword" />
            </Form.Item>
          </FilterCol>
          {isBureau && (
            <FilterCol>
              <Form.Item name="roundId" label={t('platforms.round')}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('common.all')}
                  data-testid="evaluation-round"
                  options={(rounds.data?.items ?? []).map((round) => ({
                    value: round.id,
                    label: `${round.year}${t('platforms.yearSuffix')}${round.typeName}（${round.graded}/${round.total}）`,
                  }))}
                />
              </Form.Item>
            </FilterCol>
          )}
        </QueryBar>
      }
      title={t('platforms.evaluationsTitle')}
      actions={
        isBureau && (
          <>
            <Button
              onClick={() =>
                update({ pendingConsequence: values.pendingConsequence ? undefined : 'true', page: 1 })
              }
              type={values.pendingConsequence ? 'primary' : 'default'}
              data-testid="evaluation-pending-consequence"
            >
              {t('platforms.pendingConsequence')}
            </Button>
            <ExportButton
              href={`${EVALUATIONS_URL}/export${toQueryString({ ...filters, status: values.status })}`}
              testId="evaluation-export"
            />
            {user?.role === 'staff' && (
              <AddButton
                label={t('platforms.openRound')}
                onClick={() => setOpening(true)}
                testId="round-add"
              />
            )}
          </>
        )
      }
      overlays={
        <>
          <EvaluationDrawer
            id={values.open ? Number(values.open) : null}
            onClose={() => update({ open: undefined })}
          />
          {isBureau && <OpenRoundModal open={isOpening} onClose={() => setOpening(false)} />}
        </>
      }
    >
      <CountTabs
        testIdPrefix="evaluation-tab"
        activeKey={values.status ?? 'all'}
        onChange={(key) => update({ status: key === 'all' ? undefined : key, page: 1 })}
        tabs={[
          { key: 'all', label: t('platforms.allStatuses'), count: list.data ? allCount : undefined },
          ...PLATFORM_EVALUATION_STATUSES.map((status) => ({
            key: status,
            label: evaluationStatusLabel(status),
            count: list.data ? (counts[status] ?? 0) : undefined,
          })),
        ]}
      />
      <ListTable<PlatformEvaluation>
        data-testid="evaluation-table"
        columns={columns}
        query={list}
        paging={{ page, pageSize, update }}
      />
    </ListPage>
  );
}
