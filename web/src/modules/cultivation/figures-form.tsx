import {
  type EnterpriseYearFigures,
  enterpriseYearFiguresSchema,
  FIGURES_FIELD_LABELS,
} from '@kechuang/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormRule } from 'antd';
import {
  Button,
  Col,
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
import { contradictionsOf, DEPENDENCIES, LivePreview } from './figures-preview';
import {
  type CountField,
  type FiguresFormValues,
  type MoneyField,
  moneyOf,
  parseSignedWanYuan,
  toFigures,
  toFormValues,
} from './figures-values';
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
