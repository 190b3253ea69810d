import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startApp, type RunningApp } from './harness';

/**
 * 人员名册 end to end in Chromium against browser mode: a roster with a bad cell is refused in the
 * preview with its row and column and nothing is stored; the corrected file is previewed, imported,
 * filtered, one worker edited — the saved edit undone and redone with Ctrl+Z / Ctrl+Y, typing in the
 * editor taken back with Ctrl+Z; 结构统计 counts the roster at a chosen date; 按名册生成项目 makes a
 * project of the filtered workers and opens it in the budget editor.
 */
const HEADER = '姓名,性别,出生日期,身份证号,学历,领域,职称,持证等级,取证日期,岗位类别,岗位等级,档次,入职日期,社区工作年限,所在社区,所在街道,所在区,考核,党建岗';
const GOOD = [
  HEADER,
  // ages on 2026-07-01: 35 (birthday on the date), 45 (birthday tomorrow), 61
  '甲,女,1991-07-01,11010519491231002X,大学本科,社区,中级,社会工作师,2018-06-20,正职,10级,1,2015-07-01,9,和平社区,和平街道,鲤城区,2024:优秀;2025:优秀,是',
  '乙,男,1980-07-02,,大专,养老,无,助理社会工作师,,专职,11级,1,2019-03-01,5,和平社区,和平街道,鲤城区,,否',
  '丙,男,1965-06-30,,初中及以下,社区,无,无,,兼职,,,2010-01-01,15,东街社区,开元街道,鲤城区,,',
].join('\n');
// the same roster with 学历 “本科” on sheet row 3 (E 列): not one of the listed values
const BAD = GOOD.replace('乙,男,1980-07-02,,大专', '乙,男,1980-07-02,,本科');

let app: RunningApp;
let tmp: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-roster-e2e-'));
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function importFile(name: string, content: string) {
  const { page } = app;
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content, 'utf8');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('roster-import').click()]);
  await chooser.setFiles(file);
}

describe('人员名册', () => {
  it('a bad file is refused in the preview by row and column; the corrected one is imported into the grid', async () => {
    const { page } = app;
    await page.getByRole('menuitem', { name: /人员名册/ }).click();
    // a new store opens with the sample roster (示例数据): the refused file must leave it as it is
    await expect.poll(() => page.getByTestId('roster-total').textContent(), { timeout: 20_000 }).toMatch(/共 [1-9]\d* 人/);
    const before = await page.getByTestId('roster-total').textContent();
    await importFile('bad.csv', BAD);
    const errors = page.getByTestId('roster-preview-errors');
    await errors.waitFor({ timeout: 30_000 });
    expect(await errors.textContent()).toContain('第 3 行 学历（E 列）');
    await page.getByTestId('roster-preview-close').click();
    expect(await page.getByTestId('roster-total').textContent()).toBe(before);

    await importFile('good.csv', GOOD);
    await page.getByTestId('roster-preview-ok').waitFor({ timeout: 30_000 });
    // the preview shows the ID masked: 110 + 11 stars + 002X
    expect(await page.getByTestId('roster-preview').textContent()).toContain('110***********002X');
    await page.getByTestId('roster-confirm-import').click();
    await expect.poll(() => page.getByTestId('roster-total').textContent(), { timeout: 20_000 }).toContain('共 3 人');
    const grid = page.getByTestId('roster-grid');
    expect(await grid.textContent()).toContain('110***********002X');
    expect(await grid.textContent()).not.toContain('11010519491231002X');

    // filter: 持证等级 助理社会工作师 → 乙 alone
    await page.getByTestId('filter-certificate').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('助理社会工作师').click();
    await expect.poll(() => page.getByTestId('roster-total').textContent(), { timeout: 20_000 }).toContain('共 1 人');

    // edit 乙 (序号 2): 岗位等级 11级 → certificate becomes 社会工作师
    await page.getByTestId('roster-edit-2').click();
    const editor = page.getByTestId('roster-editor');
    await editor.waitFor();
    await page.getByTestId('roster-edit-name').fill('乙（已核对）');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => grid.textContent(), { timeout: 20_000 }).toContain('乙（已核对）');
    await page.getByTestId('roster-saved-notice').waitFor();

    // the saved edit is undone with Ctrl+Z (saved back as it was) and redone with Ctrl+Y
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => grid.textContent(), { timeout: 20_000 }).not.toContain('乙（已核对）');
    expect(await grid.textContent()).toContain('乙');
    await page.keyboard.press('Control+y');
    await expect.poll(() => grid.textContent(), { timeout: 20_000 }).toContain('乙（已核对）');

    // inside the editor, Ctrl+Z takes back typing before anything is saved; 取消 leaves the worker as stored
    await page.getByTestId('roster-edit-2').click();
    await editor.waitFor();
    const nameBox = page.getByTestId('roster-edit-name');
    await nameBox.fill('写错的名字');
    await nameBox.press('Control+z');
    await expect.poll(() => nameBox.inputValue()).toBe('乙（已核对）');
    await nameBox.press('Control+y');
    await expect.poll(() => nameBox.inputValue()).toBe('写错的名字');
    await page.getByRole('button', { name: /取\s*消/ }).click();
    await editor.waitFor({ state: 'hidden' });
    expect(await grid.textContent()).toContain('乙（已核对）');
    await screenshot(page, 'roster');
  });

  it('结构统计 on 2026-07-01: ages in completed years, and the certification rate', async () => {
    const { page } = app;
    await page.getByTestId('tab-stats').click();
    // show everyone again: the filter of the 名册 tab applies to the statistics
    const stats = page.getByTestId('roster-stats');
    await stats.waitFor();
    const picker = page.getByTestId('stats-date');
    await picker.click();
    await picker.fill('2026-07-01');
    await picker.press('Enter');
    const age = page.getByTestId('stats-byAge');
    await age.waitFor({ timeout: 20_000 });
    // only 乙 is shown (the 助理社会工作师 filter): born 1980-07-02, 45 on 2026-07-01 → 36-45岁 1
    const row = (band: string) => age.locator('tbody tr', { hasText: band }).locator('td').allTextContents();
    await expect.poll(async () => (await row('36-45岁')).slice(0, 2), { timeout: 20_000 }).toEqual(['36-45岁', '1']);
    // 1 of 1 holds 助理社会工作师: 100.00 %
    expect(await page.getByTestId('stats-cert-rate').textContent()).toContain('100.00%');
    expect(app.errors).toEqual([]);
    await screenshot(page, 'roster-stats');
  });

  it('定级晋升: 甲 at 10级 (正职 7–18) rated 优秀 2024 and 2025 rises one level early in 2026, the reason shown', async () => {
    const { page } = app;
    await page.getByTestId('tab-grading').click();
    await page.getByTestId('roster-grading').waitFor();
    await page.getByTestId('grading-worker').click();
    await page.locator('.ant-select-dropdown:visible').getByText(/^甲（/).click();
    const from = page.getByTestId('grading-from');
    await from.fill('2025');
    await page.getByTestId('grading-compute').click();
    const table = page.getByTestId('grading-years');
    await table.waitFor({ timeout: 20_000 });
    const row2026 = await table.locator('tbody tr', { hasText: '2026' }).locator('td').allTextContents();
    // 2025: 10; 2026: 11 with the reason
    expect(row2026.slice(0, 3)).toEqual(['2026', '正职', '11']);
    expect(row2026.join(' ')).toContain('2024、2025 年连续考核优秀，提前升一级');
    expect(app.errors).toEqual([]);
  });

  it('队伍预测: 3 workers, nobody leaves, 2 hires a year, no passes: 乙 (the 名册 filter) + 2 a year → 3, 5, 7', async () => {
    const { page } = app;
    await page.getByTestId('tab-cohort').click();
    await page.getByTestId('roster-cohort').waitFor();
    await page.getByTestId('cohort-years').fill('3');
    await page.getByTestId('cohort-hires').fill('2');
    await page.getByTestId('cohort-attrition').fill('0');
    await page.getByTestId('cohort-pass').fill('0');
    await page.getByTestId('cohort-run').click();
    const table = page.getByTestId('cohort-table');
    await table.waitFor({ timeout: 20_000 });
    const heads = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[4]?.textContent));
    // the 名册 tab's filter (助理社会工作师) still applies: 乙 alone → 1 + 2 = 3, 5, 7
    expect(heads).toEqual(['3', '5', '7']);
    expect(app.errors).toEqual([]);
    await screenshot(page, 'roster-cohort');
  });

  it('rows copied from Excel and pasted onto the grid go through the preview and are appended', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: '名册' }).click();
    const area = page.getByTestId('roster-paste-area');
    await area.waitFor();
    // two rows with a header, as Excel copies them: tab-separated
    await area.evaluate((el) => {
      const data = new DataTransfer();
      data.setData('text/plain', '姓名\t学历\t持证等级\n己\t大专\t助理社会工作师\n庚\t大学本科\t助理社会工作师\n');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await page.getByTestId('paste-preview').waitFor({ timeout: 20_000 });
    await page.getByTestId('paste-apply').click();
    // the 助理社会工作师 filter of the first test still applies: 乙, then 己 and 庚
    await expect.poll(() => page.getByTestId('roster-total').textContent(), { timeout: 20_000 }).toContain('共 3 人');
    expect(await page.getByTestId('roster-grid').textContent()).toContain('庚');
    expect(app.errors).toEqual([]);
  });

  it('按名册生成项目 from the filtered workers: the lines, who cannot be priced and why; the project opens in the editor', async () => {
    const { page } = app;
    // two 副职 11级 workers with the 助理 certificate, pasted as Excel copies them
    const area = page.getByTestId('roster-paste-area');
    await area.evaluate((el) => {
      const data = new DataTransfer();
      data.setData('text/plain', '姓名\t持证等级\t岗位类别\t岗位等级\n辛\t助理社会工作师\t副职\t11级\n壬\t助理社会工作师\t副职\t11级\n');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await page.getByTestId('paste-preview').waitFor({ timeout: 20_000 });
    await page.getByTestId('paste-apply').click();
    // the 助理社会工作师 filter still applies: 乙, 己, 庚, 辛, 壬
    await expect.poll(() => page.getByTestId('roster-total').textContent(), { timeout: 20_000 }).toContain('共 5 人');

    await page.getByTestId('roster-to-project').click();
    const dialog = page.getByTestId('roster-project-dialog');
    await dialog.waitFor();
    await page.getByTestId('roster-project-name').fill('名册生成的副职项目');
    await page.getByTestId('roster-project-start').fill('2026-01');
    await page.getByTestId('roster-project-guide').click();
    await page
      .locator('.ant-select-dropdown:visible')
      .getByText(/三岗十八级/)
      .click();
    await page.getByTestId('roster-project-contributions').click();
    await page.locator('.ant-select-dropdown:visible').getByText('北京市 2022 年度社保公积金参数').click();
    // 辛 and 壬 on one line (副职 11级, 助理社工师, 2 people); 乙 (专职) and 己, 庚 (no post type) listed with the reason
    const summary = page.getByTestId('roster-project-summary');
    await expect.poll(() => summary.textContent(), { timeout: 20_000 }).toBe('共 5 人：2 人可计价，合为 1 行人员经费');
    const line = await page.getByTestId('roster-project-lines').locator('tbody tr').last().locator('td').allTextContents();
    expect(line).toEqual(['1', '副职', '11级', '1', '助理社工师', '2']);
    const unpriced = await page.getByTestId('roster-project-unpriced').textContent();
    expect(unpriced).toContain('3 人无法计价');
    expect(unpriced).toContain('指导价没有岗位“专职”');
    expect(unpriced).toContain('岗位类别未填');
    await page.getByTestId('roster-project-create').click();

    // the new project opens in the budget editor with its one staff line of 2
    await page.getByTestId('budget-editor').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('field-name').inputValue(), { timeout: 20_000 }).toBe('名册生成的副职项目');
    expect(await page.getByTestId('staff-grade').first().textContent()).toContain('11级');
    expect(app.errors).toEqual([]);
    await screenshot(page, 'roster-to-project');
  });
});
