import type { Text } from '../i18n';
import {
  COLLABORATION_CONFLICT_YEARS,
  type ConflictExpert,
  type ConflictItem,
  type ConflictOverride,
  type ConflictType,
  type ExpertConflictDeclaration,
  MAX_APPLICANT_EXCLUSIONS,
  RELATION_CONFLICT_TYPE,
  RELATION_LABELS,
} from './conflict-schemas';
import {
  type IdentityMatch,
  matchOrganisations,
  matchPeople,
  normaliseName,
  type OrganisationRef,
  type PersonRef,
} from './identity';

export interface DetectedConflict {
  type: ConflictType;
  reason: Text;
  /** Found by name only: may be a namesake. */
  matchedBy: IdentityMatch | 'declaration' | 'exclusion';
  /** The expert's own project and the expert's own declaration cannot be overridden by staff. */
  isOverridable: boolean;
  override: ConflictOverride | null;
}

export interface ExpertItemConflicts {
  itemId: string;
  expertId: string;
  conflicts: DetectedConflict[];
  /** False only when every conflict on the pair has been overridden. */
  isBlocking: boolean;
}

export interface DetectConflictsInput {
  items: readonly ConflictItem[];
  experts: readonly ConflictExpert[];
  declarations?: readonly ExpertConflictDeclaration[];
  /** The day the round is judged on (YYYY-MM-DD): collaborations ending in the 3 years before it count. */
  referenceDate: string;
}

/** The first day still inside the window: the same calendar day `years` earlier (29 Feb → 28 Feb). */
export function collaborationWindowStart(
  referenceDate: string,
  years = COLLABORATION_CONFLICT_YEARS,
): string {
  const [year, month, day] = referenceDate.split('-');
  const start = `${String(Number(year) - years).padStart(4, '0')}-${month}-${day}`;
  return month === '02' && day === '29' ? start.replace(/-29$/, '-28') : start;
}

type Role = 'applicant' | 'partner';
interface OrganisationEntry {
  itemIndex: number;
  role: Role;
  organisation: OrganisationRef;
}
type PersonRole = 'principalInvestigator' | 'member';
interface PersonEntry {
  itemIndex: number;
  role: PersonRole;
  person: PersonRef;
}

/** Looks up by the strong key when the probe has one, and by name among entries that lack it. */
function createIdentityIndex<TEntry>() {
  const byKey = new Map<string, TEntry[]>();
  const byName = new Map<string, TEntry[]>();
  const byNameWithoutKey = new Map<string, TEntry[]>();
  return {
    add(key: string | null | undefined, name: string, entry: TEntry): void {
      const normalised = normaliseName(name);
      if (key) push(byKey, key, entry);
      else push(byNameWithoutKey, normalised, entry);
      push(byName, normalised, entry);
    },
    find(key: string | null | undefined, name: string): readonly TEntry[] {
      const normalised = normaliseName(name);
      if (!key) return byName.get(normalised) ?? [];
      return [...(byKey.get(key) ?? []), ...(byNameWithoutKey.get(normalised) ?? [])];
    },
  };
}

function push<TEntry>(map: Map<string, TEntry[]>, key: string, entry: TEntry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

const ORGANISATION_ROLE: Record<Role, Text> = {
  applicant: { zh: '申报单位', en: 'the applicant' },
  partner: { zh: '合作单位', en: 'a partner organisation' },
};
const PERSON_ROLE: Record<PersonRole, Text> = {
  principalInvestigator: { zh: '项目负责人', en: 'the principal investigator' },
  member: { zh: '项目成员', en: 'a project member' },
};
const MATCH_NOTE: Record<IdentityMatch, Text> = {
  creditCode: { zh: '统一社会信用代码一致', en: 'same credit code' },
  personId: { zh: '证件一致', en: 'same person record' },
  name: { zh: '仅名称一致，可能同名', en: 'same name only, may be a namesake' },
};

/**
 * Every conflicting (item, expert) pair, each with its typed reasons. Built from indexes of the
 * items' organisations and people so that a pool of thousands against thousands of items costs the
 * number of relations, not the number of pairs.
 */
export function detectConflicts(input: DetectConflictsInput): ExpertItemConflicts[] {
  const organisations = createIdentityIndex<OrganisationEntry>();
  const people = createIdentityIndex<PersonEntry>();
  const itemIndexById = new Map<string, number>();
  input.items.forEach((item, itemIndex) => {
    itemIndexById.set(item.id, itemIndex);
    organisations.add(item.applicant.creditCode, item.applicant.name, {
      itemIndex,
      role: 'applicant',
      organisation: item.applicant,
    });
    for (const partner of item.partners)
      organisations.add(partner.creditCode, partner.name, {
        itemIndex,
        role: 'partner',
        organisation: partner,
      });
    people.add(item.principalInvestigator.personId, item.principalInvestigator.name, {
      itemIndex,
      role: 'principalInvestigator',
      person: item.principalInvestigator,
    });
    for (const member of item.members)
      people.add(member.personId, member.name, { itemIndex, role: 'member', person: member });
  });

  const found = new Map<string, ExpertItemConflicts>();
  const add = (itemIndex: number, expertId: string, conflict: Omit<DetectedConflict, 'override'>) => {
    const itemId = input.items[itemIndex].id;
    const key = `${itemId}\u0000${expertId}`;
    let pair = found.get(key);
    if (!pair) {
      pair = { itemId, expertId, conflicts: [], isBlocking: true };
      found.set(key, pair);
    }
    if (
      !pair.conflicts.some((known) => known.type === conflict.type && known.reason.en === conflict.reason.en)
    )
      pair.conflicts.push({ ...conflict, override: null });
  };
  const organisationMatches = (organisation: OrganisationRef) =>
    organisations
      .find(organisation.creditCode, organisation.name)
      .map((entry) => ({ entry, match: matchOrganisations(organisation, entry.organisation) }))
      .filter((hit): hit is { entry: OrganisationEntry; match: IdentityMatch } => hit.match !== null);
  const personMatches = (person: PersonRef) =>
    people
      .find(person.personId, person.name)
      .map((entry) => ({ entry, match: matchPeople(person, entry.person) }))
      .filter((hit): hit is { entry: PersonEntry; match: IdentityMatch } => hit.match !== null);
  const windowStart = collaborationWindowStart(input.referenceDate);

  for (const expert of input.experts) {
    for (const { entry, match } of personMatches(expert.person)) {
      const role = PERSON_ROLE[entry.role];
      add(entry.itemIndex, expert.id, {
        type: 'participant',
        matchedBy: match,
        isOverridable: match === 'name',
        reason: {
          zh: `专家本人是${role.zh}「${entry.person.name}」（${MATCH_NOTE[match].zh}）`,
          en: `The expert is ${role.en}, ${entry.person.name} (${MATCH_NOTE[match].en})`,
        },
      });
    }
    for (const organisation of [expert.organisation, ...expert.affiliations]) {
      const isMain = organisation === expert.organisation;
      for (const { entry, match } of organisationMatches(organisation)) {
        const role = ORGANISATION_ROLE[entry.role];
        add(entry.itemIndex, expert.id, {
          type: 'institutional',
          matchedBy: match,
          isOverridable: true,
          reason: {
            zh: `专家${isMain ? '所在单位' : '兼职单位'}「${organisation.name}」是${role.zh}（${MATCH_NOTE[match].zh}）`,
            en: `The expert's ${isMain ? 'organisation' : 'part-time post'}, ${organisation.name}, is ${role.en} (${MATCH_NOTE[match].en})`,
          },
        });
      }
    }
    for (const relation of expert.relations) {
      const label = RELATION_LABELS[relation.kind];
      const type = RELATION_CONFLICT_TYPE[relation.kind];
      if (relation.person)
        for (const { entry, match } of personMatches(relation.person)) {
          const role = PERSON_ROLE[entry.role];
          add(entry.itemIndex, expert.id, {
            type,
            matchedBy: match,
            isOverridable: true,
            reason: {
              zh: `专家申报与${role.zh}「${entry.person.name}」有${label.zh}关系（${MATCH_NOTE[match].zh}）`,
              en: `The expert declared ${label.en} relation with ${role.en}, ${entry.person.name} (${MATCH_NOTE[match].en})`,
            },
          });
        }
      if (relation.organisation)
        for (const { entry, match } of organisationMatches(relation.organisation)) {
          const role = ORGANISATION_ROLE[entry.role];
          add(entry.itemIndex, expert.id, {
            type,
            matchedBy: match,
            isOverridable: true,
            reason: {
              zh: `专家申报与${role.zh}「${entry.organisation.name}」有${label.zh}关系（${MATCH_NOTE[match].zh}）`,
              en: `The expert declared ${label.en} relation with ${role.en}, ${entry.organisation.name} (${MATCH_NOTE[match].en})`,
            },
          });
        }
    }
    for (const collaboration of expert.collaborations) {
      if (collaboration.endedOn !== null && collaboration.endedOn < windowStart) continue;
      const when =
        collaboration.endedOn === null
          ? { zh: '合作仍在进行', en: 'still running' }
          : { zh: `合作于 ${collaboration.endedOn} 结束`, en: `ended ${collaboration.endedOn}` };
      const subjects = [
        ...(collaboration.person
          ? personMatches(collaboration.person).map(({ entry, match }) => ({
              itemIndex: entry.itemIndex,
              match,
              who: PERSON_ROLE[entry.role],
              name: entry.person.name,
            }))
          : []),
        ...(collaboration.organisation
          ? organisationMatches(collaboration.organisation).map(({ entry, match }) => ({
              itemIndex: entry.itemIndex,
              match,
              who: ORGANISATION_ROLE[entry.role],
              name: entry.organisation.name,
            }))
          : []),
      ];
      for (const subject of subjects)
        add(subject.itemIndex, expert.id, {
          type: 'collaborator',
          matchedBy: subject.match,
          isOverridable: true,
          reason: {
            zh: `专家近 ${COLLABORATION_CONFLICT_YEARS} 年内与${subject.who.zh}「${subject.name}」有合作（${when.zh}；${MATCH_NOTE[subject.match].zh}）`,
            en: `The expert collaborated with ${subject.who.en}, ${subject.name}, within the last ${COLLABORATION_CONFLICT_YEARS} years (${when.en}; ${MATCH_NOTE[subject.match].en})`,
          },
        });
    }
  }

  const expertIds = new Set(input.experts.map((expert) => expert.id));
  input.items.forEach((item, itemIndex) => {
    for (const expertId of item.excludedExpertIds.slice(0, MAX_APPLICANT_EXCLUSIONS))
      if (expertIds.has(expertId))
        add(itemIndex, expertId, {
          type: 'applicant-exclusion',
          matchedBy: 'exclusion',
          isOverridable: true,
          reason: { zh: '申报方申请该专家回避', en: 'The applicant asked for this expert to be excluded' },
        });
  });
  for (const declaration of input.declarations ?? []) {
    const itemIndex = itemIndexById.get(declaration.itemId);
    if (itemIndex === undefined || !expertIds.has(declaration.expertId)) continue;
    add(itemIndex, declaration.expertId, {
      type: 'expert-declared',
      matchedBy: 'declaration',
      isOverridable: false,
      reason: {
        zh: `专家声明回避：${declaration.reason}`,
        en: `The expert declared a conflict: ${declaration.reason}`,
      },
    });
  }

  return [...found.values()].sort(
    (a, b) => compareIds(a.itemId, b.itemId) || compareIds(a.expertId, b.expertId),
  );
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface UnusedConflictOverride {
  override: ConflictOverride;
  reason: Text;
}

/**
 * Attaches staff overrides to the conflicts they lift. A pair stops blocking only when every one of
 * its conflicts is overridden: lifting "same organisation" must not silently lift "relative" too.
 */
export function applyConflictOverrides(
  pairs: readonly ExpertItemConflicts[],
  overrides: readonly ConflictOverride[],
): { pairs: ExpertItemConflicts[]; unusedOverrides: UnusedConflictOverride[] } {
  const byPair = new Map<string, ExpertItemConflicts>();
  const result = pairs.map((pair) => {
    const copy: ExpertItemConflicts = {
      ...pair,
      conflicts: pair.conflicts.map((conflict) => ({ ...conflict })),
    };
    byPair.set(`${pair.itemId}\u0000${pair.expertId}`, copy);
    return copy;
  });
  const unusedOverrides: UnusedConflictOverride[] = [];
  for (const override of overrides) {
    const pair = byPair.get(`${override.itemId}\u0000${override.expertId}`);
    const matching = pair?.conflicts.filter((conflict) => conflict.type === override.type) ?? [];
    if (matching.length === 0) {
      unusedOverrides.push({
        override,
        reason: {
          zh: '该专家与项目之间没有此类回避情形',
          en: 'There is no conflict of this type on this pair',
        },
      });
      continue;
    }
    const overridable = matching.filter((conflict) => conflict.isOverridable);
    if (overridable.length === 0) {
      unusedOverrides.push({
        override,
        reason: { zh: '此类回避情形不能解除', en: 'This conflict cannot be overridden' },
      });
      continue;
    }
    for (const conflict of overridable) conflict.override = override;
  }
  for (const pair of result) pair.isBlocking = pair.conflicts.some((conflict) => conflict.override === null);
  return { pairs: result, unusedOverrides };
}

/** The conflict check the assignment uses: true while a pair has a conflict that is not overridden. */
export function buildConflictPredicate(
  pairs: readonly ExpertItemConflicts[],
): (item: { id: string }, expert: { id: string }) => boolean {
  const blocking = new Set<string>();
  for (const pair of pairs) if (pair.isBlocking) blocking.add(`${pair.itemId}\u0000${pair.expertId}`);
  return (item, expert) => blocking.has(`${item.id}\u0000${expert.id}`);
}
