import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communitiesCsv, generateCommunities } from '../../bench/generateCommunities';
import { SAMPLE_AREA_PLAN } from '../../db/sampleData';
import { COMMUNITY_CSV } from './communities';
import { screenshot, startApp, type RunningApp } from './harness';

/**
 * Area plans as saved objects, end to end in Chromium against browser mode on a fresh database:
 * the page opens on the sample plan with its results computed again; a new plan gets a list
 * imported and a box changed, survives leaving the page and a reload, is renamed, gets rows pasted
 * from a spreadsheet through the preview (a bad cell marked, nothing added until it is right);
 * the sample plan is deleted after a confirm; and an export cancelled from its progress bar offers
 * no file. The quotas are those of communities.ts (Jilin rule).
 */
let app: RunningApp;
let tmp: string;
const downloads: string[] = [];

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-area-plans-e2e-'));
  app = await startApp();
  app.page.on('download', (d) => downloads.push(d.suggestedFilename()));
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The district table's row for a district: 区, 社区数, 员额下限, 员额取值, 员额上限. */
async function districtRow(page: Page, district: string): Promise<string[]> {
  const table = page.getByTestId('district-table');
  await table.waitFor({ timeout: 30_000 });
  for (const tr of await table.locator('tbody tr').all()) {
    const cells = (await tr.locator('td').allTextContents()).map((t) => t.trim());
    if (cells[0] === district) return cells.slice(0, 5);
  }
  return [];
}

async function choose(plan: Locator, label: string, option: RegExp): Promise<void> {
  const select = plan.locator('.ant-form-item').filter({ hasText: label }).locator('.ant-select');
  await select.click();
  await plan.page().locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).first().click();
  await expect.poll(() => plan.page().locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()).toBe(0);
}

async function importCsv(page: Page, name: string, csv: string): Promise<void> {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, csv, 'utf8');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-communities').click()]);
  await chooser.setFiles(file);
}

/** What Excel puts on the clipboard, pasted into an element (a paste event carrying text/plain). */
async function pasteInto(target: Locator, text: string): Promise<void> {
  await target.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

const saved = (page: Page) => expect.poll(() => page.getByTestId('plan-save-state').textContent(), { timeout: 15_000 }).toBe('已保存');

describe('区域规划: saved plans', () => {
  it('opens on the sample plan, its results computed again from what was saved', async () => {
    const { page } = app;
    // the saved plan is slow to come: until it is here the page is disabled under a spinner, so
    // nothing typed into the default boxes can be overwritten when it arrives
    const slowPlan = async (route: Route) => {
      await new Promise((r) => setTimeout(r, 2_000));
      await route.continue();
    };
    await page.route('**/api/plan.get', slowPlan);
    await page.getByRole('menuitem', { name: /区域规划/ }).click();
    await page.getByTestId('plan-loading').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('plan-adjustment').isDisabled()).toBe(true);
    expect(await page.getByTestId('import-communities').isDisabled()).toBe(true);
    await page.getByTestId('plan-loaded').waitFor({ timeout: 20_000 });
    await page.unroute('**/api/plan.get', slowPlan);
    expect(await page.getByTestId('plan-title-bar').textContent()).toContain(SAMPLE_AREA_PLAN);
    expect(await page.getByTestId('plan-adjustment').isDisabled()).toBe(false);
    // mid point: 朝阳区 2 communities, 10 + 12 = 22 … 13 + 15 = 28 … 15 + 18 = 33
    expect(await districtRow(page, '朝阳区')).toEqual(['朝阳区', '2', '22', '28', '33']);
  });

  it('shows the certification the full quota needs, against the list and the roster', async () => {
    const { page } = app;
    // the sample plan: all 城市, quotas at the midpoint 13 + 15 + 14 = 42 posts; certified 6 + 10 + 11 = 27
    // (none over its quota). Target 城市 100 %: 42 × 1 = 42 needed, 27 / 42 = 0.642857… → 64.29 %, 42 − 27 = 15 short.
    // 农村: no posts, no rate. The sample roster's workers are all in 示例区, none in 朝阳区 or 南关区.
    const table = page.getByTestId('plan-certification-table');
    await table.waitFor({ timeout: 20_000 });
    expect((await table.locator('thead th').allTextContents()).map((t) => t.trim())).toEqual([
      '城乡',
      '员额（满编）',
      '目标持证率',
      '满编应持证',
      '名单现有持证',
      '持证率',
      '缺口（人）',
    ]);
    const rows = await Promise.all((await table.locator('tbody tr').all()).map(async (tr) => (await tr.locator('td').allTextContents()).map((t) => t.trim())));
    expect(rows).toEqual([
      ['城市', '42', '100 %', '42', '27', '64.29 %', '15'],
      ['农村', '0', '80 %', '0', '0', '—', '0'],
    ]);
    await expect
      .poll(() => page.getByTestId('plan-certification-roster').textContent(), { timeout: 10_000 })
      .toContain('人员名册中朝阳区、南关区现有持证 0 人；满编共需持证 42 人，还差 42 人。');
  });

  it('a new plan keeps its imported list and its boxes across leaving the page and a reload', async () => {
    const { page } = app;
    const plan = page.getByTestId('plan-page');
    await page.getByTestId('plan-new').click();
    await expect.poll(() => page.getByTestId('plan-title-bar').textContent()).toContain('新区域规划');
    await importCsv(page, '南湖名单.csv', COMMUNITY_CSV);
    await expect.poll(() => page.getByTestId('community-count').textContent(), { timeout: 20_000 }).toContain('南湖名单.csv');
    await choose(plan, '取值点', /^下限$/);
    await saved(page);

    // away to the project list and back: the same plan, its list and 下限, results computed again
    await page.getByRole('menuitem', { name: /项目/ }).first().click();
    await page.getByRole('menuitem', { name: /区域规划/ }).click();
    await expect.poll(() => page.getByTestId('plan-title-bar').textContent(), { timeout: 20_000 }).toContain('新区域规划');
    expect(await page.getByTestId('community-count').textContent()).toContain('3');
    // at the minimum: 朝阳区 chosen = 10 + 12 = 22
    expect(await districtRow(page, '朝阳区')).toEqual(['朝阳区', '2', '22', '22', '33']);

    await page.reload();
    await page.getByRole('menuitem', { name: /区域规划/ }).click();
    await expect.poll(() => page.getByTestId('plan-title-bar').textContent(), { timeout: 20_000 }).toContain('新区域规划');
    expect(await districtRow(page, '南关区')).toEqual(['南关区', '1', '11', '11', '17']);
  });

  it('renames the open plan from the list', async () => {
    const { page } = app;
    await page.getByTestId('plan-row-新区域规划').getByTestId('plan-rename').click();
    await page.getByTestId('plan-rename-input').fill('南湖片区规划');
    // antd spaces a two-character label (保 存): the dialog's primary button
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('plan-title-bar').textContent()).toContain('南湖片区规划');
    await expect.poll(() => page.getByTestId('plan-list').textContent()).toContain('南湖片区规划');
  });

  it('pastes rows from a spreadsheet through the preview: a bad cell is marked and nothing added until it is right', async () => {
    const { page } = app;
    const list = page.getByTestId('community-list');
    // a header row in another order, and 户数 written in words on one row
    await pasteInto(list, '户数\t社区名称\t区\t街道\r\n5000\t桃源社区\t南关区\t桃源街道\r\n四千\t东风社区\t南关区\t桃源街道\r\n');
    const preview = page.getByTestId('paste-preview');
    await expect.poll(() => preview.getByTestId('paste-bad-cell').count(), { timeout: 15_000 }).toBe(1);
    expect(await preview.getByTestId('paste-bad-cell').textContent()).toBe('四千');
    expect(await preview.getByTestId('paste-problems').textContent()).toContain('户数（A 列）');
    expect(await page.getByTestId('paste-add').isDisabled()).toBe(true);
    await screenshot(page, 'plan-paste-preview');
    await page.getByTestId('paste-cancel').click();

    await pasteInto(list, '户数\t社区名称\t区\t街道\r\n5000\t桃源社区\t南关区\t桃源街道\r\n4000\t东风社区\t南关区\t桃源街道\r\n');
    await expect.poll(() => page.getByTestId('paste-add').textContent(), { timeout: 15_000 }).toContain('添加 2 个社区');
    await page.getByTestId('paste-add').click();
    await expect.poll(() => page.getByTestId('community-count').textContent()).toContain('5 个社区');
    await saved(page);
  });

  it('deletes the sample plan after a confirm', async () => {
    const { page } = app;
    await page.getByTestId(`plan-row-${SAMPLE_AREA_PLAN}`).getByTestId('plan-delete').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('plan-list').textContent(), { timeout: 10_000 }).not.toContain(SAMPLE_AREA_PLAN);
    expect(await page.getByTestId('plan-list').textContent()).toContain('南湖片区规划');
  });

  it('an export cancelled from its progress bar offers no file', async () => {
    const { page } = app;
    // 50,000 communities priced with the sample guide, over five years: a workbook that takes
    // seconds to write, long enough to show the bar (priced first, while the list is short)
    const plan = page.getByTestId('plan-page');
    await choose(plan, '薪酬指导价', /三岗十八级/);
    await choose(plan, '社保公积金参数', /吉林式/);
    await choose(plan, '岗位结构', /^三岗/);
    await importCsv(page, '全市名单.csv', communitiesCsv(generateCommunities(50_000)));
    await expect.poll(() => page.getByTestId('community-count').textContent(), { timeout: 60_000 }).toContain('全市名单.csv');
    await saved(page);
    const before = downloads.length;
    await page.getByRole('button', { name: /导出/ }).last().click();
    const cancel = page.getByTestId('job-cancel');
    await cancel.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('job-percent').textContent()).toMatch(/\d+%/);
    await cancel.click();
    await screenshot(page, 'plan-export-cancelling');
    await expect.poll(() => page.locator('.ant-message').textContent(), { timeout: 60_000 }).toContain('已取消导出');
    await page.getByTestId('job-progress').waitFor({ state: 'hidden' });
    await new Promise((r) => setTimeout(r, 1000));
    expect(downloads.length).toBe(before);
    expect(app.errors).toEqual([]);
  });
});
