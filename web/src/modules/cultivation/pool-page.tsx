import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  CULTIVATION_POOL_FIELD_LABELS,
  CULTIVATION_POOL_STATUSES,
  type CultivationPoolDetail,
  type CultivationPoolEntry,
  type CultivationPoolStatus,
  cultivationPoolProposalSchema,
  cultivationPoolWorkflow,
  type PoolPrecheck,
} from '@kechuang/domain';
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, handleApiError, toQueryString } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { zodRule } from '../../app/form-rules';
import { listPagination } from '../../app/list-pagination';
import { WorkflowActions } from '../../app/workflow-actions';
import { HistoryTimeline } from '../enterprises/history-timeline';
import {
  CountLabel,
  EnterprisePicker,
  FilterCol,
  QueryBar,
  textIn,
  useUrlFilters,
  yearOptions,
} from './registers-shared';

interface Page<T> {
  items: T[];
  total: number;
}
interface ProposalValues {
  enterpriseId: number;
  year: number;
  reason: string;
}

const LIST_KEY = ['cultivation-pool'] as const;
const STATUS_COLORS: Record<CultivationPoolStatus, string> = {
  proposed: 'blue',
  admitted: 'green',
  rejected: 'red',
  exited: 'default',
};
const LEVEL_COLORS = { qualified: 'green', close: 'orange', far: 'red' } as const;

function isStatus(value: string | undefined): value is CultivationPoolStatus {
  return value !== undefined && (CULTIVATION_POOL_STATUSES as readonly string[]).includes(value);
}

export function PoolStatusTag({ status }: { status: CultivationPoolStatus }) {
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={`pool-status-${status}`}>
      {textIn(cultivationPoolWorkflow.states[status])}
    </Tag>
  );
}

/** The 高企 rule pre-check behind an admission: the level and, for each condition missed, by how much. */
function PrecheckView({ precheck }: { precheck: PoolPrecheck }) {
  const { t } = useTranslation();
  if (precheck.level === null || precheck.figureYears.length === 0)
    return <Alert type="warning" showIcon title={t('registers.noFigures')} />;
  const list = (items: PoolPrecheck['missing'], testId: string) =>
    items.length === 0 ? (
      <Typography.Text type="secondary">{t('registers.noneMissing')}</Typography.Text>
    ) : (
      <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid={testId}>
        {items.map((item) => (
          <li key={item.zh}>{textIn(item)}</li>
        ))}
      </ul>
    );
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="pool-precheck">
      <Space>
        <Tag color={LEVEL_COLORS[precheck.level]} data-testid={`pool-level-${precheck.level}`}>
          {t(`registers.level.${precheck.level}`)}
        </Tag>
        <Typography.Text type="secondary">
          {t('registers.precheckAsOf', { date: precheck.asOf, years: precheck.figureYears.join('、') })}
        </Typography.Text>
      </Space>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('registers.missing')}>
          {list(precheck.missing, 'pool-missing')}
        </Descriptions.Item>
        <Descriptions.Item label={t('registers.toConfirm')}>
          {list(precheck.toConfirm, 'pool-confirm')}
        </Descriptions.Item>
        <Descriptions.Item label={t('registers.measures')}>
          {list(precheck.measures, 'pool-measures')}
        </Descriptions.Item>
      </Descriptions>
    </Space>
  );
}

function PoolDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const detail = useQuery({
    queryKey: [...LIST_KEY, 'detail', id],
    queryFn: () => api.get<CultivationPoolDetail>(`/api/cultivation/pool/${id}`),
    enabled: id !== null,
  });
  const entry = detail.data?.entry;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={720}
      title={entry ? `${t('registers.poolDetail')}：${entry.enterpriseName}` : t('registers.poolDetail')}
      extra={
        detail.data && (
          <WorkflowActions<CultivationPoolDetail>
            definition={cultivationPoolWorkflow}
            allowedActions={detail.data.allowedActions}
            actionUrl={(action) => `/api/cultivation/pool/${id}/actions/${action}`}
            version={detail.data.entry.version}
            dangerStates={['rejected', 'exited']}
            onDone={(result) => {
              queryClient.setQueryData([...LIST_KEY, 'detail', id], result);
              void queryClient.invalidateQueries({ queryKey: LIST_KEY });
            }}
            onConflict={() => void detail.refetch()}
          />
        )
      }
    >
      <div data-testid="pool-drawer">
        {detail.isPending || !detail.data || !entry ? (
          <Spin />
        ) : (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Descriptions column={2} size="small" bordered>
              <Descriptions.Item label={t('registers.enterprise')} span={2}>
                <Link to={`/bureau/enterprises/${entry.enterpriseId}`}>{entry.enterpriseName}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('enterprise.creditCode')}>{entry.creditCode}</Descriptions.Item>
              <Descriptions.Item label={t('registers.year')}>{entry.year}</Descriptions.Item>
              <Descriptions.Item label={t('common.status')}>
                <PoolStatusTag status={entry.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t('registers.decidedAt')}>
                {entry.decidedAt ? dayjs(entry.decidedAt).format('YYYY-MM-DD HH:mm') : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('registers.reason')} span={2}>
                {entry.reason}
              </Descriptions.Item>
              <Descriptions.Item label={t('registers.decisionOpinion')} span={2}>
                {entry.decisionOpinion ?? '—'}
              </Descriptions.Item>
            </Descriptions>
            <div>
              <Typography.Title level={5}>{t('registers.precheck')}</Typography.Title>
              <PrecheckView precheck={detail.data.precheck} />
            </div>
            <div>
              <Typography.Title level={5}>{t('registers.history')}</Typography.Title>
              <HistoryTimeline history={detail.data.history} />
            </div>
          </Space>
        )}
      </div>
    </Drawer>
  );
}

/** 高企培育库: proposals, admissions after the rule pre-check, and exits. */
export function PoolPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const canEdit = user?.role === 'staff';
  const queryClient = useQueryClient();
  const { values, page, pageSize, update } = useUrlFilters(['status', 'year', 'keyword', 'open'] as const);
  const [isProposing, setIsProposing] = useState(false);
  const [form] = Form.useForm<ProposalValues>();

  const status = isStatus(values.status) ? values.status : undefined;
  const filters = { year: values.year, keyword: values.keyword };
  const listQuery = { ...filters, status, page, pageSize };
  const list = useQuery({
    queryKey: [...LIST_KEY, 'list', listQuery],
    queryFn: () => api.get<Page<CultivationPoolEntry>>(`/api/cultivation/pool${toQueryString(listQuery)}`),
    placeholderData: keepPreviousData,
  });
  const tabKeys = ['all', ...CULTIVATION_POOL_STATUSES] as const;
  const counts = useQueries({
    queries: tabKeys.map((key) => ({
      queryKey: [...LIST_KEY, 'count', key, filters],
      queryFn: () =>
        api.get<Page<CultivationPoolEntry>>(
          `/api/cultivation/pool${toQueryString({ ...filters, status: key === 'all' ? undefined : key, pageSize: 1 })}`,
        ),
    })),
  });

  const propose = useMutation({
    mutationFn: (input: ProposalValues) =>
      api.post<CultivationPoolDetail>('/api/cultivation/pool', { ...input, reason: input.reason.trim() }),
    onSuccess: (result) => {
      showSuccessMessage(t('common.done'));
      setIsProposing(false);
      void queryClient.invalidateQueries({ queryKey: LIST_KEY });
      update({ open: result.entry.id });
    },
    onError: (error) => handleApiError(error, { form }),
  });

  const columns: TableProps<CultivationPoolEntry>['columns'] = [
    {
      title: t('registers.enterprise'),
      dataIndex: 'enterpriseName',
      render: (name: string, row) => (
        <Typography.Link onClick={() => update({ open: row.id })} data-testid={`pool-open-${row.id}`}>
          {name}
        </Typography.Link>
      ),
    },
    { title: t('enterprise.creditCode'), dataIndex: 'creditCode', width: 200 },
    { title: t('registers.year'), dataIndex: 'year', width: 90 },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 110,
      render: (value: CultivationPoolStatus) => <PoolStatusTag status={value} />,
    },
    { title: t('registers.reason'), dataIndex: 'reason', ellipsis: true },
    {
      title: t('registers.updatedAt'),
      dataIndex: 'updatedAt',
      width: 120,
      render: (value: string) => dayjs(value).format('YYYY-MM-DD'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_value, row) => (
        <Button type="link" size="small" onClick={() => update({ open: row.id })}>
          {t('common.view')}
        </Button>
      ),
    },
  ];

  const tabLabel = (key: (typeof tabKeys)[number]) =>
    key === 'all' ? t('common.all') : textIn(cultivationPoolWorkflow.states[key]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <QueryBar<{ keyword?: string; year?: number }>
          testId="pool-query"
          values={filters}
          onSearch={(input) =>
            update({ keyword: input.keyword?.trim() || undefined, year: input.year || undefined, page: 1 })
          }
          onReset={() => update({ keyword: undefined, year: undefined, page: 1 })}
        >
          <FilterCol>
            <Form.Item name="keyword" label={t('common.keyword')}>
              <Input allowClear placeholder={t('registers.keywordPlaceholder')} />
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
        title={t('registers.poolTitle')}
        extra={
          <Space>
            <Button
              icon={<DownloadOutlined />}
              href={`/api/cultivation/pool/export${toQueryString({ ...filters, status })}`}
              data-testid="pool-propose-export"
            >
              {t('common.export')}
            </Button>
            {canEdit && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                data-testid="pool-propose"
                onClick={() => {
                  form.resetFields();
                  form.setFieldsValue({ year: new Date().getFullYear() });
                  setIsProposing(true);
                }}
              >
                {t('registers.propose')}
              </Button>
            )}
          </Space>
        }
      >
        <Tabs
          activeKey={status ?? 'all'}
          onChange={(key) => update({ status: key === 'all' ? undefined : key, page: 1 })}
          items={tabKeys.map((key, index) => ({
            key,
            label: (
              <CountLabel
                label={tabLabel(key)}
                count={counts[index]?.data?.total}
                testId={`pool-tab-${key}`}
              />
            ),
          }))}
        />
        <Table<CultivationPoolEntry>
          rowKey="id"
          data-testid="pool-table"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          locale={{ emptyText: <Empty description={t('common.empty')} /> }}
          {...listPagination(t, { page, pageSize, total: list.data?.total }, update)}
        />
      </Card>
      <PoolDrawer id={Number(values.open) || null} onClose={() => update({ open: undefined })} />
      <Modal
        open={isProposing}
        title={t('registers.propose')}
        okText={t('common.submit')}
        cancelText={t('common.cancel')}
        onCancel={() => setIsProposing(false)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: propose.isPending, 'data-testid': 'pool-propose-submit' }}
        forceRender
      >
        <Form<ProposalValues> form={form} layout="vertical" onFinish={(input) => propose.mutate(input)}>
          <Form.Item
            name="enterpriseId"
            label={t('registers.enterprise')}
            rules={[{ required: true, message: t('registers.enterpriseRequired') }]}
          >
            <EnterprisePicker data-testid="pool-enterprise" />
          </Form.Item>
          <Form.Item
            name="year"
            label={t('registers.year')}
            rules={[
              zodRule(
                cultivationPoolProposalSchema.shape.year,
                'year',
                undefined,
                CULTIVATION_POOL_FIELD_LABELS,
              ),
            ]}
          >
            <Select options={yearOptions()} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('registers.reason')}
            rules={[
              { required: true, whitespace: true, message: t('registers.reasonRequired') },
              zodRule(
                cultivationPoolProposalSchema.shape.reason,
                'reason',
                undefined,
                CULTIVATION_POOL_FIELD_LABELS,
              ),
            ]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount data-testid="pool-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
