import { contributionSetSchema, type ContributionSet } from '../../../src/core/contributions/schema';
import { parseDecimal, toFixed } from '../../../src/core/money/decimal';
import { percentToRatio as percentToRate, ratioToPercent as rateToPercent } from '../../../src/core/money/percent';
import { zodProblems } from '../../../src/core/spec/fields';
import { schemaMessage, type Lang } from '../../i18n';
import { contributionMessages } from './messages';

/**
 * The contribution-set form as the user types it: rates in percent ("16", "0.5", "0.26"), because
 * that is how a bureau's notice prints them, and stored as fractions ("0.16"). The shift by two
 * places is done on the decimal digits, so 0.26 % is exactly "0.0026".
 */

export interface ContributionDraft {
  city: string;
  name: string;
  effectiveFrom: string;
  floor: string;
  ceiling: string;
  items: Array<{ name: string; ratePercent: string; round: 'fen' | 'yuan' }>;
  levies: Array<{ name: string; ratePercent: string }>;
  source: string;
  sample: boolean;
  /** the stored revision this draft was opened at (none for a new set): the save names it, and is refused if another window saved since */
  basedOn?: number;
}

/** "16" → "0.16", "0.26" → "0.0026" (null when not a plain non-negative number), and back: the core's exact shift. */
export { percentToRate, rateToPercent };

export function draftFromSet(set: ContributionSet): ContributionDraft {
  return {
    city: set.city,
    name: set.name,
    effectiveFrom: set.effectiveFrom,
    floor: set.floor,
    ceiling: set.ceiling,
    items: set.items.map((i) => ({ name: i.name, ratePercent: rateToPercent(i.rate), round: i.round })),
    levies: set.levies.map((l) => ({ name: l.name, ratePercent: rateToPercent(l.rate) })),
    source: set.source,
    sample: set.sample,
  };
}

export type DraftCheck = { ok: true; set: ContributionSet } | { ok: false; problems: Record<string, string> };

/** "5,869" → "5869.00"; anything else is left for the schema to name. */
function moneyInput(raw: string): string {
  const s = raw
    .trim()
    .replace(/,/g, '')
    .replace(/\s*元$/, '');
  return /^\d+(\.\d{1,2})?$/.test(s) ? toFixed(parseDecimal(s), 2) : s;
}

/**
 * Validates the draft with the store's own schema and returns one message (in `lang`) per form
 * field, keyed by the field path ("items[2].rate", "floor") so each message sits under its input.
 */
export function checkDraft(draft: ContributionDraft, lang: Lang = 'zh'): DraftCheck {
  const m = contributionMessages[lang];
  const problems: Record<string, string> = {};
  const rate = (percent: string, path: string) => {
    const r = percentToRate(percent);
    if (r === null) problems[path] = m.notPercent(percent);
    return r ?? '0';
  };
  const candidate = {
    city: draft.city,
    name: draft.name,
    effectiveFrom: draft.effectiveFrom,
    floor: moneyInput(draft.floor),
    ceiling: moneyInput(draft.ceiling),
    items: draft.items.map((i, k) => ({ name: i.name, rate: rate(i.ratePercent, `items[${k}].rate`), round: i.round })),
    levies: draft.levies.map((l, k) => ({ name: l.name, rate: rate(l.ratePercent, `levies[${k}].rate`) })),
    source: draft.source,
    sample: draft.sample,
  };
  const parsed = contributionSetSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const p of zodProblems(parsed.error)) {
      if (problems[p.path] !== undefined) continue;
      // the schema speaks of fractions; the form is in percent
      problems[p.path] = p.path.endsWith('.rate') ? m.rateRange : schemaMessage(p.message, lang);
    }
  }
  const names = new Map<string, number>();
  draft.items.forEach((i, k) => {
    const prior = names.get(i.name.trim());
    if (prior !== undefined && i.name.trim() !== '') problems[`items[${k}].name`] ??= m.sameName(prior + 1);
    names.set(i.name.trim(), k);
  });
  if (Object.keys(problems).length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, set: parsed.data };
}

/** The schema's messages are "中文 / English": the form shows the Chinese half. */
export function chineseOnly(message: string): string {
  const cut = message.indexOf(' / ');
  return cut > 0 ? message.slice(0, cut) : message;
}

/** Field label for a problem path, for the summary above the form. */
export function fieldLabel(path: string, draft: ContributionDraft, lang: Lang = 'zh'): string {
  const m = contributionMessages[lang];
  const item = /^items\[(\d+)\]\.(\w+)$/.exec(path);
  if (item) {
    const name = draft.items[Number(item[1])]?.name || m.nthItem(Number(item[1]) + 1);
    return m.itemField(name, ({ name: m.fieldName, rate: m.employerRate, round: m.roundField } as Record<string, string>)[item[2]!] ?? item[2]!);
  }
  const levy = /^levies\[(\d+)\]\.(\w+)$/.exec(path);
  if (levy) {
    const name = draft.levies[Number(levy[1])]?.name || m.nthLevy(Number(levy[1]) + 1);
    return m.itemField(name, levy[2] === 'rate' ? m.rate : m.fieldName);
  }
  const fields: Record<string, string> = {
    city: m.fieldCity,
    name: m.fieldName,
    effectiveFrom: m.fieldEffectiveFrom,
    floor: m.fieldFloor,
    ceiling: m.fieldCeiling,
    source: m.fieldSource,
  };
  return fields[path] ?? path;
}
