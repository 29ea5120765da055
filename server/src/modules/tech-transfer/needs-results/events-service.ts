import { chinaToday, type TechEventInput } from '@kechuang/domain';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit';
import type { Actor, RequestContext } from '../../../core/context';
import { AppError, isUniqueViolation, notFound, versionConflict } from '../../../core/errors';
import { holdEventPlaces } from '../../../core/event-places';
import type { Database, Executor } from '../../../db/connection';
import { enterprises, techEventSignups, techEvents, techNeeds, techResults } from '../../../db/schema';
import { requireActor } from '../contracts-service';
import { fieldError } from './listing-scope';
import { listEventMatchings } from './matchings-service';

type EventRow = typeof techEvents.$inferSelect;
type Guest = TechEventInput['guests'][number];
type AgendaItem = TechEventInput['agenda'][number];

const isBureau = (actor: Actor) => actor.role === 'staff' || actor.role === 'leader';

async function countsOf(executor: Executor, eventIds: number[]) {
  if (eventIds.length === 0) return new Map<number, { signups: number; attended: number }>();
  const rows = await executor
    .select({
      eventId: techEventSignups.eventId,
      signups: sql<number>`count(*)::int`,
      attended: sql<number>`count(*) filter (where ${techEventSignups.attended})::int`,
    })
    .from(techEventSignups)
    .where(inArray(techEventSignups.eventId, eventIds))
    .groupBy(techEventSignups.eventId);
  return new Map(
    rows.map((row) => [row.eventId, { signups: Number(row.signups), attended: Number(row.attended) }]),
  );
}

async function ownSignups(executor: Executor, actor: Actor, eventIds: number[]) {
  if (actor.role !== 'enterprise' || actor.enterpriseId === null || eventIds.length === 0)
    return new Set<number>();
  const rows = await executor
    .select({ eventId: techEventSignups.eventId })
    .from(techEventSignups)
    .where(
      and(eq(techEventSignups.enterpriseId, actor.enterpriseId), inArray(techEventSignups.eventId, eventIds)),
    );
  return new Set(rows.map((row) => row.eventId));
}

function toSummary(
  row: EventRow,
  counts: { signups: number; attended: number },
  isSignedUp: boolean,
  today: string,
) {
  return {
    id: row.id,
    version: row.version,
    title: row.title,
    kind: row.kind as 'session' | 'online' | 'roadshow',
    heldOn: row.heldOn,
    venue: row.venue,
    organiser: row.organiser,
    capacity: row.capacity,
    signupDeadline: row.signupDeadline,
    signupCount: counts.signups,
    attendedCount: counts.attended,
    isSignupOpen: today <= row.signupDeadline && counts.signups < row.capacity,
    isSignedUp,
    needIds: row.needIds,
    resultIds: row.resultIds,
  };
}

async function toDetail(executor: Executor, actor: Actor, row: EventRow) {
  const today = chinaToday(new Date());
  const [counts, own] = await Promise.all([
    countsOf(executor, [row.id]),
    ownSignups(executor, actor, [row.id]),
  ]);
  const needConditions: SQL[] = [inArray(techNeeds.id, row.needIds.length ? row.needIds : [0])];
  // What an event shows outside the bureau never includes a "matched parties only" need.
  if (!isBureau(actor))
    needConditions.push(eq(techNeeds.visibility, 'public'), eq(techNeeds.status, 'published'));
  const [needs, results, signups, matchings] = await Promise.all([
    executor
      .select({ id: techNeeds.id, title: techNeeds.title })
      .from(techNeeds)
      .where(and(...needConditions)),
    executor
      .select({ id: techResults.id, title: techResults.title })
      .from(techResults)
      .where(inArray(techResults.id, row.resultIds.length ? row.resultIds : [0])),
    isBureau(actor)
      ? executor
          .select({ signup: techEventSignups, enterpriseName: enterprises.name })
          .from(techEventSignups)
          .innerJoin(enterprises, eq(enterprises.id, techEventSignups.enterpriseId))
          .where(eq(techEventSignups.eventId, row.id))
          .orderBy(asc(techEventSignups.id))
      : [],
    isBureau(actor) ? listEventMatchings(executor, row.id) : [],
  ]);
  const summary = toSummary(row, counts.get(row.id) ?? { signups: 0, attended: 0 }, own.has(row.id), today);
  return {
    ...summary,
    needIds: isBureau(actor) ? row.needIds : needs.map((need) => need.id),
    guests: row.guests as Guest[],
    agenda: row.agenda as AgendaItem[],
    needs,
    results,
    signups: signups.map(({ signup, enterpriseName }) => ({
      enterpriseId: signup.enterpriseId,
      enterpriseName,
      contactName: signup.contactName,
      contactPhone: signup.contactPhone,
      attendees: signup.attendees,
      attended: signup.attended,
      signedUpAt: signup.createdAt.toISOString(),
    })),
    matchings,
  };
}

/** Needs brought must be published; results published. Each bad id is named. */
async function checkBrought(executor: Executor, input: TechEventInput) {
  if (input.needIds.length) {
    const found = await executor
      .select({ id: techNeeds.id })
      .from(techNeeds)
      .where(and(inArray(techNeeds.id, input.needIds), eq(techNeeds.status, 'published')));
    const missing = input.needIds.filter((id) => !found.some((row) => row.id === id));
    if (missing.length)
      throw fieldError('needIds', `带来的技术需求：编号 ${missing.join('、')} 不存在或未发布`);
  }
  if (input.resultIds.length) {
    const found = await executor
      .select({ id: techResults.id })
      .from(techResults)
      .where(and(inArray(techResults.id, input.resultIds), eq(techResults.status, 'published')));
    const missing = input.resultIds.filter((id) => !found.some((row) => row.id === id));
    if (missing.length)
      throw fieldError('resultIds', `带来的科技成果：编号 ${missing.join('、')} 不存在或未发布`);
  }
}

function columnsOf(input: TechEventInput) {
  return {
    ...input,
    needIds: [...new Set(input.needIds)],
    resultIds: [...new Set(input.resultIds)],
  };
}

export async function createEvent(db: Database, options: { input: TechEventInput; context: RequestContext }) {
  const actor = requireActor(options.context);
  return db.transaction(async (tx) => {
    await checkBrought(tx, options.input);
    const [row] = await tx.insert(techEvents).values(columnsOf(options.input)).returning();
    await recordAudit(tx, options.context, {
      event: 'tech-event.create',
      objectType: 'tech_events',
      objectId: row.id,
      after: { title: row.title, heldOn: row.heldOn, capacity: row.capacity },
    });
    return toDetail(tx, actor, row);
  });
}

export async function saveEvent(
  db: Database,
  options: { id: number; version: number; input: TechEventInput; context: RequestContext },
) {
  const actor = requireActor(options.context);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(techEvents).where(eq(techEvents.id, options.id)).for('update');
    if (!before) throw notFound();
    await checkBrought(tx, options.input);
    const [counted] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(techEventSignups)
      .where(eq(techEventSignups.eventId, before.id));
    if (options.input.capacity < Number(counted.count))
      throw fieldError('capacity', `企业名额：已有 ${counted.count} 家企业报名，名额不能少于报名数`);
    const [row] = await tx
      .update(techEvents)
      .set({ ...columnsOf(options.input), version: sql`${techEvents.version} + 1`, updatedAt: new Date() })
      .where(and(eq(techEvents.id, before.id), eq(techEvents.version, options.version)))
      .returning();
    if (!row) throw versionConflict();
    await recordAudit(tx, options.context, {
      event: 'tech-event.update',
      objectType: 'tech_events',
      objectId: row.id,
      before: { title: before.title, heldOn: before.heldOn, capacity: before.capacity },
      after: { title: row.title, heldOn: row.heldOn, capacity: row.capacity },
    });
    return toDetail(tx, actor, row);
  });
}

export async function readEvent(db: Database, options: { actor: Actor; id: number }) {
  const [row] = await db.select().from(techEvents).where(eq(techEvents.id, options.id));
  if (!row) throw notFound();
  return toDetail(db, options.actor, row);
}

export async function listEvents(
  db: Database,
  options: {
    actor: Actor;
    query: { page: number; pageSize: number; sort?: 'heldOn' | 'id'; order: 'asc' | 'desc'; year?: number };
  },
) {
  const { actor, query } = options;
  const where = query.year ? sql`extract(year from ${techEvents.heldOn}) = ${query.year}` : undefined;
  const column = query.sort === 'id' ? techEvents.id : techEvents.heldOn;
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(techEvents)
      .where(where)
      .orderBy(query.order === 'asc' ? asc(column) : desc(column), desc(techEvents.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(techEvents).where(where),
  ]);
  const ids = rows.map((row) => row.id);
  const [counts, own] = await Promise.all([countsOf(db, ids), ownSignups(db, actor, ids)]);
  const today = chinaToday(new Date());
  return {
    items: rows.map((row) => {
      const summary = toSummary(
        row,
        counts.get(row.id) ?? { signups: 0, attended: 0 },
        own.has(row.id),
        today,
      );
      return isBureau(actor) ? summary : { ...summary, needIds: [] };
    }),
    total: counted.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * An enterprise signs up. The event row is locked while the places are counted, so concurrent
 * sign-ups fill exactly the capacity and the rest are told the event is full.
 */
export async function signUpForEvent(
  db: Database,
  options: {
    id: number;
    input: { contactName: string; contactPhone: string; attendees: number };
    context: RequestContext;
  },
) {
  const actor = requireActor(options.context);
  const enterpriseId = actor.enterpriseId;
  if (actor.role !== 'enterprise' || enterpriseId === null) throw new AppError(403, 'forbidden');
  try {
    return await db.transaction(async (tx) => {
      const [event] = await tx.select().from(techEvents).where(eq(techEvents.id, options.id));
      if (!event) throw notFound();
      if (chinaToday(new Date()) > event.signupDeadline) throw new AppError(409, 'techEventSignupClosed');
      const [existing] = await tx
        .select({ id: techEventSignups.id })
        .from(techEventSignups)
        .where(and(eq(techEventSignups.eventId, event.id), eq(techEventSignups.enterpriseId, enterpriseId)));
      if (existing) throw new AppError(409, 'duplicate');
      // One place per enterprise, held by the shared event-places lock.
      await holdEventPlaces(tx, {
        eventTable: 'tech_events',
        eventId: event.id,
        signupTable: 'tech_event_signups',
        placesPer: 'signup',
        requested: 1,
        full: () => new AppError(409, 'techEventFull'),
      });
      await tx.insert(techEventSignups).values({ eventId: event.id, enterpriseId, ...options.input });
      await recordAudit(tx, options.context, {
        event: 'tech-event.signup',
        objectType: 'tech_events',
        objectId: event.id,
        after: { enterpriseId, attendees: options.input.attendees },
      });
      return toDetail(tx, actor, event);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'duplicate');
    throw error;
  }
}

/** The bureau records who came. */
export async function recordAttendance(
  db: Database,
  options: { id: number; enterpriseId: number; attended: boolean; context: RequestContext },
) {
  const actor = requireActor(options.context);
  return db.transaction(async (tx) => {
    const [event] = await tx.select().from(techEvents).where(eq(techEvents.id, options.id));
    if (!event) throw notFound();
    const [updated] = await tx
      .update(techEventSignups)
      .set({ attended: options.attended })
      .where(
        and(eq(techEventSignups.eventId, event.id), eq(techEventSignups.enterpriseId, options.enterpriseId)),
      )
      .returning({ id: techEventSignups.id });
    if (!updated) throw fieldError('enterpriseId', '企业：未报名本次活动');
    await recordAudit(tx, options.context, {
      event: 'tech-event.attendance',
      objectType: 'tech_events',
      objectId: event.id,
      after: { enterpriseId: options.enterpriseId, attended: options.attended },
    });
    return toDetail(tx, actor, event);
  });
}
