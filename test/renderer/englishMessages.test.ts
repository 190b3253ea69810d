import { describe, expect, it } from 'vitest';
import { plural } from '../../renderer/i18n';
import { frameMessages } from '../../renderer/i18n/frame';
import { contributionMessages } from '../../renderer/pages/contributions/messages';
import { checkDraft, fieldLabel, type ContributionDraft } from '../../renderer/pages/contributions/contributionDraft';
import { checkMessages, guideMessages } from '../../renderer/pages/guides/messages';
import { parsePastedGrid } from '../../renderer/pages/guides/pasteGrid';
import { checkVersionDraft, describeProblem, emptyDraft } from '../../renderer/pages/guides/versionDraft';
import { planMessages } from '../../renderer/pages/plan/messages';
import { fieldLabels, linePlace, projectMessages } from '../../renderer/pages/projects/messages';
import { staffingMessages } from '../../renderer/pages/staffing/messages';

/**
 * The same checks, asked in English: the row and column (or field) are named as in Chinese, the
 * words are English. Chinese stays the default when no language is given.
 */

const tsv = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';

describe('English problems from the pure checks', () => {
  it('a pasted block: "5千" in row 3, column 4 and step "x" in row 5, column 3', () => {
    const block = tsv([
      ['岗位', '等级', '档次', '月薪（元）'],
      ['一线社工', '助理社工师', '1', '5,200.00'],
      ['一线社工', '助理社工师', '2', '5千'],
      ['一线社工', '社工师', '1', '6500'],
      ['督导', '社工师', 'x', '8000'],
    ]);
    const en = parsePastedGrid(block, 'amount', 'en');
    expect(!en.ok && en.problems.map((p) => p.message)).toEqual([
      'Row 3, column 4: “5千” is not an amount (a number ≥ 0 is expected, e.g. 6500.00)',
      'Row 5, column 3: The step “x” is not a positive whole number',
    ]);
    const zh = parsePastedGrid(block);
    expect(!zh.ok && zh.problems.map((p) => p.message)).toEqual([
      '第 3 行第 4 列：“5千”不是金额（应为不小于 0 的数字，如 6500.00）',
      '第 5 行第 3 列：档次“x”不是正整数',
    ]);
  });

  it('a version draft: a duplicate cell, a bad step, an empty post (the schema’s English half)', () => {
    const cell = (post: string, step: string, value: string) => ({ key: post + step, post, grade: '社工师', step, kind: 'amount' as const, value });
    const result = checkVersionDraft(
      { ...emptyDraft('2026 版', '2026-01-01'), cells: [cell('一线社工', '1', '6500'), cell('一线社工', '1', '6600'), cell('', '0', '6500')] },
      'en',
    );
    expect(result).toEqual({
      ok: false,
      problems: {
        'cells[1].post': 'Same post/grade/step as row 1',
        'cells[2].step': 'The step must be a positive whole number',
        'cells[2].post': 'must not be empty',
      },
    });
    expect(describeProblem('cells[2].step', 'The step must be a positive whole number', 'en')).toBe(
      'Cell row 3 step: The step must be a positive whole number',
    );
    expect(describeProblem('effectiveTo', 'x', 'en')).toBe('Effective to: x');
  });

  it('a contribution set: a rate that is not a number, and a floor above the ceiling', () => {
    const draft: ContributionDraft = {
      city: '北京',
      name: '北京市 2022 年度社保公积金参数',
      effectiveFrom: '2022-07-01',
      floor: '40000',
      ceiling: '31884',
      items: [{ name: '养老保险', ratePercent: '十六', round: 'fen' }],
      levies: [],
      source: '',
      sample: true,
    };
    const result = checkDraft(draft, 'en');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.entries(result.problems).map(([path, message]) => `${fieldLabel(path, draft, 'en')}: ${message}`)).toEqual([
      '养老保险 · Employer rate: “十六” is not a percentage such as 16 or 0.5',
      'Base floor: floor must not exceed ceiling',
    ]);
    const zh = checkDraft(draft);
    expect(!zh.ok && zh.problems.floor).toBe('缴费基数下限不能高于上限');
  });
});

describe('the dictionaries', () => {
  it('English has every key of Chinese, and no text is left empty', () => {
    for (const d of [
      frameMessages,
      guideMessages,
      checkMessages,
      contributionMessages,
      projectMessages,
      fieldLabels,
      linePlace,
      staffingMessages,
      planMessages,
    ]) {
      expect(Object.keys(d.en).sort()).toEqual(Object.keys(d.zh).sort());
      for (const [key, value] of Object.entries(d.en)) if (typeof value === 'string') expect(value, key).not.toBe('');
    }
  });
});

describe('English counts', () => {
  it('say one thing in the singular and other counts in the plural; Chinese has no plural', () => {
    expect([plural(0, 'version'), plural(1, 'version'), plural(2, 'version')]).toEqual(['0 versions', '1 version', '2 versions']);
    expect(plural(1, 'community', 'communities')).toBe('1 community');
    expect(guideMessages.en.versionsLine(1, '2026 版', '2026-01-01')).toBe('1 version, latest: 2026 版 (from 2026-01-01)');
    expect(guideMessages.en.diffHead(2, 1)).toBe('2 cells: 1 changed (');
    expect(projectMessages.en.monthCount(1)).toBe('1 month');
    expect(projectMessages.en.errorCount(1)).toBe('1 error');
    expect(projectMessages.en.staffTitle(12)).toBe('Staff costs (12 lines)');
    expect(planMessages.en.listSummary('社区名单.csv', 1, 9)).toBe('社区名单.csv: 1 community, 9 staff now');
    expect(planMessages.en.imported(3, [])).toBe('Imported 3 communities');
    expect(guideMessages.zh.versionsLine(1, null, null)).toBe('1 个版本');
  });
});
