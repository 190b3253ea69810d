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
    await expect.poll(() => page.getByTestId('community-count').textContent(), { timeout: 20_000 }).toContain('3');
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
    expect(app.errors).toEqual([]);
  });
});
