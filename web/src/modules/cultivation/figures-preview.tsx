import {
  classifyEnterprise,
  describeIssue,
  type EnterpriseYearFigures,
  enterpriseYearFiguresSchema,
  evaluateTechSme,
  FIGURES_FIELD_LABELS,
} from '@kechuang/domain';
import { Alert, Card, Descriptions, Divider, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import {
  type CountField,
  countFilled,
  type FiguresFormValues,
  MONEY_FIELDS,
  type MoneyField,
  moneyOf,
  toFigures,
} from './figures-values';
import { ConditionStatusTag, LevelTag } from './rule-display';
import { textOf } from './use-cultivation';

/** Fields the cross-field checks of the schema name, and the fields they read. */
export const DEPENDENCIES: Partial<Record<MoneyField | CountField, (MoneyField | CountField)[]>> = {
  sciTechStaff: ['employees'],
  rdExpenseDomesticFen: ['rdExpenseFen'],
  highTechRevenueFen: ['revenueFen'],
  netAssetsFen: ['totalAssetsFen', 'liabilitiesFen'],
  ipSelfDevelopedCount: ['ipClass1Count', 'ipClass2Count'],
};

function isFilled(values: FiguresFormValues, field: string): boolean {
  return (MONEY_FIELDS as readonly string[]).includes(field)
    ? moneyOf(values[field as MoneyField]) !== undefined
    : typeof values[field as CountField] === 'number';
}

/**
 * The schema's refinements (S&T staff ≤ employees, …) among the fields filled so far, as the
 * messages the server would give; `field` limits them to one field.
 */
export function contradictionsOf(year: number, values: FiguresFormValues, field?: string): string[] {
  const figures = toFigures(year, values, 'preview');
  if (!figures) return [];
  const result = enterpriseYearFiguresSchema.safeParse(figures);
  if (result.success) return [];
  return result.error.issues
    .filter((issue) => issue.code === 'custom' && (field === undefined || issue.path[0] === field))
    .filter((issue) => {
      const name = String(issue.path[0]);
      return (
        isFilled(values, name) &&
        (DEPENDENCIES[name as MoneyField] ?? []).every((dependency) => isFilled(values, dependency))
      );
    })
    .map((issue) => describeIssue(issue, currentLanguage(), FIGURES_FIELD_LABELS));
}

interface LivePreviewProps {
  year: number;
  values: FiguresFormValues;
  otherYears: EnterpriseYearFigures[];
  registeredOn: string;
  asOf: string;
}

/** The 科技型中小企业 score and the 高企 R&D condition of the figures being typed, in the browser. */
export function LivePreview({ year, values, otherYears, registeredOn, asOf }: LivePreviewProps) {
  const { t } = useTranslation();
  const figures = toFigures(year, values, 'preview');
  const { filled, total } = countFilled(values);
  const contradictions = contradictionsOf(year, values);
  if (!figures) return null;
  const techSme = evaluateTechSme({ figures });
  const classification = classifyEnterprise({ figures: [...otherYears, figures], registeredOn, asOf });
  const highTech = classification.highTech;
  const rdCondition = highTech.evaluation.conditions.find((condition) => condition.code === 'rdIntensity');
  const domesticCondition = highTech.evaluation.conditions.find(
    (condition) => condition.code === 'domesticRdShare',
  );
  const indicators = [
    { key: 'staff', label: t('cultivation.sciTechStaffIndicator'), value: techSme.sciTechStaff },
    { key: 'rd', label: t('cultivation.rdIndicator'), value: techSme.rdInvestment },
    { key: 'ip', label: t('cultivation.ipIndicator'), value: techSme.intellectualProperty },
  ];

  return (
    <Card title={t('cultivation.preview')} data-testid="figures-preview" size="small">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('cultivation.previewHint', { filled, total })}
      </Typography.Paragraph>
      {contradictions.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('cultivation.previewContradictions')}
          description={contradictions.map((message) => <div key={message}>{message}</div>)}
          data-testid="preview-contradictions"
        />
      )}
      <Typography.Title level={5}>
        {t('cultivation.techSme')}（{t('cultivation.yearLabel', { year })}）
      </Typography.Title>
      <Space align="center" size="large">
        <div>
          <Typography.Text type="secondary">{t('cultivation.score')}</Typography.Text>
          <div
            data-testid="preview-techsme-score"
            style={{ fontSize: 28, fontWeight: 600, color: techSme.qualified ? '#389e0d' : '#cf1322' }}
          >
            {t('cultivation.scoreOf', { score: techSme.totalScore, pass: techSme.passScore })}
          </div>
        </div>
        <Tag color={techSme.qualified ? 'green' : 'red'} data-testid="preview-techsme-qualified">
          {techSme.qualified ? t('cultivation.qualified') : t('cultivation.notQualified')}
        </Tag>
      </Space>
      <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
        {indicators.map((indicator) => (
          <Descriptions.Item key={indicator.key} label={indicator.label}>
            <span data-testid={`preview-indicator-${indicator.key}`}>
              {t('cultivation.points', { points: indicator.value.points, max: indicator.value.maxPoints })}
              <Typography.Text type="secondary">
                {' '}
                · {textOf(indicator.value.actual)} · {textOf(indicator.value.band)}
              </Typography.Text>
            </span>
          </Descriptions.Item>
        ))}
      </Descriptions>
      {techSme.improvements.length > 0 && (
        <ul style={{ paddingInlineStart: 18, marginTop: 4 }}>
          {techSme.improvements.slice(0, 3).map((gap) => (
            <li key={gap.text.zh}>
              <Typography.Text type="secondary">{textOf(gap.text)}</Typography.Text>
            </li>
          ))}
        </ul>
      )}
      <Divider style={{ margin: '12px 0' }} />
      <Typography.Title level={5}>
        {t('cultivation.rdCondition')} <LevelTag level={highTech.level} testId="preview-hightech-level" />
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('cultivation.accountingYears', { years: highTech.evaluation.years.join('、') || '—' })}
        {highTech.evaluation.missingYears.length > 0 &&
          ` · ${t('cultivation.missingYears', { years: highTech.evaluation.missingYears.join('、') })}`}
      </Typography.Paragraph>
      {[rdCondition, domesticCondition].map(
        (condition) =>
          condition && (
            <div key={condition.code} data-testid={`preview-${condition.code}`} style={{ marginBottom: 8 }}>
              <Space wrap>
                <ConditionStatusTag status={condition.status} />
                <Typography.Text strong>{textOf(condition.label)}</Typography.Text>
              </Space>
              <div>
                {t('cultivation.actual')}：{textOf(condition.actual)} · {t('cultivation.required')}：
                {textOf(condition.required)}
              </div>
              {condition.gap && <Typography.Text type="danger">{textOf(condition.gap.text)}</Typography.Text>}
            </div>
          ),
      )}
    </Card>
  );
}
