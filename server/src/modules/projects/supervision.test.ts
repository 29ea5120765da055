import { addMonths } from '@kechuang/domain';
import { describe, expect, it } from 'vitest';
import { expectNoCrossTenantAccess, type ObjectRequest } from '../../test/cross-tenant';
import { buildEnterprise } from '../../test/factories';
import { useTestApp } from '../../test/test-app';
import { progressReportBody, supervisionRequests, todayIso } from './supervision-test-helpers';

const suite = useTestApp({ staff: 'staff', otherStaff: 'staff' });

const { call, runningProject } = supervisionRequests(() => suite.test);
const today = todayIso();
const progressBody = progressReportBody;

describe('暂停、终止与撤销', () => {
  it('suspends and resumes with reasons, terminates with the unspent funds, revokes with the funds recovered', async () => {
    const { projectId, detail } = await runningProject('济宁监督终止科技有限公司');
    expect(detail.allowedActions).toEqual(['applyAcceptance']);
    const staffView = (await call(suite.staff, 'GET', `/api/supervision/projects/${projectId}`)).json();
    expect(staffView.allowedActions.sort()).toEqual(['revoke', 'suspend', 'terminate']);
    const suspended = await call(
      suite.staff,
      'POST',
      `/api/supervision/projects/${projectId}/status/suspend`,
      {
        version: 1,
        comment: '中期检查发现问题，暂停执行',
      },
    );
    expect(suspended.json().project.status).toBe('suspended');
    const resumed = await call(suite.staff, 'POST', `/api/supervision/projects/${projectId}/status/resume`, {
      version: 2,
      comment: '整改到位，恢复执行',
    });
    expect(resumed.json().project.status).toBe('inProgress');
    const noAmount = await call(
      suite.staff,
      'POST',
      `/api/supervision/projects/${projectId}/status/terminate`,
      {
        version: 3,
        comment: '不可抗力',
      },
    );
    expect(noAmount.statusCode).toBe(400);
    expect(noAmount.json().error.details[0].message).toBe('应退回结余资金：必填');
    const tooMuch = await call(
      suite.staff,
      'POST',
      `/api/supervision/projects/${projectId}/status/terminate`,
      {
        version: 3,
        comment: '不可抗力',
        amountFen: 600_000_00,
      },
    );
    expect(tooMuch.statusCode).toBe(400);
    const terminated = await call(
      suite.staff,
      'POST',
      `/api/supervision/projects/${projectId}/status/terminate`,
      {
        version: 3,
        comment: '不可抗力，项目无法继续',
        amountFen: 180_000_00,
      },
    );
    expect(terminated.statusCode, terminated.body).toBe(200);
    expect(terminated.json().project.status).toBe('terminated');
    expect(terminated.json().fundRecoveries[0]).toMatchObject({ kind: 'terminate', amountFen: 180_000_00 });
    expect(
      terminated
        .json()
        .reports.every((report: { allowedActions: string[] }) => report.allowedActions.length === 0),
    ).toBe(true);

    const other = await runningProject('济宁监督撤销科技有限公司');
    const revoked = await call(
      suite.staff,
      'POST',
      `/api/supervision/projects/${other.projectId}/status/revoke`,
      {
        version: 1,
        comment: '申报材料弄虚作假',
        amountFen: 500_000_00,
      },
    );
    expect(revoked.json().project.status).toBe('revoked');
    expect(revoked.json().fundRecoveries[0]).toMatchObject({ kind: 'revoke', amountFen: 500_000_00 });
    const archived = await call(
      suite.staff,
      'POST',
      `/api/supervision/projects/${other.projectId}/status/archive`,
      {
        version: 2,
      },
    );
    expect(archived.json().project.status).toBe('archived');
  });
});

const finalReport = (version: number, completions: string[] = ['yes', 'yes', 'yes']) => ({
  version,
  summary: '项目按任务书完成研发任务',
  targets: completions.map((completion, index) => ({ index, achieved: '达到', completion })),
  financial: [
    { category: 'equipment', spentFen: 480_000_00 },
    { category: 'business', spentFen: 290_000_00 },
  ],
});

describe('验收与结题', () => {
  it('takes the final report target by target, rectifies once, and passes after rectification', async () => {
    const { company, projectId } = await runningProject('济宁监督验收科技有限公司');
    const missing = await call(company, 'POST', `/api/supervision/projects/${projectId}/final-report`, {
      ...finalReport(1),
      targets: [{ index: 0, achieved: '2', completion: 'yes' }],
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].message).toBe('考核指标完成情况：缺少「发明专利申请」的完成情况');
    const applied = await call(
      company,
      'POST',
      `/api/supervision/projects/${projectId}/final-report`,
      finalReport(1),
    );
    expect(applied.statusCode, applied.body).toBe(200);
    const body = applied.json();
    expect(body.project.status).toBe('acceptanceApplied');
    expect(body.finalReports[0].financial).toEqual([
      { category: 'equipment', budgetFen: 500_000_00, spentFen: 480_000_00 },
      { category: 'business', budgetFen: 300_000_00, spentFen: 290_000_00 },
    ]);
    expect(body.acceptanceGuidance).toMatchObject({ completionRate: 1, suggestion: 'passed' });

    const rectify = await call(
      suite.staff,
      'POST',
      `/api/supervision/projects/${projectId}/acceptance/requireRectification`,
      {
        version: 2,
        comment: '财务决算需补充审计报告',
      },
    );
    expect(rectify.statusCode, rectify.body).toBe(200);
    expect(rectify.json().project.status).toBe('rectifying');
    expect(rectify.json().acceptanceDecisions[0].rectificationDueOn).toBe(addMonths(today, 3));
    expect(rectify.json().project.nextDue).toEqual({ kind: 'rectification', dueOn: addMonths(today, 3) });

    await call(company, 'POST', `/api/supervision/projects/${projectId}/final-report`, finalReport(3));
    const secondRectification = await call(
      suite.staff,
      'POST',
      `/api/supervision/projects/${projectId}/acceptance/requireRectification`,
      { version: 4, comment: '仍需整改' },
    );
    expect(secondRectification.statusCode).toBe(409);
    expect(secondRectification.json().error.message).toContain('只有一次整改机会');
    const [first, second] = await Promise.all([
      call(suite.staff, 'POST', `/api/supervision/projects/${projectId}/acceptance/accept`, {
        version: 4,
        comment: '通过',
      }),
      // Two staff decide at once on the same version: one decision applies, the other gets 409. Both
      // pass, so the outcome does not depend on which request PostgreSQL lets through first.
      call(suite.otherStaff, 'POST', `/api/supervision/projects/${projectId}/acceptance/accept`, {
        version: 4,
        comment: '通过',
      }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const accepted = (await call(company, 'GET', `/api/supervision/projects/${projectId}`)).json();
    expect(accepted.project).toMatchObject({
      status: 'accepted',
      acceptanceOutcome: 'passedAfterRectification',
    });
    expect(accepted.finalReports.map((report: { round: number }) => report.round)).toEqual([1, 2]);
    const archived = await call(
      suite.staff,
      'POST',
      `/api/supervision/projects/${projectId}/status/archive`,
      {
        version: 5,
      },
    );
    expect(archived.json().project.status).toBe('archived');
  });

  it('guides by the completion rate and records 需要复议, 不通过 and 结题', async () => {
    const { company, projectId } = await runningProject('济宁监督复议科技有限公司');
    const applied = await call(
      company,
      'POST',
      `/api/supervision/projects/${projectId}/final-report`,
      finalReport(1, ['yes', 'yes', 'partly']),
    );
    expect(applied.json().acceptanceGuidance.suggestion).toBe('needsReconsideration');
    const badDeadline = await call(
      suite.staff,
      'POST',
      `/api/supervision/projects/${projectId}/acceptance/requireRectification`,
      { version: 2, comment: '整改', rectificationDueOn: '2020-01-01' },
    );
    expect(badDeadline.json().error.details[0].message).toBe('整改期限：应晚于今天');
    const reconsider = await call(
      suite.staff,
      'POST',
      `/api/supervision/projects/${projectId}/acceptance/requireReconsideration`,
      {
        version: 2,
        comment: '完成率不足 90%',
      },
    );
    expect(reconsider.json().project).toMatchObject({
      status: 'reconsidering',
      acceptanceOutcome: 'needsReconsideration',
    });
    const failed = await call(suite.staff, 'POST', `/api/supervision/projects/${projectId}/acceptance/fail`, {
      version: 3,
      comment: '复议后仍未达到主要指标',
    });
    expect(failed.json().project).toMatchObject({ status: 'failed', acceptanceOutcome: 'failed' });

    const other = await runningProject('济宁监督结题科技有限公司');
    await call(
      other.company,
      'POST',
      `/api/supervision/projects/${other.projectId}/final-report`,
      finalReport(1, ['no', 'partly', 'yes']),
    );
    const closed = await call(
      suite.staff,
      'POST',
      `/api/supervision/projects/${other.projectId}/acceptance/closeWithoutPass`,
      {
        version: 2,
        comment: '研究工作勤勉尽责，但指标未达成，予以结题',
      },
    );
    expect(closed.json().project).toMatchObject({
      status: 'closedWithoutPass',
      acceptanceOutcome: 'closedWithoutPass',
    });
    const list = (await call(suite.staff, 'GET', '/api/supervision/projects?keyword=济宁监督')).json();
    expect(list.statusCounts.closedWithoutPass).toBeGreaterThanOrEqual(1);
    expect(list.statusCounts.failed).toBeGreaterThanOrEqual(1);
    const exported = await call(suite.staff, 'GET', '/api/supervision/projects/export?keyword=济宁监督');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    expect((await call(other.company, 'GET', '/api/supervision/projects/export')).statusCode).toBe(403);
    const filtered = (await call(suite.staff, 'GET', '/api/supervision/projects?status=failed')).json();
    expect(filtered.items.every((item: { status: string }) => item.status === 'failed')).toBe(true);
  });
});

describe('数据隔离', () => {
  it('gives another enterprise 404 on every project, report and change route, and an empty list', async () => {
    const { company, projectId, detail } = await runningProject('济宁监督保密科技有限公司');
    const change = await call(company, 'POST', `/api/supervision/projects/${projectId}/changes`, {
      kind: 'members',
      reason: '保密变更理由',
      members: [{ name: '保密成员', role: 'member', workloadMonths: 3 }],
    });
    const changeId = change.json().change.id;
    const reportId = detail.reports[0].id;
    const intruder = await buildEnterprise(suite.test.app);
    expect((await call(intruder, 'GET', '/api/supervision/projects')).json().items).toEqual([]);
    expect((await call(intruder, 'GET', '/api/supervision/changes')).json().items).toEqual([]);
    const requests: ObjectRequest[] = [
      { method: 'GET', url: `/api/supervision/projects/${projectId}` },
      { method: 'GET', url: `/api/supervision/reports/${reportId}` },
      { method: 'POST', url: `/api/supervision/reports/${reportId}/submit`, payload: progressBody(1) },
      { method: 'GET', url: `/api/supervision/changes/${changeId}` },
      {
        method: 'POST',
        url: `/api/supervision/changes/${changeId}/actions/withdraw`,
        payload: { version: 1 },
      },
      {
        method: 'POST',
        url: `/api/supervision/projects/${projectId}/changes`,
        payload: {
          kind: 'members',
          reason: '越权',
          members: [{ name: '某人', role: 'member', workloadMonths: 1 }],
        },
      },
      {
        method: 'POST',
        url: `/api/supervision/projects/${projectId}/final-report`,
        payload: finalReport(1),
      },
    ];
    await expectNoCrossTenantAccess(suite.test.app, {
      intruder,
      secrets: ['济宁监督保密科技有限公司', '保密变更理由', '保密成员'],
      requests,
    });
    // Not forbidden but not found: another enterprise's records do not exist for it.
    for (const request of requests) {
      const response = await suite.test.app.inject({
        method: request.method,
        url: request.url,
        headers: { cookie: intruder.cookie },
        ...(request.payload === undefined ? {} : { payload: request.payload as object }),
      });
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(404);
    }
  });
});
