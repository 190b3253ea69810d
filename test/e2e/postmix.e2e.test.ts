import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMUNITY_CSV } from './communities';
import { screenshot, startApp, type RunningApp } from './harness';

/**
 * 区域规划's 岗位结构 editor end to end in Chromium: the three-post preset on the sample 三岗十八级
 * guide, priced; then its shares edited in percent, priced again; a mix whose shares do not add up
 * to 100 % refused by the API with the line named; and back to the preset.
 */

let app: RunningApp;
let tmp: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-postmix-e2e-'));
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** the 合计 row's last cell (人员经费（元）), as fen: "1,234.50" → 123450n */
async function labourTotalFen(table: Locator): Promise<bigint> {
  const cells = (await table.locator('tbody tr').last().locator('td').allTextContents()).map((t) => t.trim());
  expect(cells[0]).toBe('合计');
  const text = cells.at(-1)!.replace(/[,¥\s]/g, '');
  expect(text).toMatch(/^\d+\.\d{2}$/);
  return BigInt(text.replace('.', ''));
}

async function choose(plan: Locator, label: string, option: RegExp): Promise<void> {
  const select = plan.locator('.ant-form-item').filter({ hasText: label }).locator('.ant-select');
  await select.click();
  await plan.page().locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).first().click();
  await expect.poll(() => select.locator('.ant-select-selection-item').count()).toBe(1);
  // the next select's options are looked up among open dropdowns: wait for this one to finish closing
  await expect.poll(() => plan.page().locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()).toBe(0);
}

describe('区域规划: editing the post mix', () => {
  it('prices the preset mix, then the edited shares, and refuses shares that do not add up to 100 %', async () => {
    const { page } = app;
    const csvFile = path.join(tmp, '社区名单.csv');
    fs.writeFileSync(csvFile, COMMUNITY_CSV, 'utf8');
    await page.getByRole('menuitem', { name: /区域规划/ }).click();
    const plan = page.getByTestId('plan-page');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-communities').click()]);
    await chooser.setFiles(csvFile);
    // the page opens on the sample plan (示例社区名单.csv, also 3 communities): wait for the imported list itself
    await expect.poll(() => page.getByTestId('community-count').textContent(), { timeout: 20_000 }).toMatch(/^社区名单\.csv：3 个社区/);

    await choose(plan, '薪酬指导价', /三岗十八级/);
    await choose(plan, '社保公积金参数', /./);
    await choose(plan, '岗位结构', /^三岗/);

    // the preset's lines: 正职 1 per community, then 两委 0.3 and 一般工作人员 0.7 of the rest, shown in percent,
    // and the fixed 专职党建 line (two party-building posts per community)
    const editor = page.getByTestId('mix-editor');
    await editor.waitFor();
    expect(await editor.locator('tbody tr').count()).toBe(4);
    expect(await page.getByTestId('mix-fixed-0').inputValue()).toBe('1');
    expect(await page.getByTestId('mix-share-1').inputValue()).toBe('30');
    expect(await page.getByTestId('mix-share-2').inputValue()).toBe('70');
    expect(await page.getByTestId('mix-share-total').textContent()).toContain('100 %');

    await page.getByTestId('run-plan').click();
    const table = page.getByTestId('district-table');
    await expect.poll(() => table.locator('thead th').allTextContents(), { timeout: 30_000 }).toContain('人员经费（元）');
    const presetLabour = await labourTotalFen(table);
    expect(presetLabour).toBeGreaterThan(0n);

    // 两委 40 %, 一般工作人员 60 %. Posts after the one 正职 and the two 专职党建, mid quotas 13 / 15 / 14 (communities.ts):
    //   长春路 10 left: 30 % → 3.0 / 7.0 → 3 + 7;   40 % → 4.0 / 6.0 → 4 + 6   (largest remainder)
    //   新民   12 left: 30 % → 3.6 / 8.4 → 4 + 8;   40 % → 4.8 / 7.2 → 5 + 7
    //   南湖   11 left: 30 % → 3.3 / 7.7 → 3 + 8;   40 % → 4.4 / 6.6 → 4 + 7
    // so 3 posts move from 一般工作人员 3级 to 副职 6级, priced higher on the guide: the labour total rises.
    await page.getByTestId('mix-share-1').fill('40');
    await page.getByTestId('mix-share-2').fill('60');
    expect(await page.getByTestId('mix-share-total').textContent()).toContain('100 %');
    await page.getByTestId('run-plan').click();
    await expect.poll(() => labourTotalFen(table), { timeout: 30_000 }).not.toBe(presetLabour);
    const editedLabour = await labourTotalFen(table);
    expect(editedLabour).toBeGreaterThan(presetLabour);
    // the picture without the notices that are fading out
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
    await screenshot(page, 'plan-mix');

    // 40 % + 70 % = 110 %: the page shows the sum in red, and plan.run refuses it with the schema's message
    await page.getByTestId('mix-share-2').fill('70');
    expect(await page.getByTestId('mix-share-total').textContent()).toContain('110 %');
    await page.getByTestId('run-plan').click();
    const notice = page.locator('.ant-notification-notice').filter({ hasText: '区域规划测算失败' });
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.textContent()).toContain('各行比例之和须为 1，现为 1.1');

    // a copied line takes part in the sum; removing it and going back to the preset restores 30 / 70
    await editor.getByRole('button', { name: '复制此行' }).nth(1).click();
    expect(await editor.locator('tbody tr').count()).toBe(5);
    expect(await page.getByTestId('mix-share-total').textContent()).toContain('150 %');
    await page.getByTestId('mix-reset').click();
    expect(await editor.locator('tbody tr').count()).toBe(4);
    expect(await page.getByTestId('mix-share-1').inputValue()).toBe('30');
    expect(await page.getByTestId('mix-share-2').inputValue()).toBe('70');
    await page.getByTestId('run-plan').click();
    await expect.poll(() => labourTotalFen(table), { timeout: 30_000 }).toBe(presetLabour);

    // undo and redo: 两委 typed to 35 %, then the line removed — Ctrl+Z brings the line back with its 35,
    // Ctrl+Z again the preset's 30; Ctrl+Y and Ctrl+Shift+Z redo; the buttons do the same
    const rows = () => editor.locator('tbody tr').count();
    await page.getByTestId('mix-share-1').fill('35');
    await page.getByTestId('mix-remove-1').click();
    expect(await rows()).toBe(3);
    expect(await page.getByTestId('mix-line-removed').textContent()).toContain('已删除岗位结构第 2 行');
    await page.keyboard.press('Control+z');
    await expect.poll(rows).toBe(4);
    expect(await page.getByTestId('mix-share-1').inputValue()).toBe('35');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('mix-share-1').inputValue()).toBe('30');
    await page.keyboard.press('Control+y');
    await expect.poll(() => page.getByTestId('mix-share-1').inputValue()).toBe('35');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(rows).toBe(3);
    await page.getByTestId('plan-undo').click();
    await expect.poll(rows).toBe(4);
    await page.getByTestId('plan-redo').click();
    await expect.poll(rows).toBe(3);
    // the notice's 撤销 puts the removed line back at its place
    await page.getByTestId('mix-undo-remove').click();
    await expect.poll(rows).toBe(4);
    expect(await page.getByTestId('mix-share-1').inputValue()).toBe('35');
    expect(await page.getByTestId('mix-share-total').textContent()).toContain('105 %');
    await expect.poll(() => page.getByTestId('plan-save-state').textContent(), { timeout: 15_000 }).toBe('已保存');

    const notOurs = [/Failed to load resource: .* 404/, /\[antd: Spin\] `tip` only work/, /\[antd: message\] Static function/];
    expect(app.errors.filter((e) => !notOurs.some((re) => re.test(e)))).toEqual([]);
  });
});
