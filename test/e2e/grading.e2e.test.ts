import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaybenchStore } from '../../db/store';
import { screenshot, startApp, type RunningApp } from './harness';

/**
 * 定级参数 end to end in Chromium against browser mode, 1280×720: a new dated version of the grading
 * scheme (新建生效版本) made in the page, a starting level changed in it (with undo and redo, and a
 * refused empty cell named in Chinese), saved; a worker with no 岗位等级 is then graded by it from
 * its date, and the history lists the change; the same tabs in English; and a pay guide whose grades are named as the Zhuhai scheme
 * names them drawn lowest post first by the 专技 level map.
 */
const HEADER = '姓名,性别,出生日期,身份证号,学历,领域,职称,持证等级,取证日期,岗位类别,岗位等级,档次,入职日期,社区工作年限,所在社区,所在街道,所在区,考核,党建岗';
// 丁: 助理社会工作师, 大专, no 岗位等级 → the sample table's rule 4 (助理社会工作师 → level 2)
const ROSTER = [HEADER, '丁,女,1992-03-01,,大专,社区,无,助理社会工作师,2020-06-20,一般工作人员,,1,2019-03-01,5,和平社区,和平街道,示例区,,否'].join('\n');
const ZHUHAI_GUIDE = '珠海式社工专业岗位薪酬（测试）';
// the guide's rows in name order, as a bureau might type them: 社会工作师一级 … 助理社会工作师二级
const ZHUHAI_ROWS: [string, string][] = [
  ['社会工作师一级', '9000.00'],
  ['社会工作师二级', '8500.00'],
  ['社会工作师三级', '8000.00'],
  ['助理社会工作师一级', '7500.00'],
  ['助理社会工作师二级', '7000.00'],
];
const NEXT_YEAR = new Date().getFullYear() + 1;

let app: RunningApp;
let tmp: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-grading-e2e-'));
  // a store with the Zhuhai-style guide and no stored grading scheme: the page starts from the sample
  const dbFile = path.join(tmp, 'paybench.sqlite');
  const store = PaybenchStore.open(dbFile, { seed: false });
  try {
    store.guides.create({
      name: ZHUHAI_GUIDE,
      issuer: '测试',
      region: '珠海（测试）',
      versions: [
        {
          label: '2026 版',
          effectiveFrom: '2026-01-01',
          includes: 'gross',
          unit: 'month',
          cells: ZHUHAI_ROWS.map(([grade, amount]) => ({ post: '社工', grade, step: 1, amount })),
        },
      ],
    });
  } finally {
    store.close();
  }
  app = await startApp({ dbFile, viewport: { width: 1280, height: 720 } });
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function gradeDing(fromYear: number): Promise<string[]> {
  const { page } = app;
  await page.getByTestId('grading-sub-worker').click();
  await page.getByTestId('grading-worker').click();
  await page.locator('.ant-select-dropdown:visible').getByText(/^丁（/).click();
  await page.getByTestId('grading-from').fill(String(fromYear));
  await page.getByTestId('grading-compute').click();
  const row = page.getByTestId('grading-years').locator('tbody tr', { hasText: String(fromYear) });
  await row.waitFor({ timeout: 20_000 });
  return row.locator('td').allTextContents();
}

describe('定级参数', () => {
  it('新建生效版本 from next 1 January, starting level of rule 4 raised 2 → 5: 丁 starts at 2 this year and at 5 from the new date', async () => {
    const { page } = app;
    await page.evaluate(() => (window.location.hash = '#/roster'));
    const file = path.join(tmp, 'roster.csv');
    fs.writeFileSync(file, ROSTER, 'utf8');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('roster-import').click()]);
    await chooser.setFiles(file);
    await page.getByTestId('roster-confirm-import').click({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('roster-total').textContent(), { timeout: 20_000 }).toContain('共 1 人');

    await page.getByTestId('tab-grading').click();
    // before: the version in force grades 丁 by rule 4 at level 2
    const before = await gradeDing(NEXT_YEAR);
    expect(before.slice(0, 3)).toEqual([String(NEXT_YEAR), '一般工作人员', '2']);
    expect(before.join(' ')).toContain('起点定级第 4 条（持助理社会工作师及以上）：2 级');

    await page.getByTestId('grading-sub-scheme').click();
    const scheme = page.getByTestId('grading-scheme');
    await scheme.waitFor();
    // the version in force is read-only
    expect(await page.getByTestId('scheme-state').textContent()).toContain('不能直接修改');
    expect(await page.getByTestId('scheme-start-level-4').isDisabled()).toBe(true);

    await page.getByTestId('scheme-new-version').click();
    await page.getByTestId('scheme-new-date').fill(`${NEXT_YEAR}-01-01`);
    await page.getByRole('button', { name: /创\s*建/ }).click();
    await page.getByText(`已新建自 ${NEXT_YEAR}-01-01 起的版本`).waitFor();
    expect(await page.getByTestId('scheme-state').textContent()).toContain('尚未生效');

    const level4 = page.getByTestId('scheme-start-level-4');
    expect(await level4.inputValue()).toBe('2');
    // an emptied level is refused, named by table, row and field
    await level4.fill('');
    await page.getByTestId('scheme-save').click();
    await expect.poll(() => page.getByTestId('scheme-problems').textContent()).toContain('起点定级第 4 行 等级');
    await level4.fill('5');
    await level4.blur();
    // Ctrl+Z takes the typing back (one step per box), Ctrl+Y brings it again
    await page.keyboard.press('Control+z');
    await expect.poll(() => level4.inputValue()).not.toBe('5');
    await page.keyboard.press('Control+y');
    await expect.poll(() => level4.inputValue()).toBe('5');
    await page.getByTestId('scheme-save').click();
    await page.getByText('已保存').first().waitFor();
    await screenshot(page, 'grading-scheme');

    // the history keeps the new version and the changed cell, 2 → 5
    await page.getByTestId('scheme-history').click();
    const drawer = page.locator('.ant-drawer-content');
    // the field as the bureau's tables name it: the version, the table, the rule's place, the field
    await expect.poll(() => drawer.textContent(), { timeout: 20_000 }).toContain(`${NEXT_YEAR}-01-01 版 起点定级 第 4 条 等级`);
    expect(await drawer.textContent()).toContain(`${NEXT_YEAR}-01-01 版`);
    await page.keyboard.press('Escape');

    // 丁 from the new date: starts at 5 by rule 4; this year still at 2
    const after = await gradeDing(NEXT_YEAR);
    expect(after.slice(0, 3)).toEqual([String(NEXT_YEAR), '一般工作人员', '5']);
    expect(after.join(' ')).toContain('起点定级第 4 条（持助理社会工作师及以上）：5 级');
    expect((await gradeDing(NEXT_YEAR - 1))[2]).toBe('2');
    expect(app.errors).toEqual([]);
  });

  it('in English: post types, reasons and the scheme tables come from codes, not Chinese sentences', async () => {
    const { page } = app;
    await page.getByTestId('lang-switch').click();
    const row = await gradeDing(NEXT_YEAR);
    expect(row.slice(1, 3)).toEqual(['general staff', '5']);
    expect(row.join(' ')).toContain('Starting level, rule 4 (holds Assistant Social Worker or above): level 5');
    expect(row.join(' ')).not.toMatch(/起点定级|级（/);

    await page.getByTestId('grading-sub-scheme').click();
    await page.getByTestId('grading-scheme').waitFor();
    for (const text of ['Grading scheme', 'New dated version', 'Starting level (top to bottom, the first rule met)', 'Social Worker grade 3']) {
      await page.getByText(text, { exact: false }).first().waitFor();
    }
    await screenshot(page, 'grading-scheme-en');
    await page.getByTestId('tab-cohort').click();
    await page.getByTestId('cohort-run').click();
    await page.getByTestId('cohort-table').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('roster-cohort').textContent()).toContain('Start: 1 person, 1 certified');
    await screenshot(page, 'grading-cohort-en');
    await page.getByTestId('lang-switch').click();
    expect(app.errors).toEqual([]);
  });

  it('薪级阶梯图: the Zhuhai grades run 助理二级, 助理一级, 社工师三级, 二级, 一级 along the axis', async () => {
    const { page } = app;
    await page.evaluate(() => (window.location.hash = '#/guides'));
    await page.getByTestId('guides-page').waitFor();
    await page.getByText(ZHUHAI_GUIDE, { exact: true }).first().click();
    await page.getByTestId('version-editor').waitFor();
    await page.getByRole('tab', { name: '薪级阶梯图' }).click();
    const chart = page.getByTestId('ladder-chart');
    await chart.waitFor();
    await expect.poll(() => page.getByTestId('ladder-order').getAttribute('data-order'), { timeout: 20_000 }).toBe('levelMap');
    const labels = await chart.locator('.recharts-xAxis .recharts-cartesian-axis-tick-value').allTextContents();
    expect(labels).toEqual(['助理社会工作师二级', '助理社会工作师一级', '社会工作师三级', '社会工作师二级', '社会工作师一级']);
    expect(await page.getByTestId('ladder-order').textContent()).toContain('专技数字越小岗位越高');
    await screenshot(page, 'grading-ladder');
    expect(app.errors).toEqual([]);
  });
});
