import type { Page } from 'playwright-core';

/**
 * After choosing in a single Select, its list closes with an animation; on a loaded machine the
 * closing list still covers the next field for a while. Waits for it to be gone (a multiple Select
 * keeps its list open: then this gives up after 5 s and the test goes on).
 */
async function waitForListClosed(page: Page): Promise<void> {
  await page
    .locator('.ant-select-dropdown:visible')
    .first()
    .waitFor({ state: 'hidden', timeout: 5_000 })
    .catch(() => undefined);
}

/**
 * The open list once its opening animation is over: a click on a list still sliding in lands on
 * whatever option is under the pointer at that moment (on a loaded machine, often the one above).
 */
function settledList(page: Page) {
  return page
    .locator(
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden):not([class*="-appear"]):not([class*="-enter"]):not([class*="-leave"])',
    )
    .filter({ visible: true });
}

/**
 * True once a single Select shows a value (a multiple Select is not checked: clicking its option
 * again would take the value away).
 */
async function showsValue(page: Page, testId: string, option: string): Promise<boolean> {
  const select = page.getByTestId(testId);
  if (!((await select.getAttribute('class')) ?? '').includes('ant-select-single')) return true;
  return select
    .locator('.ant-select-content-has-value', { hasText: option })
    .first()
    .waitFor({ timeout: 5_000 })
    .then(() => true)
    .catch(() => false);
}

/**
 * Opens an antd Select and clicks the option holding `option` once the list has settled; if the
 * Select does not then show it, the choice is made again (at most three times).
 */
export async function choose(page: Page, testId: string, option: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.getByTestId(testId).click();
    await settledList(page).locator('.ant-select-item-option', { hasText: option }).first().click();
    await waitForListClosed(page);
    if (attempt === 3 || (await showsValue(page, testId, option))) return;
  }
}

/**
 * Chooses an option of an antd Select by typing its text (never by scrolling a virtual list) and
 * clicking the option that holds it. Enter would take the highlighted option, which for a Select
 * that searches the server may still belong to an earlier keyword's answer, or to none while the
 * last answer is on its way.
 */
export async function chooseByTyping(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await settledList(page).locator('.ant-select-item-option', { hasText: text }).first().click();
  await waitForListClosed(page);
}

/** Types a date into an antd DatePicker and leaves it with Tab (Enter would submit the form). */
export async function pickDate(page: Page, testId: string, value: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByTestId(testId).fill(value);
  await page.getByTestId(testId).press('Tab');
}

/** Waits for the app's success message. */
export async function waitDone(page: Page): Promise<void> {
  await page.locator('.ant-message').getByText('操作成功').first().waitFor();
}
