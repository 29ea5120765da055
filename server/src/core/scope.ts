import { eq, type SQL, sql } from 'drizzle-orm';
import { enterprises, hteApplications } from '../db/schema';
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
