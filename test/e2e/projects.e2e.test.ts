import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAMILY_CENTRE_PROJECT } from '../../db/sampleData';
import { PaybenchStore } from '../../db/store';
import { budgetOfProject } from '../../src/app/services/budget';
import { create200LineBudget } from './bigBudget';
import { add, fromInteger, mul, parseDecimal, round, sub, toFixed } from '../../src/core/money/decimal';
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
  const out = execFileSync(process.execPath, [path.join(ROOT, 'bin', 'paybench.mjs'), 'budget', '--project', name, '--db', dbFile, '--json'], {
    encoding: 'utf8',
    cwd: ROOT,
  });
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
    await page
      .getByRole('button', { name: '创 建' })
      .or(page.getByRole('button', { name: '创建' }))
      .click();
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
    expect(await text('draft-problem')).toContain('其他费用第 1 行「单价」');
    // kept as a draft with errors (the stored project keeps its last valid content)
    await expect.poll(() => text('save-state'), { timeout: 10_000 }).toBe('草稿·有错误');
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

  it('renders a 200-line budget and updates its totals as a quantity is typed and erased', async () => {
    // a 200-line budget: 160 staff lines and 40 cost lines, written to the same database
    // (how fast this page renders and types is measured by `npm run bench`, not here)
    const bigId = create200LineBudget(app.dbFile, projectId);

    await page.goto(`${app.url.split('#')[0]}#/projects/${bigId}`);
    await page.reload(); // a fresh document, as when the app starts on this page
    await page.getByTestId('total-total').waitFor();
    expect(await page.getByTestId('staff-count').count()).toBe(160);
    expect(await page.getByTestId('cost-amount').count()).toBe(40);
    const otherBefore = parseDecimal(plain(await text('total-other')));

    // typing into the last cost line's quantity (5): every keystroke is a valid budget, fully recomputed
    const box = page.getByTestId('cost-quantity').nth(39);
    await box.click();
    await box.press('End');
    const lastAmount = () => page.getByTestId('cost-amount').nth(39).innerText();
    // five digits make it 512345 (a quantity may go up to 1,000,000): the line is 139.50 × 512345 × 1 = 71,472,127.50
    const digits = [...'12345'].map((k) => `Digit${k}`);
    for (const k of digits) await page.keyboard.press(k);
    expect(toFixed(mul(parseDecimal('139.50'), parseDecimal('512345')), 2)).toBe('71472127.50');
    await expect.poll(lastAmount).toBe('71,472,127.50');
    // and the other-costs total moved by exactly that line's change: 139.50 × (512345 − 5)
    const moved = mul(parseDecimal('139.50'), sub(parseDecimal('512345'), fromInteger(5)));
    await expect.poll(async () => plain(await text('total-other'))).toBe(toFixed(add(otherBefore, moved), 2));
    // five backspaces take it back to 5 (139.50 × 5 = 697.50) and the total back to where it was
    for (const _ of digits) await page.keyboard.press('Backspace');
    await expect.poll(lastAmount).toBe('697.50');
    await expect.poll(async () => plain(await text('total-other'))).toBe(toFixed(otherBefore, 2));
  });

  it('duplicates a project and deletes the copy only after confirmation', async () => {
    await page.goto(`${app.url.split('#')[0]}#/projects`);
    const row = page.locator('tr', { has: page.getByText(NAME, { exact: true }) });
    await row.getByRole('button', { name: /复\s*制/ }).click();
    await page.getByTestId('duplicate-name').fill(`${NAME}（副本）`);
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /复\s*制/ })
      .click();
    // a copy is made to be changed: it opens in the editor
    await expect.poll(() => text('editor-title')).toBe(`${NAME}（副本）`);
    await page.goto(`${app.url.split('#')[0]}#/projects`);
    const copyRow = page.locator('tr', { has: page.getByText(`${NAME}（副本）`, { exact: true }) });
    await copyRow.waitFor();
    // the copy computes to the same total as the original
    expect(cliBudget(`${NAME}（副本）`, app.dbFile).total).toBe(cliBudget(NAME, app.dbFile).total);

    await copyRow.getByTestId('delete-project').click();
    await page.getByText(`确定删除“${NAME}（副本）”？`).waitFor();
    await screenshot(page, 'projects-delete-confirm');
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /删\s*除/ })
      .click();
    await copyRow.waitFor({ state: 'detached' });
    const store = PaybenchStore.open(app.dbFile, { seed: false });
    try {
      expect(store.projects.list().map((p) => p.name)).not.toContain(`${NAME}（副本）`);
      expect(store.projects.list().map((p) => p.name)).toContain(NAME);
    } finally {
      store.close();
    }
  });

  it('a save refused because another window saved first offers 重新载入 or 另存为副本, and overwrites nothing', async () => {
    /** another window (a second instance on the same file) saves the project: the management rate */
    const saveElsewhere = (managementRate: string) => {
      const other = PaybenchStore.open(app.dbFile, { seed: false });
      try {
        const { id: _id, updatedAt: _u, revision, ...stored } = other.projects.get(projectId);
        other.projects.update(projectId, { ...stored, managementRate }, revision);
      } finally {
        other.close();
      }
    };
    const stored = () => {
      const store = PaybenchStore.open(app.dbFile, { seed: false });
      try {
        return store.projects.list().map((p) => ({ ...p, project: store.projects.get(p.id) }));
      } finally {
        store.close();
      }
    };
    const openEditor = async () => {
      await page.goto(`${app.url.split('#')[0]}#/projects/${projectId}`);
      await page.getByTestId('budget-editor').waitFor();
      await waitSaved();
    };

    // this window opened the project; the other saves 9 %; this one, still at the revision it loaded, edits a head count
    await openEditor();
    const loadedRate = stored().find((p) => p.name === NAME)!.project.managementRate;
    saveElsewhere('0.09');
    await fill('staff-count', '5', 0);
    const dialog = page.getByTestId('stale-save');
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/项目“E2E 社区服务项目”已在另一个窗口或另一个 Paybench 实例中被修改/);
    await screenshot(page.locator('.ant-modal-confirm'), 'projects-save-conflict');
    const original = stored().find((p) => p.name === NAME)!.project;
    expect([original.managementRate, original.staff[0]!.count]).toEqual(['0.09', 1]); // the other window's save stands

    // 另存为副本: this window's edits become a new project, the original keeps the other window's
    await page.getByRole('button', { name: '另存为副本' }).click();
    await expect.poll(() => text('editor-title')).toBe(`${NAME}（副本）`);
    expect(await page.getByTestId('staff-count').first().inputValue()).toBe('5');
    const copy = stored().find((p) => p.name === `${NAME}（副本）`)!;
    expect([copy.project.staff[0]!.count, copy.project.managementRate]).toEqual([5, loadedRate]);

    // 重新载入: the editor shows what the other window saved, and saves on top of it from then on
    await openEditor();
    saveElsewhere('0.07');
    await fill('staff-count', '4', 0);
    await dialog.waitFor();
    await page.getByRole('button', { name: '重新载入' }).click();
    await expect.poll(() => page.getByTestId('field-management').inputValue()).toBe('7');
    expect(await page.getByTestId('staff-count').first().inputValue()).toBe('1');
    await fill('staff-count', '3', 0);
    await waitSaved();
    const reloaded = stored().find((p) => p.name === NAME)!.project;
    expect([reloaded.managementRate, reloaded.staff[0]!.count]).toEqual(['0.07', 3]);

    const store = PaybenchStore.open(app.dbFile, { seed: false });
    try {
      store.projects.delete(copy.id); // the list in the pictures that follow is as before
    } finally {
      store.close();
    }
  });

  it('期间内调整: takes the July base reset of the project’s city, and prices the stored project in two segments as the CLI does', async () => {
    // a reset of the centre's own (上海) set from 2026-07-01: the floor rises to 8,000.00; same items and levies
    const resetName = '上海市 2026 年 7 月起参数（E2E）';
    const store = PaybenchStore.open(app.dbFile, { seed: false });
    let before: BudgetJson;
    try {
      const centre = store.projects.findByName(FAMILY_CENTRE_PROJECT)!;
      const { id: _id, revision: _r, ...first } = store.contributionSets.get(centre.contributionSetId);
      store.contributionSets.create({ ...first, name: resetName, effectiveFrom: '2026-07-01', floor: '8000.00', sample: false });
      before = budgetOfProject(store, centre.id).json;
    } finally {
      store.close();
    }
    await page.goto(app.url.split('#')[0]! + '#/projects');
    await page.getByText(FAMILY_CENTRE_PROJECT, { exact: true }).click();
    await page.getByTestId('total-total').waitFor();
    await page.getByTestId('field-later-contribution-sets').click();
    // only sets of the same city taking effect within the period are offered: the reset, not 北京 or 吉林
    const options = page.locator('.ant-select-item-option');
    await options.first().waitFor();
    expect(await options.allInnerTexts()).toEqual([`${resetName}（2026-07-01 起）`]);
    await options.first().click();
    await page.keyboard.press('Escape');
    await waitSaved();

    const cli = cliBudget(FAMILY_CENTRE_PROJECT, app.dbFile);
    expect(plain(await text('total-total'))).toBe(cli.total);
    // the lines now run in two segments, the second on the reset: the 初级 line's monthly 5,150 + 200 is under the new
    // floor, so its contributions rise and the total with them
    const line = cli.lines.find((l) => l.kind === 'staff')!;
    expect(line.kind === 'staff' && line.segments!.map((x) => [x.start, x.contributionsFrom])).toEqual([
      ['2026-01', '2023-07-01'],
      ['2026-07', '2026-07-01'],
    ]);
    expect(Number(cli.total)).toBeGreaterThan(Number(before!.total));
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
