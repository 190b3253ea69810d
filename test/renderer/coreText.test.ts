import { describe, expect, it } from 'vitest';
import { checkText, coreTexts, ruleParameterText, stepText } from '../../renderer/i18n/coreText';
import { budgetsWithEveryCheck, parametersOfEveryRule, stepsOfEveryKind } from '../support/coreTextCases';

/**
 * The core's checks, staffing steps and rule parameters said by the renderer from their code and
 * figures: in Chinese exactly the core's sentence (what the CLI prints and the workbooks hold), in
 * English without a Chinese word of the program's own — only what the user typed stays as typed.
 */
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/** the text without the user's own words (post, grade, rule label, source), which stay as typed */
function withoutTyped(text: string, params: object): string {
  let rest = text;
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string' && ['post', 'grade', 'label', 'source'].includes(key)) rest = rest.split(value).join('');
  }
  return rest;
}

describe('budget checks', () => {
  const checks = budgetsWithEveryCheck().flatMap((b) => b.checks);

  it('the cases raise every check code', () => {
    expect(new Set(checks.map((c) => c.code))).toEqual(new Set(Object.keys(coreTexts.zh.checks)));
  });

  it('Chinese from code and figures is the core’s message, to the character', () => {
    for (const c of checks) expect(checkText(c, 'zh')).toBe(c.message);
  });

  it('English has no Chinese of its own', () => {
    for (const c of checks) {
      const en = checkText(c, 'en');
      expect(withoutTyped(en, c.params), en).not.toMatch(CJK);
    }
  });

  it('the labour share: shares and money as the totals show them, in percent and yuan', () => {
    const c = checks.find((x) => x.code === 'LABOUR_SHARE_BELOW_MIN')!;
    expect(checkText(c, 'en')).toBe(
      'Staff-cost share 81.68% is below the purchaser’s minimum of 90.00%, 8.32 percentage points short; ' +
        'on a total of 788,189.41 yuan, staff costs must be at least 709,370.47 yuan, 65,546.47 yuan more than budgeted.',
    );
  });

  it('a line is named by its row and guide cell as typed', () => {
    const c = checks.find((x) => x.code === 'PAY_BELOW_GUIDE')!;
    expect(checkText(c, 'en')).toBe(
      'Staff line 1 (一线社工/社工师/step 1): monthly pay 6,000.00 yuan is below the guide’s 6,800.00 yuan, 800.00 yuan a month short.',
    );
    const posts = checks.filter((x) => x.code === 'POSTS_OUTSIDE_RANGE').map((x) => checkText(x, 'en'));
    expect(posts).toEqual([
      'Headcount 6 is below the staffing rule’s minimum of 10 (吉林社工岗): 4 short.',
      'Headcount 6 is above the staffing rule’s maximum of 5.5: 0.5 too many.',
    ]);
  });
});

describe('staffing steps', () => {
  const cases = stepsOfEveryKind();

  it('the cases take every kind of step', () => {
    expect(new Set(cases.map((c) => c.step.code))).toEqual(new Set(Object.keys(coreTexts.zh.steps)));
  });

  it('Chinese from code and numbers is the core’s step, to the character', () => {
    for (const c of cases) expect(stepText(JSON.parse(JSON.stringify(c.step)), 'zh')).toBe(c.zh);
  });

  it('English has no Chinese: the shipped rules’ own words are English too', () => {
    for (const c of cases) {
      const en = stepText(c.step, 'en');
      expect(en, en).not.toMatch(CJK);
    }
  });

  it('吉林, 4,100 households at the midpoint: the arithmetic in English', () => {
    const jilin = cases.filter((c) => c.step.code === 'ABOVE_BAND' && c.step.params.households === 4100)[0]!;
    expect(stepText(jilin.step, 'en')).toBe('Excess e = 4100 − 3000 = 1100 households');
    const texts = cases.map((c) => stepText(c.step, 'en'));
    expect(texts).toContain('4,100 households: the part up to 3,000 households (inclusive) gets 10–15 posts');
    expect(texts).toContain('Minimum = 10 + floor(1100/500) = 10 + 2 = 12');
    expect(texts).toContain('Policy point midpoint (0.5): chosen = 12 + round(0.5 × (18 − 12)) = 15');
    expect(texts).toContain('At least 2 full-time party-building posts: minimum 2, no maximum, chosen 2');
    expect(texts).toContain('10 staff now, gap 12 − 10 = 2 posts');
  });

  it('plurals and rates: 1 staff member, 1 post; 0.80 is 80 %', () => {
    const texts = cases.map((c) => stepText(c.step, 'en'));
    expect(texts).toContain('Rural community certificate rate at least 80%: of 11 staff, at least ceil(0.8 × 11) = 9 must hold a certificate');
    expect(texts).toContain('1 staff member now, gap 5 − 1 = 4 posts');
    expect(texts).toContain('12,000 employees: one post per 3,000–5,000');
    expect(texts).toContain('Share aged 60+ 35% > 30%: 1–2 more posts, minimum 8 + 1 = 9, maximum 8 + 2 = 10');
  });
});

describe('rule parameters', () => {
  const cases = parametersOfEveryRule();

  it('every parameter code, Chinese as the workbook’s 参数 sheet has it, English without Chinese but the source', () => {
    expect(new Set(cases.map((c) => c.parameter.code))).toEqual(new Set(Object.keys(coreTexts.zh.ruleParameters)));
    for (const c of cases) {
      expect(ruleParameterText(c.parameter, 'zh')).toEqual(c.zh);
      const [label, value] = ruleParameterText(c.parameter, 'en');
      expect(label).not.toMatch(CJK);
      expect(withoutTyped(value, c.parameter.params)).not.toMatch(CJK);
    }
  });

  it('吉林 in English', () => {
    const jilin = cases.slice(0, 5).map((c) => ruleParameterText(c.parameter, 'en'));
    expect(jilin).toEqual([
      ['By households', '0–3,000 households: 10–15 posts'],
      ['Above the band', 'e = households − 3000; minimum + floor(e/500), maximum + floor(e/300)'],
      ['Minimum posts', 'at least 2 full-time party-building posts'],
      ['Certificate rate', 'urban communities 100%, rural communities 80%'],
      ['Chosen value', 'chosen = minimum + round(policy point × (maximum − minimum)), halves rounded up'],
    ]);
  });
});
