import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMUNITY_CSV } from './communities';
import { screenshot, startApp, type RunningApp } from './harness';

/**
 * The English switch on the 岗位测算 and 区域规划 pages: headings, tabs, labels, statistic titles and
 * column headers turn English, and so does the rules' arithmetic (said from its step codes); the
 * numbers are the same as in Chinese, and the user's data (community, street and district names)
 * stays as typed. Chinese is the default and comes back on switching.
 */

// the list and its arithmetic: see communities.ts
const CSV = COMMUNITY_CSV;

let app: RunningApp;
let tmp: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-english-plan-e2e-'));
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function rowsOf(table: import('playwright-core').Locator): Promise<string[][]> {
  const rows: string[][] = [];
  for (const tr of await table.locator('tbody tr').all()) rows.push((await tr.locator('td').allTextContents()).map((t) => t.trim()));
  return rows;
}

describe('English on the staffing and area-plan pages', () => {
  it('computes a 4,100-household Jilin community and plans three communities in English, then back in Chinese', async () => {
    const { page } = app;
    await page.getByTestId('lang-switch').click();

    // 岗位测算 in English
    await page.getByRole('menuitem', { name: /Staffing$/ }).click();
    const staffing = page.getByTestId('staffing-page');
    await staffing.getByRole('heading', { name: 'Staffing', exact: true }).waitFor();
    for (const tab of [
      'Community (households / population)',
      'Trade union (employees)',
      'Trade union (branches)',
      'By population',
      'NGO 70 %',
      'Certificate rate',
    ]) {
      await staffing.getByRole('tab', { name: tab, exact: true }).waitFor();
    }
    for (const text of [
      'Staffing rule',
      'Date (selects the version in force)',
      'Policy point',
      'Households',
      'Residents',
      'Share aged 60+',
      'Current staff',
      'Certified staff',
      'Rule parameters (editable',
    ]) {
      expect(await staffing.textContent(), text).toContain(text);
    }
    await page.getByTestId('households').fill('4100');
    await page.getByTestId('compute').click();
    const outcome = page.getByTestId('staffing-outcome');
    await expect.poll(() => outcome.textContent(), { timeout: 20_000 }).toContain('Minimum');
    // e = 4,100 − 3,000 = 1,100: min = 10 + floor(1100/500) = 12, max = 15 + floor(1100/300) = 18, mid = 12 + round(6/2) = 15
    expect(await outcome.locator('.ant-statistic-title').allTextContents()).toEqual(['Minimum', 'Chosen', 'Maximum']);
    expect(await outcome.locator('.ant-statistic-content').allTextContents()).toEqual(['12', '15', '18']);
    expect(await outcome.textContent()).toContain('Arithmetic');
    // the arithmetic, step by step (its English is proven in test/renderer/coreText.test.ts)
    expect(await page.getByTestId('staffing-steps').locator('li').count()).toBeGreaterThan(0);
    await screenshot(page, 'staffing-en');

    // a one-unit tab: the rule in one line and the count's label
    await staffing.getByRole('tab', { name: 'Trade union (employees)', exact: true }).click();
    await staffing.getByText(/one social worker per 3,000–5,000 employees/).waitFor();

    // 区域规划 in English
    const csvFile = path.join(tmp, '社区名单.csv');
    fs.writeFileSync(csvFile, CSV, 'utf8');
    await page.getByRole('menuitem', { name: /Area plan$/ }).click();
    const plan = page.getByTestId('plan-page');
    // the page opens on the sample plan; a new plan starts with an empty list
    await expect.poll(() => page.getByTestId('plan-title-bar').textContent(), { timeout: 20_000 }).toMatch(/^Area plan — /);
    await page.getByTestId('plan-new').click();
    await expect.poll(() => page.getByTestId('plan-title-bar').textContent()).toMatch(/^Area plan — 新区域规划/);
    await plan.getByText(/^Import a community list first/).waitFor();
    for (const text of [
      'Rule and pricing',
      'Staffing rule',
      'Policy point',
      'Start date',
      'Post mix',
      'Pay guide (none: quotas only)',
      'Contribution set',
      'Yearly guide rise',
      'Cap at total quota',
    ]) {
      expect(await plan.textContent(), text).toContain(text);
    }
    // a list with a bad cell is refused, the page's title and the schema's message in English
    const badFile = path.join(tmp, 'bad.csv');
    fs.writeFileSync(badFile, CSV.replace('4100', '四千'), 'utf8');
    const [badChooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-communities').click()]);
    await badChooser.setFiles(badFile);
    const notice = page.locator('.ant-notification-notice').filter({ hasText: 'The community list has errors; no community was imported' });
    await notice.waitFor({ timeout: 20_000 });
    const description = (await notice.locator('.ant-notification-notice-description').textContent()) ?? '';
    expect(description).toContain('must be a whole number ≥ 0');
    expect(description).not.toContain('不是不小于 0 的整数');
    await notice.locator('.ant-notification-notice-close').click();
    expect(await page.getByTestId('community-count').count()).toBe(0);

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-communities').click()]);
    await chooser.setFiles(csvFile);
    // 9 + 13 + 11 = 33 staff now
    await expect.poll(() => page.getByTestId('community-count').textContent(), { timeout: 20_000 }).toBe('社区名单.csv: 3 communities, 33 staff now');
    await page.getByTestId('run-plan').click();
    const table = page.getByTestId('district-table');
    await table.waitFor({ timeout: 30_000 });
    expect((await table.locator('thead th').allTextContents()).slice(0, 9)).toEqual([
      'District',
      'Communities',
      'Quota min',
      'Quota chosen',
      'Quota max',
      'Current staff',
      'To recruit',
      'Over quota',
      'Certificate gap',
    ]);
    const rows = await rowsOf(table);
    // district names are data and stay Chinese; the sum row is the page's own and turns English
    // 朝阳区: min 10 + 12 = 22, chosen 13 + 15 = 28, max 15 + 18 = 33;  南关区: 11, 14, 17;  total 33, 42, 50
    expect(rows.map((r) => r.slice(0, 5))).toEqual([
      ['朝阳区', '2', '22', '28', '33'],
      ['南关区', '1', '11', '14', '17'],
      ['Total', '3', '33', '42', '50'],
    ]);
    for (const tab of ['By district', 'By street', 'By community']) await plan.getByRole('tab', { name: tab, exact: true }).waitFor();
    await plan.locator('.recharts-legend-item-text').filter({ hasText: 'Quota' }).first().waitFor();
    expect(await plan.locator('.recharts-legend-item-text').allTextContents()).toEqual(['Quota', 'Current staff']);

    // priced with the sample pay guide and contribution set: the labour column and the projection, in English
    for (const label of ['Pay guide (none: quotas only)', 'Contribution set']) {
      const select = plan.locator('.ant-form-item').filter({ hasText: label }).locator('.ant-select');
      await select.click();
      await plan.locator('.ant-select-open').waitFor();
      // the first option is the active one: Enter takes it (the fresh database holds one sample of each)
      await page.keyboard.press('Enter');
      await expect.poll(() => select.locator('.ant-select-selection-item').count()).toBe(1);
    }
    await page.getByTestId('run-plan').click();
    await expect.poll(() => table.locator('thead th').allTextContents(), { timeout: 30_000 }).toContain('Labour cost (CNY)');
    // certification at full quota: 42 urban posts at 100 % need 42 certified; 6 + 10 + 11 = 27 held, 64.29 %, 15 short
    const certification = page.getByTestId('plan-certification-table');
    await certification.waitFor({ timeout: 20_000 });
    expect((await certification.locator('thead th').allTextContents()).map((t) => t.trim())).toEqual([
      'Area',
      'Quota (full)',
      'Target rate',
      'Certified needed',
      'Certified in the list',
      'Rate',
      'Short (people)',
    ]);
    expect((await certification.locator('tbody tr').first().locator('td').allTextContents()).map((t) => t.trim())).toEqual([
      'Urban',
      '42',
      '100 %',
      '42',
      '27',
      '64.29 %',
      '15',
    ]);
    await expect
      .poll(() => page.getByTestId('plan-certification-roster').textContent(), { timeout: 10_000 })
      .toContain('The roster holds 0 certified workers in 朝阳区, 南关区; the full quota needs 42, 42 workers short.');
    await screenshot(page, 'plan-en');
    await plan.getByRole('tab', { name: 'Projection', exact: true }).click();
    await expect
      .poll(() => plan.locator('.ant-tabs-tabpane-active thead th').allTextContents())
      .toEqual(['Year', 'Headcount', 'Gross pay', 'Employer contributions', 'Union fee etc.', 'Labour cost']);
    await screenshot(plan.locator('.ant-tabs-tabpane-active'), 'plan-projection-en');
    // the y axis in units of 10,000 yuan (万元): e.g. 4,000,000 yuan is 400 ×10k — every tick says so
    await expect
      .poll(async () => {
        const ticks = await plan.locator('.ant-tabs-tabpane-active .recharts-yAxis .recharts-cartesian-axis-tick-value').allTextContents();
        return ticks.length >= 2 && ticks.every((t) => /^\d[\d,]*×10k$/.test(t)) && ticks.some((t) => t !== '0×10k');
      })
      .toBe(true);

    await plan.getByRole('tab', { name: 'By community', exact: true }).click();
    const communityHeaders = plan.locator('.ant-tabs-tabpane-active thead th');
    await expect
      .poll(() => communityHeaders.allTextContents())
      .toEqual(['Row', 'District', 'Street', 'Community', 'Households', 'Min', 'Chosen', 'Max', 'Current', 'Gap', 'Certificate gap', 'Labour cost (CNY)']);
    await plan.getByRole('tab', { name: 'By district', exact: true }).click();

    // back to Chinese: the same plan, in Chinese
    await page.getByTestId('lang-switch').click();
    // the heading names the open plan after the page's title: 区域规划 — 新规划
    await expect.poll(() => plan.getByTestId('plan-title-bar').textContent()).toMatch(/^区域规划/);
    expect((await table.locator('thead th').allTextContents()).slice(0, 5)).toEqual(['区', '社区数', '员额下限', '员额取值', '员额上限']);
    expect((await rowsOf(table)).at(-1)!.slice(0, 5)).toEqual(['合计', '3', '33', '42', '50']);
    expect(await page.getByTestId('community-count').textContent()).toBe('社区名单.csv：3 个社区，现有 33 人');
    await page.getByRole('menuitem', { name: /岗位测算/ }).click();
    await staffing.getByRole('heading', { name: '岗位测算', exact: true }).waitFor();
    await staffing.getByRole('tab', { name: '社区（按户数/人口）', exact: true }).waitFor();

    const notOurs = [/Failed to load resource: .* 404/, /\[antd: Spin\] `tip` only work/, /\[antd: message\] Static function/];
    expect(app.errors.filter((e) => !notOurs.some((re) => re.test(e)))).toEqual([]);
  });
});
