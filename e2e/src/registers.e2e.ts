import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, logIn, newPage, screenshot, startHarness } from './harness';
import { choose, chooseByTyping } from './ui';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

async function readXlsxHeader(body: Buffer): Promise<string[]> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const header: string[] = [];
  sheet.getRow(1).eachCell((cell) => header.push(String(cell.value)));
  return header;
}

const ENTERPRISE = '山东恒泰光电科技有限公司';

describe('tier registers in Chromium', () => {
  it('staff register a 科技型中小企业, with a wrong number refused on the field in Chinese', async () => {
    const page = await newPage(harness);
    await logIn(harness, page, 'staff01');
    await page.goto(`${harness.server.baseUrl}/bureau/cultivation/tech-sme`);
    await page.getByTestId('tech-sme-table').locator('tbody tr.ant-table-row').first().waitFor();
    await expect.poll(() => page.getByTestId('tech-sme-tab-2020').textContent()).toContain('68');
    await expect.poll(() => page.getByTestId('tech-sme-tab-2021').textContent()).toContain('92');

    // The form's year defaults to the current one; the number must start with it.
    const year = new Date().getFullYear();
    await page.getByTestId('tech-sme-add').click();
    await page.getByTestId('tech-sme-enterprise').click();
    await page.keyboard.type(ENTERPRISE);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: ENTERPRISE })
      .first()
      .click();
    await page.getByTestId('tech-sme-number').fill(`${year}370811A000123`);
    await page.getByTestId('tech-sme-date').click();
    await page.getByTestId('tech-sme-date').fill(`${year}-03-15`);
    await page.getByTestId('tech-sme-date').press('Enter');
    await page.getByTestId('tech-sme-save').click();
    const fieldError = page.locator('.ant-form-item-explain-error', { hasText: '入库登记编号' });
    await fieldError.first().waitFor();
    expect(await fieldError.first().textContent()).toMatch(/入库登记编号.*格式/);
    await screenshot(page, 'tech-sme-wrong-number');

    // A number of another year is refused too, naming both years.
    await page.getByTestId('tech-sme-number').fill(`2019370811A0001234`);
    await page.getByTestId('tech-sme-save').click();
    await page
      .locator('.ant-form-item-explain-error', { hasText: `入库年度（${year}）` })
      .first()
      .waitFor();

    const number = `${year}370811A0001234`;
    await page.getByTestId('tech-sme-number').fill(number.toLowerCase());
    await page.getByTestId('tech-sme-save').click();
    await page.locator('.ant-message').getByText('保存成功').first().waitFor();

    await page.getByTestId('tech-sme-keyword').fill(ENTERPRISE);
    await page.getByTestId('tech-sme-query-search').click();
    await page.getByTestId('tech-sme-table').getByText(number).waitFor();
    await screenshot(page, 'tech-sme-registered');

    await page.context().close();
  });

  it('staff see the demo certificates with validity tags and export them', async () => {
    const page = await newPage(harness);
    await logIn(harness, page, 'staff01');
    await page.goto(`${harness.server.baseUrl}/bureau/cultivation/certificates`);
    const rows = page.getByTestId('certificate-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(20);
    expect(await page.getByTestId('certificate-table').locator('[data-testid^="validity-"]').count()).toBe(
      20,
    );
    const firstNumber = await rows.first().locator('td').nth(2).textContent();
    expect(firstNumber).toMatch(/^G[RF]\d{12}$/);
    await expect.poll(() => page.getByTestId('certificate-tab-all').textContent()).toMatch(/\d+/);
    await screenshot(page, 'certificates-list');

    await page.getByTestId('certificate-tab-expired').click();
    await page.waitForURL((url) => url.searchParams.get('validity') === 'expired');
    // The previous page stays on screen while the filtered one loads: wait until every row is expired.
    const table = page.getByTestId('certificate-table');
    await expect
      .poll(
        async () =>
          (await rows.count()) > 0 &&
          (await table
            .locator('[data-testid^="validity-"]:not([data-testid="validity-expired"])')
            .count()) === 0,
      )
      .toBe(true);
    expect(await table.locator('[data-testid="validity-expired"]').count()).toBe(await rows.count());

    const exportButton = page.getByTestId('certificate-export');
    await expect.poll(() => exportButton.getAttribute('href')).toContain('validity=expired');
    const href = await exportButton.getAttribute('href');
    const response = await page.request.get(`${harness.server.baseUrl}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('spreadsheetml');
    const header = await readXlsxHeader(await response.body());
    expect(header).toEqual(['统一社会信用代码', '企业名称', '证书编号', '发证日期', '到期日', '状态']);

    // A certificate number of the wrong shape is shown on its field.
    await page.getByTestId('certificate-add').click();
    await page.getByTestId('certificate-number').fill('GR2020370001');
    await page.getByTestId('certificate-save').click();
    await page.locator('.ant-form-item-explain-error', { hasText: '高新技术企业证书编号' }).first().waitFor();
    await screenshot(page, 'certificate-wrong-number');
    await page.context().close();
  });

  it('staff propose an enterprise to the 高企培育库, read its pre-check and admit it with an opinion', async () => {
    const page = await newPage(harness);
    await logIn(harness, page, 'staff01');
    // This year's pool (the demo's pools are of 2020 and 2021).
    await page.goto(`${harness.server.baseUrl}/bureau/cultivation/pool?year=${new Date().getFullYear()}`);
    await page.getByTestId('pool-propose').click();
    await page.getByTestId('pool-enterprise').click();
    await page.keyboard.type(ENTERPRISE);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: ENTERPRISE })
      .first()
      .click();
    await page.getByTestId('pool-reason').fill('研发投入持续增长，知识产权储备较好');
    await page.getByTestId('pool-propose-submit').click();
    const drawer = page.getByTestId('pool-drawer');
    await drawer.getByText('研发投入持续增长，知识产权储备较好', { exact: true }).waitFor();
    await drawer.locator('[data-testid="pool-precheck"], .ant-alert').first().waitFor();
    await screenshot(page, 'pool-precheck');
    await page.getByTestId('action-admit').click();
    await page.getByTestId('comment-input').fill('经预检和走访，同意纳入培育库');
    await page.getByTestId('comment-submit').click();
    await drawer.getByTestId('pool-status-admitted').waitFor();
    await drawer.getByTestId('history-timeline').getByText('经预检和走访，同意纳入培育库').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('pool-tab-admitted').textContent()).toContain('1');
    await page.context().close();
  });

  it('staff add a local tier label and assign it to an enterprise for a year', async () => {
    const page = await newPage(harness);
    await logIn(harness, page, 'staff01');
    await page.goto(`${harness.server.baseUrl}/bureau/cultivation/tiers`);
    await page.getByTestId('tier-label-add').click();
    await page.getByTestId('tier-label-name').fill('测试瞪羚');
    await page.getByTestId('tier-label-code').fill('test-gazelle');
    await page.getByTestId('tier-label-save').click();
    await page.getByTestId('tier-label-table').getByText('测试瞪羚').waitFor();
    await page.getByTestId('tier-assign').click();
    await chooseByTyping(page, 'tier-enterprise', ENTERPRISE);
    await choose(page, 'tier-label-select', '测试瞪羚');
    await page.getByTestId('tier-assign-save').click();
    await page.getByTestId('tier-table').getByText(ENTERPRISE).waitFor();
    await screenshot(page, 'tiers');
    await page.context().close();
  });

  it('the finance/tax observer sees only its lists, exports them, and nothing else', async () => {
    const page = await newPage(harness);
    await logIn(harness, page, 'observer');
    const menu = page.getByTestId('side-menu');
    await menu.locator('.ant-menu-item').first().waitFor();
    expect(await menu.locator('.ant-menu-item').allTextContents()).toEqual([
      '工作台',
      '科技创新驾驶舱',
      '高新技术企业名单',
      '研发费用',
      '技术合同免税',
      '消息中心',
    ]);

    await menu.getByText('高新技术企业名单').click();
    await page.waitForURL((url) => url.pathname === '/bureau/observer/high-tech');
    const highTech = page.getByTestId('observer-high-tech-table').locator('tbody tr.ant-table-row');
    await highTech.first().waitFor();
    expect(await highTech.first().locator('td').nth(2).textContent()).toMatch(/^G[RF]\d{12}$/);
    expect(
      await page.getByTestId('observer-high-tech-table').locator('[data-testid^="validity-"]').count(),
    ).toBe(await highTech.count());
    await screenshot(page, 'observer-high-tech');
    const highTechExport = await page.request.get(
      `${harness.server.baseUrl}${await page.getByTestId('observer-high-tech-export').getAttribute('href')}`,
    );
    expect(highTechExport.status()).toBe(200);
    expect(await readXlsxHeader(await highTechExport.body())).toContain('证书编号');

    await menu.getByText('研发费用').click();
    await page.waitForURL((url) => url.pathname === '/bureau/observer/rd-expenses');
    const rd = page.getByTestId('observer-rd-table').locator('tbody tr.ant-table-row');
    await rd.first().waitFor();
    expect(await rd.first().locator('td').nth(3).textContent()).toMatch(/^[\d,]+\.\d{2}$/);
    await screenshot(page, 'observer-rd-expenses');
    const rdExport = await page.request.get(
      `${harness.server.baseUrl}${await page.getByTestId('observer-rd-export').getAttribute('href')}`,
    );
    expect(rdExport.status()).toBe(200);

    const enterprises = await page.request.get(`${harness.server.baseUrl}/api/enterprises`);
    expect(enterprises.status()).toBe(403);
    await page.goto(`${harness.server.baseUrl}/bureau/cultivation/certificates`);
    await page.getByText('没有权限访问此页面').waitFor();
    await page.context().close();
  });
});
