import type { ServiceBoardQuestion, ServiceDepartment } from '@kechuang/domain';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { notifications } from '../../db/schema';
import { expectNoCrossTenantAccess } from '../../test/cross-tenant';
import { buildEnterprise, buildUser, logIn, type Session } from '../../test/factories';
import { requestAs, useTestApp } from '../../test/test-app';

const suite = useTestApp({ staff: 'staff', leader: 'leader' });
const call = (session: Session | undefined, method: 'GET' | 'POST', url: string, payload?: object) =>
  session
    ? requestAs(suite.test.app, session, method, url, payload)
    : suite.test.app.inject({ method, url, ...(payload ? { payload } : {}) });

async function ask(session: Session, title: string, extra: object = {}): Promise<ServiceBoardQuestion> {
  const response = await call(session, 'POST', '/api/services/questions', {
    title,
    content: `${title}：请问具体需要准备哪些材料？`,
    topic: '高企认定',
    policyRef: '《高新技术企业认定管理办法》',
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('online 答疑 board', () => {
  it('refuses an empty or over-long question naming the field', async () => {
    const company = await buildEnterprise(suite.test.app);
    const empty = await call(company, 'POST', '/api/services/questions', { title: '  ', content: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('问题标题');
    expect(empty.body).toContain('问题内容');
    const long = await call(company, 'POST', '/api/services/questions', {
      title: '研发费用',
      content: '问'.repeat(2001),
    });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('问题内容');
    const answerTooLong = await call(suite.staff, 'POST', '/api/services/questions/1/answer', {
      answer: '答'.repeat(4001),
      version: 1,
    });
    expect(answerTooLong.statusCode).toBe(400);
    expect(answerTooLong.body).toContain('解答内容');
  });

  it('shows an enterprise only its own questions; another enterprise gets 404 without the content', async () => {
    const owner = await buildEnterprise(suite.test.app);
    const other = await buildEnterprise(suite.test.app);
    const secret = `保密问题${process.pid}${Date.now()}`;
    const question = await ask(owner, secret);
    expect(question).toMatchObject({ status: 'open', enterpriseId: owner.enterpriseId, answer: null });

    const mine = await call(owner, 'GET', '/api/services/questions');
    expect((mine.json().items as ServiceBoardQuestion[]).map((item) => item.id)).toEqual([question.id]);
    const others = await call(other, 'GET', '/api/services/questions');
    expect(others.json().items).toEqual([]);
    expect(others.body).not.toContain(secret);

    await expectNoCrossTenantAccess(suite.test.app, {
      intruder: other,
      requests: [
        { method: 'GET', url: `/api/services/questions/${question.id}` },
        {
          method: 'POST',
          url: `/api/services/questions/${question.id}/answer`,
          payload: { answer: 'x', version: 1 },
        },
      ],
      secrets: [secret],
    });
    // An enterprise cannot answer, even its own.
    const selfAnswer = await call(owner, 'POST', `/api/services/questions/${question.id}/answer`, {
      answer: '自问自答',
      version: question.version,
    });
    expect(selfAnswer.statusCode).toBe(403);
  });

  it('answers once: a second answer on the same version gets 409, the enterprise is told', async () => {
    const owner = await buildEnterprise(suite.test.app);
    const question = await ask(owner, '研发费用加计扣除口径');
    const answers = await Promise.all(
      ['按财税〔2023〕7号执行', '请参照政策指引第三章'].map((answer) =>
        call(suite.staff, 'POST', `/api/services/questions/${question.id}/answer`, {
          answer,
          version: question.version,
        }),
      ),
    );
    expect(answers.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    const refused = answers.find((response) => response.statusCode === 409);
    expect(refused?.body).toContain('解答内容');
    const answered = answers.find((response) => response.statusCode === 200)?.json() as ServiceBoardQuestion;
    expect(answered).toMatchObject({ status: 'answered', version: question.version + 1 });

    const again = await call(suite.staff, 'POST', `/api/services/questions/${question.id}/answer`, {
      answer: '补充解答',
      version: answered.version,
    });
    expect(again.statusCode).toBe(409);

    const seen = await call(owner, 'GET', `/api/services/questions/${question.id}`);
    expect(seen.json()).toMatchObject({ status: 'answered', answer: answered.answer });
    const notes = await suite.test.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, owner.userId));
    expect(notes.some((note) => note.title.includes('您的提问已解答：研发费用加计扣除口径'))).toBe(true);
  });

  it('routes a question to a department, whose account alone answers it', async () => {
    const [first, second] = (await call(suite.staff, 'GET', '/api/services/departments')).json()
      .items as ServiceDepartment[];
    const routedUser = await buildUser(suite.test.db, { role: 'department', departmentId: first.id });
    const otherUser = await buildUser(suite.test.db, { role: 'department', departmentId: second.id });
    const routed = await logIn(suite.test.app, routedUser.username);
    const elsewhere = await logIn(suite.test.app, otherUser.username);
    const owner = await buildEnterprise(suite.test.app);
    const question = await ask(owner, '科技成果转化奖补');

    // Not yet routed: no department sees it.
    expect((await call(routed, 'GET', `/api/services/questions/${question.id}`)).statusCode).toBe(404);
    const unknown = await call(suite.staff, 'POST', `/api/services/questions/${question.id}/route`, {
      departmentId: 2_000_000,
      version: question.version,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('转办单位');
    const moved = await call(suite.staff, 'POST', `/api/services/questions/${question.id}/route`, {
      departmentId: first.id,
      version: question.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const current = moved.json() as ServiceBoardQuestion;
    expect(current.departmentName).toBe(first.name);

    const listed = await call(routed, 'GET', '/api/services/questions?status=open');
    expect((listed.json().items as ServiceBoardQuestion[]).map((item) => item.id)).toContain(question.id);
    const todos = (await call(routed, 'GET', '/api/workbench')).json().todos as {
      key: string;
      count: number;
    }[];
    expect(todos.find((todo) => todo.key === 'services.questions')?.count).toBeGreaterThanOrEqual(1);

    await expectNoCrossTenantAccess(suite.test.app, {
      intruder: elsewhere,
      requests: [
        { method: 'GET', url: `/api/services/questions/${question.id}` },
        {
          method: 'POST',
          url: `/api/services/questions/${question.id}/answer`,
          payload: { answer: '越权解答', version: current.version },
        },
      ],
      secrets: ['科技成果转化奖补'],
    });
    const answered = await call(routed, 'POST', `/api/services/questions/${question.id}/answer`, {
      answer: '按区科技成果转化奖补办法申报',
      version: current.version,
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'answered', answeredBy: '测试department' });
  });

  it('publishes an answered question as an FAQ on the portal without the asking enterprise', async () => {
    const owner = await buildEnterprise(suite.test.app);
    const question = await ask(owner, `公开问题${process.pid}`);
    const early = await call(suite.staff, 'POST', `/api/services/questions/${question.id}/publish`, {
      isFaq: true,
      version: question.version,
    });
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('尚未解答');

    const answered = (
      await call(suite.staff, 'POST', `/api/services/questions/${question.id}/answer`, {
        answer: '可通过“快申快享”在线申请',
        version: question.version,
      })
    ).json() as ServiceBoardQuestion;
    const published = await call(suite.staff, 'POST', `/api/services/questions/${question.id}/publish`, {
      isFaq: true,
      version: answered.version,
    });
    expect(published.statusCode, published.body).toBe(200);
    const stale = await call(suite.staff, 'POST', `/api/services/questions/${question.id}/publish`, {
      isFaq: false,
      version: answered.version,
    });
    expect(stale.statusCode).toBe(409);

    const portal = await call(undefined, 'GET', '/api/public/faq?pageSize=200');
    expect(portal.statusCode).toBe(200);
    const item = (portal.json().items as { id: number }[]).find((entry) => entry.id === question.id);
    expect(item).toMatchObject({ title: question.title, answer: '可通过“快申快享”在线申请' });
    expect(Object.keys(item ?? {}).sort()).toEqual([
      'answer',
      'answeredOn',
      'content',
      'id',
      'title',
      'topic',
    ]);
    const { name } = (await call(owner, 'GET', '/api/enterprises/mine')).json().enterprise as {
      name: string;
    };
    expect(portal.body).not.toContain(name);
    expect(portal.body).not.toContain('enterprise');

    const statistics = (await call(suite.leader, 'GET', '/api/services/statistics')).json();
    expect(statistics.questions.answered).toBeGreaterThanOrEqual(1);
    expect(statistics.questions.published).toBeGreaterThanOrEqual(1);
  });
});
