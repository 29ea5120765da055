import {
  classifyEnterprise,
  describeIssue,
  type EnterpriseYearFigures,
  enterpriseYearFiguresSchema,
  evaluateTechSme,
  FIGURES_FIELD_LABELS,
} from '@kechuang/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormRule } from 'antd';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Divider,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, handleApiError } from '../../app/api-client';
import { showErrorMessage, showSuccessMessage } from '../../app/feedback';
import { zodRule } from '../../app/form-rules';
import { currentLanguage } from '../../app/i18n';
import {
  type CountField,
  countFilled,
  type FiguresFormValues,
  MONEY_FIELDS,
  type MoneyField,
  moneyOf,
  parseSignedWanYuan,
  toFigures,
  toFormValues,
} from './figures-values';
import { ConditionStatusTag, LevelTag } from './rule-display';
import {
  checkupKey,
  figuresKey,
  plainFigures,
  type StoredFigures,
  textOf,
  useFigures,
} from './use-cultivation';

interface FormShape {
  figures: FiguresFormValues;
}

const shape = enterpriseYearFiguresSchema.shape;

/** Fields the cross-field checks of the schema name, and the fields they read. */
const DEPENDENCIES: Partial<Record<MoneyField | CountField, (MoneyField | CountField)[]>> = {
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
function contradictionsOf(year: number, values: FiguresFormValues, field?: string): string[] {
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

interface FiguresFormProps {
  enterpriseId: number;
  /** 成立日期 from the profile; without it the 高企 registration-age condition reads the survey date. */
  registeredOn: string | null;
  onSaved?: () => void;
}

/**
 * 年度数据: one year's figures with every field of enterpriseYearFiguresSchema, saved with its version,
 * beside a live estimate computed with the same rule engines as the server.
 */
export function FiguresForm({ enterpriseId, registeredOn, onSaved }: FiguresFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormShape>();
  const queryClient = useQueryClient();
  const stored = useFigures(enterpriseId);
  const asOf = dayjs().format('YYYY-MM-DD');
  const asOfYear = Number(asOf.slice(0, 4));
  const [year, setYear] = useState(asOfYear - 1);
  const items = stored.data?.items ?? [];
  const current = items.find((item) => item.year === year);
  const version = current?.version ?? 0;

  // Choosing a year, or a reload after saving or after a conflict, shows that year's filed figures.
  const resetKey = `${year}:${version}:${stored.isSuccess}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the year or its version changes, not on every refetch
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue({ figures: toFormValues(current ? plainFigures(current) : undefined) });
  }, [resetKey, form]);

  const yearOptions = useMemo(() => {
    const years = new Set<number>(items.map((item) => item.year));
    for (let offset = 1; offset <= 6; offset += 1) years.add(asOfYear - offset);
    return [...years]
      .sort((a, b) => b - a)
      .map((value) => ({
        value,
        label: items.some((item) => item.year === value)
          ? t('cultivation.yearFiled', { year: value })
          : t('cultivation.yearLabel', { year: value }),
      }));
  }, [items, asOfYear, t]);

  const save = useMutation({
    mutationFn: (figures: EnterpriseYearFigures) =>
      api.put<StoredFigures>(`/api/enterprises/${enterpriseId}/figures/${figures.year}`, {
        version,
        figures,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: figuresKey(enterpriseId) });
      void queryClient.invalidateQueries({ queryKey: checkupKey(enterpriseId) });
      void queryClient.invalidateQueries({ queryKey: ['survey'] });
      showSuccessMessage(t('common.saved'));
      onSaved?.();
    },
    onError: (error) =>
      handleApiError(error, {
        form,
        onConflict: () => {
          void queryClient.invalidateQueries({ queryKey: figuresKey(enterpriseId) });
          showErrorMessage(t('cultivation.reloaded'));
        },
      }),
  });

  const watched = Form.useWatch('figures', form) ?? {};
  const otherYears = items.filter((item) => item.year !== year).map(plainFigures);

  const crossRule = (field: MoneyField | CountField): FormRule => ({
    validator: async () => {
      const [message] = contradictionsOf(year, form.getFieldValue('figures') ?? {}, field);
      if (message) throw new Error(message);
    },
  });
  const moneyRules = (field: MoneyField): FormRule[] => [
    {
      validator: async (_rule, value: unknown) => {
        if (typeof value !== 'string' || !value.trim()) return;
        try {
          const fen = parseSignedWanYuan(value);
          if (fen < 0 && field !== 'netAssetsFen') throw new Error('negative');
        } catch {
          throw new Error(`${textOf(FIGURES_FIELD_LABELS[field])}：${t('enterprise.invalidAmount')}`);
        }
      },
    },
    zodRule(
      shape[field],
      field,
      (value) => (typeof value === 'string' ? (moneyOf(value) ?? null) : value),
      FIGURES_FIELD_LABELS,
    ),
    crossRule(field),
  ];
  const dependenciesOf = (field: MoneyField | CountField) =>
    (DEPENDENCIES[field] ?? []).map((name) => ['figures', name]);

  const moneyItem = (field: MoneyField) => (
    <Col xs={24} md={12} key={field}>
      <Form.Item
        name={['figures', field]}
        label={textOf(FIGURES_FIELD_LABELS[field])}
        required
        rules={moneyRules(field)}
        dependencies={dependenciesOf(field)}
      >
        <Input inputMode="decimal" suffix={t('cultivation.wanYuan')} data-testid={`figures-${field}`} />
      </Form.Item>
    </Col>
  );
  const countItem = (field: CountField, unit: string) => (
    <Col xs={24} md={12} key={field}>
      <Form.Item
        name={['figures', field]}
        label={textOf(FIGURES_FIELD_LABELS[field])}
        required
        rules={[zodRule(shape[field], field, undefined, FIGURES_FIELD_LABELS), crossRule(field)]}
        dependencies={dependenciesOf(field)}
      >
        <InputNumber
          min={0}
          precision={0}
          step={1}
          suffix={unit}
          style={{ width: '100%' }}
          data-testid={`figures-${field}`}
        />
      </Form.Item>
    </Col>
  );

  return (
    <Row gutter={24} align="top">
      <Col xs={24} xl={14}>
        <Space style={{ marginBottom: 16 }} wrap>
          <Typography.Text>{t('cultivation.chooseYear')}</Typography.Text>
          <Select
            value={year}
            options={yearOptions}
            onChange={setYear}
            style={{ width: 180 }}
            data-testid="figures-year"
          />
          <Tag data-testid="figures-version">
            {version === 0 ? t('cultivation.newYear') : t('cultivation.versionOf', { version })}
          </Tag>
        </Space>
        <Form<FormShape>
          form={form}
          layout="vertical"
          data-testid="figures-form"
          onFinish={(values) => {
            const figures = toFigures(year, values.figures, 'strict');
            if (figures) save.mutate(figures);
          }}
        >
          <Divider titlePlacement="start">{t('cultivation.sectionStaff')}</Divider>
          <Row gutter={16}>
            {countItem('employees', t('cultivation.people'))}
            {countItem('sciTechStaff', t('cultivation.people'))}
          </Row>
          <Divider titlePlacement="start">{t('cultivation.sectionFinance')}</Divider>
          <Row gutter={16}>
            {(['revenueFen', 'costFen', 'totalAssetsFen', 'liabilitiesFen', 'netAssetsFen'] as const).map(
              moneyItem,
            )}
          </Row>
          <Divider titlePlacement="start">{t('cultivation.sectionRd')}</Divider>
          <Row gutter={16}>
            {(['rdExpenseFen', 'rdExpenseDomesticFen', 'highTechRevenueFen'] as const).map(moneyItem)}
          </Row>
          <Divider titlePlacement="start">{t('cultivation.sectionIp')}</Divider>
          <Row gutter={16}>
            {(['ipClass1Count', 'ipClass2Count', 'ipSelfDevelopedCount'] as const).map((field) =>
              countItem(field, t('cultivation.items')),
            )}
            {countItem('conversionsCount', t('cultivation.items'))}
          </Row>
          <Divider titlePlacement="start">{t('cultivation.sectionIndustry')}</Divider>
          <Row gutter={16}>
            {moneyItem('industrialOutputFen')}
            <Col xs={24} md={12}>
              <Form.Item
                name={['figures', 'isAboveDesignatedSize']}
                label={textOf(FIGURES_FIELD_LABELS.isAboveDesignatedSize)}
                valuePropName="checked"
              >
                <Switch data-testid="figures-isAboveDesignatedSize" />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="figures-save">
            {t('common.save')}
          </Button>
        </Form>
      </Col>
      <Col xs={24} xl={10}>
        <div style={{ position: 'sticky', top: 16 }}>
          <LivePreview
            year={year}
            values={watched}
            otherYears={otherYears}
            registeredOn={registeredOn ?? asOf}
            asOf={asOf}
          />
        </div>
      </Col>
    </Row>
  );
}

interface LivePreviewProps {
  year: number;
  values: FiguresFormValues;
  otherYears: EnterpriseYearFigures[];
  registeredOn: string;
  asOf: string;
}

/** The 科技型中小企业 score and the 高企 R&D condition of the figures being typed, in the browser. */
function LivePreview({ year, values, otherYears, registeredOn, asOf }: LivePreviewProps) {
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
