import { sql } from 'drizzle-orm';
import { enterpriseRecords, within } from '../../core/indicators/records';
import type { Indicator } from '../../core/indicators/types';
import { TECH_CONTRACT_CATEGORY_SQL_LABEL } from './indicator-labels';

/** Contracts registered in the period and not cancelled since, at the seller (输出). */
function registered(amount: string, extra = sql`true`) {
  return (range: { from: string; to: string }) =>
    enterpriseRecords({
      from: 'tech_contracts r0',
      label: "coalesce(r0.registration_no, '') || ' ' || r0.title",
      onDate: 'r0.registered_on',
      amountFen: amount,
      category: TECH_CONTRACT_CATEGORY_SQL_LABEL,
      where: sql`r0.status = 'registered' and ${within('r0.registered_on', range)} and ${extra}`,
    });
}

const contractPath = (row: { id: number }) => `/tech-transfer/contracts/${row.id}`;

/** The technology-market figures of the seed's third section. */
export const techTransferIndicators: readonly Indicator[] = [
  {
    key: 'tech-transfer.turnover',
    section: 'transfer',
    name: { zh: '技术合同成交额', en: 'Technology contract turnover' },
    description: {
      zh: '期间内认定登记（未注销）的技术合同成交额之和，按卖方所在地（输出）统计',
      en: 'Contract value of contracts registered in the period (not cancelled), at the seller',
    },
    unit: '亿元',
    kind: 'sum',
    timing: 'flow',
    breakdowns: ['street', 'industry', 'category'],
    records: registered('r0.contract_fen'),
    recordPath: contractPath,
    roles: ['staff', 'leader', 'observer'],
  },
  {
    key: 'tech-transfer.trade-amount',
    section: 'transfer',
    name: { zh: '技术交易额', en: 'Technology trade amount' },
    description: {
      zh: '期间内认定登记（未注销）的技术合同技术交易额之和（成交额扣除非技术性费用）',
      en: 'Technology part of the contracts registered in the period',
    },
    unit: '亿元',
    kind: 'sum',
    timing: 'flow',
    breakdowns: ['street', 'industry', 'category'],
    records: registered('r0.tech_fen'),
    recordPath: contractPath,
    roles: ['staff', 'leader', 'observer'],
  },
  {
    key: 'tech-transfer.exempt-amount',
    section: 'transfer',
    name: { zh: '免税技术交易额', en: 'VAT-exempt technology trade amount' },
    description: {
      zh: '期间内登记、卖方已申报免征增值税的技术合同技术交易额之和',
      en: 'Technology trade amount of registered contracts whose seller claimed the VAT exemption',
    },
    unit: '万元',
    kind: 'sum',
    timing: 'flow',
    breakdowns: ['street', 'industry', 'category'],
    records: registered('r0.tech_fen', sql`r0.exemption_claimed`),
    recordPath: contractPath,
    roles: ['staff', 'leader', 'observer'],
  },
  {
    key: 'tech-transfer.contracts',
    section: 'transfer',
    name: { zh: '登记技术合同数', en: 'Technology contracts registered' },
    description: { zh: '期间内认定登记（未注销）的技术合同份数', en: 'Contracts registered in the period' },
    unit: '项',
    kind: 'count',
    timing: 'flow',
    breakdowns: ['street', 'industry', 'category'],
    records: registered('r0.contract_fen'),
    recordPath: contractPath,
    roles: ['staff', 'leader', 'observer'],
  },
];
