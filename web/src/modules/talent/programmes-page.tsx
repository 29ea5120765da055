import { type ProgrammeRecord, TALENT_PROGRAMME_STATUSES, talentProgrammeWorkflow } from '@kechuang/domain';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import { Button, Form, InputNumber, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, toQueryString } from '../../app/api-client';
import { ExportButton, ListPage } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { FilterCol, QueryBar } from '../../app/list-page/query-bar';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { fenToWanYuanText } from '../../app/wan-yuan';
import { WorkflowActions } from '../../app/workflow-actions';
import { TalentDrawer } from './talent-drawer';
import {
  levelLabel,
  PROGRAMME_STATUS_COLORS,
  programmeStatusLabel,
  TALENT_KEY,
  TALENT_URL,
  useTalentProgrammes,
} from './use-talent';

type Filters = { programmeId?: number; year?: number; status?: string };
const RECORDS_URL = `${TALENT_URL}/programme-records`;

/** 人才计划推荐及入选: every nomination (区级领军人才项目, and those put forward to the city and province) with its outcome. */
export function TalentProgrammesPage() {
  const { t } = useTranslation();
  const programmes = useTalentProgrammes();
  const queryClient = useQueryClient();
  const { values, page, pageSize, update } = useUrlFilters([
    'programmeId',
    'year',
    'status',
    'open',
  ] as const);
  const filters = { programmeId: values.programmeId, year: values.year, status: values.status };
  const list = useQuery({
    queryKey: [...TALENT_KEY, 'programme-records', filters, page, pageSize],
    queryFn: () =>
      api.get<{ items: ProgrammeRecord[]; total: number; page: number; pageSize: number }>(
        `${RECORDS_URL}${toQueryString({ ...filters, page, pageSize })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const reload = () => void queryClient.invalidateQueries({ queryKey: TALENT_KEY });
  const columns: TableProps<ProgrammeRecord>['columns'] = [
    { title: t('talent.year'), dataIndex: 'year', width: 70 },
    { title: t('talent.programme'), dataIndex: 'programmeName', width: 180 },
    { title: t('talent.programmeLevel'), dataIndex: 'programmeLevel', width: 80, render: levelLabel },
    {
      title: t('talent.name'),
      dataIndex: 'talentName',
      width: 140,
      render: (name: string, row) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => update({ open: row.talentId })}>
          {name}
        </Button>
      ),
    },
    { title: t('talent.employer'), dataIndex: 'employerName' },
    { title: t('talent.platform'), dataIndex: 'platformName' },
    { title: t('talent.project'), dataIndex: 'projectTitle' },
    { title: t('talent.nominatedOn'), dataIndex: 'nominatedOn', width: 110 },
    {
      title: t('talent.fundingWan'),
      dataIndex: 'fundingFen',
      width: 110,
      render: (fen: number | null) => fenToWanYuanText(fen),
    },
    {
      title: t('talent.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: ProgrammeRecord['status']) => (
        <Tag color={PROGRAMME_STATUS_COLORS[status]}>{programmeStatusLabel(status)}</Tag>
      ),
    },
    {
      key: 'actions',
      width: 200,
      render: (_value, row) => (
        <WorkflowActions
          definition={talentProgrammeWorkflow}
          allowedActions={row.allowedActions}
          actionUrl={(action) => `${RECORDS_URL}/${row.id}/actions/${action}`}
          version={row.version}
          onDone={reload}
          onConflict={reload}
        />
      ),
    },
  ];
  const cleared = { programmeId: undefined, year: undefined, status: undefined, page: 1 };
  return (
    <ListPage
      title={t('talent.programmesTitle')}
      filters={
        <QueryBar<Filters>
          testId="talent-programme-query"
          values={filters}
          onSearch={(input) => update({ ...cleared, ...input, page: 1 })}
          onReset={() => update(cleared)}
        >
          <FilterCol>
            <Form.Item name="programmeId" label={t('talent.programme')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('common.all')}
                options={(programmes.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
              />
            </Form.Item>
          </FilterCol>
          <FilterCol>
            <Form.Item name="year" label={t('talent.year')}>
              <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </FilterCol>
          <FilterCol>
            <Form.Item name="status" label={t('talent.status')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                options={TALENT_PROGRAMME_STATUSES.map((value) => ({
                  value,
                  label: programmeStatusLabel(value),
                }))}
              />
            </Form.Item>
          </FilterCol>
        </QueryBar>
      }
      actions={
        <ExportButton
          href={`${RECORDS_URL}/export${toQueryString(filters)}`}
          testId="talent-programme-export"
        />
      }
      overlays={
        <TalentDrawer
          id={values.open ? Number(values.open) : null}
          onClose={() => update({ open: undefined })}
        />
      }
    >
      <ListTable<ProgrammeRecord>
        data-testid="talent-programme-table"
        columns={columns}
        query={list}
        paging={{ page, pageSize, update }}
        scroll={{ x: 1400 }}
      />
    </ListPage>
  );
}
