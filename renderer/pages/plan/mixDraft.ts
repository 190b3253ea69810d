import { ZERO, add, isDecimalText, parseDecimal, toPlainString, type Decimal } from '../../../src/core/money/decimal';
import type { PostMix, PostMixInput } from '../../../src/core/plan/postMix';
import { percentToRatio, ratioToPercent } from '../projects/draft';

/**
 * The 岗位结构 editor's working copy of a post mix: each line's share as the percent the planner
 * types ("30" for 0.3, kept as text so "33." is representable while typing) and its fixed count.
 * `mixFromDraft` turns it back into the mix `plan.run` validates; a box that is not a number is
 * sent as typed, so the API's own message names the line.
 */
export interface MixLineDraft {
  key: string;
  label: string;
  post: string;
  grade: string;
  step: number;
  qualification?: string;
  /** a line is priced either as a fixed number per community or as a share of the rest — as in its preset */
  kind: 'fixed' | 'share';
  fixed: number | null;
  sharePercent: string;
}

export interface MixDraft {
  name: string;
  months: number;
  bonusMonths: number;
  lines: MixLineDraft[];
}

let keySeq = 0;
const newKey = () => `mix${++keySeq}`;

export function draftFromMix(mix: PostMix): MixDraft {
  return {
    name: mix.name,
    months: mix.months,
    bonusMonths: mix.bonusMonths,
    lines: mix.lines.map((l) => ({
      key: newKey(),
      label: l.label,
      post: l.post,
      grade: l.grade,
      step: l.step,
      qualification: l.qualification,
      kind: l.fixed !== undefined ? 'fixed' : 'share',
      fixed: l.fixed ?? null,
      sharePercent: l.share === undefined ? '' : ratioToPercent(l.share),
    })),
  };
}

/** A stored mix's lines (saved without the editor's keys) as a draft to edit. */
export function withLineKeys(mix: Omit<MixDraft, 'lines'> & { lines: Omit<MixLineDraft, 'key'>[] }): MixDraft {
  return { ...mix, lines: mix.lines.map((l) => ({ ...l, key: newKey() })) };
}

/** "30" → "0.3" exactly; text that is not a number goes as typed, for the schema to name. */
function shareText(percent: string): string {
  return percentToRatio(percent) ?? percent.trim();
}

/** The lines as the API takes them (the name is the caller's: an edited preset says so). */
function linesFromDraft(draft: MixDraft): PostMixInput['lines'] {
  return draft.lines.map((l) => ({
    label: l.label,
    post: l.post,
    grade: l.grade,
    step: l.step,
    ...(l.qualification !== undefined ? { qualification: l.qualification } : {}),
    // an empty fixed box is left out, so the schema says "give fixed or share" for that line
    ...(l.kind === 'fixed' ? (l.fixed === null ? {} : { fixed: l.fixed }) : { share: shareText(l.sharePercent) }),
  }));
}

// an edited preset is no longer what its name says (e.g. "两委 30 %"); the name goes into the workbook, which is Chinese
const EDITED = '（已调整）';

export function mixFromDraft(draft: MixDraft, preset: PostMix): PostMixInput {
  const lines = linesFromDraft(draft);
  const edited = JSON.stringify(lines) !== JSON.stringify(linesFromDraft(draftFromMix(preset)));
  // the 绩效 share (Jilin: 30 % of pay) is not edited here: an edited mix is priced with its preset's
  const performance = preset.performanceShare;
  return {
    name: edited ? `${preset.name}${EDITED}` : preset.name,
    months: draft.months,
    bonusMonths: draft.bonusMonths,
    ...(performance !== undefined ? { performanceShare: performance } : {}),
    lines,
  };
}

/** The shares typed so far, in percent, summed exactly; null while a box is not a number. */
export function sharePercentTotal(draft: MixDraft): string | null {
  let total: Decimal = ZERO;
  for (const l of draft.lines) {
    if (l.kind !== 'share') continue;
    const t = l.sharePercent.trim();
    if (!isDecimalText(t)) return null;
    total = add(total, parseDecimal(t));
  }
  return toPlainString(total);
}

/** A copy of line `index` placed right after it (a fresh key; same post, grade and share to edit). */
export function copyLine(draft: MixDraft, index: number): MixDraft {
  const lines = [...draft.lines];
  lines.splice(index + 1, 0, { ...lines[index]!, key: newKey() });
  return { ...draft, lines };
}

export function removeLine(draft: MixDraft, index: number): MixDraft {
  return { ...draft, lines: draft.lines.filter((_, i) => i !== index) };
}

export function updateLine(draft: MixDraft, index: number, patch: Partial<MixLineDraft>): MixDraft {
  return { ...draft, lines: draft.lines.map((l, i) => (i === index ? { ...l, ...patch } : l)) };
}

/** A removed line put back at `index` (its place when it was removed), unless the draft has it again already. */
export function restoreLine(draft: MixDraft, line: MixLineDraft, index: number): MixDraft {
  if (draft.lines.some((l) => l.key === line.key)) return draft;
  const at = Math.min(index, draft.lines.length);
  return { ...draft, lines: [...draft.lines.slice(0, at), line, ...draft.lines.slice(at)] };
}
