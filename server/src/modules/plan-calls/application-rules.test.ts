import { describe, expect, it } from 'vitest';
import { sealPrincipalId } from '../../core/principal-id';
import { planProjects } from '../../db/schema';
import { buildEnterprise } from '../../test/factories';
import { useTestApp } from '../../test/test-app';
import {
  applicationRequests,
  buildCompleteContent,
  createOpenCall,
  nextIdNumber,
  WAN,
} from './plan-test-helpers';

const suite = useTestApp({ staff: 'staff' });

const { call, startApplication } = applicationRequests(() => suite.test.app);

describe('申报条件与限项', () => {
  it('applies the 限项 rules by the principal’s ID number', async () => {
    const openCall = await createOpenCall(suite.test.app, suite.staff, {
      body: { rules: { maxApplicationsPerPrincipalPerYear: 1 } },
    });
    const other = await createOpenCall(suite.test.app, suite.staff);
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
      await suite.test.db.insert(planProjects).values({
        applicationId: source.id,
        callId: source.callId,
        enterpriseId: source.enterpriseId,
        projectNo: `XM-LIMIT-${source.id}`,
        title: '在研项目',
        status: 'inProgress',
        ...sealPrincipalId(runner),
        approvedFen: WAN,
        startOn: '2021-01-01',
        endOn: '2022-12-31',
      });
    }
    const third = await startApplication((await createOpenCall(suite.test.app, suite.staff)).id);
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
    const strict = await createOpenCall(suite.test.app, suite.staff, {
      body: { rules: { requiredStandings: ['techSme'] } },
    });
    const enterprise = await buildEnterprise(suite.test.app);
    const refused = await call(enterprise, 'POST', '/api/plan/applications', { callId: strict.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0]).toEqual({
      path: 'callId',
      message: '申报条件：申报单位须为科技型中小企业',
    });
    const registered = await call(suite.staff, 'POST', '/api/cultivation/tech-sme-registrations', {
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
});
