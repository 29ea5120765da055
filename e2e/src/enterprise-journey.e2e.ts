import { buildUscc, USCC_CHARSET } from '@kechuang/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type Harness, newPage, screenshot, startHarness } from './harness';
import { choose } from './ui';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

function freshCreditCode(): string {
  let body = 'MA';
  for (let i = 0; i < 7; i++) body += USCC_CHARSET[Math.floor(Math.random() * 31)];
  return buildUscc('370811', body);
}

async function logIn(page: Page, username: string, password: string) {
  await page.goto(`${harness.server.baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

describe('an enterprise registers, keeps its profile, and the bureau verifies it', () => {
  const creditCode = freshCreditCode();
  const name = `济宁烟测${creditCode.slice(-5)}智能科技有限公司`;
  const password = 'Smoke#2026test';

  it('refuses a wrong check digit on the form and at the API, in Chinese naming the field', async () => {
    const page = await newPage(harness);
    await page.goto(`${harness.server.baseUrl}/register`);
    const wrong = creditCode.slice(0, 17) + (creditCode[17] === '0' ? '1' : '0');
    await page.getByTestId('register-credit-code').fill(wrong);
    await page.getByTestId('register-name').click();
    await page.getByText('统一社会信用代码校验位不正确，请核对').first().waitFor();
    await screenshot(page, 'register-wrong-check-digit');

    const response = await page.request.post(`${harness.server.baseUrl}/api/enterprises/register`, {
      data: { creditCode: wrong, name, contactName: '李烟测', contactPhone: '13912345678', password },
    });
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(body.error.details).toContainEqual({
      path: 'creditCode',
      message: '统一社会信用代码校验位不正确，请核对',
    });
    await page.context().close();
  });

  it('registers, signs in and fills its profile', async () => {
    const page = await newPage(harness);
    await page.goto(`${harness.server.baseUrl}/register`);
    await page.getByTestId('register-credit-code').fill(creditCode.toLowerCase());
    await page.getByTestId('register-name').fill(name);
    await page.getByTestId('register-contact-name').fill('李烟测');
    await page.getByTestId('register-contact-phone').fill('13912345678');
    await page.getByTestId('register-password').fill(password);
    await page.getByTestId('register-confirm-password').fill(password);
    await page.getByTestId('register-submit').click();
    await expect.poll(() => page.getByTestId('registered-username').textContent()).toContain(creditCode);

    await logIn(page, creditCode, password);
    await page.waitForURL((url) => url.pathname.startsWith('/enterprise'));
    await page.goto(`${harness.server.baseUrl}/enterprise/profile`);
    await page.getByTestId('profile-form').waitFor();
    await choose(page, 'profile-industry', '新一代信息技术');
    await choose(page, 'profile-street', '古槐街道');
    await choose(page, 'profile-size', '小型');
    await page.getByTestId('profile-address').fill('济宁市任城区古槐路 88 号');
    await page.getByTestId('profile-founded-on').click();
    await page.getByTestId('profile-founded-on').fill('2016-05-20');
    // Tab, not Enter: Enter in a form field submits the form, racing the fields still to fill.
    await page.getByTestId('profile-founded-on').press('Tab');
    await page.getByTestId('profile-registered-capital').fill('500');
    await page.getByTestId('profile-save').click();
    await page.locator('.ant-message').getByText('保存成功').first().waitFor();
    await screenshot(page, 'enterprise-profile-saved');

    const saved = await page.request.get(`${harness.server.baseUrl}/api/enterprises/mine`);
    const detail = await saved.json();
    expect(detail.enterprise).toMatchObject({
      industry: 'it',
      street: '古槐街道',
      size: 'small',
      foundedOn: '2016-05-20',
      registeredCapitalFen: 500_000_000,
      status: 'pending',
    });
    await page.context().close();
  });

  it('lets staff find it, verify it, and see it among verified enterprises', async () => {
    const page = await newPage(harness);
    await logIn(page, 'staff01', DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname.startsWith('/bureau'));
    await page.goto(`${harness.server.baseUrl}/bureau/enterprises`);
    await page.getByTestId('filter-keyword').fill(name);
    await page.getByTestId('filter-search').click();
    await page.getByTestId('enterprise-table').getByText(name).first().click();
    await page.getByTestId('enterprise-detail-name').getByText(name).waitFor();
    await page.getByTestId('action-verify').click();
    await page.getByTestId('confirm-verify').click();
    await page.getByTestId('enterprise-detail-name').waitFor();
    await expect
      .poll(
        async () =>
          (
            await page.request
              .get(
                `${harness.server.baseUrl}/api/enterprises?keyword=${encodeURIComponent(name)}&status=verified`,
              )
              .then((response) => response.json())
          ).total,
      )
      .toBe(1);
    await screenshot(page, 'staff-verified-enterprise');

    await page.goto(
      `${harness.server.baseUrl}/bureau/enterprises?status=verified&keyword=${encodeURIComponent(name)}`,
    );
    await page.getByTestId('enterprise-table').getByText(creditCode).waitFor();
    await screenshot(page, 'staff-list-verified');
    await page.context().close();
  });
});

describe('staff import the enterprise ledger from Excel', () => {
  async function ledgerFile(rows: (string | number)[][]): Promise<Buffer> {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('企业台账');
    sheet.addRow([
      '统一社会信用代码',
      '企业名称',
      '联系人',
      '联系电话',
      '所属行业',
      '所属街道/镇',
      '成立日期',
      '企业规模',
    ]);
    for (const row of rows) sheet.addRow(row);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  it('shows every bad row and imports nothing, then imports the corrected file', async () => {
    const page = await newPage(harness);
    await logIn(page, 'staff01', DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname.startsWith('/bureau'));
    await page.goto(`${harness.server.baseUrl}/bureau/enterprises`);
    await page.getByTestId('import-enterprise-ledger').click();
    const first = freshCreditCode();
    const second = freshCreditCode();
    const bad = await ledgerFile([
      [
        first,
        '济宁台账导入甲科技有限公司',
        '周甲',
        '13700001111',
        '新一代信息技术',
        '古槐街道',
        '2019-04-01',
        '小型',
      ],
      [
        `${second.slice(0, 17)}${second[17] === '0' ? '1' : '0'}`,
        '济宁台账导入乙科技有限公司',
        '周乙',
        '12345',
        '食品医药',
        '济阳街道',
        '2020-02-30',
        '小型',
      ],
    ]);
    await page.locator('input[type=file]').setInputFiles({
      name: '企业台账.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: bad,
    });
    await page.getByTestId('import-errors').getByText('统一社会信用代码校验位不正确，请核对').waitFor();
    expect(
      await page
        .getByTestId('import-errors')
        .getByText('联系电话格式不正确（手机号或带区号的固定电话）')
        .count(),
    ).toBe(1);
    await screenshot(page, 'import-errors');
    const none = await page.request.get(
      `${harness.server.baseUrl}/api/enterprises?keyword=${encodeURIComponent('济宁台账导入')}`,
    );
    expect((await none.json()).total).toBe(0);

    const good = await ledgerFile([
      [
        first,
        '济宁台账导入甲科技有限公司',
        '周甲',
        '13700001111',
        '新一代信息技术',
        '古槐街道',
        '2019-04-01',
        '小型',
      ],
      [
        second,
        '济宁台账导入乙科技有限公司',
        '周乙',
        '0537-2233445',
        '食品医药',
        '济阳街道',
        '2020-02-28',
        '小型',
      ],
    ]);
    await page.locator('input[type=file]').setInputFiles({
      name: '企业台账-修改后.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: good,
    });
    await page.getByText('导入完成：新增 2 条，更新 0 条').waitFor();
    await screenshot(page, 'import-done');
    const imported = await page.request.get(
      `${harness.server.baseUrl}/api/enterprises?keyword=${encodeURIComponent('济宁台账导入')}&status=verified`,
    );
    expect((await imported.json()).total).toBe(2);
    await page.context().close();
  });
});
