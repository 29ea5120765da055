import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type Harness, logIn, newPage, screenshot, startHarness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

/** The code an authenticator app bound to `secret` shows `offsetSeconds` from now. */
const codeAt = (secret: string, offsetSeconds = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

describe('two-factor authentication in Chromium', () => {
  it('is required for leaders by the security administrator, bound by QR code, asked at sign-in, and reset', async () => {
    // The security administrator requires a second factor of leaders.
    const admin = await newPage(harness);
    await logIn(harness, admin, 'secadmin');
    await admin.getByTestId('side-menu').getByText('安全策略').click();
    await admin.getByTestId('second-factor-roles').getByText('领导').click();
    await admin.getByTestId('security-save').click();
    await admin.locator('.ant-message').getByText('保存成功').first().waitFor();
    await screenshot(admin, 'second-factor-policy');

    // The leader signs in and is held on the binding page until it is done.
    const leader = await newPage(harness);
    await logIn(harness, leader, 'leader');
    await leader.waitForURL((url) => url.pathname === '/account/second-factor');
    await leader.getByText('您的角色须启用动态验证码').waitFor();
    await leader.getByTestId('start-second-factor').click();
    await leader.getByTestId('second-factor-qr').waitFor();
    const secret = ((await leader.getByTestId('second-factor-secret').textContent()) ?? '').trim();
    expect(secret).toMatch(/^[A-Z2-7]+$/);
    await screenshot(leader, 'second-factor-binding');
    await leader.getByTestId('enable-second-factor-code').fill(await codeAt(secret));
    await leader.getByTestId('enable-second-factor-submit').click();
    const codes = leader.getByTestId('recovery-codes');
    await codes.waitFor();
    const recoveryCodes =
      ((await codes.textContent()) ?? '').match(/[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/g) ?? [];
    expect(recoveryCodes).toHaveLength(10);
    await leader.getByTestId('recovery-codes-done').click();
    await leader.waitForURL((url) => url.pathname.startsWith('/bureau'));
    await leader.context().close();

    // Next sign-in: the password, then the code field; a wrong code is refused, the next step's code works.
    const again = await newPage(harness);
    await again.goto(`${harness.server.baseUrl}/login`);
    await again.getByTestId('login-username').fill('leader');
    await again.getByTestId('login-password').fill(DEMO_PASSWORD);
    await again.getByTestId('login-submit').click();
    await again.getByTestId('login-code').waitFor();
    const next = await codeAt(secret, 30);
    await again.getByTestId('login-code').fill(next === '000000' ? '111111' : '000000');
    await again.getByTestId('login-submit').click();
    await again.getByText('动态验证码或恢复码不正确').first().waitFor();
    await again.getByTestId('login-code').fill(next);
    await again.getByTestId('login-submit').click();
    await again.waitForURL((url) => url.pathname.startsWith('/bureau'));
    await again.context().close();

    // A lost phone: the security administrator resets it; the leader binds again at next sign-in.
    await admin.getByTestId('side-menu').getByText('用户管理').click();
    await admin.getByTestId('user-query').getByPlaceholder('用户名或姓名').fill('leader');
    await admin
      .getByTestId('user-query')
      .getByRole('button', { name: /查\s*询/ })
      .click();
    await admin.locator('[data-testid^="reset-second-factor-"]').first().click();
    await admin.getByRole('button', { name: /确\s*定/ }).click();
    await admin.locator('.ant-message').getByText('操作成功').first().waitFor();
    await admin.context().close();

    const afterReset = await newPage(harness);
    await logIn(harness, afterReset, 'leader');
    await afterReset.waitForURL((url) => url.pathname === '/account/second-factor');
    await afterReset.getByTestId('start-second-factor').waitFor();
    await afterReset.context().close();
  });
});
