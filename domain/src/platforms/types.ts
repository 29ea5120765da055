import type { Text } from '../text';

/** 国家 / 省 / 市 / 区, highest first; an upgrade moves a platform up this list. */
export const PLATFORM_LEVELS = ['national', 'provincial', 'city', 'district'] as const;
export type PlatformLevel = (typeof PLATFORM_LEVELS)[number];

export const PLATFORM_LEVEL_LABELS: Record<PlatformLevel, Text> = {
  national: { zh: '国家级', en: 'National' },
  provincial: { zh: '省级', en: 'Provincial' },
  city: { zh: '市级', en: 'City' },
  district: { zh: '区级', en: 'District' },
};

/** The levels the seed's statistics count as 市级以上. */
export const CITY_AND_ABOVE_LEVELS: readonly PlatformLevel[] = ['national', 'provincial', 'city'];

/** Higher is more senior: district 0 … national 3. */
export function levelRank(level: PlatformLevel): number {
  return PLATFORM_LEVELS.length - 1 - PLATFORM_LEVELS.indexOf(level);
}

/** Whether moving from one level to another is an upgrade (市 → 省 → 国家; skipping a level is allowed). */
export function isUpgrade(from: PlatformLevel, to: PlatformLevel): boolean {
  return levelRank(to) > levelRank(from);
}

/** Which line ministry a platform type answers to (科技, 发改, 工信, 科协). */
export const PLATFORM_AUTHORITIES = ['SCI', 'NDRC', 'MIIT', 'CAST'] as const;
export type PlatformAuthority = (typeof PLATFORM_AUTHORITIES)[number];

export const PLATFORM_AUTHORITY_LABELS: Record<PlatformAuthority, Text> = {
  SCI: { zh: '科技部门', en: 'Science & technology' },
  NDRC: { zh: '发展改革部门', en: 'Development & reform' },
  MIIT: { zh: '工业和信息化部门', en: 'Industry & IT' },
  CAST: { zh: '科协', en: 'Association for science & technology' },
};

/** A platform type as master data: which levels it exists at, and whether several hosts share one. */
export interface PlatformTypeDefinition {
  code: string;
  name: string;
  levels: readonly PlatformLevel[];
  authority: PlatformAuthority;
  allowsSeveralHosts: boolean;
  /** Counts as an R&D institution for 规上企业研发机构全覆盖 (DOMAIN-RULES-2 §11.6; configurable). */
  countsForCoverage: boolean;
}

/**
 * The types of DOMAIN-RULES §7.1 and §11 the registry starts with (the migration seeds them; staff
 * edit them afterwards): the levels each is found at are the allowed type × level combinations.
 */
export const DEFAULT_PLATFORM_TYPES: readonly PlatformTypeDefinition[] = [
  {
    code: 'makerspace',
    name: '众创空间',
    levels: ['national', 'provincial', 'city', 'district'],
    authority: 'SCI',
    allowsSeveralHosts: false,
    countsForCoverage: false,
  },
  {
    code: 'incubator',
    name: '科技企业孵化器',
    levels: ['national', 'provincial', 'city', 'district'],
    authority: 'SCI',
    allowsSeveralHosts: false,
    countsForCoverage: false,
  },
  {
    code: 'university-park',
    name: '大学科技园',
    levels: ['national', 'provincial'],
    authority: 'SCI',
    allowsSeveralHosts: false,
    countsForCoverage: false,
  },
  {
    code: 'new-rd-institute',
    name: '新型研发机构',
    levels: ['provincial', 'city'],
    authority: 'SCI',
    allowsSeveralHosts: false,
    countsForCoverage: true,
  },
  {
    code: 'key-lab',
    name: '重点实验室',
    levels: ['national', 'provincial', 'city'],
    authority: 'SCI',
    allowsSeveralHosts: false,
    countsForCoverage: true,
  },
  {
    code: 'tech-innovation-center',
    name: '技术创新中心',
    levels: ['national', 'provincial', 'city'],
    authority: 'SCI',
    allowsSeveralHosts: false,
    countsForCoverage: true,
  },
  {
    code: 'engineering-center',
    name: '工程技术研究中心',
    levels: ['national', 'provincial', 'city'],
    authority: 'SCI',
    allowsSeveralHosts: false,
    countsForCoverage: true,
  },
  {
    code: 'academician-station',
    name: '院士工作站',
    levels: ['provincial', 'city'],
    authority: 'SCI',
    allowsSeveralHosts: false,
    countsForCoverage: true,
  },
  {
    code: 'pilot-base',
    name: '科技成果转化中试基地',
    levels: ['provincial', 'city'],
    authority: 'SCI',
    allowsSeveralHosts: false,
    countsForCoverage: false,
  },
  {
    code: 'talent-enclave',
    name: '人才飞地',
    levels: ['city', 'district'],
    authority: 'SCI',
    allowsSeveralHosts: false,
    countsForCoverage: false,
  },
  {
    code: 'innovation-community',
    name: '创新创业共同体',
    levels: ['provincial', 'city'],
    authority: 'SCI',
    allowsSeveralHosts: true,
    countsForCoverage: false,
  },
  {
    code: 'enterprise-tech-center',
    name: '企业技术中心',
    levels: ['national', 'provincial', 'city'],
    authority: 'MIIT',
    allowsSeveralHosts: false,
    countsForCoverage: true,
  },
];

/** What is wrong with a type × level × hosts combination, as an issue key, or null when it is allowed. */
export function findTypeLevelProblem(
  type: Pick<PlatformTypeDefinition, 'levels' | 'allowsSeveralHosts'> & { isActive?: boolean },
  level: PlatformLevel,
  hostCount: number,
): 'platforms.typeInactive' | 'platforms.levelNotOfType' | 'platforms.oneHostOnly' | null {
  if (type.isActive === false) return 'platforms.typeInactive';
  if (!type.levels.includes(level)) return 'platforms.levelNotOfType';
  if (hostCount > 1 && !type.allowsSeveralHosts) return 'platforms.oneHostOnly';
  return null;
}
