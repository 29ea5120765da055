import { and, desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { notFound } from '../../core/errors';
import type { Database } from '../../db/connection';
import { serviceEventQuestions, serviceEvents } from '../../db/schema';
import { eventDetail, loadEvent } from './events-service';
import { actorOf, requireEnterprise } from './shared';

/** An enterprise asks a question of an event (the online 答疑 board, or one asked at the event). */
export async function askQuestion(
  db: Database,
  options: { id: number; question: string; context: RequestContext },
) {
  const actor = actorOf(options.context);
  const enterpriseId = requireEnterprise(actor);
  return db.transaction(async (tx) => {
    const event = await loadEvent(tx, options.id);
    const [row] = await tx
      .insert(serviceEventQuestions)
      .values({ eventId: event.id, enterpriseId, question: options.question })
      .returning();
    await recordAudit(tx, options.context, {
      event: 'service-event.question',
      objectType: 'service_events',
      objectId: event.id,
      after: { questionId: row.id },
    });
    return eventDetail(tx, actor, event);
  });
}

/** Staff answer a question; a published answer is shown to every enterprise as an FAQ. */
export async function answerQuestion(
  db: Database,
  options: { id: number; questionId: number; answer: string; isFaq: boolean; context: RequestContext },
) {
  const actor = actorOf(options.context);
  return db.transaction(async (tx) => {
    const event = await loadEvent(tx, options.id);
    const [row] = await tx
      .update(serviceEventQuestions)
      .set({ answer: options.answer, isFaq: options.isFaq, answeredAt: new Date() })
      .where(
        and(eq(serviceEventQuestions.id, options.questionId), eq(serviceEventQuestions.eventId, event.id)),
      )
      .returning();
    if (!row) throw notFound();
    await recordAudit(tx, options.context, {
      event: 'service-event.answer',
      objectType: 'service_events',
      objectId: event.id,
      after: { questionId: row.id, isFaq: row.isFaq },
    });
    return eventDetail(tx, actor, event);
  });
}

/** The published answers, newest first: the FAQ every signed-in user may read. */
export async function listFaq(
  db: Database,
  options: { actor: Actor; query: { page: number; pageSize: number } },
) {
  const where = and(eq(serviceEventQuestions.isFaq, true), sql`${serviceEventQuestions.answer} is not null`);
  const [rows, [counted]] = await Promise.all([
    db
      .select({ question: serviceEventQuestions, title: serviceEvents.title })
      .from(serviceEventQuestions)
      .innerJoin(serviceEvents, eq(serviceEvents.id, serviceEventQuestions.eventId))
      .where(where)
      .orderBy(desc(serviceEventQuestions.answeredAt), desc(serviceEventQuestions.id))
      .limit(options.query.pageSize)
      .offset((options.query.page - 1) * options.query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(serviceEventQuestions).where(where),
  ]);
  return {
    items: rows.map(({ question, title }) => ({
      id: question.id,
      eventId: question.eventId,
      eventTitle: title,
      question: question.question,
      answer: question.answer ?? '',
    })),
    total: Number(counted.total),
    page: options.query.page,
    pageSize: options.query.pageSize,
  };
}
