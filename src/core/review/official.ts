import type { PricedBudget } from '../budget/pipeline';

/** What the comparison reads of a priced bid (its JSON is not needed). */
export type PricedBid = Pick<PricedBudget, 'spec' | 'result'>;
import { guidesUsed, isResolved } from '../budget/fromSpec';
import { GUIDE_FIRST_ROW, GUIDE_MONTHLY_COL, planGuideSheets } from '../excel/budget/guideSheet';
import { PARAMS_VALUE_COL, type ParamKey, type SetParamKey, paramEntries, paramRows, setParam } from '../excel/budget/paramsSheet';
import { GUIDE, PARAMS, STAFF } from '../excel/budget/sheetNames';
import { optionalColumns, staffColumns } from '../excel/budget/staffSheet';
import { cellAddress } from '../excel/cells';
import { coefficientMonthly } from '../guides/cellValue';
import { cellKey } from '../guides/distinctCells';
import { type Decimal, ONE, ZERO, add, compare, mul, parseDecimal, round, toFixed, toPlainString } from '../money/decimal';
import type { InlineContributions, InlineGuide } from '../spec/budgetSpec';
import { staffLineRows } from './expectedCells';
import type { Finding } from './findings';

/**
 * A bid against the official records in the store (docs/design.md §Excel workbooks, "Review"): the guide version
 * in force at the bid's first month (or the one the officer picked) and, for each of the bid's contribution sets, the
 * official set. The store is read by the application (src/app/services/review.ts); this compares, exactly, in decimals.
 */
export interface OfficialGuide {
  /** the guide's name and version label as the store keeps them */
  name: string;
  versionLabel: string;
  /** the version as an inline guide (monthly amounts, the reference wage in force attached) */
  guide: InlineGuide;
}

/** An official contribution set: the store's (its items may also carry their own base limits, as a spec v2 set's may). */
export type OfficialContributions = Pick<InlineContributions, 'floor' | 'ceiling' | 'items' | 'levies'> & { name: string };

/** The official set one of the bid's sets is compared with; null with the reason when the store has none. */
export interface OfficialSetFor {
  official: OfficialContributions | null;
  missing?: string | undefined;
}

export interface OfficialRecords {
  guide: OfficialGuide | null;
  /**
   * spec v2 across guide versions: the official version to compare each of the bid's versions with (by its block on
   * 薪酬指导价, in date order) — each the version in force where the bid's version begins to be used. Absent: `guide`
   * for every block (the version the officer picked, or a spec v1 bid's one).
   */
  guides?: (OfficialGuide | null)[] | undefined;
  /** why there is no official guide to compare with (a finding), when guide is null */
  guideMissing?: string | undefined;
  /** the official set for the bid's first contribution set (its only one, spec v1) */
  contributions: OfficialContributions | null;
  contributionsMissing?: string | undefined;
  /**
   * spec v2 with dated contribution sets: the official set to compare each of the bid's sets with, as 计算参数 lists
   * them (bidContributionSets: date order), or why there is none. Absent: `contributions` for the first set only.
   */
  contributionSets?: OfficialSetFor[] | undefined;
  /** pay above the guide by more than this share (0.10 = 10 %) is a warning */
  tolerance: Decimal;
}

const money = (d: Decimal) => toFixed(d, 2);

function monthlyOf(guide: InlineGuide, row: InlineGuide['rows'][number]): Decimal | null {
  if (row.monthly !== undefined) return parseDecimal(row.monthly);
  if (!guide.referenceWage || row.coefficient === undefined) return null;
  const w = guide.referenceWage;
  return coefficientMonthly(parseDecimal(row.coefficient), { name: w.name, amount: parseDecimal(w.amount), per: w.per });
}

function cellAmounts(guide: InlineGuide): Map<string, Decimal | null> {
  return new Map(guide.rows.map((r) => [cellKey(r.post, r.grade, r.step), monthlyOf(guide, r)]));
}

/** Σ of a qualification's allowances of one kind, as the core sums them. */
function allowanceSums(guide: InlineGuide): Map<string, Decimal> {
  const sums = new Map<string, Decimal>();
  for (const a of guide.allowances) {
    const key = `${a.kind}\u0000${a.qualification}`;
    sums.set(key, add(sums.get(key) ?? ZERO, parseDecimal(a.monthly)));
  }
  return sums;
}

export function officialFindings(priced: PricedBid, official: OfficialRecords): Finding[] {
  const out: Finding[] = [];
  const { spec, result } = priced;
  const params = paramRows(paramEntries(result.model, { periodStart: spec.period.start }));
  const paramCell = (key: ParamKey) => {
    const r = params.get(key);
    return r === undefined ? { sheet: PARAMS, cell: null } : { sheet: PARAMS, cell: cellAddress(PARAMS_VALUE_COL, r) };
  };
  // the guide versions the bid was priced with, as its 薪酬指导价 lists them (one block each; spec v1: the one guide)
  const bidGuides = isResolved(spec) ? guidesUsed(spec, result.model) : [];
  const plan = bidGuides.length ? planGuideSheets(bidGuides) : null;
  const officialOf = (block: number): OfficialGuide | null => official.guides?.[block] ?? official.guide;

  if (!official.guide && !official.guides?.length) {
    out.push({
      code: 'OFFICIAL_GUIDE_NOT_FOUND',
      severity: 'warning',
      sheet: null,
      cell: null,
      message: official.guideMissing ?? '数据库中没有可对照的官方指导价 / no official guide to compare with',
      expected: null,
      found: bidGuides[0]?.name ?? null,
    });
  } else if (plan) {
    const several = bidGuides.length > 1;
    bidGuides.forEach((bidGuide, b) => {
      const off = officialOf(b);
      if (!off) return;
      const block = plan.blocks[b]!;
      // a bid across versions: each block's findings say which of its versions they are in
      const of = several ? `（投标“${bidGuide.name}”）` : '';
      const og = off.guide;
      const label = `${off.name}（${off.versionLabel}）`;
      if ((bidGuide.documentNo ?? '') !== (og.documentNo ?? '') || (bidGuide.effectiveFrom ?? '') !== (og.effectiveFrom ?? '')) {
        out.push({
          code: 'GUIDE_VERSION_DIFFERS',
          severity: 'info',
          sheet: GUIDE,
          cell: several ? cellAddress(1, block.titleRow) : null,
          message: `投标按“${bidGuide.name}”（${bidGuide.documentNo || '无文号'}，${bidGuide.effectiveFrom ?? '无生效日期'} 起）编制，官方${several ? '对照' : '生效'}版本为“${label}”（${og.documentNo || '无文号'}，${og.effectiveFrom ?? ''} 起）/ priced with another guide version`,
          expected: `${og.documentNo ?? ''} ${og.effectiveFrom ?? ''}`.trim(),
          found: `${bidGuide.documentNo ?? ''} ${bidGuide.effectiveFrom ?? ''}`.trim(),
        });
      }
      if (b === 0 && bidGuide.includes !== og.includes) {
        out.push({
          code: 'GUIDE_INCLUDES_DIFFERS',
          severity: 'error',
          ...paramCell('includesEmployerCost'),
          message: `指导价金额口径与官方版本不同：官方为${og.includes === 'employerCost' ? '单位全部用人成本' : '应发工资'}，投标为${bidGuide.includes === 'employerCost' ? '单位全部用人成本' : '应发工资'} / the guide's amounts mean something else`,
          expected: og.includes,
          found: bidGuide.includes,
        });
      }
      const officialCells = cellAmounts(og);
      const firstRow = block.titleRow + GUIDE_FIRST_ROW - 1;
      bidGuide.rows.forEach((row, i) => {
        const cell = cellAddress(GUIDE_MONTHLY_COL, firstRow + i);
        const what = `${row.post} ${row.grade} ${row.step} 档${of}`;
        const key = cellKey(row.post, row.grade, row.step);
        const found = monthlyOf(bidGuide, row);
        if (!officialCells.has(key)) {
          out.push({
            code: 'GUIDE_CELL_NOT_OFFICIAL',
            severity: 'error',
            sheet: GUIDE,
            cell,
            message: `${GUIDE}!${cell} ${what}不在官方指导价“${label}”中 / not a cell of the official guide`,
            expected: null,
            found: found ? money(found) : null,
          });
          return;
        }
        const expected = officialCells.get(key)!;
        if (expected && found && compare(expected, found) !== 0) {
          out.push({
            code: 'GUIDE_CELL_DIFFERS',
            severity: 'error',
            sheet: GUIDE,
            cell,
            message: `${GUIDE}!${cell} ${what}指导价为 ${money(found)} 元/月，官方“${label}”为 ${money(expected)} 元/月 / guide cell differs from the official version`,
            expected: money(expected),
            found: money(found),
          });
        }
      });
      const officialAllowances = allowanceSums(og);
      for (const [key, found] of allowanceSums(bidGuide)) {
        const [kind, qualification] = key.split('\u0000') as ['monthly' | 'oneOff', string];
        const expected = officialAllowances.get(key) ?? ZERO;
        if (compare(expected, found) === 0) continue;
        const row = block.allowanceRows.get(key)?.[0];
        const cell = row === undefined ? null : cellAddress(GUIDE_MONTHLY_COL, row);
        out.push({
          code: 'ALLOWANCE_DIFFERS',
          severity: 'error',
          sheet: GUIDE,
          cell,
          message: `${cell ? `${GUIDE}!${cell} ` : ''}${qualification}${kind === 'oneOff' ? '一次性' : '按月'}持证津贴为 ${money(found)} 元${of}，官方“${label}”为 ${money(expected)} 元 / allowance differs`,
          expected: money(expected),
          found: money(found),
        });
      }
    });

    // each line's pay against what the official version entitles it to; a line priced in segments, in each segment
    // against the official version of its block, reported once, at the first segment where it holds
    const cols = staffColumns(result.model.contributions.items.length, result.model.contributions.levies.length, optionalColumns(result));
    const above = add(ONE, official.tolerance);
    const lineRows = staffLineRows(result);
    result.staff.forEach((line, i) => {
      const pieces = line.segments
        ? line.segments.map((seg, k) => ({
            priced: seg.line,
            block: seg.piece.version,
            row: lineRows[i]! + 1 + k,
            segment: `第 ${k + 1} 段（${seg.piece.start} 起）`,
          }))
        : [{ priced: line, block: 0, row: lineRows[i]!, segment: '' }];
      for (const piece of pieces) {
        const off = officialOf(piece.block);
        const s = piece.priced.input;
        const officialCell = off ? cellAmounts(off.guide).get(cellKey(s.post, s.grade, s.step)) : undefined;
        if (!off || !officialCell) continue;
        const allowance = s.qualification === undefined ? ZERO : (allowanceSums(off.guide).get(`monthly\u0000${s.qualification}`) ?? ZERO);
        const entitled = add(add(officialCell, allowance), s.extrasMonthly);
        const cell = cellAddress(cols.monthly, piece.row);
        const where = `${STAFF}!${cell} 第 ${i + 1} 行${piece.segment}（${s.post} ${s.grade} ${s.step} 档）`;
        const pay = piece.priced.monthly;
        if (compare(pay, entitled) < 0) {
          out.push({
            code: 'PAY_BELOW_OFFICIAL_GUIDE',
            severity: 'error',
            sheet: STAFF,
            cell,
            message: `${where}月薪 ${money(pay)} 元，低于官方指导价应得 ${money(entitled)} 元（指导价 + 持证津贴 + 其他月度项目）/ pay below the official guide`,
            expected: money(entitled),
            found: money(pay),
          });
          break;
        }
        if (compare(pay, mul(entitled, above)) > 0) {
          out.push({
            code: 'PAY_ABOVE_GUIDE_TOLERANCE',
            severity: 'warning',
            sheet: STAFF,
            cell,
            message: `${where}月薪 ${money(pay)} 元，高于官方指导价应得 ${money(entitled)} 元的 ${toPlainString(round(mul(above, parseDecimal('100')), 2))}%（上限 ${money(round(mul(entitled, above), 2))} 元）/ pay above the guide beyond the tolerance`,
            expected: money(round(mul(entitled, above), 2)),
            found: money(pay),
          });
          break;
        }
      }
    });
  }

  out.push(...contributionFindings(priced, official, paramCell));
  return out;
}

/**
 * The bid's contribution sets as 计算参数 lists them — the sets its segments use, in date order (the model's
 * `contributionSets`; spec v1: the one set) — each as the spec gives it, with its date (spec v2).
 */
export function bidContributionSets(priced: PricedBid): { set: InlineContributions; effective: string | undefined }[] {
  const { spec, result } = priced;
  const listed = spec.contributions;
  if (!Array.isArray(listed)) return [{ set: listed as InlineContributions, effective: undefined }];
  return (result.model.contributionSets ?? [result.model.contributions]).map((used) => {
    const set = listed.find((c) => c.effective === used.effective) ?? listed[0]!;
    return { set, effective: set.effective };
  });
}

/**
 * Each of the bid's contribution sets against its official set: base floor and ceiling, each item's rate, rounding
 * and own limits, each levy's rate, items and levies extra or missing — every finding at that set's row of 计算参数
 * (its block of rows: setParam) and, when the bid has several sets, naming it: 第 2 组（2028-07-01 起）.
 */
function contributionFindings(priced: PricedBid, official: OfficialRecords, paramCell: (key: ParamKey) => { sheet: string; cell: string | null }): Finding[] {
  const out: Finding[] = [];
  const bidSets = bidContributionSets(priced);
  const several = bidSets.length > 1;
  const officialFor = (k: number): OfficialSetFor | null =>
    official.contributionSets
      ? (official.contributionSets[k] ?? null)
      : k === 0
        ? { official: official.contributions, missing: official.contributionsMissing }
        : null;
  const pct = (d: Decimal) => `${toPlainString(mul(d, parseDecimal('100')))}%`;

  bidSets.forEach(({ set: bidSet, effective }, k) => {
    const choice = officialFor(k);
    if (!choice) return; // a later set with no official set given (an officer's pick is for the first set)
    const of = several ? `第 ${k + 1} 组（${effective} 起）` : '';
    const at = (key: SetParamKey) => paramCell(setParam(key, k));
    const oc = choice.official;
    if (!oc) {
      out.push({
        code: 'OFFICIAL_CONTRIBUTIONS_NOT_FOUND',
        severity: 'warning',
        sheet: null,
        cell: null,
        message: choice.missing ?? `${of}数据库中没有可对照的官方缴费参数 / no official contribution set to compare with`,
        expected: null,
        found: bidSet.name ?? null,
      });
      return;
    }
    const limit = (key: 'floor' | 'ceiling', code: 'CONTRIBUTION_FLOOR_DIFFERS' | 'CONTRIBUTION_CEILING_DIFFERS', zh: string) => {
      const [e, f] = [parseDecimal(oc[key]), parseDecimal(bidSet[key])];
      if (compare(e, f) === 0) return;
      out.push({
        code,
        severity: 'error',
        ...at(key),
        message: `${of}缴费基数${zh}为 ${money(f)} 元，官方“${oc.name}”为 ${money(e)} 元 / contribution base ${key} differs`,
        expected: money(e),
        found: money(f),
      });
    };
    limit('floor', 'CONTRIBUTION_FLOOR_DIFFERS', '下限');
    limit('ceiling', 'CONTRIBUTION_CEILING_DIFFERS', '上限');

    type Rated = { name: string; rate: string; round?: 'fen' | 'yuan'; floor?: string | undefined; ceiling?: string | undefined };
    /**
     * **Decision:** an item's own base limit (spec v2) is compared when the bid's item or the official item has one:
     * each side's limit for that item — its own, else its set's — so an own limit the official set does not have is
     * found too, at the item's own row (or, when only the official item has one, at the item's rate).
     */
    const itemLimits = (x: Rated, o: Rated, i: number) => {
      for (const [key, ownKey, zh] of [
        ['floor', `itemFloor${i}`, '下限'],
        ['ceiling', `itemCeiling${i}`, '上限'],
      ] as const) {
        if (x[key] === undefined && o[key] === undefined) continue;
        const [e, f] = [parseDecimal(o[key] ?? oc[key]), parseDecimal(x[key] ?? bidSet[key])];
        if (compare(e, f) === 0) continue;
        out.push({
          code: key === 'floor' ? 'CONTRIBUTION_FLOOR_DIFFERS' : 'CONTRIBUTION_CEILING_DIFFERS',
          severity: 'error',
          ...at(x[key] !== undefined ? ownKey : `item${i}`),
          message: `${of}缴费项目“${x.name}”的缴费基数${zh}为 ${money(f)} 元，官方“${oc.name}”为 ${money(e)} 元 / the item's contribution base ${key} differs`,
          expected: money(e),
          found: money(f),
        });
      }
    };
    const compareRates = (kind: 'item' | 'levy', bid: readonly Rated[], off: readonly Rated[]) => {
      const zh = kind === 'item' ? '缴费项目' : '计提项目';
      const offByName = new Map(off.map((x) => [x.name, x]));
      bid.forEach((x, i) => {
        const cell = at(`${kind}${i}`);
        const o = offByName.get(x.name);
        if (!o) {
          out.push({
            code: kind === 'item' ? 'CONTRIBUTION_ITEM_EXTRA' : 'LEVY_EXTRA',
            severity: 'warning',
            ...cell,
            message: `${of}${zh}“${x.name}”（${pct(parseDecimal(x.rate))}）不在官方“${oc.name}”中 / not in the official set`,
            expected: null,
            found: x.rate,
          });
          return;
        }
        if (compare(parseDecimal(o.rate), parseDecimal(x.rate)) !== 0) {
          out.push({
            code: kind === 'item' ? 'CONTRIBUTION_RATE_DIFFERS' : 'LEVY_RATE_DIFFERS',
            severity: 'error',
            ...cell,
            message: `${of}${zh}“${x.name}”费率为 ${pct(parseDecimal(x.rate))}，官方“${oc.name}”为 ${pct(parseDecimal(o.rate))} / rate differs`,
            expected: o.rate,
            found: x.rate,
          });
        }
        if (kind === 'item' && (o.round ?? 'fen') !== (x.round ?? 'fen')) {
          const r = (v: string | undefined) => (v === 'yuan' ? '四舍五入到元' : '四舍五入到分');
          out.push({
            code: 'CONTRIBUTION_ROUNDING_DIFFERS',
            severity: 'warning',
            ...cell,
            message: `${of}缴费项目“${x.name}”${r(x.round)}，官方“${oc.name}”${r(o.round)} / rounding differs`,
            expected: o.round ?? 'fen',
            found: x.round ?? 'fen',
          });
        }
        if (kind === 'item') itemLimits(x, o, i);
      });
      const bidNames = new Set(bid.map((x) => x.name));
      for (const o of off) {
        if (bidNames.has(o.name)) continue;
        out.push({
          code: kind === 'item' ? 'CONTRIBUTION_ITEM_MISSING' : 'LEVY_MISSING',
          severity: 'error',
          sheet: PARAMS,
          cell: null,
          message: `${of}投标缺少官方“${oc.name}”中的${zh}“${o.name}”（${pct(parseDecimal(o.rate))}）/ missing from the bid`,
          expected: o.rate,
          found: null,
        });
      }
    };
    compareRates('item', bidSet.items, oc.items);
    compareRates('levy', bidSet.levies, oc.levies);
  });
  return out;
}
