import {
  TECH_CONTRACT_CATEGORIES,
  type TechBuyerRegion,
  type TechContractCategory,
  techBuyerRegionOf,
} from '@kechuang/domain';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DISTRICT_SETTINGS_KEY } from '../../core/settings';
import { enterprises, enterpriseYearFigures, settings, techContracts } from '../../db/schema';
import { RENCHENG_SETTINGS } from '../../demo/rencheng';
import { buildEnterprise, nextCreditCode, type Session } from '../../test/factories';
import { requestAs, useTestApp } from '../../test/test-app';

const suite = useTestApp({ staff: 'staff', leader: 'leader', observer: 'observer' });
let sellerA: Session & { enterpriseId: number };
let sellerB: Session & { enterpriseId: number };
let researcher: Session & { enterpriseId: number };
let idle: Session & { enterpriseId: number };

const REGIONS = ['370811', '370812', '3708', '110108', '7100', '8000', ''];

interface Seeded {
  enterpriseId: number;
  status: string;
  category: TechContractCategory;
  registeredOn: string | null;
  contractFen: number;
  techFen: number;
  buyerRegionCode: string;
  eligible: boolean;
  claimed: boolean;
}

const seeded: Seeded[] = [];

/** Contracts across two years, every category, every buyer region, and states the figures leave out. */
function buildContracts(): Seeded[] {
  const rows: Seeded[] = [];
  for (let index = 0; index < 60; index++) {
    const category = TECH_CONTRACT_CATEGORIES[index % TECH_CONTRACT_CATEGORIES.length];
    const year = index % 3 === 0 ? 2020 : 2021;
    const month = (index % 12) + 1;
    const status = index % 17 === 5 ? 'cancelled' : index % 19 === 7 ? 'refused' : 'registered';
    const contractFen = (index + 1) * 1_234_500;
    const eligible = status !== 'refused' && !category.startsWith('SERVICE') && category !== 'CONSULTING';
    rows.push({
      enterpriseId: index % 2 === 0 ? sellerA.enterpriseId : sellerB.enterpriseId,
      status,
      category,
      registeredOn: status === 'refused' ? null : `${year}-${String(month).padStart(2, '0')}-1${index % 9}`,
      contractFen,
      techFen: contractFen - (index % 4) * 100_000,
      buyerRegionCode: REGIONS[index % REGIONS.length],
      eligible,
      claimed: eligible && index % 2 === 1,
    });
  }
  return rows;
}

beforeAll(async () => {
  const { db, app } = suite.test;
  await db
    .insert(settings)
    .values({ key: DISTRICT_SETTINGS_KEY, value: RENCHENG_SETTINGS })
    .onConflictDoUpdate({ target: settings.key, set: { value: RENCHENG_SETTINGS } });
  sellerA = await buildEnterprise(app);
  sellerB = await buildEnterprise(app);
  researcher = await buildEnterprise(app);
  idle = await buildEnterprise(app);
  await db.update(enterprises).set({ street: '济阳街道' }).where(eq(enterprises.id, sellerA.enterpriseId));
  await db.update(enterprises).set({ street: '仙营街道' }).where(eq(enterprises.id, sellerB.enterpriseId));
  seeded.push(...buildContracts());
  await db.insert(techContracts).values(
    seeded.map((row, index) => ({
      enterpriseId: row.enterpriseId,
      status: row.status,
      title: `统计测试合同 ${index}`,
      category: row.category,
      sellerName: '卖方',
      sellerCreditCode: nextCreditCode(),
      buyerName: '买方',
      buyerRegionCode: row.buyerRegionCode,
      signedOn: row.registeredOn ?? '2021-03-01',
      termStartOn: row.registeredOn ?? '2021-03-01',
      termEndOn: '2022-12-31',
      contractFen: row.contractFen,
      techFen: row.techFen,
      registrationNo: row.registeredOn ? `2${index % 2}37080190${String(index).padStart(4, '0')}` : null,
      registeredOn: row.registeredOn,
      exemptionEligible: row.registeredOn ? row.eligible : null,
      exemptionClaimed: row.claimed,
    })),
  );
  const figures = {
    employees: 50,
    sciTechStaff: 10,
    revenueFen: 5_000_000_000,
    costFen: 4_000_000_000,
    totalAssetsFen: 8_000_000_000,
    netAssetsFen: 5_000_000_000,
    liabilitiesFen: 3_000_000_000,
    rdExpenseDomesticFen: 0,
    highTechRevenueFen: 0,
    ipSelfDevelopedCount: 0,
    conversionsCount: 0,
    industrialOutputFen: 0,
    isAboveDesignatedSize: false,
    source: 'staff',
  };
  await db.insert(enterpriseYearFigures).values([
    {
      ...figures,
      enterpriseId: researcher.enterpriseId,
      year: 2020,
      rdExpenseFen: 320_000_000,
      ipClass1Count: 1,
      ipClass2Count: 4,
    },
    {
      ...figures,
      enterpriseId: idle.enterpriseId,
      year: 2021,
      rdExpenseFen: 0,
      ipClass1Count: 0,
      ipClass2Count: 0,
    },
    {
      ...figures,
      enterpriseId: sellerA.enterpriseId,
      year: 2021,
      rdExpenseFen: 900_000_000,
      ipClass1Count: 3,
      ipClass2Count: 2,
    },
  ]);
});

type Figures = { contracts: number; contractFen: number; techFen: number; claimedTechFen: number };

async function statistics(session: Session, query: string) {
  const response = await requestAs(suite.test.app, session, 'GET', `/api/tech-transfer/statistics?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** The contract list filtered as a drill-down link filters it: its count and totals. */
async function drillDown(filters: Record<string, string | number>): Promise<Figures> {
  const query = new URLSearchParams({ status: 'registered', pageSize: '200', ...filters } as Record<
    string,
    string
  >);
  const response = await requestAs(
    suite.test.app,
    suite.staff,
    'GET',
    `/api/tech-transfer/contracts?${query}`,
  );
  expect(response.statusCode, response.body).toBe(200);
  const page = response.json();
  return {
    contracts: page.total,
    contractFen: page.totals.contractFen,
    techFen: page.totals.techFen,
    claimedTechFen: page.totals.claimedTechFen,
  };
}

const figuresOf = (row: Figures): Figures => ({
  contracts: row.contracts,
  contractFen: row.contractFen,
  techFen: row.techFen,
  claimedTechFen: row.claimedTechFen,
});

describe('技术合同 statistics', () => {
  it('counts registered contracts of the year only, as computed from the rows', async () => {
    const body = await statistics(suite.leader, 'year=2021');
    const counted = seeded.filter(
      (row) => row.status === 'registered' && row.registeredOn?.startsWith('2021'),
    );
    expect(figuresOf(body.totals)).toEqual({
      contracts: counted.length,
      contractFen: counted.reduce((sum, row) => sum + row.contractFen, 0),
      techFen: counted.reduce((sum, row) => sum + row.techFen, 0),
      claimedTechFen: counted.filter((row) => row.claimed).reduce((sum, row) => sum + row.techFen, 0),
    });
    expect(body.byYear.map((row: { year: number }) => row.year)).toEqual([2020, 2021]);
  });

  it('gives every figure as the sum of the contract list it drills down to', async () => {
    for (const year of [2020, 2021]) {
      const body = await statistics(suite.staff, `year=${year}`);
      expect(figuresOf(body.totals)).toEqual(await drillDown({ year }));
      expect(figuresOf(body.flows.output)).toEqual(await drillDown({ year }));
      expect(figuresOf(body.flows.absorbed)).toEqual(await drillDown({ year, buyerRegion: 'district' }));
      for (const row of body.byMonth.filter((item: Figures) => item.contracts > 0))
        expect(figuresOf(row)).toEqual(await drillDown({ year, month: row.month }));
      for (const row of body.byCategory)
        expect(figuresOf(row)).toEqual(await drillDown({ year, statCategory: row.statCategory }));
      for (const row of body.byBuyerRegion)
        expect(figuresOf(row)).toEqual(await drillDown({ year, buyerRegion: row.buyerRegion }));
      for (const row of body.byStreet)
        expect(figuresOf(row)).toEqual(await drillDown({ year, street: row.street }));
      for (const row of body.bySeller)
        expect(figuresOf(row)).toEqual(await drillDown({ year, enterpriseId: row.enterpriseId }));
      const claimed = await drillDown({ year, exemption: 'claimed' });
      expect(claimed.techFen).toBe(body.totals.claimedTechFen);
      expect((await drillDown({ year, exemption: 'potential' })).techFen).toBe(
        body.totals.unclaimedEligibleTechFen,
      );
    }
    const march = await statistics(suite.staff, 'year=2021&month=3');
    expect(figuresOf(march.totals)).toEqual(await drillDown({ year: 2021, month: 3 }));
  });

  it('classes buyers in SQL exactly as the domain rule does', async () => {
    const body = await statistics(suite.staff, 'year=2021');
    for (const { buyerRegion } of body.byBuyerRegion as { buyerRegion: TechBuyerRegion }[]) {
      const response = await requestAs(
        suite.test.app,
        suite.staff,
        'GET',
        `/api/tech-transfer/contracts?year=2021&buyerRegion=${buyerRegion}&pageSize=200`,
      );
      for (const item of response.json().items as { buyerRegionCode: string }[])
        expect(techBuyerRegionOf(item.buyerRegionCode, '370811')).toBe(buyerRegion);
    }
  });

  it('lets the finance/tax observer read the figures, and refuses enterprises', async () => {
    expect((await statistics(suite.observer, 'year=2020')).totals.contracts).toBeGreaterThan(0);
    for (const url of [
      '/api/tech-transfer/statistics?year=2021',
      '/api/tech-transfer/statistics/export?year=2021',
      '/api/tech-transfer/statistics/potential?year=2021',
      '/api/tech-transfer/guidance-visits',
    ]) {
      expect((await requestAs(suite.test.app, sellerA, 'GET', url)).statusCode).toBe(403);
    }
    const potential = await requestAs(
      suite.test.app,
      suite.observer,
      'GET',
      '/api/tech-transfer/statistics/potential?year=2021',
    );
    expect(potential.statusCode).toBe(403);
  });

  it('exports the statistics to xlsx', async () => {
    const response = await requestAs(
      suite.test.app,
      suite.leader,
      'GET',
      '/api/tech-transfer/statistics/export?year=2021',
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('挖掘潜力 and the guidance team', () => {
  it('lists enterprises with R&D or patents and no contract registered in the year, with the team’s visits', async () => {
    const visit = await requestAs(suite.test.app, suite.staff, 'POST', '/api/tech-transfer/guidance-visits', {
      enterpriseId: researcher.enterpriseId,
      visitedOn: '2021-04-08',
      kind: 'visit',
      visitors: '张科员、李科员',
      advice: '委托高校开发的工艺改进项目可按技术开发合同办理认定登记，并享受免税',
    });
    expect(visit.statusCode, visit.body).toBe(201);
    const response = await requestAs(
      suite.test.app,
      suite.staff,
      'GET',
      '/api/tech-transfer/statistics/potential?year=2021&pageSize=200',
    );
    expect(response.statusCode, response.body).toBe(200);
    const ids = response.json().items.map((item: { enterpriseId: number }) => item.enterpriseId);
    // The researcher's 2020 figures stand for 2021 until it files them; sellerA registered in 2021.
    expect(ids).toContain(researcher.enterpriseId);
    expect(ids).not.toContain(sellerA.enterpriseId);
    expect(ids).not.toContain(idle.enterpriseId);
    const item = response
      .json()
      .items.find((row: { enterpriseId: number }) => row.enterpriseId === researcher.enterpriseId);
    expect(item).toMatchObject({
      figuresYear: 2020,
      rdExpenseFen: 320_000_000,
      visits: 1,
      lastVisitedOn: '2021-04-08',
    });
    const exported = await requestAs(
      suite.test.app,
      suite.leader,
      'GET',
      '/api/tech-transfer/statistics/potential/export?year=2021',
    );
    expect(exported.statusCode).toBe(200);
    // 2022 has no figures of 2021 or 2022 for the researcher: it is not listed.
    const later = await requestAs(
      suite.test.app,
      suite.staff,
      'GET',
      '/api/tech-transfer/statistics/potential?year=2023',
    );
    expect(later.json().items.map((row: { enterpriseId: number }) => row.enterpriseId)).not.toContain(
      researcher.enterpriseId,
    );
  });

  it('records visits, refuses an unknown enterprise and a stale edit', async () => {
    const created = await requestAs(
      suite.test.app,
      suite.staff,
      'POST',
      '/api/tech-transfer/guidance-visits',
      {
        enterpriseId: idle.enterpriseId,
        visitedOn: '2021-05-10',
        kind: 'call',
        visitors: '张科员',
        advice: '提醒企业签订技术服务合同后及时登记',
      },
    );
    expect(created.statusCode).toBe(201);
    const { id, version } = created.json();
    const unknown = await requestAs(
      suite.test.app,
      suite.staff,
      'POST',
      '/api/tech-transfer/guidance-visits',
      {
        enterpriseId: 999_999,
        visitedOn: '2021-05-10',
        kind: 'call',
        visitors: '张科员',
        advice: '—',
      },
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('企业');
    const input = {
      enterpriseId: idle.enterpriseId,
      visitedOn: '2021-05-11',
      kind: 'visit',
      visitors: '张科员',
      advice: '上门讲解登记流程',
    };
    const saved = await requestAs(
      suite.test.app,
      suite.staff,
      'PUT',
      `/api/tech-transfer/guidance-visits/${id}`,
      { ...input, version },
    );
    expect(saved.statusCode, saved.body).toBe(200);
    const stale = await requestAs(
      suite.test.app,
      suite.staff,
      'PUT',
      `/api/tech-transfer/guidance-visits/${id}`,
      { ...input, version },
    );
    expect(stale.statusCode).toBe(409);
    const list = await requestAs(
      suite.test.app,
      suite.leader,
      'GET',
      `/api/tech-transfer/guidance-visits?enterpriseId=${idle.enterpriseId}`,
    );
    expect(list.json().items).toMatchObject([{ visitedOn: '2021-05-11', advice: '上门讲解登记流程' }]);
  });
});
