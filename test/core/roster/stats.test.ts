import { describe, expect, it } from 'vitest';
import { demandGap } from '../../../src/core/roster/demand';
import { checkPublishedParts } from '../../../src/core/roster/publishedParts';
import type { Worker } from '../../../src/core/roster/schema';
import { rosterStats } from '../../../src/core/roster/stats';

const worker = (w: Partial<Worker>): Worker => ({
  name: '某',
  gender: null,
  birthDate: null,
  idNumber: null,
  education: null,
  field: null,
  title: null,
  certificate: null,
  certificateDate: null,
  postType: null,
  postLevel: null,
  step: null,
  hireDate: null,
  communityYears: null,
  community: null,
  street: null,
  district: null,
  ratings: [],
  partyPost: null,
  ...w,
});

describe('结构统计 on 2026-07-01', () => {
  // six workers; ages on 2026-07-01 in completed years:
  //   1991-07-01 → 35 (birthday on the date)  → 35岁及以下
  //   1991-07-02 → 34 (birthday tomorrow)     → 35岁及以下
  //   1990-07-02 → 35                         → 35岁及以下
  //   1980-07-01 → 46                         → 46-55岁
  //   1966-01-01 → 60                         → 56-60岁
  //   1965-06-30 → 61                         → 60岁以上
  //   no birth date                           → 未填
  const roster = [
    worker({ birthDate: '1991-07-01', education: '硕士研究生', title: '中级', certificate: '社会工作师', field: '社区' }),
    worker({ birthDate: '1991-07-02', education: '大学本科', title: '初级', certificate: '助理社会工作师', field: '社区' }),
    worker({ birthDate: '1990-07-02', education: '大专', title: '无', certificate: '社会工作员', field: '养老' }),
    worker({ birthDate: '1980-07-01', education: '中职', title: '高级', certificate: '高级社会工作师', field: '养老' }),
    worker({ birthDate: '1966-01-01', education: '初中及以下', title: '无', certificate: '无', field: '青少年' }),
    worker({ birthDate: '1965-06-30', education: '高中', certificate: '无', field: '社区' }),
    worker({}),
  ];

  it('counts by band with 未填, and certRate = national certificates / total to 4 places', () => {
    const s = rosterStats(roster, '2026-07-01');
    expect(s).toEqual({
      total: 7,
      on: '2026-07-01',
      byAge: { '35岁及以下': 3, '36-45岁': 0, '46-55岁': 1, '56-60岁': 1, '60岁以上': 1, 未填: 1 },
      byEducation: { 本科及以上: 2, 大专: 1, '中专/中职/中师': 1, 高中及以下: 2, 未填: 1 },
      byTitle: { 高级: 1, 中级: 1, 初级: 1, 无: 2, 未填: 2 },
      byField: { 社区: 3, 养老: 2, 青少年: 1, 未填: 1 },
      byCertificate: { 高级社会工作师: 1, 社会工作师: 1, 助理社会工作师: 1, 社会工作员: 1, 无: 2, 未填: 1 },
      // 高级 1 + 社工师 1 + 助理 1 = 3 (社会工作员 is not a national certificate); 3 / 7 = 0.428571… → 0.4286
      certRate: '0.4286',
    });
  });

  it('an empty roster has no rate', () => {
    expect(rosterStats([], '2026-07-01').certRate).toBeNull();
  });

  it('the gap to a demand table: need − have, by the same bands', () => {
    const s = rosterStats(roster, '2026-07-01');
    expect(demandGap(s, { byEducation: { 本科及以上: 5, 大专: 1 }, byField: { 心理疏导: 2 } })).toEqual([
      { dimension: 'byEducation', band: '本科及以上', have: 2, need: 5, gap: 3 },
      { dimension: 'byEducation', band: '大专', have: 1, need: 1, gap: 0 },
      { dimension: 'byField', band: '心理疏导', have: 0, need: 2, gap: 2 },
    ]);
  });
});

describe('a published breakdown checked against its own total (the district survey of 2,672 people)', () => {
  it('age bands: 805 + 700 + 147 + 483 = 2,135 of 2,672 — 537 people in no printed band; 483 is 18.1 %, not 18.2 %', () => {
    const c = checkPublishedParts(2672, [
      { label: '35岁以下', count: 805, printedPercent: '30.1' }, // 805 / 2672 = 30.127…% → 30.1
      { label: '36至45岁', count: 700, printedPercent: '26.2' }, // 26.197…% → 26.2
      { label: '46至55岁', count: 147, printedPercent: '5.5' }, // 5.501…% → 5.5
      { label: '60岁以上', count: 483, printedPercent: '18.2' }, // 18.076…% → 18.1, and cut off 18.0: neither is 18.2
    ]);
    expect(c.sum).toBe(2135);
    expect(c.missing).toBe(537);
    expect(c.addsUp).toBe(false);
    expect(c.parts.map((p) => [p.computedPercent, p.status])).toEqual([
      ['30.1', 'ok'],
      ['26.2', 'ok'],
      ['5.5', 'ok'],
      ['18.1', 'wrong'],
    ]);
    expect(c.messages).toEqual(['各项合计 2135 人，少于总数 2672 人，差 537 人（有未列出的类别）', '60岁以上 483 人占 483/2672 = 18.1%，不是印出的 18.2%']);
  });

  it('education adds up: 481 + 756 + 345 + 1,090 = 2,672, every share right', () => {
    const c = checkPublishedParts(2672, [
      { label: '大学本科以上', count: 481, printedPercent: '18' }, // 18.00…% printed without decimals → 18
      { label: '大专', count: 756, printedPercent: '28.3' }, // 28.293…%
      { label: '中专/中职/中师', count: 345, printedPercent: '12.9' }, // 12.911…%
      { label: '高中及以下', count: 1090, printedPercent: '40.8' }, // 40.793…%
    ]);
    expect(c.addsUp).toBe(true);
    expect(c.messages).toEqual([]);
  });

  it('fields: 400 is 14.97 %, printed 14.9 — cut off rather than rounded, and told apart from a wrong figure', () => {
    const c = checkPublishedParts(2672, [
      { label: '党政人才', count: 400, printedPercent: '14.9' }, // 14.970…% → 15.0 rounded, 14.9 cut off
      { label: '事业单位人才', count: 729, printedPercent: '27.2' }, // 27.283…% → 27.3 rounded, 27.2 cut off
      { label: '公司人才', count: 22, printedPercent: '0.8' },
      { label: '民间组织人才', count: 263, printedPercent: '9.8' },
      { label: '社区、群团、离退休人才', count: 1258, printedPercent: '47' }, // 47.08…% → 47
    ]);
    expect(c.addsUp).toBe(true);
    expect(c.parts.filter((p) => p.status !== 'ok').map((p) => [p.label, p.computedPercent, p.status])).toEqual([
      ['党政人才', '15.0', 'truncated'],
      ['事业单位人才', '27.3', 'truncated'],
    ]);
  });
});
