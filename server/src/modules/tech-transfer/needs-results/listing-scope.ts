import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/context';
import { AppError } from '../../../core/errors';
import type { Executor } from '../../../db/connection';
import { experts, techNeeds, techResults } from '../../../db/schema';

/** The expert record an expert user signs in as, or null. */
export async function findOwnExpertId(executor: Executor, actor: Actor): Promise<number | null> {
  if (actor.role !== 'expert') return null;
  const [row] = await executor
    .select({ id: experts.id })
    .from(experts)
    .where(eq(experts.userId, actor.userId));
  return row?.id ?? null;
}

export function fieldError(path: string, message: string): AppError {
  return new AppError(400, 'validation', [{ path, message }]);
}

export function likePattern(keyword: string): string {
  return `%${keyword.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

const publicNeed = and(eq(techNeeds.status, 'published'), eq(techNeeds.visibility, 'public')) as SQL;

/**
 * The needs an actor may see. The bureau: all. An enterprise: its own, and others' published public
 * ones. An expert: published public ones, and "matched parties only" needs it has a 对接 record on
 * (as the expert or through one of its results). A matched-only need is never anyone else's.
 */
export function needScope(actor: Actor, expertId: number | null): SQL {
  switch (actor.role) {
    case 'staff':
    case 'leader':
      return sql`true`;
    case 'enterprise':
      return actor.enterpriseId === null
        ? publicNeed
        : (or(eq(techNeeds.enterpriseId, actor.enterpriseId), publicNeed) as SQL);
    case 'expert':
      return expertId === null
        ? publicNeed
        : (or(
            publicNeed,
            sql`exists (select 1 from tech_matchings m left join tech_results mr on mr.id = m.result_id
                 where m.need_id = "tech_needs"."id" and (m.expert_id = ${expertId} or mr.expert_id = ${expertId}))`,
          ) as SQL);
    default:
      return sql`false`;
  }
}

/** Whether the actor sees a need's contact: its owner, the bureau, or a party matched to it. */
export function canSeeNeedContact(actor: Actor, enterpriseId: number, isMatchedParty: boolean): boolean {
  if (actor.role === 'staff' || actor.role === 'leader') return true;
  if (actor.role === 'enterprise') return actor.enterpriseId === enterpriseId;
  return actor.role === 'expert' && isMatchedParty;
}

/** Results: the bureau all; an expert its own and published ones; an enterprise published ones. */
export function resultScope(actor: Actor, expertId: number | null): SQL {
  switch (actor.role) {
    case 'staff':
    case 'leader':
      return sql`true`;
    case 'expert':
      return expertId === null
        ? eq(techResults.status, 'published')
        : (or(eq(techResults.expertId, expertId), eq(techResults.status, 'published')) as SQL);
    case 'enterprise':
      return eq(techResults.status, 'published');
    default:
      return sql`false`;
  }
}
