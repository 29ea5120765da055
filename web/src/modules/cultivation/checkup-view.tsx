import {
  type EnterpriseClassification,
  FIGURES_FIELD_LABELS,
  formatFenAsWanYuan,
  percentOf,
  type Text,
} from '@kechuang/domain';
import type { TableProps } from 'antd';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Result,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../app/guards';
import { ConditionTable, LevelTag } from './rule-display';
import { type StoredFigures, textOf, useCheckup } from './use-cultivation';

function ratioText(part: number, whole: number): string {
  const percent = percentOf(part, whole);
  return percent === null ? '—' : `${percent.toFixed(1)}%`;
}

function TextItems({ texts, testId, empty }: { texts: Text[]; testId: string; empty: string }) {
  if (texts.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <ol style={{ paddingInlineStart: 20, margin: 0 }} data-testid={testId}>
      {texts.map((text) => (
        <li key={text.zh}>{textOf(text)}</li>
      ))}
    </ol>
  );
}

function TechSmeCard({ techSme }: { techSme: EnterpriseClassification['techSme'] }) {
  const { t } = useTranslation();
  const evaluation = techSme.evaluation;
  return (
    <Card
      title={t('cultivation.techSme')}
      extra={<LevelTag level={techSme.level} testId="checkup-techsme-level" />}
      data-testid="checkup-techsme"
      style={{ height: '100%' }}
    >
      {!evaluation ? (
        <Alert type="info" showIcon title={techSme.measures.map(textOf).join('；')} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {evaluation.documentNumber} · {t('cultivation.evaluatedYear', { year: evaluation.year })}
          </Typography.Text>
          <Space align="center" size="large" wrap>
            <div>
              <Typography.Text type="secondary">{t('cultivation.score')}</Typography.Text>
              <div
                data-testid="checkup-techsme-score"
                style={{ fontSize: 28, fontWeight: 600, color: evaluation.qualified ? '#389e0d' : '#cf1322' }}
              >
                {t('cultivation.scoreOf', { score: evaluation.totalScore, pass: evaluation.passScore })}
              </div>
            </div>
            <Tag color={evaluation.qualified ? 'green' : 'red'} data-testid="checkup-techsme-qualified">
              {evaluation.qualified ? t('cultivation.qualified') : t('cultivation.notQualified')}
            </Tag>
            {evaluation.directQualification && (
              <Tag color="blue">
                {t('cultivation.directQualified', { label: textOf(evaluation.directQualification.label) })}
              </Tag>
            )}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('cultivation.passLine', { pass: evaluation.passScore })}
          </Typography.Text>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('cultivation.sciTechStaffIndicator')}>
              {t('cultivation.points', {
                points: evaluation.sciTechStaff.points,
                max: evaluation.sciTechStaff.maxPoints,
              })}{' '}
              · {textOf(evaluation.sciTechStaff.actual)} · {t('cultivation.band')}{' '}
              {textOf(evaluation.sciTechStaff.band)}
            </Descriptions.Item>
            <Descriptions.Item label={t('cultivation.rdIndicator')}>
              {t('cultivation.points', {
                points: evaluation.rdInvestment.points,
                max: evaluation.rdInvestment.maxPoints,
              })}{' '}
              · {textOf(evaluation.rdInvestment.actual)} · {t('cultivation.band')}{' '}
              {textOf(evaluation.rdInvestment.band)}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('cultivation.byRevenue')} {evaluation.rdInvestment.byRevenue.points}
                  {' · '}
                  {t('cultivation.byCost')} {evaluation.rdInvestment.byCost.points}
                </Typography.Text>
              </div>
            </Descriptions.Item>
            <Descriptions.Item label={t('cultivation.ipIndicator')}>
              {t('cultivation.points', {
                points: evaluation.intellectualProperty.points,
                max: evaluation.intellectualProperty.maxPoints,
              })}{' '}
              · {textOf(evaluation.intellectualProperty.actual)} · {t('cultivation.band')}{' '}
              {textOf(evaluation.intellectualProperty.band)}
            </Descriptions.Item>
          </Descriptions>
          <ConditionTable conditions={evaluation.conditions} testId="checkup-techsme-conditions" />
        </Space>
      )}
    </Card>
  );
}

function HighTechCard({ highTech }: { highTech: EnterpriseClassification['highTech'] }) {
  const { t } = useTranslation();
  const evaluation = highTech.evaluation;
  const innovation = evaluation.innovation;
  return (
    <Card
      title={t('cultivation.highTech')}
      extra={<LevelTag level={highTech.level} testId="checkup-hightech-level" />}
      data-testid="checkup-hightech"
      style={{ height: '100%' }}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {evaluation.documentNumbers.join('、')} ·{' '}
          {t('cultivation.accountingYears', { years: evaluation.years.join('、') || '—' })}
        </Typography.Text>
        {evaluation.missingYears.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('cultivation.missingYears', { years: evaluation.missingYears.join('、') })}
          />
        )}
        <ConditionTable conditions={evaluation.conditions} testId="checkup-hightech-conditions" />
        <Typography.Text type="secondary">
          {t('cultivation.innovation')}：
          {t('cultivation.innovationRange', {
            min: innovation.total.min,
            max: innovation.total.max,
            pass: innovation.passAbove,
          })}
        </Typography.Text>
      </Space>
    </Card>
  );
}

function HistoryTable({ figures }: { figures: StoredFigures[] }) {
  const { t } = useTranslation();
  const sourceLabel = (source: string) =>
    source === 'enterprise'
      ? t('cultivation.sourceEnterprise')
      : source === 'staff'
        ? t('cultivation.sourceStaff')
        : source === 'import'
          ? t('cultivation.sourceImport')
          : source;
  const money = (fen: number) => formatFenAsWanYuan(fen);
  const columns: TableProps<StoredFigures>['columns'] = [
    { title: t('cultivation.year'), dataIndex: 'year', key: 'year', fixed: 'left', width: 70 },
    { title: textOf(FIGURES_FIELD_LABELS.employees), dataIndex: 'employees', key: 'employees' },
    { title: textOf(FIGURES_FIELD_LABELS.sciTechStaff), dataIndex: 'sciTechStaff', key: 'sciTechStaff' },
    {
      title: textOf(FIGURES_FIELD_LABELS.revenueFen),
      key: 'revenue',
      render: (_v, row) => money(row.revenueFen),
    },
    {
      title: textOf(FIGURES_FIELD_LABELS.rdExpenseFen),
      key: 'rd',
      render: (_v, row) => money(row.rdExpenseFen),
    },
    {
      title: t('cultivation.rdRatio'),
      key: 'rdRatio',
      render: (_v, row) => (
        <span data-testid={`history-rd-ratio-${row.year}`}>
          {t('cultivation.rdRatioRevenue')} {ratioText(row.rdExpenseFen, row.revenueFen)}
          <br />
          <Typography.Text type="secondary">
            {t('cultivation.rdRatioCost')} {ratioText(row.rdExpenseFen, row.costFen)}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: textOf(FIGURES_FIELD_LABELS.highTechRevenueFen),
      key: 'highTechRevenue',
      render: (_v, row) => money(row.highTechRevenueFen),
    },
    {
      title: t('cultivation.ipClasses'),
      key: 'ip',
      render: (_v, row) => `${row.ipClass1Count} / ${row.ipClass2Count}`,
    },
    {
      title: textOf(FIGURES_FIELD_LABELS.netAssetsFen),
      key: 'net',
      render: (_v, row) => money(row.netAssetsFen),
    },
    {
      title: textOf(FIGURES_FIELD_LABELS.isAboveDesignatedSize),
      key: 'aboveSize',
      render: (_v, row) => (row.isAboveDesignatedSize ? t('common.yes') : t('common.no')),
    },
    {
      title: t('cultivation.source'),
      key: 'source',
      render: (_v, row) => (
        <span>
          {sourceLabel(row.source)}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {dayjs(row.updatedAt).format('YYYY-MM-DD HH:mm')} · v{row.version}
          </Typography.Text>
        </span>
      ),
    },
  ];
  return (
    <Table<StoredFigures>
      rowKey="year"
      size="small"
      pagination={false}
      data-testid="checkup-history"
      columns={columns}
      dataSource={[...figures].sort((a, b) => b.year - a.year)}
      scroll={{ x: 1200 }}
    />
  );
}

interface CheckupViewProps {
  enterpriseId: number;
  /** The button that leads to filling figures (a link for the enterprise, a drawer for staff). */
  fillAction?: ReactNode;
  extra?: ReactNode;
}

/** 科创体检 of one enterprise: tiers, the 科技型中小企业 score, the 高企 conditions, gaps, measures, history. */
export function CheckupView({ enterpriseId, fillAction, extra }: CheckupViewProps) {
  const { t } = useTranslation();
  const checkup = useCheckup(enterpriseId);
  if (checkup.isPending) return <PageLoading />;
  if (!checkup.data) return <Result status="warning" title={t('errors.loadFailed')} />;
  const { classification, figures } = checkup.data;

  const header = (
    <Card
      title={
        <Space>
          <Typography.Text strong data-testid="checkup-name">
            {checkup.data.name}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('cultivation.asOf', { date: checkup.data.asOf })}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space>
          {classification && fillAction}
          {extra}
        </Space>
      }
    >
      {!checkup.data.hasFoundingDate && (
        <Alert type="warning" showIcon title={t('cultivation.noFoundingDate')} />
      )}
      {classification && (
        <Space size="large" wrap style={{ marginTop: checkup.data.hasFoundingDate ? 0 : 12 }}>
          <span>
            {t('cultivation.highTech')}：<LevelTag level={classification.highTech.level} />
          </span>
          <span>
            {t('cultivation.techSme')}：<LevelTag level={classification.techSme.level} />
          </span>
        </Space>
      )}
    </Card>
  );

  if (!classification) {
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {header}
        <Card>
          <Empty
            data-testid="checkup-empty"
            description={
              <Space orientation="vertical">
                <Typography.Text strong>{t('cultivation.emptyTitle')}</Typography.Text>
                <Typography.Text type="secondary">{t('cultivation.emptyHint')}</Typography.Text>
              </Space>
            }
          >
            {fillAction}
          </Empty>
        </Card>
      </Space>
    );
  }

  const targets = [
    { key: 'highTech', title: t('cultivation.highTech'), target: classification.highTech },
    { key: 'techSme', title: t('cultivation.techSme'), target: classification.techSme },
  ] as const;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="checkup">
      {header}
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={10}>
          <TechSmeCard techSme={classification.techSme} />
        </Col>
        <Col xs={24} xxl={14}>
          <HighTechCard highTech={classification.highTech} />
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        {targets.map(({ key, title, target }) => (
          <Col xs={24} lg={12} key={key}>
            <Card
              title={`${title} · ${t('cultivation.gapsAndMeasures')}`}
              data-testid={`checkup-${key}-advice`}
              style={{ height: '100%' }}
            >
              <Typography.Title level={5}>{t('cultivation.gaps')}</Typography.Title>
              <TextItems
                texts={target.missing.map((condition) => condition.gap?.text ?? condition.label)}
                testId={`checkup-${key}-gaps`}
                empty={t('cultivation.noGaps')}
              />
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('cultivation.measures')}
              </Typography.Title>
              <TextItems
                texts={target.measures}
                testId={`checkup-${key}-measures`}
                empty={t('common.none')}
              />
              {target.toConfirm.length > 0 && (
                <>
                  <Typography.Title level={5} style={{ marginTop: 16 }}>
                    {t('cultivation.toConfirm')}
                  </Typography.Title>
                  <TextItems
                    texts={target.toConfirm.map((condition) => condition.label)}
                    testId={`checkup-${key}-to-confirm`}
                    empty={t('common.none')}
                  />
                </>
              )}
            </Card>
          </Col>
        ))}
      </Row>
      <Card title={t('cultivation.history')}>
        <HistoryTable figures={figures} />
      </Card>
    </Space>
  );
}

export function FillFiguresButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button type="primary" onClick={onClick} data-testid="checkup-fill">
      {t('cultivation.fillFigures')}
    </Button>
  );
}
