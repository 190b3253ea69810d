import { DistinctCells } from '../../guides/distinctCells';
import { type GuideAllowance, type GuideCell, type GuideVersion, guideVersionSchema } from '../../guides/schema';
import { ALLOWANCE_SHEET, GUIDE_SHEET, HELP_SHEET, INFO_LABELS, type InfoKey, bareHeader, isColumn, statedUnit } from '../guide/labels';
import { parseAmount, parseCoefficient, parseDate, parseStep } from '../../spec/printedNumbers';
import { type Grid, sheetGrid } from './sheetGrid';
import { GUIDE_LIMITS, NotXlsxError, XlsxFormatError, XlsxLimitError } from './xlsxGuard';
import { type XlsxSheet, readXlsxSheets } from './xlsxRows';

/**
 * Reads a pay guide from a workbook: the template guideWorkbook.ts writes, or a guide as officially
 * published — title rows above the header, merged header cells, steps as columns (一档 二档 …) under a
 * merged 薪酬标准 header, a unit stated as 元/月 or 元/年 (元/月 assumed when none is stated),
 * thousands separators, full-width digits, coefficient columns. Every problem names its cell
 * (`指导价!D7: …`, in Chinese); one problem anywhere and nothing is returned to be written.
 */
export interface ImportProblem {
  cell: string;
  message: string;
}

export type GuideImportResult =
  { ok: true; guide: { name: string; issuer: string; region: string }; version: GuideVersion; notices: string[] } | { ok: false; problems: ImportProblem[] };

type ValueColumn = { col: number; kind: 'amount' | 'coefficient'; step: number | null; unit: 'month' | 'year' | null } | { col: number; kind: 'step' | 'unit' };

interface TableHeader {
  grid: Grid;
  row: number;
  /** the last header row (row + 1 when a second header row names the steps) */
  lastRow: number;
  post: number;
  grade: number;
  columns: ValueColumn[];
}

const SEARCH_ROWS = 40;
const EMPTY_MARK = /^(|-|—|－|--|\/|无|空)$/;

function stepLabel(text: string, underStepParent: boolean): number | null {
  const bare = bareHeader(text);
  if (!bare) return null;
  if (!bare.includes('档') && !underStepParent) return null;
  return parseStep(bare);
}

function findTable(grid: Grid): TableHeader | null {
  for (let r = 1; r <= Math.min(grid.rows, SEARCH_ROWS); r++) {
    let post = 0;
    let grade = 0;
    for (let c = 1; c <= grid.cols; c++) {
      const t = grid.at(r, c).text;
      if (!post && isColumn(t, 'post')) post = c;
      else if (!grade && isColumn(t, 'grade')) grade = c;
    }
    if (!post || !grade) continue;

    // a second header row: its post cell is empty or the same merged text, and it names steps or kinds
    const below = (c: number) => grid.at(r + 1, c).text;
    const subCandidate = r + 1 <= grid.rows && (below(post) === '' || below(post) === grid.at(r, post).text);
    const classify = (withSub: boolean): ValueColumn[] => {
      const cols: ValueColumn[] = [];
      for (let c = 1; c <= grid.cols; c++) {
        if (c === post || c === grade) continue;
        const top = grid.at(r, c).text;
        const sub = withSub ? below(c) : '';
        const parent = sub && sub !== top ? top : '';
        const own = sub && sub !== top ? sub : top;
        const unit = statedUnit(top) ?? statedUnit(sub);
        const underStep = isColumn(parent, 'step');
        const step = stepLabel(own, underStep);
        const isCoefficient = isColumn(parent, 'coefficient') || isColumn(own, 'coefficient') || /系数/.test(parent);
        if (step !== null) cols.push({ col: c, kind: isCoefficient ? 'coefficient' : 'amount', step, unit });
        else if (isColumn(own, 'step')) cols.push({ col: c, kind: 'step' });
        else if (isColumn(own, 'coefficient')) cols.push({ col: c, kind: 'coefficient', step: null, unit: null });
        else if (isColumn(own, 'amount')) cols.push({ col: c, kind: 'amount', step: null, unit });
        else if (isColumn(own, 'unit')) cols.push({ col: c, kind: 'unit' });
      }
      return cols;
    };
    const withSub = subCandidate ? classify(true) : [];
    const subNamesSteps = withSub.some((c) => (c.kind === 'amount' || c.kind === 'coefficient') && c.step !== null && below(c.col) !== grid.at(r, c.col).text);
    if (subNamesSteps) return { grid, row: r, lastRow: r + 1, post, grade, columns: withSub };
    const columns = classify(false);
    if (columns.some((c) => c.kind === 'amount' || c.kind === 'coefficient')) return { grid, row: r, lastRow: r, post, grade, columns };
  }
  return null;
}

interface InfoValue {
  value: unknown;
  text: string;
  where: string;
}

/** label | value rows (or "label：value" in one cell) above the table; other texts are titles. */
function readInfo(grid: Grid, beforeRow: number): { info: Map<InfoKey, InfoValue>; titles: InfoValue[] } {
  const info = new Map<InfoKey, InfoValue>();
  const titles: InfoValue[] = [];
  const keyOf = (label: string): InfoKey | null => {
    const bare = label.replace(/[\s:：]+$/g, '').replace(/\s+/g, '');
    for (const key of Object.keys(INFO_LABELS) as InfoKey[]) if (INFO_LABELS[key].includes(bare)) return key;
    return null;
  };
  for (let r = 1; r < beforeRow; r++) {
    let seen = '';
    for (let c = 1; c <= grid.cols; c++) {
      const cell = grid.at(r, c);
      if (!cell.text || cell.text === seen) continue; // a merged title repeats across its cells
      seen = cell.text;
      const inline = /^([^:：]{1,12})[:：]\s*(.+)$/.exec(cell.text);
      const key = keyOf(cell.text) ?? (inline ? keyOf(inline[1]!) : null);
      if (key && !keyOf(cell.text) && inline) {
        if (!info.has(key)) info.set(key, { value: inline[2]!, text: inline[2]!.trim(), where: grid.where(r, c) });
        continue;
      }
      if (key) {
        let v = c + 1;
        while (v <= grid.cols && grid.at(r, v).text === '') v++;
        const valueCell = v <= grid.cols ? grid.at(r, v) : null;
        if (!info.has(key)) info.set(key, { value: valueCell?.value ?? null, text: valueCell?.text ?? '', where: grid.where(r, valueCell ? v : c + 1) });
        c = v; // the value is consumed
        seen = valueCell?.text ?? '';
        continue;
      }
      titles.push({ value: cell.value, text: cell.text, where: grid.where(r, c) });
    }
  }
  return { info, titles };
}

function readCells(t: TableHeader, unitOf: (row: number) => 'month' | 'year' | null, problems: ImportProblem[], notes: string[]): GuideCell[] {
  const { grid } = t;
  const cells: GuideCell[] = [];
  const distinct = new DistinctCells<string>();
  const valueCols = t.columns.filter((c): c is Extract<ValueColumn, { step: number | null }> => c.kind === 'amount' || c.kind === 'coefficient');
  const stepCol = t.columns.find((c) => c.kind === 'step')?.col;
  let lastPost = '';
  for (let r = t.lastRow + 1; r <= grid.rows; r++) {
    const texts = Array.from({ length: grid.cols }, (_, i) => grid.at(r, i + 1).text);
    if (texts.every((x) => x === '')) continue;
    if (texts.some((x) => isColumn(x, 'qualification'))) break; // the allowance table starts here
    const hasValues = valueCols.some((c) => !EMPTY_MARK.test(grid.at(r, c.col).text));
    const first = texts.find((x) => x !== '')!;
    if (!hasValues && /^(注|说明|备注|资料来源|来源|附注)/.test(first)) {
      notes.push(first);
      continue;
    }
    let post = grid.at(r, t.post).text;
    if (post === '') post = lastPost; // "same as above", as printed tables leave it blank
    if (post === '') {
      problems.push({ cell: grid.where(r, t.post), message: '缺少岗位' });
      continue;
    }
    lastPost = post;
    const grade = grid.at(r, t.grade).text;
    if (grade === '') {
      problems.push({ cell: grid.where(r, t.grade), message: '缺少等级' });
      continue;
    }
    unitOf(r);

    const add = (step: number, where: string, amount?: string, coefficient?: string) => {
      const first = distinct.earlier({ post, grade, step }, where);
      if (first !== undefined) {
        problems.push({ cell: where, message: `岗位/等级/档次“${post}/${grade}/${step}档”与 ${first} 重复` });
        return;
      }
      cells.push(amount !== undefined ? { post, grade, step, amount } : { post, grade, step, coefficient: coefficient! });
    };
    const parseInto = (col: number, kind: 'amount' | 'coefficient', step: number) => {
      const cell = grid.at(r, col);
      const parsed = kind === 'amount' ? parseAmount(cell.value, cell.text) : parseCoefficient(cell.value, cell.text);
      if (!parsed.ok) problems.push({ cell: grid.where(r, col), message: parsed.message });
      else if (kind === 'amount') add(step, grid.where(r, col), parsed.value);
      else add(step, grid.where(r, col), undefined, parsed.value);
    };

    const wide = valueCols.filter((c) => c.step !== null);
    if (wide.length) {
      let any = false;
      for (const c of wide) {
        if (EMPTY_MARK.test(grid.at(r, c.col).text)) continue;
        any = true;
        parseInto(c.col, c.kind, c.step!);
      }
      if (!any) problems.push({ cell: grid.where(r, wide[0]!.col), message: `“${post}/${grade}”没有任何档次的金额` });
      continue;
    }
    let step = 1;
    if (stepCol !== undefined && grid.at(r, stepCol).text !== '') {
      const s = parseStep(grid.at(r, stepCol).value) ?? parseStep(grid.at(r, stepCol).text);
      if (s === null) {
        problems.push({ cell: grid.where(r, stepCol), message: `档次“${grid.at(r, stepCol).text}”应为正整数，如 1、2 或“第二档”` });
        continue;
      }
      step = s;
    }
    const filled = valueCols.filter((c) => !EMPTY_MARK.test(grid.at(r, c.col).text));
    if (filled.length === 0) {
      problems.push({ cell: grid.where(r, valueCols[0]!.col), message: `“${post}/${grade}/${step}档”缺少金额或系数` });
    } else if (filled.length > 1) {
      problems.push({ cell: grid.where(r, filled[1]!.col), message: '金额与系数只能填一项' });
    } else parseInto(filled[0]!.col, filled[0]!.kind, step);
  }
  return cells;
}

function readAllowances(grids: Grid[], problems: ImportProblem[]): GuideAllowance[] {
  const out: GuideAllowance[] = [];
  for (const grid of grids) {
    for (let r = 1; r <= grid.rows; r++) {
      let q = 0;
      let amount = 0;
      let kind = 0;
      for (let c = 1; c <= grid.cols; c++) {
        const t = grid.at(r, c).text;
        if (!q && isColumn(t, 'qualification')) q = c;
        else if (!amount && isColumn(t, 'allowanceAmount')) amount = c;
        else if (!kind && isColumn(t, 'kind')) kind = c;
      }
      if (!q || !amount) continue;
      for (r = r + 1; r <= grid.rows; r++) {
        const name = grid.at(r, q).text;
        const amountCell = grid.at(r, amount);
        if (name === '' && amountCell.text === '') break; // the table ends at a blank row
        if (name === '') {
          problems.push({ cell: grid.where(r, q), message: '缺少持证等级' });
          continue;
        }
        const parsed = parseAmount(amountCell.value, amountCell.text);
        if (!parsed.ok) {
          problems.push({ cell: grid.where(r, amount), message: `持证津贴${parsed.message}` });
          continue;
        }
        const k = kind ? grid.at(r, kind).text : '';
        let allowanceKind: 'monthly' | 'oneOff' = 'monthly';
        if (/一次/.test(k)) allowanceKind = 'oneOff';
        else if (k !== '' && !/^(按月|每月|月|按月发放)$/.test(k)) {
          problems.push({ cell: grid.where(r, kind), message: `发放方式“${k}”应为“按月”或“一次性”` });
          continue;
        }
        out.push({ qualification: name, amount: parsed.value, kind: allowanceKind });
      }
    }
  }
  return out;
}

function fileStem(fileName: string): string {
  return fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]+$/, '')
    .trim();
}

/**
 * Reads the workbook within GUIDE_LIMITS (xlsxGuard.ts): a file beyond them, or not an xlsx, is one
 * problem naming the sheet and cell (or the file) and the limit.
 */
export async function parseGuideWorkbook(buffer: Buffer | Uint8Array, fileName = '指导价.xlsx'): Promise<GuideImportResult> {
  let sheets: XlsxSheet[];
  try {
    sheets = readXlsxSheets(buffer, GUIDE_LIMITS);
  } catch (e) {
    if (e instanceof NotXlsxError) return { ok: false, problems: [{ cell: fileName, message: '无法读取：不是有效的 Excel 工作簿（.xlsx）' }] };
    if (e instanceof XlsxLimitError) return { ok: false, problems: [{ cell: e.where || fileName, message: `无法导入：${e.message}` }] };
    if (e instanceof XlsxFormatError) return { ok: false, problems: [{ cell: e.where || fileName, message: `无法读取：${e.message}` }] };
    throw e;
  }
  const grids = sheets.filter((ws) => ws.name !== HELP_SHEET).map(sheetGrid);
  if (grids.length === 0) return { ok: false, problems: [{ cell: fileName, message: '工作簿中没有工作表' }] };
  const ordered = [...grids.filter((g) => g.sheet === GUIDE_SHEET), ...grids.filter((g) => g.sheet !== GUIDE_SHEET && g.sheet !== ALLOWANCE_SHEET)];
  let table: TableHeader | null = null;
  for (const g of ordered) if ((table = findTable(g))) break;
  if (!table) {
    return {
      ok: false,
      problems: [
        { cell: `${(ordered[0] ?? grids[0]!).sheet}!A1`, message: '未找到指导价表头：需要“岗位”“等级”两列，以及“金额”或“系数”列（或“一档”“二档”等档次列）' },
      ],
    };
  }

  const problems: ImportProblem[] = [];
  const notices: string[] = [];
  const notes: string[] = [];
  const { grid } = table;
  const { info, titles } = readInfo(grid, table.row);

  // 元/月 or 元/年: the detail row, the table header, a title line and each row's unit must agree
  const stated: { unit: 'month' | 'year'; where: string }[] = [];
  const infoUnit = info.get('unit');
  if (infoUnit && infoUnit.text !== '') {
    const u = statedUnit(infoUnit.text);
    if (!u) problems.push({ cell: infoUnit.where, message: `金额单位“${infoUnit.text}”应为“元/月”或“元/年”` });
    else stated.push({ unit: u, where: infoUnit.where });
  }
  for (const c of table.columns) {
    if ((c.kind === 'amount' || c.kind === 'coefficient') && c.unit) stated.push({ unit: c.unit, where: grid.where(table.row, c.col) });
  }
  for (const t of titles) {
    const u = statedUnit(t.text);
    if (u) stated.push({ unit: u, where: t.where });
  }
  const unitCol = table.columns.find((c) => c.kind === 'unit')?.col;
  const rowUnit = (r: number) => {
    if (unitCol === undefined) return null;
    const text = grid.at(r, unitCol).text;
    if (text === '') return null;
    const u = statedUnit(text);
    if (!u) problems.push({ cell: grid.where(r, unitCol), message: `单位“${text}”应为“元/月”或“元/年”` });
    else stated.push({ unit: u, where: grid.where(r, unitCol) });
    return u;
  };
  const cells = readCells(table, rowUnit, problems, notes);
  const unitText = { month: '元/月', year: '元/年' };
  const unit = stated[0]?.unit ?? 'month';
  for (const s of stated) {
    if (s.unit !== unit) {
      problems.push({ cell: s.where, message: `金额单位 ${unitText[s.unit]} 与 ${stated[0]!.where} 的 ${unitText[unit]} 不一致；同一版本只能有一种单位` });
      break;
    }
  }
  if (stated.length === 0) notices.push('未注明金额单位，按“元/月”处理');
  if (cells.length === 0 && !problems.length) problems.push({ cell: grid.where(table.lastRow + 1, table.post), message: '表头下没有任何指导价行' });

  const allowanceGrids = [...grids.filter((g) => g.sheet === ALLOWANCE_SHEET), ...grids.filter((g) => g.sheet !== ALLOWANCE_SHEET)];
  const allowances = readAllowances(allowanceGrids, problems);

  const text = (k: InfoKey) => info.get(k)?.text ?? '';
  const titleText = titles[0]?.text.replace(/[（(][^（()）]*版[）)]$/, '').trim();
  const name = text('name') || titleText || fileStem(fileName);

  let effectiveFrom: string | null = null;
  const fromInfo = info.get('effectiveFrom');
  if (fromInfo && fromInfo.text !== '') {
    effectiveFrom = parseDate(fromInfo.value) ?? parseDate(fromInfo.text);
    if (!effectiveFrom) problems.push({ cell: fromInfo.where, message: `生效日期“${fromInfo.text}”应为日期，如 2026-01-01` });
  } else {
    for (const t of titles) {
      if (/起|执行|施行|生效|实施/.test(t.text) && (effectiveFrom = parseDate(t.text))) break;
    }
    if (!effectiveFrom) {
      problems.push({ cell: `${grid.sheet}!A1`, message: '未找到生效日期：请在表头上方加一行“生效日期 | 2026-01-01”' });
    }
  }
  let effectiveTo: string | null = null;
  const toInfo = info.get('effectiveTo');
  if (toInfo && toInfo.text !== '') {
    effectiveTo = parseDate(toInfo.value) ?? parseDate(toInfo.text);
    if (!effectiveTo) problems.push({ cell: toInfo.where, message: `失效日期“${toInfo.text}”应为日期，如 2026-12-31` });
    else if (effectiveFrom && effectiveTo < effectiveFrom)
      problems.push({ cell: toInfo.where, message: `失效日期 ${effectiveTo} 早于生效日期 ${effectiveFrom}` });
  }

  let includes: 'gross' | 'employerCost' = 'gross';
  const inc = info.get('includes');
  if (inc && inc.text !== '') {
    if (/全部|用人成本|含单位|含五险一金|含社保/.test(inc.text)) includes = 'employerCost';
    else if (!/应发|工资|gross/i.test(inc.text)) {
      problems.push({ cell: inc.where, message: `金额口径“${inc.text}”应为“应发工资”或“单位全部用人成本”` });
    }
  }
  const referenceWage = text('referenceWage') || null;
  if (cells.some((c) => c.coefficient !== undefined) && !referenceWage) {
    problems.push({ cell: info.get('referenceWage')?.where ?? `${grid.sheet}!A1`, message: '有系数时须在“参考工资”一栏写明系数所乘的参考工资名称' });
  }
  if (problems.length) return { ok: false, problems };

  const candidate = {
    label: text('label') || `${effectiveFrom!.slice(0, 4)} 版`,
    effectiveFrom: effectiveFrom!,
    effectiveTo,
    documentNo: text('documentNo'),
    includes,
    unit,
    referenceWage,
    source: text('source'),
    notes: [text('notes'), ...notes].filter(Boolean).join('\n'),
    cells,
    allowances,
  };
  const checked = guideVersionSchema.safeParse(candidate);
  if (!checked.success) {
    return {
      ok: false,
      problems: checked.error.issues.map((i) => ({ cell: `${grid.sheet}!A1`, message: `${i.path.join('.')}: ${i.message}` })),
    };
  }
  return { ok: true, guide: { name, issuer: text('issuer'), region: text('region') }, version: checked.data, notices };
}
