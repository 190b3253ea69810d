import { afterEach, describe, expect, it } from 'vitest';
import { PaybenchStore } from '../../../db/store';
import { SAMPLE_GRADING_KEY } from '../../../db/sampleData';
import { dispatch } from '../../../src/app/api/dispatch';

/** The grading-scheme operations as the 定级参数 tab calls them, over an in-memory store without a stored scheme. */
const stores: PaybenchStore[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));
const open = () => {
  const s = PaybenchStore.open(':memory:', { seed: false });
  stores.push(s);
  return s;
};

describe('grading operations', () => {
  it('the sample in force, a new dated version, a refused edit of the version in force (LOCKED), a bad cell named', async () => {
    const store = open();
    const view = await dispatch({ store }, 'grading.scheme', { on: '2026-06-01' });
    expect(view).toMatchObject({ ok: true, value: { historyId: null, scheme: { key: SAMPLE_GRADING_KEY, revision: 0, stored: false } } });

    const added = await dispatch({ store }, 'grading.addVersion', { key: SAMPLE_GRADING_KEY, effectiveFrom: '2099-01-01', revision: 0 });
    expect(added).toMatchObject({ ok: true, value: { versions: [{ effectiveFrom: '2024-01-01' }, { effectiveFrom: '2099-01-01' }] } });
    const stored = store.grading.get(SAMPLE_GRADING_KEY);

    const inForce = { ...stored.versions[0]!, yearsPerLevel: 2 };
    const locked = await dispatch({ store }, 'grading.saveVersion', {
      key: stored.key,
      effectiveFrom: '2024-01-01',
      version: inForce,
      revision: stored.revision,
    });
    expect(locked).toMatchObject({ ok: false, error: { code: 'LOCKED' } });

    const bad = { ...stored.versions[1]!, levelPay: [{ level: 1, monthly: '5200.001' }] };
    const refused = await dispatch({ store }, 'grading.saveVersion', { key: stored.key, effectiveFrom: '2099-01-01', version: bad, revision: stored.revision });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', problems: [{ path: 'version.levelPay[0].monthly' }] } });
    expect(store.grading.get(SAMPLE_GRADING_KEY).revision).toBe(stored.revision);
  });

  it('the 专技 maps in force for a ladder: the sample scheme’s Zhuhai map', async () => {
    const store = open();
    const maps = await dispatch({ store }, 'grading.levelMaps', { on: '2026-01-01' });
    expect(maps).toMatchObject({
      ok: true,
      value: { maps: [{ grades: expect.arrayContaining([{ name: '助理社会工作师一级', level: 11, requires: '助理社会工作师' }]) }] },
    });
  });
});
