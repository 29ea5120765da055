import { describe, expect, it } from 'vitest';
import { buildUscc } from '../uscc';
import {
  type ConflictExpert,
  type ConflictItem,
  type ConflictOverride,
  conflictItemSchema,
  conflictOverrideSchema,
} from './conflict-schemas';
import {
  applyConflictOverrides,
  buildConflictPredicate,
  collaborationWindowStart,
  detectConflicts,
} from './conflicts';
import { clusterOrganisations, matchOrganisations } from './identity';

const APPLICANT_CODE = buildUscc('370811', 'MA3C4D5E6');
const PARTNER_CODE = buildUscc('370811', 'MA7F8G9H0');

function item(overrides: Partial<ConflictItem> = {}): ConflictItem {
  return {
    id: 'P1',
    applicant: { name: '济宁智能装备有限公司', creditCode: APPLICANT_CODE },
    partners: [{ name: '济宁学院' }],
    principalInvestigator: { personId: 'person-pi', name: '王建国' },
    members: [{ name: '李娜' }],
    excludedExpertIds: [],
    ...overrides,
  };
}

function expert(overrides: Partial<ConflictExpert> = {}): ConflictExpert {
  return {
    id: 'E1',
    person: { personId: 'person-e1', name: '张伟' },
    organisation: { name: '山东大学', creditCode: buildUscc('370000', 'MB0000001') },
    affiliations: [],
    relations: [],
    collaborations: [],
    ...overrides,
  };
}

function detectOne(conflictItem: ConflictItem, conflictExpert: ConflictExpert, referenceDate = '2025-06-30') {
  return detectConflicts({ items: [conflictItem], experts: [conflictExpert], referenceDate });
}

describe('conflict detection', () => {
  it('finds nothing between an unrelated expert and item', () => {
    expect(detectOne(item(), expert())).toEqual([]);
  });

  it('institutional: the applicant by credit code, whatever the name says', () => {
    const [pair] = detectOne(
      item(),
      expert({ organisation: { name: '济宁智能装备公司（总部）', creditCode: APPLICANT_CODE } }),
    );
    expect(pair.conflicts).toEqual([
      expect.objectContaining({ type: 'institutional', matchedBy: 'creditCode', isOverridable: true }),
    ]);
    expect(pair.conflicts[0].reason.zh).toBe(
      '专家所在单位「济宁智能装备公司（总部）」是申报单位（统一社会信用代码一致）',
    );
  });

  it('institutional: two different credit codes are two organisations even with the same name', () => {
    const otherCode = buildUscc('370811', 'MA1111111');
    expect(
      detectOne(item(), expert({ organisation: { name: '济宁智能装备有限公司', creditCode: otherCode } })),
    ).toEqual([]);
  });

  it('institutional: a partner by normalised name when one side has no code, and part-time posts count', () => {
    const [pair] = detectOne(
      item(),
      expert({ affiliations: [{ name: ' 济宁 学院', creditCode: PARTNER_CODE }] }),
    );
    expect(pair.conflicts[0]).toMatchObject({ type: 'institutional', matchedBy: 'name' });
    expect(pair.conflicts[0].reason.en).toBe(
      "The expert's part-time post,  济宁 学院, is a partner organisation (same name only, may be a namesake)",
    );
  });

  it('participant: the expert is the principal investigator (by person id: not overridable)', () => {
    const [pair] = detectOne(item(), expert({ person: { personId: 'person-pi', name: '王建国' } }));
    expect(pair.conflicts).toEqual([
      expect.objectContaining({ type: 'participant', matchedBy: 'personId', isOverridable: false }),
    ]);
  });

  it('participant by name only may be a namesake, so staff can lift it', () => {
    const [pair] = detectOne(item(), expert({ person: { name: '李娜' } }));
    expect(pair.conflicts).toEqual([
      expect.objectContaining({ type: 'participant', matchedBy: 'name', isOverridable: true }),
    ]);
  });

  it('relative, advisor, economic interest and other relations with the PI, a member or the applicant', () => {
    const [pair] = detectOne(
      item(),
      expert({
        relations: [
          { kind: 'relative', person: { personId: 'person-pi', name: '王建国' } },
          { kind: 'former-student', person: { name: '李娜' } },
          {
            kind: 'economic-interest',
            organisation: { name: '济宁智能装备有限公司', creditCode: APPLICANT_CODE },
          },
          { kind: 'other', person: { name: '李娜' }, note: '邻居' },
          // Someone else entirely: no conflict from this one.
          { kind: 'former-advisor', person: { name: '赵强' } },
        ],
      }),
    );
    expect(pair.conflicts.map((conflict) => conflict.type)).toEqual([
      'relative',
      'advisor',
      'economic',
      'other-relation',
    ]);
    expect(pair.conflicts[0].reason.zh).toBe('专家申报与项目负责人「王建国」有近亲属关系（证件一致）');
    expect(pair.conflicts[2].reason.en).toBe(
      'The expert declared an economic interest relation with the applicant, 济宁智能装备有限公司 (same credit code)',
    );
  });

  it('collaborator: within 3 years of the reference date, or still running; not before', () => {
    const collaboration = (endedOn: string | null) =>
      detectOne(item(), expert({ collaborations: [{ person: { name: '李娜' }, endedOn }] }), '2025-06-30');
    expect(collaboration('2022-06-30')[0].conflicts[0]).toMatchObject({ type: 'collaborator' });
    expect(collaboration('2022-06-29')).toEqual([]);
    expect(collaboration(null)[0].conflicts[0].reason.en).toContain('still running');
    const withApplicant = detectOne(
      item(),
      expert({ collaborations: [{ organisation: { name: '济宁智能装备有限公司' }, endedOn: '2024-01-15' }] }),
    );
    expect(withApplicant[0].conflicts[0].reason.zh).toBe(
      '专家近 3 年内与申报单位「济宁智能装备有限公司」有合作（合作于 2024-01-15 结束；仅名称一致，可能同名）',
    );
  });

  it('the 3-year window starts on the same calendar day, 29 February on the 28th', () => {
    expect(collaborationWindowStart('2025-06-30')).toBe('2022-06-30');
    expect(collaborationWindowStart('2024-02-29')).toBe('2021-02-28');
  });

  it("applicant's named exclusions, at most 3", () => {
    const [pair] = detectOne(item({ excludedExpertIds: ['E1'] }), expert());
    expect(pair.conflicts).toEqual([
      expect.objectContaining({ type: 'applicant-exclusion', matchedBy: 'exclusion', isOverridable: true }),
    ]);
    const tooMany = conflictItemSchema.safeParse({ ...item(), excludedExpertIds: ['E1', 'E2', 'E3', 'E4'] });
    expect(tooMany.success).toBe(false);
  });

  it('expert-declared conflicts, which staff cannot override', () => {
    const pairs = detectConflicts({
      items: [item()],
      experts: [expert()],
      declarations: [{ itemId: 'P1', expertId: 'E1', reason: '曾为该企业提供咨询' }],
      referenceDate: '2025-06-30',
    });
    expect(pairs[0].conflicts).toEqual([
      expect.objectContaining({
        type: 'expert-declared',
        isOverridable: false,
        reason: {
          zh: '专家声明回避：曾为该企业提供咨询',
          en: 'The expert declared a conflict: 曾为该企业提供咨询',
        },
      }),
    ]);
  });

  it('lists every conflicting pair of a pool against many items, sorted', () => {
    const items = [item({ id: 'P2' }), item({ id: 'P1', applicant: { name: '另一家公司' }, partners: [] })];
    const experts = [
      expert({ id: 'E2', organisation: { name: '济宁学院' } }),
      expert({ id: 'E1', relations: [{ kind: 'relative', person: { name: '李娜' } }] }),
    ];
    const pairs = detectConflicts({ items, experts, referenceDate: '2025-06-30' });
    expect(
      pairs.map((pair) => `${pair.itemId}:${pair.expertId}:${pair.conflicts.map((c) => c.type).join('+')}`),
    ).toEqual(['P1:E1:relative', 'P2:E1:relative', 'P2:E2:institutional']);
  });
});

describe('conflict overrides', () => {
  const override = (type: ConflictOverride['type']): ConflictOverride => ({
    itemId: 'P1',
    expertId: 'E1',
    type,
    reason: '已核实：专家 2023 年已从该单位离职',
    overriddenBy: 'staff01',
    overriddenAt: '2025-07-01T09:00:00+08:00',
  });

  it('lift one type on one pair, and the pair stops blocking only when all its conflicts are lifted', () => {
    const pairs = detectOne(
      item(),
      expert({
        organisation: { name: '济宁学院' },
        relations: [{ kind: 'relative', person: { name: '李娜' } }],
      }),
    );
    const partly = applyConflictOverrides(pairs, [override('institutional')]);
    expect(partly.pairs[0].isBlocking).toBe(true);
    expect(partly.pairs[0].conflicts[0].override?.reason).toBe('已核实：专家 2023 年已从该单位离职');
    expect(buildConflictPredicate(partly.pairs)({ id: 'P1' }, { id: 'E1' })).toBe(true);
    const fully = applyConflictOverrides(pairs, [override('institutional'), override('relative')]);
    expect(fully.pairs[0].isBlocking).toBe(false);
    expect(buildConflictPredicate(fully.pairs)({ id: 'P1' }, { id: 'E1' })).toBe(false);
    // The detected pairs are not changed in place.
    expect(pairs[0].conflicts[0].override).toBeNull();
  });

  it('refuse to lift what cannot be lifted or is not there, and say why', () => {
    const pairs = detectOne(item(), expert({ person: { personId: 'person-pi', name: '王建国' } }));
    const result = applyConflictOverrides(pairs, [override('participant'), override('economic')]);
    expect(result.pairs[0].isBlocking).toBe(true);
    expect(result.unusedOverrides.map((unused) => unused.reason.en)).toEqual([
      'This conflict cannot be overridden',
      'There is no conflict of this type on this pair',
    ]);
  });

  it('need a written reason', () => {
    expect(
      conflictOverrideSchema.safeParse({ ...override('institutional'), reason: '  同意 ' }).success,
    ).toBe(false);
    expect(conflictOverrideSchema.safeParse(override('institutional')).success).toBe(true);
  });
});

describe('organisation identity', () => {
  it('compares by credit code when both have one, by normalised name otherwise', () => {
    const coded = { name: '济宁学院', creditCode: PARTNER_CODE };
    expect(matchOrganisations(coded, { name: '济宁学院（北校区）', creditCode: PARTNER_CODE })).toBe(
      'creditCode',
    );
    expect(matchOrganisations(coded, { name: '济宁学院', creditCode: APPLICANT_CODE })).toBeNull();
    expect(matchOrganisations(coded, { name: '济宁　学院' })).toBe('name');
  });

  it('clusters the closure, so a codeless namesake joins both coded organisations of its name', () => {
    const clusters = clusterOrganisations([
      { name: '济宁学院', creditCode: PARTNER_CODE },
      { name: '其他单位', creditCode: APPLICANT_CODE },
      { name: '济宁学院' },
      { name: '济宁学院', creditCode: buildUscc('370811', 'MA2222222') },
      { name: '山东大学' },
    ]);
    expect([...clusters]).toEqual([0, 1, 0, 0, 2]);
  });
});
