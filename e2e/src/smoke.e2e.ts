import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type Harness, newPage, screenshot, startHarness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

/** Demo accounts and the layout each lands on (README, "Demo accounts"). */
const LANDINGS = [
  { username: 'staff01', path: '/bureau', menu: '企业管理' },
  { username: 'leader', path: '/bureau', menu: '企业管理' },
  { username: 'observer', path: '/bureau', menu: '消息中心' },
  { username: 'expert01', path: '/expert', menu: '消息中心' },
  { username: 'admin', path: '/admin', menu: '用户管理' },
  { username: 'secadmin', path: '/admin', menu: '用户管理' },
  { username: 'auditor', path: '/audit', menu: '审计日志' },
  { username: '91370811MAF0NDKGCM', path: '/enterprise', menu: '企业信息' },
];

describe('the app in Chromium', () => {
  it('opens in Chinese on the public portal of the demo district', async () => {
    const page = await newPage(harness);
    await page.goto(harness.server.baseUrl);
    await expect
      .poll(() => page.getByRole('heading', { name: '任城区科技创新管理平台' }).count())
      .toBeGreaterThan(0);
    expect(await page.getByText('通知公告').count()).toBeGreaterThan(0);
    expect(await page.getByText('企业注册').count()).toBeGreaterThan(0);
    await screenshot(page, 'portal');
    await page.context().close();
  });

  it.each(LANDINGS)('signs in $username and lands on $path', async ({ username, path, menu }) => {
    const page = await newPage(harness);
    await page.goto(`${harness.server.baseUrl}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname.startsWith(path));
    await page.getByTestId('side-menu').getByText(menu).first().waitFor();
    // The header's widgets come from the module manifests: the notifications module's bell.
    await page.getByTestId('notification-bell').waitFor();
    await screenshot(page, `landing-${username}`);
    await page.context().close();
  });
});
