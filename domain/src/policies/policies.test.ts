import { describe, expect, it } from 'vitest';
import {
  type AmountRule,
  canFulfilWithoutApplication,
  computeAmount,
  evaluateCondition,
  evaluateItem,
  findAmountProblem,
  findConditionProblem,
  type PolicyCondition,
} from './conditions';
import { policyInputSchema, policyItemInputSchema } from './schemas';
import { DOCUMENT_NUMBER_PATTERN, INDEX_NUMBER_PATTERN } from './types';

const data = (
  field: string,
  operator: PolicyCondition['operator'],
  value: PolicyCondition['value'],
): PolicyCondition => ({
  field,
  operator,
  value,
  required: true,
  evidence: 'data',
});

const profile = {
  'enterprise.street': '古槐街道',
  'enterprise.foundedYear': 2015,
  'techSme.registered': true,
  'hte.valid': false,
  'hte.firstYear': 2019,
  'figures.employees': 120,
  'figures.rdExpense': 3_200_000_00, // 320 万元
  'figures.rdIncrease': 80_000_000, // 80 万元
  'figures.rdRatio': 4.5,
  'figures.revenue': null,
};

const status = (condition: PolicyCondition, year = 2020) =>
  evaluateCondition(condition, profile, year).status;

describe('the condition evaluator', () => {
  it('decides every operator from the profile', () => {
    expect(status(data('enterprise.street', 'eq', '古槐街道'))).toBe('met');
    expect(status(data('enterprise.street', 'ne', '古槐街道'))).toBe('unmet');
    expect(status(data('enterprise.street', 'in', ['古槐街道', '越河街道']))).toBe('met');
    expect(status(data('enterprise.street', 'notIn', ['古槐街道']))).toBe('unmet');
    expect(status(data('figures.rdExpense', 'gte', 320))).toBe('met');
    expect(status(data('figures.rdExpense', 'gt', 320))).toBe('unmet');
    expect(status(data('figures.employees', 'lte', 120))).toBe('met');
    expect(status(data('figures.employees', 'lt', 120))).toBe('unmet');
    expect(status(data('figures.rdRatio', 'between', [3, 5]))).toBe('met');
    expect(status(data('figures.rdRatio', 'between', [5, 6]))).toBe('unmet');
    expect(status(data('hte.firstYear', 'exists', null))).toBe('met');
    expect(status(data('techSme.firstYear', 'exists', null))).toBe('unmet');
    expect(status(data('hte.firstYear', 'withinYears', 2), 2020)).toBe('met');
    expect(status(data('hte.firstYear', 'withinYears', 1), 2020)).toBe('unmet');
    expect(status(data('techSme.registered', 'eq', true))).toBe('met');
    expect(status(data('hte.valid', 'eq', true))).toBe('unmet');
  });

  it('says by how much a lower bound is missed, in 万元', () => {
    const result = evaluateCondition(data('figures.rdExpense', 'gte', 500), profile, 2020);
    expect(result).toMatchObject({ status: 'unmet', actual: 320, shortfall: 180 });
    expect(result.text.zh).toBe('研发费用 不低于 500.00万元：实际 320.00万元，不符合，差 180.00万元');
  });

  it('marks a figure the bureau does not hold as unknown, and a document condition as needing a document', () => {
    expect(status(data('figures.revenue', 'gte', 100))).toBe('unknown');
    expect(status(data('figures.sciTechStaff', 'gte', 10))).toBe('unknown');
    const document = evaluateCondition(
      { ...data('figures.employees', 'gte', 1), evidence: 'applicant', document: '社保缴纳证明' },
      profile,
      2020,
    );
    expect(document.status).toBe('document');
    expect(document.text.zh).toBe('需提交材料：社保缴纳证明');
    expect(evaluateCondition(data('hte.firstYear', 'withinYears', 1), profile, 2020).text.zh).toBe(
      '首次认定高新技术企业年份 在近1年内：实际 2019，不符合',
    );
  });
});

describe('amount rules', () => {
  const percent: AmountRule = {
    kind: 'percent',
    baseField: 'figures.rdIncrease',
    ratePercent: 10,
    capFen: 5_000_000,
    floorFen: 1_000_000,
  };
  const at = (increaseFen: number) => computeAmount(percent, { 'figures.rdIncrease': increaseFen });

  it('pays a fixed amount or a share of a figure kept between the floor and the cap, at their boundaries', () => {
    expect(computeAmount({ kind: 'fixed', amountFen: 10_000_000 }, {})).toBe(10_000_000);
    expect(at(30_000_000)).toBe(3_000_000); // 10 % of 30 万 = 3 万
    expect(at(10_000_000)).toBe(1_000_000); // exactly the floor
    expect(at(9_999_999)).toBe(1_000_000); // below: raised to the floor
    expect(at(50_000_000)).toBe(5_000_000); // exactly the cap
    expect(at(50_000_010)).toBe(5_000_000); // above: cut to the cap
    expect(at(0)).toBe(0); // no increase, nothing to pay
    expect(computeAmount(percent, {})).toBeNull(); // the figure is not held
    expect(computeAmount({ kind: 'none' }, {})).toBeNull();
  });

  it('refuses a cap below the floor and a base that is not money', () => {
    expect(findAmountProblem({ ...percent, capFen: 999_999 } as AmountRule)).toEqual({
      path: 'capFen',
      key: 'policies.capBelowFloor',
    });
    expect(findAmountProblem({ ...percent, baseField: 'figures.employees' } as AmountRule)?.key).toBe(
      'policies.baseNotMoney',
    );
    expect(findAmountProblem({ ...percent, capFen: 1_000_000 } as AmountRule)).toBeNull();
  });
});

describe('item evaluation', () => {
  const item = {
    conditions: [data('techSme.registered', 'eq', true), data('figures.rdExpense', 'gte', 100)],
    amount: { kind: 'fixed', amountFen: 5_000_000 } as AmountRule,
  };

  it('is eligible with its amount when every required condition holds', () => {
    const result = evaluateItem(item, profile, 2020);
    expect(result.outcome).toBe('eligible');
    expect(result.amountFen).toBe(5_000_000);
  });

  it('is ineligible when one fails, unknown when one cannot be decided, and scoring conditions do not gate', () => {
    const failing = evaluateItem(
      { ...item, conditions: [...item.conditions, data('hte.valid', 'eq', true)] },
      profile,
      2020,
    );
    expect(failing).toMatchObject({ outcome: 'ineligible', amountFen: null });
    const open = evaluateItem(
      { ...item, conditions: [...item.conditions, { ...data('figures.revenue', 'gte', 1), required: true }] },
      profile,
      2020,
    );
    expect(open.outcome).toBe('unknown');
    const scoring = evaluateItem(
      { ...item, conditions: [...item.conditions, { ...data('hte.valid', 'eq', true), required: false }] },
      profile,
      2020,
    );
    expect(scoring.outcome).toBe('eligible');
    expect(failing.rank).toBeGreaterThan(open.rank);
    expect(open.rank).toBeGreaterThan(scoring.rank);
  });
});

describe('condition and item checks', () => {
  it('refuses an unknown field, an operator that does not fit, and values of the wrong shape', () => {
    expect(findConditionProblem(data('enterprise.shoeSize', 'eq', 1))?.key).toBe('policies.fieldUnknown');
    expect(findConditionProblem(data('hte.valid', 'gte', 1))?.key).toBe('policies.operatorNotOfField');
    expect(findConditionProblem(data('figures.rdExpense', 'between', [5, 1]))?.key).toBe(
      'policies.valueRange',
    );
    expect(findConditionProblem(data('enterprise.street', 'in', []))?.key).toBe('policies.valueList');
    expect(findConditionProblem(data('hte.firstYear', 'withinYears', 0))?.key).toBe('policies.valueYears');
    expect(findConditionProblem(data('figures.rdExpense', 'gte', '多'))?.key).toBe('policies.valueNumber');
    expect(findConditionProblem(data('hte.valid', 'eq', 'yes'))?.key).toBe('policies.valueBoolean');
  });

  const itemInput = {
    title: '高企认定奖励',
    type: 'award',
    beneficiaries: '首次认定的高新技术企业',
    conditions: [data('hte.firstYear', 'withinYears', 1)],
    amount: { kind: 'fixed', amountFen: 10_000_000 },
    fulfilMode: 'no-application',
    fulfilDays: 20,
    windowFrom: '2020-03-01',
    windowTo: '2020-12-31',
    department: '区科技局',
    contact: '0537-2345678',
  };

  it('allows 免申即享 only where every required condition is decided from data, and a window that ends after it starts', () => {
    expect(policyItemInputSchema.safeParse(itemInput).success).toBe(true);
    const withDocument = {
      ...itemInput,
      conditions: [{ ...data('figures.employees', 'gte', 1), evidence: 'applicant', document: '证明' }],
    };
    const refused = policyItemInputSchema.safeParse(withDocument);
    expect(refused.error?.issues[0].path).toEqual(['fulfilMode']);
    expect(canFulfilWithoutApplication(withDocument.conditions as PolicyCondition[])).toBe(false);
    const backwards = policyItemInputSchema.safeParse({ ...itemInput, windowTo: '2020-02-01' });
    expect(backwards.error?.issues[0].path).toEqual(['windowTo']);
  });

  it('checks the document number, the index number and the order of the dates', () => {
    expect(DOCUMENT_NUMBER_PATTERN.test('济政发〔2025〕8号')).toBe(true);
    expect(DOCUMENT_NUMBER_PATTERN.test('济政发[2025]8号')).toBe(false);
    expect(DOCUMENT_NUMBER_PATTERN.test('财政部税务总局科技部公告2022年第28号')).toBe(true);
    expect(INDEX_NUMBER_PATTERN.test('11370000MB2853648E/2024-01940')).toBe(true);
    const policy = {
      title: '任城区科技创新奖励办法',
      level: 'district',
      theme: 'cultivation',
      indexNo: null,
      documentNo: '任政发〔2020〕3号',
      issuer: '任城区人民政府',
      writtenOn: '2020-03-01',
      publishedOn: '2020-02-01',
      effectiveFrom: '2020-03-01',
      effectiveTo: null,
      fullText: '全文',
      interpretation: null,
      attachments: [],
      supersedesId: null,
      items: [itemInput],
    };
    expect(policyInputSchema.safeParse(policy).error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'publishedOn',
    ]);
    expect(policyInputSchema.safeParse({ ...policy, publishedOn: '2020-03-05' }).success).toBe(true);
  });
});
