import { SafetyCertificateOutlined } from '@ant-design/icons';
import {
  type auditPageSchema,
  type auditVerifyResultSchema,
  ROLE_LABELS,
  type Role,
  translate,
} from '@kechuang/domain';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import { Alert, Button, Col, DatePicker, Form, Input, Row, Select, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, toQueryString } from '../../app/api-client';
import { currentLanguage } from '../../app/i18n';
import { ExportButton, ListPage } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { QueryBar } from '../../app/list-page/query-bar';
import { useUrlFilters } from '../../app/list-page/use-url-filters';

type AuditPage = ReturnType<typeof auditPageSchema.parse>;
type AuditEntry = AuditPage['items'][number];
type VerifyResult = ReturnType<typeof auditVerifyResultSchema.parse>;
type AuditResult = 'ok' | 'denied' | 'failed';

type AuditFilterValues = {
  event?: string;
  actor?: string;
  objectType?: string;
  objectId?: string;
  result?: AuditResult;
  range?: [Dayjs | null, Dayjs | null] | null;
};

const FILTER_KEYS = ['event', 'actor', 'objectType', 'objectId', 'result', 'from', 'to'] as const;

/** The URL keeps the range as `from` and `to`; the form edits it as one range picker. */
function toFilterForm(values: Record<string, string | undefined>): AuditFilterValues {
  const { from, to, ...rest } = values;
  return {
    ...rest,
    result: rest.result as AuditResult | undefined,
    range: from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null,
  };
}

const RESULT_COLORS: Record<string, string> = { ok: 'success', denied: 'warning', failed: 'error' };

function trimmed(value: string | undefined): string | undefined {
  return value?.trim() || undefined;
}

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <div>
      <Typography.Text strong>{title}</Typography.Text>
      <pre
        style={{
          background: '#fafafa',
          border: '1px solid #f0f0f0',
          padding: 8,
          margin: '4px 0 0',
          maxHeight: 320,
          overflow: 'auto',
          fontSize: 12,
        }}
      >
        {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

/** 审计日志: who did what, from where, with what result; the hash chain proves nothing was altered. */
export function AuditPage() {
  const { t } = useTranslation();
  const { values, page, pageSize, update } = useUrlFilters(FILTER_KEYS);
  const filters = values;
  const query = { ...filters, page, pageSize };
  const list = useQuery({
    queryKey: ['audit', query],
    queryFn: () => api.get<AuditPage>(`/api/audit${toQueryString(query)}`),
    placeholderData: keepPreviousData,
  });
  const verify = useMutation({ mutationFn: () => api.post<VerifyResult>('/api/audit/verify') });

  const resultLabels: Record<string, string> = {
    ok: t('audit.resultOk'),
    denied: t('audit.resultDenied'),
    failed: t('audit.resultFailed'),
  };

  const columns: TableProps<AuditEntry>['columns'] = [
    {
      title: t('audit.occurredAt'),
      dataIndex: 'occurredAt',
      key: 'occurredAt',
      width: 170,
      render: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      key: 'actorName',
      render: (value: string | null) => value ?? '—',
    },
    {
      title: t('audit.role'),
      dataIndex: 'actorRole',
      key: 'actorRole',
      render: (role: string | null) => {
        const label = role ? ROLE_LABELS[role as Role] : undefined;
        return label ? translate(label, currentLanguage()) : (role ?? '—');
      },
    },
    { title: t('audit.ip'), dataIndex: 'ip', key: 'ip', render: (value: string | null) => value ?? '—' },
    { title: t('audit.event'), dataIndex: 'event', key: 'event' },
    {
      title: t('audit.object'),
      key: 'object',
      render: (_value, row) =>
        row.objectType ? `${row.objectType}${row.objectId ? ` #${row.objectId}` : ''}` : '—',
    },
    {
      title: t('audit.result'),
      dataIndex: 'result',
      key: 'result',
      render: (value: string) => (
        <Tag color={RESULT_COLORS[value] ?? 'default'}>{resultLabels[value] ?? value}</Tag>
      ),
    },
    {
      title: t('audit.requestId'),
      dataIndex: 'requestId',
      key: 'requestId',
      render: (value: string | null) =>
        value ? (
          <Typography.Text copyable code>
            {value}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <ListPage
      filters={
        <QueryBar<AuditFilterValues>
          testId="audit-query"
          values={values}
          toFormValues={toFilterForm}
          onSearch={(input) =>
            update({
              event: trimmed(input.event),
              actor: trimmed(input.actor),
              objectType: trimmed(input.objectType),
              objectId: trimmed(input.objectId),
              result: input.result,
              from: input.range?.[0]?.format('YYYY-MM-DD'),
              to: input.range?.[1]?.format('YYYY-MM-DD'),
              page: 1,
            })
          }
          onReset={() =>
            update(Object.fromEntries([...FILTER_KEYS.map((key) => [key, undefined]), ['page', 1]]))
          }
        >
          <Col xs={24} md={8}>
            <Form.Item name="event" label={t('audit.event')}>
              <Input allowClear />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="actor" label={t('audit.actor')}>
              <Input allowClear />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="result" label={t('audit.result')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                options={(['ok', 'denied', 'failed'] as const).map((value) => ({
                  value,
                  label: resultLabels[value],
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="objectType" label={t('audit.objectType')}>
              <Input allowClear />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="objectId" label={t('audit.objectId')}>
              <Input allowClear />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="range" label={t('audit.range')}>
              <DatePicker.RangePicker
                format="YYYY-MM-DD"
                allowEmpty={[true, true]}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </QueryBar>
      }
      title={t('menu.audit')}
      actions={
        <>
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
            data-testid="audit-verify"
          >
            {t('audit.verify')}
          </Button>
          <ExportButton href={`/api/audit/export${toQueryString({ ...filters })}`} testId="audit-export" />
        </>
      }
    >
      {verify.data && (
        <Alert
          data-testid="audit-verify-result"
          style={{ marginBottom: 16 }}
          showIcon
          closable
          type={verify.data.isIntact ? 'success' : 'error'}
          title={
            verify.data.isIntact
              ? t('audit.intact', { checked: verify.data.checked, pending: verify.data.pending })
              : t('audit.broken', { id: verify.data.firstBrokenId ?? '—' })
          }
          description={verify.data.problem ?? undefined}
        />
      )}
      <ListTable<AuditEntry>
        data-testid="audit-table"
        size="small"
        columns={columns}
        query={list}
        paging={{ page, pageSize, update }}
        scroll={{ x: 1100 }}
        expandable={{
          rowExpandable: (row) => row.before !== null || row.after !== null,
          expandedRowRender: (row) => (
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <JsonBlock title={t('audit.before')} value={row.before} />
              </Col>
              <Col xs={24} md={12}>
                <JsonBlock title={t('audit.after')} value={row.after} />
              </Col>
            </Row>
          ),
        }}
      />
    </ListPage>
  );
}
