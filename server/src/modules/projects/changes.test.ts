import { addMonths } from '@kechuang/domain';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openPrincipalId } from '../../core/principal-id';
import { planProjectChanges, planProjects } from '../../db/schema';
import { useTestApp } from '../../test/test-app';
import { supervisionRequests } from './supervision-test-helpers';

const suite = useTestApp({ staff: 'staff' });

const { call, runningProject } = supervisionRequests(() => suite.test);

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
      await call(suite.staff, 'GET', '/api/supervision/changes?status=submitted&kind=extension')
    ).json();
    expect(queue.items.map((item: { id: number }) => item.id)).toContain(change.id);
    const approved = await call(
      suite.staff,
      'POST',
      `/api/supervision/changes/${change.id}/actions/approve`,
      {
        version: 1,
        comment: '同意延期',
      },
    );
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
    await call(suite.staff, 'POST', `/api/supervision/changes/${budget.json().change.id}/actions/approve`, {
      version: 1,
    });
    const afterBudget = (await call(suite.staff, 'GET', `/api/supervision/projects/${projectId}`)).json();
    expect(afterBudget.budget[1]).toMatchObject({ category: 'business', fiscalFen: 250_000_00 });

    const principal = await call(company, 'POST', `/api/supervision/projects/${projectId}/changes`, {
      kind: 'principal',
      reason: '原负责人调离',
      principalName: '赵新任',
      principalIdNumber: '370811198502021235',
    });
    expect(principal.json().change.details.principalIdNumber).toBe('370811********1235');
    const version = afterBudget.project.version;
    await call(
      suite.staff,
      'POST',
      `/api/supervision/changes/${principal.json().change.id}/actions/approve`,
      {
        version: 1,
      },
    );
    const afterPrincipal = (await call(suite.staff, 'GET', `/api/supervision/projects/${projectId}`)).json();
    expect(afterPrincipal.project.principalName).toBe('赵新任');
    expect(afterPrincipal.project.version).toBe(version + 1);
    // At rest, on the request and on the project, the new principal's number is SM4 ciphertext.
    const [request] = await suite.test.db
      .select({ details: planProjectChanges.details })
      .from(planProjectChanges)
      .where(eq(planProjectChanges.id, principal.json().change.id));
    const storedRequest = (request.details as { principalIdNumber: string }).principalIdNumber;
    expect(storedRequest).toMatch(/^sm4:/);
    expect(openPrincipalId(storedRequest)).toBe('370811198502021235');
    const [stored] = await suite.test.db
      .select({ cipher: planProjects.principalIdNumberCipher })
      .from(planProjects)
      .where(eq(planProjects.id, projectId));
    expect(stored.cipher).toMatch(/^sm4:/);
    expect(openPrincipalId(stored.cipher)).toBe('370811198502021235');

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
      (await call(suite.staff, 'POST', `/api/supervision/changes/${id}/actions/reject`, { version: 1 }))
        .statusCode,
    ).toBe(400);
    const rejected = await call(suite.staff, 'POST', `/api/supervision/changes/${id}/actions/reject`, {
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
      suite.test.app.inject({
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
