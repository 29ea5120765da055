import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type Harness, logIn, newPage, screenshot, startHarness } from './harness';
import { choose, chooseByTyping, pickDate, waitDone } from './ui';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

const url = (pathname: string) => `${harness.server.baseUrl}${pathname}`;

async function as(username: string): Promise<Page> {
  const page = await newPage(harness);
  await logIn(harness, page, username);
  return page;
}

async function getJson<T>(page: Page, pathname: string): Promise<T> {
  const response = await page.request.get(url(pathname));
  expect(response.status(), pathname).toBe(200);
  return (await response.json()) as T;
}

async function postJson<T>(page: Page, pathname: string, data: unknown): Promise<T> {
  const response = await page.request.post(url(pathname), { data });
  expect(response.status(), `${pathname}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

const activePane = (page: Page) => page.locator('[role="tabpanel"][aria-hidden="false"]');

/** A calendar day in China, `days` from now. */
function chinaDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + days * 86400_000),
  );
}

/**
 * Test-only shortcut: a 公示 runs for several working days and cannot end while a test runs. With the
 * server stopped, this moves the notice's period into the past directly in the embedded database, as
 * if the days had gone by; nothing else is touched.
 */
async function endPublicityInDatabase(dataDir: string, noticeId: number): Promise<void> {
  const db = await PGlite.create(dataDir);
  try {
    const result = await db.query('update publicity_notices set start_on = $1, end_on = $2 where id = $3', [
      chinaDay(-12),
      chinaDay(-2),
      noticeId,
    ]);
    expect(result.affectedRows).toBe(1);
  } finally {
    await db.close();
  }
}

const ENTERPRISE = '91370811MAF0NDKGCM';
const YEAR = new Date().getFullYear();
const TITLE = '高端液压件智能制造关键技术研究（全流程）';
/** The two demo experts with a login (expert01 赵振华, expert02 孙立新); the rest of the pool has none. */
const DEMO_EXPERTS = [
  { username: 'expert01', name: '赵振华' },
  { username: 'expert02', name: '孙立新' },
];
const SIGNED_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

interface RoundDetail {
  round: { id: number; version: number; status: string };
  items: {
    id: number;
    subjectId: number;
    resultScore: number | null;
    assignments: { id: number; expertId: number; expertName: string; status: string }[];
  }[];
}

describe('科技计划项目全流程 in Chromium', () => {
  it('call → application → formal check → expert review → 立项 and 公示 → task contract → supervision → acceptance', async () => {
    // 1. Staff publish a call.
    let staff = await as('staff01');
    const categories = await getJson<{ items: { id: number; code: string }[] }>(
      staff,
      '/api/plan/categories',
    );
    const keyRd = categories.items.find((category) => category.code === 'key-rd')!;
    const callTitle = `${YEAR} 年度区重点研发计划（全流程）申报通知`;
    const call = await postJson<{ id: number }>(staff, '/api/plan/calls', {
      categoryId: keyRd.id,
      year: YEAR,
      title: callTitle,
      guideline: '支持高端装备、新材料方向',
      opensAt: new Date(Date.now() - 3600_000).toISOString(),
      closesAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
      rules: { maxRequestFen: 100_000_000 },
      checklist: ['申报单位资格', '申报书内容完整', '附件齐全'],
    });
    await staff.goto(url('/bureau/plan-calls'));
    const callRow = staff.locator('tr', { has: staff.getByTestId(`call-status-${call.id}`) });
    await callRow.getByTestId('action-publish').click();
    await staff.getByTestId('confirm-publish').click();
    await expect.poll(() => staff.getByTestId(`call-status-${call.id}`).textContent()).toBe('已发布');
    await screenshot(staff, 'journey-01-call-published');

    // 2. The enterprise fills the 申报书 and submits it.
    let company = await as(ENTERPRISE);
    await company.goto(url('/enterprise/plan-calls'));
    await company.getByTestId(`apply-${call.id}`).click();
    await company.waitForURL((address) => address.pathname.startsWith('/enterprise/plan-applications/'));
    const applicationId = Number(company.url().split('/').pop());
    await company.getByTestId('basics-title').fill(TITLE);
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
    await company.getByTestId('budget-0-fiscalWan').fill('60');
    await company.getByTestId('budget-0-selfRaisedWan').fill('120');
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
    await company.getByTestId('application-submit').click();
    await company.getByTestId('receipt').waitFor();
    const applicationNo = (await company.getByTestId('receipt').textContent())!.match(/KJ\d{4}-\d{4}/)![0];
    await screenshot(company, 'journey-02-application-receipt');

    // 3. The formal check returns it once; the enterprise fixes and resubmits; staff pass it and send it to review.
    await staff.goto(url(`/bureau/plan-calls/${call.id}/applications`));
    await staff.getByTestId(`application-row-${applicationId}`).click();
    await staff.getByTestId('formal-checklist').waitFor();
    await staff.getByTestId('checklist-2').click();
    await staff.getByTestId('action-returnForCorrection').click();
    await staff.getByTestId('action-comment').fill('缺少营业执照扫描件，请补充');
    await staff.getByTestId('action-confirm').click();
    await staff.getByTestId('application-status-returned').first().waitFor();

    await company.reload();
    await company.getByTestId('returned-reason').waitFor();
    await company.getByRole('tab', { name: '附件' }).click();
    const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kechuang-e2e-upload-'));
    const licence = path.join(uploadDir, '营业执照.pdf');
    fs.writeFileSync(licence, SIGNED_PDF);
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
    await staff.getByTestId('action-startReview').click();
    await staff.getByTestId('application-status-underReview').first().waitFor();
    await screenshot(staff, 'journey-03-sent-to-review');

    // 4. Expert review: a round for the call, a random draw dry-run and applied, released.
    await staff.goto(url('/bureau/reviews/rounds'));
    await staff.getByTestId('round-new').click();
    await staff.getByTestId('round-title').fill(`${YEAR} 重点研发计划（全流程）网评`);
    await chooseByTyping(staff, 'round-call', callTitle);
    await staff.locator('#reviewersPerItem').fill('2');
    await staff.getByTestId('round-create').click();
    await staff.waitForURL((address) => /\/bureau\/reviews\/rounds\/\d+$/.test(address.pathname));
    const roundId = Number(staff.url().split('/').pop());
    await expect.poll(() => staff.getByTestId('round-status').textContent()).toBe('组织中');
    await staff.getByTestId('job-start').click();
    await staff.getByTestId('job-result').waitFor({ timeout: 60_000 });
    await staff.getByTestId('job-apply').click();
    await staff.locator('.ant-message').getByText('已分配 2 人次').first().waitFor();

    // Only the demo experts can log in to score: the drawn experts who cannot are swapped for them by hand.
    let round = await getJson<RoundDetail>(staff, `/api/reviews/rounds/${roundId}`);
    const item = round.items.find((entry) => entry.subjectId === applicationId)!;
    const demoExpertIds: number[] = [];
    for (const expert of DEMO_EXPERTS) {
      const found = await getJson<{ items: { id: number; name: string }[] }>(
        staff,
        `/api/reviews/experts?keyword=${encodeURIComponent(expert.name)}`,
      );
      demoExpertIds.push(found.items.find((entry) => entry.name === expert.name)!.id);
    }
    for (const assignment of item.assignments.filter((entry) => !demoExpertIds.includes(entry.expertId))) {
      const removed = await staff.request.delete(url(`/api/reviews/assignments/${assignment.id}`));
      expect(removed.status()).toBeLessThan(300);
    }
    for (const expertId of demoExpertIds.filter(
      (id) => !item.assignments.some((entry) => entry.expertId === id),
    ))
      await postJson(staff, `/api/reviews/rounds/${roundId}/assignments`, { itemId: item.id, expertId });
    await staff.reload();
    await staff.getByTestId('round-release').click();
    await expect.poll(() => staff.getByTestId('round-status').textContent()).toBe('评审中');
    await screenshot(staff, 'journey-04-round-released');
    round = await getJson<RoundDetail>(staff, `/api/reviews/rounds/${roundId}`);
    const assignmentOf = (expertId: number) =>
      round.items
        .find((entry) => entry.subjectId === applicationId)!
        .assignments.find((entry) => entry.expertId === expertId)!;

    // expert01 accepts, scores and submits in the expert portal.
    const expert01 = await as('expert01');
    await expert01.goto(url(`/expert/assignments/${assignmentOf(demoExpertIds[0]).id}`));
    await expect.poll(() => expert01.getByTestId('assignment-status').textContent()).toBe('待接受');
    await expert01.getByTestId('declare-none').click();
    await expert01.getByTestId('invitation-accept').click();
    await expect.poll(() => expert01.getByTestId('assignment-status').textContent()).toBe('评分中');
    for (const [criterion, score] of [
      ['innovation', '26'],
      ['approach', '17'],
      ['capacity', '17'],
      ['benefit', '18'],
      ['budget', '8'],
    ])
      await expert01.locator(`#scores_${criterion}`).fill(score);
    await expert01.getByText('同意立项').click();
    await expert01.getByTestId('sheet-comment').fill('技术路线清晰，产业化前景好，建议支持。');
    await expect.poll(() => expert01.getByTestId('sheet-total').textContent()).toContain('86');
    await expert01.getByTestId('sheet-submit').click();
    await expect.poll(() => expert01.getByTestId('assignment-status').textContent()).toBe('已提交');
    await screenshot(expert01, 'journey-05-expert-submitted');
    await expert01.context().close();

    // expert02 does the same through the expert portal's API with their own session.
    const expert02 = await newPage(harness);
    await postJson(expert02, '/api/auth/login', { username: 'expert02', password: DEMO_PASSWORD });
    const expert02Assignment = assignmentOf(demoExpertIds[1]).id;
    await postJson(expert02, `/api/expert/assignments/${expert02Assignment}/respond`, {
      accept: true,
      conflict: null,
    });
    await postJson(expert02, `/api/expert/assignments/${expert02Assignment}/submit`, {
      scores: { innovation: 24, approach: 16, capacity: 16, benefit: 16, budget: 8 },
      vote: 'pass',
      comment: '同意立项。',
    });
    await expert02.context().close();

    // Staff finish the round: the application is reviewed, with its score.
    await staff.reload();
    await expect.poll(() => staff.getByTestId('round-progress').textContent()).toContain('已提交 2/2');
    await staff.getByTestId('round-finish').click();
    await expect.poll(() => staff.getByTestId('round-status').textContent()).toBe('已完成');
    const approvalCall = await getJson<{
      applications: { id: number; status: string; reviewScore: number | null }[];
    }>(staff, `/api/plan-approval/calls/${call.id}`);
    expect(approvalCall.applications.find((entry) => entry.id === applicationId)).toMatchObject({
      status: 'reviewed',
      reviewScore: 83,
    });
    await screenshot(staff, 'journey-06-round-finished');

    // 5. 立项: staff propose it with an amount, the leader approves, staff start the 公示.
    await staff.goto(url(`/bureau/projects/approval?call=${call.id}`));
    const row = staff.locator('tr.ant-table-row', { hasText: TITLE });
    await row.waitFor();
    await staff.getByTestId(`amount-${applicationId}`).fill('55');
    await row.locator('.ant-checkbox-input').check();
    await staff.getByTestId('bulk-propose').click();
    await row.getByTestId('state-proposed').waitFor();

    const leader = await as('leader');
    await leader.goto(url(`/bureau/projects/approval?call=${call.id}`));
    const leaderRow = leader.locator('tr.ant-table-row', { hasText: TITLE });
    await leaderRow.getByTestId('state-proposed').waitFor();
    await leaderRow.locator('.ant-checkbox-input').check();
    await leader.getByTestId('bulk-approve').click();
    await leaderRow.getByTestId('state-approved').waitFor();
    await screenshot(leader, 'journey-07-leader-approved');
    await leader.context().close();

    await staff.reload();
    const approvedRow = staff.locator('tr.ant-table-row', { hasText: TITLE });
    await approvedRow.getByTestId('state-approved').waitFor();
    await approvedRow.locator('.ant-checkbox-input').check();
    await staff.getByTestId('bulk-publicity').click();
    await staff.waitForURL((address) => address.pathname === '/bureau/projects/publicity');
    await staff.getByTestId('notice-items').getByText(TITLE).waitFor();
    await staff.getByTestId('establish-blocker').waitFor();
    await screenshot(staff, 'journey-08-publicity-started');
    const notices = await getJson<{
      items: { id: number; establishedAt: string | null; isCurrent: boolean }[];
    }>(staff, '/api/publicity-notices');
    const noticeId = Math.max(
      ...notices.items.filter((notice) => notice.isCurrent).map((notice) => notice.id),
    );
    await staff.context().close();

    // The public portal shows the call and the 公示.
    const visitor = await newPage(harness);
    await visitor.goto(url('/'));
    await visitor.getByTestId(`portal-call-${call.id}`).waitFor();
    await visitor.goto(url('/publicity'));
    await visitor.getByText(TITLE).first().waitFor();
    await screenshot(visitor, 'journey-09-portal-publicity');
    await visitor.context().close();

    // 6. The 公示 period ends (see endPublicityInDatabase); staff establish the project.
    await harness.restartServer((dataDir) => endPublicityInDatabase(dataDir, noticeId));
    staff = await as('staff01');
    await staff.goto(url('/bureau/projects/publicity'));
    await staff.getByTestId(`open-notice-${noticeId}`).click();
    await staff.getByTestId('notice-establish').click();
    await staff.getByTestId('confirm-establish').click();
    await staff.getByTestId('notice-items').getByTestId('state-established').first().waitFor();
    await screenshot(staff, 'journey-10-established');

    // 7. The task contract: staff issue it, the enterprise downloads the Word file and uploads the signed scan, staff confirm.
    const projects = await getJson<{ items: { id: number; title: string }[] }>(
      staff,
      `/api/plan-projects?pageSize=100&keyword=${encodeURIComponent(TITLE)}`,
    );
    const project = projects.items.find((entry) => entry.title === TITLE)!;
    expect(project).toBeDefined();
    await staff.goto(url(`/bureau/projects/${project.id}?tab=contract`));
    const contractPane = activePane(staff);
    await contractPane.getByTestId('state-drafted').waitFor();
    await staff.getByTestId('action-issue').click();
    await staff.getByTestId('confirm-issue').click();
    await contractPane.getByTestId('state-issued').waitFor();

    company = await as(ENTERPRISE);
    await company.goto(url('/enterprise/projects'));
    await company.getByTestId(`project-link-${project.id}`).click();
    await company.getByTestId('project-title').getByText(TITLE).waitFor();
    await company.getByRole('tab', { name: '任务书' }).click();
    const companyPane = activePane(company);
    await companyPane.getByTestId('state-issued').waitFor();
    const [download] = await Promise.all([
      company.waitForEvent('download'),
      company.getByTestId('contract-word').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    expect(
      fs
        .readFileSync(await download.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    await company
      .locator('input[type=file]')
      .setInputFiles({ name: '任务书签字盖章.pdf', mimeType: 'application/pdf', buffer: SIGNED_PDF });
    await companyPane.getByTestId('state-signedUploaded').waitFor();
    await screenshot(company, 'journey-11-contract-signed-uploaded');

    await staff.reload();
    await contractPane.getByTestId('state-signedUploaded').waitFor();
    await staff.getByTestId('action-confirm').click();
    await staff.getByTestId('confirm-confirm').click();
    await contractPane.getByTestId('state-inForce').waitFor();
    await expect.poll(() => staff.getByTestId('project-status').textContent()).toBe('执行中');
    await screenshot(staff, 'journey-12-contract-in-force');

    // 8. Supervision: the enterprise files a progress report and a change of principal investigator.
    await company.goto(url('/enterprise/projects'));
    await company.getByTestId(`project-link-${project.id}`).click();
    await company.getByTestId('project-title').getByText(TITLE).waitFor();
    await company.getByRole('tab', { name: '执行报告' }).click();
    await activePane(company).locator('[data-testid^="fill-report-"]').first().click();
    const progressFields = company.locator('.ant-modal [data-testid^="progress-"]');
    await progressFields.first().waitFor();
    for (let index = 0; index < (await progressFields.count()); index++)
      await progressFields.nth(index).fill('按计划推进，完成工艺方案设计');
    await company.getByTestId('spent-wan').fill('12.5');
    await company.getByTestId('report-submit').click();
    await waitDone(company);
    await activePane(company).getByText('待审核').first().waitFor();
    await screenshot(company, 'journey-13-report-submitted');

    await company.getByRole('tab', { name: '变更' }).click();
    await activePane(company).getByTestId('new-change').click();
    await company.getByTestId('principal-name').fill('周新任');
    await company.getByTestId('change-reason').fill('原项目负责人调往集团总部');
    await company.getByTestId('change-submit').click();
    await waitDone(company);
    await activePane(company).getByText('周新任').waitFor();

    // Staff accept the report and approve the change.
    await staff.goto(url(`/bureau/projects/${project.id}`));
    await staff.getByRole('tab', { name: '执行报告' }).click();
    await activePane(staff).getByTestId('action-accept').click();
    await staff.getByTestId('confirm-accept').click();
    await waitDone(staff);
    await staff.getByRole('tab', { name: '变更' }).click();
    await activePane(staff).getByTestId('action-approve').click();
    await staff.getByTestId('confirm-approve').click();
    await waitDone(staff);
    await activePane(staff).getByText('已批准').waitFor();
    await staff.getByRole('tab', { name: '基本信息' }).click();
    await activePane(staff).getByText('周新任').waitFor();
    await screenshot(staff, 'journey-14-change-approved');

    // 9. The enterprise files the final report; staff record 通过验收.
    await company.reload();
    await company.getByRole('tab', { name: '验收' }).click();
    await activePane(company).getByTestId('open-final-report').click();
    const achieved = company.locator('[data-testid^="achieved-"]');
    await achieved.first().waitFor();
    for (let index = 0; index < (await achieved.count()); index++) await achieved.nth(index).fill('已达到');
    await company.getByTestId('final-summary').fill('项目完成任务书约定的研发任务，经费使用规范。');
    await company.getByTestId('final-submit').click();
    await waitDone(company);
    await expect.poll(() => company.getByTestId('project-status').textContent()).toBe('验收申请中');
    await company.context().close();

    await staff.reload();
    await staff.getByRole('tab', { name: '验收' }).click();
    await activePane(staff).getByTestId('acceptance-guidance').waitFor();
    await activePane(staff).getByTestId('action-accept').click();
    await staff.getByTestId('comment-input').fill('完成全部考核指标，同意通过验收');
    await staff.getByTestId('comment-submit').click();
    await waitDone(staff);
    await expect.poll(() => staff.getByTestId('project-status').textContent()).toBe('通过验收');
    await screenshot(staff, 'journey-15-accepted');
    await staff.context().close();
    // The whole life of a project in one journey: about 70 s alone, past five minutes with the CPU
    // eight times oversubscribed.
  }, 900_000);
});
