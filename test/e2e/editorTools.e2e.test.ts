import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare, fromInteger, parseDecimal, sub, toFixed } from '../../src/core/money/decimal';
import { screenshot, startApp, type RunningApp } from './harness';

/**
 * The editor's tools, in Chromium against browser mode on a fresh (seeded) database: the tax
 * switch shows the old and new totals and 撤销 puts the old method back; 倒算 fits the staffing
 * under a ceiling and 应用 brings the total within it (one Ctrl+Z takes it back); Ctrl+Z in the
 * guide version editor restores a cell; Ctrl+Z and 重做 in the contributions editor.
 */
let app: RunningApp;
let page: Page;

const text = async (testId: string) => (await page.getByTestId(testId).first().innerText()).trim();
const plain = (shown: string) => shown.replace(/[,\s元]/g, '');
const total = async () => plain(await text('total-total'));
const undoKey = () => page.keyboard.press('Control+z');

beforeAll(async () => {
  app = await startApp();
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe('budget editor tools', () => {
  it('switching 价税合计 ↔ 按比例 shows both methods and totals; 撤销 restores the old method and total', async () => {
    await page.getByTestId('project-link').first().waitFor();
    await page.getByTestId('project-link').first().click();
    await page.getByTestId('budget-editor').waitFor();
    await page.getByTestId('total-total').waitFor();
    const before = await total();
    const method = page.getByTestId('field-tax-method');
    const simple = (await method.locator('.ant-radio-button-wrapper-checked').innerText()).includes('按比例');
    const other = simple ? '价税合计（倒算）' : '按比例';

    await method.getByText(other, { exact: true }).click();
    const notice = page.getByTestId('tax-switch-notice');
    await notice.waitFor();
    await expect.poll(total).not.toBe(before);
    const after = await total();
    // the notice's totals are the editor's own, before and after, and their difference
    const shown = plain(await text('tax-switch-totals'));
    const difference = toFixed(sub(parseDecimal(after), parseDecimal(before)), 2);
    expect(shown).toContain(`${before}→${after}`);
    expect(shown).toContain(difference.startsWith('-') ? difference : `+${difference}`);
    expect(await text('tax-switch-methods')).toMatch(simple ? /^按比例 .*%.*→ 价税合计 增值税/ : /^价税合计 增值税 .*→ 按比例 .*%/);
    await screenshot(notice, 'editor-tax-switch');

    await page.getByTestId('tax-switch-undo').click();
    await expect.poll(total).toBe(before);
    expect(await method.locator('.ant-radio-button-wrapper-checked').innerText()).toContain(simple ? '按比例' : '价税合计');
    expect(await notice.count()).toBe(0);

    // Ctrl+Z takes the switch back as one step, the same way
    await method.getByText(other, { exact: true }).click();
    await expect.poll(total).toBe(after);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await undoKey();
    await expect.poll(total).toBe(before);
    expect(await notice.count()).toBe(0);
  });

  it('倒算 on the first staff line with a ceiling 1.00 below the total: 应用 brings the total within it, one Ctrl+Z restores it', async () => {
    const before = await total();
    const ceiling = toFixed(sub(parseDecimal(before), fromInteger(1)), 2);
    await page.getByTestId('fit-open').click();
    const dialog = page.getByTestId('fit-dialog');
    await dialog.waitFor();
    await page.getByTestId('fit-ceiling').fill(ceiling);
    await dialog.getByText('调整一行人数', { exact: true }).click();
    await page.getByTestId('fit-line').waitFor();
    await page.getByTestId('fit-compute').click();
    await page.getByTestId('fit-result').or(page.getByTestId('fit-problem')).waitFor();
    expect(await page.getByTestId('fit-problem').count(), await dialog.innerText()).toBe(0);
    const fitted = plain(await text('fit-total'));
    const remainder = plain(await text('fit-remainder'));
    // the remainder is the ceiling less the fitted total, to the fen
    expect(toFixed(sub(parseDecimal(ceiling), parseDecimal(fitted)), 2)).toBe(remainder);
    expect(compare(parseDecimal(remainder), fromInteger(0))).toBeGreaterThanOrEqual(0);
    expect(compare(parseDecimal(fitted), parseDecimal(before))).toBe(-1); // at least half a person fewer
    await screenshot(page.getByRole('dialog'), 'editor-fit-dialog');

    await page.getByTestId('fit-apply').click();
    await expect.poll(total).toBe(fitted);
    expect(compare(parseDecimal(await total()), parseDecimal(ceiling))).toBeLessThanOrEqual(0);

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await undoKey();
    await expect.poll(total).toBe(before);
  });
});

describe('非社工岗 staff line', () => {
  it('ticked, the post and grade are typed and the line is paid its agreed monthly, with no guide cell', async () => {
    await page.getByTestId('add-staff').click();
    const rows = page.getByTestId('staff-table').locator('tr[data-testid^="staff-row-"]');
    const row = rows.last();
    await row.getByTestId('staff-non-social-work').click();
    await row.getByTestId('staff-post-text').fill('财务');
    await row.getByPlaceholder('职级，如 会计').fill('会计');
    // no agreed pay yet: the line says what it needs
    const index = (await rows.count()) - 1;
    await expect.poll(() => page.getByTestId(`staff-issues-${index}`).innerText()).toContain('非社工岗须填写约定月薪');
    await row.getByTestId('staff-monthly').fill('5000');
    await expect.poll(() => page.getByTestId(`staff-issues-${index}`).count()).toBe(0);
    expect(await row.getByTestId('staff-guide-monthly').innerText()).toBe('—');
    expect(plain(await row.getByTestId('staff-paid-monthly').innerText())).toBe('5000.00');
    expect(plain(await row.getByTestId('staff-labour').innerText())).not.toBe('');
    await screenshot(row, 'editor-non-social-work');
  });
});

describe('undo in the other editors', () => {
  it('guide version editor: a cell typed over comes back with Ctrl+Z, and again with 重做', async () => {
    await page.evaluate(() => (window.location.hash = '#/guides'));
    await page.getByTestId('guides-page').waitFor();
    const editor = page.getByTestId('version-editor');
    if ((await editor.count()) === 0) await page.getByTestId('guide-list').locator('.ant-list-item').first().click();
    await editor.waitFor();
    const cell = editor.getByLabel(/^(金额|系数) 第 1 行$/);
    const stored = await cell.inputValue();
    await cell.fill('12345.00');
    expect(await cell.inputValue()).toBe('12345.00');
    await undoKey();
    await expect.poll(() => cell.inputValue()).toBe(stored);
    await editor.getByTestId('redo').click();
    await expect.poll(() => cell.inputValue()).toBe('12345.00');
    await editor.getByTestId('undo').click();
    await expect.poll(() => cell.inputValue()).toBe(stored);
  });

  it('contributions editor: Ctrl+Z undoes the floor typed, Ctrl+Y redoes it', async () => {
    await page.evaluate(() => (window.location.hash = '#/contributions'));
    const editor = page.getByTestId('contribution-editor');
    await editor.waitFor();
    const floor = page.getByLabel('缴费基数下限（元/月）', { exact: true });
    const stored = await floor.inputValue();
    await floor.fill('7000');
    await undoKey();
    await expect.poll(() => floor.inputValue()).toBe(stored);
    expect(await editor.textContent()).not.toContain('未保存');
    await page.keyboard.press('Control+y');
    await expect.poll(() => floor.inputValue()).toBe('7000');
    expect(await editor.textContent()).toContain('未保存');
    await page.getByTestId('undo').click();
    await expect.poll(() => floor.inputValue()).toBe(stored);
    expect(app.errors).toEqual([]);
  });
});
