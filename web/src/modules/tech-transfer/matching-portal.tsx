import { useQuery } from '@tanstack/react-query';
import { Card, Input, List, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toQueryString } from '../../app/api-client';
import { PublicLayout } from '../../app/public-layout';
import { fenToWanYuanText } from '../../app/wan-yuan';
import { fieldLabel, modeLabels, type Page, priceText } from './matching-shared';

interface PublicNeed {
  id: number;
  title: string;
  enterpriseName: string;
  field: string;
  problem: string;
  budgetFen: number | null;
  deadline: string;
  keywords: string[];
}
interface PublicResult {
  id: number;
  title: string;
  holderName: string;
  field: string;
  description: string;
  trl: number;
  modes: Parameters<typeof modeLabels>[0];
  priceMinFen: number | null;
  priceMaxFen: number | null;
  keywords: string[];
}

/** 技术市场 on the public portal: published public needs and published results, with search. */
export function TechMarketPage() {
  const { t } = useTranslation();
  const [keyword, setKeyword] = useState('');
  const needs = useQuery({
    queryKey: ['public', 'tech-needs', keyword],
    queryFn: () =>
      api.get<Page<PublicNeed>>(`/api/public/tech-needs${toQueryString({ keyword, pageSize: 20 })}`),
  });
  const results = useQuery({
    queryKey: ['public', 'tech-results', keyword],
    queryFn: () =>
      api.get<Page<PublicResult>>(`/api/public/tech-results${toQueryString({ keyword, pageSize: 20 })}`),
  });
  return (
    <PublicLayout>
      <Card title={t('techMatching.portalTitle')} style={{ maxWidth: 1200, margin: '24px auto' }}>
        <Input.Search
          allowClear
          placeholder={t('techMatching.keywordPlaceholder')}
          onSearch={setKeyword}
          style={{ maxWidth: 420, marginBottom: 16 }}
          data-testid="market-search"
        />
        <Tabs
          items={[
            {
              key: 'needs',
              label: `${t('techMatching.portalNeeds')}（${needs.data?.total ?? 0}）`,
              children: (
                <List
                  data-testid="market-needs"
                  dataSource={needs.data?.items ?? []}
                  renderItem={(need) => (
                    <List.Item>
                      <List.Item.Meta
                        title={need.title}
                        description={`${need.enterpriseName} · ${fieldLabel(need.field)} · ${t('techMatching.budget')} ${fenToWanYuanText(need.budgetFen)} · ${t('techMatching.deadline')} ${need.deadline}`}
                      />
                      <Typography.Paragraph ellipsis={{ rows: 2 }}>{need.problem}</Typography.Paragraph>
                      {need.keywords.map((word) => (
                        <Tag key={word}>{word}</Tag>
                      ))}
                    </List.Item>
                  )}
                />
              ),
            },
            {
              key: 'results',
              label: `${t('techMatching.portalResults')}（${results.data?.total ?? 0}）`,
              children: (
                <List
                  data-testid="market-results"
                  dataSource={results.data?.items ?? []}
                  renderItem={(result) => (
                    <List.Item>
                      <List.Item.Meta
                        title={result.title}
                        description={`${result.holderName} · ${fieldLabel(result.field)} · TRL${result.trl} · ${modeLabels(result.modes)} · ${priceText(result.priceMinFen, result.priceMaxFen, t('techMatching.negotiable'))}`}
                      />
                      <Typography.Paragraph ellipsis={{ rows: 2 }}>{result.description}</Typography.Paragraph>
                    </List.Item>
                  )}
                />
              ),
            },
          ]}
        />
      </Card>
    </PublicLayout>
  );
}
