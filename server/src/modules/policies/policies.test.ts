import type { CandidatePage, EnterpriseMatches, Policy, PolicyPage } from '@kechuang/domain';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection';
import { expectNoCrossTenantAccess } from '../../test/cross-tenant';
import { buildEnterprise, type Session } from '../../test/factories';
import { useTestApp } from '../../test/test-app';
import { buildPolicyInput, giveEnterpriseData, WAN } from './policy-test-helpers';

const suite = useTestApp({ staff: 'staff', reviewer: 'staff', leader: 'leader', observer: 'observer' });

const call = (session: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  suite.test.app.inject({
    method,
    url,
    headers: session ? { cookie: session.cookie } : {},
    ...(payload ? { payload } : {}),
  });

async function createPublished(overrides = {}): Promise<Policy> {
  const created = await call(suite.staff, 'POST', '/api/policies', buildPolicyInput(overrides));
  expect(created.statusCode, created.body).toBe(201);
  const policy = created.json() as Policy;
  const submitted = await call(suite.staff, 'POST', `/api/policies/${policy.id}/actions/submit`, {
    version: policy.version,
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
  const published = await call(suite.reviewer, 'POST', `/api/policies/${policy.id}/actions/publish`, {
    version: policy.version + 1,
  });
  expect(published.statusCode, published.body).toBe(200);
  return published.json() as Policy;
}

describe('the policy library', () => {
  it('enters a draft, keeps it off the portal until published, and refuses a stale edit with 409', async () => {
    const created = await call(
      suite.staff,
      'POST',
      '/api/policies',
      buildPolicyInput({ documentNo: '任政办发〔2020〕21号' }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json() as Policy;
    expect(draft).toMatchObject({
      status: 'draft',
      validity: 'draft',
      itemCount: 2,
      allowedActions: ['submit'],
    });
    expect((await call(null, 'GET', `/api/public/policies/${draft.id}`)).statusCode).toBe(404);
    const company = await buildEnterprise(suite.test.app);
    await expectNoCrossTenantAccess(suite.test.app, {
      intruder: company,
      requests: [{ method: 'GET', url: `/api/policies/${draft.id}` }],
      secrets: [draft.documentNo],
    });

    const edited = await call(suite.staff, 'PUT', `/api/policies/${draft.id}`, {
      ...buildPolicyInput({
        documentNo: '任政办发〔2020〕21号',
        title: '任城区支持企业研发创新若干措施（修订）',
      }),
      version: draft.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const stale = await call(suite.staff, 'PUT', `/api/policies/${draft.id}`, {
      ...buildPolicyInput({ documentNo: '任政办发〔2020〕21号' }),
      version: draft.version,
    });
    expect(stale.statusCode).toBe(409);

    const act = (session: Session, action: string, body: object) =>
      call(session, 'POST', `/api/policies/${draft.id}/actions/${action}`, body);
    // 审核: submitted by the drafter, returned with the reason, corrected, submitted again.
    const submitted = await act(suite.staff, 'submit', { version: draft.version + 1 });
    expect(submitted.json()).toMatchObject({ status: 'submitted', validity: 'draft' });
    expect(submitted.json().allowedActions.sort()).toEqual(['publish', 'return']);
    expect((await call(null, 'GET', `/api/public/policies/${draft.id}`)).statusCode).toBe(404);
    const underReview = await call(suite.staff, 'PUT', `/api/policies/${draft.id}`, {
      ...buildPolicyInput({ documentNo: '任政办发〔2020〕21号' }),
      version: draft.version + 2,
    });
    expect(underReview.statusCode).toBe(409);
    expect((await act(suite.reviewer, 'return', { version: draft.version + 2 })).statusCode).toBe(400);
    const returned = await act(suite.reviewer, 'return', {
      version: draft.version + 2,
      comment: '请补充政策解读',
    });
    expect(returned.json()).toMatchObject({ status: 'returned', allowedActions: ['submit'] });
    await act(suite.staff, 'submit', { version: draft.version + 3 });
    // The drafter cannot publish what they entered and submitted; another staff member does.
    const own = await act(suite.staff, 'publish', { version: draft.version + 4 });
    expect(own.statusCode).toBe(400);
    expect(own.json().error.details[0]).toMatchObject({
      path: 'reviewer',
      message: '审核发布人：不能是起草或提交审核的本人，请由另一位工作人员审核发布',
    });
    const published = await act(suite.reviewer, 'publish', { version: draft.version + 4 });
    expect(published.json()).toMatchObject({ status: 'published', validity: 'valid' });
    expect((published.json() as Policy).history.map((entry) => [entry.action, entry.comment])).toEqual([
      ['create', '任政办发〔2020〕21号'],
      ['submit', null],
      ['return', '请补充政策解读'],
      ['submit', null],
      ['publish', null],
    ]);
    const [audited] = await queryRows<{ count: number }>(
      suite.test.db,
      sql`select count(*)::int as count from audit_log where object_type = 'policies' and object_id = ${draft.id}
           and event in ('policy.submit', 'policy.return', 'policy.publish')`,
    );
    expect(audited.count).toBe(4);
    const portal = await call(null, 'GET', `/api/public/policies/${draft.id}`);
    expect(portal.statusCode).toBe(200);
    expect(portal.json().history).toEqual([]);
  });

  it('refuses bad input with the field named and saves nothing', async () => {
    const input = buildPolicyInput();
    const bad = async (payload: object, path: string, text: string) => {
      const response = await call(suite.staff, 'POST', '/api/policies', payload);
      expect(response.statusCode, response.body).toBe(400);
      const detail = response.json().error.details[0];
      expect(detail.path).toBe(path);
      expect(detail.message).toContain(text);
    };
    const [award, subsidy] = input.items;
    await bad({ ...input, documentNo: '任政发[2020]7号' }, 'documentNo', '发文字号');
    await bad(
      {
        ...input,
        items: [{ ...award, conditions: [{ ...award.conditions[0], field: 'enterprise.shoeSize' }] }],
      },
      'items.0.conditions.0.field',
      '数据项',
    );
    await bad(
      { ...input, items: [{ ...award, conditions: [{ ...award.conditions[0], operator: 'gte' }] }] },
      'items.0.conditions.0.operator',
      '运算',
    );
    await bad(
      { ...input, items: [{ ...subsidy, amount: { ...subsidy.amount, capFen: 4 * WAN } }] },
      'items.0.amount.capFen',
      '封顶金额',
    );
    await bad(
      { ...input, items: [{ ...award, windowTo: '2019-12-31' }] },
      'items.0.windowTo',
      '申报截止日期',
    );
    await bad({ ...input, publishedOn: '2020-02-01' }, 'publishedOn', '发布日期');
    const list = (await call(suite.staff, 'GET', '/api/policies?keyword=鞋码')).json() as PolicyPage;
    expect(list.total).toBe(0);
  });

  it('finds a policy by a two-character word of its text, ranks by the words, and filters by level', async () => {
    const policy = await createPublished({
      documentNo: '任政办发〔2020〕22号',
      title: '任城区促进技术转移若干措施',
      fullText: '支持高校院所向企业转让科技成果，对登记的技术合同按技术交易额给予奖励，并支持中试熟化。',
      items: [],
    });
    for (const word of ['中试', '熟化', '技术交易额', '转让科技成果']) {
      const found = (
        await call(suite.staff, 'GET', `/api/policies?keyword=${encodeURIComponent(word)}`)
      ).json() as PolicyPage;
      expect(
        found.items.map((item) => item.id),
        word,
      ).toContain(policy.id);
    }
    const miss = (
      await call(suite.staff, 'GET', `/api/policies?keyword=${encodeURIComponent('熟试')}`)
    ).json() as PolicyPage;
    expect(miss.items.map((item) => item.id)).not.toContain(policy.id);
    const national = (
      await call(null, 'GET', `/api/public/policies?level=national&keyword=${encodeURIComponent('中试')}`)
    ).json() as PolicyPage;
    expect(national.items.map((item) => item.id)).not.toContain(policy.id);
    const portal = (
      await call(null, 'GET', `/api/public/policies?keyword=${encodeURIComponent('中试')}`)
    ).json() as PolicyPage;
    expect(portal.items.map((item) => item.id)).toContain(policy.id);
  });

  it('publishing a new version repeals the one it replaces, naming it', async () => {
    const old = await createPublished({ documentNo: '任政办发〔2018〕9号', items: [] });
    const replacement = await createPublished({
      documentNo: '任政办发〔2020〕30号',
      supersedesId: old.id,
      items: [],
    });
    const reread = (await call(suite.staff, 'GET', `/api/policies/${old.id}`)).json() as Policy;
    expect(reread).toMatchObject({ status: 'repealed', validity: 'repealed' });
    expect(reread.supersededBy).toMatchObject({ id: replacement.id, documentNo: '任政办发〔2020〕30号' });
    expect(reread.history.at(-1)?.comment).toContain('任政办发〔2020〕30号');
    const repealed = (await call(suite.staff, 'GET', '/api/policies?validity=repealed')).json() as PolicyPage;
    expect(repealed.items.map((item) => item.id)).toContain(old.id);
  });
});

describe('matching, 免申即享 payouts and the guide', () => {
  it('shows an enterprise what it qualifies for with reasons and amounts, and what it lacks', async () => {
    const policy = await createPublished({ documentNo: '任政办发〔2020〕40号' });
    const qualifies = await buildEnterprise(suite.test.app);
    const lacks = await buildEnterprise(suite.test.app);
    await giveEnterpriseData(suite.test.db, qualifies.enterpriseId, {
      rd2019Wan: 300,
      rd2020Wan: 420,
      techSme: true,
    });
    await giveEnterpriseData(suite.test.db, lacks.enterpriseId, {
      rd2019Wan: 400,
      rd2020Wan: 420,
      techSme: false,
    });

    const mine = (
      await call(qualifies, 'GET', `/api/policies/matches/${qualifies.enterpriseId}?year=2020`)
    ).json() as EnterpriseMatches;
    const [award, subsidy] = policy.items;
    const awardMatch = mine.items.find((item) => item.itemId === award.id);
    const subsidyMatch = mine.items.find((item) => item.itemId === subsidy.id);
    expect(awardMatch).toMatchObject({ outcome: 'eligible', amountFen: 2 * WAN });
    expect(subsidyMatch).toMatchObject({ outcome: 'eligible', amountFen: 12 * WAN }); // 10 % of 120 万
    expect(subsidyMatch?.conditions[1].text).toBe(
      '研发费用同比增加额 不低于 50.00万元：实际 120.00万元，符合',
    );

    const theirs = (
      await call(lacks, 'GET', `/api/policies/matches/${lacks.enterpriseId}?year=2020`)
    ).json() as EnterpriseMatches;
    const lacking = theirs.items.find((item) => item.itemId === subsidy.id);
    expect(lacking).toMatchObject({ outcome: 'ineligible', amountFen: null });
    expect(lacking?.conditions[1]).toMatchObject({ status: 'unmet', shortfall: 30 });
    // Without 2021 figures the increase is unknown, not zero.
    const noData = (
      await call(suite.staff, 'GET', `/api/policies/matches/${lacks.enterpriseId}?year=2021`)
    ).json() as EnterpriseMatches;
    expect(noData.items.find((item) => item.itemId === subsidy.id)?.outcome).toBe('unknown');

    await expectNoCrossTenantAccess(suite.test.app, {
      intruder: lacks,
      requests: [{ method: 'GET', url: `/api/policies/matches/${qualifies.enterpriseId}?year=2020` }],
      secrets: [mine.enterpriseName],
    });

    const candidates = (
      await call(suite.staff, 'GET', `/api/policies/items/${award.id}/candidates?year=2020&outcome=eligible`)
    ).json() as CandidatePage;
    expect(candidates.items.map((item) => item.enterpriseId)).toContain(qualifies.enterpriseId);
    expect(candidates.items.map((item) => item.enterpriseId)).not.toContain(lacks.enterpriseId);

    const refused = await call(suite.staff, 'POST', `/api/policies/items/${award.id}/payouts`, {
      year: 2020,
      enterpriseIds: [qualifies.enterpriseId, lacks.enterpriseId],
      confirmedOn: '2020-12-15',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].path).toBe('enterpriseIds');
    const confirmed = await call(suite.staff, 'POST', `/api/policies/items/${award.id}/payouts`, {
      year: 2020,
      enterpriseIds: [qualifies.enterpriseId],
      confirmedOn: '2020-12-15',
    });
    expect(confirmed.json()).toEqual({ confirmed: 1, totalFen: 2 * WAN });
    const again = await call(suite.staff, 'POST', `/api/policies/items/${award.id}/payouts`, {
      year: 2020,
      enterpriseIds: [qualifies.enterpriseId],
      confirmedOn: '2020-12-16',
    });
    expect(again.statusCode).toBe(400);

    const own = (await call(qualifies, 'GET', `/api/policies/payouts?itemId=${award.id}`)).json();
    expect(own.items).toHaveLength(1);
    expect((await call(lacks, 'GET', `/api/policies/payouts?itemId=${award.id}`)).json().items).toHaveLength(
      0,
    );
    const exported = await call(
      suite.observer,
      'GET',
      `/api/policies/payouts/export?year=2020&itemId=${award.id}`,
    );
    expect(exported.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(2).value).toBe('企业名称');
    expect(sheet.getRow(2).getCell(6).value).toBe('2.00');
  });

  it('generates the guide as Word from the published library and counts the copies handed out', async () => {
    await createPublished({ documentNo: '任政办发〔2020〕50号', title: '任城区科技金融扶持办法' });
    const before = await call(
      suite.leader,
      'GET',
      '/api/dashboard/figures?period=2020&keys=policies.guide-copies',
    );
    const copiesBefore = before.json()[0].value as number;
    for (const copies of [1200, 3900]) {
      const recorded = await call(suite.staff, 'POST', '/api/policies/guide/distributions', {
        edition: 2020,
        recipient: '科技政策专题培训班',
        copies,
        distributedOn: '2020-06-01',
      });
      expect(recorded.statusCode, recorded.body).toBe(201);
    }
    const after = await call(
      suite.leader,
      'GET',
      '/api/dashboard/figures?period=2020&keys=policies.guide-copies',
    );
    expect(after.json()[0].value).toBe(copiesBefore + 5100);

    const document = await call(suite.staff, 'GET', '/api/policies/guide/document?edition=2020');
    expect(document.statusCode).toBe(200);
    expect(document.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(document.rawPayload);
    const xml = await zip.file('word/document.xml')?.async('string');
    expect(xml).toContain('任城区科技金融扶持办法');
    expect(xml).toContain('任政办发〔2020〕50号');
    expect(xml).toContain('按研发费用同比增加额的10%给予奖补，最高30万元、最低5万元');
  });
});
