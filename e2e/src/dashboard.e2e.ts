import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocxText } from './docx';
import { type Harness, logIn, newPage, screenshot, startHarness } from './harness';
import { chooseByTyping } from './ui';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

async function readAmounts(file: string): Promise<{ rows: number; totalWan: number }> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const header: string[] = [];
  sheet.getRow(1).eachCell((cell) => header.push(String(cell.value)));
  const amountColumn = header.indexOf('金额（万元）') + 1;
  let rows = 0;
  let totalFen = 0;
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    rows += 1;
    totalFen += Math.round(Number(row.getCell(amountColumn).value) * 1_000_000);
  });
  return { rows, totalWan: totalFen / 1_000_000 };
}

describe('the leader’s dashboard in Chromium', () => {
  it('lands the leader on the dashboard, shows the seed’s 2020 figures and opens one down to its records', async () => {
    const page = await newPage(harness);
    await logIn(harness, page, 'leader');
    await page.waitForURL((url) => url.pathname === '/bureau/dashboard');
    await chooseByTyping(page, 'dashboard-year', '2020');
    await page.waitForURL((url) => url.searchParams.get('year') === '2020');
    const tile = (key: string) => page.getByTestId(`figure-${key}`).getByTestId('figure-value');
    await expect.poll(() => tile('cultivation.hte-valid').textContent()).toBe('64');
    expect(await tile('cultivation.tech-sme-registered').textContent()).toBe('68');
    expect(await tile('stats.rd-intensity').textContent()).toBe('1.19');
    expect(await tile('projects.funds-in-place').textContent()).toBe('5263');
    expect(await tile('projects.risk-loans').textContent()).toBe('1.39');
    await screenshot(page, 'dashboard-2020');

    // 5263万元: its records, their total, and the export that sums to it.
    await page.getByTestId('figure-projects.funds-in-place').click();
    await expect.poll(() => page.getByTestId('figure-records-total').textContent()).toMatch(/合计 5263万元/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('figure-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const exported = await readAmounts(await download.path());
    expect(exported.totalWan).toBe(5263);
    const total = Number(
      (await page.getByTestId('figure-records-total').textContent())?.match(/共 (\d+) 条/)?.[1],
    );
    expect(exported.rows).toBe(total);

    // A segment of the breakdown opens the records of that street only.
    await page.getByRole('tab', { name: '分布' }).click();
    const chart = page.getByTestId('figure-breakdown-chart');
    await chart.locator('canvas').first().waitFor();
    const box = await chart.boundingBox();
    if (!box) throw new Error('no chart');
    // The largest street is drawn as the top bar.
    await page.mouse.click(box.x + 140, box.y + 16);
    await page.getByTestId('figure-filter').waitFor();
    await expect
      .poll(() => page.getByTestId('figure-records-total').textContent())
      .not.toMatch(/合计 5263万元/);
    await screenshot(page, 'dashboard-drawer');

    // A ratio opens into its parts.
    await page.keyboard.press('Escape');
    await page.getByTestId('figure-stats.rd-intensity').click();
    await page.getByRole('button', { name: /地区生产总值 672\.8亿元/ }).click();
    await expect.poll(() => page.getByTestId('figure-drawer-title').textContent()).toBe('地区生产总值');
    await page.context().close();
  });

  it('lets staff generate the 2020 report, read it in the preview and download it with every figure in place', async () => {
    const page = await newPage(harness);
    await logIn(harness, page, 'staff01');
    await page.goto(`${harness.server.baseUrl}/bureau/reports/annual?year=2020&tab=preview`);
    const preview = page.getByTestId('report-preview');
    await expect.poll(() => preview.textContent(), { timeout: 20_000 }).toContain('全区国家高企达到64家');
    const text = (await preview.textContent()) ?? '';
    for (const figure of [
      '68家中小企业',
      '研发投入强度为1.19%',
      '到位资金5263万元',
      '成交额为13.23亿元',
      '免税技术交易额1700万元',
    ])
      expect(text).toContain(figure);
    await screenshot(page, 'annual-report-preview');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/2020.*\.docx$/);
    const document = await readDocxText(fs.readFileSync(await download.path()));
    expect(document.split('\n')[0]).toBe('2020年度任城区科技创新工作报告');
    for (const figure of [
      '全区国家高企达到64家',
      '补偿资金1.39亿元',
      '成交额为13.23亿元',
      '3857万元',
      '附：报告数据来源',
    ])
      expect(document).toContain(figure);
    expect(document).not.toContain('{{');
    await page.context().close();
  });

  it('lets staff open the 2020 技术合同 statistics and drill down from a total to the contracts it sums', async () => {
    const page = await newPage(harness);
    await logIn(harness, page, 'staff01');
    await page.goto(`${harness.server.baseUrl}/bureau/tech-transfer/statistics?year=2020`);
    const total = page.getByTestId('tech-statistics-total-contract');
    await expect.poll(() => total.textContent()).toBe('132,300.00');
    const development = page.getByTestId('tech-statistics-category-development-contract');
    const developmentWan = (await development.textContent()) ?? '';
    await screenshot(page, 'tech-statistics-2020');
    await development.click();
    await page.waitForURL(
      (url) =>
        url.pathname === '/bureau/tech-contracts' && url.searchParams.get('statCategory') === 'development',
    );
    // The desk lists the registered development contracts of 2020, and their sum is the figure clicked.
    await expect
      .poll(async () => (await page.getByTestId('contract-totals').textContent())?.replaceAll(',', ''))
      .toContain(`${developmentWan.replaceAll(',', '')}`);
    await screenshot(page, 'tech-statistics-drill-down');
    await page.context().close();
  });
});
