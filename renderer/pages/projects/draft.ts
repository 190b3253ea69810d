import { fromInteger, isDecimalText, parseDecimal, toPlainString, divRound, mul } from '../../../src/money/decimal';
import type { Project, StoredProject } from '../../../src/projects/schema';
import { projectSchema } from '../../../src/projects/schema';
import { zodProblems, type FieldProblem } from '../../../src/spec/fields';

/**
 * The editor's working copy of a project: every field as the text the user typed (so "1." or an
 * empty box is representable while typing), rates in percent as finance officers write them.
 * `projectFromDraft` turns it back into a validated project, naming each bad field in Chinese.
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
  pricePerPostYear: string; // '' = no purchase-by-post comparison
  purchasePosts: string;
  notes: string;
  sample: boolean;
}

let keySeq = 0;
export const newKey = (prefix: string) => `${prefix}${++keySeq}`;

const HUNDRED = fromInteger(100);

/** "0.08" → "8": exact, on decimals. */
export function ratioToPercent(ratio: string): string {
  return toPlainString(mul(parseDecimal(ratio), HUNDRED));
}

/** "8" → "0.08": exact (a shift of two places, never rounded). */
export function percentToRatio(percent: string): string | null {
  const t = percent.trim();
  if (!isDecimalText(t)) return null;
  const d = parseDecimal(t);
  return toPlainString(divRound(d, HUNDRED, d.scale + 2));
}

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

/** The raw object the project schema validates (paths match the draft's fields). */
export function rawProjectFromDraft(d: ProjectDraft): unknown {
  return {
    name: d.name,
    purchaser: d.purchaser,
    provider: d.provider,
    periodStart: d.periodStart,
    periodMonths: num(d.periodMonths),
    guideId: d.guideId,
    contributionSetId: d.contributionSetId,
    staff: d.staff.map((s) => ({
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
    })),
    costs: d.costs.map((c) => ({
      category: c.category,
      name: c.name,
      unitPrice: c.unitPrice.trim(),
      quantity: num(c.quantity),
      times: num(c.times) ?? 1,
      note: opt(c.note),
    })),
    managementRate: rate(d.managementPercent || '0'),
    tax:
      d.taxMethod === 'simple'
        ? { method: 'simple', rate: rate(d.taxPercent || '0') }
        : { method: 'gross-up', vat: rate(d.vatPercent || '0'), surcharge: rate(d.surchargePercent || '0') },
    rules: {
      minLabourShare: d.minLabourPercent.trim() === '' ? undefined : rate(d.minLabourPercent),
      maxManagementShare: d.maxManagementPercent.trim() === '' ? undefined : rate(d.maxManagementPercent),
      posts: d.posts,
    },
    purchaseByPost: d.pricePerPostYear.trim() === '' ? null : { pricePerPostYear: d.pricePerPostYear.trim(), posts: num(d.purchasePosts) },
    notes: d.notes,
    sample: d.sample,
  };
}

const FIELD_LABELS: Record<string, string> = {
  name: '项目名称',
  purchaser: '购买主体',
  provider: '承接主体',
  periodStart: '起始月份',
  periodMonths: '服务月数',
  post: '岗位',
  grade: '等级',
  step: '档次',
  qualification: '持证等级',
  count: '人数',
  months: '月数',
  bonusMonths: '额外月数',
  monthly: '约定月薪',
  category: '费用类别',
  unitPrice: '单价',
  quantity: '数量',
  times: '次数',
  managementRate: '管理费费率',
  rate: '税率',
  vat: '增值税率',
  surcharge: '附加税费率',
  minLabourShare: '人员经费占比下限',
  maxManagementShare: '管理费占比上限',
  pricePerPostYear: '岗位购买单价',
  posts: '购买岗位数',
};

/** `staff[3].monthly` → "人员第 4 行 约定月薪"; percent fields are reported as the box the user sees. */
export function describePath(path: string): string {
  const line = /^(staff|costs)\[(\d+)\]\.?(\w*)/.exec(path);
  if (line) {
    const what = line[1] === 'staff' ? '人员' : '费用';
    const field = line[3] ? FIELD_LABELS[line[3]] ?? line[3] : '';
    return `${what}第 ${Number(line[2]) + 1} 行${field ? ' ' + field : ''}`;
  }
  const last = path.split('.').pop()!.replace(/\[\d+\]$/, '');
  return FIELD_LABELS[last] ?? path;
}

export type DraftCheck = { ok: true; project: Project } | { ok: false; problems: FieldProblem[] };

export function projectFromDraft(d: ProjectDraft): DraftCheck {
  const parsed = projectSchema.safeParse(rawProjectFromDraft(d));
  if (parsed.success) return { ok: true, project: parsed.data };
  return { ok: false, problems: zodProblems(parsed.error).map((p) => ({ path: p.path, message: `${describePath(p.path)}：${p.message}` })) };
}

export function projectInputFromStored(p: StoredProject): Project {
  const { id: _id, updatedAt: _u, ...rest } = p;
  return rest;
}
