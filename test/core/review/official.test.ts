import { describe, expect, it } from 'vitest';
import { priceBudget } from '../../../src/core/budget/pipeline';
import { PARAMS_VALUE_COL, paramEntries, paramRows } from '../../../src/core/excel/budget/paramsSheet';
import { GUIDE, PARAMS, STAFF } from '../../../src/core/excel/budget/sheetNames';
import { STAFF_FIRST_ROW, staffColumns } from '../../../src/core/excel/budget/staffSheet';
import { cellAddress } from '../../../src/core/excel/cells';
import { parseDecimal } from '../../../src/core/money/decimal';
import { verdictOf } from '../../../src/core/review/findings';
import { type OfficialRecords, officialFindings } from '../../../src/core/review/official';
import { type InlineGuide, parseBudgetSpec } from '../../../src/core/spec/budgetSpec';
import { designExample } from '../../support/specs';

/**
 * A bid against the official records (docs/design.md §Excel workbooks, "Review"), on the example of docs/design.md:
 * the bid prices 一线社工 社工师 1 档 at 6,500.00 + 300.00 allowance, pension 16 %, housing fund 5 %, base 4,500–28,000.
 */
const official = (
  over: Partial<InlineGuide['rows'][number]> = {},
  contributions: Partial<NonNullable<OfficialRecords['contributions']>> = {},
): OfficialRecords => ({
  guide: {
    name: '示例市社工薪酬指导价',
    versionLabel: '2026 版',
    guide: {
      name: '示例市社工薪酬指导价（2026 版）',
      includes: 'gross',
      rows: [{ post: '一线社工', grade: '社工师', step: 1, monthly: '6500.00', ...over }],
      allowances: [{ qualification: '社工师', monthly: '300.00', kind: 'monthly' }],
    },
  },
  contributions: {
    name: '示例市 2026 年度社保公积金参数',
    floor: '4500.00',
    ceiling: '28000.00',
    items: [
      { name: '养老保险', rate: '0.16', round: 'fen' },
      { name: '住房公积金', rate: '0.05', round: 'yuan' },
    ],
    levies: [{ name: '工会经费', rate: '0.02' }],
    ...contributions,
  },
  tolerance: parseDecimal('0.10'),
});

const bid = () => priceBudget(parseBudgetSpec(designExample()));
const monthly = cellAddress(staffColumns(2, 1, { extras: false, override: false, oneOff: false, note: false }).monthly, STAFF_FIRST_ROW);

describe('a bid against the official guide and contribution set', () => {
  it('finds nothing when the bid used the official figures', () => {
    expect(officialFindings(bid(), official())).toEqual([]);
  });

  it('finds the guide cell that differs (6,500.00 in the bid, 6,800.00 official) and the pay below it (6,800.00 < 6,800 + 300)', () => {
    const f = officialFindings(bid(), official({ monthly: '6800.00' }));
    expect(f).toEqual([
      expect.objectContaining({ code: 'GUIDE_CELL_DIFFERS', severity: 'error', sheet: GUIDE, cell: 'E3', expected: '6800.00', found: '6500.00' }),
      expect.objectContaining({ code: 'PAY_BELOW_OFFICIAL_GUIDE', severity: 'error', sheet: STAFF, cell: monthly, expected: '7100.00', found: '6800.00' }),
    ]);
    expect(verdictOf(f)).toBe('revise');
  });

  it('warns of pay above the guide beyond the tolerance: agreed 7,500.00 > (6,500 + 300) × 1.10 = 7,480.00', () => {
    const spec = designExample();
    spec.staff = [{ ...spec.staff![0]!, monthly: '7500.00' }];
    const priced = priceBudget(parseBudgetSpec(spec));
    const col = cellAddress(staffColumns(2, 1, { extras: false, override: true, oneOff: false, note: false }).monthly, STAFF_FIRST_ROW);
    expect(officialFindings(priced, official())).toEqual([
      expect.objectContaining({ code: 'PAY_ABOVE_GUIDE_TOLERANCE', severity: 'warning', sheet: STAFF, cell: col, expected: '7480.00', found: '7500.00' }),
    ]);
    // at 7,480.00 exactly it is within the tolerance
    spec.staff = [{ ...spec.staff[0]!, monthly: '7480.00' }];
    expect(officialFindings(priceBudget(parseBudgetSpec(spec)), official())).toEqual([]);
  });

  it('finds contribution parameters that differ, at their 参数 cells: floor 5,000.00 official, housing fund 7 %, 失业保险 missing', () => {
    const priced = bid();
    const rows = paramRows(paramEntries(priced.result.model, { periodStart: '2026-01' }));
    const at = (key: 'floor' | 'item1') => cellAddress(PARAMS_VALUE_COL, rows.get(key)!);
    const f = officialFindings(
      priced,
      official(
        {},
        {
          floor: '5000.00',
          items: [
            { name: '养老保险', rate: '0.16', round: 'fen' },
            { name: '住房公积金', rate: '0.07', round: 'yuan' },
            { name: '失业保险', rate: '0.005', round: 'fen' },
          ],
        },
      ),
    );
    expect(f).toEqual([
      expect.objectContaining({ code: 'CONTRIBUTION_FLOOR_DIFFERS', sheet: PARAMS, cell: at('floor'), expected: '5000.00', found: '4500.00' }),
      expect.objectContaining({ code: 'CONTRIBUTION_RATE_DIFFERS', sheet: PARAMS, cell: at('item1'), expected: '0.07', found: '0.05' }),
      expect.objectContaining({ code: 'CONTRIBUTION_ITEM_MISSING', severity: 'error', expected: '0.005', found: null }),
    ]);
  });

  it('says when there is no official record to compare with (a warning: the bid is not passed unchecked)', () => {
    const f = officialFindings(bid(), { guide: null, guideMissing: '没有指导价', contributions: null, tolerance: parseDecimal('0.1') });
    expect(f.map((x) => [x.code, x.severity])).toEqual([
      ['OFFICIAL_GUIDE_NOT_FOUND', 'warning'],
      ['OFFICIAL_CONTRIBUTIONS_NOT_FOUND', 'warning'],
    ]);
    expect(verdictOf(f)).toBe('revise');
  });
});
