import { buildUscc, chinaToday, USCC_CHARSET } from '@kechuang/domain';
import ExcelJS from 'exceljs';
import type { APIResponse, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, logIn, newPage, screenshot, startHarness } from './harness';
import { chooseByTyping, pickDate } from './ui';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

const url = (pathname: string) => `${harness.server.baseUrl}${pathname}`;

async function ok<T>(response: APIResponse, what: string): Promise<T> {
  if (!response.ok()) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A new enterprise, verified by staff and put on a campaign's target list, all through the API. */
async function prepareEnterprise(staffPage: Page) {
  let body = 'MA';
  for (let i = 0; i < 7; i++) body += USCC_CHARSET[Math.floor(Math.random() * 31)];
  const creditCode = buildUscc('370811', body);
  const name = `济宁服务${creditCode.slice(-5)}智能装备有限公司`;
  const password = 'Serve#2026test';
  const registered = await ok<{ enterpriseId: number }>(
    await staffPage.request.post(url('/api/enterprises/register'), {
      data: { creditCode, name, contactName: '周经理', contactPhone: '13912345678', password },
    }),
    'register',
  );
  const { enterprise } = await ok<{ enterprise: { version: number } }>(
    await staffPage.request.get(url(`/api/enterprises/${registered.enterpriseId}`)),
    'read enterprise',
  );
  await ok(
    await staffPage.request.post(url(`/api/enterprises/${registered.enterpriseId}/actions/verify`), {
      data: { version: enterprise.version },
    }),
    'verify',
  );
  const year = Number(chinaToday().slice(0, 4)) - 1;
  await ok(
    await staffPage.request.post(url('/api/services/campaigns'), {
      data: {
        name: `${year}年“找问题、补短板、强服务、抓提升”大调研（${creditCode.slice(-5)}）`,
        slogan: '找问题、补短板、强服务、抓提升',
        startsOn: `${year}-01-01`,
        endsOn: `${year}-12-31`,
        targets: [{ enterpriseId: registered.enterpriseId, kind: 'enterprise', team: '第一走访组' }],
      },
    }),
    'campaign',
  );
  return { creditCode, name, password, visitedOn: `${year}-06-01` };
}

async function logInEnterprise(page: Page, creditCode: string, password: string) {
  await page.goto(url('/login'));
  await page.getByTestId('login-username').fill(creditCode);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((address) => address.pathname.startsWith('/enterprise'));
}

describe('科技服务 in Chromium', () => {
  it('staff create a training, an enterprise signs up, staff check it in with its code; a visit’s problem, answered by its department’s own account, reopens on an unsatisfied 回访; the ledger exports', async () => {
    const staff = await newPage(harness);
    await logIn(harness, staff, 'staff01');
    const company = await prepareEnterprise(staff);
    const title = `高企认定政策专题培训班${company.creditCode.slice(-5)}`;
    const today = chinaToday();

    // Staff create a training for today.
    await staff.getByTestId('side-menu').getByText('科技服务').click();
    await staff.getByTestId('side-menu').getByText('科技服务活动').click();
    await staff.waitForURL((address) => address.pathname === '/bureau/services/events');
    await staff.getByTestId('event-add').click();
    await chooseByTyping(staff, 'event-type', '专题培训班');
    await staff.getByTestId('event-title').fill(title);
    await staff.locator('#topic').fill('高企认定条件与研发费用归集');
    await staff.getByTestId('event-place').fill('区政务服务中心三楼会议室');
    await pickDate(staff, 'event-held-on', today);
    await pickDate(staff, 'event-deadline', today);
    await staff.getByTestId('event-capacity').fill('30');
    await staff.getByTestId('event-save').click();
    await staff.waitForURL((address) => /\/bureau\/services\/events\/\d+$/.test(address.pathname));
    const eventPath = new URL(staff.url()).pathname;

    // The enterprise signs two people up and reads its check-in code.
    const enterprise = await newPage(harness);
    await logInEnterprise(enterprise, company.creditCode, company.password);
    await enterprise.goto(url('/enterprise/services/events'));
    await enterprise.getByTestId(`sign-up-${eventPath.split('/').pop()}`).click();
    await enterprise.getByTestId('sign-up-name-0').fill('周经理');
    await enterprise.getByTestId('sign-up-phone-0').fill('13912345678');
    await enterprise.getByTestId('sign-up-add').click();
    await enterprise.getByTestId('sign-up-name-1').fill('吴工程师');
    await enterprise.getByTestId('sign-up-phone-1').fill('13812345678');
    await enterprise.getByTestId('sign-up-save').click();
    const codeCell = enterprise.getByTestId('my-check-in-code').first();
    await codeCell.waitFor();
    const code = (await codeCell.textContent()) ?? '';
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    await screenshot(enterprise, 'services-my-signup');

    // Staff check the enterprise in at the door by typing its code.
    await staff.goto(url(eventPath));
    await staff.getByTestId('check-in-code').fill(code);
    await staff.getByTestId('check-in-submit').click();
    await expect.poll(() => staff.getByTestId('event-attended').textContent(), { timeout: 20_000 }).toBe('2');
    await screenshot(staff, 'services-checked-in');

    // Staff record a visit with two problems.
    await staff.goto(url('/bureau/services/campaigns'));
    const campaignName = `（${company.creditCode.slice(-5)}）`;
    await staff.locator('.ant-card-extra .ant-select').first().click();
    await staff
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: campaignName })
      .first()
      .click();
    await staff.getByTestId('visit-add').click();
    await chooseByTyping(staff, 'visit-target', company.name.slice(0, 9));
    await pickDate(staff, 'visit-date', company.visitedOn);
    await staff.getByTestId('visit-team').fill('第一走访组');
    await staff.getByTestId('visit-visitors').fill('张科员、李科员');
    await staff.getByTestId('visit-met').fill('周经理');
    await staff.getByTestId('visit-findings').fill('企业研发中心在建，缺少中试场地');
    for (const [index, problem] of [
      ['政策咨询', '研发费用加计扣除口径不清楚', '高新技术科'],
      ['平台建设', '缺少中试场地', '工业和信息化局'],
    ].entries()) {
      await staff.getByTestId('problem-add').click();
      await chooseByTyping(staff, `problem-category-${index}`, problem[0]);
      await staff.getByTestId(`problem-description-${index}`).fill(problem[1]);
      await chooseByTyping(staff, `problem-department-${index}`, problem[2]);
    }
    await staff.getByTestId('visit-save').click();
    await staff.getByTestId('visit-table').getByText(company.name).waitFor();

    // The 高新技术科 signs in with its own department account: its workbench lists the ticket to
    // answer, and it replies with the measure taken.
    const department = await newPage(harness);
    await logIn(harness, department, 'dept01');
    await department.goto(url('/bureau'));
    const toAnswer = department.getByTestId('todo-services.toAnswer');
    await toAnswer.waitFor();
    expect(await toAnswer.textContent()).toContain('待答复的问题');
    await department.getByTestId('todo-services.overdue').waitFor();
    await toAnswer.click();
    await department.waitForURL((address) => address.pathname === '/bureau/services/problems');
    await department.getByTestId('problem-table').waitFor();
    await department.goto(url(`/bureau/services/problems?keyword=${encodeURIComponent(company.name)}`));
    const ownTicket = department
      .getByTestId('problem-table')
      .getByRole('button', { name: '研发费用加计扣除口径不清楚' });
    await ownTicket.click();
    // The other department's ticket of the same visit is not on its list.
    expect(
      await department.getByTestId('problem-table').getByRole('button', { name: '缺少中试场地' }).count(),
    ).toBe(0);
    await department.getByTestId('action-reply').click();
    await department.getByTestId('comment-input').fill('已安排政策专员电话讲解');
    await department.getByTestId('comment-submit').click();
    await expect
      .poll(() => department.getByTestId('problem-status').textContent(), { timeout: 20_000 })
      .toBe('已答复待回访');
    await screenshot(department, 'services-department-replied');
    // The other department has no account here: staff record its measure for it.
    await staff.goto(url(`/bureau/services/problems?keyword=${encodeURIComponent(company.name)}`));
    await staff.getByTestId('problem-table').getByRole('button', { name: '缺少中试场地' }).click();
    await staff.getByTestId('action-reply').click();
    await staff.getByTestId('comment-input').fill('协调中试基地共享场地');
    await staff.getByTestId('comment-submit').click();
    await expect
      .poll(() => staff.getByTestId('problem-status').textContent(), { timeout: 20_000 })
      .toBe('已答复待回访');
    await staff.locator('.ant-drawer-close').click();

    // The enterprise rates one answer unsatisfied: it reopens.
    await enterprise.goto(url('/enterprise/services/problems'));
    await enterprise
      .getByTestId('problem-table')
      .getByRole('button', { name: '研发费用加计扣除口径不清楚' })
      .click();
    await enterprise.getByTestId('action-rate-unsatisfied').click();
    await enterprise.getByTestId('comment-input').fill('讲解后仍不清楚归集口径，希望上门辅导');
    await enterprise.getByTestId('comment-submit').click();
    await expect
      .poll(() => enterprise.getByTestId('problem-status').textContent(), { timeout: 20_000 })
      .toBe('重办');
    await screenshot(enterprise, 'services-problem-reopened');

    // The ledger exports in the bureau's layout.
    const exported = await staff.request.get(url('/api/services/problems/export?status=reopened'));
    expect(exported.status()).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exported.body()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect((sheet.getRow(1).values as string[]).slice(1, 4)).toEqual(['序号', '问题来源', '企业']);
    const rows = sheet.getSheetValues().map((values) => JSON.stringify(values));
    expect(rows.some((line) => line.includes('研发费用加计扣除口径不清楚') && line.includes('重办'))).toBe(
      true,
    );
    await staff.context().close();
    await enterprise.context().close();
    await department.context().close();
  });

  it('an enterprise asks on the online 答疑 board, staff answer and publish it, the portal shows it without the enterprise', async () => {
    const staff = await newPage(harness);
    await logIn(harness, staff, 'staff01');
    const company = await prepareEnterprise(staff);
    const title = `研发费用加计扣除如何归集${company.creditCode.slice(-5)}`;

    // The enterprise asks; an empty question is refused on the form.
    const enterprise = await newPage(harness);
    await logInEnterprise(enterprise, company.creditCode, company.password);
    await enterprise.goto(url('/enterprise/services/questions'));
    await enterprise.getByTestId('question-ask').click();
    await enterprise.getByTestId('question-ask-save').click();
    await enterprise.locator('.ant-form-item-explain-error').first().waitFor();
    await enterprise.getByTestId('question-title').fill(title);
    await enterprise.getByTestId('question-content').fill('委托外部机构研发的费用能否加计扣除？比例是多少？');
    await enterprise.getByTestId('question-topic').fill('研发费用加计扣除');
    await enterprise.getByTestId('question-ask-save').click();
    await enterprise.getByTestId('my-question-table').getByText(title).waitFor();
    await screenshot(enterprise, 'services-question-asked');

    // Staff find it among those waiting and answer it in the drawer.
    await staff.goto(url('/bureau/services/questions?status=open'));
    await staff.getByTestId('question-table').getByRole('button', { name: title }).click();
    await staff
      .getByTestId('question-answer-input')
      .fill('委托境内机构研发的，按实际发生额的80%计入委托方研发费用后加计扣除。');
    await staff.getByTestId('question-answer-submit').click();
    await expect
      .poll(() => staff.getByTestId('question-status').textContent(), { timeout: 20_000 })
      .toBe('已解答');
    await staff.getByTestId('question-publish').click();
    await staff.getByText('已公开为常见问题').waitFor();
    await screenshot(staff, 'services-question-answered');

    // The enterprise reads the answer under its question.
    await enterprise.reload();
    await enterprise.getByTestId('my-question-table').getByText(title).click();
    await expect
      .poll(() => enterprise.getByTestId('my-question-answer').first().textContent(), { timeout: 20_000 })
      .toContain('80%');

    // The portal lists it among the FAQs, without the enterprise's name.
    const visitor = await newPage(harness);
    await visitor.goto(url('/'));
    const faq = visitor.getByTestId('portal-faq');
    await faq.getByText(title).waitFor();
    expect(await faq.textContent()).not.toContain(company.name);
    await screenshot(visitor, 'services-portal-faq');
    await staff.context().close();
    await enterprise.context().close();
    await visitor.context().close();
  });
});
