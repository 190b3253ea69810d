import { percentToRatio as corePercentToRatio, ratioToPercent } from '../../../src/core/money/percent';
import { staffDraftRecordSchema, type ProjectDraftRecord } from '../../../src/core/projects/draftRecord';
import type { Project, StoredProject } from '../../../src/core/projects/schema';
import { projectSchema } from '../../../src/core/projects/schema';
import { costLineSchema, staffLineSchema } from '../../../src/core/spec/budgetSpec';
import { zodProblems, type FieldProblem } from '../../../src/core/spec/fields';
import { schemaMessage, type Lang } from '../../i18n';
import { fieldLabels, lineFieldLabels, linePlace } from './messages';

/**
 * The editor's working copy of a project: every field as the text the user typed (so "1." or an
 * empty box is representable while typing), rates in percent as finance officers write them.
 * `projectFromDraft` turns it back into a validated project, naming each bad field (in Chinese unless asked otherwise).
 */
export interface StaffDraft {
  key: string;
  post: string;
  grade: string;
  step: number;
  qualification: string; // '' = none
  count: string;
  months: string;
  bonusMonths: string;
  monthly: string; // agreed monthly pay (约定月薪); '' = from the guide
  note: string;
  extras: Project['staff'][number]['extras'];
  /** 非社工岗 (财务、行政…): post and grade are free text, paid the agreed monthly, no guide cell; absent = a social-work post */
  nonSocialWork?: boolean;
}

export interface CostDraft {
  key: string;
  category: string;
  name: string;
  unitPrice: string;
  quantity: string;
  times: string;
  note: string;
}

export interface ProjectDraft {
  name: string;
  purchaser: string;
  provider: string;
  periodStart: string;
  periodMonths: string;
  guideId: number;
  contributionSetId: number;
  /** 期间内调整: later contribution sets of the same city within the period (a July base reset), earliest first */
  laterContributionSetIds: number[];
  staff: StaffDraft[];
  costs: CostDraft[];
  managementPercent: string;
  taxMethod: 'simple' | 'gross-up';
  taxPercent: string; // simple: rate on the subtotal
  vatPercent: string; // gross-up: 增值税
  surchargePercent: string; // gross-up: 附加税费 (on the VAT)
  minLabourPercent: string; // '' = no rule
  maxManagementPercent: string;
  posts: Project['rules']['posts'];
  /** rules the editor has no box for (吉林 payReference, the social-work post share): kept as they were, so saving never drops them */
  otherRules?: OtherRules;
  pricePerPostYear: string; // '' = no purchase-by-post comparison
  purchasePosts: string;
  notes: string;
  sample: boolean;
}

export type OtherRules = Pick<Project['rules'], 'payReference' | 'minSocialWorkPostShare'>;

const otherRulesOf = (r: Project['rules']): OtherRules | undefined =>
  r.payReference === undefined && r.minSocialWorkPostShare === undefined
    ? undefined
    : {
        ...(r.payReference !== undefined ? { payReference: r.payReference } : {}),
        ...(r.minSocialWorkPostShare !== undefined ? { minSocialWorkPostShare: r.minSocialWorkPostShare } : {}),
      };

let keySeq = 0;
export const newKey = (prefix: string) => `${prefix}${++keySeq}`;

export { ratioToPercent };

/** "8" → "0.08" (the core's exact shift); this form has always read a leading + or −, leaving a negative rate for the schema to refuse. */
export const percentToRatio = (percent: string): string | null => corePercentToRatio(percent, { signed: true });

const numText = (n: number) => String(n);

export function draftFromProject(p: Project): ProjectDraft {
  return {
    name: p.name,
    purchaser: p.purchaser,
    provider: p.provider,
    periodStart: p.periodStart,
    periodMonths: numText(p.periodMonths),
    guideId: p.guideId,
    contributionSetId: p.contributionSetId,
    laterContributionSetIds: [...p.laterContributionSetIds],
    staff: p.staff.map((s) => ({
      key: newKey('s'),
      post: s.post,
      grade: s.grade,
      step: s.step,
      qualification: s.qualification ?? '',
      count: numText(s.count),
      months: numText(s.months),
      bonusMonths: numText(s.bonusMonths),
      monthly: s.monthly ?? '',
      note: s.note ?? '',
      extras: s.extras,
      ...(s.nonSocialWork ? { nonSocialWork: true } : {}),
    })),
    costs: p.costs.map((c) => ({
      key: newKey('c'),
      category: c.category,
      name: c.name,
      unitPrice: c.unitPrice,
      quantity: numText(c.quantity),
      times: numText(c.times),
      note: c.note ?? '',
    })),
    managementPercent: ratioToPercent(p.managementRate),
    taxMethod: p.tax.method,
    taxPercent: p.tax.method === 'simple' ? ratioToPercent(p.tax.rate) : '0',
    vatPercent: p.tax.method === 'gross-up' ? ratioToPercent(p.tax.vat) : '1',
    surchargePercent: p.tax.method === 'gross-up' ? ratioToPercent(p.tax.surcharge) : '12',
    minLabourPercent: p.rules.minLabourShare === undefined ? '' : ratioToPercent(p.rules.minLabourShare),
    maxManagementPercent: p.rules.maxManagementShare === undefined ? '' : ratioToPercent(p.rules.maxManagementShare),
    posts: p.rules.posts,
    ...(otherRulesOf(p.rules) ? { otherRules: otherRulesOf(p.rules) } : {}),
    pricePerPostYear: p.purchaseByPost?.pricePerPostYear ?? '',
    purchasePosts: p.purchaseByPost?.posts === undefined ? '' : numText(p.purchaseByPost.posts),
    notes: p.notes,
    sample: p.sample,
  };
}

/** A number box's text as a JSON number for the schema; text that is no number stays text so zod names it. */
function num(text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

/** Percent text as the schema's ratio text; unparsable text is passed through for zod to name. */
function rate(percent: string): string {
  return percentToRatio(percent) ?? percent;
}

const opt = (t: string) => (t.trim() === '' ? undefined : t.trim());

/** A staff line as the raw object the line schema validates. */
function rawStaffLine(s: StaffDraft): unknown {
  return {
    post: s.post,
    grade: s.grade,
    step: s.step,
    qualification: opt(s.qualification),
    count: num(s.count),
    months: num(s.months),
    bonusMonths: num(s.bonusMonths) ?? 0,
    monthly: opt(s.monthly),
    extras: s.extras,
    note: opt(s.note),
    nonSocialWork: s.nonSocialWork ? true : undefined,
  };
}

function rawCostLine(c: CostDraft): unknown {
  return {
    category: c.category,
    name: c.name,
    unitPrice: c.unitPrice.trim(),
    quantity: num(c.quantity),
    times: num(c.times) ?? 1,
    note: opt(c.note),
  };
}

/** The raw object the project schema validates (paths match the draft's fields). */
export function rawProjectFromDraft(d: ProjectDraft): unknown {
  return { ...rawProjectFields(d), staff: d.staff.map(rawStaffLine), costs: d.costs.map(rawCostLine) };
}

/** Everything but the lines (staff and costs empty, in their places). */
function rawProjectFields(d: ProjectDraft): Record<string, unknown> {
  return {
    name: d.name,
    purchaser: d.purchaser,
    provider: d.provider,
    periodStart: d.periodStart,
    periodMonths: num(d.periodMonths),
    guideId: d.guideId,
    contributionSetId: d.contributionSetId,
    laterContributionSetIds: d.laterContributionSetIds,
    staff: [],
    costs: [],
    managementRate: rate(d.managementPercent || '0'),
    tax:
      d.taxMethod === 'simple'
        ? { method: 'simple', rate: rate(d.taxPercent || '0') }
        : { method: 'gross-up', vat: rate(d.vatPercent || '0'), surcharge: rate(d.surchargePercent || '0') },
    rules: {
      minLabourShare: d.minLabourPercent.trim() === '' ? undefined : rate(d.minLabourPercent),
      maxManagementShare: d.maxManagementPercent.trim() === '' ? undefined : rate(d.maxManagementPercent),
      posts: d.posts,
      ...d.otherRules,
    },
    purchaseByPost: d.pricePerPostYear.trim() === '' ? null : { pricePerPostYear: d.pricePerPostYear.trim(), posts: num(d.purchasePosts) },
    notes: d.notes,
    sample: d.sample,
  };
}

/** `staff[3].monthly` → "人员经费第 4 行「约定月薪」" (en: "Staff costs, line 4, agreed monthly"); percent fields are reported as the box the user sees. */
export function describePath(path: string, lang: Lang = 'zh'): string {
  const labels: Record<string, string | undefined> = fieldLabels[lang];
  const line = /^(staff|costs)\[(\d+)\]\.?(\w*)/.exec(path);
  if (line) {
    const lineLabels: Record<string, string | undefined> = lineFieldLabels[lang];
    const field = line[3] ? (lineLabels[line[3]] ?? labels[line[3]] ?? line[3]) : '';
    return linePlace[lang].line(line[1] as 'staff' | 'costs', Number(line[2]) + 1, field);
  }
  const last = path
    .split('.')
    .pop()!
    .replace(/\[\d+\]$/, '');
  const label = labels[last];
  if (label === undefined) return path;
  return lang === 'en' ? label.charAt(0).toUpperCase() + label.slice(1) : label;
}

/**
 * A problem as the page shows it: where, then what. The Chinese text stays the schema's whole
 * "中文 / English" message (as it always was); English shows the English half only.
 */
export function describeProblem(path: string, message: string, lang: Lang = 'zh'): string {
  return linePlace[lang].join(describePath(path, lang), lang === 'en' ? schemaMessage(message, lang) : message);
}

export type DraftCheck = { ok: true; project: Project } | { ok: false; problems: FieldProblem[] };

type StaffLine = Project['staff'][number];
type CostLine = Project['costs'][number];
/** One line checked on its own; problem paths are relative to the line ("monthly", "(root)"). */
type LineCheck<T> = { ok: true; line: T } | { ok: false; problems: FieldProblem[] };

/*
 * Lines are checked one by one and the answer kept per draft line object: an edit replaces only the
 * edited line's object (the others keep their identity), so a keystroke in a 200-line budget
 * validates one line and the project's own fields, not 200 lines. Same schemas, same messages.
 */
const staffChecks = new WeakMap<StaffDraft, LineCheck<StaffLine>>();
const costChecks = new WeakMap<CostDraft, LineCheck<CostLine>>();
const LINE_FIELDS = new Set(['staff', 'costs']);
const FIELD_ORDER = Object.keys(projectSchema.shape);
const STAFF_AT = FIELD_ORDER.indexOf('staff');

function checkLine<D extends object, T>(
  cache: WeakMap<D, LineCheck<T>>,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: Parameters<typeof zodProblems>[0] } },
  draft: D,
  raw: (d: D) => unknown,
): LineCheck<T> {
  let checked = cache.get(draft);
  if (!checked) {
    const parsed = schema.safeParse(raw(draft));
    checked = parsed.success ? { ok: true, line: parsed.data } : { ok: false, problems: zodProblems(parsed.error) };
    cache.set(draft, checked);
  }
  return checked;
}

const linePath = (list: string, i: number, rel: string) => `${list}[${i}]${rel === '(root)' ? '' : rel.startsWith('[') ? rel : '.' + rel}`;

/**
 * The draft checked part by part: the project's own fields (with no lines) if they pass, each line
 * as a valid line or null, and every problem in page order with the draft's paths. The budget of
 * the valid lines alone (provisional.ts) is priced from this when some lines are bad.
 */
export interface DraftParts {
  head: Project | null;
  staff: (StaffLine | null)[];
  costs: (CostLine | null)[];
  problems: FieldProblem[];
}

export function checkDraft(d: ProjectDraft, lang: Lang = 'zh'): DraftParts {
  const head = projectSchema.safeParse(rawProjectFields(d));
  const headProblems = head.success ? [] : zodProblems(head.error);
  const before = headProblems.filter((p) => FIELD_ORDER.indexOf(p.path.split(/[.[]/)[0]!) < STAFF_AT && !LINE_FIELDS.has(p.path.split(/[.[]/)[0]!));
  const after = headProblems.filter((p) => !before.includes(p));
  const problems: FieldProblem[] = [...before];
  const staff = d.staff.map((s, i) => {
    const c = checkLine(staffChecks, staffLineSchema, s, rawStaffLine);
    if (c.ok) return c.line;
    for (const p of c.problems) problems.push({ path: linePath('staff', i, p.path), message: p.message });
    return null;
  });
  const costs = d.costs.map((x, i) => {
    const c = checkLine(costChecks, costLineSchema, x, rawCostLine);
    if (c.ok) return c.line;
    for (const p of c.problems) problems.push({ path: linePath('costs', i, p.path), message: p.message });
    return null;
  });
  problems.push(...after);
  return {
    head: head.success ? head.data : null,
    staff,
    costs,
    problems: problems.map((p) => ({ path: p.path, message: describeProblem(p.path, p.message, lang) })),
  };
}

export function projectFromDraft(d: ProjectDraft, lang: Lang = 'zh'): DraftCheck {
  const parts = checkDraft(d, lang);
  if (parts.problems.length === 0 && parts.head) {
    return { ok: true, project: { ...parts.head, staff: parts.staff as StaffLine[], costs: parts.costs as CostLine[] } };
  }
  return { ok: false, problems: parts.problems };
}

/** One line on its own (a pasted row in the preview): its problems, paths relative to the line ("name"). */
export function staffLineProblems(s: StaffDraft): FieldProblem[] {
  const c = checkLine(staffChecks, staffLineSchema, s, rawStaffLine);
  return c.ok ? [] : c.problems;
}

export function costLineProblems(x: CostDraft): FieldProblem[] {
  const c = checkLine(costChecks, costLineSchema, x, rawCostLine);
  return c.ok ? [] : c.problems;
}

/**
 * 非社工岗 in a kept draft: only once the store's draft record takes the flag (src/core/projects/draftRecord.ts);
 * until then a kept draft holds the line as typed without it, rather than being refused whole.
 */
const RECORD_KEEPS_NON_SOCIAL_WORK = 'nonSocialWork' in staffDraftRecordSchema.shape;

/** The draft as the store keeps it (草稿): the text as typed, without the editor's row keys. */
export function recordFromDraft(d: ProjectDraft): ProjectDraftRecord {
  return {
    ...d,
    staff: d.staff.map(({ key: _key, nonSocialWork, ...s }) => (nonSocialWork && RECORD_KEEPS_NON_SOCIAL_WORK ? { ...s, nonSocialWork } : s)),
    costs: d.costs.map(({ key: _key, ...c }) => c),
  };
}

/** A kept draft back in the editor, each line with a fresh row key. */
export function draftFromRecord(r: ProjectDraftRecord): ProjectDraft {
  const { otherRules, ...rest } = r;
  return {
    ...rest,
    ...(otherRules ? { otherRules } : {}),
    laterContributionSetIds: r.laterContributionSetIds ?? [],
    posts: r.posts,
    staff: r.staff.map((s) => ({ key: newKey('s'), ...s })),
    costs: r.costs.map((c) => ({ key: newKey('c'), ...c })),
  };
}

export function projectInputFromStored(p: StoredProject): Project {
  const { id: _id, updatedAt: _u, ...rest } = p;
  return rest;
}
