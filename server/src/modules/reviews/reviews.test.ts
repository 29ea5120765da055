import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection';
import { useTestApp } from '../../test/test-app';
import { buildCallUnderReview, readApplication, reviewRequests } from './review-fixtures';

const suite = useTestApp({ staff: 'staff', observer: 'observer' });

const { entered, enterExpert, request, waitForJob, createRound } = reviewRequests(() => suite);

describe('a review round from dry run to ranking', () => {
  it('detects conflicts, refuses infeasible runs without change, assigns, scores, ranks and writes back', async () => {
    const { callId, applications } = await buildCallUnderReview(suite.test.db, {
      applications: [
        { title: '智能仓储机器人研发', industry: 'it', principal: '李明', partner: '济宁大学' },
        { title: '工业互联网平台', industry: 'it', principal: '王芳' },
      ],
    });
    const conflicted = await enterExpert({
      name: '周同校',
      organisation: { name: '济宁大学' },
    });
    const others = [];
    for (let index = 0; index < 3; index++) others.push(await enterExpert());
    const round = await createRound(callId);
    expect(round.items).toHaveLength(2);

    const conflicts = (
      await request(suite.staff, 'GET', `/api/reviews/rounds/${round.round.id}/conflicts`)
    ).json();
    const pair = conflicts.pairs.find((found: { expertId: number }) => found.expertId === conflicted.id);
    expect(pair.conflicts[0].type).toBe('institutional');
    expect(pair.conflicts[0].reason.zh).toContain('济宁大学');

    // 4 experts with load cap 2 give 8 seats for 6 needed, but the conflicted one cannot take item 1.
    // Tighten: 3 reviewers on each of 2 items with cap 1 is infeasible.
    const tight = await createRound(callId, { loadCap: 1 });
    const infeasibleJob = (
      await request(suite.staff, 'POST', `/api/reviews/rounds/${tight.round.id}/assignment-jobs`, {
        method: 'optimal',
      })
    ).json();
    const infeasible = await waitForJob(infeasibleJob.id);
    expect(infeasible.status).toBe('infeasible');
    expect(infeasible.result.problems[0].items.length).toBeGreaterThan(0);
    const refused = await request(
      suite.staff,
      'POST',
      `/api/reviews/assignment-jobs/${infeasibleJob.id}/apply`,
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toBe('无法满足分配条件，未作任何更改');
    expect(refused.json().error.details[0].message).toMatch(/「.+」/);
    const [{ count }] = await queryRows<{ count: number }>(
      suite.test.db,
      sql`select count(*)::int as count from review_assignments where round_id = ${tight.round.id}`,
    );
    expect(count).toBe(0);

    // Override the conflict with a written reason: audited, and the pair becomes assignable.
    const override = await request(
      suite.staff,
      'POST',
      `/api/reviews/rounds/${round.round.id}/conflict-overrides`,
      {
        itemId: pair.itemId,
        expertId: conflicted.id,
        type: 'institutional',
        reason: '同校不同学院，无隶属关系，经科室研究同意',
      },
    );
    expect(override.statusCode, override.body).toBe(200);
    const [overrideAudit] = await queryRows<{ count: number }>(
      suite.test.db,
      sql`select count(*)::int as count from audit_log where event = 'review.conflict.override'`,
    );
    expect(overrideAudit.count).toBe(1);

    const job = (
      await request(suite.staff, 'POST', `/api/reviews/rounds/${round.round.id}/assignment-jobs`, {
        method: 'random',
        seed: 42,
      })
    ).json();
    const done = await waitForJob(job.id);
    expect(done.status, JSON.stringify(done.result)).toBe('done');
    expect(done.seed).toBe(42);
    expect(done.result.picks).toHaveLength(6);
    // Not visible to experts before release.
    expect((await request(others[0].session, 'GET', '/api/expert/assignments')).json().items).toHaveLength(0);
    const applied = await request(suite.staff, 'POST', `/api/reviews/assignment-jobs/${job.id}/apply`);
    expect(applied.statusCode, applied.body).toBe(200);
    expect((await request(others[0].session, 'GET', '/api/expert/assignments')).json().items).toHaveLength(0);
    // A second apply of the same run is stale.
    expect(
      (await request(suite.staff, 'POST', `/api/reviews/assignment-jobs/${job.id}/apply`)).statusCode,
    ).toBe(409);

    let detail = (await request(suite.staff, 'GET', `/api/reviews/rounds/${round.round.id}`)).json();
    const released = await request(
      suite.staff,
      'POST',
      `/api/reviews/rounds/${round.round.id}/actions/release`,
      {
        version: detail.round.version,
      },
    );
    expect(released.statusCode, released.body).toBe(200);

    const everyone = [...entered];
    const sheets: Record<number, number> = {};
    let scoreIndex = 0;
    for (const expert of everyone) {
      const mine = (await request(expert.session, 'GET', '/api/expert/assignments')).json().items;
      for (const assignment of mine) {
        const accepted = await request(
          expert.session,
          'POST',
          `/api/expert/assignments/${assignment.id}/respond`,
          {
            accept: true,
          },
        );
        expect(accepted.statusCode, accepted.body).toBe(200);
        expect(accepted.json().application.team[0]).not.toHaveProperty('idNumber');
        const outOfRange = await request(
          expert.session,
          'PUT',
          `/api/expert/assignments/${assignment.id}/sheet`,
          {
            scores: { innovation: 61 },
          },
        );
        expect(outOfRange.statusCode).toBe(400);
        expect(outOfRange.json().error.details[0].message).toBe('创新性：应在 0 到 60 分之间');
        const low = await request(expert.session, 'POST', `/api/expert/assignments/${assignment.id}/submit`, {
          scores: { innovation: 20, benefit: 10 },
          vote: 'fail',
        });
        expect(low.statusCode).toBe(400);
        expect(low.json().error.details[0].path).toBe('comment');
        scoreIndex += 1;
        const scores = { innovation: 40 + scoreIndex, benefit: 30 };
        const submitted = await request(
          expert.session,
          'POST',
          `/api/expert/assignments/${assignment.id}/submit`,
          {
            scores,
            vote: 'pass',
            comment: '',
          },
        );
        expect(submitted.statusCode, submitted.body).toBe(200);
        expect(submitted.json().status).toBe('submitted');
        sheets[assignment.id] = scores.innovation + scores.benefit;
        const locked = await request(
          expert.session,
          'PUT',
          `/api/expert/assignments/${assignment.id}/sheet`,
          {
            scores: { innovation: 1 },
          },
        );
        expect(locked.statusCode).toBe(409);
        expect(locked.json().error.message).toBe('评分表已提交，不能修改');
      }
    }
    expect(Object.keys(sheets)).toHaveLength(6);

    const results = await request(suite.staff, 'GET', `/api/reviews/rounds/${round.round.id}/results`);
    expect(results.json().items[0].rank).toBe(1);
    expect(
      (await request(suite.observer, 'GET', `/api/reviews/rounds/${round.round.id}/results`)).statusCode,
    ).toBe(403);
    const xlsx = await request(suite.staff, 'GET', `/api/reviews/rounds/${round.round.id}/results/xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const docx = await request(suite.staff, 'GET', `/api/reviews/rounds/${round.round.id}/results/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    detail = (await request(suite.staff, 'GET', `/api/reviews/rounds/${round.round.id}`)).json();
    const finished = await request(
      suite.staff,
      'POST',
      `/api/reviews/rounds/${round.round.id}/actions/finish`,
      {
        version: detail.round.version,
      },
    );
    expect(finished.statusCode, finished.body).toBe(200);
    const first = await readApplication(suite.test.db, applications[0].id);
    const second = await readApplication(suite.test.db, applications[1].id);
    expect(first.status).toBe('reviewed');
    expect(second.status).toBe('reviewed');
    expect([first.reviewRank, second.reviewRank].sort()).toEqual([1, 2]);
    expect(first.reviewScore).toBeGreaterThan(60);
    const [views] = await queryRows<{ count: number }>(
      suite.test.db,
      sql`select count(*)::int as count from audit_log where event in ('review.scores.view', 'review.scores.export')`,
    );
    expect(views.count).toBe(3);
  });
});
