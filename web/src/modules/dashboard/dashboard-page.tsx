import { FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { INDICATOR_SECTIONS, type IndicatorDefinition, type IndicatorFigure } from '@kechuang/domain';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Row, Select, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, toQueryString } from '../../app/api-client';
import { WithReportingYear } from '../../app/reporting-year';
import { yearOptions } from '../../app/year-options';
import { FigureDrawer } from './figure-drawer';
import { periodOf } from './figure-format';
import { FigureTile } from './figure-tile';
import { FUNNELS } from './funnels';

const StepsFunnel = lazy(async () => ({ default: (await import('./figure-charts')).StepsFunnel }));

const PARTS = ['year', 'H1', 'H2', 'Q1', 'Q2', 'Q3', 'Q4', 'YTD'] as const;

/** 驾驶舱: every figure the caller may see for a year or part of it, by line of work, each opening its records. */
export function DashboardPage() {
  return <WithReportingYear>{(year) => <Dashboard year={year} />}</WithReportingYear>;
}

function Dashboard({ year }: { year: number }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const part = params.get('part') ?? 'year';
  const period = periodOf(year, part);
  const opened = params.get('indicator');
  const screen = useRef<HTMLDivElement>(null);
  const [isFullScreen, setFullScreen] = useState(false);
  useEffect(() => {
    const onChange = () => setFullScreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  const definitions = useQuery({
    queryKey: ['dashboard', 'definitions'],
    queryFn: () => api.get<IndicatorDefinition[]>('/api/dashboard/indicators'),
  });
  const figures = useQuery({
    queryKey: ['dashboard', 'figures', period],
    queryFn: () => api.get<IndicatorFigure[]>(`/api/dashboard/figures${toQueryString({ period })}`),
  });
  const byKey = useMemo(
    () => new Map((definitions.data ?? []).map((definition) => [definition.key, definition])),
    [definitions.data],
  );
  const figureByKey = useMemo(
    () => new Map((figures.data ?? []).map((figure) => [figure.key, figure])),
    [figures.data],
  );
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next);
  };
  const asOf = figures.data?.[0]?.asOf;

  return (
    <div
      ref={screen}
      style={
        isFullScreen ? { background: '#f0f2f5', padding: 24, overflow: 'auto', height: '100vh' } : undefined
      }
      data-testid="dashboard"
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Card size="small">
          <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
            <Space wrap>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {t('dashboard.title')}
              </Typography.Title>
              <Select
                value={year}
                options={yearOptions(2018)}
                showSearch={{ optionFilterProp: 'label' }}
                onChange={(value) => update({ year: String(value) })}
                style={{ width: 100 }}
                aria-label={t('dashboard.year')}
                data-testid="dashboard-year"
              />
              <Select
                value={part}
                options={PARTS.map((value) => ({ value, label: t(`dashboard.periods.${value}`) }))}
                onChange={(value) => update({ part: value })}
                style={{ width: 120 }}
                aria-label={t('dashboard.period')}
                data-testid="dashboard-part"
              />
              {asOf && (
                <Typography.Text type="secondary">
                  {t('dashboard.asOf', { time: dayjs(asOf).format('YYYY-MM-DD HH:mm') })}
                </Typography.Text>
              )}
            </Space>
            <Button
              icon={isFullScreen ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
              onClick={() =>
                isFullScreen ? void document.exitFullscreen() : void screen.current?.requestFullscreen()
              }
              data-testid="dashboard-fullscreen"
            >
              {isFullScreen ? t('dashboard.exitFullScreen') : t('dashboard.fullScreen')}
            </Button>
          </Space>
        </Card>
        {definitions.isPending ? (
          <Spin />
        ) : definitions.data?.length === 0 ? (
          <Empty />
        ) : (
          INDICATOR_SECTIONS.map((section) => {
            const inSection = (definitions.data ?? []).filter((definition) => definition.section === section);
            if (inSection.length === 0) return null;
            return (
              <Card
                key={section}
                size="small"
                title={t(`dashboard.sections.${section}`)}
                data-testid={`dashboard-section-${section}`}
              >
                <Row gutter={[12, 12]}>
                  {inSection.map((definition) => (
                    <Col key={definition.key} xs={24} sm={12} md={8} xl={6}>
                      <FigureTile
                        definition={definition}
                        figure={figureByKey.get(definition.key)}
                        onOpen={() => update({ indicator: definition.key })}
                      />
                    </Col>
                  ))}
                </Row>
              </Card>
            );
          })
        )}
        <Row gutter={[12, 12]}>
          {FUNNELS.map((funnel) => {
            const steps = funnel.keys.flatMap((key) => {
              const definition = byKey.get(key);
              const figure = figureByKey.get(key);
              return definition && figure?.value != null
                ? [
                    {
                      key,
                      label: i18n.language === 'en' ? definition.name.en : definition.name.zh,
                      value: figure.value,
                    },
                  ]
                : [];
            });
            if (steps.length < 2) return null;
            return (
              <Col key={funnel.title} xs={24} lg={12}>
                <Card size="small" title={t(funnel.title)}>
                  <Suspense fallback={<Spin />}>
                    <StepsFunnel steps={steps} onPick={(key) => update({ indicator: key })} />
                  </Suspense>
                </Card>
              </Col>
            );
          })}
        </Row>
      </Space>
      <FigureDrawer
        definition={opened ? (byKey.get(opened) ?? null) : null}
        definitions={byKey}
        period={period}
        onClose={() => update({ indicator: null })}
        onOpen={(key) => update({ indicator: key })}
      />
    </div>
  );
}
