import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, logIn, newPage, screenshot, startHarness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${harness.server.baseUrl}${path}`);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

interface CallSummary {
  id: number;
  title: string;
  counts: Record<string, number>;
}
interface CallDetail {
  applications: { id: number; title: string; status: string; reviewRank: number }[];
}

const activePane = (page: Page) => page.locator('[role="tabpanel"][aria-hidden="false"]');

const SIGNED_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('立项 in Chromium: funded list, approval, 公示, establishment and the task contract', () => {
  it('staff propose, the leader approves, staff start the 公示, the portal shows it', async () => {
    const staff = await newPage(harness);
    await logIn(harness, staff, 'staff01');
    const calls = await getJson<{ items: CallSummary[] }>(staff, '/api/plan-approval/calls');
    const call = calls.items.find((item) => item.counts.reviewed === 3)!;
    expect(call).toBeDefined();
    const detail = await getJson<CallDetail>(staff, `/api/plan-approval/calls/${call.id}`);
    const target = detail.applications.find((item) => item.status === 'reviewed')!;

    await staff.goto(`${harness.server.baseUrl}/bureau/projects/approval?call=${call.id}`);
    const row = staff.locator('tr.ant-table-row', { hasText: target.title });
    await row.waitFor();
    await staff.getByTestId(`amount-${target.id}`).fill('55');
    await row.locator('.ant-checkbox-input').check();
    await staff.getByTestId('bulk-propose').click();
    await row.getByTestId('state-proposed').waitFor();
    await screenshot(staff, 'approval-proposed');

    const leader = await newPage(harness);
    await logIn(harness, leader, 'leader');
    await leader.goto(`${harness.server.baseUrl}/bureau/projects/approval?call=${call.id}`);
    const leaderRow = leader.locator('tr.ant-table-row', { hasText: target.title });
    await leaderRow.getByTestId('state-proposed').waitFor();
    await leaderRow.locator('.ant-checkbox-input').check();
    await leader.getByTestId('bulk-approve').click();
    await leaderRow.getByTestId('state-approved').waitFor();
    await leader.context().close();

    await staff.reload();
    const approvedRow = staff.locator('tr.ant-table-row', { hasText: target.title });
    await approvedRow.getByTestId('state-approved').waitFor();
    await approvedRow.locator('.ant-checkbox-input').check();
    await staff.getByTestId('bulk-publicity').click();
    await staff.waitForURL((url) => url.pathname === '/bureau/projects/publicity');
    await staff.getByTestId('notice-items').getByText(target.title).waitFor();
    await staff.getByTestId('establish-blocker').waitFor();
    expect(await staff.getByTestId('establish-blocker').textContent()).toContain('公示期满后方可立项下达');
    await screenshot(staff, 'approval-publicity-started');
    await staff.context().close();

    const visitor = await newPage(harness);
    await visitor.goto(`${harness.server.baseUrl}/publicity`);
    await visitor.getByText(target.title).first().waitFor();
    expect(await visitor.locator('body').textContent()).toContain('55');
    await screenshot(visitor, 'portal-publicity');
    await visitor.context().close();
  });

  it('staff establish a 公示 that has ended; the enterprise uploads the signed contract; staff confirm', async () => {
    const staff = await newPage(harness);
    await logIn(harness, staff, 'staff01');
    const notices = await getJson<{
      items: { id: number; title: string; establishedAt: string | null; isCurrent: boolean }[];
    }>(staff, '/api/publicity-notices');
    const ended = notices.items.find((notice) => !notice.establishedAt && !notice.isCurrent)!;
    expect(ended).toBeDefined();
    await staff.goto(`${harness.server.baseUrl}/bureau/projects/publicity`);
    await staff.getByTestId(`open-notice-${ended.id}`).click();
    await staff.getByTestId('notice-establish').click();
    await staff.getByTestId('confirm-establish').click();
    await staff.getByTestId('notice-items').getByTestId('state-established').first().waitFor();

    const projects = await getJson<{
      items: { id: number; title: string; enterpriseId: number; contractStatus: string }[];
    }>(staff, '/api/plan-projects?pageSize=100');
    const project = projects.items.find((item) => item.contractStatus === 'drafted')!;
    expect(project).toBeDefined();
    await staff.goto(`${harness.server.baseUrl}/bureau/projects/${project.id}?tab=contract`);
    const contractPane = activePane(staff);
    await contractPane.getByTestId('state-drafted').waitFor();
    await staff.getByTestId('action-issue').click();
    await staff.getByTestId('confirm-issue').click();
    await contractPane.getByTestId('state-issued').waitFor();
    const { enterprise } = await getJson<{ enterprise: { creditCode: string } }>(
      staff,
      `/api/enterprises/${project.enterpriseId}`,
    );

    const company = await newPage(harness);
    await logIn(harness, company, enterprise.creditCode);
    // The former 任务书与拨款 link still works: it opens the project's 任务书 tab.
    await company.goto(`${harness.server.baseUrl}/enterprise/plan-projects?project=${project.id}`);
    await company.waitForURL(
      (url) => url.pathname === `/enterprise/projects/${project.id}` && url.search === '?tab=contract',
    );
    const companyPane = activePane(company);
    await companyPane.getByTestId('state-issued').waitFor();
    const word = await company.request.get(
      `${harness.server.baseUrl}/api/plan-projects/${project.id}/contract/word`,
    );
    expect(word.status()).toBe(200);
    expect((await word.body()).subarray(0, 2).toString()).toBe('PK');
    await company
      .locator('input[type=file]')
      .setInputFiles({ name: '任务书签字盖章.pdf', mimeType: 'application/pdf', buffer: SIGNED_PDF });
    await companyPane.getByTestId('state-signedUploaded').waitFor();
    await screenshot(company, 'contract-signed-uploaded');
    await company.context().close();

    await staff.reload();
    await contractPane.getByTestId('state-signedUploaded').waitFor();
    await staff.getByTestId('action-confirm').click();
    await staff.getByTestId('confirm-confirm').click();
    await contractPane.getByTestId('state-inForce').waitFor();
    await expect.poll(() => staff.getByTestId('project-status').textContent()).toBe('执行中');
    await screenshot(staff, 'contract-in-force');
    await staff.context().close();
  });
});
