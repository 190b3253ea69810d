import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaybenchStore } from '../../db/store';
import { FAMILY_CENTRE_PROJECT, JILIN_PROJECT } from '../../db/sampleData';
import type { StoredProject } from '../../src/core/projects/schema';
import { budgetOfProject } from '../../src/app/services/budget';
import { COMMUNITY_CSV } from './communities';
import { SCREENSHOT_DIR, startApp, type RunningApp } from './harness';

/**
 * The frame and the project list as a user sees them on an office screen, 1280×720 and 1920×1080:
 * the budget's money columns (实发月薪, 人员经费, 金额) and the 添加人员 button inside the window
 * without scrolling sideways, grades not cut short, a sidebar that folds and stays folded, and a
 * project list with totals, check verdicts, search, sorting and a status filter. Every page is
 * photographed at both sizes into docs/screenshots/page-<name>-<width>.png.
 */
let app: RunningApp;
let page: Page;
let base: string;
let tmp: string;

const SMALL = { width: 1280, height: 720 };
const LARGE = { width: 1920, height: 1080 };

async function picture(name: string, width: number) {
  // the page fits the window's width: nothing is reached only by scrolling the whole page sideways
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${width}: page width`).toBeLessThanOrEqual(width);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
  await page.waitForTimeout(500); // antd's fades finish before the picture
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `page-${name}-${width}.png`), fullPage: true });
}

/** Scrolls the page (only the page, never a table sideways) so that the element is in view vertically. */
async function bringIntoViewVertically(target: Locator) {
  const box = (await target.boundingBox())!;
  await page.evaluate((top) => window.scrollBy(0, top - 200), box.y);
}

/** The element lies inside the window's width, and is what the user sees at its centre (no pinned column over it). */
async function expectVisibleInWindow(target: Locator, what: string) {
  await bringIntoViewVertically(target);
  const box = (await target.boundingBox())!;
  const width = page.viewportSize()!.width;
  expect(box.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what}: right edge inside ${width}`).toBeLessThanOrEqual(width);
  const onTop = await target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (el === hit || el.contains(hit));
  });
  expect(onTop, `${what}: not covered`).toBe(true);
}

const listRows = () => page.getByTestId('project-list').locator('tbody tr.ant-table-row');
const rowOf = (name: string) => page.locator('tr.ant-table-row', { has: page.getByText(name, { exact: true }) });

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-layout-e2e-'));
  app = await startApp({ viewport: SMALL });
  page = app.page;
  base = app.url.split('#')[0]!;
});

afterAll(async () => {
  await app?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the desk at 1280×720', () => {
  it('keeps 实发月薪, 人员经费, 金额 and 添加人员 in the window with the menu open, and cuts no grade short', async () => {
    for (const name of [FAMILY_CENTRE_PROJECT, JILIN_PROJECT]) {
      await page.goto(`${base}#/projects`);
      await page.getByText(name, { exact: true }).click();
      await page.getByTestId('total-total').waitFor();
      expect(await page.getByTestId('sider').evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(150); // the menu is open
      for (const [testId, what] of [
        ['staff-paid-monthly', '实发月薪'],
        ['staff-labour', '人员经费'],
        ['cost-amount', '金额'],
      ] as const) {
        const cells = page.getByTestId(testId);
        expect(await cells.count()).toBeGreaterThan(0);
        await expectVisibleInWindow(cells.first(), `${name} ${what}`);
        await expectVisibleInWindow(cells.last(), `${name} ${what} (last line)`);
        expect((await cells.first().innerText()).trim()).toMatch(/^[\d,]+\.\d\d$/);
      }
      await expectVisibleInWindow(page.getByTestId('add-staff'), `${name} 添加人员`);
      await expectVisibleInWindow(page.getByTestId('add-cost'), `${name} 添加费用`);
      // nothing was scrolled sideways to get there
      expect(await page.getByTestId('staff-scroll').evaluate((el) => el.scrollLeft)).toBe(0);
      // each picker is as wide as its longest choice: the grade and qualification shown whole, not "督导…"
      for (const picker of await page.locator('[data-testid="staff-grade"], [data-testid="staff-post"]').all()) {
        const item = picker.locator('.ant-select-selection-item');
        const [scroll, client, text] = await item.evaluate((el) => [el.scrollWidth, el.clientWidth, el.textContent ?? '']);
        expect(scroll, `“${text}” fits its picker`).toBeLessThanOrEqual(client);
      }
    }
    await picture('budget', SMALL.width);
  });

  it('shows every money header, and 备注, whole and not under a pinned column, with the menu open', async () => {
    // the staff table's 指导价月薪 / 约定月薪 / 实发月薪 / 人员经费 and the cost table's 单价 / 金额 (and each 备注):
    // at a header's centre the browser finds the header itself, not a pinned (sticky) cell drawn over it. Below
    // 1600 px the totals panel moves under the tables (a strip of key figures stays on top) to give them the width.
    const staffHeaders = ['指导价月薪', '约定月薪', '备注', '实发月薪', '人员经费'];
    const costHeaders = ['单价', '备注', '金额'];
    for (const name of [FAMILY_CENTRE_PROJECT, JILIN_PROJECT]) {
      await page.goto(`${base}#/projects`);
      await page.getByText(name, { exact: true }).click();
      await page.getByTestId('total-total').waitFor();
      expect(await page.getByTestId('sider').evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(150);
      for (const [table, headers] of [
        ['staff-table', staffHeaders],
        ['cost-table', costHeaders],
      ] as const) {
        for (const text of headers) {
          const th = page.getByTestId(table).locator('thead th', { hasText: new RegExp(`^${text}(（元）)?$`) });
          expect(await th.count(), `${name} ${table} ${text}`).toBe(1);
          await expectVisibleInWindow(th, `${name} ${table} 表头「${text}」`);
          const [scroll, client] = await th.evaluate((el) => [el.scrollWidth, el.clientWidth]);
          expect(scroll, `${name} ${table} 表头「${text}」 shown whole`).toBeLessThanOrEqual(client);
        }
      }
      expect(await page.getByTestId('staff-scroll').evaluate((el) => el.scrollLeft)).toBe(0);
    }
  });

  it('folds the menu to its icons, and the app starts folded next time', async () => {
    await page.goto(`${base}#/projects`);
    const width = () => page.getByTestId('sider').evaluate((el) => Math.round(el.getBoundingClientRect().width));
    expect(await width()).toBe(208);
    await page.getByTestId('sider-toggle').click();
    await expect.poll(width, { timeout: 10_000 }).toBe(56);
    await page.reload();
    await page.getByTestId('project-list').waitFor();
    expect(await width()).toBe(56);
    // folded, the menu still leads to each page (the icons name it on hover)
    await page.getByRole('menuitem').nth(1).click();
    await expect.poll(() => page.url(), { timeout: 10_000 }).toContain('#/guides');
    await page.getByTestId('sider-toggle').click();
    await expect.poll(width, { timeout: 10_000 }).toBe(208);
  });
});

describe('the project list', () => {
  it('shows each project’s total, headcount, period, guide version and check verdict, as the budget service prices it', async () => {
    // two more projects, as a user might leave them: one under a 99 % minimum labour share (an error),
    // one starting before its guide has a version (it cannot be priced)
    const store = PaybenchStore.open(app.dbFile, { seed: false });
    let expected: Record<string, string>;
    try {
      const centre = store.projects.findByName(FAMILY_CENTRE_PROJECT)!;
      // (a store with revisions carries one on each project; a new project starts its own)
      const { id: _id, updatedAt: _u, revision: _r, ...input } = centre as StoredProject & { revision?: number };
      store.projects.create({ ...input, name: '高门槛项目', sample: false, rules: { ...input.rules, minLabourShare: '0.99' } });
      store.projects.create({ ...input, name: '早于指导价的项目', sample: false, periodStart: '2020-01' });
      expected = Object.fromEntries(
        store.projects.list().flatMap((p) => (p.periodStart === '2020-01' ? [] : [[p.name, budgetOfProject(store, p.id).json.total]])),
      );
    } finally {
      store.close();
    }

    await page.goto(`${base}#/projects`);
    await page.reload();
    await expect.poll(() => listRows().count(), { timeout: 15_000 }).toBe(4);
    const plain = (s: string) => s.trim().replace(/,/g, '');
    for (const [name, total] of Object.entries(expected)) {
      expect(plain(await rowOf(name).getByTestId('project-total').innerText()), name).toBe(total);
    }
    // the sample centre: 1 + 2 + 2 + 3 + 0.5 = 8.5 people, 2026-01 to 2026-12 on the 2026 版, no error or warning
    const centre = rowOf(FAMILY_CENTRE_PROJECT);
    expect(plain(await centre.getByTestId('project-total').innerText())).toBe('1260206.02');
    expect(await centre.getByTestId('project-headcount').innerText()).toBe('8.5');
    expect(await centre.getByTestId('project-period').innerText()).toBe('2026-01 至 2026-12');
    expect(await centre.getByTestId('project-version').innerText()).toBe('2026 版');
    expect(await centre.getByTestId('project-checks-pass').innerText()).toBe('通过');
    expect(await rowOf('高门槛项目').getByTestId('project-errors').innerText()).toBe('1 项错误');
    const early = rowOf('早于指导价的项目');
    expect(await early.getByTestId('project-cannot-price').innerText()).toBe('无法计算');
    expect(await early.getByTestId('project-total').innerText()).toBe('—');
    await early.getByTestId('project-cannot-price').hover();
    await page.getByRole('tooltip').filter({ hasText: '没有生效的版本' }).waitFor();
    // the headcount's tooltip says the lines, which are not people
    await centre.getByTestId('project-headcount').hover();
    await page.getByRole('tooltip').filter({ hasText: '明细行：人员 5 行 · 费用 8 行' }).waitFor();
    await page.mouse.move(0, 0);
    await picture('projects', SMALL.width);
  });

  it('searches by name, purchaser and provider, filters by verdict and sorts by total', async () => {
    const names = async () => (await listRows().getByTestId('project-link').allInnerTexts()).map((t) => t.trim());
    const search = page.getByTestId('project-search');
    await search.fill('吉林');
    await expect.poll(names, { timeout: 10_000 }).toEqual([JILIN_PROJECT]);
    await search.fill('民政局'); // the centre's purchaser, 某区民政局; and its two copies'
    await expect.poll(names, { timeout: 10_000 }).toEqual(expect.arrayContaining([FAMILY_CENTRE_PROJECT, '高门槛项目', '早于指导价的项目']));
    expect(await names()).not.toContain(JILIN_PROJECT);
    await search.fill('示例社区'); // the Jilin project's provider
    await expect.poll(names, { timeout: 10_000 }).toEqual([JILIN_PROJECT]);
    expect(await page.getByTestId('project-shown').innerText()).toBe('显示 1 / 共 4 个项目');
    await search.fill('');

    const filter = page.getByTestId('project-status-filter');
    await filter.click();
    await page.locator('.ant-select-item-option', { hasText: '有错误' }).click();
    await expect.poll(names, { timeout: 10_000 }).toEqual(['高门槛项目']);
    await filter.click();
    await page.locator('.ant-select-item-option', { hasText: '无法计算' }).click();
    await expect.poll(names, { timeout: 10_000 }).toEqual(['早于指导价的项目']);
    await filter.hover();
    await filter.locator('.ant-select-clear').click();
    await expect.poll(() => listRows().count(), { timeout: 10_000 }).toBe(4);

    // ascending by total: the one without a total first, then 1,260,206.02 (the centre and its copy) below 1,711,773.60
    await page.getByRole('columnheader', { name: /项目总经费/ }).click();
    await expect.poll(async () => (await names())[0], { timeout: 10_000 }).toBe('早于指导价的项目');
    expect((await names()).at(-1)).toBe(JILIN_PROJECT);
    await page.getByRole('columnheader', { name: /项目总经费/ }).click();
    await expect.poll(async () => (await names())[0], { timeout: 10_000 }).toBe(JILIN_PROJECT);
  });
});

describe('rates in percent', () => {
  it('takes the share aged 60+ in percent: 35 (%) above 浦东’s 30 % threshold lifts the quota', async () => {
    await page.goto(`${base}#/staffing`);
    await page.getByTestId('rule-select').click();
    await page.locator('.ant-select-item-option', { hasText: '浦东' }).click();
    await page.getByTestId('households').fill('2600');
    await page.getByTestId('elderly-share').fill('35');
    await page.getByTestId('compute').click();
    // 2,600 households: the band's end, 11; 35 % > 30 %: +1 to +2, so 12 to 13 (docs/design.md §Rules, 浦东社工15条)
    await expect.poll(() => page.getByTestId('staffing-steps').innerText(), { timeout: 10_000 }).toContain('老年人口占比 35% > 30%：上浮 1–2 人');
    // and the rule's certificate rate reads as a percentage, not as the fraction 1
    expect(await page.getByTestId('staffing-outcome').innerText()).toMatch(/持证率\s+城市社区 100%，农村社区 80%/);
  });

  it('takes the plan’s yearly guide rise in percent and refuses one of 100 % or more', async () => {
    await page.goto(`${base}#/plan`);
    // the page opens the last (here: the sample) saved plan; typing starts once it is loaded
    await expect.poll(() => page.getByTestId('plan-title-bar').textContent(), { timeout: 20_000 }).toMatch(/^区域规划 — /);
    const rise = page.getByTestId('plan-adjustment');
    expect(await rise.inputValue()).toBe('3');
    await rise.fill('150');
    await page.getByText('请填写 0 到 100 之间的百分数，如 3').waitFor();
    await rise.fill('2.5');
    await page.getByText('请填写 0 到 100 之间的百分数，如 3').waitFor({ state: 'detached' });
  });
});

describe('every page at 1280×720 and 1920×1080', () => {
  it('photographs the list, the budget, the guides, the contributions, the staffing, the area plan, the roster and the review', async () => {
    const csv = path.join(tmp, '社区名单.csv');
    fs.writeFileSync(csv, COMMUNITY_CSV, 'utf8');
    for (const size of [SMALL, LARGE]) {
      await page.setViewportSize(size);
      await page.goto(`${base}#/projects`);
      await listRows().first().waitFor();
      await picture('projects', size.width);
      await rowOf(JILIN_PROJECT).getByTestId('project-link').click();
      await page.getByTestId('total-total').waitFor();
      await page.getByTestId('charts').waitFor();
      await picture('budget', size.width);
      for (const [route, testId] of [
        ['guides', 'guides-page'],
        ['contributions', 'contributions-page'],
        ['roster', 'roster-page'],
        ['review', 'review-page'],
      ] as const) {
        await page.goto(`${base}#/${route}`);
        await page.getByTestId(testId).waitFor();
        await picture(route, size.width);
      }
      await page.goto(`${base}#/staffing`);
      await page.getByTestId('compute').click();
      await page.getByTestId('staffing-steps').waitFor();
      await picture('staffing', size.width);

      await page.goto(`${base}#/plan`);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-communities').click()]);
      await chooser.setFiles(csv);
      await page.getByTestId('community-count').waitFor();
      await page.getByTestId('run-plan').click();
      await page.getByTestId('district-table').waitFor({ timeout: 30_000 });
      await picture('plan', size.width);
    }
    expect(app.errors).toEqual([]);
  });
});
