import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startApp, type RunningApp } from './harness';

/**
 * The English switch on the 项目预算 pages: the list's heading and columns, the editor's cards,
 * column headers, totals and save state, and the page's own problem messages ("其他费用第 1 行「单价」" is
 * "Other costs, line 1, unit price"), and the budget's checks, said from their code and figures. Project, post
 * and category names are the user's data and stay as typed. Chinese is the default and comes back on switching.
 */

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

describe('English project budgets', () => {
  it('switches the list and the budget editor to English, a bad unit price included, and back to Chinese', async () => {
    const { page } = app;
    const list = page.getByTestId('project-list');
    await page.getByTestId('project-link').first().waitFor();
    await list.getByRole('heading', { name: '项目预算', exact: true }).waitFor();

    await page.getByTestId('lang-switch').click();
    await list.getByRole('heading', { name: 'Project budgets', exact: true }).waitFor();
    expect(await list.locator('thead th').allTextContents()).toEqual(
      expect.arrayContaining(['Project name', 'Purchaser / provider', 'Period', 'Pay guide', 'Total (yuan)', 'Headcount', 'Checks', 'Updated', 'Actions']),
    );
    // the new-project form's own check: an empty name is refused in English
    await list.getByRole('button', { name: /New project/ }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: 'Months of service' });
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByText('Enter the project name').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // a sample project (it has staff and cost lines)
    await page.getByTestId('project-link').first().click();
    const editor = page.getByTestId('budget-editor');
    await editor.waitFor();
    await page.getByTestId('total-total').waitFor();
    await expect.poll(() => page.getByTestId('save-state').innerText()).toBe('Saved');
    for (const text of [
      'Back to list',
      'Export workbook',
      'Management fee, tax and rules',
      'Totals (yuan)',
      'Budget total',
      'Staff-cost share',
      'Checks',
      'Cost composition',
    ]) {
      expect(await editor.textContent(), text).toContain(text);
    }
    expect(await editor.textContent()).toMatch(/Staff costs \(\d+ lines?\)/);
    expect(await editor.textContent()).toMatch(/Other costs \(\d+ lines?\)/);
    const staffHeaders = await page.getByTestId('staff-table').locator('thead th').allTextContents();
    expect(staffHeaders).toEqual([
      '#',
      'Post',
      'Grade',
      'Step',
      'Qualification',
      'Count',
      'Months',
      'Extra mo.',
      'Guide/mo.',
      'Agreed/mo.',
      'Note',
      // the money stays pinned at the right edge while the inputs scroll
      'Paid/mo.',
      'Staff cost',
      '',
    ]);
    const costHeaders = await page.getByTestId('cost-table').locator('thead th').allTextContents();
    expect(costHeaders).toEqual(['#', 'Category', 'Name', 'Unit price (yuan)', 'Quantity', 'Times', 'Note', 'Amount (yuan)', '']);
    expect(await page.getByTestId('staff-step').first().innerText()).toMatch(/^\d+$/);

    // the draft's own check, in English: where (line and field), then the schema's English half
    const price = page.getByTestId('cost-unit-price').first();
    const original = await price.inputValue();
    // unit prices take 4 decimals as tariffs are written (0.6173 元/度): a fifth is refused
    await price.fill('12.34567');
    await expect
      .poll(() => page.getByTestId('draft-problem').first().innerText())
      .toBe('Other costs, line 1, unit price: must be a non-negative unit price with at most 4 decimals');
    // kept as a draft; the totals of the other lines stay, marked provisional, the bad line named
    await expect.poll(() => page.getByTestId('save-state').innerText(), { timeout: 10_000 }).toBe('Draft · has errors');
    expect(await page.getByTestId('totals').innerText()).toContain('1 line with errors, not counted in the totals: Other costs, line 1');

    // back to Chinese while the problem stands: the same problem, named as before
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('draft-problem').first().innerText()).toMatch(/^其他费用第 1 行「单价」：必须是不小于 0、最多四位小数的单价/);
    expect(await page.getByTestId('save-state').innerText()).toBe('草稿·有错误');
    expect(await page.getByTestId('staff-table').locator('thead th').nth(1).textContent()).toBe('岗位');
    expect(await editor.textContent()).toContain('管理费、税费与约束');

    // corrected, and the picture in English
    await price.fill(original);
    await expect.poll(() => page.getByTestId('save-state').innerText(), { timeout: 10_000 }).toBe('已保存');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('save-state').innerText()).toBe('Saved');
    await page.getByTestId('charts').waitFor();
    await page.waitForTimeout(600); // charts redraw after the debounce; antd's fades finish
    await screenshot(page, 'budget-editor-en');

    // a failing check in English: the core sends the check's code and figures, the page says them
    const minLabour = page.getByTestId('field-min-labour');
    const minBefore = await minLabour.inputValue();
    await minLabour.fill('99');
    const failing = page.getByTestId('check-LABOUR_SHARE_BELOW_MIN');
    await failing.waitFor();
    const said = await failing.innerText();
    expect(said).toMatch(
      /^Staff-cost share \d+\.\d\d% is below the purchaser’s minimum of 99\.00%, [\d.]+ percentage points? short; on a total of [\d,]+\.\d\d yuan, staff costs must be at least [\d,]+\.\d\d yuan/,
    );
    expect(said).not.toMatch(/[\u4e00-\u9fff]/);
    // in Chinese the same check is the core's own sentence, as the CLI prints it
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => failing.innerText()).toMatch(/^人员经费占比 \d+\.\d\d% 低于购买方要求的最低 99\.00%/);
    await page.getByTestId('lang-switch').click();
    await minLabour.fill(minBefore);
    await failing.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('save-state').innerText(), { timeout: 10_000 }).toBe('Saved');
    await page.getByTestId('lang-switch').click();
    await editor.getByRole('button', { name: /返回列表/ }).waitFor();
    expect(app.errors).toEqual([]);
  });
});
