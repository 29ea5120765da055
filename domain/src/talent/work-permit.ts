/**
 * 外国人来华工作许可 A/B/C (外国人来华工作分类标准（试行）, annex 3 of 外专发〔2017〕40号): the points table
 * (计点积分, 2017 暂行版) and the direct-A / B routes, computed from a foreign talent's facts. The rule set
 * is versioned by document so a later table can sit beside this one. What the rules do not settle
 * (the wage basis, the skill-certificate grades) is marked `toConfirm`.
 */

export const PERMIT_CLASSES = ['A', 'B', 'C', 'NONE'] as const;
export type PermitClass = (typeof PERMIT_CLASSES)[number];

export const PERMIT_CLASS_LABELS: Record<PermitClass, { zh: string; en: string }> = {
  A: { zh: 'A 类（外国高端人才）', en: 'A (high-end talent)' },
  B: { zh: 'B 类（外国专业人才）', en: 'B (professional talent)' },
  C: { zh: 'C 类（其他外国人员）', en: 'C (other foreign staff)' },
  NONE: { zh: '不符合', en: 'Not eligible' },
};

/** The direct-A grounds other than points and salary (any one is enough). */
export const A_QUALIFICATIONS = [
  'programme',
  'achievement',
  'encouraged-post',
  'innovator',
  'young-talent',
] as const;
export type AQualification = (typeof A_QUALIFICATIONS)[number];
export const A_QUALIFICATION_LABELS: Record<AQualification, { zh: string; en: string }> = {
  programme: { zh: '入选国内人才引进计划', en: 'Selected for a national talent programme' },
  achievement: { zh: '国际公认专业成就', en: 'Internationally recognised achievement' },
  'encouraged-post': { zh: '符合市场导向的鼓励类岗位', en: 'Encouraged market-oriented post' },
  innovator: { zh: '创新创业人才', en: 'Innovation / start-up talent' },
  'young-talent': { zh: '优秀青年人才', en: 'Outstanding young talent' },
};

/** The 5-point bonus items (海外名校, 世界500强, 专利, 连续在华 5 年): 5 each, capped at 5. */
export const BONUS_ITEMS = ['top-university', 'fortune-500', 'patent', 'five-years-in-china'] as const;
export type BonusItem = (typeof BONUS_ITEMS)[number];
export const BONUS_ITEM_LABELS: Record<BonusItem, { zh: string; en: string }> = {
  'top-university': { zh: '海外名校毕业', en: 'Top overseas university' },
  'fortune-500': { zh: '世界500强工作经历', en: 'Fortune 500 experience' },
  patent: { zh: '拥有专利', en: 'Holds a patent' },
  'five-years-in-china': { zh: '连续在华工作 5 年以上', en: '5+ consecutive years in China' },
};

export const TALENT_DEGREES = ['doctor', 'master', 'bachelor', 'other'] as const;
export type TalentDegree = (typeof TALENT_DEGREES)[number];

/** The facts of a foreign talent the classification reads. Salary in 分 per year. */
export interface ForeignTalentFacts {
  birthYear: number;
  degree: TalentDegree;
  annualSalaryFen: number | null;
  /** Years of relevant work experience. */
  relevantYears: number;
  /** Months a year worked in China. */
  workMonths: number;
  /** 0 none, 1–6 HSK level; a former Chinese national or a Chinese-taught degree counts as 5. */
  chineseLevel: number;
  aQualifications: readonly AQualification[];
  bonusItems: readonly BonusItem[];
  /** 国际通用职业技能证书 or 急需紧缺技能. */
  skillCertificate: boolean;
  /** 外国语言教学 meeting the native-language and degree conditions. */
  languageTeacher: boolean;
  /** Temporary / short-term work (≤ 90 days) or a 配额管理 route: the C routes. */
  shortTermOrQuota: boolean;
  /** 地方鼓励性加分, 0–10, set by the province. */
  localBonus: number;
}

/** The local previous-year average wage the 6× and 4× tests use, with its basis. */
export interface WageBase {
  city: string;
  year: number;
  averageWageFen: number;
  basis: string;
}

export interface WorkPermitRules {
  document: string;
  directASalaryMultiple: number;
  bSalaryMultiple: number;
  aPoints: number;
  bPoints: number;
  bMaxAge: number;
  bMinYears: number;
  /** Salary bands in 万元, highest first: [lower bound, points]. */
  salaryBands: readonly (readonly [number, number])[];
  /** Points for working in a 西部 / 东北老工业基地 / 国家级贫困县 region; the district is none of these. */
  regionPoints: number;
}

export const WORK_PERMIT_RULES_2017: WorkPermitRules = {
  document: '外专发〔2017〕40号',
  directASalaryMultiple: 6,
  bSalaryMultiple: 4,
  aPoints: 85,
  bPoints: 60,
  bMaxAge: 60,
  bMinYears: 2,
  salaryBands: [
    [45, 20],
    [35, 17],
    [25, 14],
    [15, 11],
    [7, 8],
    [5, 5],
  ],
  regionPoints: 0,
};

export const POINT_ITEMS = [
  'salary',
  'education',
  'experience',
  'workTime',
  'chinese',
  'region',
  'age',
  'bonus',
  'local',
] as const;
export type PointItem = (typeof POINT_ITEMS)[number];
export const POINT_ITEM_LABELS: Record<PointItem, { zh: string; en: string; max: number }> = {
  salary: { zh: '年薪', en: 'Salary', max: 20 },
  education: { zh: '学历', en: 'Education', max: 20 },
  experience: { zh: '工作年限', en: 'Experience', max: 20 },
  workTime: { zh: '年工作时间', en: 'Working time', max: 15 },
  chinese: { zh: '汉语水平', en: 'Chinese', max: 5 },
  region: { zh: '工作区域', en: 'Region', max: 10 },
  age: { zh: '年龄', en: 'Age', max: 15 },
  bonus: { zh: '加分项', en: 'Bonus items', max: 5 },
  local: { zh: '地方鼓励性加分', en: 'Local bonus', max: 10 },
};

export interface PermitReason {
  zh: string;
  en: string;
}

export interface WorkPermitResult {
  permitClass: PermitClass;
  document: string;
  age: number;
  points: Record<PointItem, number>;
  totalPoints: number;
  /** Why the class was reached (each ground met). */
  reasons: PermitReason[];
  /** What would lift the person to the next class. */
  nextClassHints: PermitReason[];
  /** What the rules leave open for this case (e.g. no wage base entered). */
  toConfirm: PermitReason[];
}

const FEN_PER_WAN = 1_000_000;

export function salaryPoints(salaryWan: number, rules = WORK_PERMIT_RULES_2017): number {
  for (const [lower, points] of rules.salaryBands) if (salaryWan >= lower) return points;
  return 0;
}

export function agePoints(age: number): number {
  if (age < 18 || age > 60) return 0;
  if (age <= 25) return 10;
  if (age <= 45) return 15;
  if (age <= 55) return 10;
  return 5;
}

export function experiencePoints(years: number): number {
  return years < 2 ? 0 : Math.min(20, 5 + Math.floor(years) - 2);
}

export function workTimePoints(months: number): number {
  if (months >= 9) return 15;
  if (months >= 6) return 10;
  if (months >= 3) return 5;
  return 0;
}

const EDUCATION_POINTS: Record<TalentDegree, number> = { doctor: 20, master: 15, bachelor: 10, other: 0 };

export function computePermitPoints(
  facts: ForeignTalentFacts,
  age: number,
  rules = WORK_PERMIT_RULES_2017,
): Record<PointItem, number> {
  const salaryWan = (facts.annualSalaryFen ?? 0) / FEN_PER_WAN;
  return {
    salary: salaryPoints(salaryWan, rules),
    education: EDUCATION_POINTS[facts.degree],
    experience: experiencePoints(facts.relevantYears),
    workTime: workTimePoints(facts.workMonths),
    chinese: Math.min(5, Math.max(0, Math.floor(facts.chineseLevel))),
    region: Math.min(10, rules.regionPoints),
    age: agePoints(age),
    bonus: facts.bonusItems.length > 0 ? 5 : 0,
    local: Math.min(10, Math.max(0, Math.floor(facts.localBonus))),
  };
}

const wan = (fen: number) => `${Math.ceil(fen / 10_000) / 100} 万元`;

/**
 * The class a foreign talent reaches: A if any A ground holds, else B if the age and one B route
 * hold, else C if a C route holds, else NONE. `evaluationYear` gives the age; `wageBase` is the
 * previous year's local average wage (without one the 6× / 4× tests cannot be made and are listed
 * under `toConfirm`).
 */
export function classifyForeignTalent(
  facts: ForeignTalentFacts,
  options: { evaluationYear: number; wageBase: WageBase | null; rules?: WorkPermitRules },
): WorkPermitResult {
  const rules = options.rules ?? WORK_PERMIT_RULES_2017;
  const age = options.evaluationYear - facts.birthYear;
  const points = computePermitPoints(facts, age, rules);
  const totalPoints = POINT_ITEMS.reduce((sum, item) => sum + points[item], 0);
  const salary = facts.annualSalaryFen;
  const wage = options.wageBase?.averageWageFen ?? null;
  const toConfirm: PermitReason[] = [];
  if (wage === null)
    toConfirm.push({
      zh: '未录入本地区上年度平均工资，未作年薪倍数判断',
      en: 'No local average wage entered for the previous year: salary multiples not tested',
    });
  const aReasons: PermitReason[] = facts.aQualifications.map((item) => ({
    zh: A_QUALIFICATION_LABELS[item].zh,
    en: A_QUALIFICATION_LABELS[item].en,
  }));
  if (totalPoints >= rules.aPoints)
    aReasons.push({
      zh: `积分 ${totalPoints} 分，达到 ${rules.aPoints} 分`,
      en: `${totalPoints} points ≥ ${rules.aPoints}`,
    });
  if (wage !== null && salary !== null && salary >= rules.directASalaryMultiple * wage)
    aReasons.push({
      zh: `年薪不低于本地区上年度平均工资 ${rules.directASalaryMultiple} 倍（${wan(rules.directASalaryMultiple * wage)}）`,
      en: `Salary at least ${rules.directASalaryMultiple}× the local average wage`,
    });
  const base = { document: rules.document, age, points, totalPoints, toConfirm };
  const aHints: PermitReason[] = [];
  if (wage !== null)
    aHints.push({
      zh: `年薪达到当地平均工资 ${rules.directASalaryMultiple} 倍（${wan(rules.directASalaryMultiple * wage)}）即可直接认定 A 类`,
      en: `A salary of ${rules.directASalaryMultiple}× the local average wage qualifies directly for A`,
    });
  aHints.push({
    zh: `积分再增加 ${rules.aPoints - totalPoints} 分（达到 ${rules.aPoints} 分）可认定 A 类`,
    en: `${rules.aPoints - totalPoints} more points (to ${rules.aPoints}) qualify for A`,
  });
  if (aReasons.length > 0) return { ...base, permitClass: 'A', reasons: aReasons, nextClassHints: [] };

  const ageOk = age <= rules.bMaxAge;
  const bReasons: PermitReason[] = [];
  const degreeOk = facts.degree === 'doctor' || facts.degree === 'master' || facts.degree === 'bachelor';
  if (degreeOk && facts.relevantYears >= rules.bMinYears)
    bReasons.push({
      zh: `学士及以上学位且 ${rules.bMinYears} 年以上相关工作经历`,
      en: `Bachelor or above with ${rules.bMinYears}+ years of relevant experience`,
    });
  if (facts.skillCertificate)
    bReasons.push({ zh: '国际通用职业技能证书或急需紧缺技能', en: 'Recognised skill certificate' });
  if (facts.languageTeacher)
    bReasons.push({ zh: '外国语言教学人员（符合条件）', en: 'Qualified language teacher' });
  if (wage !== null && salary !== null && salary >= rules.bSalaryMultiple * wage)
    bReasons.push({
      zh: `年薪不低于本地区上年度平均工资 ${rules.bSalaryMultiple} 倍`,
      en: `Salary at least ${rules.bSalaryMultiple}× the local average wage`,
    });
  if (totalPoints >= rules.bPoints)
    bReasons.push({
      zh: `积分 ${totalPoints} 分，达到 ${rules.bPoints} 分`,
      en: `${totalPoints} points ≥ ${rules.bPoints}`,
    });
  if (ageOk && bReasons.length > 0)
    return { ...base, permitClass: 'B', reasons: bReasons, nextClassHints: aHints };

  const bHints: PermitReason[] = [];
  if (!ageOk && bReasons.length > 0)
    bHints.push({
      zh: `年龄 ${age} 岁超过 ${rules.bMaxAge} 周岁，B 类须确有需要方可放宽（待核实）`,
      en: `Age ${age} is over ${rules.bMaxAge}; B needs a waiver (to confirm)`,
    });
  else
    bHints.push({
      zh: `积分再增加 ${rules.bPoints - totalPoints} 分（达到 ${rules.bPoints} 分）可认定 B 类`,
      en: `${rules.bPoints - totalPoints} more points (to ${rules.bPoints}) qualify for B`,
    });
  if (facts.shortTermOrQuota)
    return {
      ...base,
      permitClass: 'C',
      reasons: [{ zh: '短期（90 日以内）工作或配额管理人员', en: 'Short-term (≤ 90 days) or quota route' }],
      nextClassHints: bHints,
    };
  return { ...base, permitClass: 'NONE', reasons: [], nextClassHints: bHints };
}
