import { ZERO, eq, parseDecimal } from '../money/decimal';
import type { CommunityRuleVersion } from '../staffing/ruleSets';
import type { Community } from './community';
import type { PostMix } from './postMix';

/**
 * What the policy texts imply about a plan beyond its quotas, as data like the budget checks: a
 * stable code, a level and the figures (docs/design.md §Rules and their policy sources → Plan
 * warnings). The Chinese sentence is warningText.ts's; the renderer says the same in English.
 *
 *  RULE_URBAN_ONLY / RULE_RURAL_ONLY  the rule is written for one kind of community (吉林: 城市社区) and rows of the other are in the list
 *  OUT_OF_RULE_RANGE       households outside the band the rule states, with nothing said beyond it (浦东: 一般 500–2,000 户)
 *  DISTRICT_CAP            总量控制: a district's chosen posts against the cap (info), and
 *  DISTRICT_CAP_EXCEEDED   when they are above it (warning)
 *  MINIMUM_POSTS_NOT_MET   communities whose quota cannot hold the minimum posts of a kind (2 专职党建)
 *  MIX_LACKS_MINIMUM_POSTS the post mix has no fixed line of that kind with as many posts (书记、副书记 not counted)
 *  MIX_PAY_DIFFERS         the rule's pay has a performance part the post mix does not price (吉林: 绩效 30 %)
 *
 * Warnings about communities are gathered per code: how many, and the first rows (a list of a
 * million communities gives one warning, not a million).
 */
export type PlanWarningLevel = 'warning' | 'info';

/** communities a warning is about: how many, and the first few as row and name */
export interface CommunityRows {
  count: number;
  rows: number[];
  names: string[];
}

export interface PlanWarningParams {
  RULE_URBAN_ONLY: CommunityRows & { rule: string };
  RULE_RURAL_ONLY: CommunityRows & { rule: string };
  OUT_OF_RULE_RANGE: CommunityRows & { rule: string; fromHouseholds: number; toHouseholds: number };
  DISTRICT_CAP: { district: string; cap: number; chosen: number; remaining: number; label: string };
  DISTRICT_CAP_EXCEEDED: { district: string; cap: number; chosen: number; over: number; label: string };
  MINIMUM_POSTS_NOT_MET: CommunityRows & { kind: string; minPosts: number };
  MIX_LACKS_MINIMUM_POSTS: { kind: string; minPosts: number; mix: string };
  MIX_PAY_DIFFERS: { rule: string; performanceShare: string; mixPerformanceShare: string | null; mix: string };
}

export type PlanWarningCode = keyof PlanWarningParams;

/** a warning's code and figures, before its message */
export type PlanWarningData = { [C in PlanWarningCode]: { code: C; params: PlanWarningParams[C] } }[PlanWarningCode];

export type PlanWarning = {
  [C in PlanWarningCode]: { level: PlanWarningLevel; code: C; params: PlanWarningParams[C]; message: string };
}[PlanWarningCode];

/** A sentence for each code: one language's table. */
export type PlanWarningTexts = { [C in PlanWarningCode]: (params: PlanWarningParams[C]) => string };

export function planWarningSentence(texts: PlanWarningTexts, w: Pick<PlanWarning, 'code' | 'params'>): string {
  return (texts[w.code] as (p: typeof w.params) => string)(w.params);
}

/** the rows a warning names, at most this many */
export const ROWS_NAMED = 20;

/** Gathers the communities a per-community warning is about. */
export class RowList {
  count = 0;
  readonly rows: number[] = [];
  readonly names: string[] = [];
  add(c: Community): void {
    if (this.count++ < ROWS_NAMED) {
      this.rows.push(c.row);
      this.names.push(c.name);
    }
  }
  get value(): CommunityRows {
    return { count: this.count, rows: this.rows, names: this.names };
  }
}

/** Per-community warnings of a rule version, as flags cheap enough for a million rows. */
export interface CommunityWarningRule {
  /** urbanRural value that is outside the rule, or null */
  wrongArea: 'urban' | 'rural' | null;
  /** households the band covers with nothing said outside it, or null */
  band: { from: number; to: number; below: boolean; above: boolean } | null;
}

export function communityWarningRule(v: CommunityRuleVersion): CommunityWarningRule {
  const q = v.quota;
  const wrongArea = v.appliesTo === 'urban' ? 'rural' : v.appliesTo === 'rural' ? 'urban' : null;
  // below the band's start only matters when it starts above 0; above its end only when nothing is added there
  const band =
    q.family === 'householdBands' && (q.fromHouseholds > 0 || !q.above)
      ? { from: q.fromHouseholds, to: q.toHouseholds, below: q.fromHouseholds > 0, above: !q.above }
      : null;
  return { wrongArea, band };
}

/** The codes of the per-community warnings one community raises (for its row in JSON and the workbook). */
export function communityWarningCodes(rule: CommunityWarningRule, c: Community): ('RULE_URBAN_ONLY' | 'RULE_RURAL_ONLY' | 'OUT_OF_RULE_RANGE')[] {
  const codes: ('RULE_URBAN_ONLY' | 'RULE_RURAL_ONLY' | 'OUT_OF_RULE_RANGE')[] = [];
  if (rule.wrongArea !== null && c.urbanRural === rule.wrongArea) codes.push(rule.wrongArea === 'rural' ? 'RULE_URBAN_ONLY' : 'RULE_RURAL_ONLY');
  const b = rule.band;
  if (b && ((b.below && c.households < b.from) || (b.above && c.households > b.to))) codes.push('OUT_OF_RULE_RANGE');
  return codes;
}

/** Warnings about the post mix a plan is priced with, against the rule version. */
export function mixWarnings(v: CommunityRuleVersion, ruleName: string, mix: PostMix): PlanWarningData[] {
  const out: PlanWarningData[] = [];
  for (const m of v.minimumPosts) {
    // a fixed line whose label names the kind (专职党建) and holds at least the minimum
    const fixed = mix.lines.filter((l) => l.fixed !== undefined && l.label.includes(m.kind)).reduce((n, l) => n + l.fixed!, 0);
    if (fixed < m.minPosts) out.push({ code: 'MIX_LACKS_MINIMUM_POSTS', params: { kind: m.kind, minPosts: m.minPosts, mix: mix.name } });
  }
  const mixShare = mix.performanceShare === undefined ? ZERO : parseDecimal(mix.performanceShare);
  if (v.pay && !eq(mixShare, parseDecimal(v.pay.performanceShare))) {
    out.push({
      code: 'MIX_PAY_DIFFERS',
      params: { rule: ruleName, performanceShare: v.pay.performanceShare, mixPerformanceShare: mix.performanceShare ?? null, mix: mix.name },
    });
  }
  return out;
}
