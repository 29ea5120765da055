import { randomInt } from 'node:crypto';
import {
  EVENT_AUDIENCE_LABELS,
  type EventAudience,
  type ServiceSignupInput,
  type ServiceWalkIn,
  translate,
} from '@kechuang/domain';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import { today } from '../../core/calendar/work-calendar';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, notFound } from '../../core/errors';
import { holdEventPlaces } from '../../core/event-places';
import type { Database, Executor, Transaction } from '../../db/connection';
import {
  enterprises,
  enterpriseTiers,
  serviceEventSignups,
  serviceEvents,
  tierLabels,
} from '../../db/schema';
import { eventDetail, loadEvent, toSignup } from './events-service';
import { SERVICES_MESSAGES } from './messages';
import { actorOf, refusal, requireEnterprise } from './shared';

const CODE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A check-in code: 8 characters without look-alikes (0/O, 1/I), unique across events. */
export function newCheckInCode(): string {
  return Array.from({ length: 8 }, () => CODE_LETTERS[randomInt(CODE_LETTERS.length)]).join('');
}

/**
 * Whether the enterprise is in the event's audience: every enterprise; one carrying one of the
 * listed tiers (in the event's year or the year before); one whose industry (field) or street is
 * listed; or one of the invited. Outside it the sign-up is refused with who the event is open to.
 */
async function checkAudience(
  tx: Transaction,
  event: typeof serviceEvents.$inferSelect,
  enterpriseId: number,
  context: RequestContext,
) {
  const targets = event.audienceTargets;
  let admitted = true;
  if (event.audience === 'invited') admitted = event.invitedEnterpriseIds.includes(enterpriseId);
  else if (event.audience === 'field' || event.audience === 'street') {
    const [enterprise] = await tx
      .select({ industry: enterprises.industry, street: enterprises.street })
      .from(enterprises)
      .where(eq(enterprises.id, enterpriseId));
    const value = event.audience === 'field' ? enterprise?.industry : enterprise?.street;
    admitted = value !== null && value !== undefined && targets.includes(value);
  } else if (event.audience === 'tier') {
    const year = Number(event.heldOn.slice(0, 4));
    const [tier] = await tx
      .select({ id: enterpriseTiers.id })
      .from(enterpriseTiers)
      .innerJoin(tierLabels, eq(tierLabels.id, enterpriseTiers.tierLabelId))
      .where(
        and(
          eq(enterpriseTiers.enterpriseId, enterpriseId),
          inArray(enterpriseTiers.year, [year, year - 1]),
          targets.length > 0 ? inArray(tierLabels.code, targets) : sql`false`,
        ),
      )
      .limit(1);
    admitted = tier !== undefined;
  }
  if (admitted) return;
  const label = EVENT_AUDIENCE_LABELS[event.audience as EventAudience];
  const names =
    event.audience === 'tier' && targets.length > 0
      ? (
          await tx.select({ name: tierLabels.name }).from(tierLabels).where(inArray(tierLabels.code, targets))
        ).map((row) => row.name)
      : targets;
  const listed = names.join('、');
  const audience =
    event.audience === 'invited'
      ? { zh: '受邀企业', en: 'invited enterprises' }
      : { zh: `${label.zh}（${listed}）`, en: `${label.en.toLowerCase()} (${listed})` };
  throw new AppError(409, 'eventOutsideAudience', [
    {
      path: 'attendees',
      message: translate(SERVICES_MESSAGES.outsideAudience({ audience }), context.language),
    },
  ]);
}

/**
 * Inserts a sign-up for `people` places inside the caller's transaction: the event row is locked
 * while the places are counted (shared with every module's events), so concurrent sign-ups fill the
 * capacity exactly and the rest are refused with the places left.
 */
export async function insertSignup(
  tx: Transaction,
  options: {
    eventId: number;
    enterpriseId: number;
    organisation: string;
    input: ServiceSignupInput;
    context: RequestContext;
    on: string;
  },
) {
  const { context } = options;
  const people = options.input.attendees.length;
  const event = await loadEvent(tx, options.eventId);
  if (options.on > event.signupDeadline || options.on > event.heldOn)
    throw refusal('techEventSignupClosed', 'attendees', SERVICES_MESSAGES.signupClosed, context.language);
  await checkAudience(tx, event, options.enterpriseId, context);
  const { capacity, taken } = await holdEventPlaces(tx, {
    eventTable: 'service_events',
    eventId: options.eventId,
    signupTable: 'service_event_signups',
    placesPer: { column: 'people' },
    requested: people,
    excluding: sql`walk_in`,
    full: (left) =>
      refusal('techEventFull', 'attendees', SERVICES_MESSAGES.eventFull({ left }), context.language),
  });
  const [existing] = await tx
    .select({ id: serviceEventSignups.id })
    .from(serviceEventSignups)
    .where(
      and(
        eq(serviceEventSignups.eventId, event.id),
        eq(serviceEventSignups.enterpriseId, options.enterpriseId),
      ),
    );
  if (existing) throw refusal('duplicate', 'attendees', SERVICES_MESSAGES.alreadySignedUp, context.language);
  const [row] = await tx
    .insert(serviceEventSignups)
    .values({
      eventId: event.id,
      enterpriseId: options.enterpriseId,
      organisation: options.organisation,
      attendees: options.input.attendees,
      people,
      code: newCheckInCode(),
    })
    .returning();
  await recordAudit(tx, context, {
    event: 'service-event.signup',
    objectType: 'service_events',
    objectId: event.id,
    after: { enterpriseId: options.enterpriseId, people, capacity, takenBefore: taken },
  });
  return row;
}

/** An enterprise signs up several people for an event. */
export async function signUp(
  db: Database,
  options: { id: number; input: ServiceSignupInput; context: RequestContext },
) {
  const actor = actorOf(options.context);
  const enterpriseId = requireEnterprise(actor);
  return db.transaction(async (tx) => {
    const [enterprise] = await tx
      .select({ name: enterprises.name })
      .from(enterprises)
      .where(eq(enterprises.id, enterpriseId));
    const row = await insertSignup(tx, {
      eventId: options.id,
      enterpriseId,
      organisation: enterprise?.name ?? '',
      input: options.input,
      context: options.context,
      on: today(),
    });
    return toSignup(row, await loadEvent(tx, row.eventId));
  });
}

/**
 * Check-in at the door by the sign-up's code (typed in or read from its QR code): the code must be
 * of this event, used once, on the day of the event.
 */
export async function checkIn(db: Database, options: { id: number; code: string; context: RequestContext }) {
  const actor = actorOf(options.context);
  const { language } = options.context;
  return db.transaction(async (tx) => {
    const event = await loadEvent(tx, options.id);
    const [signup] = await tx
      .select()
      .from(serviceEventSignups)
      .where(eq(serviceEventSignups.code, options.code.toUpperCase()))
      .for('update');
    if (!signup || signup.eventId !== event.id)
      throw refusal('transitionNotAllowed', 'code', SERVICES_MESSAGES.codeNotOfEvent, language);
    if (signup.checkedInAt) throw refusal('duplicate', 'code', SERVICES_MESSAGES.alreadyCheckedIn, language);
    if (today() !== event.heldOn)
      throw refusal('transitionNotAllowed', 'code', SERVICES_MESSAGES.checkInNotToday, language);
    await markCheckedIn(tx, signup.id, new Date(), options.context);
    return eventDetail(tx, actor, event);
  });
}

export async function markCheckedIn(tx: Executor, signupId: number, at: Date, context: RequestContext) {
  const [row] = await tx
    .update(serviceEventSignups)
    .set({ checkedInAt: at })
    .where(eq(serviceEventSignups.id, signupId))
    .returning();
  await recordAudit(tx, context, {
    event: 'service-event.check-in',
    objectType: 'service_events',
    objectId: row.eventId,
    after: { signupId, people: row.people },
  });
}

/** A group that came without signing up, recorded and checked in at the door (takes no place). */
export async function recordWalkIn(
  db: Database,
  options: { id: number; input: ServiceWalkIn; context: RequestContext },
) {
  const actor = actorOf(options.context);
  return db.transaction(async (tx) => {
    const event = await loadEvent(tx, options.id);
    await insertWalkIn(tx, event.id, options.input, new Date(), options.context);
    return eventDetail(tx, actor, event);
  });
}

export async function insertWalkIn(
  tx: Executor,
  eventId: number,
  input: ServiceWalkIn,
  at: Date,
  context: RequestContext,
) {
  const [row] = await tx
    .insert(serviceEventSignups)
    .values({
      eventId,
      enterpriseId: null,
      organisation: input.organisation,
      attendees: input.attendees,
      people: input.attendees.length,
      code: newCheckInCode(),
      walkIn: true,
      checkedInAt: at,
    })
    .returning();
  await recordAudit(tx, context, {
    event: 'service-event.walk-in',
    objectType: 'service_events',
    objectId: eventId,
    after: { organisation: input.organisation, people: row.people },
  });
  return row;
}

/** The enterprise's feedback after the event: satisfaction 1–5 and a comment, once checked in. */
export async function giveFeedback(
  db: Database,
  options: { id: number; input: { satisfaction: number; comment: string | null }; context: RequestContext },
) {
  const actor = actorOf(options.context);
  const enterpriseId = requireEnterprise(actor);
  const { language } = options.context;
  return db.transaction(async (tx) => {
    const event = await loadEvent(tx, options.id);
    const [signup] = await tx
      .select()
      .from(serviceEventSignups)
      .where(
        and(eq(serviceEventSignups.eventId, event.id), eq(serviceEventSignups.enterpriseId, enterpriseId)),
      );
    if (!signup) throw notFound();
    if (today() < event.heldOn)
      throw refusal('transitionNotAllowed', 'satisfaction', SERVICES_MESSAGES.eventNotOver, language);
    if (!signup.checkedInAt)
      throw refusal(
        'transitionNotAllowed',
        'satisfaction',
        SERVICES_MESSAGES.feedbackBeforeCheckIn,
        language,
      );
    const [row] = await tx
      .update(serviceEventSignups)
      .set({ satisfaction: options.input.satisfaction, feedback: options.input.comment })
      .where(eq(serviceEventSignups.id, signup.id))
      .returning();
    await recordAudit(tx, options.context, {
      event: 'service-event.feedback',
      objectType: 'service_events',
      objectId: event.id,
      after: { satisfaction: options.input.satisfaction },
    });
    return toSignup(row, event);
  });
}

/** An enterprise's own sign-ups, newest first, with their check-in codes. */
export async function listMySignups(
  db: Database,
  options: { actor: Actor; query: { page: number; pageSize: number } },
) {
  const enterpriseId = requireEnterprise(options.actor);
  const where = eq(serviceEventSignups.enterpriseId, enterpriseId);
  const [rows, [counted]] = await Promise.all([
    db
      .select({ signup: serviceEventSignups, title: serviceEvents.title, heldOn: serviceEvents.heldOn })
      .from(serviceEventSignups)
      .innerJoin(serviceEvents, eq(serviceEvents.id, serviceEventSignups.eventId))
      .where(where)
      .orderBy(desc(serviceEvents.heldOn), desc(serviceEventSignups.id))
      .limit(options.query.pageSize)
      .offset((options.query.page - 1) * options.query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(serviceEventSignups).where(where),
  ]);
  return {
    items: rows.map((row) => toSignup(row.signup, row)),
    total: Number(counted.total),
    page: options.query.page,
    pageSize: options.query.pageSize,
  };
}
