import {
  computeTechTransactionFen,
  describeIssue,
  type Language,
  NON_TECHNICAL_COST_KINDS,
  type NonTechnicalCostKind,
  parseWanYuanToFen,
  statCategoryOf,
  TECH_CONTRACT_FIELD_LABELS,
  TECH_TRANSFER_ISSUE_MESSAGES,
  type TechContract,
  type TechContractCategory,
  type TechContractInput,
  type TechStatCategory,
  techContractInputSchema,
  translate,
} from '@kechuang/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { fenToWanYuanText } from '../../app/wan-yuan';

/** What the filing form holds: amounts as the 万元 text typed (exact), dates as dayjs. */
export interface ContractFormValues {
  title?: string;
  /** The cascader's path: class, then sub-type. */
  category?: [TechStatCategory, TechContractCategory];
  buyerName?: string;
  buyerCreditCode?: string;
  buyerRegionCode?: string;
  signedOn?: Dayjs | null;
  termStartOn?: Dayjs | null;
  termEndOn?: Dayjs | null;
  contractFen?: string;
  nonTechnicalCosts?: { kind?: NonTechnicalCostKind; description?: string; amountFen?: string }[];
  carrierFen?: string;
  payments?: { dueOn?: Dayjs | null; amountFen?: string; note?: string }[];
  linkedContractId?: number | null;
  sameInvoice?: boolean;
  disputed?: boolean;
  exemptionClaimed?: boolean;
}

/** One message for one form field, by antd name path. */
export interface FieldError {
  name: (string | number)[];
  errors: string[];
}

/** The 分 of a 万元 text; undefined when empty or not an amount (a minus sign is not an amount). */
export function wanTextToFen(text: string | undefined): number | undefined {
  if (typeof text !== 'string' || !text.trim()) return undefined;
  try {
    return parseWanYuanToFen(text.replace(/,/g, ''));
  } catch {
    return undefined;
  }
}

function dateText(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}

/**
 * 技术交易额 as the user types, by the same domain rule the server applies: lines not yet filled
 * count as 0; `problem` says why there is none (no 成交额 yet, or the lines add up to more).
 */
export function liveTechAmount(
  values: Pick<ContractFormValues, 'contractFen' | 'nonTechnicalCosts'>,
): { techFen: number; nonTechnicalFen: number } | { problem: 'noContractAmount' | 'exceedsContract' } {
  const contractFen = wanTextToFen(values.contractFen);
  if (contractFen === undefined) return { problem: 'noContractAmount' };
  const lines = (values.nonTechnicalCosts ?? []).map((line) => ({
    amountFen: wanTextToFen(line?.amountFen) ?? 0,
  }));
  const result = computeTechTransactionFen(contractFen, lines);
  if (!result.ok) return { problem: 'exceedsContract' };
  return { techFen: result.techFen, nonTechnicalFen: result.nonTechnicalFen };
}

const MONEY_PATHS = ['contractFen', 'carrierFen'] as const;

function amountFormatError(name: (string | number)[], language: Language): FieldError {
  const label = TECH_CONTRACT_FIELD_LABELS[String(name[name.length - 1])];
  const message = TECH_TRANSFER_ISSUE_MESSAGES['techTransfer.amountFormat'];
  const text = language === 'en' ? `${label.en} ${message.en}` : `${translate(label, 'zh-CN')}${message.zh}`;
  return { name, errors: [text] };
}

/**
 * The form's values as the API's input, checked with the domain's schema: either the input, or each
 * field's message (naming the field, in the user's language) as the server would word it.
 */
export function toContractInput(
  values: ContractFormValues,
  language: Language,
): { input: TechContractInput } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const money = (text: string | undefined, name: (string | number)[], isRequired: boolean) => {
    if (typeof text !== 'string' || !text.trim()) return isRequired ? undefined : 0;
    const fen = wanTextToFen(text);
    if (fen === undefined) errors.push(amountFormatError(name, language));
    return fen;
  };
  const candidate = {
    title: values.title ?? '',
    category: values.category?.[1],
    buyerName: values.buyerName ?? '',
    buyerCreditCode: values.buyerCreditCode?.trim() ? values.buyerCreditCode : null,
    buyerRegionCode: values.buyerRegionCode ?? '',
    signedOn: dateText(values.signedOn),
    termStartOn: dateText(values.termStartOn),
    termEndOn: dateText(values.termEndOn),
    contractFen: money(values.contractFen, [MONEY_PATHS[0]], true),
    nonTechnicalCosts: (values.nonTechnicalCosts ?? []).map((line, index) => ({
      kind: line?.kind,
      description: line?.description ?? '',
      amountFen: money(line?.amountFen, ['nonTechnicalCosts', index, 'amountFen'], true),
    })),
    carrierFen: money(values.carrierFen, [MONEY_PATHS[1]], false),
    payments: (values.payments ?? []).map((line, index) => ({
      dueOn: dateText(line?.dueOn),
      amountFen: money(line?.amountFen, ['payments', index, 'amountFen'], true),
      ...(line?.note?.trim() ? { note: line.note } : {}),
    })),
    // Only 咨询/服务 contracts carry a link; one chosen before the category changed is dropped.
    linkedContractId: canLinkContract(values.category?.[1]) ? (values.linkedContractId ?? null) : null,
    sameInvoice: canLinkContract(values.category?.[1]) ? (values.sameInvoice ?? false) : false,
    disputed: values.disputed ?? false,
    exemptionClaimed: values.exemptionClaimed ?? false,
  };
  const parsed = techContractInputSchema.safeParse(candidate);
  if (parsed.success && errors.length === 0) return { input: parsed.data };
  const named = new Set(errors.map((error) => error.name.join('.')));
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const name = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
    const key = name.join('.');
    // An amount that could not be read is already named; zod would only add "必填" to it.
    if (named.has(key)) continue;
    named.add(key);
    errors.push({ name, errors: [describeIssue(issue, language, TECH_CONTRACT_FIELD_LABELS)] });
  }
  // The schema's cross-field checks wait for every field to parse; 技术交易额 is shown at once.
  const amounts = liveTechAmount(values);
  if (!named.has('techFen') && 'problem' in amounts && amounts.problem === 'exceedsContract') {
    const label = TECH_CONTRACT_FIELD_LABELS.techFen;
    const message = TECH_TRANSFER_ISSUE_MESSAGES['techTransfer.techAboveContract'];
    errors.push({
      name: ['techFen'],
      errors: [language === 'en' ? `${label.en} ${message.en}` : `${label.zh}${message.zh}`],
    });
  }
  return { errors };
}

/** A contract as the form's starting values. */
export function toFormValues(contract: TechContract): ContractFormValues {
  const day = (text: string) => dayjs(text);
  return {
    title: contract.title,
    category: [statCategoryOf(contract.category), contract.category],
    buyerName: contract.buyerName,
    buyerCreditCode: contract.buyerCreditCode ?? '',
    buyerRegionCode: contract.buyerRegionCode,
    signedOn: day(contract.signedOn),
    termStartOn: day(contract.termStartOn),
    termEndOn: day(contract.termEndOn),
    contractFen: fenToWanYuanText(contract.contractFen),
    nonTechnicalCosts: contract.nonTechnicalCosts.map((line) => ({
      kind: line.kind,
      description: line.description,
      amountFen: fenToWanYuanText(line.amountFen),
    })),
    carrierFen: contract.carrierFen ? fenToWanYuanText(contract.carrierFen) : '',
    payments: contract.payments.map((line) => ({
      dueOn: day(line.dueOn),
      amountFen: fenToWanYuanText(line.amountFen),
      note: line.note ?? '',
    })),
    linkedContractId: contract.linkedContractId,
    sameInvoice: contract.sameInvoice,
    disputed: contract.disputed,
    exemptionClaimed: contract.exemptionClaimed,
  };
}

/** 咨询 and 服务 contracts may name the 开发/转让 contract they belong to (the same-invoice case of 免税). */
export function canLinkContract(category: TechContractCategory | undefined): boolean {
  if (!category) return false;
  const stat = statCategoryOf(category);
  return stat === 'consulting' || stat === 'service';
}

export const COST_KINDS: readonly NonTechnicalCostKind[] = NON_TECHNICAL_COST_KINDS;
