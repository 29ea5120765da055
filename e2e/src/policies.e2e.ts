import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocxText } from './docx';
import { type Harness, logIn, newPage, screenshot, startHarness } from './harness';
import { choose, chooseByTyping, pickDate, waitDone } from './ui';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

const url = (pathname: string) => `${harness.server.baseUrl}${pathname}`;

describe('政策服务 in Chromium', () => {
  const suffix = Date.now() % 100_000;
  const title = `任城区科技企业培育专项奖励办法${suffix}`;
  const documentNo = `任科发〔2020〕${suffix % 1000}号`;
  let awardId = 0;
  let enterpriseUsername = '';

  it('staff enter a policy with two items and conditions, submit it, and another officer publishes it', async () => {
    let page = await newPage(harness);
    await logIn(harness, page, 'staff01');
    await page.getByTestId('side-menu').getByText('政策服务').click();
    await page.getByTestId('side-menu').getByText('政策库').click();
    await page.waitForURL((address) => address.pathname === '/bureau/policies');
    await page.getByTestId('policy-add').click();
    await page.getByTestId('policy-form').waitFor();
    await page.getByTestId('policy-title').fill(title);
    await page.getByTestId('policy-document-no').fill(documentNo);
    await page.getByTestId('policy-issuer').fill('任城区科学技术局');
    await pickDate(page, 'policy-writtenOn', '2020-02-10');
    await pickDate(page, 'policy-publishedOn', '2020-02-12');
    await pickDate(page, 'policy-effectiveFrom', '2020-01-01');
    await page
      .getByTestId('policy-full-text')
      .fill('对当年评价入库的科技型中小企业给予奖励；对营业收入超过100亿元的企业给予研发奖励。');

    await page.getByTestId('policy-add-item').click();
    await page.getByTestId('item-title-0').fill('科技型中小企业入库专项奖励');
    await page.getByTestId('item-beneficiaries-0').fill('当年评价入库的科技型中小企业');
    await choose(page, 'item-fulfil-mode-0', '免申即享');
    await page.getByTestId('condition-add-0').click();
    await chooseByTyping(page, 'condition-field-0-0', '当年入库科技型中小企业');
    await choose(page, 'condition-operator-0-0', '等于');
    await choose(page, 'condition-value-0-0', '是');
    await choose(page, 'amount-kind-0', '固定金额');
    await page.getByTestId('amount-wan-0').fill('3');

    await page.getByTestId('policy-add-item').click();
    await page.getByTestId('item-title-1').fill('百亿级企业研发奖励');
    await page.getByTestId('item-beneficiaries-1').fill('营业收入超过100亿元的企业');
    await page.getByTestId('condition-add-1').click();
    await chooseByTyping(page, 'condition-field-1-0', '营业收入');
    await choose(page, 'condition-operator-1-0', '不低于');
    await page.getByTestId('condition-value-1-0').fill('1000000');
    await page.getByTestId('policy-save').click();

    const drawer = page.getByTestId('policy-drawer');
    await drawer.getByTestId('policy-validity').waitFor();
    expect(await drawer.getByTestId('policy-validity').textContent()).toBe('未发布');
    await drawer.getByTestId('action-submit').click();
    await page.getByTestId('confirm-submit').click();
    await waitDone(page);
    // The drafter cannot publish: another officer reviews and publishes.
    await drawer.getByTestId('action-return').waitFor();
    expect(await drawer.getByTestId('action-publish').count()).toBe(1);
    const policyId = new URL(page.url()).searchParams.get('open');
    await page.context().close();

    page = await newPage(harness);
    await logIn(harness, page, 'staff02');
    await page.goto(url(`/bureau/policies?open=${policyId}`));
    const review = page.getByTestId('policy-drawer');
    await review.getByTestId('action-publish').click();
    await page.getByTestId('confirm-publish').click();
    await waitDone(page);
    await expect
      .poll(() => review.getByTestId('policy-validity').textContent(), { timeout: 20_000 })
      .toBe('有效');
    await screenshot(page, 'policy-published');

    // Full-text search by a two-character word of the text.
    await page.locator('.ant-drawer-close').click();
    await page.getByTestId('policy-keyword').fill('百亿');
    await page.getByTestId('policy-query-search').click();
    const rows = page.getByTestId('policy-table').locator('tr.ant-table-row', { hasText: title });
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(1);

    const items = (
      await (await page.request.get(url('/api/policies/items?fulfilMode=no-application'))).json()
    ).items as {
      id: number;
      title: string;
    }[];
    awardId = items.find((item) => item.title === '科技型中小企业入库专项奖励')?.id ?? 0;
    expect(awardId).toBeGreaterThan(0);
    const candidates = (
      await (
        await page.request.get(url(`/api/policies/items/${awardId}/candidates?year=2020&outcome=eligible`))
      ).json()
    ).items as { creditCode: string }[];
    expect(candidates.length).toBeGreaterThan(0);
    enterpriseUsername = candidates[0].creditCode;
    await page.context().close();
  });

  it('the verified demo enterprise sees the item it qualifies for with the amount, and the one it misses with what is lacking', async () => {
    const page = await newPage(harness);
    await logIn(harness, page, enterpriseUsername);
    await page.goto(url('/enterprise/policies'));
    await choose(page, 'match-year', '2020');
    const award = page.getByTestId(`match-${awardId}`);
    await expect
      .poll(() => award.getByTestId('match-outcome').textContent(), { timeout: 20_000 })
      .toBe('符合');
    expect(await award.getByTestId('match-amount').textContent()).toContain('3.00');
    expect(await award.getByTestId('match-reason').first().textContent()).toContain(
      '当年入库科技型中小企业 等于 是：实际 是，符合',
    );
    const missed = page.getByTestId(`match-${awardId + 1}`);
    expect(await missed.getByTestId('match-outcome').textContent()).toBe('暂不符合');
    expect(await missed.getByTestId('match-reason').first().textContent()).toMatch(
      /营业收入 不低于 1000000\.00万元：实际 [\d.]+万元，不符合，差 [\d.]+万元/,
    );
    await screenshot(page, 'policy-matches');
    await page.context().close();
  });

  it('staff confirm the 免申即享 list, export it, and download the guide holding the items', async () => {
    const page = await newPage(harness);
    await logIn(harness, page, 'staff01');
    await page.goto(url(`/bureau/policies/payouts?year=2020`));
    await chooseByTyping(page, 'payout-item', '科技型中小企业入库专项奖励');
    const table = page.getByTestId('candidate-table');
    await table.locator('tr.ant-table-row').first().waitFor();
    await table.locator('tr.ant-table-row').first().locator('.ant-checkbox-input').check();
    await page.getByTestId('payout-confirm').click();
    await waitDone(page);
    await expect
      .poll(() => page.getByTestId('payout-total').textContent(), { timeout: 20_000 })
      .toContain('3.00');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('payout-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/免申即享兑现名单.*\.xlsx$/);
    await page.getByTestId('payout-push').click();
    await waitDone(page);
    const listed = page.getByTestId('payout-table').locator('tr.ant-table-row').first();
    await expect.poll(() => listed.textContent(), { timeout: 20_000 }).toContain('已推送待企业确认');
    await screenshot(page, 'policy-payouts');

    const guide = await page.request.get(url('/api/policies/guide/document?edition=2020'));
    expect(guide.status()).toBe(200);
    const text = await readDocxText(Buffer.from(await guide.body()));
    expect(text).toContain(title);
    expect(text).toContain(documentNo);
    expect(text).toContain('一次性奖补3万元');
    expect(text).toContain('研发投入');
    await page.context().close();
  });

  it('staff keep a new edition of the guide on its page and download it as it was kept', async () => {
    const page = await newPage(harness);
    await logIn(harness, page, 'staff01');
    await page.goto(url('/bureau/policies/guide?edition=2020'));
    const editions = page.getByTestId('guide-editions');
    await page.waitForLoadState('networkidle');
    const before = await editions.locator('tr.ant-table-row').count();
    await page.getByTestId('guide-edition-generate').click();
    await waitDone(page);
    await expect
      .poll(() => editions.locator('tr.ant-table-row').count(), { timeout: 20_000 })
      .toBe(before + 1);
    const [kept] = await Promise.all([
      page.waitForEvent('download'),
      editions.locator('[data-testid^="guide-edition-download-"]').first().click(),
    ]);
    expect(kept.suggestedFilename()).toMatch(/科技创新政策指引-2020年版.*\.docx$/);
    const keptText = await readDocxText(await readFile((await kept.path()) as string));
    expect(keptText).toContain(title);
    await screenshot(page, 'policy-guide-editions');
    await page.context().close();
  });

  it('the enterprise confirms its bank account and staff record the payment', async () => {
    let page = await newPage(harness);
    await logIn(harness, page, enterpriseUsername);
    await page.goto(url('/enterprise/policies'));
    const mine = page
      .getByTestId('my-payouts')
      .locator('tr.ant-table-row', { hasText: '科技型中小企业入库专项奖励' });
    await mine.click();
    const drawer = page.getByTestId('payout-drawer');
    await drawer.getByTestId('action-accept').click();
    await page.getByTestId('payout-bankName').fill('中国工商银行济宁任城支行');
    await page.getByTestId('payout-bankAccount').fill('1608 0017 0920 0012 345');
    await page.getByTestId('payout-step-submit').click();
    await waitDone(page);
    await expect
      .poll(() => drawer.getByTestId('payout-status').textContent(), { timeout: 20_000 })
      .toBe('企业已确认待拨付');
    const payoutId = new URL(page.url()).searchParams.get('open');
    await page.context().close();

    page = await newPage(harness);
    await logIn(harness, page, 'staff01');
    await page.goto(url(`/bureau/policies/payouts?year=2020&open=${payoutId}`));
    const payout = page.getByTestId('payout-drawer');
    await payout.getByTestId('action-pay').click();
    // Today in China: the payment cannot be dated before the enterprise's confirmation.
    await pickDate(page, 'payout-paidOn', new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
    await page.getByTestId('payout-voucherNo').fill('记-2020-1229');
    await page.locator('.ant-modal input[type=file]').setInputFiles({
      name: '记-2020-1229 拨付凭证.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    await page.getByTestId('payout-voucher-uploaded').waitFor();
    await page.getByTestId('payout-step-submit').click();
    await waitDone(page);
    await expect
      .poll(() => payout.getByTestId('payout-status').textContent(), { timeout: 20_000 })
      .toBe('已拨付');
    expect(await payout.getByTestId('payout-voucher-file').textContent()).toBe('记-2020-1229 拨付凭证.pdf');
    await screenshot(page, 'policy-payout-paid');
    await page.context().close();
  });
});
