import { z } from 'zod';
import { creditCodeSchema, textSchema } from '../schemas/common';

/**
 * Who is who, for conflicts and for the one-expert-per-organisation rule. Organisations compare by
 * 统一社会信用代码 when both sides have one and by normalised name otherwise; people compare by their
 * person id when both have one and by normalised name otherwise. A name match can be a namesake, which
 * is why conflicts found by name say so and stay overridable.
 */
export const organisationRefSchema = z.strictObject({
  name: textSchema(200),
  creditCode: creditCodeSchema.nullable().optional(),
});
export type OrganisationRef = z.infer<typeof organisationRefSchema>;

export const personRefSchema = z.strictObject({
  personId: z.string().trim().min(1).max(64).nullable().optional(),
  name: textSchema(60),
});
export type PersonRef = z.infer<typeof personRefSchema>;

export type IdentityMatch = 'creditCode' | 'personId' | 'name';

/** Full-width to half-width, no spaces, lower case, one kind of bracket: how the same name gets typed differently. */
export function normaliseName(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .replace(/[【〔［]/g, '(')
    .replace(/[】〕］]/g, ')')
    .toLowerCase();
}

export function matchOrganisations(a: OrganisationRef, b: OrganisationRef): IdentityMatch | null {
  if (a.creditCode && b.creditCode) return a.creditCode === b.creditCode ? 'creditCode' : null;
  return normaliseName(a.name) === normaliseName(b.name) ? 'name' : null;
}

export function matchPeople(a: PersonRef, b: PersonRef): IdentityMatch | null {
  if (a.personId && b.personId) return a.personId === b.personId ? 'personId' : null;
  return normaliseName(a.name) === normaliseName(b.name) ? 'name' : null;
}

/**
 * Groups organisations that count as the same one, as cluster numbers 0..n-1 in input order.
 * The pairwise rule is not transitive (a coded organisation and an uncoded namesake match, two
 * different codes with the same name do not); the clusters take its closure, which can only put
 * more experts apart, never fewer.
 */
export function clusterOrganisations(organisations: readonly OrganisationRef[]): Int32Array {
  const parent = Int32Array.from(organisations, (_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root];
    while (parent[index] !== root) {
      const next = parent[index];
      parent[index] = root;
      index = next;
    }
    return root;
  };
  const union = (a: number, b: number) => {
    const rootA = find(a);
    const rootB = find(b);
    if (rootA !== rootB) parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
  };
  const byCode = new Map<string, number>();
  const uncodedByName = new Map<string, number>();
  organisations.forEach((organisation, index) => {
    const name = normaliseName(organisation.name);
    if (organisation.creditCode) {
      const sameCode = byCode.get(organisation.creditCode);
      if (sameCode === undefined) byCode.set(organisation.creditCode, index);
      else union(sameCode, index);
    } else {
      const sameUncoded = uncodedByName.get(name);
      if (sameUncoded === undefined) uncodedByName.set(name, index);
      else union(sameUncoded, index);
    }
  });
  // An uncoded organisation matches every organisation of its name, coded or not.
  organisations.forEach((organisation, index) => {
    if (organisation.creditCode) {
      const uncoded = uncodedByName.get(normaliseName(organisation.name));
      if (uncoded !== undefined) union(uncoded, index);
    }
  });
  const clusterOfRoot = new Map<number, number>();
  const clusters = new Int32Array(organisations.length);
  for (let index = 0; index < organisations.length; index++) {
    const root = find(index);
    let cluster = clusterOfRoot.get(root);
    if (cluster === undefined) {
      cluster = clusterOfRoot.size;
      clusterOfRoot.set(root, cluster);
    }
    clusters[index] = cluster;
  }
  return clusters;
}
