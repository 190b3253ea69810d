import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, startApp, type RunningApp } from './harness';

/**
 * Every page's own words in English: with the English switch on, the labels the program writes — buttons,
 * column headers, tabs, card titles, form labels — carry no Chinese. The user's data (sample names, posts,
 * communities) stays as typed, so only those parts of the page are read. Each page is photographed at
 * 1280 × 720 into docs/screenshots/ (`*-en.png`).
 */

let app: RunningApp;

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1280, height: 720 } });
  await app.page.evaluate(() => (window.location.hash = '#/projects'));
  await app.page.getByTestId('lang-switch').click();
}, 120_000);

afterAll(async () => {
  await app?.close();
});

const CHINESE = /[\u3400-\u9fff]/;
// what the program names itself: never data a user typed (the switch back to 中文 is named in its own language)
const CHROME = 'button, th, .ant-tabs-tab, .ant-card-head-title, .ant-form-item-label, .ant-page-header-heading-title, h1, h2, h3, h4';

async function chineseChrome(page: Page): Promise<string[]> {
  const texts = await page
    .locator(CHROME)
    .evaluateAll((els) =>
      els.filter((e) => (e as HTMLElement).offsetParent !== null && !e.closest('[data-testid="lang-switch"]')).map((e) => (e.textContent ?? '').trim()),
    );
  return [...new Set(texts.filter((t) => CHINESE.test(t)))];
}

async function open(page: Page, hash: string, testId: string) {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.getByTestId(testId).waitFor();
  await page.waitForLoadState('networkidle');
}

describe('English on the desk pages', () => {
  it('project list: no Chinese in its own labels', async () => {
    const { page } = app;
    await open(page, '#/projects', 'project-list');
    expect(await chineseChrome(page)).toEqual([]);
    await screenshot(page, 'projects-list-en');
  });

  it('roster, its statistics and its tabs', async () => {
    const { page } = app;
    await open(page, '#/roster', 'roster-page');
    expect(await chineseChrome(page)).toEqual([]);
    // the roster's listed values (性别, 学历, 职称, 持证等级, 岗位类别) are the program's lists, named in English;
    // names and places stay as typed. Sample worker 1: 男, 大学本科, 中级, 社会工作师, 正职
    const first = page.locator('.ant-table-tbody tr.ant-table-row').first();
    const cells = await first.locator('td').allTextContents();
    expect(cells).toEqual(expect.arrayContaining(['示例人员01', 'M', 'bachelor', 'intermediate', 'Social Worker', 'principal']));
    await screenshot(page, 'roster-en');
    for (const tab of ['Structure', 'Grading', 'Projection']) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await page.waitForLoadState('networkidle');
      expect(await chineseChrome(page), tab).toEqual([]);
      if (tab === 'Structure') {
        // the statistics' bands are the program's own (age in completed years, education groups): in English too
        const bands = await page.getByTestId('stats-byAge').locator('tbody td:first-child').allTextContents();
        expect(bands).toEqual(['35 or under', '36–45', '46–55', '56–60', 'over 60', 'not recorded']);
        expect(await page.getByTestId('stats-byEducation').textContent()).toContain('bachelor or above');
        await screenshot(page, 'roster-stats-en');
      }
    }
  });

  it('budget review page', async () => {
    const { page } = app;
    await open(page, '#/review', 'review-page');
    expect(await chineseChrome(page)).toEqual([]);
    await screenshot(page, 'review-en');
  });
});
