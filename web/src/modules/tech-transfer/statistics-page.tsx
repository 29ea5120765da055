import type { TechStatistics } from '@kechuang/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Form, Radio, Row, Select, Space, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, toQueryString } from '../../app/api-client';
import { ExportButton } from '../../app/list-page/list-page';
import { useUrlFilters } from '../../app/list-page/use-url-filters';
import { yearOptions } from '../../app/year-options';
import {
  type AmountUnit,
  CATEGORY_KEYS,
  type ContractFilters,
  contractsLink,
  FiguresTable,
  formatAmount,
  REGION_KEYS,
} from './statistics-figures';

const KEYS = ['year', 'month', 'unit'] as const;

/** The figures' filters and unit live in the URL, so a link to a year's statistics can be shared. */
function useStatisticsState() {
  const { values, update } = useUrlFilters(KEYS);
  const year = Number(values.year) || new Date().getFullYear();
  const month = Number(values.month) || undefined;
  const unit: AmountUnit = values.unit === 'yi' ? 'yi' : 'wan';
  return { year, month, unit, update };
}

function Section({ title, children, extra }: { title: ReactNode; children: ReactNode; extra?: ReactNode }) {
  return (
    <Card title={title} size="small" extra={extra}>
      {children}
    </Card>
  );
}

/**
 * 技术合同登记统计: 成交额 and 技术交易额 of a year (or month) by month, class, buyer region, street and
 * seller, 输出 and 吸纳; every figure opens the contracts it sums.
 */
export function TechTransferStatisticsPage() {
  const { t } = useTranslation();
  const { year, month, unit, update } = useStatisticsState();
  const query = { year, month };
  const statistics = useQuery({
    queryKey: ['tech-transfer', 'statistics', query],
    queryFn: () => api.get<TechStatistics>(`/api/tech-transfer/statistics${toQueryString(query)}`),
    placeholderData: keepPreviousData,
  });
  const data = statistics.data;
  const period: ContractFilters = { year, month };
  const unitLabel = unit === 'yi' ? t('techTransferStatistics.unitYi') : t('techTransferStatistics.unitWan');
  const amountTitle = (label: string) => `${label}（${unitLabel}）`;
  const common = { unit, totalFen: data?.totals.contractFen ?? 0 };

  const amount = (fen: number) => formatAmount(fen, unit);
  const summary: { key: string; title: string; value: ReactNode; to: string | null }[] = data
    ? [
        {
          key: 'contracts',
          title: t('techTransferStatistics.contracts'),
          value: data.totals.contracts,
          to: contractsLink(period),
        },
        {
          key: 'contract',
          title: amountTitle(t('techTransferStatistics.contractAmount')),
          value: amount(data.totals.contractFen),
          to: contractsLink(period),
        },
        {
          key: 'tech',
          title: amountTitle(t('techTransferStatistics.techAmount')),
          value: amount(data.totals.techFen),
          to: contractsLink(period),
        },
        {
          key: 'claimed',
          title: amountTitle(t('techTransferStatistics.claimedTechAmount')),
          value: amount(data.totals.claimedTechFen),
          to: contractsLink({ ...period, exemption: 'claimed' }),
        },
        {
          key: 'unclaimed',
          title: amountTitle(t('techTransferStatistics.unclaimedEligible')),
          value: amount(data.totals.unclaimedEligibleTechFen),
          to: contractsLink({ ...period, exemption: 'potential' }),
        },
        { key: 'sellers', title: t('techTransferStatistics.sellers'), value: data.totals.sellers, to: null },
      ]
    : [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="tech-statistics-page">
      <Card>
        <Form layout="inline">
          <Form.Item label={t('techTransferStatistics.year')}>
            <Select
              style={{ width: 120 }}
              value={year}
              options={yearOptions(2000)}
              onChange={(value) => update({ year: value, month: undefined })}
              data-testid="tech-statistics-year"
            />
          </Form.Item>
          <Form.Item label={t('techTransferStatistics.month')}>
            <Select
              style={{ width: 120 }}
              value={month ?? 0}
              options={[
                { value: 0, label: t('techTransferStatistics.wholeYear') },
                ...Array.from({ length: 12 }, (_, index) => ({
                  value: index + 1,
                  label: t('techTransferStatistics.monthLabel', { month: index + 1 }),
                })),
              ]}
              onChange={(value) => update({ month: value || undefined })}
              data-testid="tech-statistics-month"
            />
          </Form.Item>
          <Form.Item label={t('techTransferStatistics.unit')}>
            <Radio.Group
              value={unit}
              onChange={(event) => update({ unit: event.target.value === 'yi' ? 'yi' : undefined })}
              optionType="button"
              options={[
                { value: 'wan', label: t('techTransferStatistics.unitWan') },
                { value: 'yi', label: t('techTransferStatistics.unitYi') },
              ]}
            />
          </Form.Item>
        </Form>
      </Card>

      <Card
        title={`${t('techTransferStatistics.title')} · ${t('techTransferStatistics.yearLabel', { year })}${month ? ` ${t('techTransferStatistics.monthLabel', { month })}` : ''}`}
        loading={statistics.isLoading}
        extra={
          <ExportButton
            href={`/api/tech-transfer/statistics/export${toQueryString(query)}`}
            label={t('techTransferStatistics.exportStatistics')}
            testId="tech-statistics-export"
          />
        }
      >
        <Row gutter={[16, 16]}>
          {summary.map((item) => (
            <Col key={item.key} xs={12} md={8} xl={4}>
              <Statistic
                title={item.title}
                valueRender={() =>
                  item.to ? (
                    <Link to={item.to} data-testid={`tech-statistics-total-${item.key}`}>
                      {item.value}
                    </Link>
                  ) : (
                    item.value
                  )
                }
              />
            </Col>
          ))}
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('techTransferStatistics.countedNote')}
        </Typography.Paragraph>
      </Card>

      {data && (
        <>
          <Section title={t('techTransferStatistics.flows')}>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('techTransferStatistics.absorbedNote')}
            />
            <FiguresTable
              {...common}
              testId="tech-statistics-flows"
              rows={[
                { key: 'output', label: t('techTransferStatistics.output'), ...data.flows.output },
                { key: 'absorbed', label: t('techTransferStatistics.absorbed'), ...data.flows.absorbed },
              ]}
              rowKey={(row) => row.key}
              label={{
                title: t('techTransferStatistics.dimension'),
                render: (row) => row.label,
              }}
              filtersOf={(row) => (row.key === 'absorbed' ? { ...period, buyerRegion: 'district' } : period)}
            />
          </Section>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Section title={t('techTransferStatistics.byCategory')}>
                <FiguresTable
                  {...common}
                  testId="tech-statistics-category"
                  rows={data.byCategory}
                  rowKey={(row) => row.statCategory}
                  label={{
                    title: t('techTransferStatistics.dimension'),
                    render: (row) => t(CATEGORY_KEYS[row.statCategory]),
                  }}
                  filtersOf={(row) => ({ ...period, statCategory: row.statCategory })}
                />
              </Section>
            </Col>
            <Col xs={24} xl={12}>
              <Section title={t('techTransferStatistics.byBuyerRegion')}>
                <FiguresTable
                  {...common}
                  testId="tech-statistics-region"
                  rows={data.byBuyerRegion}
                  rowKey={(row) => row.buyerRegion}
                  label={{
                    title: t('techTransferStatistics.dimension'),
                    render: (row) => t(REGION_KEYS[row.buyerRegion]),
                  }}
                  filtersOf={(row) => ({ ...period, buyerRegion: row.buyerRegion })}
                />
              </Section>
            </Col>
          </Row>
          <Section
            title={`${t('techTransferStatistics.byMonth')} · ${t('techTransferStatistics.yearLabel', { year })}`}
          >
            <FiguresTable
              unit={unit}
              totalFen={data.byMonth.reduce((sum, row) => sum + row.contractFen, 0)}
              testId="tech-statistics-month"
              rows={data.byMonth}
              rowKey={(row) => String(row.month)}
              label={{
                title: t('techTransferStatistics.month'),
                render: (row) => t('techTransferStatistics.monthLabel', { month: row.month }),
              }}
              filtersOf={(row) => ({ year, month: row.month })}
            />
          </Section>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={10}>
              <Section title={t('techTransferStatistics.byStreet')}>
                <FiguresTable
                  {...common}
                  testId="tech-statistics-street"
                  rows={data.byStreet}
                  rowKey={(row) => row.street || '-'}
                  label={{
                    title: t('techTransferStatistics.street'),
                    render: (row) => row.street || t('techTransferStatistics.noStreet'),
                  }}
                  filtersOf={(row) => ({ ...period, street: row.street || undefined })}
                />
              </Section>
            </Col>
            <Col xs={24} xl={14}>
              <Section title={t('techTransferStatistics.bySeller')}>
                <FiguresTable
                  {...common}
                  testId="tech-statistics-seller"
                  rows={data.bySeller}
                  rowKey={(row) => String(row.enterpriseId)}
                  label={{
                    title: t('techTransferStatistics.seller'),
                    render: (row) => (
                      <Space orientation="vertical" size={0}>
                        <span>{row.sellerName}</span>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {row.street || t('techTransferStatistics.noStreet')}
                        </Typography.Text>
                      </Space>
                    ),
                  }}
                  filtersOf={(row) => ({ ...period, enterpriseId: row.enterpriseId })}
                />
              </Section>
            </Col>
          </Row>
          <Section title={t('techTransferStatistics.byYear')}>
            <FiguresTable
              unit={unit}
              totalFen={data.byYear.reduce((sum, row) => sum + row.contractFen, 0)}
              testId="tech-statistics-years"
              rows={data.byYear}
              rowKey={(row) => String(row.year)}
              label={{
                title: t('techTransferStatistics.year'),
                render: (row) => (
                  <Typography.Link onClick={() => update({ year: row.year, month: undefined })}>
                    {t('techTransferStatistics.yearLabel', { year: row.year })}
                  </Typography.Link>
                ),
              }}
              filtersOf={(row) => ({ year: row.year })}
            />
          </Section>
        </>
      )}
    </Space>
  );
}
