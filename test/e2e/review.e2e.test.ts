import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAMILY_CENTRE_PROJECT, JILIN_PROJECT } from '../../db/sampleData';
import { PaybenchStore } from '../../db/store';
import { budgetOfProject, projectNamed } from '../../src/app/services/budget';
import { budgetWorkbookBuffer } from '../../src/core/excel/budgetWorkbook';
import { editCell } from '../core/review/bidWorkbook';
import { screenshot, startApp, type RunningApp } from './harness';

/**
 * 预算审核 end to end in Chromium against browser mode: two bids exported from the sample projects — one as exported,
 * one with 汇总表's 预算总额 typed over its formula — dropped on the page together, reviewed: 通过 and 不通过, and the
 * tampered one's finding names its cell.
 */
let app: RunningApp;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-review-e2e-'));

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function exportBid(store: PaybenchStore, project: string): Promise<Buffer> {
  const budget = budgetOfProject(store, projectNamed(store, project).id);
  return budgetWorkbookBuffer(budget.result, budget.spec, {});
}

describe('预算审核 page', () => {
  it('reviews two dropped workbooks: one passes, the tampered one is rejected at its cell', async () => {
    const store = PaybenchStore.open(app.dbFile, { seed: false });
    try {
      fs.writeFileSync(path.join(dir, 'clean.xlsx'), await exportBid(store, JILIN_PROJECT));
      // 汇总表!B16 is 预算总额 (header row 5 + its 11th line): a round number typed over the formula
      fs.writeFileSync(path.join(dir, 'edited.xlsx'), await editCell(await exportBid(store, FAMILY_CENTRE_PROJECT), '汇总表', 'B16', '<v>1200000</v>'));
    } finally {
      store.close();
    }
    const { page } = app;
    await page.goto(`${app.url.split('#')[0]}#/review`);
    await page.getByText('预算审核', { exact: true }).first().waitFor();
    await page.locator('input[type=file]').setInputFiles([path.join(dir, 'clean.xlsx'), path.join(dir, 'edited.xlsx')]);
    await page.getByText('待审核文件（2）').waitFor();
    await page.getByRole('button', { name: /^审\s*核$/ }).click();

    const clean = page.getByRole('row', { name: /clean\.xlsx/ });
    const edited = page.getByRole('row', { name: /edited\.xlsx/ });
    await clean.waitFor({ timeout: 60_000 });
    await expect(clean.getByText('通过', { exact: true }).count()).resolves.toBe(1);
    await expect(edited.getByText('不通过', { exact: true }).count()).resolves.toBe(1);
    await edited.getByRole('button', { name: /展开|expand/i }).click();
    await page.getByText('汇总表!B16').first().waitFor();
    await screenshot(page, 'review');
    expect(app.errors).toEqual([]);
  }, 180_000);
});
