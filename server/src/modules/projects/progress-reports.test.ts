import { addMonths } from '@kechuang/domain';
import { describe, expect, it } from 'vitest';
import { buildEnterprise, buildSession } from '../../test/factories';
import { useTestApp } from '../../test/test-app';
import { sendProgressReportReminders } from './report-reminders-service';
import { progressReportBody, supervisionRequests, todayIso } from './supervision-test-helpers';

const suite = useTestApp({ staff: 'staff', otherStaff: 'staff' });

const { call, runningProject } = supervisionRequests(() => suite.test);
const today = todayIso();
const progressBody = progressReportBody;

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

    const bad = await call(suite.staff, 'PUT', `/api/supervision/projects/${projectId}/report-schedule`, {
      intervalMonths: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('报告周期（月）：不能小于 1');
    const yearly = await call(suite.staff, 'PUT', `/api/supervision/projects/${projectId}/report-schedule`, {
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

    const noReason = await call(suite.staff, 'POST', `/api/supervision/reports/${report.id}/review/return`, {
      version: 2,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toBe('请填写意见');
    const returned = await call(suite.staff, 'POST', `/api/supervision/reports/${report.id}/review/return`, {
      version: 2,
      comment: '请补充经费支出明细',
    });
    expect(returned.json().report).toMatchObject({ status: 'returned', reviewOpinion: '请补充经费支出明细' });
    const notes = (await call(company, 'GET', '/api/notifications')).json();
    expect(JSON.stringify(notes)).toContain('退回修改');

    await call(company, 'POST', `/api/supervision/reports/${report.id}/submit`, progressBody(3));
    const [first, second] = await Promise.all([
      call(suite.staff, 'POST', `/api/supervision/reports/${report.id}/review/accept`, { version: 4 }),
      call(suite.otherStaff, 'POST', `/api/supervision/reports/${report.id}/review/accept`, { version: 4 }),
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
    const overdue = (
      await call(suite.staff, 'GET', '/api/supervision/overdue-reports?keyword=监督逾期')
    ).json();
    expect(overdue.total).toBe(2);
    expect(overdue.items[0]).toMatchObject({ enterpriseName: '济宁监督逾期科技有限公司', isOverdue: true });
    const reminded = await call(
      suite.staff,
      'POST',
      `/api/supervision/reports/${detail.reports[0].id}/remind`,
    );
    expect(reminded.json()).toEqual({ reminded: 1 });
    const future = await call(suite.staff, 'POST', `/api/supervision/reports/${detail.reports[2].id}/remind`);
    expect(future.statusCode).toBe(200);
    expect((await call(company, 'GET', '/api/notifications')).json().items.length).toBeGreaterThanOrEqual(2);

    const first = await sendProgressReportReminders(suite.test.db, today);
    expect(first.overdue).toBeGreaterThanOrEqual(2);
    const again = await sendProgressReportReminders(suite.test.db, today);
    expect(again).toEqual({ reminded: 0, overdue: 0 });
    const all = await call(suite.staff, 'POST', '/api/supervision/overdue-reports/remind');
    expect(all.json().reminded).toBeGreaterThanOrEqual(2);
    expect((await call(company, 'GET', '/api/supervision/overdue-reports')).statusCode).toBe(403);
    const leader = await buildSession(suite.test.app, suite.test.db, 'leader');
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
    const result = await sendProgressReportReminders(suite.test.db, today);
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
    const upload = await suite.test.app.inject({
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
    const download = await call(suite.staff, 'GET', `/api/supervision/files/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    const intruder = await buildEnterprise(suite.test.app);
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
    const bad = await call(suite.staff, 'PUT', `/api/supervision/projects/${projectId}/mid-term-check`, {
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
    const recorded = await call(
      suite.staff,
      'PUT',
      `/api/supervision/projects/${projectId}/mid-term-check`,
      body,
    );
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json().midTermCheck).toMatchObject({ result: 'good', version: 1 });
    const twice = await call(
      suite.staff,
      'PUT',
      `/api/supervision/projects/${projectId}/mid-term-check`,
      body,
    );
    expect(twice.statusCode).toBe(409);
    const corrected = await call(
      suite.staff,
      'PUT',
      `/api/supervision/projects/${projectId}/mid-term-check`,
      {
        ...body,
        version: 1,
        result: 'needsRectification',
      },
    );
    expect(corrected.json().midTermCheck).toMatchObject({ result: 'needsRectification', version: 2 });
  });
});
