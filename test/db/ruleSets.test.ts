import { describe, expect, it } from 'vitest';
import { StoreError } from '../../db/errors';
import { PaybenchStore } from '../../db/store';
import { ValidationError } from '../../src/core/spec/fields';
import type { CommunityRuleSetInput } from '../../src/core/staffing/ruleSets';
import { tempDbFile } from './tempDb';

/** Staffing rule sets the user saved: whole sets as validated JSON, keyed apart from the presets. */
const emptyStore = () => PaybenchStore.open(tempDbFile(), { seed: false });

const ruleSet = (key: string, name: string, minPosts = 10): CommunityRuleSetInput => ({
  key,
  name,
  versions: [
    {
      label: '2026 版',
      effectiveFrom: '2026-01-01',
      quota: {
        family: 'householdBands',
        fromHouseholds: 0,
        toHouseholds: 3000,
        minPosts,
        maxPosts: 15,
        within: 'range',
        above: { perHouseholdsForMin: 400, perHouseholdsForMax: 250 },
      },
    },
  ],
});

function refusal(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('not refused');
}

describe('rule sets in the store', () => {
  it('come back as saved, with the schema’s defaults, listed by name', () => {
    const store = emptyStore();
    const saved = store.ruleSets.save(ruleSet('zz-b', '乙规则'));
    store.ruleSets.save(ruleSet('aa-a', '丙规则'));
    store.ruleSets.save(ruleSet('mm-c', '甲规则'));
    expect(saved.region).toBe('');
    expect(saved.versions[0]).toMatchObject({ effectiveTo: null, minimumPosts: [], certificate: null, sample: false });
    expect(store.ruleSets.findByKey('zz-b')).toEqual(saved);
    // ORDER BY name: the code points of 丙 < 乙 < 甲
    expect(store.ruleSets.list().map((r) => r.name)).toEqual(['丙规则', '乙规则', '甲规则'].sort());
    expect(store.ruleSets.findByKey('none')).toBeNull();
    store.close();
  });

  it('save replaces the set of the same key', () => {
    const store = emptyStore();
    store.ruleSets.save(ruleSet('mine', '我的规则', 10));
    store.ruleSets.save(ruleSet('mine', '我的规则（修订）', 12));
    expect(store.ruleSets.list()).toHaveLength(1);
    expect(store.ruleSets.findByKey('mine')).toMatchObject({ name: '我的规则（修订）', versions: [{ quota: { minPosts: 12 } }] });
    store.close();
  });

  it('refuse a preset’s key and an invalid set, naming the field, and write nothing', () => {
    const store = emptyStore();
    const preset = refusal(() => store.ruleSets.save(ruleSet('jilin', '吉林（改）')));
    expect(preset).toBeInstanceOf(ValidationError);
    expect((preset as ValidationError).problems).toEqual([{ path: 'key', message: expect.stringContaining('是预置规则的代号') }]);
    const bad = refusal(() => store.ruleSets.save({ ...ruleSet('Bad Key', 'x'), versions: [] }));
    expect((bad as ValidationError).problems.map((p) => p.path).sort()).toEqual(['key', 'versions']);
    expect(store.ruleSets.list()).toEqual([]);
    store.close();
  });

  it('delete removes a saved set; an unknown key is NOT_FOUND', () => {
    const store = emptyStore();
    store.ruleSets.save(ruleSet('mine', '我的规则'));
    store.ruleSets.delete('mine');
    expect(store.ruleSets.findByKey('mine')).toBeNull();
    const e = refusal(() => store.ruleSets.delete('mine'));
    expect(e).toBeInstanceOf(StoreError);
    expect(e).toMatchObject({ code: 'NOT_FOUND', message: '没有保存过代号为“mine”的规则' });
    store.close();
  });

  it('refuse a row edited by hand into an invalid set, naming the row, rather than use it', () => {
    const store = emptyStore();
    store.ruleSets.save(ruleSet('mine', '我的规则'));
    const body = JSON.stringify({ ...ruleSet('mine', '我的规则'), versions: [{ label: 'x', effectiveFrom: '2026-13-01', quota: { family: 'nope' } }] });
    store.db.prepare('UPDATE staffing_rule_sets SET body = ? WHERE key = ?').run(body, 'mine');
    const e = refusal(() => store.ruleSets.findByKey('mine'));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).problems[0]!.path).toMatch(/^staffing_rule_sets\[mine\]\.versions\[0\]/);
    expect(() => store.ruleSets.list()).toThrow(ValidationError);
    store.close();
  });
});
