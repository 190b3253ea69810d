import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { THREE_POSTS } from '../../db/sampleData';
import { PaybenchStore } from '../../db/store';
import { screenshot, startApp, type RunningApp } from './harness';

/**
 * Locked versions and the change history (docs/design.md §History and locks), end to end in
 * Chromium against browser mode on a fresh sample database: a draft version of the sample 三岗十八级
 * guide (2025 版: no 文号, no project uses it) is given a 文号 and saved; it is then 已锁定, its
 * 保存版本 gives way to 另存为新版本, and an edit goes into a new version while 2025 版 stays as it
 * was; 历史记录 shows the 文号 change and the new version, and exports them as a workbook.
 */
const button = (scope: Page | Locator, name: string | RegExp) => scope.getByRole('button', { name });
const DOC_NO = '示例区民发〔2025〕2号';

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

describe('locked versions and history', () => {
  it('edit → locked → 另存为新版本 → 历史记录 shows the change and exports it', async () => {
    const { page } = app;
    await page.evaluate(() => (window.location.hash = '#/guides'));
    await page.getByTestId('guides-page').waitFor();
    await page.getByText(THREE_POSTS, { exact: true }).first().click();
    const detail = page.getByTestId('guide-detail');
    await expect.poll(() => detail.textContent()).toContain('2025 版');
    // 2026 版 is in force for the sample 吉林式 project (2026): locked; 2025 版 is a free draft
    await expect.poll(() => detail.getByTestId('version-locked').count()).toBe(1);
    await detail.getByRole('cell', { name: '2025 版', exact: true }).click();
    const editor = page.getByTestId('version-editor');
    await expect.poll(() => page.getByLabel('版本名称', { exact: true }).inputValue()).toBe('2025 版');
    expect(await editor.getByTestId('version-lock').count()).toBe(0);

    // edit in place: give it its 文号
    await page.getByLabel('文号', { exact: true }).fill(DOC_NO);
    await button(page, '保存版本').click();
    await page.getByText('已保存版本“2025 版”').waitFor();

    // now it is locked: the tag, the reason, and no in-place save
    await expect.poll(() => detail.getByTestId('version-locked').count()).toBe(2);
    const lock = editor.getByTestId('version-lock');
    await lock.waitFor();
    expect(await lock.textContent()).toContain(`此版本已锁定，不能直接修改（有文号 ${DOC_NO}）`);
    expect(await button(page, '保存版本').count()).toBe(0);

    // an edit goes into a new version, prefilled from this one
    await page.getByLabel('来源', { exact: true }).fill('示例数据（修订稿）');
    await button(editor, '另存为新版本').click();
    const dialog = page.getByRole('dialog').filter({ hasText: '复制“2025 版”' });
    await dialog.getByLabel('新版本名称', { exact: true }).fill('2025 修订版');
    await dialog.getByLabel('新版本生效日期', { exact: true }).fill('2025-07-01');
    await button(dialog, '创建版本').click();
    await page.getByText('已创建版本“2025 修订版”').waitFor();
    await expect.poll(() => page.getByLabel('版本名称', { exact: true }).inputValue()).toBe('2025 修订版');
    expect(await page.getByLabel('来源', { exact: true }).inputValue()).toBe('示例数据（修订稿）');
    expect(await page.getByLabel('文号', { exact: true }).inputValue()).toBe('');

    // 历史记录: the 文号 change of 2025 版 and the new version, by the OS user
    await button(detail, /历史记录/).click();
    const drawer = page.getByTestId('history-drawer');
    const rows = drawer.getByTestId('history-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    const texts = await rows.allTextContents();
    expect(texts.some((t) => t.includes('2025 修订版') && t.includes('新建'))).toBe(true);
    // one change to 2025 版: its 文号 (the coefficients the form shows as 0.8 are the stored 0.80: no change)
    expect(texts.filter((t) => t.includes('2025 版修改'))).toEqual([expect.stringContaining(`文号：— → ${DOC_NO}`)]);
    await screenshot(page, 'guide-history');

    const download = page.waitForEvent('download');
    await button(drawer, /导出 Excel/).click();
    const file = await (await download).path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('变更记录')!;
    const cells = sheet.getSheetValues().flatMap((r) => (Array.isArray(r) ? r.map(String) : []));
    expect(cells).toContain(DOC_NO);
    expect(cells).toContain('文号');

    // the store: 2025 版 kept as saved, the edit in the new version
    const store = PaybenchStore.open(app.dbFile, { seed: false });
    try {
      const guide = store.guides.findByName(THREE_POSTS)!;
      const byLabel = new Map(guide.versions.map((v) => [v.label, v]));
      expect(byLabel.get('2025 版')).toMatchObject({ documentNo: DOC_NO });
      expect(byLabel.get('2025 版')!.source).not.toBe('示例数据（修订稿）');
      expect(byLabel.get('2025 修订版')).toMatchObject({ source: '示例数据（修订稿）', documentNo: '', effectiveFrom: '2025-07-01' });
    } finally {
      store.close();
    }
    const notOurs = [/Failed to load resource: .* 404/, /\[antd: Spin\] `tip` only work/, /\[antd: message\] Static function/];
    expect(app.errors.filter((e) => !notOurs.some((re) => re.test(e)))).toEqual([]);
  });
});
