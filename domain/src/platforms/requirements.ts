import type { PlatformLevel } from './types';

/**
 * One condition of a type × level's 认定/备案 requirements: a figure with a minimum or maximum
 * (with an alternative figure where the rule says "或"), or a yes/no condition when neither is given.
 */
export interface RequirementItem {
  key: string;
  label: string;
  unit?: string;
  min?: number;
  max?: number;
  /** "或": the condition also holds when this other figure reaches its minimum. */
  or?: { key: string; label: string; unit?: string; min: number };
  /** A figure of the platform's record that fills the value when the applicant leaves it empty. */
  source?: 'areaSquareMeters' | 'staffCount' | 'equipmentWan' | 'operatingMonths';
}

/** The requirements of a type by level, as kept on the type (staff edit the thresholds). */
export type TypeRequirements = Partial<Record<PlatformLevel, RequirementItem[]>>;

/** What the applicant filled in: figures, or true/false for yes/no conditions. */
export type ChecklistValues = Record<string, number | boolean | null>;

export interface ChecklistLine extends RequirementItem {
  value: number | boolean | null;
  orValue: number | boolean | null;
  met: boolean;
}

/** The figures a platform's own record gives, for an upgrade application's checklist. */
export interface PlatformFigures {
  areaSquareMeters: number | null;
  staffCount: number | null;
  equipmentFen: number | null;
  firstRecognizedOn: string | null;
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/** Fills the values the applicant left empty from the platform's record, where an item names a source. */
export function prefillChecklist(
  items: readonly RequirementItem[],
  values: ChecklistValues,
  figures: PlatformFigures | null,
  today: string,
): ChecklistValues {
  if (!figures) return values;
  const filled: ChecklistValues = { ...values };
  for (const item of items) {
    if (!item.source || (filled[item.key] !== undefined && filled[item.key] !== null)) continue;
    const value =
      item.source === 'equipmentWan'
        ? figures.equipmentFen === null
          ? null
          : Math.floor(figures.equipmentFen / 1_000_000)
        : item.source === 'operatingMonths'
          ? figures.firstRecognizedOn === null
            ? null
            : monthsBetween(figures.firstRecognizedOn, today)
          : figures[item.source];
    if (value !== null) filled[item.key] = value;
  }
  return filled;
}

function meets(value: number | boolean | null | undefined, item: { min?: number; max?: number }): boolean {
  if (item.min === undefined && item.max === undefined) return value === true;
  if (typeof value !== 'number') return false;
  return (item.min === undefined || value >= item.min) && (item.max === undefined || value <= item.max);
}

/** Each condition with the applicant's value and whether it is met; `or` conditions hold by either figure. */
export function evaluateChecklist(
  items: readonly RequirementItem[],
  values: ChecklistValues,
): { lines: ChecklistLine[]; metCount: number; allMet: boolean } {
  const lines = items.map((item) => {
    const value = values[item.key] ?? null;
    const orValue = item.or ? (values[item.or.key] ?? null) : null;
    const met = meets(value, item) || (item.or !== undefined && meets(orValue, item.or));
    return { ...item, value, orValue, met };
  });
  const metCount = lines.filter((line) => line.met).length;
  return { lines, metCount, allMet: metCount === lines.length };
}

const months = (min: number): RequirementItem => ({
  key: 'operatingMonths',
  label: '运营时间',
  unit: '个月',
  min,
  source: 'operatingMonths',
});
const area = (min: number, desks?: number): RequirementItem => ({
  key: 'areaSquareMeters',
  label: '场地面积',
  unit: '平方米',
  min,
  source: 'areaSquareMeters',
  ...(desks ? { or: { key: 'desks', label: '工位', unit: '个', min: desks } } : {}),
});
const figure = (key: string, label: string, unit: string, min: number): RequirementItem => ({
  key,
  label,
  unit,
  min,
});
const yes = (key: string, label: string): RequirementItem => ({ key, label });

function makerspace(scale: number, monthsMin: number): RequirementItem[] {
  return [
    months(monthsMin),
    area(Math.round(500 * scale), Math.round(30 * scale)),
    figure('teams', '年入驻创业团队和企业', '个', Math.round(20 * scale)),
    figure('newFirms', '年新注册企业', '家', Math.round(10 * scale)),
    figure('cases', '年典型孵化案例', '个', 3),
    figure('fullTimeStaff', '专职服务人员', '人', 3),
    figure('mentors', '创业导师', '人', 3),
    figure('events', '年创业活动（沙龙、路演、大赛、培训）', '场', Math.round(10 * scale)),
    yes('statistics', '按时报送火炬统计数据'),
  ];
}

/**
 * The requirements the registry starts with, by type code and level (DOMAIN-RULES §7.2 and
 * DOMAIN-RULES-2 §11; the lower levels scale the national or provincial rule down). The migration
 * writes them onto the types; staff change the thresholds there.
 */
export const DEFAULT_REQUIREMENTS: Record<string, TypeRequirements> = {
  makerspace: {
    national: makerspace(1, 18),
    provincial: makerspace(0.6, 12),
    city: makerspace(0.4, 6),
  },
  incubator: {
    national: [
      months(36),
      area(10_000),
      figure('incubationRatio', '孵化场地占比', '%', 75),
      figure('seedFundWan', '种子（孵化）资金', '万元', 500),
      figure('investmentCases', '投资案例', '个', 3),
      yes('statistics', '连续两年报送统计数据'),
    ],
    provincial: [months(24), area(5_000), figure('seedFundWan', '种子（孵化）资金', '万元', 200)],
  },
  'new-rd-institute': {
    provincial: [
      months(12),
      area(600),
      figure('equipmentWan', '仪器设备原值', '万元', 200),
      figure('researchers', '常驻研发人员', '人', 20),
      figure('rdSpendWan', '上年度研发经费支出', '万元', 500),
      yes('independentLegalPerson', '具有独立法人资格'),
    ],
    city: [months(12), area(300), figure('researchers', '常驻研发人员', '人', 10)],
  },
  'academician-station': {
    provincial: [
      yes('agreement', '与院士签订合作协议'),
      { key: 'academicianAge', label: '进站院士年龄', unit: '岁', max: 80 },
      yes('rdInstitution', '企业设有研发机构'),
    ],
  },
  'pilot-base': {
    provincial: [
      months(24),
      { ...figure('equipmentWan', '中试设备原值', '万元', 1_000), source: 'equipmentWan' },
      yes('separateAccounts', '依托单位独立核算'),
    ],
  },
  'talent-enclave': {
    city: [
      area(100),
      figure('rdSpendWan', '年研发投入', '万元', 100),
      figure('rdStaff', '全职研发人员', '人', 5),
      yes('localAgreement', '与本地单位签订合作协议'),
    ],
  },
};
