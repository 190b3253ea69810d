import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAMILY_CENTRE_PROJECT, JILIN_PROJECT } from '../../db/sampleData';
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
});
