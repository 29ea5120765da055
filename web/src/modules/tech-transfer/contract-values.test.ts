import { buildUscc, type TechContract } from '@kechuang/domain';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  type ContractFormValues,
  canLinkContract,
  liveTechAmount,
  toContractInput,
  toFormValues,
  wanTextToFen,
} from './contract-values';

const BUYER_CODE = buildUscc('370811', 'MA3C4D5E6');

function filled(overrides: Partial<ContractFormValues> = {}): ContractFormValues {
  return {
    title: '高效加氢催化剂制备技术开发',
    category: ['development', 'DEV_COMMISSIONED'],
    buyerName: '济宁某精细化工有限公司',
    buyerCreditCode: BUYER_CODE,
    buyerRegionCode: '3708',
    signedOn: dayjs('2021-09-01'),
    termStartOn: dayjs('2021-09-01'),
    termEndOn: dayjs('2022-08-31'),
    contractFen: '120',
    nonTechnicalCosts: [{ kind: 'equipment', description: '小试反应釜', amountFen: '20.5' }],
    carrierFen: '',
    payments: [{ dueOn: dayjs('2021-10-31'), amountFen: '60', note: '' }],
    linkedContractId: null,
    sameInvoice: false,
    disputed: false,
    exemptionClaimed: true,
    ...overrides,
  };
}

describe('the filing form', () => {
  it('reads 万元 text as exact 分, and nothing else', () => {
    expect(wanTextToFen('12.34')).toBe(12_340_000);
    expect(wanTextToFen('0.000001')).toBe(1);
    expect(wanTextToFen('1,200')).toBe(1_200_000_000);
    expect(wanTextToFen('-3')).toBeUndefined();
    expect(wanTextToFen('abc')).toBeUndefined();
    expect(wanTextToFen('  ')).toBeUndefined();
  });

  it('shows 技术交易额 live from the domain rule: 成交额 minus the lines, never above 成交额', () => {
    expect(liveTechAmount({ contractFen: '120', nonTechnicalCosts: [{ amountFen: '20.5' }] })).toEqual({
      techFen: 99_500_000,
      nonTechnicalFen: 20_500_000,
    });
    // A line still being typed counts as 0.
    expect(liveTechAmount({ contractFen: '10', nonTechnicalCosts: [{ amountFen: '' }, {}] })).toEqual({
      techFen: 10_000_000,
      nonTechnicalFen: 0,
    });
    expect(liveTechAmount({ contractFen: '10', nonTechnicalCosts: [{ amountFen: '10.01' }] })).toEqual({
      problem: 'exceedsContract',
    });
    expect(liveTechAmount({ contractFen: '', nonTechnicalCosts: [] })).toEqual({
      problem: 'noContractAmount',
    });
  });

  it('turns the values into the API input', () => {
    const result = toContractInput(filled(), 'zh-CN');
    expect(result).toEqual({
      input: expect.objectContaining({
        category: 'DEV_COMMISSIONED',
        contractFen: 120_000_000,
        carrierFen: 0,
        nonTechnicalCosts: [{ kind: 'equipment', description: '小试反应釜', amountFen: 20_500_000 }],
        payments: [{ dueOn: '2021-10-31', amountFen: 60_000_000 }],
        signedOn: '2021-09-01',
        buyerCreditCode: BUYER_CODE,
      }),
    });
  });

  it('names each wrong field in Chinese the way the server does', () => {
    const wrongCheck = BUYER_CODE.slice(0, 17) + (BUYER_CODE[17] === '0' ? '1' : '0');
    const result = toContractInput(
      filled({
        buyerCreditCode: wrongCheck,
        nonTechnicalCosts: [{ kind: 'equipment', description: '反应釜', amountFen: '130' }],
        termEndOn: dayjs('2021-01-01'),
        carrierFen: '十万',
      }),
      'zh-CN',
    );
    expect('errors' in result && result.errors).toEqual(
      expect.arrayContaining([
        { name: ['buyerCreditCode'], errors: ['买方统一社会信用代码校验位不正确，请核对'] },
        {
          name: ['techFen'],
          errors: ['技术交易额：非技术性费用合计超过合同成交额，技术交易额不能大于合同成交额'],
        },
        { name: ['carrierFen'], errors: ['技术载体费用：应为以万元计的金额（如 12.50）'] },
      ]),
    );
    // Once the fields parse, the schema's own cross-field checks speak too.
    const crossField = toContractInput(filled({ termEndOn: dayjs('2021-01-01') }), 'zh-CN');
    expect(crossField).toEqual({
      errors: [{ name: ['termEndOn'], errors: ['合同终止日期：应不早于合同起始日期'] }],
    });
  });

  it('words the errors in English for an English reader, and asks for what is missing', () => {
    const result = toContractInput(filled({ title: '', category: undefined, contractFen: '' }), 'en');
    expect('errors' in result && result.errors.map((error) => error.name.join('.')).sort()).toEqual([
      'category',
      'contractFen',
      'title',
    ]);
    expect('errors' in result && result.errors.find((error) => error.name[0] === 'title')).toEqual({
      name: ['title'],
      errors: ['Project title: required'],
    });
  });

  it('a 咨询 contract claimed exempt without its linked contract names the link', () => {
    const result = toContractInput(filled({ category: ['consulting', 'CONSULTING'] }), 'zh-CN');
    expect('errors' in result && result.errors.map((error) => error.name.join('.'))).toEqual([
      'linkedContractId',
    ]);
    expect(canLinkContract('CONSULTING')).toBe(true);
    expect(canLinkContract('SERVICE_TRAINING')).toBe(true);
    expect(canLinkContract('LICENSE_PATENT')).toBe(false);
  });

  it('reads a saved contract back into the same values', () => {
    const saved = {
      ...toContractInput(filled(), 'zh-CN'),
    } as { input: Record<string, unknown> };
    const contract = { ...saved.input, id: 1, version: 3 } as unknown as TechContract;
    const values = toFormValues(contract);
    expect(values.contractFen).toBe('120');
    expect(values.nonTechnicalCosts?.[0].amountFen).toBe('20.5');
    expect(values.category).toEqual(['development', 'DEV_COMMISSIONED']);
    expect(toContractInput(values, 'zh-CN')).toEqual(saved);
  });
});
