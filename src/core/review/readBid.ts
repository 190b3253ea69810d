import type { Check } from '../budget/checks';
import { computeBudget } from '../budget/compute';
import { budgetModelFromSpec } from '../budget/fromSpec';
import { BID_FORMAT, BID_SHEET, type BidKey, PROGRAM_VERSION } from '../excel/budget/bidPackageSheet';
import { STAFF, SUMMARY } from '../excel/budget/sheetNames';
import { optionalColumns, STAFF_FIRST_ROW, staffColumns } from '../excel/budget/staffSheet';
import { SUMMARY_VALUE_COL, type SummaryKey, summaryRows } from '../excel/budget/summarySheet';
import { cellAddress } from '../excel/cells';
import { XlsxFormatError } from '../excel/readers/xlsxGuard';
import { type BudgetSpec, parseBudgetSpecText } from '../spec/budgetSpec';
import { ValidationError } from '../spec/fields';
import { toFixed } from '../money/decimal';
import { sha256Hex } from './canonicalJson';
import { expectedCells, staffLineRows } from './expectedCells';
import type { Finding } from './findings';
import type { PricedBid } from './official';
import { integrityFindings } from './integrity';
import { type ReviewSheet, readReviewCells } from './workbookCells';

/**
 * Reading one submitted bid workbook (docs/design.md §Excel workbooks, "Review"): its bid package (the very hidden
 * sheet), the spec's hash checked, the spec recomputed by the one budget chain (src/core/budget/pipeline.ts), every
 * figure the sheets show compared with the recomputation, and the budget's own checks. What needs the store — the
 * official guide and contribution set — is compared afterwards (official.ts). Runs inside the file worker.
 */
export type BidPackageInfo = Record<Exclude<BidKey, 'specLength' | 'specParts'>, string>;

export interface BidReading {
  file: string;
  package: BidPackageInfo;
  /** the embedded spec, when it is a valid one */
  spec: BudgetSpec | null;
  name: string;
  /** 预算总额 of the recomputation, 2 decimals; null when the spec could not be priced */
  total: string | null;
  /** integrity findings and the budget's own checks */
  findings: Finding[];
}

/** A file review cannot read as a bid: not an xlsx, or a workbook without a bid package. The message names the file. */
export class BidFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BidFileError';
  }
}

const HOW_TO_BRING_IN =
  '其他模板的预算请把人员表（岗位/等级/档次/持证/人数/月数/月薪）和费用表导入一个项目（项目预算 → 从表格导入，可预览并对应各列），再从该项目导出预算工作簿后审核 / import its staff and cost tables into a project, then export and review that workbook';

function packageOf(sheet: ReviewSheet): { info: Map<string, string>; parts: string[] } {
  const byRow = new Map<number, [string, string]>();
  for (const [ref, cell] of sheet.cells) {
    const m = /^([AB])(\d+)$/.exec(ref);
    if (!m) continue;
    const row = Number(m[2]);
    const entry = byRow.get(row) ?? ['', ''];
    entry[m[1] === 'A' ? 0 : 1] = String(cell.value);
    byRow.set(row, entry);
  }
  const info = new Map<string, string>();
  const parts: string[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const [key, value] = byRow.get(row)!;
    if (key === 'spec') parts.push(value);
    else if (key && !info.has(key)) info.set(key, value);
  }
  return { info, parts };
}

const finding = (f: Omit<Finding, 'sheet' | 'cell'> & Partial<Pick<Finding, 'sheet' | 'cell'>>): Finding => ({ sheet: null, cell: null, ...f });

/** The budget's own checks as findings, placed at the figure each speaks of. */
export function checkFindings(priced: PricedBid): Finding[] {
  const { result } = priced;
  const rows = summaryRows(result.model);
  const cols = staffColumns(result.model.contributions.items.length, result.model.contributions.levies.length, optionalColumns(result));
  const summaryCell = (key: SummaryKey) => {
    const r = rows.get(key);
    return r === undefined ? {} : { sheet: SUMMARY, cell: cellAddress(SUMMARY_VALUE_COL, r) };
  };
  const lineRows = staffLineRows(result);
  const place = (c: Check) => {
    if (c.code === 'LABOUR_SHARE_BELOW_MIN') return summaryCell('labourShare');
    if (c.code === 'MANAGEMENT_FEE_ABOVE_CAP') return summaryCell('managementShare');
    if (c.code === 'POSTS_OUTSIDE_RANGE') return summaryCell('headcount');
    if (c.line !== undefined)
      return { sheet: STAFF, cell: cellAddress(c.code.startsWith('BASE_') ? cols.base : cols.monthly, lineRows[c.line] ?? STAFF_FIRST_ROW) };
    return {};
  };
  return result.checks.map((c) => {
    const params = c.params as Record<string, unknown>;
    const pick = (...keys: string[]) => {
      for (const k of keys) if (typeof params[k] === 'string') return params[k];
      return null;
    };
    return finding({
      code: `CHECK_${c.code}`,
      severity: c.level,
      message: c.message,
      expected: pick('minLabourShare', 'maxManagementShare', 'entitledMonthly', 'limit', 'floor', 'ceiling'),
      found: pick('labourShare', 'managementShare', 'monthly', 'headcount', 'base'),
      ...place(c),
    });
  });
}

export function readBidWorkbook(bytes: Uint8Array, fileName: string): BidReading {
  let sheets: Map<string, ReviewSheet>;
  try {
    sheets = readReviewCells(bytes);
  } catch (e) {
    if (e instanceof XlsxFormatError) throw new BidFileError(`无法读取“${fileName}”：${e.message}`);
    throw e;
  }
  const bid = sheets.get(BID_SHEET);
  if (!bid) {
    throw new BidFileError(
      `“${fileName}”不是 Paybench 导出的预算工作簿：缺少隐藏的投标数据包工作表“${BID_SHEET}”（内含预算数据及其 SHA-256 校验值），无法按原数据重算核对。${HOW_TO_BRING_IN}`,
    );
  }
  const { info, parts } = packageOf(bid);
  if (info.get('format') !== BID_FORMAT) {
    throw new BidFileError(
      `“${fileName}”的投标数据包格式为“${info.get('format') ?? '（无）'}”，本程序读取 ${BID_FORMAT}：请用本程序重新导出。${HOW_TO_BRING_IN}`,
    );
  }
  const get = (k: keyof BidPackageInfo) => info.get(k) ?? '';
  const pkg: BidPackageInfo = {
    format: get('format'),
    programVersion: get('programVersion'),
    projectName: get('projectName'),
    guideName: get('guideName'),
    guideVersion: get('guideVersion'),
    documentNo: get('documentNo'),
    effectiveFrom: get('effectiveFrom'),
    contributionsName: get('contributionsName'),
    preparedBy: get('preparedBy'),
    date: get('date'),
    specSha256: get('specSha256'),
  };
  const findings: Finding[] = [];
  const specText = parts.join('');
  const hash = sha256Hex(specText);
  if (hash !== pkg.specSha256.toLowerCase()) {
    findings.push(
      finding({
        code: 'SPEC_HASH_MISMATCH',
        severity: 'error',
        sheet: BID_SHEET,
        message: `投标数据包中预算数据的 SHA-256 与记录的校验值不符：预算数据在导出后被改动过 / the spec's hash does not match`,
        expected: pkg.specSha256,
        found: hash,
      }),
    );
  }
  if (pkg.programVersion !== PROGRAM_VERSION) {
    findings.push(
      finding({
        code: 'OTHER_PROGRAM_VERSION',
        severity: 'info',
        sheet: BID_SHEET,
        message: `工作簿由 Paybench ${pkg.programVersion || '（未知版本）'} 导出，审核程序为 ${PROGRAM_VERSION}：若版式不同，个别单元格位置可能不符 / written by another program version`,
        expected: PROGRAM_VERSION,
        found: pkg.programVersion,
      }),
    );
  }

  let spec: BudgetSpec | null = null;
  let priced: PricedBid | null = null;
  try {
    spec = parseBudgetSpecText(specText);
    if ('ref' in spec.payGuide)
      throw new ValidationError([{ path: 'payGuide', message: '投标数据包中的指导价必须是完整的指导价，不能是引用 / must be inline' }]);
    // the exact result is all review needs: no JSON (docs/design.md §Budget arithmetic)
    priced = { spec, result: computeBudget(budgetModelFromSpec(spec)) };
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    findings.push(
      finding({
        code: 'SPEC_INVALID',
        severity: 'error',
        sheet: BID_SHEET,
        message: `投标数据包中的预算数据无效，无法重算：${e.problems
          .slice(0, 5)
          .map((p) => `${p.path}: ${p.message}`)
          .join('；')} / the embedded spec is invalid`,
        expected: null,
        found: null,
      }),
    );
  }
  if (priced) {
    findings.push(...integrityFindings(expectedCells(priced.result, priced.spec), sheets));
    findings.push(...checkFindings(priced));
  }
  return {
    file: fileName,
    package: pkg,
    spec: priced ? priced.spec : null,
    name: spec?.name ?? pkg.projectName,
    total: priced ? toFixed(priced.result.totals.total, 2) : null,
    findings,
  };
}
