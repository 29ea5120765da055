import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, logIn, newPage, screenshot, startHarness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

async function fire(page: Page, action: string) {
  await page.getByTestId(`action-${action}`).click();
  await page.getByTestId(`confirm-${action}`).click();
  await page.locator('.ant-message').getByText('操作成功').first().waitFor();
}

const ENTERPRISE = { username: '91370811MAF0NDKGCM', name: '山东恒泰光电科技有限公司' };

describe('高企申报跟踪 board in Chromium', () => {
  it('moves an enterprise through every stage of a new batch, with the enterprise marking its materials ready', async () => {
    const staff = await newPage(harness);
    await logIn(harness, staff, 'staff01');
    await staff.goto(`${harness.server.baseUrl}/bureau/cultivation/hte`);
    await staff.getByTestId('hte-new-batch').click();
    await staff.getByTestId('hte-batch-name').fill('2026年第一批');
    await staff.getByTestId('hte-batch-deadline').click();
    await staff.getByTestId('hte-batch-deadline').fill('2099-06-30');
    await staff.getByTestId('hte-batch-deadline').press('Enter');
    await staff.locator('.ant-modal-footer .ant-btn-primary').first().click();
    await staff.getByTestId('hte-board').waitFor();

    await staff.getByTestId('hte-add-enterprise').click();
    await staff.getByTestId('hte-candidate-search').locator('input').fill(ENTERPRISE.name);
    await staff.getByTestId('hte-candidate-search').locator('input').press('Enter');
    await staff.locator('[data-testid^="hte-candidate-"]', { hasText: ENTERPRISE.name }).first().click();
    const card = staff
      .getByTestId('hte-column-intent')
      .locator('[data-testid^="hte-card-"]', { hasText: ENTERPRISE.name });
    await card.waitFor();
    await card.click();
    await staff.getByTestId('hte-drawer').waitFor();
    await staff.getByTestId('hte-lead').click();
    await staff.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await staff.getByTestId('hte-team-save').click();
    await staff.getByTestId('hte-record-summary').fill('上门讲解研发费用归集口径和知识产权布局');
    await staff.getByTestId('hte-record-add').click();
    await staff.getByTestId('hte-drawer').getByText('上门讲解研发费用归集口径和知识产权布局').waitFor();
    await fire(staff, 'startCoaching');
    await screenshot(staff, 'hte-drawer-coaching');

    const company = await newPage(harness);
    await logIn(harness, company, ENTERPRISE.username);
    await company.goto(`${harness.server.baseUrl}/enterprise/hte`);
    await company.locator('[data-testid^="my-hte-"]', { hasText: '2026年第一批' }).click();
    await fire(company, 'markMaterialsReady');
    await screenshot(company, 'hte-enterprise-materials-ready');
    await company.context().close();

    await staff.reload();
    await staff
      .getByTestId('hte-column-materialsReady')
      .locator('[data-testid^="hte-card-"]', { hasText: ENTERPRISE.name })
      .click();
    for (const action of ['submit', 'startReview', 'publish', 'recognise']) await fire(staff, action);
    await expect.poll(() => staff.getByTestId('hte-status').textContent()).toBe('认定通过');
    await staff.keyboard.press('Escape');
    await staff.getByTestId('hte-drawer').waitFor({ state: 'detached' });
    await staff
      .getByTestId('hte-column-recognised')
      .locator('[data-testid^="hte-card-"]', { hasText: ENTERPRISE.name })
      .waitFor();
    await screenshot(staff, 'hte-board-recognised');
    await staff.context().close();
  });
});

describe('high-tech industry statistics in Chromium', () => {
  it('shows the seed’s 2021 H1 figures: 30.6 % share and +42.5 % growth, with the enterprises behind them', async () => {
    const page = await newPage(harness);
    await logIn(harness, page, 'leader');
    await page.goto(`${harness.server.baseUrl}/bureau/stats/high-tech-industry?from=2021-01&to=2021-06`);
    await expect.poll(() => page.getByTestId('stats-share').textContent()).toContain('30.6%');
    expect(await page.getByTestId('stats-growth').textContent()).toContain('42.5%');
    expect(await page.locator('.ant-table-row').count()).toBeGreaterThan(5);
    const exported = await page.request.get(
      `${harness.server.baseUrl}/api/stats/high-tech-industry/export?from=2021-01&to=2021-06`,
    );
    expect(exported.status()).toBe(200);
    await screenshot(page, 'stats-high-tech-industry');
    await page.context().close();
  });
});
