import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planProjects, projectApplications } from '../../db/schema';
import { expectNoCrossTenantAccess } from '../../test/cross-tenant';
import { buildEnterprise, buildSession, type Session } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { buildCompleteContent, createOpenCall, inject, nextIdNumber, upload, WAN } from './plan-test-helpers';

let test: TestApp;
let staff: Session;
beforeAll(async () => {
  test = await createTestApp();
  staff = await buildSession(test.app, test.db, 'staff');
});
afterAll(() => test.close());

const call = (
  session: Session,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
  headers = {},
) => inject(test.app, session, method, url, payload, headers);

async function startApplication(callId: number, company?: Session) {
  const enterprise = company ?? (await buildEnterprise(test.app));
  const created = await call(enterprise, 'POST', '/api/plan/applications', { callId });
  expect(created.statusCode, created.body).toBe(201);
  return { enterprise, detail: created.json() };
}

async function fillAndSubmit(callId: number) {
  const { enterprise, detail } = await startApplication(callId);
  const saved = await call(enterprise, 'PUT', `/api/plan/applications/${detail.application.id}`, {
    version: detail.application.version,
    content: buildCompleteContent(),
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const submitted = await call(enterprise, 'POST', `/api/plan/applications/${detail.application.id}/submit`, {
    version: saved.json().application.version,
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
  return { enterprise, id: detail.application.id as number, receipt: submitted.json() };
}

describe('项目申报', () => {
  it('autosaves a draft, masks ID numbers, refuses a stale save, and submits with a receipt', async () => {
    const openCall = await createOpenCall(test.app, staff);
    const { enterprise, detail } = await startApplication(openCall.id);
    expect(detail.application).toMatchObject({ status: 'draft', applicationNo: null });
    expect(detail.allowedActions.sort()).toEqual(['submit', 'withdraw']);
    const content = buildCompleteContent();
    const idNumber = content.team[0].idNumber!;
    const saved = await call(enterprise, 'PUT', `/api/plan/applications/${detail.application.id}`, {
      version: 1,
      content,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const body = saved.json();
    expect(body.content.team[0].idNumber).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`);
    expect(body.application.principalIdNumber).toBe(body.content.team[0].idNumber);
    expect(saved.body).not.toContain(idNumber);
    expect(body.application.requestedFen).toBe(50 * WAN);

    // The form sends the masked number back unchanged: the stored one is kept.
    const again = await call(enterprise, 'PUT', `/api/plan/applications/${detail.application.id}`, {
      version: 2,
      content: body.content,
    });
    expect(again.statusCode).toBe(200);
    const [stored] = await test.db
      .select()
      .from(projectApplications)
      .where(eq(projectApplications.id, detail.application.id));
    expect(stored.principalIdNumber).toBe(idNumber);

    const stale = await call(enterprise, 'PUT', `/api/plan/applications/${detail.application.id}`, {
      version: 2,
      content,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe('该记录已被他人修改，请刷新后再提交');

    const check = (
      await call(enterprise, 'GET', `/api/plan/applications/${detail.application.id}/check`)
    ).json();
    expect(check.errors).toEqual([]);
    expect(check.warnings.map((issue: { path: string }) => issue.path)).toEqual(['attachments']);

    const submitted = await call(
      enterprise,
      'POST',
      `/api/plan/applications/${detail.application.id}/submit`,
      {
        version: 3,
      },
    );
    expect(submitted.statusCode, submitted.body).toBe(200);
    const receipt = submitted.json();
    expect(receipt.applicationNo).toMatch(new RegExp(`^KJ${openCall.year}-\\d{4}$`));
    expect(Math.abs(Date.parse(receipt.submittedAt) - Date.now())).toBeLessThan(10_000);
    expect(receipt.warnings).toHaveLength(1);

    const afterSubmit = (
      await call(enterprise, 'GET', `/api/plan/applications/${detail.application.id}`)
    ).json();
    expect(afterSubmit.application).toMatchObject({
      status: 'submitted',
      applicationNo: receipt.applicationNo,
    });
    const edit = await call(enterprise, 'PUT', `/api/plan/applications/${detail.application.id}`, {
      version: afterSubmit.application.version,
      content,
    });
    expect(edit.statusCode).toBe(409);

    // Reopen before the deadline keeps the number; the next submission keeps it too.
    const reopened = await call(
      enterprise,
      'POST',
      `/api/plan/applications/${detail.application.id}/actions/reopen`,
      {
        version: afterSubmit.application.version,
      },
    );
    expect(reopened.statusCode, reopened.body).toBe(200);
    const resubmitted = await call(
      enterprise,
      'POST',
      `/api/plan/applications/${detail.application.id}/submit`,
      {
        version: reopened.json().application.version,
      },
    );
    expect(resubmitted.json().applicationNo).toBe(receipt.applicationNo);

    const duplicate = await call(enterprise, 'POST', '/api/plan/applications', { callId: openCall.id });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.details[0].message).toContain('每个企业限报一项');
  });

  it('refuses unbalanced budgets naming the cells, and a missing or invalid principal ID', async () => {
    const openCall = await createOpenCall(test.app, staff);
    const { enterprise, detail } = await startApplication(openCall.id);
    const content = buildCompleteContent();
    content.budget.totals = { fiscalFen: 50 * WAN, selfRaisedFen: 99 * WAN, otherFen: 5 * WAN };
    content.budget.rows[2].otherFen = 1;
    content.team[0].idNumber = '110105194912310021';
    await call(enterprise, 'PUT', `/api/plan/applications/${detail.application.id}`, { version: 1, content });
    const refused = await call(enterprise, 'POST', `/api/plan/applications/${detail.application.id}/submit`, {
      version: 2,
    });
    expect(refused.statusCode).toBe(400);
    const error = refused.json().error;
    expect(error.code).toBe('submissionCheckFailed');
    expect(error.details.map((item: { path: string }) => item.path)).toEqual([
      'team.0.idNumber',
      'budget.totals.selfRaisedFen',
      'budget.totals.otherFen',
    ]);
    expect(error.details[0].message).toBe('项目负责人身份证号：校验位不正确，请核对');
    expect(error.details[1].message).toContain('自筹资金');

    const tooMuch = buildCompleteContent();
    tooMuch.budget.rows[0].fiscalFen = 130 * WAN;
    tooMuch.budget.totals = { fiscalFen: 150 * WAN, selfRaisedFen: 100 * WAN, otherFen: 5 * WAN };
    await call(enterprise, 'PUT', `/api/plan/applications/${detail.application.id}`, {
      version: 2,
      content: tooMuch,
    });
    const overMax = await call(enterprise, 'POST', `/api/plan/applications/${detail.application.id}/submit`, {
      version: 3,
    });
    expect(overMax.json().error.details.map((item: { path: string }) => item.path)).toEqual([
      'budget.totals.fiscalFen',
      'budget.rows.0.fiscalFen',
    ]);

    const badField = await call(enterprise, 'PUT', `/api/plan/applications/${detail.application.id}`, {
      version: 3,
      content: { ...tooMuch, team: [{ ...tooMuch.team[0], workloadMonths: 13 }] },
    });
    expect(badField.statusCode).toBe(400);
    expect(badField.json().error.details[0].message).toBe('投入工作量（人月）：不能大于 12');
  });

  it('refuses a submission one second after the close time, and before the open time', async () => {
    const closing = await createOpenCall(test.app, staff, { closesInMs: 1_500 });
    const { enterprise, detail } = await startApplication(closing.id);
    await call(enterprise, 'PUT', `/api/plan/applications/${detail.application.id}`, {
      version: 1,
      content: buildCompleteContent(),
    });
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const late = await call(enterprise, 'POST', `/api/plan/applications/${detail.application.id}/submit`, {
      version: 2,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('callClosed');
    expect(late.json().error.message).toBe('申报已截止，不能再提交或修改');
    expect(late.json().error.details[0].message).toMatch(
      /^申报已截止：截止时间为 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/,
    );
    const lateSave = await call(enterprise, 'PUT', `/api/plan/applications/${detail.application.id}`, {
      version: 2,
      content: buildCompleteContent(),
    });
    expect(lateSave.statusCode).toBe(409);

    const future = await createOpenCall(test.app, staff, {
      body: {
        opensAt: new Date(Date.now() + 86400_000).toISOString(),
        closesAt: new Date(Date.now() + 2 * 86400_000).toISOString(),
      },
    });
    const early = await call(enterprise, 'POST', '/api/plan/applications', { callId: future.id });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('申报尚未开始，请在申报开始时间后提交');
  });

  it('accepts a submission one second before the close time', async () => {
    const closing = await createOpenCall(test.app, staff, { closesInMs: 4_000 });
    const { enterprise, detail } = await startApplication(closing.id);
    await call(enterprise, 'PUT', `/api/plan/applications/${detail.application.id}`, {
      version: 1,
      content: buildCompleteContent(),
    });
    const [row] = await test.db
      .select()
      .from(projectApplications)
      .where(eq(projectApplications.id, detail.application.id));
    const closesAt = Date.parse((await call(staff, 'GET', `/api/plan/calls/${closing.id}`)).json().closesAt);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, closesAt - Date.now() - 1_000)));
    const inTime = await call(enterprise, 'POST', `/api/plan/applications/${detail.application.id}/submit`, {
      version: row.version,
    });
    expect(inTime.statusCode, inTime.body).toBe(200);
  });

  it('makes one application of double-clicked creates and submits with the same Idempotency-Key', async () => {
    const openCall = await createOpenCall(test.app, staff);
    const enterprise = await buildEnterprise(test.app);
    const key = { 'idempotency-key': `create-${enterprise.enterpriseId}` };
    const creates = await Promise.all(
      Array.from({ length: 5 }, () =>
        call(enterprise, 'POST', '/api/plan/applications', { callId: openCall.id }, key),
      ),
    );
    expect(creates.map((response) => response.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(creates.map((response) => response.json().application.id)).size).toBe(1);
    const id = creates[0].json().application.id;
    await call(enterprise, 'PUT', `/api/plan/applications/${id}`, {
      version: 1,
      content: buildCompleteContent(),
    });
    const submitKey = { 'idempotency-key': `submit-${id}` };
    const submits = await Promise.all(
      Array.from({ length: 5 }, () =>
        call(enterprise, 'POST', `/api/plan/applications/${id}/submit`, { version: 2 }, submitKey),
      ),
    );
    expect(submits.map((response) => response.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(submits.map((response) => response.json().applicationNo)).size).toBe(1);
    const rows = await test.db
      .select()
      .from(projectApplications)
      .where(eq(projectApplications.enterpriseId, enterprise.enterpriseId));
    expect(rows).toHaveLength(1);
    const otherBody = await call(
      enterprise,
      'POST',
      `/api/plan/applications/${id}/submit`,
      { version: 3 },
      submitKey,
    );
    expect(otherBody.statusCode).toBe(422);
  });

  it('applies the 限项 rules by the principal’s ID number', async () => {
    const openCall = await createOpenCall(test.app, staff, {
      body: { rules: { maxApplicationsPerPrincipalPerYear: 1 } },
    });
    const other = await createOpenCall(test.app, staff);
    const idNumber = nextIdNumber();
    const first = await startApplication(openCall.id);
    const content = buildCompleteContent();
    content.team[0].idNumber = idNumber;
    await call(first.enterprise, 'PUT', `/api/plan/applications/${first.detail.application.id}`, {
      version: 1,
      content,
    });
    expect(
      (
        await call(first.enterprise, 'POST', `/api/plan/applications/${first.detail.application.id}/submit`, {
          version: 2,
        })
      ).statusCode,
    ).toBe(200);
    const second = await startApplication(other.id);
    await call(second.enterprise, 'PUT', `/api/plan/applications/${second.detail.application.id}`, {
      version: 1,
      content,
    });
    const refused = await call(
      second.enterprise,
      'POST',
      `/api/plan/applications/${second.detail.application.id}/submit`,
      { version: 2 },
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].message).toBe(
      '限项：项目负责人本年度已牵头申报 1 项，每年最多 1 项',
    );
    // Two running projects led by another principal block a third application of theirs.
    const runner = nextIdNumber();
    for (const source of [first.detail.application, second.detail.application]) {
      await test.db.insert(planProjects).values({
        applicationId: source.id,
        callId: source.callId,
        enterpriseId: source.enterpriseId,
        projectNo: `XM-LIMIT-${source.id}`,
        title: '在研项目',
        status: 'inProgress',
        principalIdNumber: runner,
        approvedFen: WAN,
        startOn: '2021-01-01',
        endOn: '2022-12-31',
      });
    }
    const third = await startApplication((await createOpenCall(test.app, staff)).id);
    const busy = buildCompleteContent();
    busy.team[0].idNumber = runner;
    await call(third.enterprise, 'PUT', `/api/plan/applications/${third.detail.application.id}`, {
      version: 1,
      content: busy,
    });
    const limited = await call(
      third.enterprise,
      'POST',
      `/api/plan/applications/${third.detail.application.id}/submit`,
      { version: 2 },
    );
    expect(limited.json().error.details[0].message).toBe(
      '限项：项目负责人在研项目 2 项，连同本项不得超过 2 项',
    );
  });

  it('requires the standing the call names (科技型中小企业)', async () => {
    const strict = await createOpenCall(test.app, staff, {
      body: { rules: { requiredStandings: ['techSme'] } },
    });
    const enterprise = await buildEnterprise(test.app);
    const refused = await call(enterprise, 'POST', '/api/plan/applications', { callId: strict.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0]).toEqual({
      path: 'callId',
      message: '申报条件：申报单位须为科技型中小企业',
    });
    const registered = await call(staff, 'POST', '/api/cultivation/tech-sme-registrations', {
      enterpriseId: enterprise.enterpriseId,
      year: new Date().getUTCFullYear(),
      registrationNumber: `${new Date().getUTCFullYear()}370811A${String(enterprise.enterpriseId).padStart(7, '0')}`,
      registeredOn: new Date().toISOString().slice(0, 10),
    });
    expect(registered.statusCode, registered.body).toBe(201);
    expect((await call(enterprise, 'POST', '/api/plan/applications', { callId: strict.id })).statusCode).toBe(
      201,
    );
  });

  it('keeps the formal check’s checklist and history; the applicant fixes and resubmits; two staff race: one wins', async () => {
    const openCall = await createOpenCall(test.app, staff);
    const { enterprise, id, receipt } = await fillAndSubmit(openCall.id);
    const other = await buildSession(test.app, test.db, 'staff');
    const version = receipt.version;
    const [returned, passed] = await Promise.all([
      call(staff, 'POST', `/api/plan/applications/${id}/actions/returnForCorrection`, {
        version,
        comment: '缺少营业执照复印件',
        checklist: [
          { item: '申报单位资格', passed: true },
          { item: '附件齐全', passed: false, note: '缺营业执照' },
        ],
      }),
      call(other, 'POST', `/api/plan/applications/${id}/actions/passCheck`, { version }),
    ]);
    expect([returned.statusCode, passed.statusCode].sort()).toEqual([200, 409]);
    const winner = returned.statusCode === 200 ? 'returned' : 'checked';
    if (winner === 'checked') return; // the race went the other way; the return path is walked below
    const detail = (await call(enterprise, 'GET', `/api/plan/applications/${id}`)).json();
    expect(detail.application).toMatchObject({ status: 'returned', decisionNote: '缺少营业执照复印件' });
    expect(detail.formalChecks[0].results[1]).toEqual({
      item: '附件齐全',
      passed: false,
      note: '缺营业执照',
    });
    const notice = (await call(enterprise, 'GET', '/api/notifications')).json();
    expect(JSON.stringify(notice)).toContain('退回修改');

    const attached = await upload(
      test.app,
      enterprise,
      `/api/plan/applications/${id}/attachments`,
      '营业执照.pdf',
    );
    expect(attached.statusCode, attached.body).toBe(201);
    const file = attached.json();
    const fixed = await call(enterprise, 'PUT', `/api/plan/applications/${id}`, {
      version: detail.application.version,
      content: { ...detail.content, attachments: [{ fileId: file.id, kind: 'businessLicence' }] },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().attachments).toEqual([expect.objectContaining({ fileName: '营业执照.pdf' })]);
    const again = await call(enterprise, 'POST', `/api/plan/applications/${id}/submit`, {
      version: fixed.json().application.version,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().applicationNo).toBe(receipt.applicationNo);
    expect(again.json().warnings).toEqual([]);

    const download = await call(staff, 'GET', `/api/plan/applications/${id}/attachments/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''");

    const failing = await call(staff, 'POST', `/api/plan/applications/${id}/actions/passCheck`, {
      version: again.json().version,
      checklist: [{ item: '附件齐全', passed: false }],
    });
    expect(failing.statusCode).toBe(400);
    const checked = await call(staff, 'POST', `/api/plan/applications/${id}/actions/passCheck`, {
      version: again.json().version,
      checklist: [{ item: '附件齐全', passed: true }],
    });
    expect(checked.statusCode).toBe(200);
    const final = checked.json();
    expect(final.application.status).toBe('checked');
    expect(final.formalChecks.map((check: { action: string }) => check.action)).toEqual([
      'returnForCorrection',
      'passCheck',
    ]);
    expect(final.history.map((entry: { action: string }) => entry.action)).toEqual([
      'create',
      'submit',
      'returnForCorrection',
      'submit',
      'passCheck',
    ]);
    const noRecommend = await call(staff, 'POST', `/api/plan/applications/${id}/actions/recommend`, {
      version: final.application.version,
      comment: '推荐',
    });
    expect(noRecommend.statusCode).toBe(409);
    expect(noRecommend.json().error.code).toBe('notUpstreamCall');
  });

  it('refuses reopening where the call does not allow it', async () => {
    const strict = await createOpenCall(test.app, staff, { body: { allowResubmission: false } });
    const { enterprise, id, receipt } = await fillAndSubmit(strict.id);
    const refused = await call(enterprise, 'POST', `/api/plan/applications/${id}/actions/reopen`, {
      version: receipt.version,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('本通知不允许提交后撤回修改');
  });

  it('rejects with a reason, and lets the applicant withdraw before review', async () => {
    const openCall = await createOpenCall(test.app, staff);
    const first = await fillAndSubmit(openCall.id);
    const noReason = await call(staff, 'POST', `/api/plan/applications/${first.id}/actions/reject`, {
      version: first.receipt.version,
    });
    expect(noReason.statusCode).toBe(400);
    const rejected = await call(staff, 'POST', `/api/plan/applications/${first.id}/actions/reject`, {
      version: first.receipt.version,
      comment: '不符合申报条件',
    });
    expect(rejected.json().application.status).toBe('rejected');
    const second = await fillAndSubmit(openCall.id);
    const withdrawn = await call(
      second.enterprise,
      'POST',
      `/api/plan/applications/${second.id}/actions/withdraw`,
      {
        version: second.receipt.version,
        comment: '项目方案调整',
      },
    );
    expect(withdrawn.json().application.status).toBe('withdrawn');
    const staffWithdraw = await call(staff, 'POST', `/api/plan/applications/${second.id}/actions/withdraw`, {
      version: 3,
      comment: 'x',
    });
    expect(staffWithdraw.statusCode).toBe(403);
  });

  it('recommends city calls upstream and records the outcome with the amount granted', async () => {
    const cityCall = await createOpenCall(test.app, staff, { level: 'city' });
    const { id, receipt, enterprise } = await fillAndSubmit(cityCall.id);
    const checked = (
      await call(staff, 'POST', `/api/plan/applications/${id}/actions/passCheck`, {
        version: receipt.version,
      })
    ).json();
    const recommended = await call(staff, 'POST', `/api/plan/applications/${id}/actions/recommend`, {
      version: checked.application.version,
      comment: '技术先进，同意推荐',
    });
    expect(recommended.statusCode, recommended.body).toBe(200);
    const noAmount = await call(staff, 'POST', `/api/plan/applications/${id}/actions/recordGranted`, {
      version: recommended.json().application.version,
    });
    expect(noAmount.statusCode).toBe(400);
    expect(noAmount.json().error.message).toBe('请填写上级立项资助金额');
    const granted = await call(staff, 'POST', `/api/plan/applications/${id}/actions/recordGranted`, {
      version: recommended.json().application.version,
      grantedFen: 80 * WAN,
    });
    expect(granted.json().application).toMatchObject({
      status: 'grantedUpstream',
      upstreamGrantedFen: 80 * WAN,
    });
    const list = (await call(staff, 'GET', `/api/plan/applications?callId=${cityCall.id}`)).json();
    expect(list.statusCounts).toEqual({ grantedUpstream: 1 });
    const mine = (await call(enterprise, 'GET', '/api/plan/applications')).json();
    expect(mine.items.map((item: { id: number }) => item.id)).toEqual([id]);

    const document = await call(enterprise, 'GET', `/api/plan/applications/${id}/document`);
    expect(document.statusCode).toBe(200);
    expect(document.headers['content-type']).toContain('wordprocessingml');
    expect(document.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('keeps one enterprise out of another’s application and its files', async () => {
    const openCall = await createOpenCall(test.app, staff);
    const { enterprise, id } = await fillAndSubmit(openCall.id);
    const reopened = (await call(enterprise, 'GET', `/api/plan/applications/${id}`)).json();
    const back = await call(enterprise, 'POST', `/api/plan/applications/${id}/actions/reopen`, {
      version: reopened.application.version,
    });
    const attached = (
      await upload(test.app, enterprise, `/api/plan/applications/${id}/attachments`, '保密材料.pdf')
    ).json();
    await call(enterprise, 'PUT', `/api/plan/applications/${id}`, {
      version: back.json().application.version,
      content: { ...back.json().content, attachments: [{ fileId: attached.id, kind: 'other' }] },
    });
    const intruder = await buildEnterprise(test.app);
    expect((await call(intruder, 'GET', '/api/plan/applications')).json().items).toEqual([]);
    await expectNoCrossTenantAccess(test.app, {
      intruder,
      secrets: ['高端液压件', '保密材料', '张立'],
      requests: [
        { method: 'GET', url: `/api/plan/applications/${id}` },
        { method: 'PUT', url: `/api/plan/applications/${id}`, payload: { version: 1, content: {} } },
        { method: 'GET', url: `/api/plan/applications/${id}/check` },
        { method: 'POST', url: `/api/plan/applications/${id}/submit`, payload: { version: 1 } },
        {
          method: 'POST',
          url: `/api/plan/applications/${id}/actions/withdraw`,
          payload: { version: 1, comment: 'x' },
        },
        { method: 'GET', url: `/api/plan/applications/${id}/attachments/${attached.id}` },
        { method: 'GET', url: `/api/plan/applications/${id}/document` },
      ],
    });
    const stolen = await upload(test.app, intruder, `/api/plan/applications/${id}/attachments`, 'x.pdf');
    expect(stolen.statusCode).toBe(404);
    // Another enterprise's file cannot be named as one's own attachment.
    const own = await startApplication(openCall.id, intruder);
    const borrow = await call(intruder, 'PUT', `/api/plan/applications/${own.detail.application.id}`, {
      version: 1,
      content: buildCompleteContent({ attachments: [{ fileId: attached.id, kind: 'other' }] }),
    });
    expect(borrow.statusCode).toBe(400);
  });
});
