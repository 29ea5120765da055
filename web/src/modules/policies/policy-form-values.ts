import { type AmountRule, type Policy, type PolicyCondition, PROFILE_FIELD_BY_KEY } from '@kechuang/domain';
import dayjs, { type Dayjs } from 'dayjs';

const WAN = 1_000_000;
export const DATE_FIELDS = ['writtenOn', 'publishedOn', 'effectiveFrom', 'effectiveTo'] as const;

export interface ConditionValues {
  field: string;
  operator: PolicyCondition['operator'];
  value?: string;
  required: boolean;
  evidence: PolicyCondition['evidence'];
  document?: string;
}
interface ItemValues {
  title: string;
  type: string;
  beneficiaries: string;
  conditions?: ConditionValues[];
  amountKind: AmountRule['kind'];
  amountWan?: number;
  baseField?: string;
  ratePercent?: number;
  capWan?: number | null;
  floorWan?: number | null;
  fulfilMode: string;
  fulfilDays?: number | null;
  window?: [Dayjs | null, Dayjs | null] | null;
  department: string;
  contact: string;
}
export type PolicyFormValues = Record<(typeof DATE_FIELDS)[number], Dayjs | null> & {
  title: string;
  level: string;
  theme: string;
  indexNo?: string;
  documentNo: string;
  issuer: string;
  fullText: string;
  interpretation?: string;
  items?: ItemValues[];
};

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);
const toFen = (value: number | null | undefined) =>
  value === null || value === undefined ? null : Math.round(value * WAN);

/** The typed value of a condition from what was typed: yes/no, a number, a list or a range. */
function parseValue(condition: ConditionValues): PolicyCondition['value'] {
  const text = (condition.value ?? '').trim();
  const type = PROFILE_FIELD_BY_KEY.get(condition.field)?.type;
  if (condition.operator === 'exists') return null;
  if (type === 'boolean') return text === 'true';
  const parts = text
    .split(/[,，、]/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (condition.operator === 'in' || condition.operator === 'notIn') return parts;
  if (condition.operator === 'between') return parts.map(Number) as [number, number];
  if (type === 'text') return text;
  return text === '' ? null : Number(text);
}

const showValue = (value: unknown) =>
  Array.isArray(value) ? value.join(',') : value === null || value === undefined ? '' : String(value);

/** The request body from the form: dates as text, money in 分, condition values typed by their field. */
export function toBody(values: PolicyFormValues) {
  return {
    title: values.title,
    level: values.level,
    theme: values.theme,
    indexNo: values.indexNo?.trim() || null,
    documentNo: values.documentNo,
    issuer: values.issuer,
    writtenOn: day(values.writtenOn),
    publishedOn: day(values.publishedOn),
    effectiveFrom: day(values.effectiveFrom),
    effectiveTo: day(values.effectiveTo),
    fullText: values.fullText,
    interpretation: values.interpretation?.trim() || null,
    attachments: [],
    supersedesId: null,
    items: (values.items ?? []).map((item) => ({
      title: item.title,
      type: item.type,
      beneficiaries: item.beneficiaries,
      conditions: (item.conditions ?? []).map((condition) => ({
        field: condition.field,
        operator: condition.operator,
        value: parseValue(condition),
        required: condition.required,
        evidence: condition.evidence,
        document: condition.document?.trim() || null,
      })),
      amount:
        item.amountKind === 'fixed'
          ? { kind: 'fixed', amountFen: toFen(item.amountWan) }
          : item.amountKind === 'percent'
            ? {
                kind: 'percent',
                baseField: item.baseField,
                ratePercent: item.ratePercent,
                capFen: toFen(item.capWan),
                floorFen: toFen(item.floorWan),
              }
            : { kind: 'none' },
      fulfilMode: item.fulfilMode,
      fulfilDays: item.fulfilDays ?? null,
      windowFrom: day(item.window?.[0]),
      windowTo: day(item.window?.[1]),
      department: item.department,
      contact: item.contact,
    })),
  };
}

/** The form's values for a new policy or the one being edited. */
export function toFormValues(record: Policy | 'new'): Partial<PolicyFormValues> | undefined {
  if (record === 'new') return { level: 'district', theme: 'cultivation', items: [] };
  const dates = Object.fromEntries(DATE_FIELDS.map((key) => [key, record[key] ? dayjs(record[key]) : null]));
  return {
    ...record,
    ...dates,
    indexNo: record.indexNo ?? undefined,
    interpretation: record.interpretation ?? undefined,
    items: record.items.map((item) => {
      const amount = item.amount as AmountRule;
      return {
        ...item,
        conditions: item.conditions.map((condition) => ({
          ...condition,
          value: showValue(condition.value),
          document: condition.document ?? undefined,
        })),
        amountKind: amount.kind,
        amountWan: amount.kind === 'fixed' ? amount.amountFen / WAN : undefined,
        baseField: amount.kind === 'percent' ? amount.baseField : undefined,
        ratePercent: amount.kind === 'percent' ? amount.ratePercent : undefined,
        capWan: amount.kind === 'percent' && amount.capFen !== null ? amount.capFen / WAN : null,
        floorWan: amount.kind === 'percent' && amount.floorFen !== null ? amount.floorFen / WAN : null,
        window: item.windowFrom
          ? [dayjs(item.windowFrom), item.windowTo ? dayjs(item.windowTo) : null]
          : null,
      };
    }),
  } as unknown as Partial<PolicyFormValues>;
}
