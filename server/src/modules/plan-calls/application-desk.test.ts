import { describe, expect, it } from 'vitest';
import { buildSession } from '../../test/factories';
import { useTestApp } from '../../test/test-app';
import { applicationRequests, createOpenCall, upload, WAN } from './plan-test-helpers';

const suite = useTestApp({ staff: 'staff' });

const { call, fillAndSubmit } = applicationRequests(() => suite.test.app);

describe('形式审查与推荐', () => {
  it('keeps the formal check’s checklist and history; the applicant fixes and resubmits; two staff race: one wins', async () => {
    const openCall = await createOpenCall(suite.test.app, suite.staff);
    const { enterprise, id, receipt } = await fillAndSubmit(openCall.id);
    const other = await buildSession(suite.test.app, suite.test.db, 'staff');
    const version = receipt.version;
    const [returned, passed] = await Promise.all([
      call(suite.staff, 'POST', `/api/plan/applications/${id}/actions/returnForCorrection`, {
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
      suite.test.app,
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

    const download = await call(suite.staff, 'GET', `/api/plan/applications/${id}/attachments/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''");

    const failing = await call(suite.staff, 'POST', `/api/plan/applications/${id}/actions/passCheck`, {
      version: again.json().version,
      checklist: [{ item: '附件齐全', passed: false }],
    });
    expect(failing.statusCode).toBe(400);
    const checked = await call(suite.staff, 'POST', `/api/plan/applications/${id}/actions/passCheck`, {
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
    const noRecommend = await call(suite.staff, 'POST', `/api/plan/applications/${id}/actions/recommend`, {
      version: final.application.version,
      comment: '推荐',
    });
    expect(noRecommend.statusCode).toBe(409);
    expect(noRecommend.json().error.code).toBe('notUpstreamCall');
  });

  it('refuses reopening where the call does not allow it', async () => {
    const strict = await createOpenCall(suite.test.app, suite.staff, { body: { allowResubmission: false } });
    const { enterprise, id, receipt } = await fillAndSubmit(strict.id);
    const refused = await call(enterprise, 'POST', `/api/plan/applications/${id}/actions/reopen`, {
      version: receipt.version,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('本通知不允许提交后撤回修改');
  });

  it('rejects with a reason, and lets the applicant withdraw before review', async () => {
    const openCall = await createOpenCall(suite.test.app, suite.staff);
    const first = await fillAndSubmit(openCall.id);
    const noReason = await call(suite.staff, 'POST', `/api/plan/applications/${first.id}/actions/reject`, {
      version: first.receipt.version,
    });
    expect(noReason.statusCode).toBe(400);
    const rejected = await call(suite.staff, 'POST', `/api/plan/applications/${first.id}/actions/reject`, {
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
    const staffWithdraw = await call(
      suite.staff,
      'POST',
      `/api/plan/applications/${second.id}/actions/withdraw`,
      {
        version: 3,
        comment: 'x',
      },
    );
    expect(staffWithdraw.statusCode).toBe(403);
  });

  it('recommends city calls upstream and records the outcome with the amount granted', async () => {
    const cityCall = await createOpenCall(suite.test.app, suite.staff, { level: 'city' });
    const { id, receipt, enterprise } = await fillAndSubmit(cityCall.id);
    const checked = (
      await call(suite.staff, 'POST', `/api/plan/applications/${id}/actions/passCheck`, {
        version: receipt.version,
      })
    ).json();
    const recommended = await call(suite.staff, 'POST', `/api/plan/applications/${id}/actions/recommend`, {
      version: checked.application.version,
      comment: '技术先进，同意推荐',
    });
    expect(recommended.statusCode, recommended.body).toBe(200);
    const noAmount = await call(suite.staff, 'POST', `/api/plan/applications/${id}/actions/recordGranted`, {
      version: recommended.json().application.version,
    });
    expect(noAmount.statusCode).toBe(400);
    expect(noAmount.json().error.message).toBe('请填写上级立项资助金额');
    const granted = await call(suite.staff, 'POST', `/api/plan/applications/${id}/actions/recordGranted`, {
      version: recommended.json().application.version,
      grantedFen: 80 * WAN,
    });
    expect(granted.json().application).toMatchObject({
      status: 'grantedUpstream',
      upstreamGrantedFen: 80 * WAN,
    });
    const list = (await call(suite.staff, 'GET', `/api/plan/applications?callId=${cityCall.id}`)).json();
    expect(list.statusCounts).toEqual({ grantedUpstream: 1 });
    const mine = (await call(enterprise, 'GET', '/api/plan/applications')).json();
    expect(mine.items.map((item: { id: number }) => item.id)).toEqual([id]);

    const document = await call(enterprise, 'GET', `/api/plan/applications/${id}/document`);
    expect(document.statusCode).toBe(200);
    expect(document.headers['content-type']).toContain('wordprocessingml');
    expect(document.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
