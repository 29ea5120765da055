import { buildUscc, USCC_CHARSET } from '@kechuang/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type Harness, newPage, screenshot, startHarness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

/** A newly registered enterprise, so its 体检 starts empty whatever the demo district carries. */
let body = 'MA';
for (let i = 0; i < 7; i++) body += USCC_CHARSET[Math.floor(Math.random() * 31)];
const ENTERPRISE_USERNAME = buildUscc('370811', body);
const ENTERPRISE_PASSWORD = 'Checkup#2026';
const ENTERPRISE_NAME = `济宁体检${body.slice(-4)}智能科技有限公司`;

async function logIn(page: Page, username: string, password: string) {
  await page.goto(`${harness.server.baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** One year's figures as typed into the form: counts, and money in 万元. */
const FIGURES: Record<string, string> = {
  employees: '120',
  sciTechStaff: '30',
  revenueFen: '5000',
  costFen: '4000',
  totalAssetsFen: '8000',
  liabilitiesFen: '3000',
  netAssetsFen: '5000',
  rdExpenseFen: '100',
  rdExpenseDomesticFen: '90',
  highTechRevenueFen: '3500',
  ipClass1Count: '0',
  ipClass2Count: '2',
  ipSelfDevelopedCount: '2',
  conversionsCount: '3',
  industrialOutputFen: '6000',
};

describe('科创体检: an enterprise files its figures and staff classify it', () => {
  let enterpriseId = 0;
  let enterpriseName = '';

  it('shows an empty 体检 that leads to the figures form', async () => {
    const page = await newPage(harness);
    const registered = await page.request.post(`${harness.server.baseUrl}/api/enterprises/register`, {
      data: {
        creditCode: ENTERPRISE_USERNAME,
        name: ENTERPRISE_NAME,
        contactName: '周体检',
        contactPhone: '13955556666',
        password: ENTERPRISE_PASSWORD,
      },
    });
    expect(registered.status()).toBe(201);
    const staff = await newPage(harness);
    await logIn(staff, 'staff01', DEMO_PASSWORD);
    await staff.waitForURL((url) => url.pathname.startsWith('/bureau'));
    const created = await (
      await staff.request.get(`${harness.server.baseUrl}/api/enterprises?keyword=${ENTERPRISE_USERNAME}`)
    ).json();
    // Verified and founded in 2015, like the enterprises the bureau surveys.
    await staff.request.put(`${harness.server.baseUrl}/api/enterprises/${created.items[0].id}`, {
      data: {
        name: ENTERPRISE_NAME,
        contactName: '周体检',
        contactPhone: '13955556666',
        foundedOn: '2015-03-01',
        version: 1,
      },
    });
    await staff.request.post(
      `${harness.server.baseUrl}/api/enterprises/${created.items[0].id}/actions/verify`,
      { data: { version: 2 } },
    );
    await staff.context().close();
    await logIn(page, ENTERPRISE_USERNAME, ENTERPRISE_PASSWORD);
    await page.waitForURL((url) => url.pathname.startsWith('/enterprise'));
    const mine = await (await page.request.get(`${harness.server.baseUrl}/api/enterprises/mine`)).json();
    enterpriseId = mine.enterprise.id;
    enterpriseName = mine.enterprise.name;

    await page.getByRole('menuitem', { name: '科创体检' }).click();
    await page.getByTestId('checkup-empty').waitFor();
    await screenshot(page, 'checkup-empty');
    await page.getByTestId('checkup-fill').click();
    await page.waitForURL((url) => url.pathname === '/enterprise/figures');
    await page.getByTestId('figures-form').waitFor();
    await page.context().close();
  });

  it('watches the score change while typing, saves, and sees its 体检', async () => {
    const page = await newPage(harness);
    await logIn(page, ENTERPRISE_USERNAME, ENTERPRISE_PASSWORD);
    await page.waitForURL((url) => url.pathname.startsWith('/enterprise'));
    await page.goto(`${harness.server.baseUrl}/enterprise/figures`);
    await page.getByTestId('figures-form').waitFor();
    expect(await page.getByTestId('figures-version').textContent()).toBe('新填报');

    // A contradiction is named on the field before anything is sent.
    await page.getByTestId('figures-employees').fill('10');
    await page.getByTestId('figures-sciTechStaff').fill('30');
    await page.getByText('科技人员数不能多于职工总数').first().waitFor();

    for (const [field, value] of Object.entries(FIGURES)) {
      await page.getByTestId(`figures-${field}`).fill(value);
    }
    await page.getByTestId('figures-isAboveDesignatedSize').click();
    const score = page.getByTestId('preview-techsme-score');
    // 25% S&T staff → 16, R&D 2% of revenue → 10, two Class II IP → 12.
    await expect.poll(() => score.textContent()).toBe('38 / 60 分');
    expect(await page.getByTestId('preview-techsme-qualified').textContent()).toBe('暂不符合');
    await screenshot(page, 'figures-preview-before');

    // 300万 R&D is 6% of revenue: the R&D indicator goes to 50 while the user types.
    await page.getByTestId('figures-rdExpenseFen').fill('300');
    await expect.poll(() => score.textContent()).toBe('78 / 60 分');
    expect(await page.getByTestId('preview-techsme-qualified').textContent()).toBe('符合条件');
    await page.getByTestId('preview-rdIntensity').waitFor();
    await screenshot(page, 'figures-preview-after');

    await page.getByTestId('figures-save').click();
    await page.locator('.ant-message').getByText('保存成功').first().waitFor();
    await expect.poll(() => page.getByTestId('figures-version').textContent()).toBe('第 1 版');

    const stored = await (
      await page.request.get(`${harness.server.baseUrl}/api/enterprises/${enterpriseId}/figures`)
    ).json();
    expect(stored.items).toHaveLength(1);
    expect(stored.items[0]).toMatchObject({
      employees: 120,
      sciTechStaff: 30,
      revenueFen: 5_000_000_000,
      rdExpenseFen: 300_000_000,
      netAssetsFen: 5_000_000_000,
      isAboveDesignatedSize: true,
      version: 1,
    });

    await page.getByTestId('figures-to-checkup').click();
    await page.getByTestId('checkup').waitFor();
    expect(await page.getByTestId('checkup-techsme-score').textContent()).toBe('78 / 60 分');
    expect(await page.getByTestId('checkup-techsme-level').getAttribute('data-level')).toBe('qualified');
    await page.getByTestId('checkup-hightech-conditions').getByText('研发费用').first().waitFor();
    await page.getByTestId('checkup-history').getByText('6.0%').first().waitFor();
    await screenshot(page, 'checkup-enterprise');
    await page.context().close();
  });

  it('lets staff see it classified in 摸底调查, open its 体检 and export the list', async () => {
    const page = await newPage(harness);
    await logIn(page, 'staff01', DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname.startsWith('/bureau'));
    await page.getByTestId('side-menu').getByText('企业培育').click();
    await page.getByRole('menuitem', { name: '摸底调查' }).click();
    await page.waitForURL((url) => url.pathname === '/bureau/cultivation/survey');
    await page.getByTestId('survey-keyword').locator('input').fill(ENTERPRISE_USERNAME);
    await page.getByTestId('survey-keyword').locator('input').press('Enter');
    await page.getByTestId('survey-table').getByText(enterpriseName).waitFor();
    expect(await page.getByTestId(`survey-hightech-${enterpriseId}`).getAttribute('data-level')).toBe('far');
    await screenshot(page, 'survey-high-tech');

    await page.getByTestId('survey-target-techSme').click();
    await page.getByTestId('survey-level-qualified').click();
    await page.waitForURL((url) => url.searchParams.get('level') === 'qualified');
    await page.getByTestId('survey-table').getByText(enterpriseName).waitFor();
    expect(await page.getByTestId(`survey-techsme-${enterpriseId}`).getAttribute('data-level')).toBe(
      'qualified',
    );
    await screenshot(page, 'survey-tech-sme-qualified');

    const href = await page.getByTestId('survey-export').getAttribute('href');
    expect(href).toBe(
      `/api/cultivation/survey/export?target=techSme&level=qualified&keyword=${ENTERPRISE_USERNAME}`,
    );
    const exported = await page.request.get(`${harness.server.baseUrl}${href}`);
    expect(exported.status()).toBe(200);
    expect(exported.headers()['content-type']).toContain('spreadsheetml');
    expect((await exported.body()).subarray(0, 2).toString()).toBe('PK');

    await page.getByTestId(`survey-checkup-${enterpriseId}`).click();
    await page.waitForURL((url) => url.pathname === `/bureau/enterprises/${enterpriseId}/checkup`);
    expect(await page.getByTestId('checkup-techsme-score').textContent()).toBe('78 / 60 分');
    await page.getByTestId('checkup-fill').click();
    await expect.poll(() => page.getByTestId('figures-version').textContent()).toBe('第 1 版');
    await expect.poll(() => page.getByTestId('figures-rdExpenseFen').inputValue()).toBe('300');
    await screenshot(page, 'checkup-staff-edit');

    // Someone else corrects the year meanwhile: saving the drawer's stale version reloads the latest.
    const figuresUrl = `${harness.server.baseUrl}/api/enterprises/${enterpriseId}/figures`;
    const [latest] = (await (await page.request.get(figuresUrl)).json()).items;
    const { source: _source, version: _version, updatedAt: _updatedAt, ...figures } = latest;
    const corrected = await page.request.put(`${figuresUrl}/${figures.year}`, {
      data: { version: 1, figures: { ...figures, conversionsCount: 4 } },
    });
    expect(corrected.status()).toBe(200);
    await page.getByTestId('figures-save').click();
    await page.getByText('已载入最新数据').first().waitFor();
    await expect.poll(() => page.getByTestId('figures-version').textContent()).toBe('第 2 版');
    await expect.poll(() => page.getByTestId('figures-conversionsCount').inputValue()).toBe('4');
    await page.keyboard.press('Escape');

    await page.goto(`${harness.server.baseUrl}/bureau/enterprises/${enterpriseId}`);
    await page.getByTestId('enterprise-checkup').click();
    await page.waitForURL((url) => url.pathname === `/bureau/enterprises/${enterpriseId}/checkup`);
    await page.getByTestId('checkup-history').getByText('v2').first().waitFor();
    await page.context().close();
  });
});
