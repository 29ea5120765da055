import type { Platform, PlatformApplication, PlatformType } from '@kechuang/domain';
import { describe, expect, it } from 'vitest';
import { expectNoCrossTenantAccess } from '../../test/cross-tenant';
import { buildEnterprise, type Session } from '../../test/factories';
import { useTestApp } from '../../test/test-app';

const suite = useTestApp({ staff: 'staff', leader: 'leader' });

const call = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  suite.test.app.inject({
    method,
    url,
    headers: { cookie: session.cookie },
    ...(payload ? { payload } : {}),
  });

async function typeOf(code: string): Promise<PlatformType> {
  const types = (await call(suite.staff, 'GET', '/api/platforms/types')).json().items as PlatformType[];
  const type = types.find((candidate) => candidate.code === code);
  if (!type) throw new Error(code);
  return type;
}

const approval = (version: number) => ({
  approvingBody: '山东省科学技术厅',
  documentNo: '鲁科字〔2021〕66号',
  recognizedOn: '2021-06-30',
  version,
});

describe('recognition and upgrade applications', () => {
  it('takes a new 众创空间 from draft through 补正 and recommendation to the register', async () => {
    const applicant = await buildEnterprise(suite.test.app);
    const makerspace = await typeOf('makerspace');
    expect(makerspace.requirements.provincial?.map((item) => item.key)).toContain('mentors');
    const input = {
      platformId: null,
      typeId: makerspace.id,
      level: 'provincial',
      name: '任城创客汇众创空间',
      summary: '面向智能制造的专业化众创空间',
      values: { operatingMonths: 20, areaSquareMeters: 200, desks: 40, teams: 15, mentors: 2 },
      contactName: '李经理',
      contactPhone: '13905370001',
    };
    const created = await call(applicant, 'POST', '/api/platforms/applications', input);
    expect(created.statusCode, created.body).toBe(201);
    let application = created.json() as PlatformApplication;
    expect(application).toMatchObject({
      status: 'draft',
      kind: 'recognition',
      allowedActions: ['submit', 'withdraw'],
    });
    const lines = Object.fromEntries(application.checklist.map((line) => [line.key, line.met]));
    // 300 m² or 18 desks at provincial level: the desks meet it though the area does not.
    expect(lines).toMatchObject({
      operatingMonths: true,
      areaSquareMeters: true,
      teams: true,
      mentors: false,
    });
    expect(application.metCount).toBeLessThan(application.requirementCount);

    const act = async (session: Session, action: string, comment?: string) => {
      const response = await call(
        session,
        'POST',
        `/api/platforms/applications/${application.id}/actions/${action}`,
        {
          version: application.version,
          ...(comment ? { comment } : {}),
        },
      );
      expect(response.statusCode, response.body).toBe(200);
      application = response.json();
    };
    await act(applicant, 'submit');
    expect(application.submittedOn).not.toBeNull();
    const early = await call(
      suite.staff,
      'POST',
      `/api/platforms/applications/${application.id}/approve`,
      approval(application.version),
    );
    expect(early.statusCode).toBe(409);
    const edit = await call(applicant, 'PUT', `/api/platforms/applications/${application.id}`, {
      ...input,
      version: application.version,
    });
    expect(edit.statusCode).toBe(400);
    expect(edit.json().error.details[0].message).toContain('草稿或退回补正');
    await act(suite.staff, 'return', '创业导师不足3人，请补充导师聘书');
    const corrected = await call(applicant, 'PUT', `/api/platforms/applications/${application.id}`, {
      ...input,
      values: { ...input.values, mentors: 4 },
      version: application.version,
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    application = corrected.json();
    expect(application.checklist.find((line) => line.key === 'mentors')?.met).toBe(true);
    await act(applicant, 'submit');
    await act(suite.staff, 'recommend', '经审核符合条件，推荐上报省科技厅');

    const approved = await call(
      suite.staff,
      'POST',
      `/api/platforms/applications/${application.id}/approve`,
      approval(application.version),
    );
    expect(approved.statusCode, approved.body).toBe(200);
    application = approved.json();
    expect(application).toMatchObject({ status: 'approved', documentNo: '鲁科字〔2021〕66号' });
    expect(application.history.map((entry) => entry.action)).toEqual([
      'create',
      'submit',
      'return',
      'submit',
      'recommend',
      'approve',
    ]);
    const platform = (
      await call(suite.staff, 'GET', `/api/platforms/${application.resultPlatformId}`)
    ).json() as Platform;
    expect(platform).toMatchObject({ name: '任城创客汇众创空间', level: 'provincial', status: 'operating' });
    expect(platform.hosts[0].enterpriseId).toBe(applicant.enterpriseId);
    const own = (await call(applicant, 'GET', '/api/platforms')).json();
    expect(own.items.map((item: Platform) => item.id)).toContain(platform.id);
  });

  it('raises a platform the applicant hosts, keeping one record with its level history', async () => {
    const host = await buildEnterprise(suite.test.app);
    const keyLab = await typeOf('key-lab');
    const registered = await call(suite.staff, 'POST', '/api/platforms', {
      name: '济宁新材料重点实验室',
      typeId: keyLab.id,
      level: 'city',
      approvingBody: '济宁市科学技术局',
      documentNo: '济科字〔2018〕9号',
      recognizedOn: '2018-04-02',
      hostEnterpriseIds: [host.enterpriseId],
      field: '新材料',
      street: null,
      areaSquareMeters: 900,
      staffCount: 30,
      equipmentFen: null,
      contactName: null,
      contactPhone: null,
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const platform = registered.json() as Platform;
    const input = {
      platformId: platform.id,
      typeId: keyLab.id,
      level: 'provincial',
      name: platform.name,
      summary: '申请升级为省重点实验室',
      values: {},
      contactName: '赵主任',
      contactPhone: '0537-2233445',
    };
    const sideways = await call(host, 'POST', '/api/platforms/applications', { ...input, level: 'city' });
    expect(sideways.statusCode).toBe(400);
    expect(sideways.json().error.details[0].path).toBe('level');
    const badLevel = await call(host, 'POST', '/api/platforms/applications', { ...input, level: 'district' });
    expect(badLevel.json().error.details[0].message).toContain('级别');
    const stranger = await buildEnterprise(suite.test.app);
    const notHers = await call(stranger, 'POST', '/api/platforms/applications', input);
    expect(notHers.statusCode).toBe(400);
    expect(notHers.json().error.details[0].path).toBe('platformId');

    let application = (
      await call(host, 'POST', '/api/platforms/applications', input)
    ).json() as PlatformApplication;
    expect(application.kind).toBe('upgrade');
    await expectNoCrossTenantAccess(suite.test.app, {
      intruder: stranger,
      requests: [
        { method: 'GET', url: `/api/platforms/applications/${application.id}` },
        {
          method: 'PUT',
          url: `/api/platforms/applications/${application.id}`,
          payload: { ...input, version: 1 },
        },
        {
          method: 'POST',
          url: `/api/platforms/applications/${application.id}/actions/submit`,
          payload: { version: 1 },
        },
      ],
      secrets: ['赵主任'],
    });
    const others = (await call(stranger, 'GET', '/api/platforms/applications')).json();
    expect(others.total).toBe(0);

    for (const [session, action] of [
      [host, 'submit'],
      [suite.staff, 'recommend'],
    ] as const) {
      const response = await call(
        session,
        'POST',
        `/api/platforms/applications/${application.id}/actions/${action}`,
        {
          version: application.version,
        },
      );
      expect(response.statusCode, response.body).toBe(200);
      application = response.json();
    }
    const approved = await call(
      suite.staff,
      'POST',
      `/api/platforms/applications/${application.id}/approve`,
      approval(application.version),
    );
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().resultPlatformId).toBe(platform.id);
    const raised = (await call(suite.staff, 'GET', `/api/platforms/${platform.id}`)).json() as Platform;
    expect(raised.level).toBe('provincial');
    expect(raised.levelHistory.map((line) => [line.kind, line.level])).toEqual([
      ['recognition', 'city'],
      ['upgrade', 'provincial'],
    ]);
    const exported = await call(suite.staff, 'GET', '/api/platforms/applications/export?keyword=济宁新材料');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
  });

  it('records a refusal by the higher authority and a decline by the bureau, both with the reason', async () => {
    const applicant = await buildEnterprise(suite.test.app);
    const station = await typeOf('academician-station');
    const create = async () =>
      (
        await call(applicant, 'POST', '/api/platforms/applications', {
          platformId: null,
          typeId: station.id,
          level: 'provincial',
          name: '院士工作站',
          summary: '',
          values: { agreement: true, academicianAge: 83, rdInstitution: true },
          contactName: '钱经理',
          contactPhone: '13905370002',
        })
      ).json() as PlatformApplication;
    const first = await create();
    expect(first.checklist.find((line) => line.key === 'academicianAge')?.met).toBe(false);
    let version = first.version;
    for (const [session, action, comment] of [
      [applicant, 'submit', undefined],
      [suite.staff, 'recommend', undefined],
      [suite.staff, 'reject', '进站院士年龄超过80周岁'],
    ] as const) {
      const response = await call(
        session,
        'POST',
        `/api/platforms/applications/${first.id}/actions/${action}`,
        {
          version,
          ...(comment ? { comment } : {}),
        },
      );
      expect(response.statusCode, response.body).toBe(200);
      version = response.json().version;
    }
    const second = await create();
    await call(applicant, 'POST', `/api/platforms/applications/${second.id}/actions/submit`, { version: 1 });
    const noReason = await call(
      suite.staff,
      'POST',
      `/api/platforms/applications/${second.id}/actions/decline`,
      {
        version: 2,
      },
    );
    expect(noReason.statusCode).toBe(400);
    const declined = await call(
      suite.staff,
      'POST',
      `/api/platforms/applications/${second.id}/actions/decline`,
      {
        version: 2,
        comment: '材料不全',
      },
    );
    expect(declined.json().status).toBe('notRecommended');
    const list = (
      await call(
        suite.staff,
        'GET',
        `/api/platforms/applications?keyword=${encodeURIComponent('院士工作站')}`,
      )
    ).json();
    expect(list.statusCounts).toMatchObject({
      rejected: expect.any(Number),
      notRecommended: expect.any(Number),
    });
  });
});
