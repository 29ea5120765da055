import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection';
import { expectNoCrossTenantAccess } from '../../test/cross-tenant';
import { buildEnterprise, type Session } from '../../test/factories';
import { useTestApp } from '../../test/test-app';
import { buildCallUnderReview, REVIEW_TEST_RUBRIC, reviewRequests } from './review-fixtures';

const suite = useTestApp({ staff: 'staff', observer: 'observer' });

const { enterExpert, request, waitForJob, createRound } = reviewRequests(() => suite);
const rubric = REVIEW_TEST_RUBRIC;
const as = (session: Session) => ({ cookie: session.cookie });

describe('the expert portal', () => {
  it('hides other experts’ assignments (404), refuses late submission until reopened, and keeps identities from applicants', async () => {
    const { callId, applications } = await buildCallUnderReview(suite.test.db, {
      applications: [{ title: '盐碱地改良微生物菌剂', industry: 'modern-agriculture', principal: '孙强' }],
    });
    const first = await enterExpert({
      name: '甲专家',
      fields: ['modern-agriculture'],
    });
    const second = await enterExpert({
      name: '乙专家',
      fields: ['modern-agriculture'],
    });
    const round = await createRound(callId, {
      reviewersPerItem: 1,
      loadCap: 1,
      rubric: { ...rubric, hasVote: false },
    });
    const item = round.items[0];
    const added = await request(suite.staff, 'POST', `/api/reviews/rounds/${round.round.id}/assignments`, {
      itemId: item.id,
      expertId: first.id,
    });
    expect(added.statusCode, added.body).toBe(200);
    const detail = (await request(suite.staff, 'GET', `/api/reviews/rounds/${round.round.id}`)).json();
    await request(suite.staff, 'POST', `/api/reviews/rounds/${round.round.id}/actions/release`, {
      version: detail.round.version,
    });
    const [assignment] = (await request(first.session, 'GET', '/api/expert/assignments')).json().items;

    await expectNoCrossTenantAccess(suite.test.app, {
      intruder: second.session,
      requests: [
        { method: 'GET', url: `/api/expert/assignments/${assignment.id}` },
        {
          method: 'POST',
          url: `/api/expert/assignments/${assignment.id}/respond`,
          payload: { accept: true },
        },
        { method: 'PUT', url: `/api/expert/assignments/${assignment.id}/sheet`, payload: { scores: {} } },
        { method: 'POST', url: `/api/expert/assignments/${assignment.id}/submit`, payload: { scores: {} } },
      ],
      secrets: ['盐碱地改良微生物菌剂'],
    });
    expect(
      (await request(second.session, 'GET', `/api/expert/assignments/${assignment.id}`)).statusCode,
    ).toBe(404);

    await request(first.session, 'POST', `/api/expert/assignments/${assignment.id}/respond`, {
      accept: true,
    });
    await suite.test.db.execute(
      sql`update review_rounds set deadline = now() - interval '1 hour' where id = ${round.round.id}`,
    );
    const late = await request(first.session, 'POST', `/api/expert/assignments/${assignment.id}/submit`, {
      scores: { innovation: 50, benefit: 30 },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('评审截止时间已过，需工作人员重新开放后才能提交');
    expect(
      (await request(suite.staff, 'POST', `/api/reviews/assignments/${assignment.id}/reopen`)).statusCode,
    ).toBe(200);
    // A double-clicked submit with the same Idempotency-Key gets the same answer, not a 409.
    const submitOnce = () =>
      suite.test.app.inject({
        method: 'POST',
        url: `/api/expert/assignments/${assignment.id}/submit`,
        headers: { ...as(first.session), 'idempotency-key': `submit-${assignment.id}` },
        payload: { scores: { innovation: 50, benefit: 30 } },
      });
    const reopened = await submitOnce();
    expect(reopened.statusCode, reopened.body).toBe(200);
    const replayed = await submitOnce();
    expect(replayed.statusCode).toBe(200);
    expect(replayed.json().sheet.submittedAt).toBe(reopened.json().sheet.submittedAt);

    // The applicant and an observer reach no review route, and nothing they can read names the expert.
    const applicant = await buildEnterprise(suite.test.app);
    for (const session of [applicant, suite.observer]) {
      for (const url of [
        `/api/reviews/rounds/${round.round.id}`,
        `/api/reviews/rounds/${round.round.id}/results`,
        '/api/reviews/experts',
        `/api/expert/assignments/${assignment.id}`,
      ]) {
        const response = await request(session, 'GET', url);
        expect(response.statusCode).toBe(403);
        expect(response.body).not.toContain('甲专家');
        expect(response.body).not.toContain('"total"');
      }
    }
    const workbench = await request(applicant, 'GET', '/api/workbench');
    expect(workbench.body).not.toContain('甲专家');
    expect(applications[0].id).toBeGreaterThan(0);
  });

  it('declining asks for a reason, and a replacement is found among eligible experts', async () => {
    const { callId } = await buildCallUnderReview(suite.test.db, {
      applications: [{ title: '新型锂电隔膜材料', industry: 'new-energy-materials', principal: '赵磊' }],
    });
    const first = await enterExpert({ fields: ['new-energy-materials'] });
    const spare = await enterExpert({ fields: ['new-energy-materials'] });
    const round = await createRound(callId, { reviewersPerItem: 1, loadCap: 1 });
    await request(suite.staff, 'POST', `/api/reviews/rounds/${round.round.id}/assignments`, {
      itemId: round.items[0].id,
      expertId: first.id,
    });
    const detail = (await request(suite.staff, 'GET', `/api/reviews/rounds/${round.round.id}`)).json();
    await request(suite.staff, 'POST', `/api/reviews/rounds/${round.round.id}/actions/release`, {
      version: detail.round.version,
    });
    const [assignment] = (await request(first.session, 'GET', '/api/expert/assignments')).json().items;
    const noReason = await request(
      first.session,
      'POST',
      `/api/expert/assignments/${assignment.id}/respond`,
      {
        accept: false,
      },
    );
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].message).toBe('理由：必填');
    const conflict = await request(
      first.session,
      'POST',
      `/api/expert/assignments/${assignment.id}/respond`,
      {
        accept: true,
        conflict: '申报单位负责人是我的表弟',
      },
    );
    expect(conflict.json().status).toBe('conflict');
    const replaced = await request(suite.staff, 'POST', `/api/reviews/assignments/${assignment.id}/replace`);
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json().expertId).toBe(spare.id);
    // The declared conflict now blocks adding the first expert back by hand.
    await request(suite.staff, 'DELETE', `/api/reviews/assignments/${assignment.id}`);
    const back = await request(suite.staff, 'POST', `/api/reviews/rounds/${round.round.id}/assignments`, {
      itemId: round.items[0].id,
      expertId: first.id,
    });
    expect(back.statusCode).toBe(409);
    expect(back.json().error.details[0].message).toContain('专家声明回避');
    const reminders = await request(
      suite.staff,
      'POST',
      `/api/reviews/rounds/${round.round.id}/reminders`,
      {},
    );
    expect(reminders.json().experts).toBe(1);
  });

  it('concurrent picks never exceed the load cap, and one dry run is applied once', async () => {
    const { callId } = await buildCallUnderReview(suite.test.db, {
      applications: Array.from({ length: 6 }, (_, index) => ({
        title: `并发测试项目${index + 1}`,
        industry: 'health',
        principal: `并发负责人${index + 1}`,
      })),
    });
    const expert = await enterExpert({ fields: ['health'] });
    const round = await createRound(callId, { reviewersPerItem: 1, loadCap: 2 });
    const answers = await Promise.all(
      round.items.map((item: { id: number }) =>
        request(suite.staff, 'POST', `/api/reviews/rounds/${round.round.id}/assignments`, {
          itemId: item.id,
          expertId: expert.id,
        }),
      ),
    );
    expect(answers.filter((answer) => answer.statusCode === 200)).toHaveLength(2);
    const refused = answers.find((answer) => answer.statusCode === 409)!;
    expect(refused.json().error.details[0].message).toContain('已达到每位专家评审上限（2 项）');

    const wide = await createRound(callId, { reviewersPerItem: 1, loadCap: 6 });
    const job = (
      await request(suite.staff, 'POST', `/api/reviews/rounds/${wide.round.id}/assignment-jobs`, {
        method: 'optimal',
      })
    ).json();
    expect((await waitForJob(job.id)).status).toBe('done');
    const applies = await Promise.all(
      Array.from({ length: 10 }, () =>
        request(suite.staff, 'POST', `/api/reviews/assignment-jobs/${job.id}/apply`),
      ),
    );
    expect(applies.filter((answer) => answer.statusCode === 200)).toHaveLength(1);
    expect(applies.every((answer) => [200, 409].includes(answer.statusCode))).toBe(true);
    const [{ count }] = await queryRows<{ count: number }>(
      suite.test.db,
      sql`select count(*)::int as count from review_assignments where round_id = ${wide.round.id}`,
    );
    expect(count).toBe(6);
  });
});
