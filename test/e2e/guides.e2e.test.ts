import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { PaybenchStore } from '../../db/store';
import { screenshot, startApp, type RunningApp } from './harness';

/**
 * 薪酬指导价 and 社保公积金参数 pages, end to end in Chromium against browser mode on a fresh
 * database: a guide made by pasting a block copied from Excel, saved, found again after a reload;
 * adjusted by 3 % to the ten yuan and diffed; a contribution set edited with a bad field refused.
 */

const GUIDE = 'E2E 测试市社工薪酬指导价';

/** What Excel puts on the clipboard: tabs, CRLF, numbers as displayed (separators, full-width, 元). */
const excel = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';
const HEADER = ['岗位', '等级', '档次', '月薪（元）'];
const GOOD_BLOCK = excel([
  HEADER,
  ['一线社工', '助理社工师', '1', '5,200.00'],
  ['一线社工', '助理社工师', '2', '５５００'],
  ['一线社工', '社工师', '1', '6,500元'],
  ['一线社工', '社工师', '2', '6,800.00'],
  ['督导', '社工师', '1', '8,000.00'],
  ['督导', '高级社工师', '1', '9,500.00'],
]);
const BAD_BLOCK = excel([
  HEADER,
  ['一线社工', '助理社工师', '1', '5,200.00'],
  ['一线社工', '助理社工师', '2', '5千'], // row 3, column 4
  ['一线社工', '社工师', '1', '6500'],
  ['督导', '社工师', 'x', '8000'], // row 5, column 3
]);

async function pasteInto(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).evaluate((el, clip) => {
    const data = new DataTransfer();
    data.setData('text/plain', clip);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

const button = (scope: Page | Locator, name: string | RegExp) => scope.getByRole('button', { name });
/** antd spaces two-character Chinese button labels ("保 存"), after the icon's own name ("save"). */
const two = (label: string) => new RegExp(`(^|\\s)${label[0]}\\s*${label[1]}$`);

let app: RunningApp;

/** HTTP failures of the page's own requests (API calls, assets); Chromium's favicon probe is not one. */
const failedResponses: string[] = [];

beforeAll(async () => {
  app = await startApp();
  app.page.on('response', (r) => {
    if (r.status() >= 400) failedResponses.push(`${r.status()} ${r.url()}`);
  });
});

afterAll(async () => {
  await app?.close();
});

describe('薪酬指导价 page', () => {
  it('creates a guide by pasting an Excel block: a bad block is refused cell by cell, a good one fills the grid; saved and found after reload', async () => {
    const { page } = app;
    await page.evaluate(() => (window.location.hash = '#/guides'));
    await page.getByTestId('guides-page').waitFor();

    await button(page, two('新建')).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('指导价名称', { exact: true }).fill(GUIDE);
    await dialog.getByLabel('发布单位', { exact: true }).fill('E2E 测试市民政局');
    await dialog.getByLabel('首个版本名称', { exact: true }).fill('2026 版');
    await dialog.getByLabel('生效日期', { exact: true }).fill('2026-01-01');
    await button(dialog, two('创建')).click();
    await page.getByTestId('version-editor').waitFor();
    await expect.poll(() => page.getByTestId('guide-detail').textContent()).toContain(GUIDE);

    // a bad block: every bad cell named as 第 r 行第 c 列 (the header is row 1), nothing applied
    await pasteInto(page, 'paste-zone', BAD_BLOCK);
    const problems = page.getByTestId('paste-problems');
    await problems.waitFor();
    expect(await problems.locator('li').allTextContents()).toEqual([
      '第 3 行第 4 列：“5千”不是金额（应为不小于 0 的数字，如 6500.00）',
      '第 5 行第 3 列：档次“x”不是正整数',
    ]);
    expect(await page.getByLabel('金额 第 1 行', { exact: true }).count()).toBe(0);

    // the good block: header skipped, 5,200.00 / ５５００ / 6,500元 read as exact amounts
    await pasteInto(page, 'paste-zone', GOOD_BLOCK);
    await expect.poll(() => page.getByLabel(/^金额 第 \d+ 行$/).count()).toBe(6);
    expect(await page.getByLabel('金额 第 2 行', { exact: true }).inputValue()).toBe('5500.00');
    expect(await page.getByLabel('金额 第 3 行', { exact: true }).inputValue()).toBe('6500.00');
    await button(page, '保存版本').click();
    await page.getByText('已保存版本“2026 版”').waitFor();

    // reload: the token is kept for the session, the route too; the guide comes back from SQLite
    await page.reload();
    await page.getByTestId('guides-page').waitFor();
    await page.getByText(GUIDE, { exact: true }).first().click();
    await expect.poll(() => page.getByLabel(/^金额 第 \d+ 行$/).count()).toBe(6);
    expect(await page.getByLabel('金额 第 1 行', { exact: true }).inputValue()).toBe('5200.00');
    expect(await page.getByLabel('岗位 第 6 行', { exact: true }).inputValue()).toBe('督导');
    await screenshot(page, 'guides');

    // and the store holds exactly those cells
    const store = PaybenchStore.open(app.dbFile, { seed: false });
    try {
      const stored = store.guides.findByName(GUIDE)!;
      expect(stored.versions[0]!.cells.map((c) => `${c.post}/${c.grade}/${c.step}=${c.amount}`)).toEqual([
        '一线社工/助理社工师/1=5200.00',
        '一线社工/助理社工师/2=5500.00',
        '一线社工/社工师/1=6500.00',
        '一线社工/社工师/2=6800.00',
        '督导/社工师/1=8000.00',
        '督导/高级社工师/1=9500.00',
      ]);
    } finally {
      store.close();
    }
  });

  it('adjusts the version by 3 % to the ten yuan into a new version and shows the diff, raises in green', async () => {
    const { page } = app;
    await button(page, '按比例调整').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('调整幅度', { exact: true }).fill('3');
    await dialog.getByText('到十元').click();
    await dialog.getByLabel('新版本名称', { exact: true }).fill('2027 版');
    await dialog.getByLabel('新版本生效日期', { exact: true }).fill('2027-01-01');
    await button(dialog, '调整并创建版本').click();

    const summary = page.getByTestId('diff-summary');
    await summary.waitFor();
    // every cell rises: new = round(old × 1.03 to ten yuan)
    expect(await summary.textContent()).toContain('变动 6（上调 6，下调 0）');
    const rows = page.getByTestId('diff-view').locator('tbody tr');
    const texts = (await rows.allTextContents()).map((t) => t.replace(/\s+/g, ' '));
    // 5,200 × 1.03 = 5,356 → 5,360: +160.00, 160 / 5,200 = 3.0769 % → 3.08 %
    expect(texts[0]).toContain('5,200.00');
    expect(texts[0]).toContain('5,360.00');
    expect(texts[0]).toContain('+160.00');
    expect(texts[0]).toContain('+3.08%');
    // 6,800 × 1.03 = 7,004 → 7,000: +200.00, 200 / 6,800 = 2.9412 % → 2.94 %
    expect(texts[3]).toContain('+200.00');
    expect(texts[3]).toContain('+2.94%');
    // 9,500 × 1.03 = 9,785 → 978.5 tens → 979 tens (half away from zero) = 9,790: +290.00, 3.05 %
    expect(texts[5]).toContain('9,790.00');
    expect(texts[5]).toContain('+3.05%');
    const up = page.getByTestId('diff-up').first();
    expect(await up.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(56, 158, 13)'); // green
    await screenshot(page, 'guides-diff');
  });
});

describe('薪酬指导价 workbook round trip', () => {
  it('exports the 2027 version, deletes the guide after confirming, imports the workbook back as a new guide with the same cells', async () => {
    const { page } = app;
    await page.evaluate(() => (window.location.hash = '#/guides'));
    await page.getByTestId('guides-page').waitFor();
    await page.getByText(GUIDE, { exact: true }).first().click();
    await page.getByRole('radio').first().waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), button(page, '导出工作簿').click()]);
    const file = path.join(os.tmpdir(), `paybench-e2e-${process.pid}-${download.suggestedFilename()}`);
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

    // deleting asks first; cancelling keeps the guide
    const confirm = page.getByRole('dialog').filter({ hasText: `删除指导价“${GUIDE}”？` });
    await button(page, '删除指导价').click();
    await confirm.waitFor();
    await button(confirm, two('取消')).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await page.getByText(GUIDE, { exact: true }).count()).toBeGreaterThan(0);
    await button(page, '删除指导价').click();
    await button(confirm, two('删除')).click();
    await page.getByText('已删除').first().waitFor();
    await expect.poll(() => page.getByText(GUIDE, { exact: true }).count()).toBe(0);

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button(page, '导入工作簿').click()]);
    await chooser.setFiles(file);
    await page.getByText(/^已导入“/).waitFor();
    fs.rmSync(file, { force: true });

    const store = PaybenchStore.open(app.dbFile, { seed: false });
    try {
      const imported = store.guides.list().find((g) => g.name.includes('E2E 测试市'));
      expect(imported).toBeDefined();
      const version = store.guides.get(imported!.id).versions[0]!;
      // the adjusted amounts of the 2027 version, as the diff showed them
      expect(version.cells.map((c) => c.amount)).toEqual(['5360.00', '5670.00', '6700.00', '7000.00', '8240.00', '9790.00']);
    } finally {
      store.close();
    }
  });
});

describe('社保公积金参数 page', () => {
  it('refuses a bad rate and a floor above the ceiling with messages under the fields, then saves a good edit that survives reload', async () => {
    const { page } = app;
    await page.evaluate(() => (window.location.hash = '#/contributions'));
    const editor = page.getByTestId('contribution-editor');
    await editor.waitFor();
    // the first set by city is 北京 2022: floor 5,869, ceiling 31,884
    expect(await page.getByLabel('城市', { exact: true }).inputValue()).toBe('北京');

    await page.getByLabel('费率 第 1 行', { exact: true }).fill('十六');
    await page.getByLabel('缴费基数下限（元/月）', { exact: true }).fill('40000');
    await button(page, two('保存')).click();
    const problems = page.getByTestId('contribution-problems');
    await problems.waitFor();
    expect(await problems.locator('li').allTextContents()).toEqual([
      '养老保险 · 单位费率：“十六”不是百分比数字，如 16 或 0.5',
      '缴费基数下限：缴费基数下限不能高于上限',
    ]);

    // fix both: 16 %, floor 6,000
    await page.getByLabel('费率 第 1 行', { exact: true }).fill('16');
    await page.getByLabel('缴费基数下限（元/月）', { exact: true }).fill('6,000');
    // 试算 at 6,500 (between floor and ceiling): 养老 6,500 × 16 % = 1,040.00
    await expect.poll(() => page.getByTestId('contribution-example').textContent()).toContain('1,040.00');
    await button(page, two('保存')).click();
    await page.getByText(/已保存“北京市 2022/).waitFor();
    await screenshot(page, 'contributions');

    await page.reload();
    await page.getByTestId('contribution-editor').waitFor();
    expect(await page.getByLabel('缴费基数下限（元/月）', { exact: true }).inputValue()).toBe('6000.00');

    // leaving the page through the menu keeps an unsaved edit; 放弃修改 drops it
    const source = page.getByLabel('来源', { exact: true });
    const savedSource = await source.inputValue();
    await source.fill('北京市人社局 2022 年通知（核对中）');
    await page.evaluate(() => (window.location.hash = '#/guides'));
    await page.getByTestId('guides-page').waitFor();
    await page.evaluate(() => (window.location.hash = '#/contributions'));
    await page.getByTestId('contribution-editor').waitFor();
    await expect.poll(() => page.getByLabel('来源', { exact: true }).inputValue()).toBe('北京市人社局 2022 年通知（核对中）');
    expect(await page.getByTestId('contribution-editor').textContent()).toContain('未保存');
    await button(page, '放弃修改').click();
    expect(await page.getByLabel('来源', { exact: true }).inputValue()).toBe(savedSource);

    const store = PaybenchStore.open(app.dbFile, { seed: false });
    try {
      const beijing = store.contributionSets.list().find((s) => s.city === '北京')!;
      expect(beijing.floor).toBe('6000.00');
      expect(beijing.items[0]).toEqual({ name: '养老保险', rate: '0.16', round: 'fen' });
    } finally {
      store.close();
    }
    expect(failedResponses).toEqual([]);
    // console errors not from these pages: Chromium's favicon probe (no page response event; the
    // page's own requests are checked just above) and two React dev-build warnings raised by the
    // shared frame (App's Suspense fallback, the shared message helper)
    const notOurs = [/Failed to load resource: .* 404/, /\[antd: Spin\] `tip` only work/, /\[antd: message\] Static function/];
    expect(app.errors.filter((e) => !notOurs.some((re) => re.test(e)))).toEqual([]);
  });
});
