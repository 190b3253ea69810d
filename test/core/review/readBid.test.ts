import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BID_SHEET } from '../../../src/core/excel/budget/bidPackageSheet';
import { GUIDE_FIRST_ROW, GUIDE_MONTHLY_COL } from '../../../src/core/excel/budget/guideSheet';
import { GUIDE, STAFF } from '../../../src/core/excel/budget/sheetNames';
import { STAFF_FIRST_ROW, staffColumns } from '../../../src/core/excel/budget/staffSheet';
import { cellAddress } from '../../../src/core/excel/cells';
import { canonicalJson, sha256Hex } from '../../../src/core/review/canonicalJson';
import { verdictOf } from '../../../src/core/review/findings';
import { BidFileError, readBidWorkbook } from '../../../src/core/review/readBid';
import { readReviewCells } from '../../../src/core/review/workbookCells';
import { convertWithLibreOffice } from '../../support/libreoffice';
import { designExample } from '../../support/specs';
import { bid as multiYearBid } from '../budget/multiYearBid';
import { editCell, editSharedStrings, exportBid } from './bidWorkbook';

/**
 * Review of a bid workbook against its own embedded spec (docs/design.md §Excel workbooks, "Review"), on the example
 * of docs/design.md §Budget arithmetic: 6 社工师 at 6,500 + 300, 12 + 1 months; gross 530,400.00; total 740,212.66.
 */
const integrity = <T extends { code: string }>(findings: T[]) => findings.filter((f) => !f.code.startsWith('CHECK_'));

// the example has two contribution items and one levy, no optional staff columns
const cols = staffColumns(2, 1, { extras: false, override: false, oneOff: false, note: false });
const grossCell = cellAddress(cols.gross, STAFF_FIRST_ROW); // the first (only) line's 应发工资
const guideCell = cellAddress(GUIDE_MONTHLY_COL, GUIDE_FIRST_ROW); // 一线社工 社工师 1 档

describe('canonical JSON and its hash', () => {
  it('sorts keys, drops whitespace and undefined members, and escapes what a spreadsheet would not keep', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x y'], c: undefined }, e: '\uFFFF', f: 'a_x0041_' })).toBe(
      '{"a":{"d":[1,"x y"]},"b":1,"e":"\\uffff","f":"a\\u005fx0041_"}',
    );
    // the SHA-256 of "abc" (FIPS 180-2, appendix B.1)
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('a bid exported by the program', () => {
  it('carries its spec in a very hidden sheet and reviews clean: total 740,212.66, no finding', async () => {
    const bytes = await exportBid(designExample());
    const sheets = readReviewCells(bytes);
    expect(sheets.get(BID_SHEET)?.state).toBe('veryHidden');
    const bid = readBidWorkbook(bytes, 'bid.xlsx');
    // total = round(716,065.92 × 1.03 ÷ (1 − 0.03 × 0.12)) = 740,212.66 (docs/design.md §Budget arithmetic)
    expect(bid.total).toBe('740212.66');
    expect(bid.package).toMatchObject({ projectName: designExample().name, guideName: '示例市社工薪酬指导价 2026', preparedBy: '张三', date: '2026-01-05' });
    expect(bid.findings).toEqual([]);
    expect(verdictOf(bid.findings)).toBe('pass');
    // the hash is that of the spec's canonical JSON, so anyone can recompute it from the spec
    expect(bid.package.specSha256).toBe(sha256Hex(canonicalJson(bid.spec)));
  });

  it('a spec v2 bid (36 months across two guide versions and a July base reset) reviews clean too', async () => {
    const bid = readBidWorkbook(await exportBid(multiYearBid()), 'v2.xlsx');
    expect(bid.spec?.version).toBe(2);
    expect(integrity(bid.findings)).toEqual([]);
  });

  it('finds a guide cell changed in the XML and a formula replaced by a typed number, each at its cell with expected and found', async () => {
    let bytes = await exportBid(designExample());
    bytes = await editCell(bytes, GUIDE, guideCell, '<v>7000</v>'); // the guide says 6,500.00
    bytes = await editCell(bytes, STAFF, grossCell, '<v>530400</v>'); // the right number, but typed: no formula
    const bid = readBidWorkbook(bytes, 'bid.xlsx');
    expect(integrity(bid.findings)).toEqual(
      [
        expect.objectContaining({ code: 'FORMULA_REPLACED', severity: 'error', sheet: STAFF, cell: grossCell, expected: '530400', found: '530400' }),
        expect.objectContaining({ code: 'CELL_VALUE_CHANGED', severity: 'error', sheet: GUIDE, cell: guideCell, expected: '6500', found: '7000' }),
      ].sort((a, b) => (a.sheet < b.sheet ? -1 : 1)) as never,
    );
    expect(verdictOf(bid.findings)).toBe('reject');
  });

  it('finds a typed number that differs from the recomputation: 人员经费 = 643,824.00, not 700,000', async () => {
    const labour = cellAddress(cols.labour, STAFF_FIRST_ROW);
    const bytes = await editCell(await exportBid(designExample()), STAFF, labour, '<v>700000</v>');
    const f = integrity(readBidWorkbook(bytes, 'bid.xlsx').findings);
    expect(f).toEqual([expect.objectContaining({ code: 'FORMULA_REPLACED', cell: labour, expected: '643824', found: '700000' })]);
    expect(f[0]!.message).toContain('且与重算结果不符');
  });

  it('reports a hash mismatch when the embedded spec was edited (6500.00 → 6600.00), and then every figure the edit moves', async () => {
    const bytes = await editSharedStrings(await exportBid(designExample()), (xml) => xml.replace(/(monthly(?:"|&quot;):(?:"|&quot;))6500\.00/, '$16600.00'));
    const bid = readBidWorkbook(bytes, 'bid.xlsx');
    expect(bid.findings[0]).toMatchObject({ code: 'SPEC_HASH_MISMATCH', severity: 'error', sheet: BID_SHEET });
    // recomputed from the edited spec, the guide cell is 6,600.00 and the sheet still shows 6,500.00
    expect(bid.findings).toContainEqual(
      expect.objectContaining({ code: 'CELL_VALUE_CHANGED', sheet: GUIDE, cell: guideCell, expected: '6600', found: '6500' }),
    );
    expect(verdictOf(bid.findings)).toBe('reject');
  });

  it('refuses a workbook from another template, naming the file, the missing sheet and how to bring the data in', async () => {
    const other = await editPart2(await exportBid(designExample()));
    expect(() => readBidWorkbook(other, '某机构投标预算.xlsx')).toThrow(BidFileError);
    expect(() => readBidWorkbook(other, '某机构投标预算.xlsx')).toThrow(
      /“某机构投标预算\.xlsx”不是 Paybench 导出的预算工作簿：缺少隐藏的投标数据包工作表“paybench_bid”.*从表格导入/,
    );
    expect(() => readBidWorkbook(Buffer.from('岗位,人数\n'), 'staff.csv')).toThrow(/无法读取“staff\.csv”：不是有效的 xlsx 文件/);
  });

  it('still reviews clean after LibreOffice opened and saved it (recalculating every formula)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-review-lo-'));
    const file = path.join(dir, 'bid.xlsx');
    fs.writeFileSync(file, await exportBid(designExample()));
    const [saved] = convertWithLibreOffice([file], 'xlsx:Calc MS Excel 2007 XML', path.join(dir, 'saved'));
    const bytes = fs.readFileSync(saved!);
    const sheets = readReviewCells(bytes);
    expect(['hidden', 'veryHidden']).toContain(sheets.get(BID_SHEET)?.state);
    const bid = readBidWorkbook(bytes, 'bid.xlsx');
    expect(bid.total).toBe('740212.66');
    expect(bid.findings).toEqual([]);
  }, 120_000);
});

/** The same workbook without its bid package: what a bid built in another template looks like to review. */
async function editPart2(bytes: Buffer): Promise<Buffer> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  zip.file('xl/workbook.xml', wb.replace(new RegExp(`<sheet [^>]*name="${BID_SHEET}"[^>]*/>`), ''));
  return zip.generateAsync({ type: 'nodebuffer' });
}
