import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, logIn, newPage, screenshot, startHarness } from './harness';
import { waitDone } from './ui';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

const activePane = (page: Page) => page.locator('[role="tabpanel"][aria-hidden="false"]');

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
}

/** A demo project in execution with an overdue report (工业互联网边缘计算网关). */
const PROJECT_TITLE = '工业互联网边缘计算网关';

describe('科技计划项目监督与验收 in Chromium', () => {
  it('enterprise files a progress report and a change; staff approve both; enterprise files the final report; staff accept', async () => {
    const staff = await newPage(harness);
    await logIn(harness, staff, 'staff01');
    const projects = await (
      await staff.request.get(
        `${harness.server.baseUrl}/api/supervision/projects?keyword=${encodeURIComponent(PROJECT_TITLE)}`,
      )
    ).json();
    const project = projects.items[0];
    expect(project.status).toBe('inProgress');
    const enterprise = await (
      await staff.request.get(`${harness.server.baseUrl}/api/enterprises/${project.enterpriseId}`)
    ).json();

    // The enterprise: my projects → the project → the overdue report, then a change of principal investigator.
    const company = await newPage(harness);
    await logIn(harness, company, enterprise.enterprise.creditCode);
    await company.goto(`${harness.server.baseUrl}/enterprise/projects`);
    await company.getByTestId(`project-link-${project.id}`).click();
    await company.getByTestId('project-title').getByText(PROJECT_TITLE).waitFor();
    await openTab(company, '执行报告');
    await activePane(company).locator('[data-testid^="fill-report-"]').first().click();
    const progressFields = company.locator('.ant-modal [data-testid^="progress-"]');
    await progressFields.first().waitFor();
    for (let index = 0; index < (await progressFields.count()); index++)
      await progressFields.nth(index).fill(`第 ${index + 1} 项按计划推进，完成阶段测试`);
    await company.getByTestId('spent-wan').fill('35.5');
    await company.getByTestId('report-submit').click();
    await waitDone(company);
    await activePane(company).getByText('待审核').first().waitFor();
    await screenshot(company, 'supervision-report-submitted');

    await openTab(company, '变更');
    await activePane(company).getByTestId('new-change').click();
    await company.getByTestId('principal-name').fill('周新任');
    await company.getByTestId('change-reason').fill('原项目负责人调往集团总部');
    await company.getByTestId('change-submit').click();
    await waitDone(company);
    await activePane(company).getByText('周新任').waitFor();

    // Staff: accept the report and approve the change.
    await staff.goto(`${harness.server.baseUrl}/bureau/projects/${project.id}`);
    await openTab(staff, '执行报告');
    await activePane(staff).getByTestId('action-accept').click();
    await staff.getByTestId('confirm-accept').click();
    await waitDone(staff);
    await openTab(staff, '变更');
    await activePane(staff).getByTestId('action-approve').click();
    await staff.getByTestId('confirm-approve').click();
    await waitDone(staff);
    await activePane(staff).getByText('已批准').waitFor();
    await openTab(staff, '基本信息');
    await activePane(staff).getByText('周新任').waitFor();
    await screenshot(staff, 'supervision-change-approved');

    // The enterprise files the final report target by target and applies for acceptance.
    await company.reload();
    await openTab(company, '验收');
    await activePane(company).getByTestId('open-final-report').click();
    for (let index = 0; index < 3; index++) await company.getByTestId(`achieved-${index}`).fill('已达到');
    await company.getByTestId('final-summary').fill('项目完成任务书约定的研发任务，经费使用规范。');
    await company.getByTestId('final-submit').click();
    await waitDone(company);
    await expect.poll(() => company.getByTestId('project-status').textContent()).toBe('验收申请中');
    await company.context().close();

    // Staff record the panel's result: 通过验收.
    await staff.reload();
    await openTab(staff, '验收');
    await activePane(staff).getByTestId('acceptance-guidance').waitFor();
    await activePane(staff).getByTestId('action-accept').click();
    await staff.getByTestId('comment-input').fill('完成全部考核指标，同意通过验收');
    await staff.getByTestId('comment-submit').click();
    await waitDone(staff);
    await expect.poll(() => staff.getByTestId('project-status').textContent()).toBe('通过验收');
    await screenshot(staff, 'supervision-accepted');

    // The overdue list and the change queue are reachable from the menu.
    await staff.goto(`${harness.server.baseUrl}/bureau/project-supervision/overdue-reports`);
    await staff.getByTestId('remind-all').waitFor();
    await staff.goto(`${harness.server.baseUrl}/bureau/project-supervision/changes`);
    await staff.getByText('变更申请审核').waitFor();
    await staff.context().close();
  });
});
