import { describe, expect, it } from 'vitest';
import { GUANGDONG_GUIDE, THREE_POSTS } from '../../../db/sampleData';
import { PaybenchStore } from '../../../db/store';
import { adjustGuideVersion, compareGuideVersions, findGuide, showGuideVersion, versionNamed } from '../../../src/app/services/guides';
import { tempDbFile } from '../../db/tempDb';

/** The one lookup of a guide the user named, and the version jobs built on it (seeded sample guides). */
describe('finding a guide', () => {
  it('by exact name, else by number; a part of the name only where asked, and only when one guide has it', () => {
    const store = PaybenchStore.open(tempDbFile());
    const guangdong = store.guides.findByName(GUANGDONG_GUIDE)!;
    expect(findGuide(store, GUANGDONG_GUIDE)?.id).toBe(guangdong.id);
    expect(findGuide(store, String(guangdong.id))?.id).toBe(guangdong.id);
    expect(findGuide(store, '广东式')).toBeNull();
    expect(findGuide(store, '广东式', { partial: true })?.id).toBe(guangdong.id);
    // both sample guides have 示例 in their names: ambiguous, so none
    expect(findGuide(store, '示例', { partial: true })).toBeNull();
    expect(findGuide(store, '999')).toBeNull();
    store.close();
  });
});

describe('versions of a guide', () => {
  it('by label, or the one in force on a date (YYYY-MM means its first day)', () => {
    const store = PaybenchStore.open(tempDbFile());
    const guide = findGuide(store, THREE_POSTS)!;
    expect(versionNamed(guide, '2025 版').effectiveFrom).toBe('2025-01-01');
    expect(versionNamed(guide, '2025-12-31').label).toBe('2025 版');
    expect(versionNamed(guide, '2026-01').label).toBe('2026 版');
    expect(() => versionNamed(guide, '2024-06-01')).toThrow(/在 2024-06-01 没有生效的版本；版本：2025 版（2025-01-01 起）、2026 版（2026-01-01 起）/);
    expect(() => versionNamed(guide, '2030 版')).toThrow(/没有名为“2030 版”的版本/);
    store.close();
  });

  it('show: a coefficient version comes with the reference wage in force when it takes effect', () => {
    const store = PaybenchStore.open(tempDbFile());
    const { version, wage } = showGuideVersion(store, '三岗十八级', '2025-06-01');
    expect(version.label).toBe('2025 版');
    // 2025 版 takes effect 2025-01-01: the 2025 record, 108,000.00 a year
    expect(wage).toMatchObject({ amount: '108000.00', per: 'year' });
    expect(showGuideVersion(store, GUANGDONG_GUIDE, '2026 版').wage).toBeNull();
    store.close();
  });

  it('compare and adjust: +3 % to the yuan, previewed then saved beside the old version', () => {
    const store = PaybenchStore.open(tempDbFile());
    const { from, to, diff } = compareGuideVersions(store, GUANGDONG_GUIDE, '2025 版', '2026 版');
    expect([from.label, to.label]).toEqual(['2025 版', '2026 版']);
    // 初级/2: 5,250 × 1.03 = 5,407.5 → 5,408
    expect(diff.cells.find((c) => c.grade === '初级' && c.step === 2)).toMatchObject({ before: '5250.00', after: '5408.00', status: 'changed' });

    const opts = { percent: '3', rounding: 'yuan' as const, label: '2027 版', effectiveFrom: '2027-01-01' };
    const preview = adjustGuideVersion(store, to.id, opts, false);
    expect(preview.saved).toBe(false);
    expect(findGuide(store, GUANGDONG_GUIDE)!.versions).toHaveLength(2);
    const saved = adjustGuideVersion(store, to.id, opts, true);
    expect(saved.saved).toBe(true);
    expect(saved.version.cells).toEqual(preview.version.cells);
    expect(findGuide(store, GUANGDONG_GUIDE)!.versions.map((v) => v.label)).toEqual(['2025 版', '2026 版', '2027 版']);
    store.close();
  });
});
