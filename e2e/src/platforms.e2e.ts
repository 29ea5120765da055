import { buildUscc, USCC_CHARSET } from '@kechuang/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, logIn, newPage, screenshot, startHarness } from './harness';
import { choose, chooseByTyping, pickDate } from './ui';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

const url = (pathname: string) => `${harness.server.baseUrl}${pathname}`;

describe('the platform register in Chromium', () => {
  const name = `任城区智能传感重点实验室${Date.now() % 100_000}`;

  it('staff add a city platform and upgrade it to provincial, keeping one record with its level history', async () => {
    const page = await newPage(harness);
    await logIn(harness, page, 'staff01');
    await page.getByTestId('side-menu').getByText('科创载体').click();
    await page.getByTestId('side-menu').getByText('科创平台台账').click();
    await page.waitForURL((address) => address.pathname === '/bureau/platforms');
    await page.getByTestId('platform-tab-all').waitFor();

    const host = (await (await page.request.get(url('/api/enterprises?status=verified&pageSize=1'))).json())
      .items[0] as { name: string };
    await page.getByTestId('platform-add').click();
    await page.getByTestId('platform-form').waitFor();
    await page.getByTestId('platform-name-input').fill(name);
    await chooseByTyping(page, 'platform-type', '重点实验室');
    await chooseByTyping(page, 'platform-level', '市级');
    await page.getByTestId('platform-approving-body').fill('济宁市科学技术局');
    await page.getByTestId('platform-document-no').fill('济科字〔2024〕35号');
    await pickDate(page, 'platform-recognized-on', '2024-06-18');
    await chooseByTyping(page, 'platform-host-0', host.name.slice(0, 6));
    await page.getByTestId('platform-save').click();

    const drawer = page.getByTestId('platform-drawer');
    await expect
      .poll(() => drawer.getByTestId('platform-level-tag').textContent(), { timeout: 20_000 })
      .toBe('市级');
    expect(await drawer.getByTestId('platform-status-tag').textContent()).toBe('在运行');
    await screenshot(page, 'platform-created');

    await drawer.getByTestId('platform-upgrade').click();
    await chooseByTyping(page, 'platform-upgrade-level', '省级');
    await page.getByTestId('platform-upgrade-body').fill('山东省科学技术厅');
    await page.getByTestId('platform-upgrade-document-no').fill('鲁科字〔2025〕12号');
    await pickDate(page, 'platform-upgrade-date', '2025-03-20');
    await page.getByTestId('platform-upgrade-save').click();
    await expect
      .poll(() => drawer.getByTestId('platform-level-tag').textContent(), { timeout: 20_000 })
      .toBe('省级');
    const history = drawer.getByTestId('platform-level-history');
    await history.getByText('鲁科字〔2025〕12号').waitFor();
    await history.getByText('济科字〔2024〕35号').waitFor();
    await drawer.getByTestId('history-timeline').getByText('市级→省级').waitFor();
    await screenshot(page, 'platform-upgraded');

    // One record: the register lists it once, now provincial.
    await page.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByTestId('platform-keyword').fill(name);
    await page.getByTestId('platform-query-search').click();
    const rows = page.getByTestId('platform-table').locator('tr.ant-table-row', { hasText: name });
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(1);
    expect(await rows.first().textContent()).toContain('省级');
    await page.context().close();
  });

  it('shows the leader 81 platforms at city level or above for 2020 (2 + 16 + 63), the 16 drilled down, and the statistics', async () => {
    const page = await newPage(harness);
    await logIn(harness, page, 'leader');
    await page.goto(url('/bureau/dashboard?year=2020'));
    const tile = (key: string) => page.getByTestId(`figure-${key}`).getByTestId('figure-value');
    await expect.poll(() => tile('platforms.city-and-above').textContent(), { timeout: 20_000 }).toBe('81');
    expect(await tile('platforms.national').textContent()).toBe('2');
    expect(await tile('platforms.provincial').textContent()).toBe('16');
    expect(await tile('platforms.city').textContent()).toBe('63');
    await page.getByTestId('figure-platforms.city-and-above').scrollIntoViewIfNeeded();
    await screenshot(page, 'platforms-dashboard-2020');

    // The 16 provincial platforms, drilled down to their records.
    await page.getByTestId('figure-platforms.provincial').click();
    await expect
      .poll(() => page.getByTestId('figure-records-total').textContent(), { timeout: 20_000 })
      .toMatch(/共 16 条/);
    await page.keyboard.press('Escape');

    // The statistics by type × level add up to the same 81.
    await page.goto(url('/bureau/platforms/statistics?year=2020'));
    await expect
      .poll(() => page.getByTestId('platform-statistics-city-and-above').textContent(), { timeout: 20_000 })
      .toBe('81');
    await screenshot(page, 'platforms-statistics-2020');

    // 规上企业研发机构全覆盖: those without one listed for follow-up, and exported.
    await page.goto(url('/bureau/platforms/coverage?year=2020'));
    await expect
      .poll(() => page.getByTestId('coverage-rate').textContent(), { timeout: 20_000 })
      .toMatch(/\d+\.\d%/);
    await page.getByTestId('coverage-table').locator('tr.ant-table-row').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('coverage-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^2020年规上企业研发机构覆盖.*\.xlsx$/);
    await screenshot(page, 'platforms-coverage-2020');

    // 对接高校: the seed's 7 universities and 4 branches of 2021, from the cooperation register.
    await page.goto(url('/bureau/platforms/cooperations?year=2021'));
    await expect
      .poll(() => page.getByTestId('cooperation-partners').textContent(), { timeout: 20_000 })
      .toBe('对接高校院所7家');
    expect(await page.getByTestId('cooperation-branches').textContent()).toBe('落地分支机构4家');
    const [cooperations] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('cooperation-export').click(),
    ]);
    expect(cooperations.suggestedFilename()).toMatch(/^对接高校院所合作台账.*\.xlsx$/);
    await screenshot(page, 'platforms-cooperations-2021');
    await page.context().close();
  });

  let body = 'MA';
  for (let i = 0; i < 7; i++) body += USCC_CHARSET[Math.floor(Math.random() * 31)];
  const creditCode = buildUscc('370811', body);
  const password = 'Platform#2026test';
  const spaceName = `任城创客${creditCode.slice(-5)}众创空间`;

  it('an enterprise applies for a city 众创空间 against its checklist; staff recommend it and record the approval, which registers it', async () => {
    const setup = await newPage(harness);
    const registered = await setup.request.post(url('/api/enterprises/register'), {
      data: {
        creditCode,
        name: `济宁创客${creditCode.slice(-5)}科技有限公司`,
        contactName: '孙创客',
        contactPhone: '13912345671',
        password,
      },
    });
    expect(registered.status(), await registered.text()).toBe(201);
    await setup.context().close();

    const page = await newPage(harness);
    await logIn(harness, page, creditCode, password);
    await page.getByTestId('side-menu').getByText('平台认定申请').click();
    await page.waitForURL((address) => address.pathname === '/enterprise/platform-applications');
    await page.getByTestId('application-add').click();
    await page.getByTestId('application-form').waitFor();
    await chooseByTyping(page, 'application-type', '众创空间');
    await choose(page, 'application-level', '市级');
    await page.getByTestId('application-name').fill(spaceName);
    await page.getByTestId('application-contact').fill('孙创客');
    await page.getByTestId('application-phone').fill('13912345671');
    // The city 众创空间 conditions come from the type's data: 6 months, 200 m² or 12 desks, 8 teams …
    await page.getByTestId('requirement-operatingMonths').fill('10');
    await page.getByTestId('requirement-desks').fill('20');
    await page.getByTestId('requirement-teams').fill('9');
    await page.getByTestId('requirement-mentors').fill('2');
    await page.getByTestId('application-save').click();

    const drawer = page.getByTestId('application-drawer');
    const checklist = drawer.getByTestId('application-checklist');
    await checklist.getByText('创业导师').waitFor({ timeout: 20_000 });
    const mentorRow = checklist.locator('tr', { hasText: '创业导师' });
    expect(await mentorRow.textContent()).toContain('不符合');
    expect(await checklist.locator('tr', { hasText: '场地面积' }).textContent()).toContain('符合');
    await drawer.getByTestId('action-submit').click();
    await page.getByTestId('confirm-submit').click();
    await expect
      .poll(() => drawer.getByTestId('application-status').textContent(), { timeout: 20_000 })
      .toBe('待审核');
    await screenshot(page, 'platform-application-submitted');
    await page.context().close();

    const desk = await newPage(harness);
    await logIn(harness, desk, 'staff01');
    await desk.getByTestId('side-menu').getByText('科创载体').click();
    await desk.getByTestId('side-menu').getByText('认定推荐申请').click();
    await desk.waitForURL((address) => address.pathname === '/bureau/platforms/applications');
    await desk.getByTestId('application-keyword').fill(spaceName);
    await desk.getByTestId('application-query-search').click();
    await desk.getByTestId('application-table').getByText(spaceName).click();
    const review = desk.getByTestId('application-drawer');
    await review.getByTestId('action-recommend').click();
    await desk.getByTestId('confirm-recommend').click();
    await expect
      .poll(() => review.getByTestId('application-status').textContent(), { timeout: 20_000 })
      .toBe('已推荐上报');
    await review.getByTestId('action-approve').click();
    await desk.getByTestId('approval-body').fill('济宁市科学技术局');
    await desk.getByTestId('approval-document-no').fill('济科字〔2025〕48号');
    await pickDate(desk, 'approval-date', '2025-04-16');
    await desk.getByTestId('approval-save').click();
    await expect
      .poll(() => review.getByTestId('application-status').textContent(), { timeout: 20_000 })
      .toBe('上级已认定');
    await review.getByTestId('history-timeline').getByText('推荐上报').first().waitFor();
    await screenshot(desk, 'platform-application-approved');

    // The approval put the platform on the register, hosted by the applicant, at city level.
    await desk.goto(url(`/bureau/platforms?keyword=${encodeURIComponent(spaceName)}`));
    const rows = desk.getByTestId('platform-table').locator('tr.ant-table-row', { hasText: spaceName });
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(1);
    expect(await rows.first().textContent()).toContain('市级');
    await desk.context().close();
  });

  it('staff open the 2025 众创空间 round; the host files its yearly report and staff grade it', async () => {
    const desk = await newPage(harness);
    await logIn(harness, desk, 'staff01');
    await desk.goto(url('/bureau/platforms/evaluations'));
    await desk.getByTestId('round-add').click();
    await chooseByTyping(desk, 'round-type', '众创空间');
    await desk.getByTestId('round-year').fill('2025');
    await desk.getByTestId('round-save').click();
    await desk.locator('.ant-message').getByText('保存成功').first().waitFor();

    const host = await newPage(harness);
    await logIn(harness, host, creditCode, password);
    await host.getByTestId('side-menu').getByText('平台年度绩效评价').click();
    await host.waitForURL((address) => address.pathname === '/enterprise/platform-evaluations');
    await host.getByTestId('evaluation-table').getByText(spaceName).click();
    const report = host.getByTestId('evaluation-report-form');
    await report.waitFor({ timeout: 20_000 });
    await host.getByTestId('figure-rdSpendWan').fill('86');
    await host.getByTestId('figure-incubated').fill('12');
    await host.getByTestId('figure-services').fill('24');
    await host.getByTestId('evaluation-report-submit').click();
    await expect
      .poll(() => host.getByTestId('evaluation-status').textContent(), { timeout: 20_000 })
      .toBe('已填报');
    await screenshot(host, 'platform-evaluation-reported');
    await host.context().close();

    await desk.goto(url(`/bureau/platforms/evaluations?keyword=${encodeURIComponent(spaceName)}`));
    await desk.getByTestId('evaluation-table').getByText(spaceName).click();
    const drawer = desk.getByTestId('evaluation-drawer');
    await drawer.getByTestId('evaluation-grade-form').waitFor({ timeout: 20_000 });
    await desk.getByTestId('evaluation-score').fill('85');
    await desk.getByTestId('evaluation-grade-save').click();
    await expect
      .poll(() => drawer.getByTestId('evaluation-grade-label').textContent(), { timeout: 20_000 })
      .toBe('良好');
    expect(await drawer.getByTestId('evaluation-status').textContent()).toBe('已评定');
    await screenshot(desk, 'platform-evaluation-graded');
    await desk.context().close();
  });
});
