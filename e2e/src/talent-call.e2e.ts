import { PGlite } from '@electric-sql/pglite';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type Harness, logIn, newPage, screenshot, startHarness } from './harness';
import { choose, chooseByTyping, pickDate } from './ui';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

const url = (pathname: string) => `${harness.server.baseUrl}${pathname}`;

async function as(username: string): Promise<Page> {
  const page = await newPage(harness);
  await logIn(harness, page, username);
  return page;
}

async function getJson<T>(page: Page, pathname: string): Promise<T> {
  const response = await page.request.get(url(pathname));
  expect(response.status(), pathname).toBe(200);
  return (await response.json()) as T;
}

async function postJson<T>(page: Page, pathname: string, data: unknown): Promise<T> {
  const response = await page.request.post(url(pathname), { data });
  expect(response.status(), `${pathname}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

/** A calendar day in China, `days` from now. */
function chinaDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + days * 86400_000),
  );
}

/** Test-only shortcut, as in the plan journey: the 公示's working days are moved into the past with the server stopped. */
async function endPublicityInDatabase(dataDir: string, noticeId: number): Promise<void> {
  const db = await PGlite.create(dataDir);
  try {
    const result = await db.query('update publicity_notices set start_on = $1, end_on = $2 where id = $3', [
      chinaDay(-12),
      chinaDay(-2),
      noticeId,
    ]);
    expect(result.affectedRows).toBe(1);
  } finally {
    await db.close();
  }
}

const YEAR = new Date().getFullYear();
const TITLE = '区级领军人才项目（平台+项目+人才）申报';
const DEMO_EXPERTS = ['赵振华', '孙立新'];

interface Bundle {
  talentId: number;
  platformId: number;
  projectId: number;
}
type Option = { id: number; name?: string; title?: string; projectNo?: string };

describe('区级领军人才项目 in Chromium', () => {
  it('an enterprise applies with a person, a platform and a project from the registries; review and approval; the talent page shows the links', async () => {
    // Staff open a district leading-talent call (the category carries the programme).
    let staff = await as('staff01');
    const categories = await getJson<{ items: { id: number; talentProgrammeCode: string | null }[] }>(
      staff,
      '/api/plan/categories',
    );
    const category = categories.items.find((entry) => entry.talentProgrammeCode === 'district-leading')!;
    expect(category).toBeDefined();
    const callTitle = `${YEAR} 年度区级领军人才项目（第二批）申报通知`;
    const call = await postJson<{ id: number }>(staff, '/api/plan/calls', {
      categoryId: category.id,
      year: YEAR,
      title: callTitle,
      guideline: '以“平台+项目+人才”方式申报，入选者给予 50 万元资助。',
      opensAt: new Date(Date.now() - 3600_000).toISOString(),
      closesAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
      rules: { maxRequestFen: 50_000_000 },
      checklist: ['申报单位资格', '人才与平台、项目匹配', '附件齐全'],
    });
    await staff.goto(url('/bureau/plan-calls'));
    const callRow = staff.locator('tr', { has: staff.getByTestId(`call-status-${call.id}`) });
    await callRow.getByTestId('action-publish').click();
    await staff.getByTestId('confirm-publish').click();
    await expect.poll(() => staff.getByTestId(`call-status-${call.id}`).textContent()).toBe('已发布');

    // An enterprise of the demo with a person on the ledger, a platform it hosts and a plan project:
    // one that applied to the demo's earlier leading-talent round.
    const calls = await getJson<{ items: { id: number }[] }>(
      staff,
      `/api/plan/calls?categoryId=${category.id}&pageSize=100`,
    );
    const demoCall = calls.items.find((entry) => entry.id !== call.id)!;
    const earlier = await getJson<{ items: { id: number; enterpriseId: number }[] }>(
      staff,
      `/api/plan/applications?callId=${demoCall.id}&status=submitted&pageSize=100`,
    );
    expect(earlier.items.length).toBeGreaterThan(0);
    let enterpriseId = 0;
    let bundle: Bundle | null = null;
    for (const entry of earlier.items) {
      const detail = await getJson<{ content: { talentBundle?: Bundle | null } }>(
        staff,
        `/api/plan/applications/${entry.id}`,
      );
      if (detail.content.talentBundle?.talentId) {
        enterpriseId = entry.enterpriseId;
        bundle = detail.content.talentBundle;
        break;
      }
    }
    expect(bundle).not.toBeNull();
    const enterprise = await getJson<{ creditCode?: string; enterprise?: { creditCode: string } }>(
      staff,
      `/api/enterprises/${enterpriseId}`,
    );
    const creditCode = enterprise.enterprise?.creditCode ?? enterprise.creditCode!;

    // The enterprise fills the 申报书, choosing the person, the platform and the project from its registries.
    const company = await as(creditCode);
    const own = async (pathname: string, id: number) =>
      (await getJson<{ items: Option[] }>(company, `${pathname}?pageSize=200`)).items.find(
        (item) => item.id === id,
      )!;
    const person = await own('/api/talent', bundle!.talentId);
    const platform = await own('/api/platforms', bundle!.platformId);
    const project = await own('/api/plan-projects', bundle!.projectId);
    await company.goto(url('/enterprise/plan-calls'));
    await company.getByTestId(`apply-${call.id}`).click();
    await company.waitForURL((address) => address.pathname.startsWith('/enterprise/plan-applications/'));
    const applicationId = Number(company.url().split('/').pop());
    await company.getByTestId('basics-title').fill(TITLE);
    await company
      .getByTestId('basics-summary')
      .fill('依托本单位科创平台，由领衔专家牵头实施在研项目，攻克关键技术并培养创新团队。');
    await pickDate(company, 'basics-start', `${YEAR + 1}-01-01`);
    await pickDate(company, 'basics-end', `${YEAR + 3}-12-31`);
    await company.getByRole('tab', { name: '平台+项目+人才' }).click();
    await chooseByTyping(company, 'bundle-talent', person.name!);
    await chooseByTyping(company, 'bundle-platform', platform.name!);
    await chooseByTyping(company, 'bundle-project', project.projectNo ?? project.title!);
    await company.getByTestId('bundle-role').fill('领衔专家');
    await company.getByRole('tab', { name: '项目团队' }).click();
    await company.getByTestId('team-add').click();
    await company.getByTestId('team-0-name').fill(person.name!);
    await choose(company, 'team-0-role', '项目负责人');
    await company.getByTestId('team-0-idNumber').fill('37081119780315001X');
    await company.getByTestId('team-0-workload').fill('10');
    await company.getByRole('tab', { name: '经费预算' }).click();
    await company.getByTestId('budget-add').click();
    await company.getByTestId('budget-0-fiscalWan').fill('50');
    await company.getByTestId('budget-0-selfRaisedWan').fill('50');
    await company.getByTestId('budget-fill-totals').click();
    await company.getByRole('tab', { name: '进度安排' }).click();
    await company.getByTestId('milestones-add').click();
    await company.getByTestId('milestones-0-dueOn').fill(`${YEAR + 2}-12-31`);
    await company.getByTestId('milestones-0-description').fill('完成中期目标并通过年度考核');
    await company.getByRole('tab', { name: '考核指标' }).click();
    await company.getByTestId('targets-add').click();
    await company.getByTestId('targets-0-name').fill('引进培养团队成员');
    await company.getByTestId('targets-0-value').fill('5 人');
    await expect
      .poll(() => company.getByTestId('save-state').textContent(), { timeout: 10_000 })
      .toBe('已自动保存');
    const check = await getJson<{ errors: unknown[] }>(
      company,
      `/api/plan/applications/${applicationId}/check`,
    );
    expect(check.errors, JSON.stringify(check.errors)).toEqual([]);
    await company.getByTestId('application-submit').click();
    await company.getByTestId('receipt').waitFor();
    await screenshot(company, 'talent-call-01-receipt');
    const saved = await getJson<{ content: { talentBundle: Bundle } }>(
      company,
      `/api/plan/applications/${applicationId}`,
    );
    expect(saved.content.talentBundle).toMatchObject(bundle!);
    await company.context().close();

    // Formal check passed, sent to review.
    await staff.goto(url(`/bureau/plan-calls/${call.id}/applications`));
    await staff.getByTestId(`application-row-${applicationId}`).click();
    await staff.getByTestId('formal-checklist').waitFor();
    await staff.getByTestId('action-passCheck').click();
    await staff.getByTestId('application-status-checked').first().waitFor();
    await staff.getByTestId('action-startReview').click();
    await staff.getByTestId('application-status-underReview').first().waitFor();

    // Expert review: a round for the call; the demo experts with a login score through the expert API.
    await staff.goto(url('/bureau/reviews/rounds'));
    await staff.getByTestId('round-new').click();
    await staff.getByTestId('round-title').fill(`${YEAR} 区级领军人才项目评审`);
    await chooseByTyping(staff, 'round-call', callTitle);
    await staff.locator('#reviewersPerItem').fill('2');
    await staff.getByTestId('round-create').click();
    await staff.waitForURL((address) => /\/bureau\/reviews\/rounds\/\d+$/.test(address.pathname));
    const roundId = Number(staff.url().split('/').pop());
    await expect.poll(() => staff.getByTestId('round-status').textContent()).toBe('组织中');
    type RoundDetail = {
      items: { id: number; subjectId: number; assignments: { id: number; expertId: number }[] }[];
    };
    let round = await getJson<RoundDetail>(staff, `/api/reviews/rounds/${roundId}`);
    const item = round.items.find((entry) => entry.subjectId === applicationId)!;
    const expertIds: number[] = [];
    for (const name of DEMO_EXPERTS) {
      const found = await getJson<{ items: { id: number; name: string }[] }>(
        staff,
        `/api/reviews/experts?keyword=${encodeURIComponent(name)}`,
      );
      expertIds.push(found.items.find((entry) => entry.name === name)!.id);
    }
    for (const expertId of expertIds)
      await postJson(staff, `/api/reviews/rounds/${roundId}/assignments`, { itemId: item.id, expertId });
    await staff.reload();
    await staff.getByTestId('round-release').click();
    await expect.poll(() => staff.getByTestId('round-status').textContent()).toBe('评审中');
    round = await getJson<RoundDetail>(staff, `/api/reviews/rounds/${roundId}`);
    const assignments = round.items.find((entry) => entry.subjectId === applicationId)!.assignments;
    for (const [index, username] of ['expert01', 'expert02'].entries()) {
      const expert = await newPage(harness);
      await postJson(expert, '/api/auth/login', { username, password: DEMO_PASSWORD });
      const assignment = assignments.find((entry) => entry.expertId === expertIds[index])!;
      await postJson(expert, `/api/expert/assignments/${assignment.id}/respond`, {
        accept: true,
        conflict: null,
      });
      await postJson(expert, `/api/expert/assignments/${assignment.id}/submit`, {
        scores: { innovation: 26, approach: 17, capacity: 17, benefit: 17, budget: 8 },
        vote: 'pass',
        comment: '人才与平台、项目匹配度高，同意支持。',
      });
      await expert.context().close();
    }
    await staff.reload();
    await expect.poll(() => staff.getByTestId('round-progress').textContent()).toContain('已提交 2/2');
    await staff.getByTestId('round-finish').click();
    await expect.poll(() => staff.getByTestId('round-status').textContent()).toBe('已完成');

    // 立项: staff propose it, the leader approves, staff start the 公示.
    await staff.goto(url(`/bureau/projects/approval?call=${call.id}`));
    const row = staff.locator('tr.ant-table-row', { hasText: TITLE });
    await row.waitFor();
    await staff.getByTestId(`amount-${applicationId}`).fill('50');
    await row.locator('.ant-checkbox-input').check();
    await staff.getByTestId('bulk-propose').click();
    await row.getByTestId('state-proposed').waitFor();

    const leader = await as('leader');
    await leader.goto(url(`/bureau/projects/approval?call=${call.id}`));
    const leaderRow = leader.locator('tr.ant-table-row', { hasText: TITLE });
    await leaderRow.getByTestId('state-proposed').waitFor();
    await leaderRow.locator('.ant-checkbox-input').check();
    await leader.getByTestId('bulk-approve').click();
    await leaderRow.getByTestId('state-approved').waitFor();
    await screenshot(leader, 'talent-call-02-approved');
    await leader.context().close();

    await staff.reload();
    const approvedRow = staff.locator('tr.ant-table-row', { hasText: TITLE });
    await approvedRow.getByTestId('state-approved').waitFor();
    await approvedRow.locator('.ant-checkbox-input').check();
    await staff.getByTestId('bulk-publicity').click();
    await staff.waitForURL((address) => address.pathname === '/bureau/projects/publicity');
    await staff.getByTestId('notice-items').getByText(TITLE).waitFor();
    const notices = await getJson<{ items: { id: number; isCurrent: boolean }[] }>(
      staff,
      '/api/publicity-notices',
    );
    const noticeId = Math.max(
      ...notices.items.filter((notice) => notice.isCurrent).map((notice) => notice.id),
    );
    await staff.context().close();

    // The 公示 ends; staff establish it: the person is 入选 the programme, on the platform and the project.
    await harness.restartServer((dataDir) => endPublicityInDatabase(dataDir, noticeId));
    staff = await as('staff01');
    await staff.goto(url('/bureau/projects/publicity'));
    await staff.getByTestId(`open-notice-${noticeId}`).click();
    await staff.getByTestId('notice-establish').click();
    await staff.getByTestId('confirm-establish').click();
    await staff.getByTestId('notice-items').getByTestId('state-established').first().waitFor();

    await staff.goto(url('/bureau/talent'));
    await staff.getByTestId('talent-table').locator('tr.ant-table-row').first().waitFor();
    await staff.getByTestId('talent-keyword').fill(person.name!);
    await staff.getByTestId('talent-keyword').press('Enter');
    await staff
      .getByTestId('talent-table')
      .locator('tr.ant-table-row')
      .getByRole('button', { name: person.name!, exact: true })
      .first()
      .click();
    const drawer = staff.getByTestId('talent-drawer');
    const programmes = drawer.getByTestId('talent-programmes');
    const selected = programmes.locator('tr', { hasText: '区级领军人才' }).filter({ hasText: String(YEAR) });
    await selected.filter({ hasText: '入选' }).first().waitFor({ timeout: 20_000 });
    expect(await selected.first().textContent()).toContain(platform.name!);
    const links = drawer.getByTestId('talent-links');
    await links
      .locator('tr', { hasText: platform.name! })
      .filter({ hasText: project.title! })
      .first()
      .waitFor();
    await screenshot(staff, 'talent-call-03-talent-links');
    await staff.context().close();
  });
});
