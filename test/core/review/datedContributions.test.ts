import { describe, expect, it } from 'vitest';
import { PaybenchStore } from '../../../db/store';
import { type ReviewOptions, reviewReading, toleranceShare } from '../../../src/app/services/review';
import { priceBudget } from '../../../src/core/budget/pipeline';
import { PARAMS } from '../../../src/core/excel/budget/sheetNames';
import { parseDecimal } from '../../../src/core/money/decimal';
import { type OfficialContributions, officialFindings } from '../../../src/core/review/official';
import { readBidWorkbook } from '../../../src/core/review/readBid';
import { readReviewCells } from '../../../src/core/review/workbookCells';
import { type BudgetSpecV2Input, parseBudgetSpec } from '../../../src/core/spec/budgetSpec';
import { tempDbFile } from '../../db/tempDb';
import { bid as multiYearBid } from '../budget/multiYearBid';
import { exportBid } from './bidWorkbook';

/**
 * A spec v2 bid with two dated contribution sets, reviewed against the official sets in the store
 * (docs/design.md §Excel workbooks, "Review"): each of its sets against the store's set of its city in force where the
 * bid begins to use it — the first at the bid's first month 2027-07, the second at its own date 2028-07-01.
 *
 * The bid is the worked 36-month bid of §Budget arithmetic, "Segments" (guide 2027 版 6,000 and 2028 版 6,300, from
 * 2027-07), its two sets of 示例市 named as the store names them:
 *   第 1 组 from 2027-07-01: base 5,000–30,000, 养老保险 16 %, 住房公积金 5 % to the yuan, 工会经费 2 %;
 *   第 2 组 from 2028-07-01 (the July base reset): base 5,500–32,000, 养老保险 16 %, 住房公积金 7 % to the yuan, 工会经费 2 %.
 */
const CITY = '示例市';
const SET_2027 = '示例市 2027 年度社保公积金参数';
const SET_2028 = '示例市 2028 年度社保公积金参数';

function bid(): BudgetSpecV2Input {
  const spec = multiYearBid();
  const items = (housingRate: string) => [
    { name: '养老保险', rate: '0.16' },
    { name: '住房公积金', rate: housingRate, round: 'yuan' as const },
  ];
  const levies = [{ name: '工会经费', rate: '0.02' }];
  spec.contributions = [
    { effective: '2027-07-01', name: SET_2027, city: CITY, floor: '5000.00', ceiling: '30000.00', items: items('0.05'), levies },
    { effective: '2028-07-01', name: SET_2028, city: CITY, floor: '5500.00', ceiling: '32000.00', items: items('0.07'), levies },
  ];
  return spec;
}

/** A store holding the official guide (both versions, as the bid has them) and the two official sets of 示例市. */
function officialStore(pension2028: string): PaybenchStore {
  const store = PaybenchStore.open(tempDbFile(), { seed: false, user: 'test' });
  const allowances = [
    { qualification: '社工师', amount: '300.00' },
    { qualification: '社工师', amount: '1000.00', kind: 'oneOff' as const },
  ];
  store.guides.create({
    name: '示例市社工薪酬指导价',
    versions: [
      { label: '2027 版', effectiveFrom: '2027-01-01', cells: [{ post: '一线社工', grade: '社工师', amount: '6000.00' }], allowances },
      { label: '2028 版', effectiveFrom: '2028-01-01', cells: [{ post: '一线社工', grade: '社工师', amount: '6300.00' }], allowances },
    ],
  });
  const set = (name: string, effectiveFrom: string, floor: string, ceiling: string, pension: string, housing: string) =>
    store.contributionSets.create({
      city: CITY,
      name,
      effectiveFrom,
      floor,
      ceiling,
      items: [
        { name: '养老保险', rate: pension, round: 'fen' },
        { name: '住房公积金', rate: housing, round: 'yuan' },
      ],
      levies: [{ name: '工会经费', rate: '0.02' }],
    });
  set(SET_2027, '2027-07-01', '5000.00', '30000.00', '0.16', '0.05');
  set(SET_2028, '2028-07-01', '5500.00', '32000.00', pension2028, '0.07');
  return store;
}

async function review(store: PaybenchStore, opts: ReviewOptions = {}) {
  const bytes = await exportBid(bid());
  const reading = readBidWorkbook(bytes, 'bid.xlsx');
  return { bytes, review: reviewReading(store, reading, opts, toleranceShare(undefined)) };
}

/** Only what needs the officer: errors and warnings (information may remain, e.g. a base raised to the floor). */
const needsAction = <T extends { severity: string }>(findings: T[]) => findings.filter((f) => f.severity !== 'info');

/*
 * 计算参数 of the bid, from row 3 (rows 1–2: title and header), each set's block in date order:
 *   第 1 组: 3 单位缴费参数（自 2027-07-01 起）, 4 缴费参数, 5 下限, 6 上限, 7 指导价金额已含单位缴费,
 *            8 单位缴费项目…, 9 养老保险, 10 住房公积金, 11 按应发工资计提…, 12 工会经费;
 *   第 2 组: 13 单位缴费参数（自 2028-07-01 起）, 14 缴费参数, 15 下限, 16 上限, 17 单位缴费项目…, 18 养老保险 — B18.
 */
const PENSION_2028 = 'B18';

describe('a bid across contribution sets against the official set of each', () => {
  it('reviews clean when each of its sets is the official one in force where it is used', async () => {
    const store = officialStore('0.16');
    try {
      const { review: r } = await review(store);
      expect(needsAction(r.findings)).toEqual([]);
      expect(r.verdict).toBe('pass');
      expect(r.comparedWith.contributions).toBe(`${SET_2027}；${SET_2028}`);
    } finally {
      store.close();
    }
  });

  it('finds the 2028 pension rate that differs (16 % in the bid, 15 % official) at its own set’s row of 计算参数, and only that', async () => {
    const store = officialStore('0.15');
    try {
      const { bytes, review: r } = await review(store);
      // the cell is the second set's 养老保险 in the workbook the bidder sent: its label and the rate the bid used
      const params = readReviewCells(bytes).get(PARAMS)!.cells;
      expect(params.get('A18')!.value).toBe('养老保险');
      expect(Number(params.get(PENSION_2028)!.value)).toBe(0.16);

      expect(needsAction(r.findings)).toEqual([
        expect.objectContaining({ code: 'CONTRIBUTION_RATE_DIFFERS', severity: 'error', sheet: PARAMS, cell: PENSION_2028, expected: '0.15', found: '0.16' }),
      ]);
      const [finding] = needsAction(r.findings);
      expect(finding!.message).toContain('第 2 组（2028-07-01 起）');
      expect(finding!.message).toContain(`官方“${SET_2028}”为 15%`);
      expect(r.verdict).toBe('revise');
    } finally {
      store.close();
    }
  });

  it('a set the officer picks is compared with the first set only; the later one is still looked up by its date', async () => {
    // picking the 2028 set for the bid: the first set (2027: base 5,000–30,000, 住房公积金 5 %) differs from it in
    // floor, ceiling and housing rate at rows 5, 6 and 10; the second set is compared with the 2028 set in force on
    // 2028-07-01 and agrees
    const store = officialStore('0.16');
    try {
      const { review: r } = await review(store, { contributions: SET_2028 });
      expect(needsAction(r.findings)).toEqual([
        expect.objectContaining({ code: 'CONTRIBUTION_FLOOR_DIFFERS', cell: 'B5', expected: '5500.00', found: '5000.00' }),
        expect.objectContaining({ code: 'CONTRIBUTION_CEILING_DIFFERS', cell: 'B6', expected: '32000.00', found: '30000.00' }),
        expect.objectContaining({ code: 'CONTRIBUTION_RATE_DIFFERS', cell: 'B10', expected: '0.07', found: '0.05' }),
      ]);
      expect(needsAction(r.findings)[0]!.message).toContain('第 1 组（2027-07-01 起）');
      expect(r.comparedWith).toMatchObject({ contributions: SET_2028, contributionsBasis: 'picked' });
    } finally {
      store.close();
    }
  });

  it('a later set with no official set to compare is a warning naming it', async () => {
    // a store of another city only: neither set is found by its name or its city
    const store = PaybenchStore.open(tempDbFile(), { seed: false, user: 'test' });
    try {
      store.contributionSets.create({ city: '他市', name: '他市参数', effectiveFrom: '2020-01-01', floor: '1000.00', ceiling: '9000.00' });
      const { review: r } = await review(store, { contributions: '他市参数' });
      const missing = r.findings.filter((f) => f.code === 'OFFICIAL_CONTRIBUTIONS_NOT_FOUND');
      expect(missing).toEqual([expect.objectContaining({ severity: 'warning', found: SET_2028 })]);
      expect(missing[0]!.message).toContain(`第 2 组（2028-07-01 起）所用的缴费参数“${SET_2028}”`);
      expect(missing[0]!.message).toContain(`也没有${CITY}在 2028-07-01 生效的参数`);
    } finally {
      store.close();
    }
  });
});

describe('an item’s own base limits (spec v2), when a set has them', () => {
  // the worked bid as §Budget arithmetic, "Segments" has it: from 2028-07-01 住房公积金 7 % on its own base
  // 2,500–28,000. 计算参数 of its second set: 13 heading, 14 缴费参数, 15 下限, 16 上限, 17 heading, 18 养老保险,
  // 19 住房公积金, 20 住房公积金缴费基数下限, 21 住房公积金缴费基数上限.
  const set = (floor: string, ceiling: string, housingRate: string, housingLimits: object = {}): OfficialContributions => ({
    name: `示例市参数（${floor}）`,
    floor,
    ceiling,
    items: [
      { name: '养老保险', rate: '0.16', round: 'fen' },
      { name: '住房公积金', rate: housingRate, round: 'yuan', ...housingLimits },
    ],
    levies: [{ name: '工会经费', rate: '0.02' }],
  });
  const findings = (second: OfficialContributions) =>
    officialFindings(priceBudget(parseBudgetSpec(multiYearBid())), {
      guide: null,
      contributions: null,
      contributionSets: [{ official: set('5000.00', '30000.00', '0.05') }, { official: second }],
      tolerance: parseDecimal('0.10'),
    }).filter((f) => f.code !== 'OFFICIAL_GUIDE_NOT_FOUND');

  it('finds the housing fund’s own floor that differs (2,500.00 in the bid, 3,000.00 official) at its own row, B20', () => {
    expect(findings(set('5500.00', '32000.00', '0.07', { floor: '3000.00', ceiling: '28000.00' }))).toEqual([
      expect.objectContaining({ code: 'CONTRIBUTION_FLOOR_DIFFERS', severity: 'error', sheet: PARAMS, cell: 'B20', expected: '3000.00', found: '2500.00' }),
    ]);
  });

  it('an own limit the official set has not is compared with the official set’s: 2,500.00 against 5,500.00, 28,000.00 against 32,000.00', () => {
    const found = findings(set('5500.00', '32000.00', '0.07'));
    expect(found).toEqual([
      expect.objectContaining({ code: 'CONTRIBUTION_FLOOR_DIFFERS', cell: 'B20', expected: '5500.00', found: '2500.00' }),
      expect.objectContaining({ code: 'CONTRIBUTION_CEILING_DIFFERS', cell: 'B21', expected: '32000.00', found: '28000.00' }),
    ]);
    expect(found[0]!.message).toContain('第 2 组（2028-07-01 起）缴费项目“住房公积金”的缴费基数下限为 2500.00 元');
  });
});
