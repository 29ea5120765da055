import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { digestPii } from '../../core/pii';
import { openPrincipalId } from '../../core/principal-id';
import { queryRows } from '../../db/connection';
import { planCalls, projectApplications } from '../../db/schema';
import { expectNoCrossTenantAccess } from '../../test/cross-tenant';
import { buildEnterprise } from '../../test/factories';
import { useTestApp } from '../../test/test-app';
import { applicationRequests, buildCompleteContent, createOpenCall, upload, WAN } from './plan-test-helpers';

const suite = useTestApp({ staff: 'staff' });

const { call, startApplication, fillAndSubmit } = applicationRequests(() => suite.test.app);

/** Sets a call's close time relative to now, straight in the database (the API refuses a past one). */
async function moveCloseTime(callId: number, fromNowMs: number): Promise<void> {
  await suite.test.db
    .update(planCalls)
    .set({ closesAt: new Date(Date.now() + fromNowMs) })
    .where(eq(planCalls.id, callId));
}

describe('项目申报', () => {
  it('autosaves a draft, masks ID numbers, refuses a stale save, and submits with a receipt', async () => {
    const openCall = await createOpenCall(suite.test.app, suite.staff);
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
    const [stored] = await suite.test.db
      .select()
      .from(projectApplications)
      .where(eq(projectApplications.id, detail.application.id));
    // At rest the number is SM4 ciphertext (with its HMAC digest for the 限项 rules), never the clear number.
    expect(stored.principalIdNumberCipher).toMatch(/^sm4:[0-9a-f]{8}:/);
    expect(stored.principalIdNumberCipher).not.toContain(idNumber);
    expect(openPrincipalId(stored.principalIdNumberCipher)).toBe(idNumber);
    expect(stored.principalIdDigest).toBe(digestPii(idNumber));
    const raw = await queryRows<{ stored: string }>(
      suite.test.db,
      sql`select principal_id_number as stored from project_applications where id = ${detail.application.id}`,
    );
    expect(raw[0].stored.startsWith('sm4:')).toBe(true);
    expect(raw[0].stored).not.toContain(idNumber.slice(6, 14));

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
    const openCall = await createOpenCall(suite.test.app, suite.staff);
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
    const closing = await createOpenCall(suite.test.app, suite.staff);
    const { enterprise, detail } = await startApplication(closing.id);
    const saved = await call(enterprise, 'PUT', `/api/plan/applications/${detail.application.id}`, {
      version: 1,
      content: buildCompleteContent(),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    // The call closed a second ago: moved in the database, so a busy machine cannot blur the moment.
    await moveCloseTime(closing.id, -1_000);
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

    const future = await createOpenCall(suite.test.app, suite.staff, {
      body: {
        opensAt: new Date(Date.now() + 86400_000).toISOString(),
        closesAt: new Date(Date.now() + 2 * 86400_000).toISOString(),
      },
    });
    const early = await call(enterprise, 'POST', '/api/plan/applications', { callId: future.id });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('申报尚未开始，请在申报开始时间后提交');
  });

  it('accepts a submission a few seconds before the close time', async () => {
    const closing = await createOpenCall(suite.test.app, suite.staff);
    const { enterprise, detail } = await startApplication(closing.id);
    await call(enterprise, 'PUT', `/api/plan/applications/${detail.application.id}`, {
      version: 1,
      content: buildCompleteContent(),
    });
    const [row] = await suite.test.db
      .select()
      .from(projectApplications)
      .where(eq(projectApplications.id, detail.application.id));
    await moveCloseTime(closing.id, 5_000);
    const inTime = await call(enterprise, 'POST', `/api/plan/applications/${detail.application.id}/submit`, {
      version: row.version,
    });
    expect(inTime.statusCode, inTime.body).toBe(200);
  });

  it('makes one application of double-clicked creates and submits with the same Idempotency-Key', async () => {
    const openCall = await createOpenCall(suite.test.app, suite.staff);
    const enterprise = await buildEnterprise(suite.test.app);
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
    const rows = await suite.test.db
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

  it('keeps one enterprise out of another’s application and its files', async () => {
    const openCall = await createOpenCall(suite.test.app, suite.staff);
    const { enterprise, id } = await fillAndSubmit(openCall.id);
    const reopened = (await call(enterprise, 'GET', `/api/plan/applications/${id}`)).json();
    const back = await call(enterprise, 'POST', `/api/plan/applications/${id}/actions/reopen`, {
      version: reopened.application.version,
    });
    const attached = (
      await upload(suite.test.app, enterprise, `/api/plan/applications/${id}/attachments`, '保密材料.pdf')
    ).json();
    await call(enterprise, 'PUT', `/api/plan/applications/${id}`, {
      version: back.json().application.version,
      content: { ...back.json().content, attachments: [{ fileId: attached.id, kind: 'other' }] },
    });
    const intruder = await buildEnterprise(suite.test.app);
    expect((await call(intruder, 'GET', '/api/plan/applications')).json().items).toEqual([]);
    await expectNoCrossTenantAccess(suite.test.app, {
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
    const stolen = await upload(
      suite.test.app,
      intruder,
      `/api/plan/applications/${id}/attachments`,
      'x.pdf',
    );
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
