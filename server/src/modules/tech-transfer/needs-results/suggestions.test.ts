import { describe, expect, it } from 'vitest';
import { techContracts } from '../../../db/schema';
import { buildEnterprise, nextCreditCode } from '../../../test/factories';
import { requestAs, useTestApp } from '../../../test/test-app';
import { buildExpert, postInstitution, postNeed, postResult } from './matching-test-helpers';

const suite = useTestApp({ staff: 'staff', leader: 'leader' });

interface Suggestion {
  id: number;
  title: string;
  reason: string;
  sharedTerms: string[];
  score: number;
  matchingId: number | null;
}

/** Results of four fields, as the district's institutes bring them. */
async function postDistrictResults() {
  const { app } = suite.test;
  const institute = await postInstitution(app, suite.staff, { name: `山东省科学院测试${Date.now()}` });
  const post = (input: Parameters<typeof postResult>[1]['input']) =>
    postResult(app, {
      author: suite.staff,
      staff: suite.staff,
      input: { institutionId: institute.id, ...input },
    });
  const catalyst = await post({});
  const software = await post({
    title: '工业互联网平台设备数据采集与边缘计算网关',
    field: 'electronic-information',
    industry: 'it',
    description: '面向离散制造企业的设备联网、数据采集和边缘计算网关，支持多种工业协议，已在多家企业应用。',
    keywords: ['工业互联网', '边缘计算', '数据采集'],
  });
  const food = await post({
    title: '果蔬气调保鲜包装材料',
    field: 'new-materials',
    industry: 'food-medicine',
    description: '可降解的气调保鲜包装膜，延长果蔬货架期一倍以上，适用于食品冷链物流。',
    keywords: ['保鲜', '包装材料'],
  });
  const hydrogenation = await post({
    title: '连续流微反应加氢工艺',
    field: 'advanced-manufacturing',
    industry: 'advanced-manufacturing',
    description: '微通道反应器中的连续加氢工艺，提高安全性，适合硝基化合物还原。',
    keywords: ['微反应', '连续流'],
  });
  const unpublished = await postResult(app, {
    author: suite.staff,
    staff: suite.staff,
    publish: false,
    input: { institutionId: institute.id, title: '待审核的加氢催化剂成果', keywords: ['催化剂', '加氢'] },
  });
  return { catalyst, software, food, hydrogenation, unpublished };
}

describe('suggested matches with their reasons', () => {
  it('ranks the catalyst result first for a catalyst need, with the shared terms and the field as its reason', async () => {
    const { app } = suite.test;
    const results = await postDistrictResults();
    const enterprise = await buildEnterprise(app);
    const need = await postNeed(app, { enterprise, staff: suite.staff });

    const response = await requestAs(
      app,
      enterprise,
      'GET',
      `/api/tech-transfer/needs/${need.id}/suggestions`,
    );
    expect(response.statusCode).toBe(200);
    const suggestions: Suggestion[] = response.json().results;
    expect(suggestions[0].id).toBe(results.catalyst.id);
    expect(suggestions[0].reason).toMatch(/^共同关键词：.*催化剂/);
    expect(suggestions[0].reason).toContain('加氢');
    expect(suggestions[0].reason).toContain('领域相同');
    expect(suggestions[0].reason).toContain('产业链相同');
    const ids = suggestions.map((entry) => entry.id);
    expect(ids).not.toContain(results.software.id);
    expect(ids).not.toContain(results.unpublished.id);
    if (ids.includes(results.hydrogenation.id)) {
      const hydrogenation = suggestions.find((entry) => entry.id === results.hydrogenation.id);
      expect(hydrogenation?.score).toBeLessThan(suggestions[0].score);
    }
    // An enterprise is not shown the expert pool.
    expect(response.json().experts).toEqual([]);

    const english = await app.inject({
      method: 'GET',
      url: `/api/tech-transfer/needs/${need.id}/suggestions`,
      headers: { cookie: enterprise.cookie, 'accept-language': 'en' },
    });
    expect(english.json().results[0].reason).toMatch(/^shared terms: .*same field/);
  });

  it('suggests experts from the pool to the bureau, and needs from the result side', async () => {
    const { app, db } = suite.test;
    const expert = await buildExpert(app, db, suite.staff, {
      name: '钱化工',
      fields: ['fine-chemicals', 'd-chemical'],
      organisation: { name: '济宁学院化学与化工学院' },
    });
    await postResult(app, {
      author: expert.session,
      staff: suite.staff,
      input: { title: '贵金属加氢催化剂回收再生技术', keywords: ['催化剂', '再生'] },
    });
    const enterprise = await buildEnterprise(app);
    const need = await postNeed(app, { enterprise, staff: suite.staff });
    const matchedOnly = await postNeed(app, {
      enterprise,
      staff: suite.staff,
      input: { title: '保密：催化剂再生装置改造', visibility: 'matched', keywords: ['催化剂', '再生'] },
    });

    const forBureau = await requestAs(
      app,
      suite.staff,
      'GET',
      `/api/tech-transfer/needs/${need.id}/suggestions`,
    );
    const experts: Suggestion[] = forBureau.json().experts;
    expect(experts.map((entry) => entry.title)).toContain('钱化工（正高级）');
    expect(experts.find((entry) => entry.title.startsWith('钱化工'))?.reason).toContain('催化剂');

    const [own] = (
      await requestAs(app, expert.session, 'GET', '/api/tech-transfer/results?scope=mine')
    ).json().items;
    const expertSide = await requestAs(
      app,
      expert.session,
      'GET',
      `/api/tech-transfer/results/${own.id}/suggestions`,
    );
    const expertNeeds: Suggestion[] = expertSide.json().needs;
    expect(expertNeeds.map((entry) => entry.id)).toContain(need.id);
    expect(expertSide.body).not.toContain('保密：催化剂再生装置改造');
    const bureauSide = await requestAs(
      app,
      suite.staff,
      'GET',
      `/api/tech-transfer/results/${own.id}/suggestions`,
    );
    expect(bureauSide.json().needs[0]).toMatchObject({ id: matchedOnly.id });
    expect(bureauSide.json().needs[0].reason).toContain('再生');
  });
});

describe('对接 records: from a suggestion to the registered contract', () => {
  it('introduces, meets, agrees, signs and links the registered contract, with the history and the need shown to the matched expert', async () => {
    const { app, db } = suite.test;
    const expert = await buildExpert(app, db, suite.staff, { name: '孙对接' });
    const result = await postResult(app, {
      author: expert.session,
      staff: suite.staff,
      input: { title: '高选择性加氢催化剂载体改性技术', keywords: ['催化剂', '载体'] },
    });
    const enterprise = await buildEnterprise(app);
    const other = await buildEnterprise(app);
    const need = await postNeed(app, {
      enterprise,
      staff: suite.staff,
      input: { title: '不公开：催化剂载体国产化', visibility: 'matched', keywords: ['催化剂', '载体'] },
    });
    expect(
      (await requestAs(app, expert.session, 'GET', `/api/tech-transfer/needs/${need.id}`)).statusCode,
    ).toBe(404);

    const created = await requestAs(app, suite.staff, 'POST', '/api/tech-transfer/matchings', {
      needId: need.id,
      resultId: result.id,
      expertId: null,
      eventId: null,
      note: '科技局推荐',
    });
    expect(created.statusCode).toBe(201);
    const matching = created.json();
    expect(matching).toMatchObject({
      status: 'introduced',
      source: 'suggested',
      allowedActions: ['meet', 'end'],
    });
    expect(matching.reason).toContain('共同关键词');
    const again = await requestAs(app, suite.staff, 'POST', '/api/tech-transfer/matchings', {
      needId: need.id,
      resultId: result.id,
      expertId: null,
      eventId: null,
      note: null,
    });
    expect(again.statusCode).toBe(409);

    // Once matched, the expert sees the need with its contact; another enterprise still does not.
    const expertRead = await requestAs(app, expert.session, 'GET', `/api/tech-transfer/needs/${need.id}`);
    expect(expertRead.json()).toMatchObject({ id: need.id, contactPhone: '13800138001' });
    expect(
      (await requestAs(app, other, 'GET', `/api/tech-transfer/matchings/${matching.id}`)).statusCode,
    ).toBe(404);
    expect(
      (await requestAs(app, enterprise, 'GET', `/api/tech-transfer/matchings/${matching.id}`)).statusCode,
    ).toBe(200);

    let current = matching;
    for (const action of ['meet', 'agree']) {
      const moved = await requestAs(
        app,
        suite.staff,
        'POST',
        `/api/tech-transfer/matchings/${current.id}/actions/${action}`,
        {
          version: current.version,
        },
      );
      expect(moved.statusCode).toBe(200);
      current = moved.json();
    }
    expect(current.status).toBe('agreement');
    const [contract] = await db
      .insert(techContracts)
      .values({
        enterpriseId: enterprise.enterpriseId,
        status: 'registered',
        title: '催化剂载体改性技术转让',
        category: 'TRANSFER_PATENT',
        sellerName: '济宁学院',
        sellerCreditCode: nextCreditCode(),
        buyerName: '济宁测试企业',
        buyerRegionCode: '3708',
        signedOn: '2026-03-01',
        termStartOn: '2026-03-01',
        termEndOn: '2027-02-28',
        contractFen: 50_000_000,
        techFen: 50_000_000,
        registrationNo: '26370801000123',
        registeredOn: '2026-03-10',
      })
      .returning({ id: techContracts.id });
    const [draft] = await db
      .insert(techContracts)
      .values({
        enterpriseId: enterprise.enterpriseId,
        status: 'draft',
        title: '未登记的合同',
        category: 'TRANSFER_PATENT',
        sellerName: '济宁学院',
        sellerCreditCode: nextCreditCode(),
        buyerName: '济宁测试企业',
        buyerRegionCode: '3708',
        signedOn: '2026-03-01',
        termStartOn: '2026-03-01',
        termEndOn: '2027-02-28',
        contractFen: 1,
        techFen: 1,
      })
      .returning({ id: techContracts.id });
    const unregistered = await requestAs(
      app,
      suite.staff,
      'POST',
      `/api/tech-transfer/matchings/${current.id}/contract`,
      {
        version: current.version,
        contractId: draft.id,
      },
    );
    expect(unregistered.statusCode).toBe(400);
    expect(unregistered.json().error.details[0].message).toContain('技术合同');
    const signed = await requestAs(
      app,
      suite.staff,
      'POST',
      `/api/tech-transfer/matchings/${current.id}/actions/sign`,
      {
        version: current.version,
      },
    );
    const linked = await requestAs(
      app,
      suite.staff,
      'POST',
      `/api/tech-transfer/matchings/${current.id}/contract`,
      {
        version: signed.json().version,
        contractId: contract.id,
      },
    );
    expect(linked.json()).toMatchObject({
      status: 'signed',
      contractId: contract.id,
      contractRegistrationNo: '26370801000123',
      allowedActions: [],
    });
    expect(linked.json().history.map((entry: { toStatus: string }) => entry.toStatus)).toEqual([
      'introduced',
      'met',
      'agreement',
      'signed',
    ]);
    const stale = await requestAs(
      app,
      suite.staff,
      'POST',
      `/api/tech-transfer/matchings/${current.id}/actions/end`,
      {
        version: matching.version,
        comment: '过期版本',
      },
    );
    expect(stale.statusCode).toBe(409);
    const list = await requestAs(app, suite.leader, 'GET', `/api/tech-transfer/matchings?needId=${need.id}`);
    expect(list.json().items).toEqual([expect.objectContaining({ id: current.id, status: 'signed' })]);
  });
});
