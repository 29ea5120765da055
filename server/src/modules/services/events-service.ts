import type { ServiceEvent, ServiceEventInput, ServiceEventListQuery } from '@kechuang/domain';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { notFound, versionConflict } from '../../core/errors';
import type { Database, Executor } from '../../db/connection';
import {
  enterprises,
  serviceEventQuestions,
  serviceEventSignups,
  serviceEvents,
  serviceEventTypes,
} from '../../db/schema';
import { SERVICES_MESSAGES } from './messages';
import { actorOf, fieldError, isBureau } from './shared';

type EventRow = typeof serviceEvents.$inferSelect;
type SignupRow = typeof serviceEventSignups.$inferSelect;

export async function listEventTypes(executor: Executor) {
  return executor.select().from(serviceEventTypes).orderBy(asc(serviceEventTypes.sortOrder));
}

async function typeNames(executor: Executor): Promise<Map<number, string>> {
  return new Map((await listEventTypes(executor)).map((type) => [type.id, type.name]));
}

/** People signed up (walk-ins excluded: they take no place) and people checked in, per event. */
async function countsOf(executor: Executor, eventIds: number[]) {
  if (eventIds.length === 0) return new Map<number, { signedUp: number; attended: number }>();
  const rows = await executor
    .select({
      eventId: serviceEventSignups.eventId,
      signedUp: sql<number>`coalesce(sum(${serviceEventSignups.people}) filter (where not ${serviceEventSignups.walkIn}), 0)::int`,
      attended: sql<number>`coalesce(sum(${serviceEventSignups.people}) filter (where ${serviceEventSignups.checkedInAt} is not null), 0)::int`,
    })
    .from(serviceEventSignups)
    .where(inArray(serviceEventSignups.eventId, eventIds))
    .groupBy(serviceEventSignups.eventId);
  return new Map(
    rows.map((row) => [row.eventId, { signedUp: Number(row.signedUp), attended: Number(row.attended) }]),
  );
}

async function ownSignups(executor: Executor, actor: Actor, eventIds: number[]) {
  if (actor.role !== 'enterprise' || actor.enterpriseId === null || eventIds.length === 0)
    return new Map<number, number>();
  const rows = await executor
    .select({ id: serviceEventSignups.id, eventId: serviceEventSignups.eventId })
    .from(serviceEventSignups)
    .where(
      and(
        eq(serviceEventSignups.enterpriseId, actor.enterpriseId),
        inArray(serviceEventSignups.eventId, eventIds),
      ),
    );
  return new Map(rows.map((row) => [row.eventId, row.id]));
}

function toSummary(
  row: EventRow,
  typeName: string,
  counts: { signedUp: number; attended: number },
  mySignupId: number | null,
) {
  return {
    id: row.id,
    typeId: row.typeId,
    typeName,
    title: row.title,
    topic: row.topic,
    speakers: row.speakers,
    place: row.place,
    onlineLink: row.onlineLink,
    heldOn: row.heldOn,
    startTime: row.startTime,
    capacity: row.capacity,
    signupDeadline: row.signupDeadline,
    audience: row.audience as ServiceEvent['audience'],
    audienceNote: row.audienceNote,
    audienceTargets: row.audienceTargets,
    invitedEnterpriseIds: row.invitedEnterpriseIds,
    materials: row.materials,
    signedUp: counts.signedUp,
    attended: counts.attended,
    placesLeft: Math.max(row.capacity - counts.signedUp, 0),
    mySignupId,
    version: row.version,
  };
}

export function toSignup(row: SignupRow, event: { title: string; heldOn: string }) {
  return {
    id: row.id,
    eventId: row.eventId,
    eventTitle: event.title,
    heldOn: event.heldOn,
    enterpriseId: row.enterpriseId,
    organisation: row.organisation,
    attendees: row.attendees,
    code: row.code,
    walkIn: row.walkIn,
    checkedInAt: row.checkedInAt?.toISOString() ?? null,
    satisfaction: row.satisfaction,
    feedback: row.feedback,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The event with its sign-ups (the bureau sees all, an enterprise only its own) and its questions. */
export async function eventDetail(executor: Executor, actor: Actor, row: EventRow): Promise<ServiceEvent> {
  const bureau = isBureau(actor);
  const ownOnly = bureau ? undefined : eq(serviceEventSignups.enterpriseId, actor.enterpriseId ?? -1);
  const [names, counts, signups, questions] = await Promise.all([
    typeNames(executor),
    countsOf(executor, [row.id]),
    executor
      .select()
      .from(serviceEventSignups)
      .where(and(eq(serviceEventSignups.eventId, row.id), ownOnly))
      .orderBy(asc(serviceEventSignups.id)),
    executor
      .select({ question: serviceEventQuestions, enterpriseName: enterprises.name })
      .from(serviceEventQuestions)
      .leftJoin(enterprises, eq(enterprises.id, serviceEventQuestions.enterpriseId))
      .where(
        and(
          eq(serviceEventQuestions.eventId, row.id),
          bureau
            ? undefined
            : sql`(${serviceEventQuestions.isFaq} or ${serviceEventQuestions.enterpriseId} = ${actor.enterpriseId ?? -1})`,
        ),
      )
      .orderBy(asc(serviceEventQuestions.id)),
  ]);
  const [feedback] = await executor
    .select({
      average: sql<string | null>`round(avg(${serviceEventSignups.satisfaction}), 2)`,
      count: sql<number>`count(${serviceEventSignups.satisfaction})::int`,
    })
    .from(serviceEventSignups)
    .where(eq(serviceEventSignups.eventId, row.id));
  const mine = signups.find((signup) => signup.enterpriseId === actor.enterpriseId && !bureau);
  return {
    ...toSummary(
      row,
      names.get(row.typeId) ?? '',
      counts.get(row.id) ?? { signedUp: 0, attended: 0 },
      mine?.id ?? null,
    ),
    signups: signups.map((signup) => toSignup(signup, row)),
    questions: questions.map(({ question, enterpriseName }) => ({
      id: question.id,
      eventId: question.eventId,
      enterpriseName: bureau ? enterpriseName : null,
      question: question.question,
      answer: question.answer,
      isFaq: question.isFaq,
      createdAt: question.createdAt.toISOString(),
    })),
    satisfactionAverage: feedback.average === null ? null : Number(feedback.average),
    feedbackCount: Number(feedback.count),
  };
}

export async function loadEvent(executor: Executor, id: number): Promise<EventRow> {
  const [row] = await executor.select().from(serviceEvents).where(eq(serviceEvents.id, id));
  if (!row) throw notFound();
  return row;
}

export async function readEvent(db: Database, options: { actor: Actor; id: number }) {
  return eventDetail(db, options.actor, await loadEvent(db, options.id));
}

export async function listEvents(db: Database, options: { actor: Actor; query: ServiceEventListQuery }) {
  const { actor, query } = options;
  const conditions: SQL[] = [];
  if (query.year) conditions.push(sql`extract(year from ${serviceEvents.heldOn}) = ${query.year}`);
  if (query.typeId) conditions.push(eq(serviceEvents.typeId, query.typeId));
  if (query.keyword) conditions.push(sql`strpos(${serviceEvents.title}, ${query.keyword}) > 0`);
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const column = query.sort === 'id' ? serviceEvents.id : serviceEvents.heldOn;
  const [rows, [counted], names] = await Promise.all([
    db
      .select()
      .from(serviceEvents)
      .where(where)
      .orderBy(query.order === 'asc' ? asc(column) : desc(column), desc(serviceEvents.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(serviceEvents).where(where),
    typeNames(db),
  ]);
  const ids = rows.map((row) => row.id);
  const [counts, own] = await Promise.all([countsOf(db, ids), ownSignups(db, actor, ids)]);
  return {
    items: rows.map((row) =>
      toSummary(
        row,
        names.get(row.typeId) ?? '',
        counts.get(row.id) ?? { signedUp: 0, attended: 0 },
        own.get(row.id) ?? null,
      ),
    ),
    total: Number(counted.total),
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function checkType(executor: Executor, typeId: number, context: RequestContext) {
  const [type] = await executor.select().from(serviceEventTypes).where(eq(serviceEventTypes.id, typeId));
  if (!type) throw fieldError('typeId', SERVICES_MESSAGES.unknownType, context.language);
}

/** Inserts an event inside the caller's transaction (the demo district builds its events this way). */
export async function insertEvent(tx: Executor, input: ServiceEventInput, context: RequestContext) {
  await checkType(tx, input.typeId, context);
  const [row] = await tx.insert(serviceEvents).values(input).returning();
  await recordAudit(tx, context, {
    event: 'service-event.create',
    objectType: 'service_events',
    objectId: row.id,
    after: { title: row.title, heldOn: row.heldOn, capacity: row.capacity },
  });
  return row;
}

export async function createEvent(
  db: Database,
  options: { input: ServiceEventInput; context: RequestContext },
) {
  const actor = actorOf(options.context);
  return db.transaction(async (tx) =>
    eventDetail(tx, actor, await insertEvent(tx, options.input, options.context)),
  );
}

export async function updateEvent(
  db: Database,
  options: { id: number; input: ServiceEventInput & { version: number }; context: RequestContext },
) {
  const actor = actorOf(options.context);
  const { version, ...input } = options.input;
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(serviceEvents)
      .where(eq(serviceEvents.id, options.id))
      .for('update');
    if (!before) throw notFound();
    await checkType(tx, input.typeId, options.context);
    const taken = (await countsOf(tx, [before.id])).get(before.id)?.signedUp ?? 0;
    if (input.capacity < taken)
      throw fieldError(
        'capacity',
        SERVICES_MESSAGES.capacityBelowSignups({ taken }),
        options.context.language,
      );
    const [row] = await tx
      .update(serviceEvents)
      .set({ ...input, version: sql`${serviceEvents.version} + 1`, updatedAt: new Date() })
      .where(and(eq(serviceEvents.id, before.id), eq(serviceEvents.version, version)))
      .returning();
    if (!row) throw versionConflict();
    await recordAudit(tx, options.context, {
      event: 'service-event.update',
      objectType: 'service_events',
      objectId: row.id,
      before: { title: before.title, heldOn: before.heldOn, capacity: before.capacity },
      after: { title: row.title, heldOn: row.heldOn, capacity: row.capacity },
    });
    return eventDetail(tx, actor, row);
  });
}
