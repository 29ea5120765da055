import type { PlanCall, PlanCategory } from '@kechuang/domain';
import { Checkbox, DatePicker, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { fenToWan, wanToFen } from './plan-shared';

export interface CallFormValues {
  categoryId: number;
  year: number;
  title: string;
  guideline: string;
  window: [Dayjs, Dayjs];
  districtReviewDeadline?: Dayjs | null;
  budgetWan?: number | null;
  allowResubmission: boolean;
  requiredStandings: string[];
  maxApplicationsPerPrincipalPerYear: number;
  maxRunningProjectsPerPrincipal: number;
  maxRequestWan?: number | null;
  checklist: string[];
}

export function toCallBody(values: CallFormValues) {
  return {
    categoryId: values.categoryId,
    year: values.year,
    title: values.title,
    guideline: values.guideline ?? '',
    opensAt: values.window[0].toISOString(),
    closesAt: values.window[1].toISOString(),
    districtReviewDeadline: values.districtReviewDeadline
      ? values.districtReviewDeadline.toISOString()
      : null,
    budgetFen: values.budgetWan ? wanToFen(values.budgetWan) : null,
    allowResubmission: values.allowResubmission,
    rules: {
      requiredStandings: values.requiredStandings ?? [],
      onePerEnterprise: true,
      maxApplicationsPerPrincipalPerYear: values.maxApplicationsPerPrincipalPerYear,
      maxRunningProjectsPerPrincipal: values.maxRunningProjectsPerPrincipal,
      maxRequestFen: values.maxRequestWan ? wanToFen(values.maxRequestWan) : null,
      maxExcludedExperts: 3,
    },
    checklist: (values.checklist ?? []).filter(Boolean),
  };
}

export function toCallForm(call: PlanCall): CallFormValues {
  return {
    categoryId: call.categoryId,
    year: call.year,
    title: call.title,
    guideline: call.guideline,
    window: [dayjs(call.opensAt), dayjs(call.closesAt)],
    districtReviewDeadline: call.districtReviewDeadline ? dayjs(call.districtReviewDeadline) : null,
    budgetWan: call.budgetFen === null ? null : fenToWan(call.budgetFen),
    allowResubmission: call.allowResubmission,
    requiredStandings: call.rules.requiredStandings,
    maxApplicationsPerPrincipalPerYear: call.rules.maxApplicationsPerPrincipalPerYear,
    maxRunningProjectsPerPrincipal: call.rules.maxRunningProjectsPerPrincipal,
    maxRequestWan: call.rules.maxRequestFen === null ? null : fenToWan(call.rules.maxRequestFen),
    checklist: call.checklist,
  };
}

/** What a new call starts with: this year, one application per principal, the usual checklist. */
export const NEW_CALL_VALUES: Partial<CallFormValues> = {
  year: new Date().getFullYear(),
  allowResubmission: true,
  maxApplicationsPerPrincipalPerYear: 1,
  maxRunningProjectsPerPrincipal: 2,
  checklist: ['申报单位资格', '申报书内容完整', '经费预算合理', '附件齐全'],
};

/** The call form's fields: category and year, window, limits, required standings and checklist. */
export function CallFormFields({ categories }: { categories: PlanCategory[] | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <Space.Compact block>
        <Form.Item
          name="categoryId"
          label={t('planCalls.category')}
          rules={[{ required: true }]}
          style={{ flex: 2 }}
        >
          <Select
            data-testid="call-category"
            options={categories
              ?.filter((category) => category.active)
              .map((category) => ({ value: category.id, label: category.name }))}
          />
        </Form.Item>
        <Form.Item name="year" label={t('planCalls.year')} rules={[{ required: true }]} style={{ flex: 1 }}>
          <InputNumber min={2017} max={2100} style={{ width: '100%' }} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="title" label={t('planCalls.callTitle')} rules={[{ required: true }]}>
        <Input data-testid="call-title" />
      </Form.Item>
      <Form.Item name="window" label={t('planCalls.window')} rules={[{ required: true }]}>
        <DatePicker.RangePicker showTime style={{ width: '100%' }} data-testid="call-window" />
      </Form.Item>
      <Form.Item name="districtReviewDeadline" label={t('planCalls.districtReviewDeadline')}>
        <DatePicker showTime style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="guideline" label={t('planCalls.guideline')}>
        <Input.TextArea rows={4} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="budgetWan" label={t('planCalls.budgetWan')}>
          <InputNumber min={0} precision={2} />
        </Form.Item>
        <Form.Item name="maxRequestWan" label={t('planCalls.maxRequestWan')}>
          <InputNumber min={0} precision={2} />
        </Form.Item>
        <Form.Item name="maxApplicationsPerPrincipalPerYear" label={t('planCalls.maxApplications')}>
          <InputNumber min={1} max={10} />
        </Form.Item>
        <Form.Item name="maxRunningProjectsPerPrincipal" label={t('planCalls.maxRunning')}>
          <InputNumber min={1} max={10} />
        </Form.Item>
      </Space>
      <Form.Item name="requiredStandings" label={t('planCalls.requiredStandings')}>
        <Checkbox.Group
          options={[
            { value: 'techSme', label: t('planCalls.standing.techSme') },
            { value: 'cultivationPool', label: t('planCalls.standing.cultivationPool') },
            { value: 'highTech', label: t('planCalls.standing.highTech') },
          ]}
        />
      </Form.Item>
      <Form.Item name="allowResubmission" label={t('planCalls.allowResubmission')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="checklist" label={t('planCalls.checklist')}>
        <Select mode="tags" />
      </Form.Item>
    </>
  );
}
