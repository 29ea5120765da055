import {
  isWorkingDay,
  type RegistrationTimeLimits,
  registrationTimeLimitDays,
  statCategoryOf,
  TECH_CONTRACT_CATEGORIES,
  type TechContractCategory,
  type WorkCalendarDays,
} from '@kechuang/domain';
import type { Random } from '../../demo/random';
import {
  type DemoBuyer,
  type DemoBuyerPool,
  type DemoSeller,
  demoTitle,
  RETURN_COMMENTS,
} from './demo-names';

/** 100 元 in 分: ledgers state amounts in 万元 with two decimals, so every demo amount is a multiple. */
const UNIT = 10_000;

/**
 * The seed's figures: 技术合同成交额 of the contracts registered in the period, and the 技术交易额 of
 * those whose 免税 was claimed. 2021 runs to the end of June, as the seed's other 2021 figures do.
 */
export const DEMO_TECH_CONTRACT_YEARS = [
  {
    year: 2020,
    from: '2020-01-01',
    to: '2020-12-31',
    contractFen: 132_300_000_000, // 13.23亿元
    claimedTechFen: 1_700_000_000, // 1700万元
    registered: 150,
    claimed: 8,
    monthWeights: [6, 2, 5, 8, 9, 10, 8, 8, 9, 9, 10, 16],
  },
  {
    year: 2021,
    from: '2021-01-01',
    to: '2021-06-30',
    contractFen: 143_000_000_000, // 14.3亿元
    claimedTechFen: 3_857_000_000, // 3857万元
    registered: 120,
    claimed: 12,
    monthWeights: [8, 5, 10, 10, 11, 16],
  },
] as const;

export interface PlannedStep {
  action: string;
  toStatus: string;
  on: string;
  by: 'seller' | 'staff';
  comment?: string;
}

export interface PlannedContract {
  key: number;
  seller: DemoSeller;
  buyer: DemoBuyer;
  category: TechContractCategory;
  title: string;
  signedOn: string;
  termEndOn: string;
  contractFen: number;
  nonTechnicalFen: number;
  carrierFen: number;
  disputed: boolean;
  exemptionClaimed: boolean;
  /** The 开发 contract (by key) a 咨询/服务 contract belongs to. */
  linkedKey: number | null;
  sameInvoice: boolean;
  status: string;
  acceptedOn: string | null;
  registeredOn: string | null;
  refusalReason: string | null;
  steps: PlannedStep[];
}

export function shiftDate(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

/** The working day `count` working days before `date`. */
export function workingDaysBefore(date: string, count: number, calendar: WorkCalendarDays): string {
  let current = date;
  for (let counted = 0; counted < count; ) {
    current = shiftDate(current, -1);
    if (isWorkingDay(current, calendar)) counted += 1;
  }
  return current;
}

/** Splits `total` units over integer weights exactly, the remainder one unit at a time to the first parts. */
export function splitUnits(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((weight) => Math.floor((total * weight) / sum));
  let left = total - parts.reduce((a, b) => a + b, 0);
  for (let index = 0; left > 0; index = (index + 1) % parts.length, left--) parts[index] += 1;
  return parts;
}

/** How large a class's contracts run relative to a 技术开发 contract. */
const SIZE_FACTOR: Record<string, number> = {
  development: 10,
  transfer: 12,
  license: 8,
  consulting: 3,
  service: 5,
};
const CATEGORY_WEIGHTS: Partial<Record<TechContractCategory, number>> = {
  DEV_COMMISSIONED: 30,
  DEV_COOPERATIVE: 10,
  TRANSFER_PATENT: 4,
  TRANSFER_TECH_SECRET: 4,
  LICENSE_PATENT: 3,
  CONSULTING: 8,
  SERVICE: 25,
  SERVICE_TRAINING: 3,
  SERVICE_INTERMEDIARY: 2,
};
const CLAIMED_CATEGORIES: readonly TechContractCategory[] = [
  'DEV_COMMISSIONED',
  'DEV_COMMISSIONED',
  'DEV_COOPERATIVE',
  'TRANSFER_PATENT',
  'TRANSFER_TECH_SECRET',
  'LICENSE_PATENT',
];

function pickWeighted(random: Random): TechContractCategory {
  const entries = Object.entries(CATEGORY_WEIGHTS) as [TechContractCategory, number][];
  let roll = random.next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [category, weight] of entries) {
    roll -= weight;
    if (roll < 0) return category;
  }
  return 'DEV_COMMISSIONED';
}

/** A registration day of the period, months weighted as registrations fall (few at the Spring Festival). */
function registrationDay(
  random: Random,
  year: number,
  weights: readonly number[],
  calendar: WorkCalendarDays,
): string {
  let roll = random.next() * weights.reduce((a, b) => a + b, 0);
  let month = 0;
  while (roll >= weights[month]) roll -= weights[month++];
  const day = `${year}-${String(month + 1).padStart(2, '0')}-${String(random.integer(1, 28)).padStart(2, '0')}`;
  let current = day;
  while (!isWorkingDay(current, calendar)) current = shiftDate(current, 1);
  return current.slice(0, 7) === day.slice(0, 7) ? current : workingDaysBefore(day, 1, calendar);
}

export interface PlanOptions {
  random: Random;
  sellers: readonly DemoSeller[];
  buyers: DemoBuyerPool;
  calendar: WorkCalendarDays;
  today: string;
}

/** The seller's filing and the registry's steps up to registration, 补正 for about one in eight. */
function registeredSteps(random: Random, registeredOn: string, calendar: WorkCalendarDays) {
  const acceptedOn = workingDaysBefore(registeredOn, random.integer(2, 12), calendar);
  const steps: PlannedStep[] = [];
  let firstSubmitOn = acceptedOn;
  if (random.chance(0.12)) {
    const returnedOn = workingDaysBefore(acceptedOn, random.integer(2, 6), calendar);
    firstSubmitOn = workingDaysBefore(returnedOn, random.integer(2, 8), calendar);
    steps.push(
      { action: 'submit', toStatus: 'submitted', on: firstSubmitOn, by: 'seller' },
      {
        action: 'return',
        toStatus: 'returned',
        on: returnedOn,
        by: 'staff',
        comment: random.pick(RETURN_COMMENTS),
      },
      { action: 'resubmit', toStatus: 'resubmitted', on: acceptedOn, by: 'seller' },
    );
  } else steps.push({ action: 'submit', toStatus: 'submitted', on: acceptedOn, by: 'seller' });
  steps.push({ action: 'register', toStatus: 'registered', on: registeredOn, by: 'staff' });
  return { acceptedOn, signedOn: shiftDate(firstSubmitOn, -random.integer(3, 45)), steps };
}

export function baseContract(
  options: PlanOptions,
  key: number,
  category: TechContractCategory,
  seller: DemoSeller,
): Omit<PlannedContract, 'signedOn' | 'termEndOn' | 'status' | 'acceptedOn' | 'registeredOn' | 'steps'> {
  const { random } = options;
  return {
    key,
    seller,
    buyer: options.buyers.draw(random, seller),
    category,
    title: demoTitle(random, seller.industry, category),
    contractFen: 0,
    nonTechnicalFen: 0,
    carrierFen: 0,
    disputed: false,
    exemptionClaimed: false,
    linkedKey: null,
    sameInvoice: false,
    refusalReason: null,
  };
}

/** Sellers drawn with a preference for the first ones, so a few enterprises sign many contracts. */
export function drawSeller(random: Random, sellers: readonly DemoSeller[]): DemoSeller {
  return sellers[Math.floor(sellers.length * random.next() ** 2)];
}

/**
 * The registered contracts of the seed's years: each year's sum exactly to the seed's 成交额 and
 * their claimed 免税 技术交易额 to the seed's figure, every category each year, 补正 in some
 * histories. The refusal, the cancellation and today's filings come from `planOutsideTheFigures`.
 */
export function planDemoTechContracts(options: PlanOptions): PlannedContract[] {
  const { random, sellers, calendar } = options;
  const planned: PlannedContract[] = [];
  let key = 0;
  for (const target of DEMO_TECH_CONTRACT_YEARS) {
    const claimedCategories = Array.from({ length: target.claimed }, () => random.pick(CLAIMED_CATEGORIES));
    // 2021: the last claim is a 技术咨询 on the same invoice as the 开发 contract before it.
    const withConsulting = target.year === 2021;
    if (withConsulting) {
      claimedCategories[target.claimed - 2] = 'DEV_COMMISSIONED';
      claimedCategories[target.claimed - 1] = 'CONSULTING';
    }
    const otherCount = target.registered - target.claimed;
    const otherCategories = [...TECH_CONTRACT_CATEGORIES].sort(() => random.next() - 0.5);
    while (otherCategories.length < otherCount) otherCategories.push(pickWeighted(random));
    const claimedTech = splitUnits(
      target.claimedTechFen / UNIT,
      claimedCategories.map(() => random.integer(3, 12)),
    );
    const year: PlannedContract[] = [];
    claimedCategories.forEach((category, index) => {
      const previous = year.at(-1);
      const isLinked = category === 'CONSULTING' && previous !== undefined;
      const seller = isLinked ? previous.seller : drawSeller(random, sellers);
      const contract = baseContract(options, key++, category, seller);
      const nonTechnical = random.chance(0.3)
        ? Math.round((claimedTech[index] * random.integer(5, 20)) / 100)
        : 0;
      year.push({
        ...contract,
        contractFen: (claimedTech[index] + nonTechnical) * UNIT,
        nonTechnicalFen: nonTechnical * UNIT,
        exemptionClaimed: true,
        linkedKey: isLinked ? previous.key : null,
        sameInvoice: isLinked,
      } as PlannedContract);
    });
    const claimedContractUnits = year.reduce((sum, contract) => sum + contract.contractFen / UNIT, 0);
    const weights = otherCategories.map((category) =>
      Math.round(SIZE_FACTOR[statCategoryOf(category)] * 100 * (1 / (0.05 + 0.95 * random.next())) ** 1.3),
    );
    const otherUnits = splitUnits(target.contractFen / UNIT - claimedContractUnits, weights);
    otherCategories.forEach((category, index) => {
      const contract = baseContract(options, key++, category, drawSeller(random, sellers));
      const units = otherUnits[index];
      const nonTechnical = random.chance(0.4) ? Math.round((units * random.integer(5, 35)) / 100) : 0;
      year.push({
        ...contract,
        contractFen: units * UNIT,
        nonTechnicalFen: nonTechnical * UNIT,
      } as PlannedContract);
    });
    // A 技术服务 tied to a 开发 contract of the same seller but invoiced apart: registered, not exempt.
    const service = year.find((contract) => contract.category === 'SERVICE' && !contract.exemptionClaimed);
    const development = year.find(
      (contract) => contract.category === 'DEV_COMMISSIONED' && !contract.exemptionClaimed,
    );
    if (service && development) {
      service.seller = development.seller;
      service.linkedKey = development.key;
    }
    const days = year.map(() => registrationDay(random, target.year, target.monthWeights, calendar)).sort();
    // Linked contracts are registered no earlier than the contract they belong to.
    const order = [...year].sort((a, b) => (a.linkedKey === null ? 0 : 1) - (b.linkedKey === null ? 0 : 1));
    order.forEach((contract, index) => {
      const registeredOn = days[index];
      const { acceptedOn, signedOn, steps } = registeredSteps(random, registeredOn, calendar);
      contract.disputed = contract.contractFen >= 3_000_000_000 && random.chance(0.15);
      contract.carrierFen =
        statCategoryOf(contract.category) === 'development' && random.chance(0.3)
          ? Math.round((contract.contractFen - contract.nonTechnicalFen) / UNIT / 50) * UNIT
          : 0;
      Object.assign(contract, {
        signedOn,
        termEndOn: shiftDate(signedOn, random.integer(180, 720)),
        status: 'registered',
        acceptedOn,
        registeredOn,
        steps,
      });
    });
    const amended = year.find(
      (contract) => contract.steps.length === 2 && contract.buyer.creditCode !== null,
    );
    if (amended?.registeredOn) {
      const amendedOn = shiftDate(amended.registeredOn, 20);
      amended.steps.push({
        action: 'amend',
        toStatus: 'registered',
        on: [amendedOn, target.to].sort()[0],
        by: 'staff',
        comment: '合同履行期限经双方协商延长，变更登记',
      });
    }
    planned.push(...year);
  }
  return planned;
}

/** The time limit a contract's clock runs under, as the registry sets it when the filing is accepted. */
export function demoTimeLimitDays(contract: PlannedContract, limits: RegistrationTimeLimits): number {
  return registrationTimeLimitDays(
    contract.contractFen - contract.nonTechnicalFen,
    contract.disputed,
    limits,
  );
}
