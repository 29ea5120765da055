import { describe, expect, it } from 'vitest';
import {
  countInForce,
  countRecognised,
  countUpgraded,
  findUpgradeProblem,
  levelAt,
  type PlatformTimeline,
} from './level-history';
import { platformInputSchema } from './schemas';
import { DEFAULT_PLATFORM_TYPES, findTypeLevelProblem, isUpgrade, PLATFORM_LEVELS } from './types';

const typeOf = (code: string) => {
  const type = DEFAULT_PLATFORM_TYPES.find((candidate) => candidate.code === code);
  if (!type) throw new Error(code);
  return type;
};

describe('type × level combinations', () => {
  it('allows the levels §7.1 lists for each type and nothing else', () => {
    expect(findTypeLevelProblem(typeOf('makerspace'), 'national', 1)).toBeNull();
    expect(findTypeLevelProblem(typeOf('makerspace'), 'district', 1)).toBeNull();
    expect(findTypeLevelProblem(typeOf('university-park'), 'city', 1)).toBe('platforms.levelNotOfType');
    expect(findTypeLevelProblem(typeOf('new-rd-institute'), 'national', 1)).toBe('platforms.levelNotOfType');
    expect(findTypeLevelProblem(typeOf('talent-enclave'), 'provincial', 1)).toBe('platforms.levelNotOfType');
    expect(findTypeLevelProblem(typeOf('academician-station'), 'provincial', 1)).toBeNull();
  });

  it('lets only a 创新创业共同体 have several hosts', () => {
    expect(findTypeLevelProblem(typeOf('innovation-community'), 'city', 3)).toBeNull();
    expect(findTypeLevelProblem(typeOf('key-lab'), 'city', 2)).toBe('platforms.oneHostOnly');
  });

  it('refuses a type no longer in use', () => {
    expect(findTypeLevelProblem({ ...typeOf('key-lab'), isActive: false }, 'city', 1)).toBe(
      'platforms.typeInactive',
    );
  });

  it('has each type at one or more known levels, with unique codes and names', () => {
    expect(new Set(DEFAULT_PLATFORM_TYPES.map((type) => type.code)).size).toBe(DEFAULT_PLATFORM_TYPES.length);
    expect(new Set(DEFAULT_PLATFORM_TYPES.map((type) => type.name)).size).toBe(DEFAULT_PLATFORM_TYPES.length);
    for (const type of DEFAULT_PLATFORM_TYPES) {
      expect(type.levels.length).toBeGreaterThan(0);
      for (const level of type.levels) expect(PLATFORM_LEVELS).toContain(level);
    }
  });

  it('orders upgrades 区 → 市 → 省 → 国家', () => {
    expect(isUpgrade('city', 'provincial')).toBe(true);
    expect(isUpgrade('city', 'national')).toBe(true);
    expect(isUpgrade('provincial', 'city')).toBe(false);
    expect(isUpgrade('city', 'city')).toBe(false);
  });
});

const upgraded: PlatformTimeline = {
  history: [
    { level: 'city', recognizedOn: '2018-05-10', kind: 'recognition' },
    { level: 'provincial', recognizedOn: '2020-11-20', kind: 'upgrade' },
  ],
  endedOn: null,
};
const revoked: PlatformTimeline = {
  history: [{ level: 'city', recognizedOn: '2017-03-01', kind: 'recognition' }],
  endedOn: '2020-09-30',
};
const newIn2020: PlatformTimeline = {
  history: [{ level: 'national', recognizedOn: '2020-06-01', kind: 'recognition' }],
  endedOn: null,
};
const district: PlatformTimeline = {
  history: [{ level: 'district', recognizedOn: '2020-03-01', kind: 'recognition' }],
  endedOn: null,
};
const year = (value: number) => ({ from: `${value}-01-01`, to: `${value}-12-31` });

describe('level history counting', () => {
  it('reads the level a platform held on a day', () => {
    expect(levelAt(upgraded, '2018-05-09')).toBeNull();
    expect(levelAt(upgraded, '2019-12-31')).toBe('city');
    expect(levelAt(upgraded, '2020-11-20')).toBe('provincial');
    expect(levelAt(revoked, '2020-09-29')).toBe('city');
    expect(levelAt(revoked, '2020-09-30')).toBeNull();
  });

  it('counts platforms in force at the end of a year, by level, without the revoked', () => {
    const all = [upgraded, revoked, newIn2020, district];
    expect(countInForce(all, '2019-12-31')).toBe(2);
    expect(countInForce(all, '2020-12-31')).toBe(2);
    expect(countInForce(all, '2020-12-31', ['provincial'])).toBe(1);
    expect(countInForce(all, '2020-12-31', ['city'])).toBe(0);
    expect(countInForce(all, '2020-12-31', ['district'])).toBe(1);
  });

  it('counts an upgrade as upgraded, not as new, in the year it happened', () => {
    const all = [upgraded, revoked, newIn2020, district];
    expect(countRecognised(all, year(2020))).toBe(1);
    expect(countRecognised(all, year(2020), ['district'])).toBe(1);
    expect(countUpgraded(all, year(2020))).toBe(1);
    expect(countUpgraded(all, year(2019))).toBe(0);
    expect(countRecognised(all, year(2018))).toBe(1);
  });

  it('accepts only an upgrade to a higher level, not dated before the last step', () => {
    expect(
      findUpgradeProblem(upgraded.history, { level: 'national', recognizedOn: '2021-01-01' }),
    ).toBeNull();
    expect(findUpgradeProblem(upgraded.history, { level: 'city', recognizedOn: '2021-01-01' })).toEqual({
      path: 'level',
      key: 'platforms.notAnUpgrade',
    });
    expect(findUpgradeProblem(upgraded.history, { level: 'national', recognizedOn: '2020-01-01' })).toEqual({
      path: 'recognizedOn',
      key: 'platforms.upgradeBeforeLast',
    });
  });
});

describe('the platform form', () => {
  const valid = {
    name: '任城区智能制造众创空间',
    typeId: 1,
    level: 'city',
    approvingBody: '济宁市科学技术局',
    documentNo: '济科字〔2020〕12号',
    recognizedOn: '2020-06-01',
    hostEnterpriseIds: [1],
    field: null,
    street: null,
    areaSquareMeters: 1200,
    staffCount: 12,
    equipmentFen: 50_000_000,
    contactName: null,
    contactPhone: null,
  };

  it('accepts a complete record', () => {
    expect(platformInputSchema.safeParse(valid).success).toBe(true);
  });

  it('refuses a recognition date in the future, naming the field', () => {
    const result = platformInputSchema.safeParse({ ...valid, recognizedOn: '2999-01-01' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(['recognizedOn']);
  });

  it('refuses the same host twice', () => {
    const result = platformInputSchema.safeParse({ ...valid, hostEnterpriseIds: [3, 3] });
    expect(result.error?.issues[0].path).toEqual(['hostEnterpriseIds']);
  });
});
