import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMUNITY_CSV } from './communities';
import { screenshot, startApp, type RunningApp } from './harness';

/**
 * 岗位测算 and 区域规划 end to end in Chromium against browser mode on a fresh database: the Jilin
 * rule for one community with its arithmetic shown, then a community list imported from CSV,
 * planned by district, and the plan workbook exported and read back.
 */

// the list and its arithmetic: see communities.ts
const CSV = COMMUNITY_CSV;

let app: RunningApp;
let tmp: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-plan-e2e-'));
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('岗位测算 and 区域规划 pages', () => {
  it('shows min, chosen and max for a 4,100-household community under the Jilin rule, with the arithmetic', async () => {
    const { page } = app;
    await page.getByRole('menuitem', { name: /岗位测算/ }).click();
    // antd's InputNumber puts the test id on the <input> itself
    await page.getByTestId('households').fill('4100');
    await page.getByTestId('compute').click();
    const outcome = page.getByTestId('staffing-outcome');
    await expect.poll(() => outcome.textContent(), { timeout: 20_000 }).toContain('下限');
    const text = (await outcome.textContent()) ?? '';
    // min = 10 + floor(1100/500) = 12, max = 15 + floor(1100/300) = 18, mid = 12 + round(0.5 × 6) = 15
    expect(text).toMatch(/下限\s*12/);
    expect(text).toMatch(/上限\s*18/);
    expect(text).toMatch(/取值\s*15/);
    expect(await page.getByTestId('staffing-steps').locator('li').count()).toBeGreaterThan(0);
    await screenshot(page, 'staffing');
  });

  it('imports a community list, plans it by district, and exports the plan workbook', async () => {
    const { page } = app;
    const csvFile = path.join(tmp, '社区名单.csv');
    fs.writeFileSync(csvFile, CSV, 'utf8');
    await page.getByRole('menuitem', { name: /区域规划/ }).click();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-communities').click()]);
    await chooser.setFiles(csvFile);
    // the page opens on the sample plan (示例社区名单.csv, also 3 communities): wait for the imported list itself
    await expect.poll(() => page.getByTestId('community-count').textContent(), { timeout: 20_000 }).toMatch(/^社区名单\.csv：3 个社区/);
    await page.getByTestId('run-plan').click();
    const table = page.getByTestId('district-table');
    await table.waitFor({ timeout: 30_000 });
    const rows: string[][] = [];
    for (const tr of await table.locator('tbody tr').all()) rows.push((await tr.locator('td').allTextContents()).map((t) => t.trim()));
    const byDistrict = (name: string) => rows.find((r) => r[0] === name)!.slice(0, 5);
    // columns: 区, 社区数, 员额下限, 员额取值, 员额上限 (mid point: min + round((max − min)/2))
    // 朝阳区: 2 communities, min 10 + 12 = 22, chosen 13 + 15 = 28, max 15 + 18 = 33
    expect(byDistrict('朝阳区')).toEqual(['朝阳区', '2', '22', '28', '33']);
    // 南关区: 南湖社区 11–17, chosen 11 + round(3) = 14
    expect(byDistrict('南关区')).toEqual(['南关区', '1', '11', '14', '17']);
    expect(byDistrict('合计')).toEqual(['合计', '3', '33', '42', '50']);

    // 工会社工岗 on both bases, for 12,000 union employees and 95 grassroots unions, at the midpoint:
    //   by 职工: ⌈12000/5000⌉ = 3 … ⌈12000/3000⌉ = 4, chosen 3 + round(0.5 × 1) = 4
    //   by 基层工会: ⌈95/50⌉ = 2 … ⌈95/30⌉ = 4, chosen 2 + round(0.5 × 2) = 3
    await page.getByTestId('plan-union-employees').fill('12000');
    await page.getByTestId('plan-union-branches').fill('95');
    await page.getByTestId('run-plan').click();
    const union = page.getByTestId('plan-union');
    await union.waitFor({ timeout: 30_000 });
    const unionRows: string[][] = [];
    for (const tr of await union.locator('tbody tr').all()) unionRows.push((await tr.locator('td').allTextContents()).map((t) => t.trim()));
    expect(unionRows).toEqual([
      ['按职工人数（每 3000–5000 名 1 名）', '12000 名职工', '3', '4', '4'],
      ['按基层工会数（每 30–50 家 1 名）', '95 家基层工会', '2', '3', '4'],
    ]);
    await screenshot(page, 'plan');

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: /导出/ }).last().click()]);
    const saved = path.join(tmp, 'plan.xlsx');
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.length).toBeGreaterThan(0);
    const all = wb.worksheets.flatMap((w) => {
      const out: string[] = [];
      w.eachRow((row) => row.eachCell((c) => out.push(String(c.text))));
      return out;
    });
    for (const name of ['长春路社区', '新民社区', '南湖社区']) expect(all).toContain(name);
    // 规划汇总 carries the two union bases as the page shows them
    const summary: string[][] = [];
    wb.getWorksheet('规划汇总')!.eachRow((row) => summary.push([String(row.getCell(1).text), String(row.getCell(2).text)]));
    expect(summary).toContainEqual(['按职工人数', '4']);
    expect(summary).toContainEqual(['按基层工会数', '3']);
    expect(app.errors).toEqual([]);
  });
});
