import { buildUscc, USCC_CHARSET } from '@kechuang/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZipEntry } from './docx';
import { DEMO_PASSWORD, type Harness, logIn, newPage, screenshot, startHarness } from './harness';
import { pickDate } from './ui';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

const url = (pathname: string) => `${harness.server.baseUrl}${pathname}`;

function freshCreditCode(): string {
  let body = 'MA';
  for (let i = 0; i < 7; i++) body += USCC_CHARSET[Math.floor(Math.random() * 31)];
  return buildUscc('370811', body);
}

const fieldError = (page: Page, text: string) =>
  page.locator('.ant-form-item-explain-error', { hasText: text }).first();

/** One entry of a zip (a .docx), read from its central directory. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('技术合同认定登记 in Chromium', () => {
  const creditCode = freshCreditCode();
  const sellerName = `济宁技合${creditCode.slice(-5)}新材料有限公司`;
  const password = 'Contract#2026test';
  const title = `高效加氢催化剂制备技术开发${creditCode.slice(-4)}`;
  const buyerCode = freshCreditCode();
  let contractPath = '';

  it('the seller files a contract: a wrong check digit and 技术交易额 above 成交额 are named in Chinese; then it submits', async () => {
    const setup = await newPage(harness);
    const registered = await setup.request.post(url('/api/enterprises/register'), {
      data: { creditCode, name: sellerName, contactName: '周技合', contactPhone: '13912345670', password },
    });
    expect(registered.status(), await registered.text()).toBe(201);
    await setup.context().close();

    const page = await newPage(harness);
    await logIn(harness, page, creditCode, password);
    await page.getByTestId('side-menu').getByText('技术合同登记').click();
    await page.waitForURL((address) => address.pathname === '/enterprise/tech-contracts');
    await page.getByTestId('contract-new').click();
    await page.getByTestId('contract-form').waitFor();

    await page.getByTestId('contract-title').fill(title);
    await page.getByTestId('contract-category').click();
    await page.locator('.ant-cascader-menu-item', { hasText: '技术开发' }).first().click();
    await page.locator('.ant-cascader-menu-item', { hasText: '委托开发' }).first().click();
    await pickDate(page, 'contract-signed-on', '2025-03-01');
    await pickDate(page, 'contract-term-start', '2025-03-01');
    await pickDate(page, 'contract-term-end', '2026-02-28');
    await page.getByTestId('contract-buyer-name').fill('济宁某精细化工有限公司');

    // A buyer code with a wrong check character is refused on its field.
    const wrong = buyerCode.slice(0, 17) + (buyerCode[17] === '0' ? '1' : '0');
    await page.getByTestId('contract-buyer-credit-code').fill(wrong);
    await page.getByTestId('contract-buyer-name').click();
    await fieldError(page, '买方统一社会信用代码校验位不正确').waitFor();
    await page.getByTestId('contract-buyer-credit-code').fill(buyerCode);

    // 技术交易额 is computed as the lines are typed, and never above 成交额.
    await page.getByTestId('contract-amount').fill('120');
    await page.getByTestId('cost-add').click();
    await page.getByTestId('cost-description-0').fill('小试反应釜');
    await page.getByTestId('cost-amount-0').fill('130');
    await page.getByText('非技术性费用合计超过合同成交额，技术交易额不能大于合同成交额').first().waitFor();
    await page.getByTestId('contract-save').click();
    await fieldError(page, '技术交易额：非技术性费用合计超过合同成交额').waitFor();
    await screenshot(page, 'tech-contract-form-errors');
    await page.getByTestId('cost-amount-0').fill('20');
    await expect.poll(() => page.getByTestId('contract-tech-amount').textContent()).toContain('100.00');

    await page.getByTestId('payment-add').click();
    await pickDate(page, 'payment-due-0', '2025-06-30');
    await page.getByTestId('payment-amount-0').fill('60');
    await page.getByTestId('contract-save').click();
    await page.waitForURL((address) => /\/enterprise\/tech-contracts\/\d+$/.test(address.pathname));
    contractPath = new URL(page.url()).pathname;
    await page.getByTestId('contract-status-draft').first().waitFor();

    await page.locator('input[type="file"]').setInputFiles({
      name: '技术开发合同.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.getByTestId('signed-file-link').waitFor();
    await screenshot(page, 'tech-contract-filing');
    await page.getByTestId('contract-submit').click();
    await page.getByTestId('contract-submit-confirm').click();
    await page.getByTestId('contract-status-submitted').first().waitFor();
    await page.getByTestId('contract-details').getByText('100.00 万元').first().waitFor();
    await page.context().close();
  });

  it('staff see it waiting with its time limit and return it for 补正 with a reason', async () => {
    const page = await newPage(harness);
    await logIn(harness, page, 'staff01', DEMO_PASSWORD);
    await page.goto(url('/bureau/tech-contracts'));
    await page.getByTestId('desk-keyword').fill(title);
    await page.getByTestId('desk-query-search').click();
    const row = page.getByTestId('desk-table').locator('tr.ant-table-row', { hasText: title });
    await row.waitFor();
    expect(await row.locator('[data-testid^="days-left-"]').textContent()).toMatch(
      /剩 \d+ 个工作日|今日到期/,
    );
    await screenshot(page, 'tech-contract-desk');
    await row.getByText(title).click();
    const drawer = page.getByTestId('contract-drawer');
    await drawer.getByTestId('contract-checklist').getByText('有明确的研究开发目标').waitFor();
    await screenshot(page, 'tech-contract-drawer');
    await page.getByTestId('action-return').click();
    await page.getByTestId('action-comment').fill('请补充买方盖章页，并写明付款计划的第二期');
    await page.getByTestId('action-comment-submit').click();
    await drawer.getByTestId('contract-status-returned').waitFor();
    await drawer.getByTestId('history-timeline').getByText('请补充买方盖章页').waitFor();
    await page.context().close();
  });

  it('the seller reads the reason, corrects the contract and resubmits it', async () => {
    const page = await newPage(harness);
    await logIn(harness, page, creditCode, password);
    await page.goto(url(contractPath));
    await expect
      .poll(() => page.getByTestId('return-reason').textContent())
      .toBe('请补充买方盖章页，并写明付款计划的第二期');
    await screenshot(page, 'tech-contract-returned');
    await page.getByTestId('payment-add').click();
    await pickDate(page, 'payment-due-1', '2025-12-31');
    await page.getByTestId('payment-amount-1').fill('60');
    await page.getByTestId('contract-submit').click();
    await page.getByTestId('contract-submit-confirm').click();
    await page.getByTestId('contract-status-resubmitted').first().waitFor();
    await page.context().close();
  });

  it('staff register it, see the 14-digit number and download the 登记证明 with it inside', async () => {
    const page = await newPage(harness);
    await logIn(harness, page, 'staff01', DEMO_PASSWORD);
    await page.goto(url(`/bureau/tech-contracts?keyword=${encodeURIComponent(title)}`));
    const row = page.getByTestId('desk-table').locator('tr.ant-table-row', { hasText: title });
    await row.getByText(title).click();
    const drawer = page.getByTestId('contract-drawer');
    await drawer.getByTestId('contract-status-resubmitted').waitFor();
    await page.getByTestId('action-register').click();
    for (let index = 0; index < 3; index++) await page.getByTestId(`register-check-${index}`).check();
    await page.getByTestId('register-submit').click();
    const number = (await page.getByTestId('registered-number').textContent())?.match(/\d{14}/)?.[0];
    expect(number).toMatch(/^\d{14}$/);
    await screenshot(page, 'tech-contract-registered');
    await page.locator('.ant-modal-confirm-btns button').click();
    await drawer.getByTestId('contract-status-registered').waitFor();
    expect(await drawer.getByTestId('contract-registration-no').textContent()).toBe(number);

    const href = await drawer.page().getByTestId('contract-certificate').getAttribute('href');
    const response = await page.request.get(url(href ?? ''));
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('wordprocessingml');
    const body = await response.body();
    expect(body.subarray(0, 2).toString()).toBe('PK');
    const document = await readZipEntry(body, 'word/document.xml');
    expect(document).toContain(number);
    expect(document).toContain(title);
    await page.context().close();
  });

  it('the seller downloads the 登记证明 and marks the 免税 claimed; the observer confirms it', async () => {
    const page = await newPage(harness);
    await logIn(harness, page, creditCode, password);
    await page.goto(url(contractPath));
    await page.getByTestId('registered-panel').waitFor();
    const href = await page.getByTestId('contract-certificate').first().getAttribute('href');
    expect((await page.request.get(url(href ?? ''))).status()).toBe(200);
    await page.getByTestId('exemption-claim').click();
    await page.getByTestId('exemption-claim-confirm').click();
    await page.getByTestId('exemption-unclaim').waitFor();
    await screenshot(page, 'tech-contract-seller-registered');
    await page.context().close();

    const observer = await newPage(harness);
    await logIn(harness, observer, 'observer', DEMO_PASSWORD);
    await observer.getByTestId('side-menu').getByText('技术合同免税').click();
    await observer.getByTestId('observer-query-keyword').fill(title);
    await observer.getByTestId('observer-query-search').click();
    const row = observer.getByTestId('observer-table').locator('tr.ant-table-row', { hasText: title });
    await row.getByTestId('exemption-claimed').waitFor();
    await screenshot(observer, 'tech-contract-observer');
    await row.getByRole('button', { name: '确认免税' }).click();
    await observer.locator('.ant-popconfirm-buttons button.ant-btn-primary').click();
    await row.getByTestId('exemption-confirmed').waitFor();
    await observer.context().close();
  });

  it('the seller lists its contracts by status; the administrator sees the number format with an example', async () => {
    const page = await newPage(harness);
    await logIn(harness, page, creditCode, password);
    await page.goto(url('/enterprise/tech-contracts'));
    await expect.poll(() => page.getByTestId('my-contracts-tab-registered').textContent()).toContain('1');
    await page.getByTestId('my-contracts-table').getByText(title).waitFor();
    await screenshot(page, 'tech-contract-seller-list');
    await page.context().close();

    const admin = await newPage(harness);
    await logIn(harness, admin, 'admin', DEMO_PASSWORD);
    await admin.goto(url('/admin/tech-transfer-settings'));
    const year = new Date().getFullYear() % 100;
    await expect
      .poll(() => admin.getByTestId('number-preview').textContent())
      .toContain(`${year}370801000001`);
    await admin.getByTestId('settings-cityCode').fill('8');
    await admin.getByTestId('settings-save').click();
    await fieldError(admin, '地市代码').waitFor();
    await screenshot(admin, 'tech-contract-settings');
    await admin.context().close();
  });
});
