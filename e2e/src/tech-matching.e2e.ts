import { buildUscc, USCC_CHARSET } from '@kechuang/domain';
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type Harness, newPage, screenshot, startHarness } from './harness';

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

async function expectOk(
  response: Awaited<ReturnType<APIRequestContext['post']>>,
  what: string,
): Promise<{ id: number; version: number }> {
  if (!response.ok()) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as { id: number; version: number };
}

/** Staff publish a result for 山东省科学院 through the API, as the bureau does before an event. */
async function publishResultAsStaff(page: Page) {
  const base = harness.server.baseUrl;
  await expectOk(
    await page.request.post(`${base}/api/auth/login`, {
      data: { username: 'staff01', password: DEMO_PASSWORD },
    }),
    'staff login',
  );
  const institutions = await (
    await page.request.get(
      `${base}/api/tech-transfer/institutions?keyword=${encodeURIComponent('山东省科学院')}`,
    )
  ).json();
  const result = await expectOk(
    await page.request.post(`${base}/api/tech-transfer/results`, {
      data: {
        title: '聚氨酯泡沫无卤阻燃剂及其制备方法',
        institutionId: institutions.items[0].id,
        field: 'new-materials',
        industry: 'fine-chemicals',
        description: '磷氮系无卤阻燃剂，用于硬质聚氨酯泡沫保温材料，氧指数达到 30 以上，烟密度低。',
        trl: 6,
        ipKind: 'invention-patent',
        ipNumber: 'ZL202110000002.3',
        modes: ['transfer', 'license'],
        priceMinFen: 50_000_000,
        priceMaxFen: 90_000_000,
        keywords: ['阻燃剂', '聚氨酯', '无卤'],
        contactName: '成果转化办公室',
        contactPhone: '0531-82605123',
      },
    }),
    'post result',
  );
  await expectOk(
    await page.request.post(`${base}/api/tech-transfer/results/${result.id}/actions/publish`, {
      data: { version: result.version },
    }),
    'publish result',
  );
  await page.request.post(`${base}/api/auth/logout`);
}

describe('an enterprise posts a technology need and sees suggested results with reasons', () => {
  it('posts the need in the form and reads the suggestion and its reason', async () => {
    const page = await newPage(harness);
    await publishResultAsStaff(page);

    const creditCode = freshCreditCode();
    const password = 'Match#2026test';
    await expectOk(
      await page.request.post(`${harness.server.baseUrl}/api/enterprises/register`, {
        data: {
          creditCode,
          name: `济宁对接${creditCode.slice(-5)}新材料有限公司`,
          contactName: '周对接',
          contactPhone: '13912345678',
          password,
        },
      }),
      'register',
    );
    await page.goto(`${harness.server.baseUrl}/login`);
    await page.getByTestId('login-username').fill(creditCode);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname.startsWith('/enterprise'));

    await page.goto(`${harness.server.baseUrl}/enterprise/tech-needs`);
    await page.getByTestId('need-add').click();
    await page.getByTestId('need-title').fill('保温板用聚氨酯阻燃改性');
    await page.getByTestId('need-field').click();
    await page.keyboard.type('新材料');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '新材料' })
      .first()
      .click();
    await page
      .getByTestId('need-problem')
      .fill('现有聚氨酯保温板阻燃等级仅达 B2 级，需要无卤阻燃剂使产品达到 B1 级，氧指数不低于 30。');
    await page.getByTestId('need-keywords').fill('阻燃剂、聚氨酯');
    await page.getByTestId('need-budget').fill('60');
    await page.getByTestId('need-deadline').fill('2030-06-30');
    await page.getByTestId('need-contact-name').fill('周工');
    await page.getByTestId('need-contact-phone').fill('13912345678');
    await page.getByTestId('need-save').click();
    await page.locator('.ant-message').getByText('保存成功').first().waitFor();

    // The saved need opens with the results suggested for it and why.
    const suggestion = page.getByTestId('need-suggestions-item').first();
    await suggestion.waitFor();
    expect(await suggestion.getByTestId('need-suggestions-title').textContent()).toBe(
      '聚氨酯泡沫无卤阻燃剂及其制备方法',
    );
    const reason = await suggestion.getByTestId('need-suggestions-reason').textContent();
    expect(reason).toMatch(/共同关键词：.*阻燃剂/);
    expect(reason).toContain('聚氨酯');
    expect(reason).toContain('领域相同');
    await screenshot(page, 'tech-need-suggestions');
    await page.context().close();
  });
});
