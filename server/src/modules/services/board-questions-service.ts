import {
  type Language,
  SERVICE_QUESTION_FIELD_LABELS,
  type ServiceBoardQuestion,
  type ServiceBoardQuestionInput,
  type ServiceBoardQuestionListQuery,
  type Text,
  translate,
} from '@kechuang/domain';
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, notFound, versionConflict } from '../../core/errors';
import { findEnterpriseUserIds, notifyUsers } from '../../core/notifications';
import type { Database, Executor } from '../../db/connection';
import { enterprises, serviceBoardQuestions, serviceDepartments, users } from '../../db/schema';
import { SERVICES_MESSAGES } from './messages';
import { actorOf, isBureau, requireEnterprise } from './shared';

type QuestionRow = typeof serviceBoardQuestions.$inferSelect;

/** A 409 on the question's own field, worded with the board's labels. */
function questionRefusal(path: string, message: Text, language: Language): AppError {
  const label = SERVICE_QUESTION_FIELD_LABELS[path];
  const text = language === 'en' ? `${label?.en ?? path} ${message.en}` : `${label?.zh ?? path}${message.zh}`;
  return new AppError(409, 'transitionNotAllowed', [{ path, message: text }]);
}

/** The department of a department account, as SQL. */
const actorDepartment = (actor: Actor) =>
  sql`(select ${users.departmentId} from ${users} where ${users.id} = ${actor.userId})`;

/**
 * Which questions the actor may see: the bureau all, an enterprise its own, a department account
 * those routed to its department (another's answer 404).
 */
export function boardQuestionScope(actor: Actor): SQL {
  if (isBureau(actor)) return sql`true`;
  if (actor.role === 'enterprise' && actor.enterpriseId !== null)
    return eq(serviceBoardQuestions.enterpriseId, actor.enterpriseId);
  if (actor.role === 'department')
    return sql`${serviceBoardQuestions.departmentId} = ${actorDepartment(actor)}`;
  return sql`false`;
}

function baseQuery(executor: Executor) {
  return executor
    .select({
      question: serviceBoardQuestions,
      enterpriseName: enterprises.name,
      departmentName: serviceDepartments.name,
    })
    .from(serviceBoardQuestions)
    .innerJoin(enterprises, eq(enterprises.id, serviceBoardQuestions.enterpriseId))
    .leftJoin(serviceDepartments, eq(serviceDepartments.id, serviceBoardQuestions.departmentId));
}

function toQuestion(row: {
  question: QuestionRow;
  enterpriseName: string;
  departmentName: string | null;
}): ServiceBoardQuestion {
  const { question } = row;
  return {
    id: question.id,
    title: question.title,
    content: question.content,
    topic: question.topic,
    policyRef: question.policyRef,
    status: question.status as ServiceBoardQuestion['status'],
    enterpriseId: question.enterpriseId,
    enterpriseName: row.enterpriseName,
    departmentId: question.departmentId,
    departmentName: row.departmentName,
    answer: question.answer,
    answeredBy: question.answeredBy,
    answeredAt: question.answeredAt?.toISOString() ?? null,
    isFaq: question.isFaq,
    createdAt: question.createdAt.toISOString(),
    version: question.version,
  };
}

async function loadQuestion(executor: Executor, actor: Actor, id: number) {
  const [row] = await baseQuery(executor)
    .where(and(eq(serviceBoardQuestions.id, id), boardQuestionScope(actor)))
    .limit(1);
  if (!row) throw notFound();
  return row;
}

export async function readBoardQuestion(db: Database, options: { actor: Actor; id: number }) {
  return toQuestion(await loadQuestion(db, options.actor, options.id));
}

export async function listBoardQuestions(
  db: Database,
  options: { actor: Actor; query: ServiceBoardQuestionListQuery },
) {
  const { actor, query } = options;
  const conditions: (SQL | undefined)[] = [boardQuestionScope(actor)];
  if (query.status) conditions.push(eq(serviceBoardQuestions.status, query.status));
  if (query.keyword)
    conditions.push(
      sql`(strpos(${serviceBoardQuestions.title}, ${query.keyword}) > 0 or strpos(${serviceBoardQuestions.content}, ${query.keyword}) > 0 or strpos(${enterprises.name}, ${query.keyword}) > 0)`,
    );
  const where = and(...conditions);
  const order = query.order === 'asc' ? asc : desc;
  const [rows, [counted]] = await Promise.all([
    baseQuery(db)
      .where(where)
      .orderBy(order(serviceBoardQuestions.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(serviceBoardQuestions)
      .innerJoin(enterprises, eq(enterprises.id, serviceBoardQuestions.enterpriseId))
      .where(where),
  ]);
  return {
    items: rows.map(toQuestion),
    total: Number(counted.total),
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** An enterprise asks on the board. */
export async function askBoardQuestion(
  db: Database,
  options: { input: ServiceBoardQuestionInput; context: RequestContext },
) {
  const actor = actorOf(options.context);
  const enterpriseId = requireEnterprise(actor);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(serviceBoardQuestions)
      .values({ enterpriseId, ...options.input })
      .returning({ id: serviceBoardQuestions.id });
    await recordAudit(tx, options.context, {
      event: 'service-question.ask',
      objectType: 'service_board_questions',
      objectId: row.id,
      after: { title: options.input.title },
    });
    return toQuestion(await loadQuestion(tx, actor, row.id));
  });
}

/**
 * Staff (or the department it is routed to) answer once: the UPDATE is guarded by the status and
 * the version read, so of two answers given at the same time one wins and the other gets a 409.
 * The asking enterprise's users are told.
 */
export async function answerBoardQuestion(
  db: Database,
  options: { id: number; answer: string; version: number; context: RequestContext },
) {
  const actor = actorOf(options.context);
  const language = options.context.language;
  return db.transaction(async (tx) => {
    const current = await loadQuestion(tx, actor, options.id);
    if (current.question.status !== 'open')
      throw questionRefusal('answer', SERVICES_MESSAGES.questionAnswered, language);
    if (current.question.version !== options.version) throw versionConflict();
    const updated = await tx
      .update(serviceBoardQuestions)
      .set({
        status: 'answered',
        answer: options.answer,
        answeredBy: actor.displayName,
        answeredAt: new Date(),
        version: sql`${serviceBoardQuestions.version} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(serviceBoardQuestions.id, options.id),
          eq(serviceBoardQuestions.status, 'open'),
          eq(serviceBoardQuestions.version, options.version),
        ),
      )
      .returning({ id: serviceBoardQuestions.id });
    if (updated.length !== 1) throw questionRefusal('answer', SERVICES_MESSAGES.questionAnswered, language);
    await recordAudit(tx, options.context, {
      event: 'service-question.answer',
      objectType: 'service_board_questions',
      objectId: options.id,
      before: { status: 'open', version: options.version },
      after: { status: 'answered', version: options.version + 1 },
    });
    const title = SERVICES_MESSAGES.questionAnsweredTitle({ title: current.question.title });
    await notifyUsers(tx, await findEnterpriseUserIds(tx, current.question.enterpriseId), {
      kind: 'services.question-answered',
      title: title.zh,
      body: options.answer.slice(0, 200),
      link: '/enterprise/services/questions',
    });
    return toQuestion(await loadQuestion(tx, actor, options.id));
  });
}

/** Staff route an open question to a department (or take it back), whose accounts are told. */
export async function routeBoardQuestion(
  db: Database,
  options: { id: number; departmentId: number | null; version: number; context: RequestContext },
) {
  const actor = actorOf(options.context);
  const language = options.context.language;
  return db.transaction(async (tx) => {
    const current = await loadQuestion(tx, actor, options.id);
    if (current.question.status !== 'open')
      throw questionRefusal('departmentId', SERVICES_MESSAGES.questionAnswered, language);
    if (options.departmentId !== null) {
      const [department] = await tx
        .select({ id: serviceDepartments.id })
        .from(serviceDepartments)
        .where(eq(serviceDepartments.id, options.departmentId));
      if (!department) {
        const label = SERVICE_QUESTION_FIELD_LABELS.departmentId;
        throw new AppError(400, 'validation', [
          {
            path: 'departmentId',
            message: `${translate(label, language)}${language === 'en' ? ' ' : ''}${translate(SERVICES_MESSAGES.unknownDepartment, language)}`,
          },
        ]);
      }
    }
    const updated = await tx
      .update(serviceBoardQuestions)
      .set({
        departmentId: options.departmentId,
        version: sql`${serviceBoardQuestions.version} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(eq(serviceBoardQuestions.id, options.id), eq(serviceBoardQuestions.version, options.version)),
      )
      .returning({ id: serviceBoardQuestions.id });
    if (updated.length !== 1) throw versionConflict();
    await recordAudit(tx, options.context, {
      event: 'service-question.route',
      objectType: 'service_board_questions',
      objectId: options.id,
      before: { departmentId: current.question.departmentId },
      after: { departmentId: options.departmentId },
    });
    if (options.departmentId !== null) {
      const recipients = await tx
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            eq(users.role, 'department'),
            eq(users.departmentId, options.departmentId),
            eq(users.isDisabled, false),
          ),
        );
      await notifyUsers(
        tx,
        recipients.map((row) => row.id),
        {
          kind: 'services.question-routed',
          title: SERVICES_MESSAGES.questionRoutedTitle({ title: current.question.title }).zh,
          body: current.question.content.slice(0, 200),
          link: '/bureau/services/questions',
        },
      );
    }
    return toQuestion(await loadQuestion(tx, actor, options.id));
  });
}

/** Staff publish an answered question on the portal as an FAQ (or withdraw it). */
export async function publishBoardQuestion(
  db: Database,
  options: { id: number; isFaq: boolean; version: number; context: RequestContext },
) {
  const actor = actorOf(options.context);
  return db.transaction(async (tx) => {
    const current = await loadQuestion(tx, actor, options.id);
    if (options.isFaq && current.question.status !== 'answered')
      throw questionRefusal('isFaq', SERVICES_MESSAGES.questionNotAnswered, options.context.language);
    const updated = await tx
      .update(serviceBoardQuestions)
      .set({
        isFaq: options.isFaq,
        version: sql`${serviceBoardQuestions.version} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(eq(serviceBoardQuestions.id, options.id), eq(serviceBoardQuestions.version, options.version)),
      )
      .returning({ id: serviceBoardQuestions.id });
    if (updated.length !== 1) throw versionConflict();
    await recordAudit(tx, options.context, {
      event: options.isFaq ? 'service-question.publish' : 'service-question.withdraw',
      objectType: 'service_board_questions',
      objectId: options.id,
      before: { isFaq: current.question.isFaq },
      after: { isFaq: options.isFaq },
    });
    return toQuestion(await loadQuestion(tx, actor, options.id));
  });
}

/** The published Q&As for the portal: the question and the answer only, never who asked or answered. */
export async function listPublicFaq(db: Database, query: { page: number; pageSize: number }) {
  const where = and(eq(serviceBoardQuestions.isFaq, true), eq(serviceBoardQuestions.status, 'answered'));
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: serviceBoardQuestions.id,
        title: serviceBoardQuestions.title,
        content: serviceBoardQuestions.content,
        topic: serviceBoardQuestions.topic,
        answer: serviceBoardQuestions.answer,
        answeredAt: serviceBoardQuestions.answeredAt,
      })
      .from(serviceBoardQuestions)
      .where(where)
      .orderBy(desc(serviceBoardQuestions.answeredAt), desc(serviceBoardQuestions.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(serviceBoardQuestions).where(where),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      title: row.title,
      content: row.content,
      topic: row.topic,
      answer: row.answer ?? '',
      answeredOn: row.answeredAt?.toISOString().slice(0, 10) ?? '',
    })),
    total: Number(counted.total),
    page: query.page,
    pageSize: query.pageSize,
  };
}
