import type { TalentDetail } from '@kechuang/domain';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection';
import {
  platformHosts,
  platforms,
  platformTypes,
  projectApplications,
  publicityNotices,
} from '../../db/schema';
import { expectNoCrossTenantAccess } from '../../test/cross-tenant';
import { buildEnterprise, type Session } from '../../test/factories';
import { useTestApp } from '../../test/test-app';
import { buildCompleteContent } from '../plan-calls/plan-test-helpers';
import { insertPlanProject } from '../projects/supervision-fixtures';
import { channelId, domesticInput } from './talent-fixtures';

const suite = useTestApp({ staff: 'staff', leader: 'leader' });
const WAN = 1_000_000;
let sequence = 0;

const call = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  suite.test.app.inject({
    method,
    url,
    headers: { cookie: session.cookie },
    ...(payload ? { payload } : {}),
  });

/** A platform hosted by the enterprise, put straight into the registry. */
async function hostedPlatform(enterpriseId: number, name = '济宁智能装备工程技术研究中心') {
  const [type] = await suite.test.db.select().from(platformTypes).limit(1);
  const [platform] = await suite.test.db
    .insert(platforms)
    .values({
      name: `${name}${enterpriseId}`,
      typeId: type.id,
      level: 'city',
      status: 'active',
      approvingBody: '济宁市科学技术局',
      documentNo: '济科字〔2020〕1号',
      recognizedOn: '2020-06-01',
      firstRecognizedOn: '2020-06-01',
    })
    .returning({ id: platforms.id });
  await suite.test.db.insert(platformHosts).values({ platformId: platform.id, enterpriseId, position: 0 });
  return platform.id;
}

/** A published 区级领军人才项目 call on the plan-call pipeline: its category names the programme. */
async function talentCall() {
  sequence += 1;
  const category = await call(suite.staff, 'POST', '/api/plan/categories', {
    code: `district-talent-${process.pid}-${sequence}`,
    name: '区级领军人才项目',
    fundingMode: 'award',
    level: 'district',
    talentProgrammeCode: 'district-leading',
  });
  expect(category.statusCode, category.body).toBe(201);
  expect(category.json().talentProgrammeCode).toBe('district-leading');
  const now = Date.now();
  const created = await call(suite.staff, 'POST', '/api/plan/calls', {
    categoryId: category.json().id,
    year: new Date().getUTCFullYear(),
    title: `区级领军人才项目申报通知${sequence}`,
    guideline: '平台+项目+人才',
    opensAt: new Date(now - 3600_000).toISOString(),
    closesAt: new Date(now + 7 * 86400_000).toISOString(),
    budgetFen: 500 * WAN,
    rules: { maxRequestFen: 100 * WAN },
    checklist: ['申报单位资格', '人才材料齐全'],
  });
  expect(created.statusCode, created.body).toBe(201);
  const published = await call(suite.staff, 'POST', `/api/plan/calls/${created.json().id}/actions/publish`, {
    version: created.json().version,
  });
  expect(published.statusCode, published.body).toBe(200);
  return published.json() as { id: number; year: number; title: string };
}

/** An employer with a person on the ledger, a platform it hosts and a plan project of its own. */
async function employerWithBundle() {
  const enterprise = await buildEnterprise(suite.test.app);
  const channel = await channelId(suite.test.app, suite.staff, 'self');
  const person = await call(
    suite.staff,
    'POST',
    '/api/talent',
    domesticInput({ enterpriseId: enterprise.enterpriseId, channelId: channel }),
  );
  expect(person.statusCode, person.body).toBe(201);
  const platformId = await hostedPlatform(enterprise.enterpriseId);
  const { projectId } = await insertPlanProject(suite.test.db, {
    enterpriseId: enterprise.enterpriseId,
    title: '高端液压件数字化工艺研究',
  });
  return { enterprise, channel, talentId: (person.json() as TalentDetail).id, platformId, projectId };
}

async function startApplication(enterprise: Session, callId: number) {
  const created = await call(enterprise, 'POST', '/api/plan/applications', { callId });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().application as { id: number; version: number };
}

describe('区级领军人才项目 on the plan-call pipeline', () => {
  it('takes an application with 平台+项目+人才 through check, review, approval and 公示 to establishment, and the talent shows the programme', async () => {
    const programmeCall = await talentCall();
    const { enterprise, talentId, platformId, projectId } = await employerWithBundle();
    const application = await startApplication(enterprise, programmeCall.id);

    // Without the bundle the submission check names each missing part.
    const bare = await call(enterprise, 'PUT', `/api/plan/applications/${application.id}`, {
      version: application.version,
      content: buildCompleteContent(),
    });
    expect(bare.statusCode, bare.body).toBe(200);
    const refused = await call(enterprise, 'POST', `/api/plan/applications/${application.id}/submit`, {
      version: bare.json().application.version,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      { path: 'content.talentBundle.talentId', message: '申报人才：人才计划申报须选择（平台+项目+人才）' },
      { path: 'content.talentBundle.platformId', message: '依托平台：人才计划申报须选择（平台+项目+人才）' },
      { path: 'content.talentBundle.projectId', message: '依托项目：人才计划申报须选择（平台+项目+人才）' },
    ]);

    const saved = await call(enterprise, 'PUT', `/api/plan/applications/${application.id}`, {
      version: bare.json().application.version,
      content: buildCompleteContent({ talentBundle: { talentId, platformId, projectId, role: '首席专家' } }),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().content.talentBundle).toEqual({ talentId, platformId, projectId, role: '首席专家' });
    const submitted = await call(enterprise, 'POST', `/api/plan/applications/${application.id}/submit`, {
      version: saved.json().application.version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);

    const checked = await call(
      suite.staff,
      'POST',
      `/api/plan/applications/${application.id}/actions/passCheck`,
      {
        version: submitted.json().version,
        checklist: [{ item: '人才材料齐全', passed: true }],
      },
    );
    expect(checked.statusCode, checked.body).toBe(200);
    // The expert review (modules/reviews) ends with finishReview setting score and rank.
    await suite.test.db
      .update(projectApplications)
      .set({
        status: 'reviewed',
        reviewScore: 90,
        reviewRank: 1,
        version: sql`${projectApplications.version} + 1`,
      })
      .where(eq(projectApplications.id, application.id));
    const [reviewed] = await suite.test.db
      .select({ version: projectApplications.version })
      .from(projectApplications)
      .where(eq(projectApplications.id, application.id));

    const proposed = await call(
      suite.staff,
      'POST',
      `/api/plan-approval/calls/${programmeCall.id}/actions/propose`,
      { items: [{ applicationId: application.id, version: reviewed.version, approvedFen: 50 * WAN }] },
    );
    expect(proposed.statusCode, proposed.body).toBe(200);
    const approved = await call(
      suite.leader,
      'POST',
      `/api/plan-approval/calls/${programmeCall.id}/actions/approve`,
      {
        items: [{ applicationId: application.id, version: reviewed.version + 1 }],
      },
    );
    expect(approved.statusCode, approved.body).toBe(200);
    const publicity = await call(
      suite.staff,
      'POST',
      `/api/plan-approval/calls/${programmeCall.id}/publicity`,
      {
        items: [{ applicationId: application.id, version: reviewed.version + 2 }],
      },
    );
    expect(publicity.statusCode, publicity.body).toBe(201);
    const notice = publicity.json() as { id: number; version: number };
    await suite.test.db
      .update(publicityNotices)
      .set({ startOn: '2021-06-01', endOn: '2021-06-07' })
      .where(eq(publicityNotices.id, notice.id));
    const established = await call(suite.staff, 'POST', `/api/publicity-notices/${notice.id}/establish`, {
      version: notice.version,
    });
    expect(established.statusCode, established.body).toBe(200);

    const detail = (await call(suite.staff, 'GET', `/api/talent/${talentId}`)).json() as TalentDetail;
    const record = detail.programmes.find((item) => item.programmeName === '区级领军人才项目');
    expect(record).toMatchObject({
      status: 'selected',
      year: programmeCall.year,
      fundingFen: 50 * WAN,
      platformId,
      projectId,
      projectTitle: '高端液压件数字化工艺研究',
    });
    expect(record?.outcomeOn).not.toBeNull();
    expect(detail.links).toEqual(
      expect.arrayContaining([expect.objectContaining({ platformId, projectId, role: '首席专家' })]),
    );
    // The platform's and the enterprise's pages list the person, masked.
    for (const url of [
      `/api/talent?platformId=${platformId}`,
      `/api/talent?employerEnterpriseId=${enterprise.enterpriseId}`,
    ]) {
      const listed = await call(suite.staff, 'GET', url);
      expect(listed.statusCode, listed.body).toBe(200);
      expect(listed.json().items.map((item: { id: number }) => item.id)).toEqual([talentId]);
      expect(listed.json().items[0].idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      expect(listed.body).not.toContain('13805371234');
    }
    const ownList = await call(enterprise, 'GET', '/api/talent');
    expect(ownList.json().items.map((item: { id: number }) => item.id)).toEqual([talentId]);
    // The employer sees it on its own view of the person.
    const own = (await call(enterprise, 'GET', `/api/talent/${talentId}`)).json() as TalentDetail;
    expect(own.programmes.map((item) => item.status)).toContain('selected');
    const [history] = await queryRows<{ n: number }>(
      suite.test.db,
      sql`select count(*)::int as n from workflow_history where workflow = 'talent-programme' and object_id = ${record?.id} and to_status = 'selected'`,
    );
    expect(Number(history.n)).toBe(1);
  });

  it('checks the bundle against the applicant: its own or newly introduced person, its platform, its project', async () => {
    const programmeCall = await talentCall();
    const mine = await employerWithBundle();
    const other = await employerWithBundle();
    const application = await startApplication(mine.enterprise, programmeCall.id);
    const save = (bundle: object) =>
      call(mine.enterprise, 'PUT', `/api/plan/applications/${application.id}`, {
        version: application.version,
        content: buildCompleteContent({ talentBundle: { role: '', ...bundle } as never }),
      });

    const foreignPerson = await save({
      talentId: other.talentId,
      platformId: mine.platformId,
      projectId: mine.projectId,
    });
    expect(foreignPerson.statusCode).toBe(400);
    expect(foreignPerson.json().error.details).toEqual([
      {
        path: 'content.talentBundle.talentId',
        message: '申报人才：须为本单位在人才台账中的人员，或由本单位新引进登记的人员',
      },
    ]);
    const othersPlatformAndProject = await save({
      talentId: mine.talentId,
      platformId: other.platformId,
      projectId: other.projectId,
    });
    expect(othersPlatformAndProject.statusCode).toBe(400);
    expect(othersPlatformAndProject.json().error.message).toBe(
      '依托平台：须为本单位作为依托单位的科创平台；依托项目：须为本单位承担的计划项目',
    );
    expect(othersPlatformAndProject.json().error.details.map((item: { path: string }) => item.path)).toEqual([
      'content.talentBundle.platformId',
      'content.talentBundle.projectId',
    ]);
    expect(othersPlatformAndProject.json().error.details[1].message).toBe(
      '依托项目：须为本单位承担的计划项目',
    );
    // Nothing was kept of the refused saves.
    const unchanged = (await call(mine.enterprise, 'GET', `/api/plan/applications/${application.id}`)).json();
    expect(unchanged.application.version).toBe(application.version);
    expect(unchanged.content.talentBundle).toBeNull();

    // A person the enterprise brings in is put on the ledger by the enterprise itself, as its own.
    const newcomer = {
      ...domesticInput({ enterpriseId: mine.enterprise.enterpriseId, channelId: mine.channel }),
      name: '王新',
      arrivalDate: `${programmeCall.year}-01-15`,
    };
    const elsewhere = await call(mine.enterprise, 'POST', '/api/talent/introduced', {
      ...newcomer,
      employerEnterpriseId: other.enterprise.enterpriseId,
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.message).toBe('工作单位：新引进人才的工作单位应为本单位');
    const introduced = await call(mine.enterprise, 'POST', '/api/talent/introduced', newcomer);
    expect(introduced.statusCode, introduced.body).toBe(201);
    expect(introduced.body).not.toContain(newcomer.idNumber);
    const accepted = await save({
      talentId: introduced.json().id,
      platformId: mine.platformId,
      projectId: mine.projectId,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const bad = await call(mine.enterprise, 'POST', '/api/talent/introduced', {
      ...newcomer,
      birthYear: 2020,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('出生年份');
  });

  it('keeps another enterprise out of the application and the person (404)', async () => {
    const programmeCall = await talentCall();
    const mine = await employerWithBundle();
    const intruder = await buildEnterprise(suite.test.app);
    const application = await startApplication(mine.enterprise, programmeCall.id);
    const saved = await call(mine.enterprise, 'PUT', `/api/plan/applications/${application.id}`, {
      version: application.version,
      content: buildCompleteContent({
        basics: { ...buildCompleteContent().basics, title: '领军人才秘密项目' },
        talentBundle: {
          talentId: mine.talentId,
          platformId: mine.platformId,
          projectId: mine.projectId,
          role: '',
        },
      }),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await expectNoCrossTenantAccess(suite.test.app, {
      intruder,
      secrets: ['领军人才秘密项目', '李明'],
      requests: [
        { method: 'GET', url: `/api/plan/applications/${application.id}` },
        {
          method: 'PUT',
          url: `/api/plan/applications/${application.id}`,
          payload: { version: saved.json().application.version, content: buildCompleteContent() },
        },
        { method: 'GET', url: `/api/talent/${mine.talentId}` },
      ],
    });
    const response = await call(intruder, 'GET', `/api/talent/${mine.talentId}`);
    expect(response.statusCode).toBe(404);
  });
});
