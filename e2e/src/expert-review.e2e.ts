import { chinaToday } from '@kechuang/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, logIn, newPage, screenshot, startHarness } from './harness';
import { chooseByTyping } from './ui';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

/** The demo's open round belongs to the call that closed a month before the day the demo was loaded. */
const OPEN_YEAR = chinaToday(new Date(Date.now() - 30 * 86_400_000)).slice(0, 4);
const OPEN_ROUND = `${OPEN_YEAR} 年度重点研发计划网评`;

describe('expert review in Chromium', () => {
  it('staff build a round, dry-run and apply a random draw, and release it', async () => {
    const page = await newPage(harness);
    await logIn(harness, page, 'staff01');
    await page.goto(`${harness.server.baseUrl}/bureau/reviews/rounds`);
    await page.getByText(OPEN_ROUND).first().waitFor();
    await page.getByTestId('round-new').click();
    await page.getByTestId('round-title').fill('2026 重点研发计划会评（复评）');
    await chooseByTyping(page, 'round-call', `${OPEN_YEAR} 年度任城区重点研发计划`);
    await page.locator('#reviewersPerItem').fill('3');
    await page.getByTestId('round-create').click();
    // Creating the round gathers its items and their conflict subjects; allow for a busy machine.
    await page.waitForURL((url) => /\/bureau\/reviews\/rounds\/\d+$/.test(url.pathname), { timeout: 60_000 });
    await expect.poll(() => page.getByTestId('round-status').textContent()).toBe('组织中');

    await page.getByTestId('job-start').click();
    await page.getByTestId('job-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('job-result').textContent()).toContain('随机抽取（种子');
    await screenshot(page, 'review-dry-run');
    await page.getByTestId('job-apply').click();
    await page.locator('.ant-message').getByText('已分配 72 人次').first().waitFor();
    await page.getByTestId('round-release').click();
    await expect.poll(() => page.getByTestId('round-status').textContent()).toBe('评审中');
    await expect.poll(() => page.getByTestId('round-progress').textContent()).toContain('已提交 0/72');
    await page.getByTestId('round-remind').click();
    await page
      .locator('.ant-message')
      .getByText(/已提醒 \d+ 位专家/)
      .first()
      .waitFor();
    await screenshot(page, 'review-released');
    await page.context().close();
  });

  it('expert01 accepts an invitation declaring no conflict, scores and submits', async () => {
    const page = await newPage(harness);
    await logIn(harness, page, 'expert01');
    await page.waitForURL((url) => url.pathname === '/expert');
    await page.getByTestId('assignment-open-invited').first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/expert/assignments/'));
    await expect.poll(() => page.getByTestId('assignment-status').textContent()).toBe('待接受');
    await page.getByTestId('declare-none').click();
    await page.getByTestId('invitation-accept').click();
    await expect.poll(() => page.getByTestId('assignment-status').textContent()).toBe('评分中');
    for (const [criterion, score] of [
      ['innovation', '27'],
      ['approach', '18'],
      ['capacity', '17'],
      ['benefit', '18'],
      ['budget', '9'],
    ])
      await page.locator(`#scores_${criterion}`).fill(score);
    await page.getByText('同意立项').click();
    await page.getByTestId('sheet-comment').fill('创新性突出，技术路线可行，建议支持。');
    await expect
      .poll(() => page.getByTestId('sheet-saved').textContent(), { timeout: 10_000 })
      .toContain('已自动保存');
    await expect.poll(() => page.getByTestId('sheet-total').textContent()).toContain('89');
    await page.getByTestId('sheet-submit').click();
    await expect.poll(() => page.getByTestId('assignment-status').textContent()).toBe('已提交');
    await expect.poll(() => page.getByTestId('sheet-saved').textContent()).toContain('评分已提交');
    await screenshot(page, 'review-expert-submitted');
    await page.context().close();
  });

  it('staff see the ranking and export the score sheet', async () => {
    const page = await newPage(harness);
    await logIn(harness, page, 'staff01');
    await page.goto(`${harness.server.baseUrl}/bureau/reviews/rounds`);
    await page.getByRole('link', { name: OPEN_ROUND }).click();
    await page.getByRole('tab', { name: '评分与排名' }).click();
    const table = page.getByTestId('results-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await table.locator('tbody tr.ant-table-row').first().locator('td').first().textContent()).toMatch(
      /^1/,
    );
    await screenshot(page, 'review-ranking');
    const href = await page.getByTestId('results-xlsx').getAttribute('href');
    const exported = await page.request.get(`${harness.server.baseUrl}${href}`);
    expect(exported.status()).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exported.body()) as unknown as ArrayBuffer);
    const header: string[] = [];
    workbook.worksheets[0].getRow(1).eachCell((cell) => header.push(String(cell.value)));
    expect(header.slice(0, 4)).toEqual(['排名', '项目名称', '评分份数', '去掉最高最低后平均分']);
    expect(workbook.worksheets[0].rowCount).toBe(25);
    await page.context().close();
  });
});
