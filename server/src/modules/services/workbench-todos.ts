import type { Workbench } from '@kechuang/domain';
import { and, count, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { today } from '../../core/calendar/work-calendar';
import type { Actor } from '../../core/context';
import type { Database } from '../../db/connection';
import { serviceBoardQuestions, serviceProblems, users } from '../../db/schema';
import { calendarFrom, problemScope, timingCondition } from './problems-service';

const PROBLEMS = '/bureau/services/problems';
const QUESTIONS = '/bureau/services/questions';

/**
 * The workbench's 科技服务 entries. A department account: its tickets to answer (交办 or 重办),
 * those due within the due-soon window and those overdue, and the questions routed to it; staff:
 * the questions on the board still waiting for an answer.
 */
export async function buildServicesTodos(db: Database, actor: Actor): Promise<Workbench['todos']> {
  if (actor.role === 'department') {
    const on = today();
    const calendar = await calendarFrom(db, on);
    const open = and(problemScope(actor), inArray(serviceProblems.status, ['assigned', 'reopened']));
    const countProblems = async (condition: SQL | undefined) => {
      const [row] = await db.select({ total: count() }).from(serviceProblems).where(and(open, condition));
      return row.total;
    };
    const [toAnswer, dueSoon, overdue] = await Promise.all([
      countProblems(undefined),
      countProblems(timingCondition('due-soon', on, calendar)),
      countProblems(timingCondition('overdue', on, calendar)),
    ]);
    const [questions] = await db
      .select({ total: count() })
      .from(serviceBoardQuestions)
      .where(
        and(
          eq(serviceBoardQuestions.status, 'open'),
          sql`${serviceBoardQuestions.departmentId} = (select ${users.departmentId} from ${users} where ${users.id} = ${actor.userId})`,
        ),
      );
    return [
      { key: 'services.toAnswer', title: '待答复的问题（交办、重办）', count: toAnswer, link: PROBLEMS },
      {
        key: 'services.dueSoon',
        title: '即将到期的问题',
        count: dueSoon,
        link: `${PROBLEMS}?timing=due-soon`,
      },
      { key: 'services.overdue', title: '已超期的问题', count: overdue, link: `${PROBLEMS}?timing=overdue` },
      {
        key: 'services.questions',
        title: '转办待解答的企业提问',
        count: questions.total,
        link: `${QUESTIONS}?status=open`,
      },
    ];
  }
  if (actor.role === 'staff') {
    const [questions] = await db
      .select({ total: count() })
      .from(serviceBoardQuestions)
      .where(and(eq(serviceBoardQuestions.status, 'open'), isNull(serviceBoardQuestions.departmentId)));
    return [
      {
        key: 'services.questions',
        title: '在线答疑待解答',
        count: questions.total,
        link: `${QUESTIONS}?status=open`,
      },
    ];
  }
  return [];
}
