import type { Page } from 'playwright-core';
import { add, fromInteger, mul, parseDecimal, toFixed } from '../../src/core/money/decimal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startApp, type RunningApp } from './harness';

/**
 * The budget editor keeps every edit and keeps errors local (issue: "A desk people trust"), in
 * Chromium against browser mode on a fresh database: a cost line without a name leaves the totals
 * of the other lines on screen marked 暂估; leaving asks first; reopening finds every edit as typed;
 * a deleted line comes back with Ctrl+Z; a block pasted from a sheet goes through the preview; Esc
 * in the category box keeps what was typed.
 */
const NAME = 'E2E 编辑安全项目';
let app: RunningApp;
let page: Page;

const text = async (testId: string) => (await page.getByTestId(testId).first().innerText()).trim();
const plain = (shown: string) => shown.replace(/,/g, '');

async function waitState(state: string) {
  await expect.poll(() => text('save-state'), { timeout: 10_000 }).toBe(state);
}

/** A paste as the browser sends it from Excel: a ClipboardEvent whose DataTransfer holds the text. */
async function pasteInto(testId: string, nth: number, clipboard: string) {
  await page
    .getByTestId(testId)
    .nth(nth)
    .evaluate((el, t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, clipboard);
}

beforeAll(async () => {
  app = await startApp();
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe('budget editor: no edit lost, errors stay local', () => {
  it('with a nameless cost line the totals of the other lines stay, marked 暂估, and the bad cell says why', async () => {
    await page.getByTestId('new-project').click();
    await page.getByTestId('new-name').fill(NAME);
    await page.getByTestId('new-period-start').fill('2026-01');
    await page
      .getByRole('button', { name: '创 建' })
      .or(page.getByRole('button', { name: '创建' }))
      .click();
    await page.getByTestId('budget-editor').waitFor();
    await page.getByTestId('add-staff').click();
    await waitState('已保存');
    const labourAlone = plain(await text('total-total'));

    // a cost line with a price but no name yet: the line is bad, the staff line still counts
    await page.getByTestId('add-cost').click();
    await page.getByTestId('cost-unit-price').first().fill('500');
    // two more edits while the line is bad
    await page.getByTestId('field-purchaser').fill('某街道办事处');
    await page.getByTestId('field-management').fill('8');

    await page.getByTestId('provisional-notice').waitFor();
    expect(await text('provisional-notice')).toContain('1 行有错误，未计入合计：其他费用第 1 行');
    expect(await text('totals-provisional')).toBe('暂估');
    // the totals are there: the staff line's labour plus 8 % of it, no cost line
    const labour = plain(await text('total-labour'));
    expect(plain(await text('total-other'))).toBe('0.00');
    expect(labour).not.toBe('');
    expect(plain(await text('total-total'))).not.toBe(labourAlone); // the 8 % fee is in
    // the bad cell is red and its message is under the line, naming table, line and field
    expect(await page.getByTestId('cost-name').first().getAttribute('aria-invalid')).toBe('true');
    expect(await text('cost-issues-0')).toContain('其他费用第 1 行「名称」');
    await waitState('草稿·有错误');
    await screenshot(page, 'budget-editor-provisional');
  });

  it('返回列表 asks first; the list marks the draft; reopening shows every edit as typed', async () => {
    await page.getByTestId('back-to-list').click();
    await page.getByTestId('leave-prompt').waitFor();
    expect(await text('leave-prompt')).toContain('已存为草稿');
    await page.getByTestId('leave-confirm').click();
    await page.getByTestId('project-list').waitFor();
    const row = page.locator('tr', { has: page.getByText(NAME, { exact: true }) });
    await row.getByTestId('project-draft').waitFor();

    await row.getByTestId('project-link').click();
    await page.getByTestId('budget-editor').waitFor();
    expect(await page.getByTestId('field-purchaser').inputValue()).toBe('某街道办事处');
    expect(await page.getByTestId('field-management').inputValue()).toBe('8');
    expect(await page.getByTestId('cost-unit-price').first().inputValue()).toBe('500');
    expect(await page.getByTestId('cost-name').first().inputValue()).toBe('');
    expect(await text('save-state')).toBe('草稿·有错误');

    // naming the line makes the project whole again: saved as the project, the draft dropped
    await page.getByTestId('cost-name').first().fill('社区活动');
    await waitState('已保存');
    expect(await page.getByTestId('provisional-notice').count()).toBe(0);
    expect(plain(await text('total-other'))).toBe('500.00'); // 500 × 1 × 1
  });

  it('deleting a line asks nothing, offers 撤销, and Ctrl+Z brings it back', async () => {
    await page.getByTestId('cost-row-0').getByTestId('remove-line').click();
    await page.getByTestId('line-deleted').waitFor();
    expect(await text('line-deleted')).toContain('已删除 其他费用第 1 行');
    expect(await page.getByTestId('cost-name').count()).toBe(0);
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('cost-name').count()).toBe(1);
    expect(await page.getByTestId('cost-name').first().inputValue()).toBe('社区活动');
    // and Ctrl+Y deletes it again, Ctrl+Z restores it once more
    await page.keyboard.press('Control+y');
    await expect.poll(() => page.getByTestId('cost-name').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('cost-name').count()).toBe(1);
  });

  it('a 2-row block pasted from a sheet goes through the preview and adds 2 lines', async () => {
    // pasted into the name box of line 1: the columns fill 名称, 单价, 数量 from there
    await pasteInto('cost-name', 0, '督导培训\t1,200.00\t2\r\n宣传册\t15\t300\r\n');
    await page.getByTestId('paste-preview').waitFor();
    expect(await page.getByTestId('paste-row').count()).toBe(2);
    expect(await text('paste-summary')).toBe('共 2 行，均无错误');
    // the box pasted into still holds its own text: the block did not land in it
    expect(await page.getByTestId('cost-name').first().inputValue()).toBe('社区活动');
    await screenshot(page.getByRole('dialog'), 'budget-paste-preview');
    await page.getByTestId('paste-apply').click();
    await expect.poll(() => page.getByTestId('cost-name').count()).toBe(3);
    // 1,200.00 × 2 = 2,400.00; 15 × 300 = 4,500.00
    expect(await page.getByTestId('cost-amount').nth(1).innerText()).toBe('2,400.00');
    expect(await page.getByTestId('cost-amount').nth(2).innerText()).toBe('4,500.00');
    expect(plain(await text('total-other'))).toBe('7400.00'); // 500.00 + 2,400.00 + 4,500.00
    // one Ctrl+Z takes the whole paste back
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('cost-name').count()).toBe(1);
    await page.keyboard.press('Control+y');
    await expect.poll(() => page.getByTestId('cost-name').count()).toBe(3);
  });

  it('staff rows with a header are mapped by it; a post the guide lacks is red in the preview and left out of the totals', async () => {
    const post = (await page.getByTestId('staff-post').first().innerText()).trim();
    const grade = (await page.getByTestId('staff-grade').first().innerText()).trim();
    await pasteInto('staff-count', 0, `岗位\t等级\t人数\r\n${post}\t${grade}\t2\r\n不存在的岗位\t一级\t1\r\n`);
    await page.getByTestId('paste-preview').waitFor();
    expect(await page.getByTestId('paste-header').isChecked()).toBe(true);
    expect(await page.getByTestId('paste-row').count()).toBe(2);
    expect(await text('paste-summary')).toBe('共 2 行，其中 1 行有错误');
    expect(await page.getByTestId('paste-row').nth(1).innerText()).toContain('指导价中没有岗位“不存在的岗位”');
    await page.getByTestId('paste-apply').click();
    await expect.poll(() => page.getByTestId('staff-count').count()).toBe(3);
    // the pasted line on the same cell with 2 people costs twice the first line's 1 person
    const labour = async (i: number) => parseDecimal(plain(await page.getByTestId('staff-labour').nth(i).innerText()));
    await expect.poll(async () => toFixed(await labour(1), 2)).toBe(toFixed(mul(await labour(0), fromInteger(2)), 2));
    // the unknown post is left out of the totals, which say so
    await page.getByTestId('provisional-notice').waitFor();
    expect(await text('provisional-notice')).toContain('人员经费第 3 行');
    expect(plain(await text('total-labour'))).toBe(toFixed(add(await labour(0), await labour(1)), 2));
    // one Ctrl+Z takes the pasted rows back
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('staff-count').count()).toBe(1);
  });

  it('staff rows with a 非社工岗 column (是/否) come in as non-social-work lines at their agreed pay; another value is a bad cell', async () => {
    await pasteInto('staff-count', 0, '岗位\t等级\t人数\t约定月薪\t非社工岗\r\n财务\t会计\t0.5\t5,200.00\t是\r\n行政\t专员\t1\t4800\t也许\r\n');
    await page.getByTestId('paste-preview').waitFor();
    expect(await page.getByTestId('paste-header').isChecked()).toBe(true);
    expect(await text('paste-summary')).toBe('共 2 行，其中 1 行有错误');
    expect(await page.getByTestId('paste-row').nth(1).innerText()).toContain('“也许”不是“是/否”或“非社工岗/社工岗”');
    await page.getByTestId('paste-apply').click();
    await expect.poll(() => page.getByTestId('staff-count').count()).toBe(3);
    // 财务 is the second line: ticked 非社工岗, half a post paid its agreed 5,200.00 a month
    expect(await page.getByTestId('staff-non-social-work').nth(1).isChecked()).toBe(true);
    await expect.poll(async () => (await page.getByTestId('staff-paid-monthly').nth(1).innerText()).trim()).toBe('5,200.00');
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('staff-count').count()).toBe(1);
  });

  it('a single value pasted into a box goes into that box', async () => {
    const box = page.getByTestId('cost-quantity').first();
    await box.click();
    await box.press('Control+a');
    // the browser inserts a plain paste itself; the table leaves it alone (nothing prevented)
    await pasteInto('cost-quantity', 0, '3');
    expect(await page.getByTestId('paste-preview').count()).toBe(0);
  });

  it('Esc in the category box keeps what was typed; Enter moves down the column', async () => {
    const category = page.getByTestId('cost-row-0').getByRole('combobox');
    await category.click();
    await category.fill('自定义类别');
    await page.keyboard.press('Escape');
    expect(await category.inputValue()).toBe('自定义类别');

    await page.getByTestId('cost-name').first().click();
    await page.keyboard.press('Enter');
    const focused = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value);
    expect(focused).toBe('督导培训');
    expect(app.errors).toEqual([]);
  });
});
