import { describe, expect, it } from 'vitest';
import { expectNoCrossTenantAccess } from '../../../test/cross-tenant';
import { buildEnterprise } from '../../../test/factories';
import { requestAs, useTestApp } from '../../../test/test-app';
import {
  buildExpert,
  needInput,
  postInstitution,
  postNeed,
  postResult,
  resultInput,
} from './matching-test-helpers';

const suite = useTestApp({ staff: 'staff', leader: 'leader' });

describe('technology needs: moderation and visibility', () => {
  it('goes pending → rejected with the reason → resubmitted → published, and the owner edits only before publishing', async () => {
    const { app } = suite.test;
    const enterprise = await buildEnterprise(app);
    const need = await postNeed(app, { enterprise });
    expect(need.status).toBe('pending');

    const rejectWithoutReason = await requestAs(
      app,
      suite.staff,
      'POST',
      `/api/tech-transfer/needs/${need.id}/actions/reject`,
      {
        version: need.version,
      },
    );
    expect(rejectWithoutReason.statusCode).toBe(400);
    const rejected = await requestAs(
      app,
      suite.staff,
      'POST',
      `/api/tech-transfer/needs/${need.id}/actions/reject`,
      {
        version: need.version,
        comment: '请补充量化指标',
      },
    );
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectReason: '请补充量化指标' });

    const stale = await requestAs(app, enterprise, 'PUT', `/api/tech-transfer/needs/${need.id}`, {
      ...needInput({ title: '加氢催化剂国产化替代（补充指标）' }),
      version: need.version,
    });
    expect(stale.statusCode).toBe(409);
    const edited = await requestAs(app, enterprise, 'PUT', `/api/tech-transfer/needs/${need.id}`, {
      ...needInput({ title: '加氢催化剂国产化替代（补充指标）' }),
      version: rejected.json().version,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().allowedActions).toEqual(['resubmit']);

    const resubmitted = await requestAs(
      app,
      enterprise,
      'POST',
      `/api/tech-transfer/needs/${need.id}/actions/resubmit`,
      {
        version: edited.json().version,
      },
    );
    expect(resubmitted.json().status).toBe('pending');
    const published = await requestAs(
      app,
      suite.staff,
      'POST',
      `/api/tech-transfer/needs/${need.id}/actions/publish`,
      {
        version: resubmitted.json().version,
      },
    );
    expect(published.json()).toMatchObject({ status: 'published', rejectReason: null });
    expect(published.json().history.map((entry: { action: string }) => entry.action)).toEqual([
      'create',
      'reject',
      'resubmit',
      'publish',
    ]);

    const afterPublishing = await requestAs(app, enterprise, 'PUT', `/api/tech-transfer/needs/${need.id}`, {
      ...needInput(),
      version: published.json().version,
    });
    expect(afterPublishing.statusCode).toBe(409);
    expect(afterPublishing.json().error.message).toContain('不能修改');
  });

  it('keeps a "matched parties only" need off the portal and away from other enterprises', async () => {
    const { app } = suite.test;
    const owner = await buildEnterprise(app);
    const other = await buildEnterprise(app);
    const secret = await postNeed(app, {
      enterprise: owner,
      staff: suite.staff,
      input: { title: '保密的高压加氢反应器密封需求', visibility: 'matched', keywords: ['密封', '反应器'] },
    });
    const open = await postNeed(app, {
      enterprise: owner,
      staff: suite.staff,
      input: { title: '公开的精馏塔节能改造需求', keywords: ['精馏', '节能'] },
    });

    const portal = await app.inject({ method: 'GET', url: '/api/public/tech-needs?pageSize=50' });
    const portalTitles = portal.json().items.map((item: { title: string }) => item.title);
    expect(portalTitles).toContain('公开的精馏塔节能改造需求');
    expect(portal.body).not.toContain('保密的高压加氢反应器');
    expect(portal.body).not.toContain('13800138001');
    const searched = await app.inject({
      method: 'GET',
      url: `/api/public/tech-needs?keyword=${encodeURIComponent('加氢反应器')}`,
    });
    expect(searched.json().total).toBe(0);

    const othersList = await requestAs(app, other, 'GET', '/api/tech-transfer/needs?pageSize=200');
    expect(othersList.body).not.toContain('保密的高压加氢反应器');
    const othersOpen = othersList.json().items.find((item: { id: number }) => item.id === open.id);
    expect(othersOpen).toMatchObject({ contactName: null, contactPhone: null });
    await expectNoCrossTenantAccess(app, {
      intruder: other,
      requests: [
        { method: 'GET', url: `/api/tech-transfer/needs/${secret.id}` },
        { method: 'GET', url: `/api/tech-transfer/needs/${secret.id}/suggestions` },
        { method: 'GET', url: `/api/tech-transfer/needs/${open.id}/suggestions` },
        {
          method: 'PUT',
          url: `/api/tech-transfer/needs/${open.id}`,
          payload: { ...needInput(), version: open.version },
        },
        {
          method: 'POST',
          url: `/api/tech-transfer/needs/${open.id}/actions/close`,
          payload: { version: open.version },
        },
      ],
      secrets: ['保密的高压加氢反应器', '13800138001'],
    });
    const expert = await buildExpert(app, suite.test.db, suite.staff);
    const expertRead = await requestAs(app, expert.session, 'GET', `/api/tech-transfer/needs/${secret.id}`);
    expect(expertRead.statusCode).toBe(404);

    const mine = await requestAs(app, owner, 'GET', '/api/tech-transfer/needs?scope=mine');
    expect(
      mine
        .json()
        .items.map((item: { id: number }) => item.id)
        .sort(),
    ).toEqual([secret.id, open.id].sort());
    expect(mine.json().items[0].contactPhone).toBe('13800138001');
    const leaderRead = await requestAs(app, suite.leader, 'GET', `/api/tech-transfer/needs/${secret.id}`);
    expect(leaderRead.json().contactPhone).toBe('13800138001');
  });

  it('names each bad field in Chinese and saves nothing', async () => {
    const { app } = suite.test;
    const enterprise = await buildEnterprise(app);
    const response = await requestAs(app, enterprise, 'POST', '/api/tech-transfer/needs', {
      ...needInput(),
      field: '不存在的领域',
      deadline: '2030-02-30',
      keywords: [],
      contactPhone: '12345',
    });
    expect(response.statusCode).toBe(400);
    const messages = response
      .json()
      .error.details.map((detail: { message: string }) => detail.message)
      .join('\n');
    expect(messages).toContain('技术领域');
    expect(messages).toContain('需求截止日期');
    expect(messages).toContain('关键词');
    expect(messages).toContain('联系电话');
    const list = await requestAs(app, enterprise, 'GET', '/api/tech-transfer/needs?scope=mine');
    expect(list.json().total).toBe(0);

    const badRange = await requestAs(app, suite.staff, 'POST', '/api/tech-transfer/results', {
      ...resultInput({ priceMinFen: 5_000_000, priceMaxFen: 1_000_000 }),
      trl: 10,
    });
    expect(badRange.statusCode).toBe(400);
    const rangeMessages = badRange
      .json()
      .error.details.map((detail: { message: string }) => detail.message)
      .join('\n');
    expect(rangeMessages).toContain('最高价格：不能低于最低价格');
    expect(rangeMessages).toContain('技术成熟度');
    const noInstitution = await requestAs(
      app,
      suite.staff,
      'POST',
      '/api/tech-transfer/results',
      resultInput(),
    );
    expect(noInstitution.statusCode).toBe(400);
    expect(noInstitution.json().error.details[0].message).toContain('成果所属机构');
  });
});

describe('technology results: posted for institutions by staff and by experts themselves', () => {
  it('lets an expert post and edit its own result, staff moderate it, and lists it on the portal once published', async () => {
    const { app, db } = suite.test;
    const expert = await buildExpert(app, db, suite.staff, { name: '赵成果' });
    const created = await requestAs(
      app,
      expert.session,
      'POST',
      '/api/tech-transfer/results',
      resultInput({
        title: '工业互联网边缘网关数据采集技术',
        field: 'electronic-information',
        keywords: ['边缘计算', '数据采集'],
      }),
    );
    expect(created.statusCode).toBe(201);
    const result = created.json();
    expect(result).toMatchObject({ holderType: 'expert', status: 'pending', allowedActions: [] });
    expect(result.holderName).toContain('赵成果');

    const notYet = await app.inject({
      method: 'GET',
      url: `/api/public/tech-results?keyword=${encodeURIComponent('边缘网关')}`,
    });
    expect(notYet.json().total).toBe(0);
    const published = await requestAs(
      app,
      suite.staff,
      'POST',
      `/api/tech-transfer/results/${result.id}/actions/publish`,
      {
        version: result.version,
      },
    );
    expect(published.json().status).toBe('published');
    const portal = await app.inject({
      method: 'GET',
      url: `/api/public/tech-results?keyword=${encodeURIComponent('边缘网关')}`,
    });
    expect(portal.json().items).toEqual([
      expect.objectContaining({ id: result.id, trl: 6, modes: ['transfer', 'license'] }),
    ]);
    expect(portal.body).not.toContain('13900139001');

    const another = await buildExpert(app, db, suite.staff);
    const foreignEdit = await requestAs(
      app,
      another.session,
      'PUT',
      `/api/tech-transfer/results/${result.id}`,
      {
        ...resultInput(),
        version: published.json().version,
      },
    );
    expect(foreignEdit.statusCode).toBe(404);
    const closed = await requestAs(
      app,
      expert.session,
      'POST',
      `/api/tech-transfer/results/${result.id}/actions/close`,
      {
        version: published.json().version,
      },
    );
    expect(closed.json().status).toBe('closed');
  });

  it('keeps the institution registry with its results and refuses a duplicate name', async () => {
    const { app } = suite.test;
    const institution = await postInstitution(app, suite.staff, {
      name: '山东省农业科学院（测试）',
      kind: 'institute',
    });
    const duplicate = await requestAs(app, suite.staff, 'POST', '/api/tech-transfer/institutions', {
      name: '山东省农业科学院（测试）',
      kind: 'institute',
      creditCode: null,
      regionCode: '370102',
      contactName: null,
      contactPhone: null,
    });
    expect(duplicate.statusCode).toBe(409);
    const result = await postResult(app, {
      author: suite.staff,
      staff: suite.staff,
      input: {
        institutionId: institution.id,
        title: '小麦抗旱新品种选育技术',
        field: 'resources-environment',
        keywords: ['小麦', '抗旱'],
      },
    });
    const read = await requestAs(app, suite.staff, 'GET', `/api/tech-transfer/results/${result.id}`);
    expect(read.json()).toMatchObject({ holderType: 'institution', holderName: '山东省农业科学院（测试）' });
    const list = await requestAs(
      app,
      suite.staff,
      'GET',
      `/api/tech-transfer/institutions?keyword=${encodeURIComponent('农业科学院（测试）')}`,
    );
    expect(list.json().items[0]).toMatchObject({ id: institution.id, resultCount: 1 });
    const badRegion = await requestAs(
      app,
      suite.staff,
      'PUT',
      `/api/tech-transfer/institutions/${institution.id}`,
      {
        name: '山东省农业科学院（测试）',
        kind: 'institute',
        creditCode: '91370811MA3C0000X0',
        regionCode: '37',
        contactName: null,
        contactPhone: null,
        version: institution.version,
      },
    );
    expect(badRegion.statusCode).toBe(400);
    const messages = badRegion
      .json()
      .error.details.map((detail: { message: string }) => detail.message)
      .join('\n');
    expect(messages).toContain('所在地区代码');
    expect(messages).toContain('统一社会信用代码');
  });
});
