import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaybenchStore } from '../../../db/store';
import { dispatch } from '../../../src/app/api/dispatch';
import { coefficientMonthly } from '../../../src/core/guides/cellValue';
import { parseDecimal, toFixed } from '../../../src/core/money/decimal';

/**
 * 岗位测算 and 区域规划 through the API, over a real SQLite file with the embedded sample data.
 * Sample guide 三岗十八级 2026: cell = coefficient × 上年度平均工资 ÷ 12, coefficient of level L
 * = 0.52 + 0.03 × (L − 1).
 */
let dir: string;
let store: PaybenchStore;
const CSV = [
  '社区名称,区,街道,户数,常住人口,老年人口占比,城乡,现有人数,持证人数',
  '甲社区,东区,一街道,4100,9000,0.2,城市,10,8',
  '乙社区,西区,二街道,2000,5000,0.1,农村,12,9',
].join('\n');

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-plan-api-'));
  store = PaybenchStore.open(path.join(dir, 'paybench.sqlite'));
});
afterAll(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const call = (name: string, input: unknown) => dispatch({ store }, name, input);

describe('API', () => {
  it('staffing.compute: 吉林 4,100 户 at the minimum, with the arithmetic', async () => {
    const r = await call('staffing.compute', {
      kind: 'community',
      rule: { key: 'jilin' },
      date: '2026-01-01',
      point: 'min',
      community: { households: 4100, currentStaff: 10, certifiedStaff: 8 },
    });
    expect(r.ok).toBe(true);
    const v = (r as { value: { min: number; chosen: number; max: number; steps: string[] } }).value;
    expect([v.min, v.chosen, v.max]).toEqual([12, 12, 18]);
    expect(v.steps).toContain('下限 = 10 + floor(1100/500) = 10 + 2 = 12');
  });

  it('staffing.compute: an edited rule set (band up to 2,000 households) is validated and used', async () => {
    const r = await call('staffing.compute', {
      kind: 'community',
      rule: {
        ruleSet: {
          key: 'my-rule',
          name: '自定义',
          versions: [
            {
              label: 'v1',
              effectiveFrom: '2026-01-01',
              quota: {
                family: 'householdBands',
                fromHouseholds: 0,
                toHouseholds: 2000,
                minPosts: 6,
                maxPosts: 8,
                within: 'range',
                above: { perHouseholdsForMin: 400, perHouseholdsForMax: 250 },
              },
            },
          ],
        },
      },
      date: '2026-06-01',
      point: 'max',
      community: { households: 2500 },
    });
    // e = 500: min = 6 + floor(500/400) = 7, max = 8 + floor(500/250) = 10
    expect(r).toMatchObject({ ok: true, value: { min: 7, chosen: 10, max: 10 } });
    const bad = await call('staffing.compute', { kind: 'community', rule: { key: 'jilin' }, date: '2019-01-01', community: { households: 1 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('没有生效的版本') } });
  });

  it('a saved rule set is stored in SQLite, used by key, and listed; a preset key is refused', async () => {
    const mine = {
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
    expect(await call('staffing.saveRuleSet', { ruleSet: mine })).toMatchObject({ ok: true });
    // 4,100 户: e = 1,100; min = 10 + floor(1100/400) = 12; max = 15 + floor(1100/250) = 19
    const r = await call('staffing.compute', {
      kind: 'community',
      rule: { key: 'jilin-dense' },
      date: '2026-03-01',
      point: 'max',
      community: { households: 4100 },
    });
    expect(r).toMatchObject({ ok: true, value: { min: 12, chosen: 19, max: 19 } });
    expect(store.ruleSets.findByKey('jilin-dense')?.name).toBe('吉林（加密版）');
    const presets = (await call('staffing.presets', {})) as { value: { communityRules: { key: string }[] } };
    expect(presets.value.communityRules.map((x) => x.key)).toContain('jilin-dense');
    const refused = await call('staffing.saveRuleSet', { ruleSet: { ...mine, key: 'jilin' } });
    expect(refused).toMatchObject({ ok: false, error: { problems: [{ path: 'key' }] } });
    expect(await call('staffing.deleteRuleSet', { key: 'jilin-dense' })).toMatchObject({ ok: true });
    expect(await call('staffing.deleteRuleSet', { key: 'jilin-dense' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '没有保存过代号为“jilin-dense”的规则', problems: [] },
    });
    expect(await call('staffing.compute', { kind: 'community', rule: { key: 'jilin-dense' }, date: '2026-03-01', community: { households: 1 } })).toMatchObject(
      {
        ok: false,
        error: { code: 'NOT_FOUND', message: '没有代号为“jilin-dense”的配备规则；可选：jilin、pudong、population18' },
      },
    );
  });

  it('plan.importCommunities: a bad file names row and column and accepts nothing', async () => {
    const file = { fileName: 'c.csv', base64: Buffer.from('社区名称,区,街道,户数\n甲,东区,一街道,很多\n').toString('base64') };
    const r = await call('plan.importCommunities', { file });
    expect(r).toMatchObject({ ok: false, error: { problems: [{ path: '第 2 行 户数（D 列）' }] } });
  });

  it('plan.run priced with the stored sample guide: the 正职 at 10级 costs coefficient 0.79 × wage ÷ 12 a month', async () => {
    const guide = store.guides.list().find((g) => g.name.includes('三岗十八级'))!;
    const set = store.contributionSets.list().find((s) => s.name.includes('吉林式'))!;
    const imported = await call('plan.importCommunities', { file: { fileName: 'c.csv', base64: Buffer.from(CSV).toString('base64') } });
    const communities = (imported as { value: { communities: unknown[] } }).value.communities;
    const r = await call('plan.run', {
      rule: { key: 'jilin' },
      point: 'min',
      date: '2026-01-01',
      communities,
      pricing: { guideId: guide.id, contributionSetId: set.id },
      projection: { years: 2, start: 40, addPerYear: 50, adjustment: '0.03' },
    });
    expect(r.ok).toBe(true);
    const v = (
      r as {
        value: {
          communities: { chosen: number; posts: Record<string, number>; labour: string }[];
          totals: { labour: string; chosen: number };
          projection: { headcount: number; monthly: { monthly: string }[] }[];
        };
      }
    ).value;
    expect(v.communities.map((c) => c.chosen)).toEqual([12, 10]);
    // 12 posts: 正职 1 and 专职党建 2 fixed; of the other 9, 两委 30 % → 3 and 普通 the rest → 6
    expect(v.communities[0]!.posts).toEqual({ 正职: 1, 两委: 3, 普通: 6, 专职党建: 2 });
    // the stored reference wage in force on 2026-01-01
    const wage = store.referenceWages
      .list()
      .filter((w) => w.name.includes('平均工资') && w.effectiveFrom <= '2026-01-01')
      .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0]!;
    const monthly = coefficientMonthly(parseDecimal('0.79'), { name: wage.name, amount: parseDecimal(wage.amount), per: wage.per });
    expect(v.projection[0]!.monthly[0]!.monthly).toBe(toFixed(monthly, 2));
    expect(v.projection.map((y) => y.headcount)).toEqual([40, 90]);
    const sum = v.communities.reduce((acc, c) => acc + BigInt(c.labour.replace('.', '')), 0n);
    expect(BigInt(v.totals.labour.replace('.', ''))).toBe(sum);
  });

  it('plan.template and plan.exportWorkbook return xlsx files', async () => {
    const t = await call('plan.template', {});
    expect(t).toMatchObject({ ok: true, value: { fileName: '社区名单模板.xlsx' } });
    const w = await call('plan.exportWorkbook', {
      rule: { key: 'pudong' },
      date: '2026-01-01',
      communities: [{ name: '甲', district: '东区', street: '一街道', households: 1250 }],
    });
    const bytes = Buffer.from((w as { value: { base64: string } }).value.base64, 'base64');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('plan.exportWorkbook names the file after the title, made safe: no folders, no characters Windows refuses, no leading dot', async () => {
    const title = '../../../../tmp/evil\\..\\x<script>.xlsx';
    const w = await call('plan.exportWorkbook', {
      title,
      rule: { key: 'pudong' },
      date: '2026-01-01',
      communities: [{ name: '甲', district: '东区', street: '一街道', households: 1250 }],
    });
    const { fileName } = (w as { value: { fileName: string } }).value;
    // each run of / \ < > becomes one _, and the leading dots go
    expect(fileName).toBe('_.._.._.._tmp_evil_.._x_script_.xlsx.xlsx');
    expect(fileName).not.toMatch(/[\\/<>:*?"|]|^\./);
  });
});
