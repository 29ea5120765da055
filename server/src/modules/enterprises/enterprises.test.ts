import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { auditLog, enterprises, notifications, workflowHistory } from '../../db/schema';
import { expectNoCrossTenantAccess } from '../../test/cross-tenant';
import { buildEnterprise, buildEnterpriseRegistration, nextCreditCode } from '../../test/factories';
import { requestAs, useTestApp } from '../../test/test-app';

const suite = useTestApp({ staff: 'staff', leader: 'leader' });

const profileOf = (detail: { enterprise: Record<string, unknown> }) => {
  const { name, contactName, contactPhone } = detail.enterprise as {
    name: string;
    contactName: string;
    contactPhone: string;
  };
  return { name, contactName, contactPhone };
};

describe('registration', () => {
  it('takes 20 registrations an hour from one address, then answers 429 with Retry-After, audited', async () => {
    const register = (remoteAddress: string) =>
      suite.test.app.inject({
        method: 'POST',
        url: '/api/enterprises/register',
        payload: buildEnterpriseRegistration(),
        remoteAddress,
      });
    for (let index = 0; index < 20; index++) expect((await register('203.0.113.40')).statusCode).toBe(201);
    const refused = await register('203.0.113.40');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.message).toBe('本地址注册次数过多，请一小时后再试');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(59 * 60);
    expect((await register('203.0.113.41')).statusCode).toBe(201);
    const [audited] = await suite.test.db
      .select({ total: count() })
      .from(auditLog)
      .where(and(eq(auditLog.event, 'enterprise.register'), eq(auditLog.result, 'denied')));
    expect(audited.total).toBe(1);
  });

  it('registers with a real-format code, normalising full-width and lower-case input', async () => {
    const code = nextCreditCode();
    const fullWidth = code
      .replace(/[0-9A-Z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0))
      .toLowerCase();
    const response = await suite.test.app.inject({
      method: 'POST',
      url: '/api/enterprises/register',
      payload: buildEnterpriseRegistration({ creditCode: ` ${fullWidth} ` }),
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().username).toBe(code);
    const [row] = await suite.test.db.select().from(enterprises).where(eq(enterprises.creditCode, code));
    expect(row.status).toBe('pending');
  });

  it('refuses a wrong check digit with a Chinese message naming the field, and saves nothing', async () => {
    const [{ before }] = await suite.test.db.select({ before: count() }).from(enterprises);
    const response = await suite.test.app.inject({
      method: 'POST',
      url: '/api/enterprises/register',
      payload: buildEnterpriseRegistration({ creditCode: '9133010057462616XH' }),
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe('validation');
    expect(body.error.details).toContainEqual({
      path: 'creditCode',
      message: '统一社会信用代码校验位不正确，请核对',
    });
    const [{ after }] = await suite.test.db.select({ after: count() }).from(enterprises);
    expect(after).toBe(before);
  });

  it('answers in English when asked', async () => {
    const response = await suite.test.app.inject({
      method: 'POST',
      url: '/api/enterprises/register',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: buildEnterpriseRegistration({ creditCode: '9133010057462616XH' }),
    });
    expect(response.json().error.details[0].message).toBe(
      'Unified social credit code has a wrong check digit',
    );
  });

  it('refuses a second registration of the same code with 409 on the field', async () => {
    const registration = buildEnterpriseRegistration();
    await suite.test.app.inject({ method: 'POST', url: '/api/enterprises/register', payload: registration });
    const again = await suite.test.app.inject({
      method: 'POST',
      url: '/api/enterprises/register',
      payload: { ...registration, name: '另一家公司' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details[0].path).toBe('creditCode');
  });

  it('refuses mass assignment of status', async () => {
    const response = await suite.test.app.inject({
      method: 'POST',
      url: '/api/enterprises/register',
      payload: { ...buildEnterpriseRegistration(), status: 'verified' },
    });
    expect(response.statusCode).toBe(400);
  });

  it('honours Idempotency-Key: 20 concurrent replays make one enterprise with identical answers', async () => {
    const registration = buildEnterpriseRegistration();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        suite.test.app.inject({
          method: 'POST',
          url: '/api/enterprises/register',
          headers: { 'idempotency-key': `reg-${registration.creditCode}` },
          payload: registration,
        }),
      ),
    );
    expect(new Set(responses.map((response) => response.statusCode))).toEqual(new Set([201]));
    expect(new Set(responses.map((response) => response.body)).size).toBe(1);
    const rows = await suite.test.db
      .select()
      .from(enterprises)
      .where(eq(enterprises.creditCode, registration.creditCode));
    expect(rows).toHaveLength(1);
    const other = await suite.test.app.inject({
      method: 'POST',
      url: '/api/enterprises/register',
      headers: { 'idempotency-key': `reg-${registration.creditCode}` },
      payload: { ...registration, name: '别的名字有限公司' },
    });
    expect(other.statusCode).toBe(422);
  });
});

describe('profile and verification', () => {
  it('lets the enterprise keep its profile, staff verify it, and records the 流程记录 and messages', async () => {
    const company = await buildEnterprise(suite.test.app);
    const mine = (await requestAs(suite.test.app, company, 'GET', '/api/enterprises/mine')).json();
    expect(mine.canEdit).toBe(true);
    expect(mine.allowedActions).toEqual([]);

    const saved = await requestAs(
      suite.test.app,
      company,
      'PUT',
      `/api/enterprises/${company.enterpriseId}`,
      {
        ...profileOf(mine),
        version: mine.enterprise.version,
        industry: 'it',
        street: '古槐街道',
        address: '济宁市任城区古槐路 8 号',
        foundedOn: '2015-03-18',
        size: 'small',
        registeredCapitalFen: 5_000_000_00,
      },
    );
    expect(saved.statusCode).toBe(200);
    expect(saved.json().enterprise).toMatchObject({
      industry: 'it',
      foundedOn: '2015-03-18',
      registeredCapitalFen: 500_000_000,
      version: 2,
    });

    const asStaff = (
      await requestAs(suite.test.app, suite.staff, 'GET', `/api/enterprises/${company.enterpriseId}`)
    ).json();
    expect(asStaff.allowedActions).toEqual(['verify', 'return']);
    const asLeader = (
      await requestAs(suite.test.app, suite.leader, 'GET', `/api/enterprises/${company.enterpriseId}`)
    ).json();
    expect(asLeader.allowedActions).toEqual([]);
    expect(asLeader.canEdit).toBe(false);

    const withoutComment = await requestAs(
      suite.test.app,
      suite.staff,
      'POST',
      `/api/enterprises/${company.enterpriseId}/actions/return`,
      { version: 2 },
    );
    expect(withoutComment.statusCode).toBe(400);
    expect(withoutComment.json().error.details[0].path).toBe('comment');

    const returned = await requestAs(
      suite.test.app,
      suite.staff,
      'POST',
      `/api/enterprises/${company.enterpriseId}/actions/return`,
      { version: 2, comment: '成立日期与营业执照不一致' },
    );
    expect(returned.statusCode).toBe(200);
    expect(returned.json().enterprise.status).toBe('returned');

    const resubmitted = await requestAs(
      suite.test.app,
      company,
      'POST',
      `/api/enterprises/${company.enterpriseId}/actions/resubmit`,
      { version: 3 },
    );
    expect(resubmitted.json().enterprise.status).toBe('pending');

    const verified = await requestAs(
      suite.test.app,
      suite.staff,
      'POST',
      `/api/enterprises/${company.enterpriseId}/actions/verify`,
      { version: 4 },
    );
    expect(verified.json().enterprise.status).toBe('verified');
    expect(verified.json().enterprise.verifiedAt).not.toBeNull();
    expect(verified.json().history.map((entry: { action: string }) => entry.action)).toEqual([
      'register',
      'return',
      'resubmit',
      'verify',
    ]);

    const messages = await suite.test.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, company.userId));
    expect(messages.map((message) => message.title).sort()).toEqual(
      [
        `企业认证（${mine.enterprise.name}）：审核通过`,
        `企业认证（${mine.enterprise.name}）：退回修改`,
      ].sort(),
    );
    const inbox = (await requestAs(suite.test.app, company, 'GET', '/api/notifications')).json();
    expect(inbox.unread).toBe(2);
  });

  it('refuses a stale version with 409 and keeps what was saved', async () => {
    const company = await buildEnterprise(suite.test.app);
    const detail = (await requestAs(suite.test.app, company, 'GET', '/api/enterprises/mine')).json();
    const first = await requestAs(
      suite.test.app,
      company,
      'PUT',
      `/api/enterprises/${company.enterpriseId}`,
      { ...profileOf(detail), address: '第一次保存', version: 1 },
    );
    expect(first.statusCode).toBe(200);
    const stale = await requestAs(
      suite.test.app,
      suite.staff,
      'PUT',
      `/api/enterprises/${company.enterpriseId}`,
      { ...profileOf(detail), address: '过期的修改', version: 1 },
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe('该记录已被他人修改，请刷新后再提交');
    const stillThere = (await requestAs(suite.test.app, company, 'GET', '/api/enterprises/mine')).json();
    expect(stillThere.enterprise.address).toBe('第一次保存');
  });

  it('lets exactly one of 50 parallel conflicting updates win', async () => {
    const company = await buildEnterprise(suite.test.app);
    const detail = (await requestAs(suite.test.app, company, 'GET', '/api/enterprises/mine')).json();
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        suite.test.app.inject({
          method: 'PUT',
          url: `/api/enterprises/${company.enterpriseId}`,
          headers: { cookie: index % 2 ? company.cookie : suite.staff.cookie },
          payload: { ...profileOf(detail), address: `并发修改 ${index}`, version: detail.enterprise.version },
        }),
      ),
    );
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    const winner = responses.find((response) => response.statusCode === 200)!.json();
    expect(winner.enterprise.version).toBe(detail.enterprise.version + 1);
  });

  it('keeps every enterprise out of every other enterprise’s records', async () => {
    const owner = await buildEnterprise(suite.test.app);
    const intruder = await buildEnterprise(suite.test.app);
    const detail = (await requestAs(suite.test.app, owner, 'GET', '/api/enterprises/mine')).json();
    await expectNoCrossTenantAccess(suite.test.app, {
      intruder,
      secrets: [detail.enterprise.creditCode, detail.enterprise.name],
      requests: [
        { method: 'GET', url: `/api/enterprises/${owner.enterpriseId}` },
        {
          method: 'PUT',
          url: `/api/enterprises/${owner.enterpriseId}`,
          payload: { ...profileOf(detail), version: 1 },
        },
        {
          method: 'POST',
          url: `/api/enterprises/${owner.enterpriseId}/actions/resubmit`,
          payload: { version: 1 },
        },
        {
          method: 'POST',
          url: `/api/enterprises/${owner.enterpriseId}/actions/verify`,
          payload: { version: 1 },
        },
      ],
    });
    const [row] = await suite.test.db
      .select()
      .from(enterprises)
      .where(eq(enterprises.id, owner.enterpriseId));
    expect(row.version).toBe(1);
    const history = await suite.test.db
      .select()
      .from(workflowHistory)
      .where(eq(workflowHistory.objectId, owner.enterpriseId));
    expect(history.map((entry) => entry.action)).toEqual(['register']);
  });
});

describe('the bureau’s list', () => {
  it('filters, sorts, pages, counts by status and exports exactly the filter', async () => {
    const marker = `列表${Date.now() % 100000}`;
    const created = [];
    for (let index = 0; index < 5; index++) {
      created.push(await buildEnterprise(suite.test.app, { name: `济宁${marker}第${index}号科技有限公司` }));
    }
    await requestAs(
      suite.test.app,
      suite.staff,
      'POST',
      `/api/enterprises/${created[0].enterpriseId}/actions/verify`,
      { version: 1 },
    );
    const page = await requestAs(
      suite.test.app,
      suite.staff,
      'GET',
      `/api/enterprises?keyword=${encodeURIComponent(marker)}&status=pending&pageSize=2&page=2&sort=name&order=asc`,
    );
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body.total).toBe(4);
    expect(body.statusCounts).toEqual({ pending: 4, verified: 1 });
    expect(body.items.map((item: { name: string }) => item.name)).toEqual([
      `济宁${marker}第3号科技有限公司`,
      `济宁${marker}第4号科技有限公司`,
    ]);

    const exported = await requestAs(
      suite.test.app,
      suite.leader,
      'GET',
      `/api/enterprises/export?keyword=${encodeURIComponent(marker)}&status=pending`,
    );
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain("filename*=UTF-8''");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('统一社会信用代码');
    expect(sheet.rowCount).toBe(5);
  });

  it('writes an exported cell that starts with = as text', async () => {
    const company = await buildEnterprise(suite.test.app, {
      name: '=HYPERLINK("http://example.invalid")有限公司',
    });
    const response = await requestAs(
      suite.test.app,
      suite.staff,
      'GET',
      `/api/enterprises/export?keyword=${encodeURIComponent(company.username)}`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0].getRow(2).getCell(2).value).toBe(
      '\'=HYPERLINK("http://example.invalid")有限公司',
    );
  });
});
