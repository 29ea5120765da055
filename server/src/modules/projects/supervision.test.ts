import { addMonths } from '@kechuang/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoCrossTenantAccess, type ObjectRequest } from '../../test/cross-tenant';
import { buildEnterprise, buildSession, type Session } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { sendProgressReportReminders } from './report-reminders-service';
import { insertPlanProject } from './supervision-fixtures';

let test: TestApp;
let staff: Session;
let otherStaff: Session;
beforeAll(async () => {
  test = await createTestApp();
  staff = await buildSession(test.app, test.db, 'staff');
  otherStaff = await buildSession(test.app, test.db, 'staff');
});
afterAll(() => test.close());

const call = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  test.app.inject({ method, url, headers: { cookie: session.cookie }, ...(payload ? { payload } : {}) });

const today = new Date().toISOString().slice(0, 10);

/** A running project that started 13 months ago: two half-yearly reports overdue, two to come. */
async function runningProject(name: string, overrides: { startOn?: string; status?: string } = {}) {
  const company = await buildEnterprise(test.app, { name });
  const { projectId } = await insertPlanProject(test.db, {
    enterpriseId: company.enterpriseId,
    startOn: overrides.startOn ?? addMonths(today, -13),
    status: overrides.status,
    title: `${name.slice(0, 6)}关键技术研发`,
  });
  const detail = (await call(company, 'GET', `/api/supervision/projects/${projectId}`)).json();
  return { company, projectId, detail };
}

const progressBody = (version: number) => ({
  version,
  progress: [
    { item: '新产品', progress: '完成样机设计，进入试制', note: '' },
    { item: '发明专利申请', progress: '已提交 1 件' },
  ],
  spentFen: 120_000_00,
  issues: '核心部件供货周期长',
  nextPlan: '完成样机试制',
});

describe('执行情况报告', () => {
  it('schedules reports every six months, marks the late ones, and lets staff make it yearly', async () => {
    const { company, projectId, detail } = await runningProject('济宁监督排期科技有限公司');
    expect(detail.reportIntervalMonths).toBe(6);
    expect(detail.reportKind.zh).toBe('半年度执行情况报告');
    expect(detail.reports.map((report: { dueOn: string }) => report.dueOn)).toEqual([
      addMonths(addMonths(today, -13), 6),
      addMonths(addMonths(today, -13), 12),
      addMonths(addMonths(today, -13), 18),
    ]);
    expect(detail.reports.map((report: { isOverdue: boolean }) => report.isOverdue)).toEqual([
      true,
      true,
      false,
    ]);
    expect(detail.project.overdueReports).toBe(2);
    expect(detail.project.nextDue.kind).toBe('report');
    expect(detail.principalIdNumber).toBe('370811********1231');
    expect(detail.targets).toHaveLength(3);
    expect(detail.reports[0].allowedActions).toEqual(['submit']);

    const bad = await call(staff, 'PUT', `/api/supervision/projects/${projectId}/report-schedule`, {
      intervalMonths: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('报告周期（月）：不能小于 1');
    const yearly = await call(staff, 'PUT', `/api/supervision/projects/${projectId}/report-schedule`, {
      intervalMonths: 12,
    });
    expect(yearly.statusCode).toBe(200);
    // Overdue periods stay as they are; the future ones follow the new interval.
    expect(yearly.json().reports.map((report: { periodNo: number }) => report.periodNo)).toEqual([1, 2]);
    expect(yearly.json().reportKind.zh).toBe('年度执行情况报告');
    const forbidden = await call(company, 'PUT', `/api/supervision/projects/${projectId}/report-schedule`, {
      intervalMonths: 3,
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it('is filed by the enterprise, returned with a reason, refiled and accepted; two staff at once: one wins', async () => {
    const { company, detail } = await runningProject('济宁监督报告科技有限公司');
    const report = detail.reports[0];
    const empty = await call(company, 'POST', `/api/supervision/reports/${report.id}/submit`, {
      version: report.version,
      progress: [],
      spentFen: -1,
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain('进展情况：至少 1 项');
    expect(empty.json().error.message).toContain('已支出经费：不能小于 0');

    const submitted = await call(
      company,
      'POST',
      `/api/supervision/reports/${report.id}/submit`,
      progressBody(1),
    );
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().report).toMatchObject({ status: 'submitted', spentFen: 120_000_00, version: 2 });

    const noReason = await call(staff, 'POST', `/api/supervision/reports/${report.id}/review/return`, {
      version: 2,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toBe('请填写意见');
    const returned = await call(staff, 'POST', `/api/supervision/reports/${report.id}/review/return`, {
      version: 2,
      comment: '请补充经费支出明细',
    });
    expect(returned.json().report).toMatchObject({ status: 'returned', reviewOpinion: '请补充经费支出明细' });
    const notes = (await call(company, 'GET', '/api/notifications')).json();
    expect(JSON.stringify(notes)).toContain('退回修改');

    await call(company, 'POST', `/api/supervision/reports/${report.id}/submit`, progressBody(3));
    const [first, second] = await Promise.all([
      call(staff, 'POST', `/api/supervision/reports/${report.id}/review/accept`, { version: 4 }),
      call(otherStaff, 'POST', `/api/supervision/reports/${report.id}/review/accept`, { version: 4 }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const read = (await call(company, 'GET', `/api/supervision/reports/${report.id}`)).json();
    expect(read.report.status).toBe('accepted');
    expect(read.history.map((entry: { action: string }) => entry.action)).toEqual([
      'submit',
      'return',
      'submit',
      'accept',
    ]);
  });

  it('lists overdue reports for staff, reminds with one click, and the daily job tells each report once', async () => {
    const { company, detail } = await runningProject('济宁监督逾期科技有限公司');
    const overdue = (await call(staff, 'GET', '/api/supervision/overdue-reports?keyword=监督逾期')).json();
    expect(overdue.total).toBe(2);
    expect(overdue.items[0]).toMatchObject({ enterpriseName: '济宁监督逾期科技有限公司', isOverdue: true });
    const reminded = await call(staff, 'POST', `/api/supervision/reports/${detail.reports[0].id}/remind`);
    expect(reminded.json()).toEqual({ reminded: 1 });
    const future = await call(staff, 'POST', `/api/supervision/reports/${detail.reports[2].id}/remind`);
    expect(future.statusCode).toBe(200);
    expect((await call(company, 'GET', '/api/notifications')).json().items.length).toBeGreaterThanOrEqual(2);

    const first = await sendProgressReportReminders(test.db, today);
    expect(first.overdue).toBeGreaterThanOrEqual(2);
    const again = await sendProgressReportReminders(test.db, today);
    expect(again).toEqual({ reminded: 0, overdue: 0 });
    const all = await call(staff, 'POST', '/api/supervision/overdue-reports/remind');
    expect(all.json().reminded).toBeGreaterThanOrEqual(2);
    expect((await call(company, 'GET', '/api/supervision/overdue-reports')).statusCode).toBe(403);
    const leader = await buildSession(test.app, test.db, 'leader');
    expect((await call(leader, 'GET', '/api/supervision/overdue-reports')).statusCode).toBe(200);
    expect(
      (await call(leader, 'GET', `/api/supervision/projects/${detail.project.id}`)).json().allowedActions,
    ).toEqual([]);
    expect((await call(leader, 'POST', '/api/supervision/overdue-reports/remind')).statusCode).toBe(403);
  });

  it('reminds before the due date', async () => {
    // Started 6 months less 10 days ago: the first report is due in 10 days.
    const { company } = await runningProject('济宁监督提醒科技有限公司', {
      startOn: addMonths(new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10), -6),
    });
    const result = await sendProgressReportReminders(test.db, today);
    expect(result.reminded).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify((await call(company, 'GET', '/api/notifications')).json())).toContain('即将到期');
  });

  it('takes attachments uploaded for the project, and only the owner’s', async () => {
    const { company, projectId, detail } = await runningProject('济宁监督附件科技有限公司');
    const boundary = '----kechuang';
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(32, 1),
    ]);
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="进展照片.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = await test.app.inject({
      method: 'POST',
      url: `/api/supervision/projects/${projectId}/files`,
      headers: { cookie: company.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const file = upload.json();
    const submitted = await call(company, 'POST', `/api/supervision/reports/${detail.reports[0].id}/submit`, {
      ...progressBody(1),
      attachmentFileIds: [file.id],
    });
    expect(submitted.json().report.attachments).toEqual([
      { id: file.id, fileName: '进展照片.png', size: 40 },
    ]);
    const download = await call(staff, 'GET', `/api/supervision/files/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    const intruder = await buildEnterprise(test.app);
    expect((await call(intruder, 'GET', `/api/supervision/files/${file.id}`)).statusCode).toBe(404);
    const stranger = await call(company, 'POST', `/api/supervision/reports/${detail.reports[1].id}/submit`, {
      ...progressBody(1),
      attachmentFileIds: [file.id + 1000],
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.details[0]).toMatchObject({ path: 'attachmentFileIds' });
  });
});

describe('中期检查', () => {
  it('records the result with an opinion and refuses a stale correction', async () => {
    const { projectId } = await runningProject('济宁监督中期科技有限公司');
    const bad = await call(staff, 'PUT', `/api/supervision/projects/${projectId}/mid-term-check`, {
      version: 0,
      checkedOn: '2021-13-01',
      method: 'site',
      result: 'excellent',
      opinion: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('检查日期不是有效日期');
    expect(bad.json().error.message).toContain('检查结果：取值不在允许范围内');
    expect(bad.json().error.message).toContain('检查意见：必填');
    const body = {
      version: 0,
      checkedOn: today,
      method: 'site',
      result: 'good',
      opinion: '进展顺利，经费使用规范',
    };
    const recorded = await call(staff, 'PUT', `/api/supervision/projects/${projectId}/mid-term-check`, body);
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json().midTermCheck).toMatchObject({ result: 'good', version: 1 });
    const twice = await call(staff, 'PUT', `/api/supervision/projects/${projectId}/mid-term-check`, body);
    expect(twice.statusCode).toBe(409);
    const corrected = await call(staff, 'PUT', `/api/supervision/projects/${projectId}/mid-term-check`, {
      ...body,
      version: 1,
      result: 'needsRectification',
    });
    expect(corrected.json().midTermCheck).toMatchObject({ result: 'needsRectification', version: 2 });
  });
});

describe('变更申请', () => {
  it('extends once, by at most a year, and applies the new end date on approval', async () => {
    const { company, projectId, detail } = await runningProject('济宁监督延期科技有限公司');
    const endOn = detail.project.endOn;
    const tooLong = await call(company, 'POST', `/api/supervision/projects/${projectId}/changes`, {
      kind: 'extension',
      reason: '关键设备到货延迟',
      newEndOn: addMonths(endOn, 13),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.details[0].message).toContain('延期后的结束日期：延期不能超过一年');
    const asked = await call(company, 'POST', `/api/supervision/projects/${projectId}/changes`, {
      kind: 'extension',
      reason: '关键设备到货延迟',
      newEndOn: addMonths(endOn, 6),
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const change = asked.json().change;
    expect(change).toMatchObject({ status: 'submitted', kind: 'extension', allowedActions: ['withdraw'] });
    const second = await call(company, 'POST', `/api/supervision/projects/${projectId}/changes`, {
      kind: 'extension',
      reason: '再延期',
      newEndOn: addMonths(endOn, 3),
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toBe('每个项目只能延期一次，本项目已申请过延期');

    const queue = (
      await call(staff, 'GET', '/api/supervision/changes?status=submitted&kind=extension')
    ).json();
    expect(queue.items.map((item: { id: number }) => item.id)).toContain(change.id);
    const approved = await call(staff, 'POST', `/api/supervision/changes/${change.id}/actions/approve`, {
      version: 1,
      comment: '同意延期',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const after = (await call(company, 'GET', `/api/supervision/projects/${projectId}`)).json();
    expect(after.project.extendedEndOn).toBe(addMonths(endOn, 6));
    expect(after.extensionUsed).toBe(true);
    // The schedule follows the new end: one more half-yearly period.
    expect(after.reports.length).toBe(detail.reports.length + 1);
    const third = await call(company, 'POST', `/api/supervision/projects/${projectId}/changes`, {
      kind: 'extension',
      reason: '再次延期',
      newEndOn: addMonths(endOn, 9),
    });
    expect(third.statusCode).toBe(409);
  });

  it('checks a budget adjustment cell by cell and applies it; changes the principal; withdraws and rejects', async () => {
    const { company, projectId } = await runningProject('济宁监督预算科技有限公司');
    const over = await call(company, 'POST', `/api/supervision/projects/${projectId}/changes`, {
      kind: 'budget',
      reason: '设备采购调整',
      budget: [
        { category: 'equipment', fiscalFen: 400_000_00, selfRaisedFen: 200_000_00, otherFen: 0 },
        { category: 'equipment', fiscalFen: 200_000_00, selfRaisedFen: 0, otherFen: 0 },
      ],
    });
    expect(over.statusCode).toBe(400);
    const details = over.json().error.details;
    expect(details.map((detail: { path: string }) => detail.path)).toEqual(['budget.1.category', 'budget']);
    expect(details[1].message).toBe('调整后预算：财政资金合计 60.00 万元，超过立项批准的 50.00 万元');
    const badCell = await call(company, 'POST', `/api/supervision/projects/${projectId}/changes`, {
      kind: 'budget',
      reason: '设备采购调整',
      budget: [{ category: 'equipment', fiscalFen: -5, selfRaisedFen: 0, otherFen: 0 }],
    });
    expect(badCell.json().error.details[0]).toMatchObject({
      path: 'budget.0.fiscalFen',
      message: '财政资金：不能小于 0',
    });
    const budget = await call(company, 'POST', `/api/supervision/projects/${projectId}/changes`, {
      kind: 'budget',
      reason: '设备采购调整',
      budget: [
        { category: 'equipment', fiscalFen: 250_000_00, selfRaisedFen: 200_000_00, otherFen: 0 },
        { category: 'business', fiscalFen: 250_000_00, selfRaisedFen: 100_000_00, otherFen: 0 },
      ],
    });
    expect(budget.statusCode, budget.body).toBe(201);
    await call(staff, 'POST', `/api/supervision/changes/${budget.json().change.id}/actions/approve`, {
      version: 1,
    });
    const afterBudget = (await call(staff, 'GET', `/api/supervision/projects/${projectId}`)).json();
    expect(afterBudget.budget[1]).toMatchObject({ category: 'business', fiscalFen: 250_000_00 });

    const principal = await call(company, 'POST', `/api/supervision/projects/${projectId}/changes`, {
      kind: 'principal',
      reason: '原负责人调离',
      principalName: '赵新任',
      principalIdNumber: '370811198502021235',
    });
    expect(principal.json().change.details.principalIdNumber).toBe('370811********1235');
    const version = afterBudget.project.version;
    await call(staff, 'POST', `/api/supervision/changes/${principal.json().change.id}/actions/approve`, {
      version: 1,
    });
    const afterPrincipal = (await call(staff, 'GET', `/api/supervision/projects/${projectId}`)).json();
    expect(afterPrincipal.project.principalName).toBe('赵新任');
    expect(afterPrincipal.project.version).toBe(version + 1);

    const members = await call(company, 'POST', `/api/supervision/projects/${projectId}/changes`, {
      kind: 'members',
      reason: '补充人员',
      members: [{ name: '孙成员', role: 'member', workloadMonths: 3 }],
    });
    const withdrawn = await call(
      company,
      'POST',
      `/api/supervision/changes/${members.json().change.id}/actions/withdraw`,
      {
        version: 1,
      },
    );
    expect(withdrawn.json().change.status).toBe('withdrawn');
    const again = await call(company, 'POST', `/api/supervision/projects/${projectId}/changes`, {
      kind: 'members',
      reason: '补充人员',
      members: [{ name: '孙成员', role: 'member', workloadMonths: 3 }],
    });
    const id = again.json().change.id;
    expect(
      (await call(company, 'POST', `/api/supervision/changes/${id}/actions/approve`, { version: 1 }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call(staff, 'POST', `/api/supervision/changes/${id}/actions/reject`, { version: 1 })).statusCode,
    ).toBe(400);
    const rejected = await call(staff, 'POST', `/api/supervision/changes/${id}/actions/reject`, {
      version: 1,
      comment: '人员资质不符',
    });
    expect(rejected.json().change).toMatchObject({ status: 'rejected', decisionOpinion: '人员资质不符' });
    const unknownKind = await call(company, 'POST', `/api/supervision/projects/${projectId}/changes`, {
      kind: 'title',
      reason: '改名',
    });
    expect(unknownKind.statusCode).toBe(400);
  });

  it('replays a double-clicked change request as one', async () => {
    const { company, projectId } = await runningProject('济宁监督幂等科技有限公司');
    const send = () =>
      test.app.inject({
        method: 'POST',
        url: `/api/supervision/projects/${projectId}/changes`,
        headers: { cookie: company.cookie, 'idempotency-key': 'change-1' },
        payload: {
          kind: 'members',
          reason: '补充人员',
          members: [{ name: '孙成员', role: 'member', workloadMonths: 3 }],
        },
      });
    const [first, second] = await Promise.all([send(), send()]);
    expect(first.json().change.id).toBe(second.json().change.id);
  });
});

describe('暂停、终止与撤销', () => {
  it('suspends and resumes with reasons, terminates with the unspent funds, revokes with the funds recovered', async () => {
    const { projectId, detail } = await runningProject('济宁监督终止科技有限公司');
    expect(detail.allowedActions).toEqual(['applyAcceptance']);
    const staffView = (await call(staff, 'GET', `/api/supervision/projects/${projectId}`)).json();
    expect(staffView.allowedActions.sort()).toEqual(['revoke', 'suspend', 'terminate']);
    const suspended = await call(staff, 'POST', `/api/supervision/projects/${projectId}/status/suspend`, {
      version: 1,
      comment: '中期检查发现问题，暂停执行',
    });
    expect(suspended.json().project.status).toBe('suspended');
    const resumed = await call(staff, 'POST', `/api/supervision/projects/${projectId}/status/resume`, {
      version: 2,
      comment: '整改到位，恢复执行',
    });
    expect(resumed.json().project.status).toBe('inProgress');
    const noAmount = await call(staff, 'POST', `/api/supervision/projects/${projectId}/status/terminate`, {
      version: 3,
      comment: '不可抗力',
    });
    expect(noAmount.statusCode).toBe(400);
    expect(noAmount.json().error.details[0].message).toBe('应退回结余资金：必填');
    const tooMuch = await call(staff, 'POST', `/api/supervision/projects/${projectId}/status/terminate`, {
      version: 3,
      comment: '不可抗力',
      amountFen: 600_000_00,
    });
    expect(tooMuch.statusCode).toBe(400);
    const terminated = await call(staff, 'POST', `/api/supervision/projects/${projectId}/status/terminate`, {
      version: 3,
      comment: '不可抗力，项目无法继续',
      amountFen: 180_000_00,
    });
    expect(terminated.statusCode, terminated.body).toBe(200);
    expect(terminated.json().project.status).toBe('terminated');
    expect(terminated.json().fundRecoveries[0]).toMatchObject({ kind: 'terminate', amountFen: 180_000_00 });
    expect(
      terminated
        .json()
        .reports.every((report: { allowedActions: string[] }) => report.allowedActions.length === 0),
    ).toBe(true);

    const other = await runningProject('济宁监督撤销科技有限公司');
    const revoked = await call(staff, 'POST', `/api/supervision/projects/${other.projectId}/status/revoke`, {
      version: 1,
      comment: '申报材料弄虚作假',
      amountFen: 500_000_00,
    });
    expect(revoked.json().project.status).toBe('revoked');
    expect(revoked.json().fundRecoveries[0]).toMatchObject({ kind: 'revoke', amountFen: 500_000_00 });
    const archived = await call(
      staff,
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
      staff,
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
      staff,
      'POST',
      `/api/supervision/projects/${projectId}/acceptance/requireRectification`,
      { version: 4, comment: '仍需整改' },
    );
    expect(secondRectification.statusCode).toBe(409);
    expect(secondRectification.json().error.message).toContain('只有一次整改机会');
    const [first, second] = await Promise.all([
      call(staff, 'POST', `/api/supervision/projects/${projectId}/acceptance/accept`, {
        version: 4,
        comment: '通过',
      }),
      call(otherStaff, 'POST', `/api/supervision/projects/${projectId}/acceptance/fail`, {
        version: 4,
        comment: '不通过',
      }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const accepted = (await call(company, 'GET', `/api/supervision/projects/${projectId}`)).json();
    expect(accepted.project).toMatchObject({
      status: 'accepted',
      acceptanceOutcome: 'passedAfterRectification',
    });
    expect(accepted.finalReports.map((report: { round: number }) => report.round)).toEqual([1, 2]);
    const archived = await call(staff, 'POST', `/api/supervision/projects/${projectId}/status/archive`, {
      version: 5,
    });
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
      staff,
      'POST',
      `/api/supervision/projects/${projectId}/acceptance/requireRectification`,
      { version: 2, comment: '整改', rectificationDueOn: '2020-01-01' },
    );
    expect(badDeadline.json().error.details[0].message).toBe('整改期限：应晚于今天');
    const reconsider = await call(
      staff,
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
    const failed = await call(staff, 'POST', `/api/supervision/projects/${projectId}/acceptance/fail`, {
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
      staff,
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
    const list = (await call(staff, 'GET', '/api/supervision/projects?keyword=济宁监督')).json();
    expect(list.statusCounts.closedWithoutPass).toBeGreaterThanOrEqual(1);
    expect(list.statusCounts.failed).toBeGreaterThanOrEqual(1);
    const exported = await call(staff, 'GET', '/api/supervision/projects/export?keyword=济宁监督');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    expect((await call(other.company, 'GET', '/api/supervision/projects/export')).statusCode).toBe(403);
    const filtered = (await call(staff, 'GET', '/api/supervision/projects?status=failed')).json();
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
    const intruder = await buildEnterprise(test.app);
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
    await expectNoCrossTenantAccess(test.app, {
      intruder,
      secrets: ['济宁监督保密科技有限公司', '保密变更理由', '保密成员'],
      requests,
    });
    // Not forbidden but not found: another enterprise's records do not exist for it.
    for (const request of requests) {
      const response = await test.app.inject({
        method: request.method,
        url: request.url,
        headers: { cookie: intruder.cookie },
        ...(request.payload === undefined ? {} : { payload: request.payload as object }),
      });
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(404);
    }
  });
});
