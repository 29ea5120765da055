import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, logIn, newPage, screenshot, startHarness } from './harness';
import { choose, pickDate } from './ui';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

const ENTERPRISE = { username: '91370811MAF0NDKGCM' };
const YEAR = new Date().getFullYear();

describe('plan calls in Chromium', () => {
  it('staff publish a call; an enterprise applies, is returned by the formal check, fixes and resubmits', async () => {
    const staff = await newPage(harness);
    await logIn(harness, staff, 'staff01');
    const categories = await (
      await staff.request.get(`${harness.server.baseUrl}/api/plan/categories`)
    ).json();
    const keyRd = categories.items.find((category: { code: string }) => category.code === 'key-rd');
    const created = await staff.request.post(`${harness.server.baseUrl}/api/plan/calls`, {
      data: {
        categoryId: keyRd.id,
        year: YEAR,
        title: `${YEAR} 年度区重点研发计划（第二批）申报通知`,
        guideline: '支持高端装备、新材料方向',
        opensAt: new Date(Date.now() - 3600_000).toISOString(),
        closesAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
        rules: { maxRequestFen: 100_000_000 },
        checklist: ['申报单位资格', '申报书内容完整', '附件齐全'],
      },
    });
    expect(created.status()).toBe(201);
    const call = await created.json();
    await staff.goto(`${harness.server.baseUrl}/bureau/plan-calls`);
    await staff.getByTestId(`call-status-${call.id}`).waitFor();
    const row = staff.locator('tr', { has: staff.getByTestId(`call-status-${call.id}`) });
    await row.getByTestId('action-publish').click();
    await staff.getByTestId('confirm-publish').click();
    await expect.poll(() => staff.getByTestId(`call-status-${call.id}`).textContent()).toBe('已发布');
    await screenshot(staff, 'plan-calls-published');

    const company = await newPage(harness);
    await logIn(harness, company, ENTERPRISE.username);
    await company.goto(`${harness.server.baseUrl}/enterprise/plan-calls`);
    await company.getByTestId(`apply-${call.id}`).click();
    await company.waitForURL((url) => url.pathname.startsWith('/enterprise/plan-applications/'));
    const applicationId = Number(company.url().split('/').pop());
    await company.getByTestId('basics-title').fill('高端液压件智能制造关键技术研究');
    await company
      .getByTestId('basics-summary')
      .fill('针对工程机械高端液压件的精密加工与装配难题，研究数字化工艺与在线检测技术，形成示范生产线。');
    await pickDate(company, 'basics-start', `${YEAR + 1}-01-01`);
    await pickDate(company, 'basics-end', `${YEAR + 2}-12-31`);

    await company.getByRole('tab', { name: '项目团队' }).click();
    await company.getByTestId('team-add').click();
    await company.getByTestId('team-0-name').fill('张立');
    await choose(company, 'team-0-role', '项目负责人');
    await company.getByTestId('team-0-idNumber').fill('11010519491231002X');
    await company.getByTestId('team-0-workload').fill('8');

    await company.getByRole('tab', { name: '经费预算' }).click();
    await company.getByTestId('budget-add').click();
    await company.getByTestId('budget-0-fiscalWan').fill('30');
    await company.getByTestId('budget-0-selfRaisedWan').fill('60');
    await company.getByTestId('budget-add').click();
    await company.getByTestId('budget-1-fiscalWan').fill('20');
    await company.getByTestId('budget-1-selfRaisedWan').fill('40');
    await company.getByTestId('budget-1-otherWan').fill('5');
    await expect.poll(() => company.getByTestId('budget-sum-fiscalWan').textContent()).toBe('50.00 万元');
    await company.getByTestId('budget-fill-totals').click();

    await company.getByRole('tab', { name: '进度安排' }).click();
    await company.getByTestId('milestones-add').click();
    await company.getByTestId('milestones-0-dueOn').fill(`${YEAR + 2}-06-30`);
    await company.getByTestId('milestones-0-description').fill('完成工艺验证');
    await company.getByRole('tab', { name: '考核指标' }).click();
    await company.getByTestId('targets-add').click();
    await company.getByTestId('targets-0-name').fill('加工精度');
    await company.getByTestId('targets-0-value').fill('≤5μm');
    await expect
      .poll(() => company.getByTestId('save-state').textContent(), { timeout: 10_000 })
      .toBe('已自动保存');
    await screenshot(company, 'plan-application-form');

    await company.getByTestId('application-submit').click();
    await company.getByTestId('receipt').waitFor();
    const receiptText = await company.getByTestId('receipt').textContent();
    expect(receiptText).toMatch(new RegExp(`申报编号 KJ${YEAR}-\\d{4}`));
    const applicationNo = receiptText!.match(/KJ\d{4}-\d{4}/)![0];
    await screenshot(company, 'plan-application-receipt');

    await staff.goto(`${harness.server.baseUrl}/bureau/plan-calls/${call.id}/applications`);
    await staff.getByTestId(`application-row-${applicationId}`).click();
    await staff.getByTestId('formal-checklist').waitFor();
    await staff.getByTestId('checklist-2').click();
    await staff.getByTestId('action-returnForCorrection').click();
    await staff.getByTestId('action-comment').fill('缺少营业执照扫描件，请补充');
    await staff.getByTestId('action-confirm').click();
    await staff.getByTestId('application-status-returned').first().waitFor();

    await company.reload();
    await company.getByTestId('returned-reason').waitFor();
    expect(await company.getByTestId('returned-reason').textContent()).toContain('缺少营业执照扫描件');
    await company.getByRole('tab', { name: '附件' }).click();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kechuang-e2e-upload-'));
    const licence = path.join(dir, '营业执照.pdf');
    fs.writeFileSync(licence, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    await company.locator('input[type="file"]').setInputFiles(licence);
    await company.getByTestId('attachments').getByText('营业执照.pdf').waitFor();
    await company.getByTestId('application-submit').click();
    await company.getByTestId('receipt').waitFor();
    expect(await company.getByTestId('receipt').textContent()).toContain(applicationNo);
    await company.context().close();

    await staff.reload();
    await staff.getByTestId(`application-row-${applicationId}`).click();
    await staff.getByTestId('formal-checklist').waitFor();
    await staff.getByTestId('action-passCheck').click();
    await staff.getByTestId('application-status-checked').first().waitFor();
    await screenshot(staff, 'plan-formal-check-passed');
    const detail = await (
      await staff.request.get(`${harness.server.baseUrl}/api/plan/applications/${applicationId}`)
    ).json();
    expect(detail.history.map((entry: { action: string }) => entry.action)).toEqual([
      'create',
      'submit',
      'returnForCorrection',
      'submit',
      'passCheck',
    ]);
    await staff.context().close();

    const visitor = await newPage(harness);
    await visitor.goto(harness.server.baseUrl);
    await visitor.getByTestId(`portal-call-${call.id}`).waitFor();
    await visitor.context().close();
  });
});
