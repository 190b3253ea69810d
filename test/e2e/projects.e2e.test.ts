import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaybenchStore } from '../../db/store';
import { fromInteger, mul, parseDecimal, round, toFixed } from '../../src/core/money/decimal';
import type { BudgetJson } from '../../src/core/budget/resultJson';
import { ROOT, screenshot, startApp, type RunningApp } from './harness';

/**
 * 项目预算 end to end: Chromium against browser mode on a fresh database. A finance officer creates
 * a project, adds staff and cost lines, sees the totals the CLI computes for the same stored data,
 * sees the labour-share check fail and clear, exports the workbook, reloads and finds it all kept.
 */
const NAME = 'E2E 社区服务项目';
let app: RunningApp;
let page: Page;
let projectId = 0;

const text = async (testId: string) => (await page.getByTestId(testId).first().innerText()).trim();
/** "1,234.56" as shown → "1234.56" */
const plain = (shown: string) => shown.replace(/,/g, '');

async function fill(testId: string, value: string, nth = 0) {
  const box = page.getByTestId(testId).nth(nth);
  await box.fill(value);
}

async function waitSaved() {
  await expect.poll(() => text('save-state'), { timeout: 10_000 }).toBe('已保存');
}

function cliBudget(name: string, dbFile: string): BudgetJson {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'bin', 'paybench.mjs'), 'budget', '--project', name, '--db', dbFile, '--json'], { encoding: 'utf8', cwd: ROOT });
  return JSON.parse(out) as BudgetJson;
}

beforeAll(async () => {
  app = await startApp();
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe('项目预算 page', () => {
  it('lists the sample projects in Chinese', async () => {
    await page.getByTestId('project-link').first().waitFor();
    expect(await page.getByTestId('project-link').count()).toBeGreaterThanOrEqual(2);
    await page.waitForTimeout(400); // let antd's fade-in finish before the picture
    await screenshot(page, 'projects-list');
  });

  it('creates a project, adds staff and cost lines, and shows the CLI totals for the same data', async () => {
    await page.getByTestId('new-project').click();
    await page.getByTestId('new-name').fill(NAME);
    await page.getByTestId('new-purchaser').fill('某街道办事处');
    await page.getByTestId('new-period-start').fill('2026-01');
    await page.getByRole('button', { name: '创 建' }).or(page.getByRole('button', { name: '创建' })).click();
    await page.getByTestId('budget-editor').waitFor();
    projectId = Number(/#\/projects\/(\d+)/.exec(page.url())![1]);
    expect(projectId).toBeGreaterThan(0);

    // two staff lines on the guide's first cell; the second with 2 people
    await page.getByTestId('add-staff').click();
    await page.getByTestId('add-staff').click();
    await fill('staff-count', '2', 1);
    // one cost line: 社区活动 800.00 × 10 × 1 = 8,000.00
    await page.getByTestId('add-cost').click();
    await fill('cost-name', '社区活动');
    await fill('cost-unit-price', '800.00');
    await fill('cost-quantity', '10');
    await expect.poll(() => text('cost-amount')).toBe('8,000.00');
    // management fee 8 %
    await fill('field-management', '8');
    await waitSaved();

    const cli = cliBudget(NAME, app.dbFile);
    expect(plain(await text('total-total'))).toBe(cli.total);
    expect(plain(await text('total-labour'))).toBe(cli.labour);
    expect(plain(await text('total-other'))).toBe(cli.otherCosts);
    expect(plain(await text('total-management'))).toBe(cli.managementFee);
    expect(cli.otherCosts).toBe('8000.00');
    // the fee is round(direct × 8 %) to the fen; direct = labour + other costs
    expect(cli.managementFee).toBe(toFixed(round(mul(parseDecimal(cli.direct), parseDecimal('0.08')), 2), 2));
    // the second line is the first line's cell with twice the people: twice its labour cost
    expect(cli.lines[1]!.kind === 'staff' && cli.lines[0]!.kind === 'staff').toBe(true);
    const [l0, l1] = cli.lines as { labour: string; guideMonthly: string }[];
    expect(l1!.labour).toBe(toFixed(mul(parseDecimal(l0!.labour), fromInteger(2)), 2));
    // the guide's monthly is shown against each line
    expect(plain(await page.getByTestId('staff-guide-monthly').first().innerText())).toBe(l0!.guideMonthly);
  });

  it('shows the labour-share check failing below the purchaser minimum, and clears it', async () => {
    // labour / total is below 99 % (there is a cost line and a fee): the check must fail
    await fill('field-min-labour', '99');
    await page.getByTestId('check-LABOUR_SHARE_BELOW_MIN').waitFor();
    expect(await text('check-LABOUR_SHARE_BELOW_MIN')).toContain('低于购买方要求的最低 99.00%');
    await screenshot(page, 'budget-check-failing');
    // 50 % is met (labour dwarfs an 8,000 cost line): the check clears
    await fill('field-min-labour', '50');
    await page.getByTestId('check-LABOUR_SHARE_BELOW_MIN').waitFor({ state: 'detached' });
    await waitSaved();
    const cli = cliBudget(NAME, app.dbFile);
    expect(cli.checks.map((c) => c.code)).not.toContain('LABOUR_SHARE_BELOW_MIN');
  });

  it('names a bad field in Chinese and keeps the last saved budget', async () => {
    await fill('cost-unit-price', '8OO');
    await page.getByTestId('draft-problem').first().waitFor();
    expect(await text('draft-problem')).toContain('费用第 1 行 单价');
    expect(await text('save-state')).toBe('有错误，未保存');
    await fill('cost-unit-price', '800.00');
    await waitSaved();
  });

  it('exports the budget workbook, which reads back with the same total', async () => {
    const cli = cliBudget(NAME, app.dbFile);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export').click()]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-export-')), download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const values: unknown[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value as { result?: unknown } | unknown;
          values.push(v && typeof v === 'object' && 'result' in (v as object) ? (v as { result: unknown }).result : v);
        }),
      ),
    );
    expect(values.some((v) => typeof v === 'string' && v.includes(NAME))).toBe(true);
    expect(values).toContain(Number(cli.total));
  });

  it('finds everything still there after a reload', async () => {
    await page.reload();
    await page.getByTestId('budget-editor').waitFor();
    expect(await page.getByTestId('field-name').inputValue()).toBe(NAME);
    expect(await page.getByTestId('staff-count').nth(1).inputValue()).toBe('2');
    expect(await page.getByTestId('cost-name').first().inputValue()).toBe('社区活动');
    expect(await page.getByTestId('field-min-labour').inputValue()).toBe('50');
    expect(await page.getByTestId('field-management').inputValue()).toBe('8');
    expect(plain(await text('total-total'))).toBe(cliBudget(NAME, app.dbFile).total);
    await page.waitForTimeout(500);
    await screenshot(page, 'budget-editor');
  });

  it('renders the budget page within 1 s and handles a keystroke in a 200-line budget within one frame of script', async () => {
    // a 200-line budget: 160 staff lines and 40 cost lines, written to the same database
    const store = PaybenchStore.open(app.dbFile, { seed: false });
    let bigId: number;
    try {
      const base = store.projects.get(projectId);
      const staff = Array.from({ length: 160 }, (_, i) => ({ ...base.staff[0]!, count: 1 + (i % 3), note: `第 ${i + 1} 人` }));
      const costs = Array.from({ length: 40 }, (_, i) => ({ category: '服务活动', name: `活动 ${i + 1}`, unitPrice: `${100 + i}.50`, quantity: 1 + (i % 5), times: 1 }));
      const { id: _id, updatedAt: _u, ...rest } = base;
      bigId = store.projects.create({ ...rest, name: '200 行预算', staff, costs, sample: false }).id;
    } finally {
      store.close();
    }

    // first render: from navigation to the totals on screen, in a fresh document; the median of
    // three loads, since two cores are shared with other work
    await page.goto(`${app.url.split('#')[0]}#/projects/${projectId}`); // a hash change: same document
    const loads: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.reload(); // a fresh document, as when the app starts on this page
      const at = await page.waitForFunction(() => (document.querySelector('[data-testid=total-total]') ? performance.now() : 0), undefined, { polling: 'raf' });
      loads.push((await at.jsonValue()) as number);
    }
    const firstMs = [...loads].sort((a, b) => a - b)[1]!;

    await page.goto(`${app.url.split('#')[0]}#/projects/${bigId}`);
    await page.reload();
    await page.getByTestId('total-total').waitFor();
    expect(await page.getByTestId('staff-count').count()).toBe(160);
    await page.waitForTimeout(500);

    // How a keystroke is measured: CDP's ScriptDuration is the renderer main thread's time in script
    // (event handlers, React render and commit, effects, timers, GC inside script), read by the
    // browser without running anything in the page. With timeDomain 'threadTicks' it is counted in
    // the thread's CPU time, not wall time, so time the thread spends preempted by other work on a
    // loaded 2-core machine is not counted. It is read before and after each key, with a short wait
    // on the Node side so the render, commit and effects the key causes fall in its own window (a
    // straggler would land in the next key's window: nothing is lost, only moved). The figure
    // asserted is the median over 30 keystrokes, robust to the odd key that meets a GC or a JIT.
    // Style and layout are the browser's, not script; their time per key is printed alongside. The
    // charts redraw 400 ms after typing pauses (a task of its own, after the keystrokes), and the
    // autosave 800 ms after: at this typing speed neither falls inside a keystroke.
    const cdp: CDPSession = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const metricsMs = async () => {
      const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      const ms = (name: string) => metrics.find((m) => m.name === name)!.value * 1000;
      return { script: ms('ScriptDuration'), styleLayout: ms('RecalcStyleDuration') + ms('LayoutDuration') };
    };
    await page.evaluate(() => (window.__paybenchPerf!.recomputeMs.length = 0));
    // typing into the last cost line's quantity (5): every keystroke is a valid budget, fully recomputed
    const box = page.getByTestId('cost-quantity').nth(39);
    await box.click();
    await box.press('End');
    await page.waitForTimeout(1000); // let the page settle (charts, autosave) before measuring
    // ten digits, ten backspaces back to 5, the ten digits again: 30 keystrokes ending at 51234567890
    const digits = [...'1234567890'].map((k) => `Digit${k}`);
    const keys = [...digits, ...digits.map(() => 'Backspace'), ...digits];
    const perKeyMs: number[] = [];
    const styleLayoutMs: number[] = [];
    for (const k of keys) {
      const before = await metricsMs();
      // page.keyboard, not the locator: a locator runs playwright's selector script in the page, which would be counted
      await page.keyboard.press(k);
      await new Promise((r) => setTimeout(r, 60));
      const after = await metricsMs();
      perKeyMs.push(after.script - before.script);
      styleLayoutMs.push(after.styleLayout - before.styleLayout);
    }
    const recompute = (await page.evaluate(() => window.__paybenchPerf!.recomputeMs.slice())) as number[];
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const max = (xs: number[]) => Math.max(...xs);
    const medianScript = median(perKeyMs);
    const medianRecompute = median(recompute);
    console.log(
      `[speed] first render of the budget page: median ${firstMs.toFixed(0)} ms of ${loads.map((l) => l.toFixed(0)).join('/')} (target ≤ 1000 ms); ` +
        `200-line budget, ${keys.length} keystrokes: all page script per keystroke (CDP ScriptDuration, thread CPU time) median ${medianScript.toFixed(2)} ms, max ${max(perKeyMs).toFixed(2)} ms (target ≤ 16 ms); ` +
        `of which recompute (wall time) median ${medianRecompute.toFixed(2)} ms, max ${max(recompute).toFixed(2)} ms; style and layout median ${median(styleLayoutMs).toFixed(2)} ms`,
    );
    expect(recompute.length).toBeGreaterThanOrEqual(keys.length);
    expect(firstMs).toBeLessThanOrEqual(1000);
    // issue 4: typing in a 200-line budget updates the totals within one frame — all the page's
    // script for a keystroke, not just the arithmetic
    expect(medianScript).toBeLessThanOrEqual(16);
    expect(medianRecompute).toBeLessThanOrEqual(16);
    // the last line is now 139.50 × 51234567890 × 1 = 7,147,222,220,655.00, exact to the fen
    expect(toFixed(mul(parseDecimal('139.50'), parseDecimal('51234567890')), 2)).toBe('7147222220655.00');
    await expect.poll(() => page.getByTestId('cost-amount').nth(39).innerText()).toBe('7,147,222,220,655.00');
  });

  it('duplicates a project and deletes the copy only after confirmation', async () => {
    await page.goto(`${app.url.split('#')[0]}#/projects`);
    const row = page.locator('tr', { has: page.getByText(NAME, { exact: true }) });
    await row.getByRole('button', { name: /复\s*制/ }).click();
    await page.getByTestId('duplicate-name').fill(`${NAME}（副本）`);
    await page.getByRole('dialog').getByRole('button', { name: /复\s*制/ }).click();
    const copyRow = page.locator('tr', { has: page.getByText(`${NAME}（副本）`, { exact: true }) });
    await copyRow.waitFor();
    // the copy computes to the same total as the original
    expect(cliBudget(`${NAME}（副本）`, app.dbFile).total).toBe(cliBudget(NAME, app.dbFile).total);

    await copyRow.getByTestId('delete-project').click();
    await page.getByText(`确定删除“${NAME}（副本）”？`).waitFor();
    await screenshot(page, 'projects-delete-confirm');
    await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除/ }).click();
    await copyRow.waitFor({ state: 'detached' });
    const store = PaybenchStore.open(app.dbFile, { seed: false });
    try {
      expect(store.projects.list().map((p) => p.name)).not.toContain(`${NAME}（副本）`);
      expect(store.projects.list().map((p) => p.name)).toContain(NAME);
    } finally {
      store.close();
    }
  });

  it('shows every page of the frame with Chinese labels, and switches to English', async () => {
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 }); // no stale toast in the pictures
    for (const [route, title] of [
      ['staffing', '岗位测算'],
      ['plan', '区域规划'],
      ['guides', '薪酬指导价'],
      ['contributions', '社保公积金参数'],
    ] as const) {
      await page.goto(`${app.url.split('#')[0]}#/${route}`);
      await page.getByRole('menuitem', { name: title }).waitFor();
      await page.waitForTimeout(600);
      await screenshot(page, `page-${route}`);
    }
    await page.goto(`${app.url.split('#')[0]}#/projects`);
    await page.getByTestId('lang-switch').click();
    await page.getByRole('menuitem', { name: 'Project budgets' }).waitFor();
    await page.getByTestId('lang-switch').click();
    await page.getByRole('menuitem', { name: '项目预算' }).waitFor();
    expect(app.errors).toEqual([]);
  });
});
