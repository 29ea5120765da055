import { DownloadOutlined } from '@ant-design/icons';
import type { Text } from '@kechuang/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import { Badge, Button, Card, Col, Input, Radio, Row, Select, Space, Table, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, toQueryString } from '../../app/api-client';
import { useAuth } from '../../app/auth-context';
import { entryLabel, entryOptions, useDictionaries } from '../../app/dictionaries';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { ImportButton } from '../imports/import-modal';
import { LEVEL_KEYS, LevelTag, TextList } from './rule-display';
import { CLASSIFICATION_LEVELS, type ClassificationLevel } from './use-cultivation';

type SurveyTarget = 'highTech' | 'techSme';

interface SurveyRow {
  enterpriseId: number;
  creditCode: string;
  name: string;
  street: string | null;
  industry: string | null;
  techSmeLevel: ClassificationLevel;
  highTechLevel: ClassificationLevel;
  techSmeMissing: Text[];
  highTechMissing: Text[];
  measures: Text[];
}

interface SurveyPage {
  items: SurveyRow[];
  total: number;
  page: number;
  pageSize: number;
  totals: Record<ClassificationLevel, number>;
}

function isLevel(value: string | null): value is ClassificationLevel {
  return value !== null && (CLASSIFICATION_LEVELS as readonly string[]).includes(value);
}

const SURVEY_KEYS = ['target', 'level', 'street', 'industry', 'keyword'] as const;

/** The survey's filters live in the URL, so back, refresh and shared links keep them. */
function useSurveyState() {
  const { values, page, pageSize, update: updateUrl } = useUrlFilters(SURVEY_KEYS);
  const level = values.level ?? null;
  const state = {
    target: (values.target === 'techSme' ? 'techSme' : 'highTech') as SurveyTarget,
    level: isLevel(level) ? level : undefined,
    street: values.street,
    industry: values.industry,
    keyword: values.keyword,
    page,
    pageSize,
  };
  // The whole state goes back into the URL, so the target is always named there.
  const update = (changes: Partial<typeof state>) => updateUrl({ ...state, ...changes });
  return { state, update };
}

/** 摸底调查: every enterprise with figures, classified against 高企 or 科技型中小企业, with what to do. */
export function SurveyPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const dictionaries = useDictionaries();
  const { state, update } = useSurveyState();
  const filters = {
    target: state.target,
    level: state.level,
    street: state.street,
    industry: state.industry,
    keyword: state.keyword,
  };
  const listQuery = { ...filters, page: state.page, pageSize: state.pageSize };
  const list = useQuery({
    queryKey: ['survey', listQuery],
    queryFn: () => api.get<SurveyPage>(`/api/cultivation/survey${toQueryString(listQuery)}`),
    placeholderData: keepPreviousData,
  });
  const exportHref = `/api/cultivation/survey/export${toQueryString(filters)}`;
  const totals = list.data?.totals;
  const allCount = totals ? totals.qualified + totals.close + totals.far : undefined;

  const missingOf = (row: SurveyRow) =>
    state.target === 'techSme' ? row.techSmeMissing : row.highTechMissing;
  const columns: TableProps<SurveyRow>['columns'] = [
    {
      title: t('cultivation.enterprise'),
      key: 'name',
      width: 260,
      render: (_v, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/bureau/enterprises/${row.enterpriseId}/checkup`}>{row.name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.creditCode}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('enterprise.street'),
      key: 'street',
      width: 110,
      render: (_v, row) => row.street || '—',
    },
    {
      title: t('enterprise.industry'),
      key: 'industry',
      width: 130,
      render: (_v, row) => entryLabel(dictionaries.data?.industries, row.industry) || '—',
    },
    {
      title: t('cultivation.highTechShort'),
      key: 'highTechLevel',
      width: 130,
      render: (_v, row) => (
        <LevelTag level={row.highTechLevel} testId={`survey-hightech-${row.enterpriseId}`} />
      ),
    },
    {
      title: t('cultivation.techSme'),
      key: 'techSmeLevel',
      width: 140,
      render: (_v, row) => (
        <LevelTag level={row.techSmeLevel} testId={`survey-techsme-${row.enterpriseId}`} />
      ),
    },
    {
      title: t('cultivation.gaps'),
      key: 'gaps',
      width: 320,
      render: (_v, row) => <TextList texts={missingOf(row)} testId={`survey-gaps-${row.enterpriseId}`} />,
    },
    {
      title: t('cultivation.measures'),
      key: 'measures',
      width: 320,
      render: (_v, row) => <TextList texts={row.measures} testId={`survey-measures-${row.enterpriseId}`} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 80,
      render: (_v, row) => (
        <Link
          to={`/bureau/enterprises/${row.enterpriseId}/checkup`}
          data-testid={`survey-checkup-${row.enterpriseId}`}
        >
          {t('cultivation.checkup')}
        </Link>
      ),
    },
  ];

  const levelCount = (count: number | undefined) =>
    count === undefined ? null : (
      <Badge count={count} showZero overflowCount={99999} color="#bfbfbf" style={{ marginInlineStart: 6 }} />
    );

  return (
    <Card
      title={t('cultivation.survey')}
      extra={
        <Space>
          {user?.role === 'staff' && (
            <ImportButton
              kind="enterprise-figures"
              title={t('cultivation.figuresLedger')}
              invalidates={[['cultivation'], ['survey']]}
            />
          )}
          <Button
            icon={<DownloadOutlined />}
            href={exportHref}
            title={t('cultivation.exportHint')}
            data-testid="survey-export"
          >
            {t('common.export')}
          </Button>
        </Space>
      }
    >
      <Tabs
        activeKey={state.target}
        data-testid="survey-target"
        onChange={(key) =>
          update({ target: key === 'techSme' ? 'techSme' : 'highTech', level: undefined, page: 1 })
        }
        items={[
          {
            key: 'highTech',
            label: <span data-testid="survey-target-highTech">{t('cultivation.highTech')}</span>,
          },
          {
            key: 'techSme',
            label: <span data-testid="survey-target-techSme">{t('cultivation.techSme')}</span>,
          },
        ]}
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }} align="middle">
        <Col flex="auto">
          <Radio.Group
            value={state.level ?? 'all'}
            optionType="button"
            data-testid="survey-level"
            onChange={(event) => {
              const value = String(event.target.value);
              update({ level: isLevel(value) ? value : undefined, page: 1 });
            }}
          >
            <Radio.Button value="all">
              <span data-testid="survey-level-all">
                {t('common.all')}
                {levelCount(allCount)}
              </span>
            </Radio.Button>
            {CLASSIFICATION_LEVELS.map((level) => (
              <Radio.Button key={level} value={level}>
                <span data-testid={`survey-level-${level}`}>
                  {t(LEVEL_KEYS[level])}
                  {levelCount(totals?.[level])}
                </span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Col>
        <Col>
          <Space wrap>
            <Input.Search
              allowClear
              placeholder={t('enterprise.keywordPlaceholder')}
              defaultValue={state.keyword}
              style={{ width: 220 }}
              onSearch={(value) => update({ keyword: value.trim() || undefined, page: 1 })}
              data-testid="survey-keyword"
            />
            <Select
              allowClear
              showSearch
              placeholder={t('enterprise.street')}
              value={state.street}
              style={{ width: 160 }}
              options={(dictionaries.data?.streets ?? []).map((street) => ({ value: street, label: street }))}
              onChange={(value?: string) => update({ street: value || undefined, page: 1 })}
              data-testid="survey-street"
            />
            <Select
              allowClear
              placeholder={t('enterprise.industry')}
              value={state.industry}
              style={{ width: 180 }}
              options={entryOptions(dictionaries.data?.industries)}
              onChange={(value?: string) => update({ industry: value || undefined, page: 1 })}
              data-testid="survey-industry"
            />
          </Space>
        </Col>
      </Row>
      <Table<SurveyRow>
        rowKey="enterpriseId"
        data-testid="survey-table"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        scroll={{ x: 1500 }}
        locale={{ emptyText: t('common.empty') }}
        pagination={{
          current: state.page,
          pageSize: state.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
        }}
        onChange={(pagination) =>
          update({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 })
        }
      />
    </Card>
  );
}
