import { PassThrough } from 'node:stream';
import ExcelJS, { type CellValue, type Worksheet } from 'exceljs';
import { type AreaPlan, type PlanTotals, communityPlanAt } from '../plan/areaPlan';
import { COMMUNITY_COLUMNS } from '../plan/community';
import type { PostMix } from '../plan/postMix';
import type { PricedMixLine, TeamPricer } from '../plan/pricing';
import type { ProjectionYear } from '../plan/projection';
import { type Decimal, fromFen, parseDecimal, toPlainString } from '../money/decimal';
import { COUNT_FORMAT, MONEY_FORMAT, SHARE_FORMAT, columnLetter, fitWidth, formula, num, text } from './cells';
import { sheetOptions } from './print';

/**
 * 区域规划工作簿 — written with ExcelJS's streaming writer (a 100,000-community plan must not sit in
 * memory as a cell tree). As in the budget workbook (DESIGN §7) every computed cell is a formula
 * over visible cells with the program's value cached:
 *  - 岗位结构: per post type 月薪 = 指导价 + 持证津贴, 缴费基数 = MIN(MAX(月薪, 下限), 上限),
 *    item_i = ROUND(基数 × 费率_i, 2 or 0), 每人每月单位缴费 = Σ item_i;
 *  - 社区测算: one row per community, 应发工资 = Σ_k ROUND(月薪_k × 人数_k × (月数 + 额外月数), 2)
 *    + ROUND(一次性津贴_k × 人数_k, 2), 单位缴费 = Σ_k ROUND(缴费_k × 人数_k × 月数, 2), levies
 *    = Σ_k Σ_j ROUND(应发_k × 费率_j, 2), 人员经费 = 应发 + 缴费 + levies — the core's order (staffCost.ts);
 *  - 街道汇总 / 区汇总: SUM over the street's contiguous rows (communities are written grouped by
 *    district and street, in the order each first appears in the list), so recalculation stays linear.
 * Quotas (min/chosen/max) and the certificate requirement are values: their arithmetic is in 参数 and
 * in the app; a spreadsheet's ROUNDUP on binary fractions could disagree (0.7 × 10).
 */
export const PLAN_SHEETS = { mix: '岗位结构', communities: '社区测算', streets: '街道汇总', districts: '区汇总', projection: '多年预测', params: '参数' } as const;

export interface PlanWorkbookInput {
  title: string;
  plan: AreaPlan;
  /** the pricing used; null when the plan counts posts only */
  pricing: { mix: PostMix; pricer: TeamPricer; guideName: string; contributionsName: string } | null;
  projection?: readonly ProjectionYear[] | null;
  /** the rule's parameters as label/value lines for the 参数 sheet */
  parameters: readonly [string, string][];
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const abs = (sheet: string, col: number, row: number) => `${q(sheet)}!$${columnLetter(col)}$${row}`;

async function toBytes(build: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } });
  wb.creator = 'Paybench';
  await build(wb);
  await wb.commit();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

function titleAndHeader(ws: Worksheet, title: string, headers: readonly string[]): void {
  const t = ws.getRow(1);
  t.getCell(1).value = text(title);
  t.getCell(1).font = { name: '宋体', size: 14, bold: true };
  t.commit();
  const h = ws.getRow(2);
  headers.forEach((label, i) => {
    const c = h.getCell(i + 1);
    c.value = label;
    c.font = { name: '宋体', size: 10, bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    c.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  });
  h.commit();
}

/**
 * Widths on the columns; the number formats go on each cell as one shared style object per
 * column: exceljs caches a style by object identity, whereas a column style is copied into every
 * cell and re-serialised (that alone made a 100,000-row plan take a minute).
 */
const styleCache = new Map<string, Partial<ExcelJS.Style>>();
function sharedStyle(numFmt: string | null): Partial<ExcelJS.Style> {
  const key = numFmt ?? '';
  let st = styleCache.get(key);
  if (!st) styleCache.set(key, (st = numFmt ? { numFmt, font: { name: '宋体', size: 10 } } : { font: { name: '宋体', size: 10 } }));
  return st;
}

function setColumns(ws: Worksheet, headers: readonly string[], formats: readonly (string | null)[], widths?: readonly number[]): Partial<ExcelJS.Style>[] {
  ws.columns = headers.map((h, i) => ({ width: widths?.[i] ?? fitWidth([h], 8, 16) }));
  return headers.map((_, i) => sharedStyle(formats[i] ?? null));
}

function writeValues(row: ExcelJS.Row, v: CellValue[], styles: readonly Partial<ExcelJS.Style>[]): void {
  row.values = v;
  for (let c = 1; c < v.length; c++) if (v[c] !== undefined && v[c] !== null) row.getCell(c).style = styles[c - 1] ?? sharedStyle(null);
}

const money = (fen: bigint) => fromFen(fen);
const count = (f: string, n: number): CellValue => ({ formula: f, result: n }) as CellValue;

interface MixLayout {
  firstRow: number;
  monthlyCol: number;
  oneOffCol: number;
  perMonthCol: number;
  monthsRef: string;
  bonusRef: string;
  levyRefs: string[];
}

/** 岗位结构: the priced post types and the contribution parameters they use. */
async function writeMixSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, input: NonNullable<PlanWorkbookInput['pricing']>): Promise<MixLayout> {
  const { mix, pricer } = input;
  const contributions = pricer.contributions;
  const items = contributions.items;
  const headers = ['类别', '岗位', '等级', '档次', '持证', '分配', '指导价月薪', '持证津贴', '月薪', '一次性津贴', '缴费基数', ...items.map((i) => `${i.name}（每人每月）`), '每人每月单位缴费'];
  const ws = wb.addWorksheet(PLAN_SHEETS.mix, sheetOptions({ headerRows: 2 }));
  const mixStyles = setColumns(ws, headers, ['', '', '', COUNT_FORMAT, '', '', MONEY_FORMAT, MONEY_FORMAT, MONEY_FORMAT, MONEY_FORMAT, MONEY_FORMAT, ...items.map(() => MONEY_FORMAT), MONEY_FORMAT], headers.map((h, i) => (i < 3 ? 14 : fitWidth([h], 10, 18))));
  titleAndHeader(ws, `岗位结构与单价（${input.guideName}；${input.contributionsName}）`, headers);
  const lines: readonly PricedMixLine[] = pricer.lines;
  const firstRow = 3;
  const paramsRow = firstRow + lines.length + 1; // a blank row, then the parameters
  const pRow = { months: paramsRow + 1, bonus: paramsRow + 2, floor: paramsRow + 3, ceiling: paramsRow + 4 };
  const rateRow0 = paramsRow + 5;
  const levyRow0 = rateRow0 + items.length;
  const B = (row: number) => `$B$${row}`;
  const employerCost = pricer.includes === 'employerCost';
  lines.forEach((l, k) => {
    const r = firstRow + k;
    const m = mix.lines[k]!;
    const line = pricer.line(k, 1); // one person: monthly, base and items per person-month
    const row = ws.getRow(r);
    row.getCell(1).value = text(l.label);
    row.getCell(2).value = text(l.post);
    row.getCell(3).value = text(l.grade);
    row.getCell(4).value = l.step;
    row.getCell(5).value = text(l.qualification ?? '');
    row.getCell(6).value = m.fixed !== undefined ? `每社区 ${m.fixed} 人` : `其余的 ${toPlainString(parseDecimal(m.share!))}`;
    row.getCell(7).value = num(l.guideMonthly);
    row.getCell(8).value = num(l.allowanceMonthly);
    row.getCell(9).value = formula(`G${r}+H${r}`, line.monthly);
    row.getCell(10).value = num(l.oneOffAllowance);
    row.getCell(11).value = formula(`MIN(MAX(I${r},${B(pRow.floor)}),${B(pRow.ceiling)})`, line.base);
    items.forEach((it, i) => {
      const places = it.round === 'yuan' ? 0 : 2;
      row.getCell(12 + i).value = employerCost ? 0 : formula(`ROUND(K${r}*${B(rateRow0 + i)},${places})`, line.itemsPerMonth[i]!);
    });
    const first = columnLetter(12);
    const last = columnLetter(11 + items.length);
    row.getCell(12 + items.length).value = items.length ? formula(`SUM(${first}${r}:${last}${r})`, line.contributionsPerMonth) : 0;
    for (let c = 1; c <= headers.length; c++) row.getCell(c).style = mixStyles[c - 1]!;
    row.commit();
  });
  const param = (r: number, label: string, value: number | string, fmt?: string) => {
    const row = ws.getRow(r);
    row.getCell(1).value = label;
    row.getCell(2).value = value;
    if (fmt) row.getCell(2).numFmt = fmt;
    row.commit();
  };
  param(paramsRow, '参数', employerCost ? '指导价金额已含单位缴费，不另计五险一金与工会经费' : '');
  param(pRow.months, '每年计薪月数', mix.months);
  param(pRow.bonus, '额外月数（年终奖等）', mix.bonusMonths);
  param(pRow.floor, '缴费基数下限', num(contributions.floor), MONEY_FORMAT);
  param(pRow.ceiling, '缴费基数上限', num(contributions.ceiling), MONEY_FORMAT);
  items.forEach((it, i) => param(rateRow0 + i, `${it.name}费率${it.round === 'yuan' ? '（取整到元）' : ''}`, num(it.rate), '0.00##%'));
  contributions.levies.forEach((l, j) => param(levyRow0 + j, `${l.name}费率`, num(l.rate), '0.00##%'));
  await ws.commit();
  return {
    firstRow,
    monthlyCol: 9,
    oneOffCol: 10,
    perMonthCol: 12 + items.length,
    monthsRef: abs(PLAN_SHEETS.mix, 2, pRow.months),
    bonusRef: abs(PLAN_SHEETS.mix, 2, pRow.bonus),
    levyRefs: employerCost ? [] : contributions.levies.map((_, j) => abs(PLAN_SHEETS.mix, 2, levyRow0 + j)),
  };
}

interface StreetBlock {
  totals: PlanTotals;
  /** community indexes */
  plans: number[];
}

/** districts in order of first appearance, each with its streets in order of first appearance */
function groupPlans(plan: AreaPlan): { district: PlanTotals; streets: StreetBlock[] }[] {
  const byDistrict = new Map<string, Map<string, number[]>>();
  plan.communities.forEach((c, i) => {
    let d = byDistrict.get(c.district);
    if (!d) byDistrict.set(c.district, (d = new Map()));
    let s = d.get(c.street);
    if (!s) d.set(c.street, (s = []));
    s.push(i);
  });
  const streetTotals = new Map(plan.streets.map((t) => [`${t.district}\u0000${t.street}`, t]));
  const districtTotals = new Map(plan.districts.map((t) => [t.district, t]));
  return [...byDistrict].map(([district, streets]) => ({
    district: districtTotals.get(district)!,
    streets: [...streets].map(([street, plans]) => ({ totals: streetTotals.get(`${district}\u0000${street}`)!, plans })),
  }));
}

// 社区测算 columns
const C = { index: 1, district: 2, street: 3, name: 4, households: 5, residents: 6, elderly: 7, urbanRural: 8, min: 9, chosen: 10, max: 11, current: 12, gap: 13, certified: 14, certRequired: 15, certGap: 16 } as const;

export async function writePlanWorkbook(input: PlanWorkbookInput): Promise<Uint8Array> {
  const { plan, pricing } = input;
  const mixLabels = pricing ? pricing.pricer.lines.map((l) => l.label) : [];
  const countCol0 = C.certGap + 1;
  const grossCol = countCol0 + mixLabels.length;
  const contribCol = grossCol + 1;
  const levyCol = grossCol + 2;
  const labourCol = grossCol + 3;
  const groups = groupPlans(plan);

  return toBytes(async (wb) => {
    const mix = pricing ? await writeMixSheet(wb, pricing) : null;

    // 社区测算
    const headers = [
      '序号', '区', '街道', '社区名称', '户数', '常住人口', '老年人口占比', '城乡', '员额下限', '员额取值', '员额上限', '现有人数', '缺口（取值−现有）',
      '持证人数', '应持证人数', '持证缺口',
      ...mixLabels.map((l) => `${l}人数`),
      ...(pricing ? ['应发工资', '单位缴费', '工会经费等', '人员经费'] : []),
    ];
    const formats = [COUNT_FORMAT, null, null, null, '#,##0', '#,##0', SHARE_FORMAT, null, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT, ...mixLabels.map(() => COUNT_FORMAT), ...(pricing ? [MONEY_FORMAT, MONEY_FORMAT, MONEY_FORMAT, MONEY_FORMAT] : [])];
    const ws = wb.addWorksheet(PLAN_SHEETS.communities, sheetOptions({ headerRows: 2, frozenColumns: 4 }));
    const cStyles = setColumns(ws, headers, formats, headers.map((h, i) => (i >= 1 && i <= 3 ? 16 : i >= grossCol - 1 ? 15 : fitWidth([h], 8, 14))));
    titleAndHeader(ws, `${input.title} — 社区员额与人员经费测算（${plan.rule.name}，${plan.rule.version}）`, headers);

    // per-line expressions for the money formulas of row r
    const grossK = (k: number, r: number) => {
      const m = mix!;
      const mr = m.firstRow + k;
      const cnt = `${columnLetter(countCol0 + k)}${r}`;
      return `ROUND(${abs(PLAN_SHEETS.mix, m.monthlyCol, mr)}*${cnt}*(${m.monthsRef}+${m.bonusRef}),2)+ROUND(${abs(PLAN_SHEETS.mix, m.oneOffCol, mr)}*${cnt},2)`;
    };
    const contribK = (k: number, r: number) => `ROUND(${abs(PLAN_SHEETS.mix, mix!.perMonthCol, mix!.firstRow + k)}*${columnLetter(countCol0 + k)}${r}*${mix!.monthsRef},2)`;

    // Every community row has the same formulas shifted by its row: written once as a shared
    // formula in row 3 (<f t="shared" ref=…>) and referenced by the rows below, which keeps a
    // 100,000-row sheet small and quick to write and to recalculate.
    const firstRow = 3;
    const lastRow = firstRow + plan.communities.length - 1;
    const shared = (col: number, text: () => string, value: number | Decimal): CellValue => {
      const result = typeof value === 'number' ? value : num(value);
      const L = columnLetter(col);
      return (r === firstRow ? { formula: text(), result, shareType: 'shared', ref: `${L}${firstRow}:${L}${lastRow}` } : { sharedFormula: `${L}${firstRow}`, result }) as CellValue;
    };
    let r = firstRow;
    let index = 0;
    const streetRanges: { totals: PlanTotals; from: number; to: number }[] = [];
    const districtRanges: { totals: PlanTotals; first: number; last: number }[] = [];
    for (const g of groups) {
      const firstStreet = streetRanges.length;
      for (const s of g.streets) {
        const from = r;
        for (const ci of s.plans) {
          const p = communityPlanAt(plan, ci);
          const c = p.community;
          const qt = p.quota;
          const row = ws.getRow(r);
          const v: CellValue[] = [];
          v[C.index] = ++index;
          v[C.district] = text(c.district);
          v[C.street] = text(c.street);
          v[C.name] = text(c.name);
          v[C.households] = c.households;
          v[C.residents] = c.residents;
          v[C.elderly] = c.elderlyShare === null ? null : Number(c.elderlyShare);
          v[C.urbanRural] = c.urbanRural === 'urban' ? '城市' : '农村';
          v[C.min] = qt.min;
          v[C.chosen] = qt.chosen;
          v[C.max] = qt.max;
          v[C.current] = c.currentStaff;
          v[C.gap] = shared(C.gap, () => `J${r}-L${r}`, qt.staffGap);
          v[C.certified] = c.certifiedStaff;
          v[C.certRequired] = qt.certifiedRequired;
          v[C.certGap] = shared(C.certGap, () => `MAX(0,O${r}-N${r})`, qt.certificateGap);
          if (pricing && p.cost) {
            const cost = p.cost;
            mixLabels.forEach((_, k) => (v[countCol0 + k] = cost.counts[k] ?? 0));
            const ks = mixLabels.map((_, k) => k);
            v[grossCol] = shared(grossCol, () => ks.map((k) => grossK(k, r)).join('+'), money(cost.gross));
            v[contribCol] = shared(contribCol, () => ks.map((k) => contribK(k, r)).join('+'), money(cost.contributions));
            v[levyCol] = mix!.levyRefs.length
              ? shared(levyCol, () => ks.flatMap((k) => mix!.levyRefs.map((ref) => `ROUND((${grossK(k, r)})*${ref},2)`)).join('+'), money(cost.levies))
              : 0;
            v[labourCol] = shared(labourCol, () => `${columnLetter(grossCol)}${r}+${columnLetter(contribCol)}${r}+${columnLetter(levyCol)}${r}`, money(cost.labour));
          }
          writeValues(row, v, cStyles);
          row.commit();
          r++;
        }
        streetRanges.push({ totals: s.totals, from, to: r - 1 });
      }
      districtRanges.push({ totals: g.district, first: firstStreet, last: streetRanges.length - 1 });
    }
    const lastCommunityRow = r - 1;
    await ws.commit();

    // 街道汇总 and 区汇总: the same columns, sums over contiguous ranges
    const sumCols: { label: string; src: number; value: (t: PlanTotals) => number | Decimal; fmt: string }[] = [
      { label: '户数', src: C.households, value: (t) => t.households, fmt: '#,##0' },
      { label: '员额下限', src: C.min, value: (t) => t.min, fmt: COUNT_FORMAT },
      { label: '员额取值', src: C.chosen, value: (t) => t.chosen, fmt: COUNT_FORMAT },
      { label: '员额上限', src: C.max, value: (t) => t.max ?? 0, fmt: COUNT_FORMAT },
      { label: '现有人数', src: C.current, value: (t) => t.currentStaff, fmt: COUNT_FORMAT },
      { label: '持证人数', src: C.certified, value: (t) => t.certifiedStaff, fmt: COUNT_FORMAT },
      { label: '应持证人数', src: C.certRequired, value: (t) => t.certifiedRequired, fmt: COUNT_FORMAT },
      { label: '持证缺口', src: C.certGap, value: (t) => t.certificateGap, fmt: COUNT_FORMAT },
      ...(pricing
        ? [
            { label: '应发工资', src: grossCol, value: (t: PlanTotals) => money(t.gross), fmt: MONEY_FORMAT },
            { label: '单位缴费', src: contribCol, value: (t: PlanTotals) => money(t.contributions), fmt: MONEY_FORMAT },
            { label: '工会经费等', src: levyCol, value: (t: PlanTotals) => money(t.levies), fmt: MONEY_FORMAT },
            { label: '人员经费', src: labourCol, value: (t: PlanTotals) => money(t.labour), fmt: MONEY_FORMAT },
          ]
        : []),
    ];
    const cached = (f: string, v: number | Decimal): CellValue => (typeof v === 'number' ? count(f, v) : formula(f, v));
    // 街道汇总: 区 街道 社区数 待补员 超员额 + sums
    const sHeaders = ['区', '街道', '社区数', '待补人数', '超出员额', ...sumCols.map((s) => s.label)];
    const sFormats = [null, null, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT, ...sumCols.map((s) => s.fmt)];
    const sws = wb.addWorksheet(PLAN_SHEETS.streets, sheetOptions({ headerRows: 2, frozenColumns: 2 }));
    const sStyles = setColumns(sws, sHeaders, sFormats, sHeaders.map((h, i) => (i < 2 ? 16 : fitWidth([h], 10, 16))));
    titleAndHeader(sws, `${input.title} — 街道汇总`, sHeaders);
    const src = (col: number, from: number, to: number) => `${q(PLAN_SHEETS.communities)}!${columnLetter(col)}${from}:${columnLetter(col)}${to}`;
    streetRanges.forEach((s, i) => {
      const row = sws.getRow(3 + i);
      const t = s.totals;
      const v: CellValue[] = [];
      v[1] = text(t.district);
      v[2] = text(t.street ?? '');
      v[3] = count(`ROWS(${src(C.index, s.from, s.to)})`, t.communities);
      v[4] = count(`SUMIF(${src(C.gap, s.from, s.to)},">0")`, t.toRecruit);
      v[5] = count(`-SUMIF(${src(C.gap, s.from, s.to)},"<0")`, t.overQuota);
      sumCols.forEach((c, j) => (v[6 + j] = cached(`SUM(${src(c.src, s.from, s.to)})`, c.value(t))));
      writeValues(row, v, sStyles);
      row.commit();
    });
    await sws.commit();

    const dHeaders = ['区', '街道数', '社区数', '待补人数', '超出员额', ...sumCols.map((s) => s.label)];
    const dws = wb.addWorksheet(PLAN_SHEETS.districts, sheetOptions({ headerRows: 2, frozenColumns: 1 }));
    const dStyles = setColumns(dws, dHeaders, [null, COUNT_FORMAT, ...sFormats.slice(2)], dHeaders.map((h, i) => (i < 1 ? 16 : fitWidth([h], 10, 16))));
    titleAndHeader(dws, `${input.title} — 区汇总`, dHeaders);
    const sref = (col: number, from: number, to: number) => `${q(PLAN_SHEETS.streets)}!${columnLetter(col)}${from}:${columnLetter(col)}${to}`;
    districtRanges.forEach((d, i) => {
      const row = dws.getRow(3 + i);
      const t = d.totals;
      const from = 3 + d.first;
      const to = 3 + d.last;
      const v: CellValue[] = [];
      v[1] = text(t.district);
      v[2] = count(`ROWS(${sref(1, from, to)})`, d.last - d.first + 1);
      v[3] = count(`SUM(${sref(3, from, to)})`, t.communities);
      v[4] = count(`SUM(${sref(4, from, to)})`, t.toRecruit);
      v[5] = count(`SUM(${sref(5, from, to)})`, t.overQuota);
      sumCols.forEach((c, j) => (v[6 + j] = cached(`SUM(${sref(6 + j, from, to)})`, c.value(t))));
      writeValues(row, v, dStyles);
      row.commit();
    });
    const totalRow = 3 + districtRanges.length;
    const tr = dws.getRow(totalRow);
    const tv: CellValue[] = [];
    const t = plan.totals;
    tv[1] = '合计';
    tv[2] = count(`SUM(B3:B${totalRow - 1})`, streetRanges.length);
    tv[3] = count(`SUM(C3:C${totalRow - 1})`, t.communities);
    tv[4] = count(`SUM(D3:D${totalRow - 1})`, t.toRecruit);
    tv[5] = count(`SUM(E3:E${totalRow - 1})`, t.overQuota);
    sumCols.forEach((c, j) => {
      const L = columnLetter(6 + j);
      tv[6 + j] = cached(`SUM(${L}3:${L}${totalRow - 1})`, c.value(t));
    });
    writeValues(tr, tv, dStyles);
    tr.commit();
    await dws.commit();

    if (input.projection && input.projection.length) await writeProjectionSheet(wb, input.title, input.projection);
    await writeParamsSheet(wb, input, lastCommunityRow);
  });
}

async function writeProjectionSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, title: string, years: readonly ProjectionYear[]): Promise<void> {
  const labels = years[0]!.monthly.map((m) => m.label);
  const headers = ['年度', '人数', ...labels.flatMap((l) => [`${l}档次`, `${l}指导价月薪`]), '应发工资', '单位缴费', '工会经费等', '人员经费'];
  const ws = wb.addWorksheet(PLAN_SHEETS.projection, sheetOptions({ headerRows: 2, frozenColumns: 1 }));
  const pStyles = setColumns(ws, headers, ['0', COUNT_FORMAT, ...labels.flatMap(() => [COUNT_FORMAT, MONEY_FORMAT]), MONEY_FORMAT, MONEY_FORMAT, MONEY_FORMAT, MONEY_FORMAT], headers.map((h) => fitWidth([h], 10, 18)));
  titleAndHeader(ws, `${title} — 多年预测（指导价逐年调整并四舍五入到分）`, headers);
  const g = 3 + labels.length * 2;
  years.forEach((y, i) => {
    const r = 3 + i;
    const row = ws.getRow(r);
    const v: CellValue[] = [];
    v[1] = y.year;
    v[2] = y.headcount;
    y.monthly.forEach((m, k) => {
      v[3 + 2 * k] = m.step;
      v[4 + 2 * k] = Number(m.monthly);
    });
    v[g] = num(fromFen(y.cost.gross));
    v[g + 1] = num(fromFen(y.cost.contributions));
    v[g + 2] = num(fromFen(y.cost.levies));
    v[g + 3] = formula(`${columnLetter(g)}${r}+${columnLetter(g + 1)}${r}+${columnLetter(g + 2)}${r}`, fromFen(y.cost.labour));
    writeValues(row, v, pStyles);
    row.commit();
  });
  await ws.commit();
}

async function writeParamsSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, input: PlanWorkbookInput, lastCommunityRow: number): Promise<void> {
  const ws = wb.addWorksheet(PLAN_SHEETS.params, sheetOptions({ headerRows: 2, portrait: true }));
  ws.columns = [{ width: 28 }, { width: 70 }];
  titleAndHeader(ws, `${input.title} — 参数`, ['项目', '内容']);
  const rows: [string, string][] = [
    ['配备规则', `${input.plan.rule.name}（${input.plan.rule.version}，${input.plan.rule.effectiveFrom} 起）${input.plan.rule.sample ? '（含示例参数）' : ''}`],
    ['取值点', String(input.plan.point)],
    ...input.parameters,
    ['社区数', String(input.plan.communities.length)],
    ['社区测算数据行', `第 3 行至第 ${lastCommunityRow} 行`],
    ...(input.pricing ? ([['指导价', input.pricing.guideName], ['五险一金参数', input.pricing.contributionsName]] as [string, string][]) : []),
    ['应持证人数', '= ceil(持证率 × 现有人数)，持证率按城乡取规则参数'],
  ];
  rows.forEach(([k, v], i) => {
    const row = ws.getRow(3 + i);
    row.getCell(1).value = text(k);
    row.getCell(2).value = text(v);
    row.commit();
  });
  await ws.commit();
}

/** The empty community template: the header row in Chinese, and a sheet explaining each column. */
export async function writeCommunityTemplate(): Promise<Uint8Array> {
  return toBytes(async (wb) => {
    const ws = wb.addWorksheet('社区名单');
    ws.columns = COMMUNITY_COLUMNS.map((c) => ({ width: fitWidth([c.zh], 12, 20) }));
    const h = ws.getRow(1);
    COMMUNITY_COLUMNS.forEach((c, i) => {
      h.getCell(i + 1).value = c.zh;
      h.getCell(i + 1).font = { name: '宋体', size: 10, bold: true };
    });
    h.commit();
    await ws.commit();
    const help = wb.addWorksheet('填写说明');
    help.columns = [{ width: 16 }, { width: 18 }, { width: 8 }, { width: 50 }];
    help.addRow(['列（中文表头）', '英文表头', '必填', '填写要求']).commit();
    for (const c of COMMUNITY_COLUMNS) help.addRow([c.zh, c.en, c.required ? '是' : '否', c.help]).commit();
    help.addRow([]).commit();
    help.addRow(['说明', '', '', '表头可用中文或英文，列的顺序不限，多余的列忽略；一行有误则整表不导入，错误按“第 N 行 列名（X 列）”列出。']).commit();
    await help.commit();
  });
}

