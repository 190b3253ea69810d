import type { ContributionSet, StoredContributionSet } from '../contributions/schema';
import { monthStartDate } from '../guides/versions';
import type { DatedContributions, InlineContributions } from '../spec/budgetSpec';
import type { FieldProblem } from '../spec/fields';

/**
 * 期间内调整 (docs/design.md §Budget spec, "Stored projects: contribution sets within the period"): a stored
 * project names its contribution set and, optionally, later sets of the same city that take over within
 * its period — typically the July base reset (缴费基数每年 7 月调整). Each later set holds from its own
 * effective date; the first holds from the period's first month. A later set is accepted when
 *   - it is of the first set's city,
 *   - it takes effect after the first set and after the period's first month (else the first set is never used),
 *   - it takes effect on or before the 1st of the period's last month (a month's set is the one in force on its 1st,
 *     so a later date would never be used),
 *   - it comes after the previous later set (earliest first, no date twice), and
 *   - it pays the same items and levies, by name and in order (spec v2's rule: a reset changes bases and rates,
 *     not what is paid).
 */

type SetFacts = Pick<ContributionSet, 'city' | 'name' | 'effectiveFrom' | 'items' | 'levies'>;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "2027-01" + 12 → "2027-12": the period's last month. */
export function periodLastMonth(start: string, months: number): string {
  const index = Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1 + Math.max(months, 1) - 1;
  return `${Math.floor(index / 12)}-${pad2((index % 12) + 1)}`;
}

const names = (list: readonly { name: string }[]) => list.map((x) => x.name).join('、') || '（无）';

/**
 * What is wrong with each later set (paths `laterContributionSetIds[i]`), in Chinese with the English after " / ".
 * `later[i]` is the set of `laterContributionSetIds[i]`.
 */
export function laterSetProblems(period: { start: string; months: number }, first: SetFacts, later: readonly SetFacts[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const startDate = monthStartDate(period.start);
  const lastMonthDate = monthStartDate(periodLastMonth(period.start, period.months));
  let previous: SetFacts = first;
  later.forEach((set, i) => {
    const path = `laterContributionSetIds[${i}]`;
    // "中文 / English", each half naming the set
    const refuse = (zh: string, en: string) =>
      problems.push({ path, message: `期间内调整第 ${i + 1} 组“${set.name}”：${zh} / change ${i + 1} within the period, “${set.name}”: ${en}` });
    if (set.city !== first.city) {
      refuse(
        `城市为“${set.city}”，与所选缴费参数“${first.name}”的城市“${first.city}”不同`,
        `its city “${set.city}” is not the city “${first.city}” of the set chosen, “${first.name}”`,
      );
      return;
    }
    if (set.effectiveFrom <= first.effectiveFrom) {
      refuse(
        `生效日期 ${set.effectiveFrom} 不晚于所选缴费参数的生效日期 ${first.effectiveFrom}`,
        `it takes effect on ${set.effectiveFrom}, not after the set chosen (${first.effectiveFrom})`,
      );
      return;
    }
    if (set.effectiveFrom <= startDate) {
      refuse(
        `生效日期 ${set.effectiveFrom} 不晚于服务期首月 ${period.start}，所选缴费参数将不被使用；请直接选它为缴费参数`,
        `it takes effect on ${set.effectiveFrom}, not after the period's first month ${period.start}, so the set chosen would never be used: choose it as the set instead`,
      );
      return;
    }
    if (set.effectiveFrom > lastMonthDate) {
      refuse(
        `生效日期 ${set.effectiveFrom} 在服务期末月 ${periodLastMonth(period.start, period.months)} 的 1 日之后，期间内不会使用`,
        `it takes effect on ${set.effectiveFrom}, after the 1st of the period's last month ${periodLastMonth(period.start, period.months)}, so it would never be used`,
      );
      return;
    }
    if (previous !== first && set.effectiveFrom <= previous.effectiveFrom) {
      refuse(
        `生效日期 ${set.effectiveFrom} 不晚于上一组“${previous.name}”的 ${previous.effectiveFrom}；请按生效日期先后排列`,
        `it takes effect on ${set.effectiveFrom}, not after the previous set “${previous.name}” (${previous.effectiveFrom}); list them by date`,
      );
      return;
    }
    if (names(set.items) !== names(first.items)) {
      refuse(
        `缴费项目（${names(set.items)}）与所选缴费参数（${names(first.items)}）不同；各组须同名同序`,
        `its items (${names(set.items)}) are not those of the set chosen (${names(first.items)}), by name and in order`,
      );
      return;
    }
    if (names(set.levies) !== names(first.levies)) {
      refuse(
        `计提项目（${names(set.levies)}）与所选缴费参数（${names(first.levies)}）不同；各组须同名同序`,
        `its levies (${names(set.levies)}) are not those of the set chosen (${names(first.levies)}), by name and in order`,
      );
      return;
    }
    previous = set;
  });
  return problems;
}

/** The sets a project could add as later sets: same city, after the first set, taking effect within the period (a picker's options). */
export function laterSetCandidates<S extends SetFacts>(period: { start: string; months: number }, first: SetFacts, sets: readonly S[]): S[] {
  return sets.filter((s) => s.name !== first.name && laterSetProblems(period, first, [s]).length === 0);
}

const setFields = (s: StoredContributionSet) => ({
  name: s.name,
  city: s.city,
  floor: s.floor,
  ceiling: s.ceiling,
  items: s.items,
  levies: s.levies,
});

/**
 * The project's contributions as the spec has them: the one set inline when there is no later set (as before); else
 * spec v2's dated list — the first set dated at its own effective date, or at the period's first day when that is
 * earlier (it was chosen for the period from its start), each later set at its own effective date.
 */
export function contributionsForPeriod(
  periodStart: string,
  first: StoredContributionSet,
  later: readonly StoredContributionSet[],
): { dated: false; contributions: InlineContributions } | { dated: true; contributions: DatedContributions[] } {
  if (later.length === 0) return { dated: false, contributions: setFields(first) };
  const startDate = monthStartDate(periodStart);
  return {
    dated: true,
    contributions: [
      { effective: first.effectiveFrom < startDate ? first.effectiveFrom : startDate, ...setFields(first) },
      ...later.map((s) => ({ effective: s.effectiveFrom, ...setFields(s) })),
    ],
  };
}
