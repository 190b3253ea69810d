import { type Decimal, ONE, compare, divRound, fromInteger, isZero, mul, round, sub, toFixed, toPlainString } from '../money/decimal';
import { payReferenceCheck } from '../pay/payReference';
import { ceilDiv, ceilWhole } from './ceiling';
import type { Check, CheckCode, CheckLevel, CheckParams, StaffLineRef } from './checkCodes';
import { CHECK_TEXT_ZH } from './checkText';
import type { BudgetResult } from './types';

export type { Check, CheckCode, CheckLevel, CheckParams } from './checkCodes';

/**
 * The checks of docs/design.md ("Budget arithmetic" → Checks), each with a stable code, the figures
 * that say what is wrong and by how much, and their Chinese sentence. Shares are compared exactly
 * (labour < min × total), never on rounded percentages; the figures are rounded only for the reader.
 */
const HUNDRED = fromInteger(100);
const points = (a: Decimal, b: Decimal) => toPlainString(round(mul(sub(a, b), HUNDRED), 2));
const money = (d: Decimal) => toFixed(d, 2);
const share = (d: Decimal) => toPlainString(d);
/** a / b to 4 places, as the result's shares are */
const ratio = (a: Decimal, b: Decimal) => (isZero(b) ? fromInteger(0) : divRound(a, b, 4));

function check<C extends CheckCode>(level: CheckLevel, code: C, params: CheckParams[C], line?: number): Check {
  const message = CHECK_TEXT_ZH[code](params);
  return (line === undefined ? { level, code, message, params } : { level, code, line, message, params }) as Check;
}

function lineRef(result: BudgetResult, i: number): StaffLineRef {
  const s = result.staff[i]!.input;
  return { row: i + 1, post: s.post, grade: s.grade, step: s.step };
}

export function budgetChecks(result: BudgetResult): Check[] {
  const checks: Check[] = [];
  const { totals, model } = result;
  const rules = model.rules;

  if (rules.minLabourShare !== undefined) {
    const needed = mul(rules.minLabourShare, totals.total);
    if (compare(totals.labour, needed) < 0) {
      const minLabour = round(needed, 2);
      checks.push(
        check('error', 'LABOUR_SHARE_BELOW_MIN', {
          labourShare: share(result.labourShare),
          minLabourShare: share(rules.minLabourShare),
          shortByPoints: points(rules.minLabourShare, result.labourShare),
          total: money(totals.total),
          minLabour: money(minLabour),
          shortBy: money(sub(minLabour, totals.labour)),
        }),
      );
    }
  }

  if (rules.maxManagementShare !== undefined) {
    const cap = mul(rules.maxManagementShare, totals.total);
    if (compare(totals.managementFee, cap) > 0) {
      const capRounded = round(cap, 2);
      checks.push(
        check('error', 'MANAGEMENT_FEE_ABOVE_CAP', {
          managementFee: money(totals.managementFee),
          managementShare: share(result.managementShare),
          maxManagementShare: share(rules.maxManagementShare),
          overByPoints: points(result.managementShare, rules.maxManagementShare),
          cap: money(capRounded),
          overBy: money(sub(totals.managementFee, capRounded)),
        }),
      );
    }
  }

  if (rules.posts) {
    const { min, max } = rules.posts;
    const label = rules.posts.label || null;
    const head = totals.headcount;
    if (compare(head, min) < 0) {
      checks.push(
        check('error', 'POSTS_OUTSIDE_RANGE', {
          headcount: toPlainString(head),
          bound: 'min',
          limit: toPlainString(min),
          difference: toPlainString(sub(min, head)),
          label,
        }),
      );
    } else if (compare(head, max) > 0) {
      checks.push(
        check('error', 'POSTS_OUTSIDE_RANGE', {
          headcount: toPlainString(head),
          bound: 'max',
          limit: toPlainString(max),
          difference: toPlainString(sub(head, max)),
          label,
        }),
      );
    }
  }

  const payReference = payReferenceCheck(result); // rules.payReference (吉林 薪酬平均标准), src/core/pay/payReference.ts
  if (payReference) checks.push(payReference);

  if (model.guideIncludes === 'employerCost' && result.staff.length > 0) {
    checks.push(check('info', 'GUIDE_INCLUDES_EMPLOYER_COST', {}));
  }

  const socialWork = socialWorkPostShareCheck(result);
  if (socialWork) checks.push(socialWork);

  result.staff.forEach((whole, i) => {
    // a line priced in segments (spec v2) is checked in each; a finding is reported once, for the first segment it is in
    const parts = whole.segments ? whole.segments.map((seg) => seg.line) : [whole];
    const below = parts.find((p) => p.belowGuideBy !== null);
    if (below) {
      checks.push(
        check(
          'warning',
          'PAY_BELOW_GUIDE',
          { ...lineRef(result, i), monthly: money(below.monthly), entitledMonthly: money(below.entitledMonthly!), belowBy: money(below.belowGuideBy!) },
          i,
        ),
      );
    }
    // a non-social-work line has no guide cell by design
    const noCell = whole.input.nonSocialWork ? undefined : parts.find((p) => p.input.guideMonthly === null);
    if (noCell) {
      checks.push(check('warning', 'NO_GUIDE_CELL', { ...lineRef(result, i), monthly: money(noCell.monthly) }, i));
    }
    // a clamped base is the limit itself
    const clamped = parts.find((p) => p.baseClamp !== null);
    if (clamped?.baseClamp === 'floor') {
      checks.push(check('info', 'BASE_AT_FLOOR', { ...lineRef(result, i), monthly: money(clamped.monthly), floor: money(clamped.base) }, i));
    } else if (clamped?.baseClamp === 'ceiling') {
      checks.push(check('info', 'BASE_AT_CEILING', { ...lineRef(result, i), monthly: money(clamped.monthly), ceiling: money(clamped.base) }, i));
    }
  });

  return checks;
}

/**
 * 社会工作专业岗位不低于岗位总数的 70 % (珠海方案 item 3, `rules.minSocialWorkPostShare`): social-work posts
 * S ≥ share × all posts T, compared exactly. The posts required are ⌈share × T⌉ (2.5 of 5.5 at 70 %: ⌈3.85⌉ = 4, so
 * 1.5 more of the same 5.5 posts must be social-work posts); keeping the other posts as they are, the social-work posts
 * needed are ⌈share × (T − S) ÷ (1 − share)⌉ (3 others at 70 %: ⌈7⌉ = 7).
 */
function socialWorkPostShareCheck(result: BudgetResult): Check | null {
  const minShare = result.model.rules.minSocialWorkPostShare;
  const posts = result.totals.headcount;
  const social = result.totals.socialWorkPosts;
  if (minShare === undefined || posts.units === 0n || compare(social, mul(minShare, posts)) >= 0) return null;
  const required = fromInteger(ceilWhole(mul(minShare, posts)));
  const others = sub(posts, social);
  const rest = sub(ONE, minShare);
  return check('error', 'SOCIAL_WORK_POST_SHARE', {
    socialWorkPosts: toPlainString(social),
    posts: toPlainString(posts),
    share: share(ratio(social, posts)),
    minShare: share(minShare),
    required: toPlainString(required),
    shortBy: toPlainString(sub(required, social)),
    otherPosts: toPlainString(others),
    requiredKeepingOthers: rest.units === 0n ? null : ceilDiv(mul(minShare, others), rest).toString(),
  });
}
