import { eq, type SQL, sql } from 'drizzle-orm';
import { enterprises, experts, hteApplications, reviewAssignments, reviewRounds } from '../db/schema';
import type { Actor } from './context';

/**
 * Data scope, in one place: which records each role may see. Modules filter every query through
 * these, so an enterprise reaches only its own records and an expert only its assignments.
 */
export function enterpriseScope(actor: Actor): SQL {
  switch (actor.role) {
    case 'staff':
    case 'leader':
      return sql`true`;
    case 'enterprise':
      return actor.enterpriseId === null ? sql`false` : eq(enterprises.id, actor.enterpriseId);
    default:
      return sql`false`;
  }
}

export function ownsEnterprise(actor: Actor, enterpriseId: number): boolean {
  return actor.role === 'enterprise' && actor.enterpriseId === enterpriseId;
}

/** 高企 applications follow their enterprise: the bureau sees all, an enterprise its own. */
export function hteApplicationScope(actor: Actor): SQL {
  switch (actor.role) {
    case 'staff':
    case 'leader':
      return sql`true`;
    case 'enterprise':
      return actor.enterpriseId === null ? sql`false` : eq(hteApplications.enterpriseId, actor.enterpriseId);
    default:
      return sql`false`;
  }
}

/**
 * Review assignments: staff see every one; an expert only its own, and only once the round is
 * released (a draft assignment stays hidden). Anyone else, and an expert asking for another's
 * assignment, finds nothing: the route answers 404, never 403, so ids are not confirmed.
 */
export function reviewAssignmentScope(actor: Actor): SQL {
  switch (actor.role) {
    case 'staff':
      return sql`true`;
    case 'expert':
      return sql`${reviewAssignments.expertId} = (select ${experts.id} from ${experts} where ${experts.userId} = ${actor.userId}) and exists (select 1 from ${reviewRounds} where ${reviewRounds.id} = ${reviewAssignments.roundId} and ${reviewRounds.status} <> 'draft')`;
    default:
      return sql`false`;
  }
}
