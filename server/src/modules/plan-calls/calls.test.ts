import { describe, expect, it } from 'vitest';
import { buildEnterprise, type Session } from '../../test/factories';
import { useTestApp } from '../../test/test-app';
import { createCategory, inject, PDF, upload, WAN } from './plan-test-helpers';

const suite = useTestApp({ staff: 'staff' });

const call = (session: Session | undefined, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  inject(suite.test.app, session, method, url, payload);

const callBody = (categoryId: number) => ({
  categoryId,
  year: 2021,
  title: '2021 年度区重点研发计划申报通知',
  guideline: '一、支持方向……',
  opensAt: '2021-03-01T08:00:00+08:00',
  closesAt: '2021-04-30T17:00:00+08:00',
  districtReviewDeadline: '2021-05-10T17:00:00+08:00',
  budgetFen: 2_000 * WAN,
  rules: { requiredStandings: ['techSme', 'cultivationPool'], maxRequestFen: 100 * WAN },
  checklist: ['申报单位资格', '申报书完整'],
});

describe('计划类别与申报通知', () => {
  it('creates and edits plan categories, naming the field in Chinese and refusing stale edits', async () => {
    const created = await call(suite.staff, 'POST', '/api/plan/categories', {
      code: 'key-rd',
      name: '重点研发计划',
      fundingMode: 'preFunding',
      level: 'district',
    });
    expect(created.statusCode).toBe(201);
    const duplicate = await call(suite.staff, 'POST', '/api/plan/categories', {
      code: 'key-rd',
      name: '重复',
      fundingMode: 'award',
      level: 'city',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.details[0].message).toContain('类别代码');
    const invalid = await call(suite.staff, 'POST', '/api/plan/categories', {
      code: 'x',
      name: '',
      fundingMode: 'gift',
      level: 'city',
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.message).toContain('类别名称：必填');
    expect(invalid.json().error.message).toContain('资助方式：取值不在允许范围内');
    const { id } = created.json();
    const body = {
      code: 'key-rd',
      name: '区重点研发计划',
      fundingMode: 'preFunding',
      level: 'district',
      version: 1,
    };
    expect((await call(suite.staff, 'PUT', `/api/plan/categories/${id}`, body)).json()).toMatchObject({
      version: 2,
    });
    expect((await call(suite.staff, 'PUT', `/api/plan/categories/${id}`, body)).statusCode).toBe(409);
  });

  it('drafts, edits (409 when stale), publishes and closes a call; drafts stay with the bureau', async () => {
    const category = await createCategory(suite.test.app, suite.staff);
    const enterprise = await buildEnterprise(suite.test.app);
    const wrongTimes = await call(suite.staff, 'POST', '/api/plan/calls', {
      ...callBody(category.id),
      closesAt: '2021-02-01T00:00:00+08:00',
    });
    expect(wrongTimes.statusCode).toBe(400);
    expect(wrongTimes.json().error.details[0]).toEqual({
      path: 'closesAt',
      message: '申报截止时间：应晚于申报开始时间',
    });
    const created = await call(suite.staff, 'POST', '/api/plan/calls', callBody(category.id));
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({ status: 'draft', allowedActions: ['publish'], isOpen: false });
    expect((await call(enterprise, 'GET', `/api/plan/calls/${draft.id}`)).statusCode).toBe(404);

    const edited = await call(suite.staff, 'PUT', `/api/plan/calls/${draft.id}`, {
      ...callBody(category.id),
      title: '2021 年度区重点研发计划（第一批）申报通知',
      version: 1,
    });
    expect(edited.json()).toMatchObject({ version: 2, title: '2021 年度区重点研发计划（第一批）申报通知' });
    const stale = await call(suite.staff, 'PUT', `/api/plan/calls/${draft.id}`, {
      ...callBody(category.id),
      version: 1,
    });
    expect(stale.statusCode).toBe(409);

    const published = await call(suite.staff, 'POST', `/api/plan/calls/${draft.id}/actions/publish`, {
      version: 2,
    });
    expect(published.json()).toMatchObject({ status: 'published', allowedActions: ['close'] });
    expect(published.json().publishedAt).not.toBeNull();
    expect((await call(enterprise, 'GET', `/api/plan/calls/${draft.id}`)).statusCode).toBe(200);

    const guideline = await upload(
      suite.test.app,
      suite.staff,
      `/api/plan/calls/${draft.id}/guideline`,
      '申报指南.pdf',
    );
    expect(guideline.statusCode, guideline.body).toBe(200);
    expect(guideline.json().guidelineFile).toMatchObject({
      fileName: '申报指南.pdf',
      mediaType: 'application/pdf',
    });
    const renamed = await upload(
      suite.test.app,
      suite.staff,
      `/api/plan/calls/${draft.id}/guideline`,
      '指南.pdf',
      Buffer.from('<html>x</html>'),
    );
    expect(renamed.statusCode).toBe(400);

    const portal = (await call(undefined, 'GET', '/api/public/plan-calls')).json();
    expect(portal.items.map((item: { id: number }) => item.id)).toContain(draft.id);
    const download = await call(undefined, 'GET', `/api/public/plan-calls/${draft.id}/guideline`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(download.headers['x-content-type-options']).toBe('nosniff');

    const closed = await call(suite.staff, 'POST', `/api/plan/calls/${draft.id}/actions/close`, {
      version: guideline.json().version,
    });
    expect(closed.json().status).toBe('closed');
    expect((await call(undefined, 'GET', `/api/public/plan-calls/${draft.id}/guideline`)).statusCode).toBe(
      404,
    );
    const afterClose = await call(suite.staff, 'PUT', `/api/plan/calls/${draft.id}`, {
      ...callBody(category.id),
      version: closed.json().version,
    });
    expect(afterClose.statusCode).toBe(409);
    const list = (await call(suite.staff, 'GET', '/api/plan/calls?status=closed')).json();
    expect(list.items.map((item: { id: number }) => item.id)).toContain(draft.id);
  });

  it('makes one call of a double-clicked create with the same Idempotency-Key', async () => {
    const category = await createCategory(suite.test.app, suite.staff);
    const responses = await Promise.all(
      Array.from({ length: 4 }, () =>
        suite.test.app.inject({
          method: 'POST',
          url: '/api/plan/calls',
          headers: { cookie: suite.staff.cookie, 'idempotency-key': `call-${category.id}` },
          payload: callBody(category.id),
        }),
      ),
    );
    expect(new Set(responses.map((response) => response.json().id)).size).toBe(1);
    const list = (await call(suite.staff, 'GET', `/api/plan/calls?categoryId=${category.id}`)).json();
    expect(list.total).toBe(1);
  });
});
