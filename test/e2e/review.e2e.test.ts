import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAMILY_CENTRE_PROJECT, GUANGDONG_GUIDE, JILIN_PROJECT } from '../../db/sampleData';
import { PaybenchStore } from '../../db/store';
import { budgetOfProject, projectNamed } from '../../src/app/services/budget';
import { budgetWorkbookBuffer } from '../../src/core/excel/budgetWorkbook';
import { editCell } from '../core/review/bidWorkbook';
import type { Page } from 'playwright-core';
import { screenshot, startApp, type RunningApp } from './harness';

/**
 * 预算审核 end to end in Chromium against browser mode: two bids exported from the sample projects — one as exported,
 * one with 汇总表's 预算总额 typed over its formula — dropped on the page together, reviewed: 通过 and 不通过, and the
 * tampered one's finding names its cell. Then the officer picks the official guide version (2025 版 for bids priced
 * with 2026 版) for three bids reviewed as one job, which the page follows to 100 %.
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

/** Picks `option` in the select of the form item labelled `label`. */
async function pick(page: Page, label: string, option: string): Promise<void> {
  const select = page.locator('.ant-form-item').filter({ hasText: label }).locator('.ant-select');
  await select.click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).first().click();
  await expect.poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()).toBe(0);
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

  it('reviews three bids as one job against the guide version the officer picked, and says what each was checked against', async () => {
    const store = PaybenchStore.open(app.dbFile, { seed: false });
    const names = ['bid-1.xlsx', 'bid-2.xlsx', 'bid-3.xlsx'];
    try {
      const bytes = await exportBid(store, FAMILY_CENTRE_PROJECT);
      for (const n of names) fs.writeFileSync(path.join(dir, n), bytes);
    } finally {
      store.close();
    }
    const { page } = app;
    // the job the page runs: jobs.start for review.bids, then jobs.progress until it answers done at 100 %
    const started: string[] = [];
    const progress: { status: string; percent: number }[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/jobs.start')) started.push(String((JSON.parse(r.postData() ?? '{}') as { op?: string }).op));
    });
    page.on('response', (r) => {
      if (r.url().includes('/api/jobs.progress'))
        void r.json().then(
          (body: { value?: { status: string; percent: number } }) => {
            if (body.value) progress.push(body.value);
          },
          () => {},
        );
    });
    await page.goto(`${app.url.split('#')[0]}#/review`);
    await page.reload();
    await page.getByText('预算审核', { exact: true }).first().waitFor();
    await page.locator('input[type=file]').setInputFiles(names.map((n) => path.join(dir, n)));
    await page.getByText('待审核文件（3）').waitFor();
    // the version select opens once a guide is chosen; its default is 按开标月份自动
    await expect(page.locator('.ant-form-item').filter({ hasText: '版本' }).locator('.ant-select-disabled').count()).resolves.toBe(1);
    await pick(page, '对照指导价', GUANGDONG_GUIDE);
    await expect(page.locator('.ant-form-item').filter({ hasText: '版本' }).getByText('按开标月份自动').count()).resolves.toBe(1);
    await pick(page, '版本', '2025 版');
    await page.getByRole('button', { name: /^审\s*核$/ }).click();

    const rows = page.getByRole('row', { name: /bid-\d\.xlsx/ });
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(3);
    // priced with 2026 版, each differs from 2025 版 cell by cell: 需修改
    await expect(
      page
        .getByRole('row', { name: /bid-2\.xlsx/ })
        .getByText('需修改', { exact: true })
        .count(),
    ).resolves.toBe(1);
    expect(started).toContain('review.bids');
    await expect.poll(() => progress.some((p) => p.status === 'done' && p.percent === 100)).toBe(true);
    await page
      .getByRole('row', { name: /bid-2\.xlsx/ })
      .getByRole('button', { name: /展开|expand/i })
      .click();
    await page.getByText(`对照：${GUANGDONG_GUIDE}（2025 版，自 2025-01-01 起，示例〔2025〕1号）（审核人指定）`).first().waitFor();
    await page.getByText('GUIDE_CELL_DIFFERS').first().waitFor();
    expect(app.errors).toEqual([]);
  }, 180_000);
});
