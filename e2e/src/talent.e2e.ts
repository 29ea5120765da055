import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, logIn, newPage, screenshot, startHarness } from './harness';
import { choose, chooseByTyping, pickDate, waitDone } from './ui';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

const EMPLOYER = '山东恒泰光电科技有限公司';

describe('the talent ledger in Chromium', () => {
  const name = `Hans Becker ${Date.now() % 100_000}`;
  const passport = `C${String(Date.now()).slice(-8)}`;

  it('staff add a foreign talent, see the class with its points, reveal the passport, record help and a programme outcome', async () => {
    const page = await newPage(harness);
    await logIn(harness, page, 'staff01');
    await page.getByTestId('side-menu').getByText('人才工作').click();
    await page.getByTestId('side-menu').getByText('人才台账').click();
    await page.waitForURL((address) => address.pathname === '/bureau/talent');
    await page.getByTestId('talent-table').locator('tr.ant-table-row').first().waitFor();

    await page.getByTestId('talent-add').click();
    await page.getByTestId('talent-form').waitFor();
    await page.getByTestId('talent-name').fill(name);
    await choose(page, 'talent-gender', '男');
    await page.getByTestId('talent-birth-year').fill('1980');
    await choose(page, 'talent-origin', '外籍人才');
    await page.getByTestId('talent-nationality').fill('德国');
    await choose(page, 'talent-id-type', '护照');
    await page.getByTestId('talent-id-number').fill(passport);
    await choose(page, 'talent-degree', '博士');
    await page.getByTestId('talent-field').fill('高端装备');
    await chooseByTyping(page, 'talent-employer', EMPLOYER.slice(0, 6));
    await pickDate(page, 'talent-arrival-date', '2020-09-01');
    await chooseByTyping(page, 'talent-channel', '海外人才联络站');
    await page.getByTestId('talent-salary').fill('30');
    await page.getByTestId('talent-years').fill('8');
    await page.getByTestId('talent-save').click();

    const drawer = page.getByTestId('talent-drawer');
    await expect
      .poll(() => drawer.getByTestId('talent-permit-class').textContent(), { timeout: 20_000 })
      .toBe('B 类（外国专业人才）');
    expect(await drawer.getByTestId('talent-permit-points').textContent()).toContain('积分合计 75 分');
    await drawer.getByTestId('talent-permit-items').getByText('工作年限').waitFor();
    await drawer.getByText('即可直接认定 A 类').waitFor();
    expect(await drawer.getByTestId('talent-id-masked').textContent()).not.toContain(passport);
    await screenshot(page, 'talent-foreign-class');

    await drawer.getByTestId('talent-reveal').click();
    await expect
      .poll(() => drawer.getByTestId('talent-revealed').textContent(), { timeout: 20_000 })
      .toContain(passport);

    await drawer.getByTestId('talent-add-help').click();
    await choose(page, 'talent-help-kind', '证照办理');
    await pickDate(page, 'talent-help-date', '2020-09-10');
    await page.getByTestId('talent-help-by').fill('区科技局 张科员');
    await page.getByTestId('talent-help-outcome').fill('已协助办理外国人工作许可');
    await page.getByTestId('talent-add-help-save').click();
    await drawer.getByTestId('talent-help-records').getByText('已协助办理外国人工作许可').waitFor();

    await drawer.getByTestId('talent-nominate').click();
    await chooseByTyping(page, 'talent-programme', '区级领军人才');
    await page.getByTestId('talent-programme-year').fill('2020');
    await pickDate(page, 'talent-programme-date', '2020-10-08');
    await page.getByTestId('talent-nominate-platform').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.getByTestId('talent-nominate-save').click();
    const programmes = drawer.getByTestId('talent-programmes');
    await programmes.getByText('已推荐').waitFor();
    await programmes.getByTestId('action-select').click();
    await page.getByTestId('confirm-select').click();
    await waitDone(page);
    await expect.poll(() => programmes.getByText('入选').first().isVisible(), { timeout: 20_000 }).toBe(true);
    await screenshot(page, 'talent-drawer-records');
    await page.context().close();
  });

  it('shows an enterprise its own talents only, masked', async () => {
    const page = await newPage(harness);
    await logIn(harness, page, '91370811MAF0NDKGCM');
    await page.goto(`${harness.server.baseUrl}/enterprise/talent`);
    const table = page.getByTestId('my-talent-table');
    await table.getByText(name).waitFor({ timeout: 20_000 });
    const rows = await table.locator('tr.ant-table-row').allTextContents();
    for (const row of rows) expect(row).toContain(EMPLOYER);
    expect(rows.join('\n')).not.toContain(passport);
    await screenshot(page, 'talent-enterprise');
    // A person the enterprise brings in it registers itself, always as its own employee.
    await page.getByTestId('talent-introduce').click();
    await page.getByTestId('talent-form').waitFor();
    await page.getByTestId('talent-name').waitFor();
    expect(await page.getByTestId('talent-employer').count()).toBe(0);
    await page.context().close();
  });
});
