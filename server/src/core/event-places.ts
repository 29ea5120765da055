import { sql } from 'drizzle-orm';
import { queryRows, type Transaction } from '../db/connection';
import { type AppError, notFound } from './errors';

/**
 * Places of an event under concurrent sign-ups, for every module that runs events: the event row is
 * locked (`for update`) while its taken places are counted, so two sign-ups for the last place are
 * served one after the other and the second is refused. `taken` is counted over the sign-up table
 * (`count(*)` of sign-ups, or `sum(<column>)` of people); the caller inserts its sign-up in the same
 * transaction before it commits.
 */
export async function holdEventPlaces(
  tx: Transaction,
  options: {
    eventTable: string;
    eventId: number;
    signupTable: string;
    /** `count` places per sign-up, or the column holding each sign-up's number of people. */
    placesPer: 'signup' | { column: string };
    requested: number;
    /** Sign-ups that do not take places (walk-ins), as a SQL condition to leave out. */
    excluding?: ReturnType<typeof sql>;
    /** The refusal when the requested places are not left (given the places left). */
    full: (left: number) => AppError;
  },
): Promise<{ capacity: number; taken: number }> {
  const [event] = await queryRows<{ capacity: number }>(
    tx,
    sql`select capacity from ${sql.identifier(options.eventTable)} where id = ${options.eventId} for update`,
  );
  if (!event) throw notFound();
  const measure =
    options.placesPer === 'signup'
      ? sql`count(*)`
      : sql`coalesce(sum(${sql.identifier(options.placesPer.column)}), 0)`;
  const [counted] = await queryRows<{ taken: number }>(
    tx,
    sql`select ${measure}::int as taken from ${sql.identifier(options.signupTable)}
        where event_id = ${options.eventId} ${options.excluding ? sql`and not (${options.excluding})` : sql``}`,
  );
  const taken = Number(counted.taken);
  const capacity = Number(event.capacity);
  if (taken + options.requested > capacity) throw options.full(Math.max(capacity - taken, 0));
  return { capacity, taken };
}
