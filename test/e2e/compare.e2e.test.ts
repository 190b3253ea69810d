import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAMILY_CENTRE_PROJECT, JILIN_PROJECT } from '../../db/sampleData';
import { PaybenchStore } from '../../db/store';
import { budgetOfProject, projectNamed } from '../../src/app/services/budget';
import { budgetWorkbookBuffer } from '../../src/core/excel/budgetWorkbook';
import { screenshot, startApp, type RunningApp } from './harness';

/**
 * 预算对比 end to end in Chromium against browser mode: two sample projects ticked in the list (one of them found
 * by search, so the tick survives the filter), 对比 → the comparison table and chart → 导出对比表 downloads the
 * workbook.
 */
let app: RunningApp;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-compare-e2e-'));

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('预算对比', () => {
  it('compares two ticked projects, draws the chart and exports the workbook', async () => {
    const { page } = app;
    await page.goto(`${app.url.split('#')[0]}#/projects`);
    await page.getByTestId('project-list').waitFor();
    const compareButton = page.getByTestId('compare-projects');
    await expect(compareButton.isDisabled()).resolves.toBe(true);

    await page
      .getByRole('row', { name: new RegExp(FAMILY_CENTRE_PROJECT) })
      .locator('.ant-checkbox')
      .click();
    // the second is found by search: the first stays ticked while it is filtered out
    await page.getByTestId('project-search').fill(JILIN_PROJECT.slice(0, 6));
    await page
      .getByRole('row', { name: new RegExp(JILIN_PROJECT) })
      .locator('.ant-checkbox')
      .click();
    await page.getByTestId('project-search').fill('');
    await page.getByText('已选 2 个项目').waitFor();
    await expect(compareButton.isDisabled()).resolves.toBe(false);
    await compareButton.click();

    await page.getByTestId('compare-page').waitFor();
    await page.getByTestId('compare-table').waitFor();
    await page.getByTestId('compare-chart').locator('.recharts-bar-rectangle').first().waitFor();
    // a column per project, the first is the baseline
    await page
      .getByTestId('compare-table')
      .getByRole('columnheader', { name: new RegExp(FAMILY_CENTRE_PROJECT) })
      .first()
      .waitFor();
    await page
      .getByTestId('compare-table')
      .getByRole('columnheader', { name: new RegExp(JILIN_PROJECT) })
      .first()
      .waitFor();
    await page.getByTestId('compare-table').getByText('基准', { exact: true }).first().waitFor();
    await expect(page.getByTestId('compare-diffTotal').first().textContent()).resolves.toBe('0.00');
    await screenshot(page, 'compare');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compare-export').click()]);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^预算对比-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(String(wb.getWorksheet('预算对比')!.getRow(2).getCell(2).value)).toMatch(/（基准）$/);
    expect(app.errors).toEqual([]);
  }, 180_000);

  it('imports a staff table from another template into a new project and opens it', async () => {
    const { page } = app;
    // an NGO's own sheet: a title row, its own header words, one bad cell first
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人员配置');
    ws.addRow(['甲机构人员配置表']);
    ws.addRow(['岗位', '职级', '档次', '人员数量', '计薪月数', '约定月薪']);
    // an agreed pay: the line prices on whichever guide the dialog offers first
    ws.addRow(['一线社工', '初级', 1, '三', 12, 5000]);
    const file = path.join(dir, '甲机构人员.xlsx');
    await wb.xlsx.writeFile(file);

    await page.goto(`${app.url.split('#')[0]}#/projects`);
    await page.getByTestId('import-tables').click();
    await page.getByTestId('import-name').fill('甲机构投标（导入）');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-staff-file').click()]);
    await chooser.setFiles(file);
    // the bad count is named at its cell and marked in the preview; 导入 waits for it to be corrected
    await page.getByTestId('import-staff-problems').getByText('人员表 第 3 行 D 列「人数」').waitFor();
    await expect(page.locator('[data-testid="import-staff"] td[data-bad="true"]').count()).resolves.toBe(1);
    await expect(page.getByTestId('import-tables-ok').isDisabled()).resolves.toBe(true);
    await screenshot(page, 'import-tables');

    ws.getCell('D3').value = 3;
    await wb.xlsx.writeFile(file);
    await page.getByRole('button', { name: /清\s*除/ }).click();
    const [again] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-staff-file').click()]);
    await again.setFiles(file);
    await page.getByTestId('import-staff-lines').getByText('可导入 1 行').waitFor();
    await page.getByTestId('import-tables-ok').click();
    // the new project opens in the editor
    await page.waitForURL(/#\/projects\/\d+/);
    await page.getByText('甲机构投标（导入）').first().waitFor();
    expect(app.errors).toEqual([]);
  }, 180_000);

  it('compares the bids reviewed on 预算审核', async () => {
    const store = PaybenchStore.open(app.dbFile, { seed: false });
    try {
      for (const [file, project] of [
        ['甲.xlsx', FAMILY_CENTRE_PROJECT],
        ['乙.xlsx', JILIN_PROJECT],
      ] as const) {
        const budget = budgetOfProject(store, projectNamed(store, project).id);
        fs.writeFileSync(path.join(dir, file), await budgetWorkbookBuffer(budget.result, budget.spec, {}));
      }
    } finally {
      store.close();
    }
    const { page } = app;
    await page.goto(`${app.url.split('#')[0]}#/review`);
    await page.locator('input[type=file]').setInputFiles([path.join(dir, '甲.xlsx'), path.join(dir, '乙.xlsx')]);
    await page.getByRole('button', { name: /^审\s*核$/ }).click();
    await page.getByRole('row', { name: /乙\.xlsx/ }).waitFor({ timeout: 60_000 });
    await page.getByTestId('compare-bids').click();
    await page
      .getByTestId('compare-table')
      .getByRole('columnheader', { name: /甲\.xlsx/ })
      .first()
      .waitFor({ timeout: 60_000 });
    await page
      .getByTestId('compare-table')
      .getByRole('columnheader', { name: /乙\.xlsx/ })
      .first()
      .waitFor();
    await expect(page.getByTestId('compare-kind').first().textContent()).resolves.toBe('投标预算');
    expect(app.errors).toEqual([]);
  }, 180_000);
});
