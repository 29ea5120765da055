import {
  parseWanYuanToFen,
  type TechNeed,
  type TechSuggestions,
  techNeedInputSchema,
  techNeedWorkflow,
} from '@kechuang/domain';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  Radio,
  Select,
  Space,
  type TableProps,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toQueryString } from '../../app/api-client';
import { zodRule } from '../../app/form-rules';
import { HistoryTimeline } from '../../app/history-timeline';
import { FormModal, useRecordForm } from '../../app/list-page/form-modal';
import { AddButton, ListPage } from '../../app/list-page/list-page';
import { ListTable } from '../../app/list-page/list-table';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { fenToWanYuanText } from '../../app/wan-yuan';
import { WorkflowActions } from '../../app/workflow-actions';
import {
  FieldSelect,
  fieldLabel,
  industryOptions,
  ListingStatusTag,
  MATCHING_LABELS,
  type Page,
  SuggestionList,
  splitKeywords,
} from './matching-shared';

const LIST_KEY = ['tech-needs'] as const;

interface NeedFormValues {
  title: string;
  field: string;
  industry?: string;
  problem: string;
  budgetWan?: string;
  deadline: string;
  contactName: string;
  contactPhone: string;
  keywordsText: string;
  visibility: 'public' | 'matched';
}

const shape = techNeedInputSchema.shape;

export function toNeedBody(values: NeedFormValues) {
  return {
    title: values.title,
    field: values.field,
    industry: values.industry ?? null,
    problem: values.problem,
    budgetFen: values.budgetWan ? parseWanYuanToFen(values.budgetWan) : null,
    deadline: values.deadline,
    contactName: values.contactName,
    contactPhone: values.contactPhone,
    keywords: splitKeywords(values.keywordsText),
    visibility: values.visibility,
  };
}

/** The need's fields, shared by the enterprise's form. */
function NeedFormFields() {
  const { t } = useTranslation();
  const rule = (schema: Parameters<typeof zodRule>[0], name: string) =>
    zodRule(schema, name, undefined, MATCHING_LABELS);
  return (
    <>
      <Form.Item name="title" label={t('techMatching.needTitle')} rules={[rule(shape.title, 'title')]}>
        <Input data-testid="need-title" maxLength={100} />
      </Form.Item>
      <Space style={{ display: 'flex' }} align="start">
        <Form.Item
          name="field"
          label={t('techMatching.field')}
          rules={[rule(shape.field, 'field')]}
          style={{ minWidth: 240 }}
        >
          <FieldSelect testId="need-field" />
        </Form.Item>
        <Form.Item name="industry" label={t('techMatching.industry')} style={{ minWidth: 200 }}>
          <Select allowClear options={industryOptions()} data-testid="need-industry" />
        </Form.Item>
      </Space>
      <Form.Item name="problem" label={t('techMatching.problem')} rules={[rule(shape.problem, 'problem')]}>
        <Input.TextArea rows={4} data-testid="need-problem" maxLength={4000} />
      </Form.Item>
      <Form.Item
        name="keywordsText"
        label={t('techMatching.keywords')}
        extra={t('techMatching.keywordsHint')}
        rules={[
          zodRule(shape.keywords, 'keywords', (value) => splitKeywords(String(value)), MATCHING_LABELS),
        ]}
      >
        <Input data-testid="need-keywords" />
      </Form.Item>
      <Space style={{ display: 'flex' }} align="start">
        <Form.Item name="budgetWan" label={t('techMatching.budget')}>
          <Input data-testid="need-budget" />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t('techMatching.deadline')}
          rules={[rule(shape.deadline, 'deadline')]}
        >
          <Input placeholder="YYYY-MM-DD" data-testid="need-deadline" />
        </Form.Item>
      </Space>
      <Space style={{ display: 'flex' }} align="start">
        <Form.Item
          name="contactName"
          label={t('techMatching.contactName')}
          rules={[rule(shape.contactName, 'contactName')]}
        >
          <Input data-testid="need-contact-name" />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('techMatching.contactPhone')}
          rules={[rule(shape.contactPhone, 'contactPhone')]}
        >
          <Input data-testid="need-contact-phone" />
        </Form.Item>
      </Space>
      <Form.Item name="visibility" label={t('techMatching.visibility')}>
        <Radio.Group data-testid="need-visibility">
          <Radio value="public">{t('techMatching.visibilityPublic')}</Radio>
          <Radio value="matched">{t('techMatching.visibilityMatched')}</Radio>
        </Radio.Group>
      </Form.Item>
    </>
  );
}

/** A need with its lifecycle, history and the results suggested for it, with the reasons. */
export function NeedDrawer(props: {
  needId: number | null;
  onClose: () => void;
  /** The bureau's 转为对接 on a suggestion. */
  onMatch?: Parameters<typeof SuggestionList>[0]['onMatch'];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const need = useQuery({
    queryKey: [...LIST_KEY, 'detail', props.needId],
    queryFn: () => api.get<TechNeed>(`/api/tech-transfer/needs/${props.needId}`),
    enabled: props.needId !== null,
  });
  const suggestions = useQuery({
    queryKey: [...LIST_KEY, 'suggestions', props.needId],
    queryFn: () => api.get<TechSuggestions>(`/api/tech-transfer/needs/${props.needId}/suggestions`),
    enabled: props.needId !== null,
  });
  const reload = () => void queryClient.invalidateQueries({ queryKey: LIST_KEY });
  const record = need.data;
  return (
    <Drawer
      open={props.needId !== null}
      onClose={props.onClose}
      size="large"
      title={record?.title}
      data-testid="need-drawer"
    >
      {record && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('techMatching.status')}>
              <ListingStatusTag status={record.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('techMatching.field')}>{fieldLabel(record.field)}</Descriptions.Item>
            <Descriptions.Item label={t('techMatching.enterprise')}>
              {record.enterpriseName}
            </Descriptions.Item>
            <Descriptions.Item label={t('techMatching.deadline')}>{record.deadline}</Descriptions.Item>
            <Descriptions.Item label={t('techMatching.budget')}>
              {fenToWanYuanText(record.budgetFen)}
            </Descriptions.Item>
            <Descriptions.Item label={t('techMatching.keywords')}>
              {record.keywords.join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('techMatching.problem')} span={2}>
              {record.problem}
            </Descriptions.Item>
            {record.rejectReason && (
              <Descriptions.Item label={t('techMatching.rejectReason')} span={2}>
                {record.rejectReason}
              </Descriptions.Item>
            )}
          </Descriptions>
          <WorkflowActions
            definition={techNeedWorkflow}
            allowedActions={record.allowedActions}
            actionUrl={(action) => `/api/tech-transfer/needs/${record.id}/actions/${action}`}
            version={record.version}
            onDone={reload}
            onConflict={reload}
            dangerStates={['rejected', 'closed']}
          />
          <div>
            <Typography.Title level={5}>{t('techMatching.suggestedResults')}</Typography.Title>
            {suggestions.data && (
              <SuggestionList
                items={suggestions.data.results}
                testId="need-suggestions"
                onMatch={props.onMatch}
              />
            )}
          </div>
          {suggestions.data && suggestions.data.experts.length > 0 && (
            <div>
              <Typography.Title level={5}>{t('techMatching.suggestedExperts')}</Typography.Title>
              <SuggestionList
                items={suggestions.data.experts}
                testId="need-expert-suggestions"
                onMatch={props.onMatch}
              />
            </div>
          )}
          <div>
            <Typography.Title level={5}>{t('techMatching.history')}</Typography.Title>
            <HistoryTimeline history={record.history} />
          </div>
        </Space>
      )}
    </Drawer>
  );
}

/** 我的技术需求: post, correct and follow one's needs, and see the results suggested for each. */
export function MyTechNeedsPage() {
  const { t } = useTranslation();
  const { page, pageSize, update } = useUrlFilters([] as const);
  const [openId, setOpenId] = useState<number | null>(null);
  const listQuery = { scope: 'mine', page, pageSize };
  const list = useQuery({
    queryKey: [...LIST_KEY, 'mine', listQuery],
    queryFn: () => api.get<Page<TechNeed>>(`/api/tech-transfer/needs${toQueryString(listQuery)}`),
    placeholderData: keepPreviousData,
  });
  const form = useRecordForm<TechNeed, NeedFormValues, TechNeed>({
    url: '/api/tech-transfer/needs',
    invalidateKey: LIST_KEY,
    toBody: (values) => toNeedBody(values),
    toFormValues: (record) =>
      record === 'new'
        ? { visibility: 'public' }
        : {
            title: record.title,
            field: record.field,
            industry: record.industry ?? undefined,
            problem: record.problem,
            budgetWan: record.budgetFen === null ? undefined : String(record.budgetFen / 1_000_000),
            deadline: record.deadline,
            contactName: record.contactName ?? '',
            contactPhone: record.contactPhone ?? '',
            keywordsText: record.keywords.join('、'),
            visibility: record.visibility,
          },
    onSaved: (saved) => setOpenId(saved.id),
  });
  const columns: TableProps<TechNeed>['columns'] = [
    { title: t('techMatching.needTitle'), dataIndex: 'title' },
    {
      title: t('techMatching.field'),
      dataIndex: 'field',
      width: 160,
      render: (value: string) => fieldLabel(value),
    },
    { title: t('techMatching.deadline'), dataIndex: 'deadline', width: 120 },
    {
      title: t('techMatching.visibility'),
      dataIndex: 'visibility',
      width: 140,
      render: (value: string) =>
        value === 'public' ? t('techMatching.visibilityPublic') : t('techMatching.visibilityMatched'),
    },
    {
      title: t('techMatching.status'),
      dataIndex: 'status',
      width: 100,
      render: (value: TechNeed['status']) => <ListingStatusTag status={value} />,
    },
    {
      key: 'actions',
      width: 180,
      render: (_, row) => (
        <Space>
          <Button type="link" onClick={() => setOpenId(row.id)} data-testid={`need-open-${row.id}`}>
            {t('techMatching.suggestions')}
          </Button>
          {(row.status === 'pending' || row.status === 'rejected') && (
            <Button type="link" onClick={() => form.open(row)} data-testid={`need-edit-${row.id}`}>
              {t('common.edit')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <ListPage
      title={t('techMatching.myNeedsTitle')}
      actions={
        <AddButton label={t('techMatching.addNeed')} onClick={() => form.open('new')} testId="need-add" />
      }
      overlays={
        <>
          <FormModal
            recordForm={form}
            title={form.isNew ? t('techMatching.addNeed') : t('techMatching.editNeed')}
            okTestId="need-save"
            width={760}
          >
            <NeedFormFields />
          </FormModal>
          <NeedDrawer needId={openId} onClose={() => setOpenId(null)} />
        </>
      }
    >
      <ListTable<TechNeed>
        query={list}
        columns={columns}
        paging={{ page, pageSize, update }}
        data-testid="need-table"
      />
    </ListPage>
  );
}
