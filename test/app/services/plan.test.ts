import { describe, expect, it } from 'vitest';
import { GUANGDONG_GUIDE, JILIN_SAMPLE, THREE_POSTS } from '../../../db/sampleData';
import { PaybenchStore } from '../../../db/store';
import { InvalidRequestError } from '../../../src/app/services/errors';
import { computePlan, findRuleSet, planJsonOf, resolvePricing, resolveRule, ruleVersion } from '../../../src/app/services/plan';
import { ValidationError } from '../../../src/core/spec/fields';
import { jilinRuleSet } from '../../../src/core/staffing/jilin';
import type { CommunityRuleSetInput } from '../../../src/core/staffing/ruleSets';
import { tempDbFile } from '../../db/tempDb';

/** The plan service: rule and pricing resolved from presets and the store, then the one plan chain. */
const noStore = () => {
  throw new Error('the store was opened though nothing needed it');
};

const dense: CommunityRuleSetInput = {
  key: 'jilin-dense',
  name: '吉林（加密版）',
  versions: [
    {
      label: '2026',
      effectiveFrom: '2026-01-01',
      quota: {
        family: 'householdBands',
        fromHouseholds: 0,
        toHouseholds: 3000,
        minPosts: 10,
        maxPosts: 15,
        within: 'range',
        above: { perHouseholdsForMin: 400, perHouseholdsForMax: 250 },
      },
    },
  ],
};

const community = (name: string, households: number) => ({
  row: 1,
  name,
  district: '东区',
  street: '一街道',
  households,
  residents: null,
  elderlyShare: null,
  urbanRural: 'urban' as const,
  currentStaff: 0,
  certifiedStaff: 0,
});

describe('rules', () => {
  it('a preset key needs no store; a saved key is read from it; an unknown key names the keys there are', () => {
    expect(findRuleSet('jilin', noStore)?.name).toBe(jilinRuleSet.name);
    const store = PaybenchStore.open(tempDbFile(), { seed: false });
    store.ruleSets.save(dense);
    expect(findRuleSet('jilin-dense', () => store)?.name).toBe('吉林（加密版）');
    expect(() => resolveRule({ key: 'nosuch' }, () => store)).toThrow('没有代号为“nosuch”的配备规则；可选：jilin、pudong、population18、jilin-dense');
    store.close();
  });

  it('a date before the rule’s first version is refused as asked, naming the rule and the date', () => {
    expect(() => ruleVersion(jilinRuleSet, '1990-01-01')).toThrow(InvalidRequestError);
    expect(() => ruleVersion(jilinRuleSet, '1990-01-01')).toThrow(/在 1990-01-01 没有生效的版本/);
  });
});

describe('pricing', () => {
  it('by name or number as typed, with the field named when one is missing', () => {
    const store = PaybenchStore.open(tempDbFile());
    const byName = resolvePricing(store, { guideRef: THREE_POSTS, contributionSetRef: JILIN_SAMPLE, mix: null }, '2026-01-01');
    const guide = store.guides.findByName(THREE_POSTS)!;
    const set = store.contributionSets.findByName(JILIN_SAMPLE)!;
    const byId = resolvePricing(store, { guideId: guide.id, contributionSetId: set.id, mix: null }, '2026-01-01');
    expect(byName.guide).toEqual(byId.guide);
    expect(byName.contributionsName).toBe(JILIN_SAMPLE);
    const fields = { guide: '--guide', contributionSet: '--contributions' };
    const refused = (() => {
      try {
        resolvePricing(store, { guideRef: '无此', contributionSetRef: JILIN_SAMPLE, mix: null, fields }, '2026-01-01');
      } catch (e) {
        return e as ValidationError;
      }
      throw new Error('not refused');
    })();
    expect(refused).toBeInstanceOf(ValidationError);
    expect(refused.problems).toEqual([{ path: '--guide', message: `数据库中没有“无此”；现有：${THREE_POSTS}、${GUANGDONG_GUIDE}` }]);
    store.close();
  });
});

describe('a plan', () => {
  it('with a preset rule and no pricing opens no store; 4,100 households under 吉林 at the minimum: 10 + floor(1,100 / 500) = 12', () => {
    const plan = computePlan(
      { ruleSet: jilinRuleSet, date: '2026-01-01', point: 'min', communities: [community('甲', 4100)], pricing: null, steps: false },
      noStore,
    );
    expect(planJsonOf(plan).communities.map((c) => [c.name, c.min, c.chosen])).toEqual([['甲', 12, 12]]);
    expect(plan.projection).toBeNull();
  });
});
