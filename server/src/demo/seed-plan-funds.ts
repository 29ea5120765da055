import type { Transaction } from '../db/connection';
import { fundAwards, riskCompensations } from '../db/schema';
import type { Random } from './random';

const WAN = 1_000_000;

/** The seed's 2020 figures: 5263万元 of science funds in all, and 1.39亿元 of loans to 18 enterprises. */
export const DEMO_FUNDS_2020_TOTAL_FEN = 5263 * WAN;
export const DEMO_LOANS_2020_FEN = 13_900 * WAN;
export const DEMO_LOAN_ENTERPRISES_2020 = 18;

/**
 * Funds outside projects: 2020 risk compensation for 18 enterprises with 1.39亿元 of loans (2 %
 * compensated), 30 小升高 rewards, and 研发补助 that bring 2020 to 5263万元 with the project payments
 * made that year; a few cases and awards in 2019 and 2021.
 */
export async function seedFundsDemo(
  tx: Transaction,
  options: { nextEnterprise: () => number; random: Random; paid2020: number },
): Promise<void> {
  const { nextEnterprise, random, paid2020 } = options;
  // 2020 risk compensation: 18 enterprises, 1.39亿元 of loans, 2 % compensated.
  const loansWan = [
    1500, 1200, 1000, 1000, 900, 900, 800, 800, 800, 700, 700, 600, 600, 500, 500, 500, 500, 400,
  ];
  const banks = [
    '济宁银行任城支行',
    '中国银行济宁分行',
    '中国建设银行济宁分行',
    '齐鲁银行济宁分行',
    '济宁农商银行',
  ];
  let compensation2020 = 0;
  for (const [index, loanWan] of loansWan.entries()) {
    const compensationFen = loanWan * WAN * 0.02;
    compensation2020 += compensationFen;
    await tx.insert(riskCompensations).values({
      enterpriseId: nextEnterprise(),
      bankName: banks[index % banks.length],
      loanFen: loanWan * WAN,
      compensationFen,
      compensatedOn: `2020-${String(3 + (index % 9)).padStart(2, '0')}-${String(10 + (index % 15)).padStart(2, '0')}`,
      note: '科技型企业贷款风险补偿',
    });
  }
  for (const [index, loanWan] of [800, 600, 500, 300].entries()) {
    await tx.insert(riskCompensations).values({
      enterpriseId: nextEnterprise(),
      bankName: banks[index % banks.length],
      loanFen: loanWan * WAN,
      compensationFen: loanWan * WAN * 0.02,
      compensatedOn: `2021-0${index + 4}-15`,
    });
  }

  // 2020 subsidies and awards make up the rest of 5263万元: 30 小升高 rewards of 20万, then 研发补助.
  const upgradeFen = 30 * 20 * WAN;
  for (let index = 0; index < 30; index++) {
    await tx.insert(fundAwards).values({
      enterpriseId: nextEnterprise(),
      year: 2020,
      kind: 'upgradeReward',
      amountFen: 20 * WAN,
      documentNo: '任科字〔2020〕42号',
      grantedOn: '2020-11-20',
      note: '小升高奖励（首次认定高新技术企业）',
    });
  }
  let rdLeft = DEMO_FUNDS_2020_TOTAL_FEN - paid2020 - compensation2020 - upgradeFen;
  const rdCount = 45;
  for (let index = 0; index < rdCount; index++) {
    const amountFen = index === rdCount - 1 ? rdLeft : Math.min(rdLeft, random.integer(40, 120) * WAN);
    rdLeft -= amountFen;
    if (amountFen <= 0) continue;
    await tx.insert(fundAwards).values({
      enterpriseId: nextEnterprise(),
      year: 2020,
      kind: 'rdSubsidy',
      amountFen,
      documentNo: '任科字〔2020〕36号',
      grantedOn: '2020-10-15',
      note: '企业研发投入后补助',
    });
  }
  for (const year of [2019, 2021]) {
    for (let index = 0; index < 12; index++) {
      await tx.insert(fundAwards).values({
        enterpriseId: nextEnterprise(),
        year,
        kind: index < 8 ? 'rdSubsidy' : 'upgradeReward',
        amountFen: (index < 8 ? random.integer(30, 100) : 20) * WAN,
        documentNo: `任科字〔${year}〕${20 + index}号`,
        grantedOn: `${year}-10-15`,
      });
    }
  }
}
