import type ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import type { Decimal } from '../../money/decimal';
import { type AreaPlan, type PlanTotals, communityPlanAt } from '../../plan/areaPlan';
import type { Community } from '../../plan/community';
import { COUNT_FORMAT, ColumnWidths, MONEY_FORMAT, SHARE_FORMAT, columnLetter, num, sheetRef, text } from '../cells';
import { printAcross, sheetOptions } from '../print';
import type { PlanWorkbookInput } from './input';
import type { MixLayout } from './mixSheet';
import { money, setColumns, titleAndHeader, writeValues } from './rows';
import { PLAN_SHEETS } from './sheetNames';

/**
 * 社区测算: one row per community, written grouped by district and street (each in the order it
 * first appears in the list) so that a street's communities are contiguous rows and the summaries
 * can SUM a range. Quotas (min/chosen/max) and the certificate requirement are values: their
 * arithmetic is in 参数 and in the app, since a spreadsheet's ROUNDUP on binary fractions could
 * disagree (0.7 × 10). The money follows the core's order (staffCost.ts):
 *   应发工资 = Σ_k ROUND(月薪_k × 人数_k × (月数 + 额外月数), 2) + ROUND(一次性津贴_k × 人数_k, 2),
 *   单位缴费 = Σ_k ROUND(缴费_k × 人数_k × 月数, 2), levies = Σ_k Σ_j ROUND(应发_k × 费率_j, 2),
 *   人员经费 = 应发 + 缴费 + levies.
 */
export const C = {
  index: 1,
  district: 2,
  street: 3,
  name: 4,
  households: 5,
  residents: 6,
  elderly: 7,
  urbanRural: 8,
  min: 9,
  chosen: 10,
  max: 11,
  current: 12,
  gap: 13,
  certified: 14,
  certRequired: 15,
  certGap: 16,
} as const;

/** The priced columns after the fixed ones: one head count per post type, then the four money columns. */
export interface CommunityColumns {
  mixLabels: string[];
  countCol0: number;
  grossCol: number;
  contribCol: number;
  levyCol: number;
  labourCol: number;
}

export function communityColumns(input: PlanWorkbookInput): CommunityColumns {
  const mixLabels = input.pricing ? input.pricing.pricer.lines.map((l) => l.label) : [];
  const countCol0 = C.certGap + 1;
  const grossCol = countCol0 + mixLabels.length;
  return { mixLabels, countCol0, grossCol, contribCol: grossCol + 1, levyCol: grossCol + 2, labourCol: grossCol + 3 };
}

/** A street's communities: the rows from..to of 社区测算. */
export interface StreetRange {
  totals: PlanTotals;
  from: number;
  to: number;
}

/** A district's streets: the street ranges first..last (indexes into the street list). */
export interface DistrictRange {
  totals: PlanTotals;
  first: number;
  last: number;
}

export interface CommunityRows {
  streets: StreetRange[];
  districts: DistrictRange[];
  lastRow: number;
}

/** A column of 社区测算 that the street and district summaries add up, with the program's total. */
export interface SummedColumn {
  label: string;
  src: number;
  value: (t: PlanTotals) => number | Decimal;
  fmt: string;
}

export function summedColumns(cols: CommunityColumns, priced: boolean): SummedColumn[] {
  return [
    { label: '户数', src: C.households, value: (t) => t.households, fmt: '#,##0' },
    { label: '员额下限', src: C.min, value: (t) => t.min, fmt: COUNT_FORMAT },
    { label: '员额取值', src: C.chosen, value: (t) => t.chosen, fmt: COUNT_FORMAT },
    { label: '员额上限', src: C.max, value: (t) => t.max ?? 0, fmt: COUNT_FORMAT },
    { label: '现有人数', src: C.current, value: (t) => t.currentStaff, fmt: COUNT_FORMAT },
    { label: '持证人数', src: C.certified, value: (t) => t.certifiedStaff, fmt: COUNT_FORMAT },
    { label: '应持证人数', src: C.certRequired, value: (t) => t.certifiedRequired, fmt: COUNT_FORMAT },
    { label: '持证缺口', src: C.certGap, value: (t) => t.certificateGap, fmt: COUNT_FORMAT },
    ...(priced
      ? [
          { label: '应发工资', src: cols.grossCol, value: (t: PlanTotals) => money(t.gross), fmt: MONEY_FORMAT },
          { label: '单位缴费', src: cols.contribCol, value: (t: PlanTotals) => money(t.contributions), fmt: MONEY_FORMAT },
          { label: '工会经费等', src: cols.levyCol, value: (t: PlanTotals) => money(t.levies), fmt: MONEY_FORMAT },
          { label: '人员经费', src: cols.labourCol, value: (t: PlanTotals) => money(t.labour), fmt: MONEY_FORMAT },
        ]
      : []),
  ];
}

/** districts in order of first appearance, each with its streets in order of first appearance */
function groupPlans(plan: AreaPlan): { district: PlanTotals; streets: { totals: PlanTotals; plans: number[] }[] }[] {
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

/**
 * Widths from every community's values (numbers by their extremes) and, when priced, from the cost
 * of every team size in the plan: a community's cost is its team's, so those are all the amounts.
 */
function communityWidths(input: PlanWorkbookInput, cols: CommunityColumns, headers: readonly string[], formats: readonly (string | null)[]): number[] {
  const { plan } = input;
  const q = plan.quotas;
  const fit = new ColumnWidths(formats).header(headers);
  const sizes = new Set<number>();
  let previous: Community | null = null;
  plan.communities.forEach((c, i) => {
    // a street's communities mostly come one after another: its name and its district's are measured once a run
    if (previous?.street !== c.street || previous.district !== c.district) fit.cell(C.district, c.district).cell(C.street, c.street);
    previous = c;
    fit.cell(C.name, c.name);
    fit.cell(C.households, c.households).cell(C.residents, c.residents).cell(C.current, c.currentStaff).cell(C.certified, c.certifiedStaff);
    if (c.elderlyShare !== null) fit.cell(C.elderly, Number(c.elderlyShare));
    const chosen = q.chosen[i]!;
    fit
      .cell(C.min, q.min[i])
      .cell(C.chosen, chosen)
      .cell(C.max, q.max[i]! < 0 ? null : q.max[i])
      .cell(C.gap, chosen - c.currentStaff);
    fit.cell(C.certRequired, q.certifiedRequired[i]).cell(C.certGap, Math.max(0, q.certifiedRequired[i]! - c.certifiedStaff));
    sizes.add(chosen);
  });
  fit.cell(C.index, plan.communities.length).cell(C.urbanRural, '城市');
  if (plan.pricer) {
    for (const size of sizes) {
      const cost = plan.pricer.cost(size);
      cost.counts.forEach((n, k) => fit.cell(cols.countCol0 + k, n));
      fit.cell(cols.grossCol, money(cost.gross)).cell(cols.contribCol, money(cost.contributions));
      fit.cell(cols.levyCol, money(cost.levies)).cell(cols.labourCol, money(cost.labour));
    }
  }
  // a count's header wraps rather than widen its column; names may take up to 20
  return fit.widths(headers.map((_, i) => (i >= C.district - 1 && i <= C.name - 1 ? { min: 8, max: 20 } : { min: 6, max: 8 })));
}

export async function writeCommunitiesSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  input: PlanWorkbookInput,
  cols: CommunityColumns,
  mix: MixLayout | null,
): Promise<CommunityRows> {
  const { plan, pricing } = input;
  const { mixLabels, countCol0, grossCol, contribCol, levyCol, labourCol } = cols;
  const groups = groupPlans(plan);
  const headers = [
    '序号',
    '区',
    '街道',
    '社区名称',
    '户数',
    '常住人口',
    '老年人口占比',
    '城乡',
    '员额下限',
    '员额取值',
    '员额上限',
    '现有人数',
    '缺口（取值−现有）',
    '持证人数',
    '应持证人数',
    '持证缺口',
    ...mixLabels.map((l) => `${l}人数`),
    ...(pricing ? ['应发工资', '单位缴费', '工会经费等', '人员经费'] : []),
  ];
  const formats = [
    COUNT_FORMAT,
    null,
    null,
    null,
    '#,##0',
    '#,##0',
    SHARE_FORMAT,
    null,
    COUNT_FORMAT,
    COUNT_FORMAT,
    COUNT_FORMAT,
    COUNT_FORMAT,
    COUNT_FORMAT,
    COUNT_FORMAT,
    COUNT_FORMAT,
    COUNT_FORMAT,
    ...mixLabels.map(() => COUNT_FORMAT),
    ...(pricing ? [MONEY_FORMAT, MONEY_FORMAT, MONEY_FORMAT, MONEY_FORMAT] : []),
  ];
  const ws = wb.addWorksheet(PLAN_SHEETS.communities, sheetOptions({ headerRows: 2, frozenColumns: 4 }));
  const widths = communityWidths(input, cols, headers, formats);
  const cStyles = setColumns(ws, formats, widths);
  const title = `${input.title} — 社区员额与人员经费测算（${plan.rule.name}，${plan.rule.version}）`;
  titleAndHeader(ws, title, headers, widths);
  printAcross(ws, widths, { keyColumns: C.name, firstRow: 2, lastRow: 2 + plan.communities.length, title });

  // per-line expressions for the money formulas of row r
  const grossK = (k: number, r: number) => {
    const m = mix!;
    const mr = m.firstRow + k;
    const cnt = `${columnLetter(countCol0 + k)}${r}`;
    return `ROUND(${sheetRef(PLAN_SHEETS.mix, m.monthlyCol, mr)}*${cnt}*(${m.monthsRef}+${m.bonusRef}),2)+ROUND(${sheetRef(PLAN_SHEETS.mix, m.oneOffCol, mr)}*${cnt},2)`;
  };
  const contribK = (k: number, r: number) =>
    `ROUND(${sheetRef(PLAN_SHEETS.mix, mix!.perMonthCol, mix!.firstRow + k)}*${columnLetter(countCol0 + k)}${r}*${mix!.monthsRef},2)`;

  // Every community row has the same formulas shifted by its row: written once as a shared
  // formula in row 3 (<f t="shared" ref=…>) and referenced by the rows below, which keeps a
  // 100,000-row sheet small and quick to write and to recalculate.
  const firstRow = 3;
  const lastRow = firstRow + plan.communities.length - 1;
  const shared = (col: number, text: () => string, value: number | Decimal): CellValue => {
    const result = typeof value === 'number' ? value : num(value);
    const L = columnLetter(col);
    return (
      r === firstRow ? { formula: text(), result, shareType: 'shared', ref: `${L}${firstRow}:${L}${lastRow}` } : { sharedFormula: `${L}${firstRow}`, result }
    ) as CellValue;
  };
  let r = firstRow;
  let index = 0;
  const streetRanges: StreetRange[] = [];
  const districtRanges: DistrictRange[] = [];
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
          v[labourCol] = shared(
            labourCol,
            () => `${columnLetter(grossCol)}${r}+${columnLetter(contribCol)}${r}+${columnLetter(levyCol)}${r}`,
            money(cost.labour),
          );
        }
        writeValues(row, v, cStyles);
        row.commit();
        r++;
      }
      streetRanges.push({ totals: s.totals, from, to: r - 1 });
    }
    districtRanges.push({ totals: g.district, first: firstStreet, last: streetRanges.length - 1 });
  }
  await ws.commit();
  return { streets: streetRanges, districts: districtRanges, lastRow: r - 1 };
}
