import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startApp, type RunningApp } from './harness';

/**
 * The English switch on the 薪酬指导价 and 社保公积金参数 pages: headings, column headers, buttons
 * and the pages' own problem messages turn English (antd's own texts with them); the user's data
 * (guide, post, city names) stays as typed. Chinese is the default and comes back on switching.
 */

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

describe('English', () => {
  it('switches the pay-guide and contribution pages to English, problems included, and back to Chinese', async () => {
    const { page } = app;
    await page.evaluate(() => (window.location.hash = '#/guides'));
    const guides = page.getByTestId('guides-page');
    await guides.waitFor();
    await guides.getByRole('heading', { name: '薪酬指导价', exact: true }).waitFor();

    await page.getByTestId('lang-switch').click();
    await guides.getByRole('heading', { name: 'Pay guides', exact: true }).waitFor();
    await page.getByTestId('version-editor').waitFor();
    // the sample version is used by a sample project, so it is locked: saving makes a new version
    for (const text of ['Guides and versions', 'Import workbook', 'Compare versions', 'Locked', 'Save as new version', 'Press Ctrl+V here']) {
      expect(await guides.textContent(), text).toContain(text);
    }
    const headers = await page.getByTestId('guide-detail').locator('thead th').allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['Version', 'Valid', 'Document no.', 'Amounts are', 'Unit', 'Cells', 'Source']));

    // a bad pasted block is refused in English, naming the row and column as in Chinese
    const block = ['岗位\t等级\t档次\t月薪（元）', '一线社工\t社工师\t1\t5千', ''].join('\r\n');
    await page.getByTestId('paste-zone').evaluate((el, clip) => {
      const data = new DataTransfer();
      data.setData('text/plain', clip);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, block);
    expect(await page.getByTestId('paste-problems').locator('li').allTextContents()).toEqual([
      'Row 2, column 4: “5千” is not an amount (a number ≥ 0 is expected, e.g. 6500.00)',
    ]);
    await screenshot(page, 'guides-en');

    // the diff of the sample guide's two versions, the reference wages, and a form's own check
    await guides.getByRole('button', { name: /Compare versions/ }).click();
    await expect
      .poll(() => page.getByTestId('diff-summary').textContent())
      .toMatch(/^\d+ cells?: \d+ changed \(\d+ up, \d+ down\), \d+ added, \d+ removed, \d+ unchanged\.$/);
    expect(await page.getByTestId('diff-view').locator('thead th').first().textContent()).toBe('Post');
    await screenshot(page.getByTestId('diff-view'), 'guides-diff-en');
    await guides.getByRole('tab', { name: /^Reference wages/ }).click();
    await expect
      .poll(() => page.getByTestId('reference-wages').locator('thead th').allTextContents())
      .toEqual(['Name', 'Region', 'Amount', 'Effective from', 'Source', 'Actions']);
    await guides.getByRole('tab', { name: 'Guides and versions' }).click();
    await guides.getByRole('button', { name: /New$/ }).first().click();
    const dialog = page.getByRole('dialog').filter({ hasText: 'New pay guide' });
    await dialog.getByLabel('Guide name', { exact: true }).fill(' ');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByText('Enter the guide name').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.evaluate(() => (window.location.hash = '#/contributions'));
    const contributions = page.getByTestId('contributions-page');
    await contributions.getByRole('heading', { name: 'Social insurance & housing fund', exact: true }).waitFor();
    const editor = page.getByTestId('contribution-editor');
    await editor.waitFor();
    for (const text of ['Employer contributions (social insurance & housing fund)', 'Levies on the payroll', 'Contribution base', 'Monthly rounding']) {
      expect(await contributions.textContent(), text).toContain(text);
    }
    expect(await page.getByLabel('City', { exact: true }).inputValue()).toBe('北京');
    await page.getByLabel('Rate row 1', { exact: true }).fill('十六');
    await page.getByLabel('Base floor (CNY/month)', { exact: true }).fill('40000');
    await editor.getByRole('button', { name: /Save/ }).click();
    expect(await page.getByTestId('contribution-problems').locator('li').allTextContents()).toEqual([
      '养老保险 · Employer rate: “十六” is not a percentage such as 16 or 0.5',
      'Base floor: floor must not exceed ceiling',
    ]);
    await screenshot(page, 'contributions-en');

    // back to Chinese: the same problems, in Chinese
    await page.getByTestId('lang-switch').click();
    await contributions.getByRole('heading', { name: '社保公积金参数', exact: true }).waitFor();
    await expect
      .poll(() => page.getByTestId('contribution-problems').locator('li').allTextContents())
      .toEqual(['养老保险 · 单位费率：“十六”不是百分比数字，如 16 或 0.5', '缴费基数下限：缴费基数下限不能高于上限']);
    const notOurs = [/Failed to load resource: .* 404/, /\[antd: Spin\] `tip` only work/, /\[antd: message\] Static function/];
    expect(app.errors.filter((e) => !notOurs.some((re) => re.test(e)))).toEqual([]);
  });
});
