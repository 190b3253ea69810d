import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAFF, SUMMARY } from '../../../src/core/excel/budget/sheetNames';
import { staffColumns } from '../../../src/core/excel/budget/staffSheet';
import { cellAddress } from '../../../src/core/excel/cells';
import { priceBudget } from '../../../src/core/budget/pipeline';
import { GUIDE } from '../../../src/core/excel/budget/sheetNames';
import { parseDecimal } from '../../../src/core/money/decimal';
import { verdictOf } from '../../../src/core/review/findings';
import { type OfficialGuide, type OfficialRecords, officialFindings } from '../../../src/core/review/official';
import { parseBudgetSpec } from '../../../src/core/spec/budgetSpec';
import { readBidWorkbook } from '../../../src/core/review/readBid';
import { convertWithLibreOffice } from '../../support/libreoffice';
import { bid as multiYearBid } from '../budget/multiYearBid';
import { editCell, exportBid } from './bidWorkbook';

/**
 * A spec v2 bid reviewed cell by cell (docs/design.md §Excel workbooks, "Review"), on the worked 36-month bid of
 * §Budget arithmetic, "Segments": from 2027-07, guide 2027 版 6,000 and 2028 版 6,300, a July 2028 base reset.
 *
 * 人员经费明细: line 1 (2 社工师) on row 3, its five segments on rows 4–8 — 2027-07 (6 months), 2028-01 (6),
 * 2028-07 (6), 2029 (12), 2030-01 (6 + the bonus month); line 2 (0.5 财务) on row 9, its segments on rows 10–14.
 * 汇总表: header on row 5, then 配备人数 … 人员经费合计 (rows 6–10) and 其中：2027 … 2030 年度人员经费 (rows 11–14).
 */
const integrity = <T extends { code: string }>(findings: T[]) => findings.filter((f) => !f.code.startsWith('CHECK_'));

// two contribution items, one levy; 约定月薪 (财务), 一次性津贴 (社工师), 非社工岗 (财务) and the segment columns
const cols = staffColumns(2, 1, { extras: false, override: true, oneOff: true, note: false, nonSocialWork: true, segments: true });
const firstSegmentGross = cellAddress(cols.gross, 4);
const secondSegmentMonths = cellAddress(cols.months, 5);
const year2028 = cellAddress(2, 12);

describe('a spec v2 bid, segment by segment', () => {
  it('finds a segment row edited by hand and a segment formula replaced by a number, each at its 人员经费明细 cell', async () => {
    let bytes = await exportBid(multiYearBid());
    // the 2028-01 segment runs 6 months (January to June, until the July base reset); 7 typed in its place
    bytes = await editCell(bytes, STAFF, secondSegmentMonths, '<v>7</v>');
    // the first segment's 应发工资: 6,300 × 2 × 6 + 1,000 × 2 (the one-off allowance, paid in the first segment)
    // = 75,600 + 2,000 = 77,600.00 — the right number, typed over the formula
    bytes = await editCell(bytes, STAFF, firstSegmentGross, '<v>77600</v>');
    const bid = readBidWorkbook(bytes, 'v2.xlsx');
    const found = integrity(bid.findings);
    expect(found).toContainEqual(
      expect.objectContaining({ code: 'CELL_VALUE_CHANGED', severity: 'error', sheet: STAFF, cell: secondSegmentMonths, expected: '6', found: '7' }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ code: 'FORMULA_REPLACED', severity: 'error', sheet: STAFF, cell: firstSegmentGross, expected: '77600', found: '77600' }),
    );
    expect(found).toHaveLength(2);
    expect(found.find((f) => f.cell === secondSegmentMonths)!.message).toContain('第 1 行第 2 段（2028-01 起）“月数”');
    expect(verdictOf(bid.findings)).toBe('reject');
  });

  it('finds 其中：2028 年度人员经费 typed over its SUMIF', async () => {
    // 2028: line 1's segments 2028-01 97,416.00 + 2028-07 99,000.00 = 196,416.00; the 财务 line (0.5 × 5,000) gross
    // 2 × 15,000.00, contributions 0.5 × 6 × (800 + 250) = 3,150.00 then, after the reset, 0.5 × 6 × (880 + 350)
    // = 3,690.00, 工会经费 2 × 300.00: 37,440.00 — together 233,856.00
    const bytes = await editCell(await exportBid(multiYearBid()), SUMMARY, year2028, '<v>233856</v>');
    const found = integrity(readBidWorkbook(bytes, 'v2.xlsx').findings);
    expect(found).toEqual([expect.objectContaining({ code: 'FORMULA_REPLACED', sheet: SUMMARY, cell: year2028, expected: '233856', found: '233856' })]);
    expect(found[0]!.message).toContain('其中：2028 年度人员经费');
  });

  it('a 分年度 figure changed to another number is a changed value', async () => {
    const bytes = await editCell(await exportBid(multiYearBid()), SUMMARY, year2028, '<f>1</f><v>200000</v>');
    const found = integrity(readBidWorkbook(bytes, 'v2.xlsx').findings);
    expect(found).toEqual([expect.objectContaining({ code: 'CELL_VALUE_CHANGED', sheet: SUMMARY, cell: year2028, expected: '233856', found: '200000' })]);
  });

  it('after LibreOffice opened and saved them, the clean bid still passes and both hand edits are still found', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-review-v2-lo-'));
    try {
      const clean = path.join(dir, 'clean.xlsx');
      const edited = path.join(dir, 'edited.xlsx');
      fs.writeFileSync(clean, await exportBid(multiYearBid()));
      let bytes = await editCell(await exportBid(multiYearBid()), STAFF, secondSegmentMonths, '<v>7</v>');
      bytes = await editCell(bytes, STAFF, firstSegmentGross, '<v>77600</v>');
      fs.writeFileSync(edited, bytes);
      const [savedClean, savedEdited] = convertWithLibreOffice([clean, edited], 'xlsx:Calc MS Excel 2007 XML', path.join(dir, 'saved'));

      const cleanBid = readBidWorkbook(fs.readFileSync(savedClean!), 'clean.xlsx');
      expect(cleanBid.spec?.version).toBe(2);
      expect(integrity(cleanBid.findings)).toEqual([]);

      // LibreOffice recalculated the edited one: the typed 7 months moves that segment's amounts and the sums above
      // them, each a finding too; the two edits are found at their cells all the same
      const editedBid = readBidWorkbook(fs.readFileSync(savedEdited!), 'edited.xlsx');
      expect(editedBid.findings).toContainEqual(expect.objectContaining({ code: 'CELL_VALUE_CHANGED', cell: secondSegmentMonths, expected: '6', found: '7' }));
      expect(editedBid.findings).toContainEqual(expect.objectContaining({ code: 'FORMULA_REPLACED', cell: firstSegmentGross, expected: '77600' }));
      expect(verdictOf(editedBid.findings)).toBe('reject');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

/** An official version of 示例市社工薪酬指导价 with the bid's allowances and 一线社工 社工师 1 档 at `monthly`. */
const officialVersion = (label: string, effectiveFrom: string, monthly: string): OfficialGuide => ({
  name: '示例市社工薪酬指导价',
  versionLabel: label,
  guide: {
    name: `示例市社工薪酬指导价（${label}）`,
    effectiveFrom,
    includes: 'gross',
    rows: [{ post: '一线社工', grade: '社工师', step: 1, monthly }],
    allowances: [
      { qualification: '社工师', monthly: '300.00', kind: 'monthly' },
      { qualification: '社工师', monthly: '1000.00', kind: 'oneOff' },
    ],
  },
});

const records = (guides: OfficialGuide[]): OfficialRecords => ({
  guide: guides[0]!,
  guides,
  contributions: {
    name: '示例市社保公积金参数',
    floor: '5000.00',
    ceiling: '30000.00',
    items: [
      { name: '养老保险', rate: '0.16', round: 'fen' },
      { name: '住房公积金', rate: '0.05', round: 'yuan' },
    ],
    levies: [{ name: '工会经费', rate: '0.02' }],
  },
  tolerance: parseDecimal('0.10'),
});

describe('a spec v2 bid against the official versions', () => {
  // 薪酬指导价 lists 2027 版 from row 1 (its cell on row 3, allowances on rows 6–7, details to row 13) and, after a
  // blank row, 2028 版 from row 15: its cell on row 17
  const priced = () => priceBudget(parseBudgetSpec(multiYearBid()));

  it('finds nothing when each of its versions is the official one in force where it is used', () => {
    const found = officialFindings(
      priced(),
      records([officialVersion('2027 版', '2027-01-01', '6000.00'), officialVersion('2028 版', '2028-01-01', '6300.00')]),
    );
    expect(found).toEqual([]);
  });

  it('finds the 2028 cell that differs in its own block and the pay below it in the first segment it holds', () => {
    const found = officialFindings(
      priced(),
      records([officialVersion('2027 版', '2027-01-01', '6000.00'), officialVersion('2028 版', '2028-01-01', '6400.00')]),
    );
    expect(found).toEqual([
      expect.objectContaining({ code: 'GUIDE_CELL_DIFFERS', severity: 'error', sheet: GUIDE, cell: 'E17', expected: '6400.00', found: '6300.00' }),
      // from 2028-01 the line is paid 6,300 + 300 = 6,600.00, the official 2028 版 entitles it to 6,400 + 300 = 6,700.00;
      // the 2028-01 segment is the line's second, on row 3 + 2 = 5
      expect.objectContaining({ code: 'PAY_BELOW_OFFICIAL_GUIDE', sheet: STAFF, cell: cellAddress(cols.monthly, 5), expected: '6700.00', found: '6600.00' }),
    ]);
    expect(found[1]!.message).toContain('第 1 行第 2 段（2028-01 起）');
  });

  it('against one version the officer picked (2027 版 for both), the 2028 block differs', () => {
    const picked = officialVersion('2027 版', '2027-01-01', '6000.00');
    const found = officialFindings(priced(), { ...records([picked]), guides: undefined });
    // 2028 版 6,300.00 against 2027 版 6,000.00, and it is another version (its date)
    expect(found).toContainEqual(expect.objectContaining({ code: 'GUIDE_CELL_DIFFERS', cell: 'E17', expected: '6000.00', found: '6300.00' }));
    expect(found).toContainEqual(expect.objectContaining({ code: 'GUIDE_VERSION_DIFFERS', severity: 'info', cell: 'A15' }));
    // 6,600.00 is within 10 % of 6,300.00 (≤ 6,930.00): no pay finding
    expect(found.filter((f) => f.code.startsWith('PAY_'))).toEqual([]);
  });
});
