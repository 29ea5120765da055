import {
  IP_KIND_LABELS,
  IP_KINDS,
  parseWanYuanToFen,
  type TechResult,
  type TechSuggestion,
  type TechSuggestions,
  TRANSACTION_MODE_LABELS,
  TRANSACTION_MODES,
  TRL_LABELS,
  techResultInputSchema,
  techResultWorkflow,
} from '@kechuang/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Form, Input, Select, Space, type TableProps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError, toQueryString } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { showSuccessMessage } from '../../app/feedback';
import { zodRule } from '../../app/form-rules';
import { HistoryTimeline } from '../../app/history-timeline';
import { textIn } from '../../app/i18n';
import { FormModal, useRecordForm } from '../../app/list-page/form-modal';
import { AddButton, ListPage } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { WorkflowActions } from '../../app/workflow-actions';
import {
  FieldSelect,
  fieldLabel,
  industryOptions,
  ListingStatusTag,
  MATCHING_LABELS,
  modeLabels,
  type Page,
  priceText,
  SuggestionList,
  splitKeywords,
} from './matching-shared';

const LIST_KEY = ['tech-results'] as const;
const shape = techResultInputSchema.shape;

interface ResultFormValues {
  title: string;
  institutionId?: number;
  field: string;
  industry?: string;
  description: string;
  trl: number;
  ipKind: string;
  ipNumber?: string;
  modes: string[];
  priceMinWan?: string;
  priceMaxWan?: string;
  keywordsText: string;
  contactName: string;
  contactPhone: string;
}

function toBody(values: ResultFormValues) {
  return {
    title: values.title,
    institutionId: values.institutionId ?? null,
    field: values.field,
    industry: values.industry ?? null,
    description: values.description,
    trl: values.trl,
    ipKind: values.ipKind,
    ipNumber: values.ipNumber || null,
    modes: values.modes,
    priceMinFen: values.priceMinWan ? parseWanYuanToFen(values.priceMinWan) : null,
    priceMaxFen: values.priceMaxWan ? parseWanYuanToFen(values.priceMaxWan) : null,
    keywords: splitKeywords(values.keywordsText),
    contactName: values.contactName,
    contactPhone: values.contactPhone,
  };
}

function toFormValues(record: TechResult | 'new'): Partial<ResultFormValues> {
  if (record === 'new') return { trl: 5, ipKind: 'invention-patent', modes: ['transfer'] };
  return {
    title: record.title,
    institutionId: record.institutionId ?? undefined,
    field: record.field,
    industry: record.industry ?? undefined,
    description: record.description,
    trl: record.trl,
    ipKind: record.ipKind,
    ipNumber: record.ipNumber ?? undefined,
    modes: record.modes,
    priceMinWan: record.priceMinFen === null ? undefined : String(record.priceMinFen / 1_000_000),
    priceMaxWan: record.priceMaxFen === null ? undefined : String(record.priceMaxFen / 1_000_000),
    keywordsText: record.keywords.join('、'),
    contactName: record.contactName ?? '',
    contactPhone: record.contactPhone ?? '',
  };
}

function ResultFormFields({ withInstitution }: { withInstitution: boolean }) {
  const { t } = useTranslation();
  const rule = (schema: Parameters<typeof zodRule>[0], name: string) =>
    zodRule(schema, name, undefined, MATCHING_LABELS);
  const institutions = useQuery({
    queryKey: ['tech-institutions', 'options'],
    queryFn: () =>
      api.get<Page<{ id: number; name: string }>>(
        '/api/tech-transfer/institutions?pageSize=200&sort=name&order=asc',
      ),
    enabled: withInstitution,
  });
  return (
    <>
      <Form.Item name="title" label={t('techMatching.resultTitle')} rules={[rule(shape.title, 'title')]}>
        <Input data-testid="result-title" />
      </Form.Item>
      {withInstitution && (
        <Form.Item
          name="institutionId"
          label={t('techMatching.institution')}
          rules={[{ required: true, message: `${t('techMatching.institution')}：必填` }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(institutions.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
            data-testid="result-institution"
          />
        </Form.Item>
      )}
      <Space style={{ display: 'flex' }} align="start">
        <Form.Item
          name="field"
          label={t('techMatching.field')}
          rules={[rule(shape.field, 'field')]}
          style={{ minWidth: 220 }}
        >
          <FieldSelect testId="result-field" />
        </Form.Item>
        <Form.Item name="industry" label={t('techMatching.industry')} style={{ minWidth: 180 }}>
          <Select allowClear options={industryOptions()} />
        </Form.Item>
        <Form.Item name="trl" label={t('techMatching.trl')} style={{ minWidth: 220 }}>
          <Select
            options={Object.entries(TRL_LABELS).map(([value, label]) => ({
              value: Number(value),
              label: textIn(label),
            }))}
          />
        </Form.Item>
      </Space>
      <Form.Item
        name="description"
        label={t('techMatching.description')}
        rules={[rule(shape.description, 'description')]}
      >
        <Input.TextArea rows={4} data-testid="result-description" />
      </Form.Item>
      <Form.Item
        name="keywordsText"
        label={t('techMatching.keywords')}
        extra={t('techMatching.keywordsHint')}
        rules={[
          zodRule(shape.keywords, 'keywords', (value) => splitKeywords(String(value)), MATCHING_LABELS),
        ]}
      >
        <Input data-testid="result-keywords" />
      </Form.Item>
      <Space style={{ display: 'flex' }} align="start">
        <Form.Item name="ipKind" label={t('techMatching.ipKind')} style={{ minWidth: 180 }}>
          <Select options={IP_KINDS.map((kind) => ({ value: kind, label: textIn(IP_KIND_LABELS[kind]) }))} />
        </Form.Item>
        <Form.Item name="ipNumber" label={t('techMatching.ipNumber')}>
          <Input />
        </Form.Item>
        <Form.Item
          name="modes"
          label={t('techMatching.modes')}
          rules={[rule(shape.modes, 'modes')]}
          style={{ minWidth: 260 }}
        >
          <Select
            mode="multiple"
            options={TRANSACTION_MODES.map((mode) => ({
              value: mode,
              label: textIn(TRANSACTION_MODE_LABELS[mode]),
            }))}
          />
        </Form.Item>
      </Space>
      <Space style={{ display: 'flex' }} align="start">
        <Form.Item name="priceMinWan" label={t('techMatching.priceMin')}>
          <Input />
        </Form.Item>
        <Form.Item name="priceMaxWan" label={t('techMatching.priceMax')}>
          <Input />
        </Form.Item>
        <Form.Item
          name="contactName"
          label={t('techMatching.contactName')}
          rules={[rule(shape.contactName, 'contactName')]}
        >
          <Input data-testid="result-contact-name" />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('techMatching.contactPhone')}
          rules={[rule(shape.contactPhone, 'contactPhone')]}
        >
          <Input data-testid="result-contact-phone" />
        </Form.Item>
      </Space>
    </>
  );
}

/** 转为对接: the bureau makes a 对接 record of a need and a result or an expert. */
export function useCreateMatching(onDone: () => void) {
  const { t } = useTranslation();
  return useMutation({
    mutationFn: (pair: { needId: number; resultId: number | null; expertId: number | null }) =>
      api.post('/api/tech-transfer/matchings', { ...pair, eventId: null, note: null }),
    onSuccess: () => {
      showSuccessMessage(t('common.done'));
      onDone();
    },
    onError: (error) => handleApiError(error, {}),
  });
}

function ResultDrawer(props: { resultId: number | null; onClose: () => void; canMatch: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const result = useQuery({
    queryKey: [...LIST_KEY, 'detail', props.resultId],
    queryFn: () => api.get<TechResult>(`/api/tech-transfer/results/${props.resultId}`),
    enabled: props.resultId !== null,
  });
  const suggestions = useQuery({
    queryKey: [...LIST_KEY, 'suggestions', props.resultId],
    queryFn: () => api.get<TechSuggestions>(`/api/tech-transfer/results/${props.resultId}/suggestions`),
    enabled: props.resultId !== null && result.data?.status === 'published',
  });
  const reload = () => void queryClient.invalidateQueries({ queryKey: LIST_KEY });
  const match = useCreateMatching(reload);
  const record = result.data;
  return (
    <Drawer
      open={props.resultId !== null}
      onClose={props.onClose}
      size={760}
      title={record?.title}
      data-testid="result-drawer"
    >
      {record && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('techMatching.status')}>
              <ListingStatusTag status={record.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('techMatching.holder')}>{record.holderName}</Descriptions.Item>
            <Descriptions.Item label={t('techMatching.field')}>{fieldLabel(record.field)}</Descriptions.Item>
            <Descriptions.Item label={t('techMatching.trl')}>
              {textIn(TRL_LABELS[record.trl])}
            </Descriptions.Item>
            <Descriptions.Item label={t('techMatching.modes')}>{modeLabels(record.modes)}</Descriptions.Item>
            <Descriptions.Item label={t('techMatching.price')}>
              {priceText(record.priceMinFen, record.priceMaxFen, t('techMatching.negotiable'))}
            </Descriptions.Item>
            <Descriptions.Item label={t('techMatching.description')} span={2}>
              {record.description}
            </Descriptions.Item>
            {record.rejectReason && (
              <Descriptions.Item label={t('techMatching.rejectReason')} span={2}>
                {record.rejectReason}
              </Descriptions.Item>
            )}
          </Descriptions>
          <WorkflowActions
            definition={techResultWorkflow}
            allowedActions={record.allowedActions}
            actionUrl={(action) => `/api/tech-transfer/results/${record.id}/actions/${action}`}
            version={record.version}
            onDone={reload}
            onConflict={reload}
            dangerStates={['rejected', 'closed']}
          />
          {suggestions.data && (
            <div>
              <Typography.Title level={5}>{t('techMatching.suggestedNeeds')}</Typography.Title>
              <SuggestionList
                items={suggestions.data.needs}
                testId="result-suggestions"
                onMatch={
                  props.canMatch
                    ? (item: TechSuggestion) =>
                        match.mutate({ needId: item.id, resultId: record.id, expertId: null })
                    : undefined
                }
              />
            </div>
          )}
          <HistoryTimeline history={record.history} />
        </Space>
      )}
    </Drawer>
  );
}

/**
 * 科技成果: the bureau posts results for institutions and moderates every result; an expert sees
 * and posts its own (`mine`).
 */
function ResultsList({ mine }: { mine: boolean }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const isStaff = user?.role === 'staff';
  const { values, page, pageSize, update } = useUrlFilters(['status', 'keyword'] as const);
  const [openId, setOpenId] = useState<number | null>(null);
  const listQuery = {
    scope: mine ? 'mine' : 'all',
    status: values.status,
    keyword: values.keyword,
    page,
    pageSize,
  };
  const list = useQuery({
    queryKey: [...LIST_KEY, listQuery],
    queryFn: () => api.get<Page<TechResult>>(`/api/tech-transfer/results${toQueryString(listQuery)}`),
    placeholderData: keepPreviousData,
  });
  const form = useRecordForm<TechResult, ResultFormValues>({
    url: '/api/tech-transfer/results',
    invalidateKey: LIST_KEY,
    toBody,
    toFormValues,
  });
  const canPost = isStaff || mine;
  const columns: TableProps<TechResult>['columns'] = [
    { title: t('techMatching.resultTitle'), dataIndex: 'title' },
    { title: t('techMatching.holder'), dataIndex: 'holderName', width: 200 },
    {
      title: t('techMatching.field'),
      dataIndex: 'field',
      width: 150,
      render: (value: string) => fieldLabel(value),
    },
    { title: t('techMatching.trl'), dataIndex: 'trl', width: 80, render: (value: number) => `TRL${value}` },
    {
      title: t('techMatching.status'),
      dataIndex: 'status',
      width: 100,
      render: (value: TechResult['status']) => <ListingStatusTag status={value} />,
    },
    {
      key: 'actions',
      width: 160,
      render: (_, row) => (
        <Space>
          <Button type="link" onClick={() => setOpenId(row.id)} data-testid={`result-open-${row.id}`}>
            {t('techMatching.detail')}
          </Button>
          {canPost &&
            (row.status === 'pending' || row.status === 'rejected') &&
            (isStaff ? row.institutionId !== null : true) && (
              <Button type="link" onClick={() => form.open(row)}>
                {t('common.edit')}
              </Button>
            )}
        </Space>
      ),
    },
  ];
  return (
    <ListPage
      filters={
        <Space wrap>
          <Select
            allowClear
            placeholder={t('techMatching.status')}
            value={values.status}
            style={{ width: 160 }}
            onChange={(status) => update({ status, page: 1 })}
            options={Object.entries(techResultWorkflow.states).map(([value, label]) => ({
              value,
              label: textIn(label),
            }))}
            data-testid="result-status-filter"
          />
          <Input.Search
            allowClear
            defaultValue={values.keyword}
            placeholder={t('techMatching.keywordPlaceholder')}
            onSearch={(keyword) => update({ keyword, page: 1 })}
            style={{ width: 280 }}
          />
        </Space>
      }
      title={mine ? t('techMatching.myResultsTitle') : t('techMatching.resultsTitle')}
      actions={
        canPost && (
          <AddButton
            label={t('techMatching.addResult')}
            onClick={() => form.open('new')}
            testId="result-add"
          />
        )
      }
      overlays={
        <>
          <FormModal
            recordForm={form}
            title={form.isNew ? t('techMatching.addResult') : t('techMatching.editResult')}
            okTestId="result-save"
            width={860}
          >
            <ResultFormFields withInstitution={isStaff} />
          </FormModal>
          <ResultDrawer resultId={openId} onClose={() => setOpenId(null)} canMatch={isStaff} />
        </>
      }
    >
      <ListTable<TechResult>
        query={list}
        columns={columns}
        paging={{ page, pageSize, update }}
        data-testid="result-table"
      />
    </ListPage>
  );
}

export function TechResultsPage() {
  return <ResultsList mine={false} />;
}

/** 我的成果: an expert's own results, posted for the bureau's review. */
export function MyTechResultsPage() {
  return <ResultsList mine />;
}
