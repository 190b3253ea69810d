import { z } from 'zod';
import { compare, isDecimalText, parseDecimal } from '../money/decimal';

/**
 * Field types of the budget spec and of every API input, with the domain range of each kind of
 * number stated once (docs/design.md §Budget spec). Money and rates travel as strings so that no
 * binary floating point sits between what the user typed and the exact arithmetic; counts travel
 * as JSON numbers and are taken by their shortest text, as src/core/money/decimal.ts reads them.
 * Messages are Chinese first with the English contract wording after the slash, and say the range.
 *
 * Every bound is checked on the text before the exact arithmetic sees it, so a 400-digit salary or
 * a head count of 1e21 is a field problem, never a BigInt of that size or an engine error.
 */

/**
 * The ranges. Generous for real budgets, tight enough that nothing meaningless passes: a bid or a
 * district plan never needs more than these, and each is far below what the exact arithmetic,
 * the store or a spreadsheet cell can carry.
 */
export const LIMITS = {
  /** yuan (monthly pay, allowances, unit prices, bases, reference wages): 0 to 100 亿, to the fen */
  money: { min: '0', max: '10000000000', places: 2 },
  /** yuan per unit of a cost line (元/度, 元/次): up to 4 decimals as tariffs are written; its amount still rounds to the fen */
  unitPrice: { min: '0', max: '10000000000', places: 4 },
  /** people on one staff line; 0.5 = a half-time post */
  headCount: { min: '0.01', max: '10000', places: 2 },
  /** months a staff line is paid; the project period is whole months in the same range */
  months: { min: '1', max: '600', places: 2 },
  /** 年终奖等额外月数 */
  bonusMonths: { min: '0', max: '24', places: 2 },
  /** quantity of a cost line (次、人次、份…) */
  quantity: { min: '0', max: '1000000', places: 2 },
  /** times a cost line repeats */
  times: { min: '0.01', max: '10000', places: 2 },
  /** posts in a range of posts (rules.posts) */
  posts: { min: '0', max: '1000000', places: 2 },
  /** posts bought by post (purchaseByPost.posts) */
  purchasedPosts: { min: '0.01', max: '1000000', places: 2 },
  /** a rate of an amount (contribution items, levies, management fee, VAT, surcharge, a labour-share minimum): 1 or more is no rate */
  rate: { min: '0', below: '1', places: 8 },
  /** a share of a whole that may be all of it (certificate rate 100 %, a post-mix share, an elderly share) */
  share: { min: '0', max: '1', places: 8 },
  /** a pay-guide coefficient × the reference wage */
  coefficient: { min: '0', max: '100', places: 8 },
  /** whole numbers */
  step: { min: 1, max: 100 },
  periodMonths: { min: 1, max: 600 },
  households: { min: 0, max: 10_000_000 },
  residents: { min: 0, max: 100_000_000 },
  /** staff of one community or unit (现有人数, 持证人数) and posts of a rule */
  unitStaff: { min: 0, max: 100_000 },
  /** a count a ratio rule divides (职工, 基层工会, 常住人口) */
  ruleCount: { min: 0, max: 100_000_000 },
  year: { min: 1900, max: 2100 },
  /** text */
  nameLength: 200,
  textLength: 2000,
  /** list lengths: a district budget of 100,000 staff lines is priced and written as a workbook (docs/design.md §Excel workbooks) */
  staffLines: 100_000,
  costLines: 10_000,
  guideRows: 10_000,
  allowances: 200,
  extras: 50,
  contributionItems: 50,
  levies: 50,
  guideVersions: 1_000,
  /** dated contribution sets in one spec v2 budget (a July base reset each year of a long period) */
  contributionSets: 100,
  communities: 200_000,
  ruleVersions: 100,
  minimumPosts: 50,
  postMixLines: 200,
} as const;

/**
 * The message of a value of the wrong type, or of a missing one: a field left out is said to be
 * missing rather than of the wrong type.
 */
const MISSING = '缺少必填字段 / required field is missing';
export function typeError(message: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? MISSING : message);
}

const PLACES_ZH = ['零', '一', '两', '三', '四', '五', '六', '七', '八'];

/** "0.01 到 10000 之间", "0 到 100 亿之间": large bounds in 万 / 亿 as a notice writes them. */
function betweenZh(min: string | number, max: string | number): string {
  const n = Number(max);
  if (n >= 1e8 && n % 1e8 === 0) return `${min} 到 ${n / 1e8} 亿之间`;
  if (n >= 1e5 && n % 1e4 === 0) return `${min} 到 ${n / 1e4} 万之间`;
  return `${min} 到 ${max} 之间`;
}

const readableEn = (text: string) => (Number(text) >= 1e5 ? Number(text).toLocaleString('en-US') : text);

// ---------------------------------------------------------------------------------------------
// Decimal text, compared digit by digit (no BigInt, no float) so that any length is cheap.

const DECIMAL_PLAIN = /^\d+(\.\d+)?$/;

/** -1, 0, 1 for two plain non-negative decimal texts ("0006500.5" vs "10000000000"). */
function compareDecimalText(a: string, b: string): -1 | 0 | 1 {
  const [ai, af = ''] = a.split('.');
  const [bi, bf = ''] = b.split('.');
  const ia = ai!.replace(/^0+(?=\d)/, '');
  const ib = bi!.replace(/^0+(?=\d)/, '');
  if (ia.length !== ib.length) return ia.length < ib.length ? -1 : 1;
  if (ia !== ib) return ia < ib ? -1 : 1;
  const width = Math.max(af.length, bf.length);
  const fa = af.padEnd(width, '0');
  const fb = bf.padEnd(width, '0');
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

const placesOf = (text: string) => (text.split('.')[1] ?? '').length;

interface DecimalRange {
  min: string;
  /** inclusive upper bound */
  max?: string;
  /** exclusive upper bound */
  below?: string;
  places: number;
}

/** Whether plain decimal text lies in the range with at most its places. */
export function decimalTextInRange(text: string, range: DecimalRange): boolean {
  if (text.length > 64 || !DECIMAL_PLAIN.test(text) || placesOf(text) > range.places) return false;
  if (compareDecimalText(text, range.min) < 0) return false;
  if (range.max !== undefined && compareDecimalText(text, range.max) > 0) return false;
  if (range.below !== undefined && compareDecimalText(text, range.below) >= 0) return false;
  return true;
}

/** The range in words: "0.01 到 10000 之间，最多两位小数". */
function rangeZh(r: DecimalRange): string {
  const where = r.max !== undefined ? `须在 ${betweenZh(r.min, r.max)}` : `须不小于 ${r.min} 且小于 ${r.below}`;
  return `${where}，最多${PLACES_ZH[r.places]}位小数`;
}

function rangeEn(r: DecimalRange): string {
  const upper = r.max !== undefined ? `from ${r.min} to ${readableEn(r.max)}` : `from ${r.min} up to (not including) ${r.below}`;
  return `${upper}, at most ${r.places} decimals`;
}

// ---------------------------------------------------------------------------------------------
// Numbers given as JSON numbers (counts, months, quantities)

/**
 * A JSON number in a range with at most `places` decimals, judged by its shortest text (what the
 * user wrote): 1e-30 and 1e21 are refused, never read as 0 or as a 22-digit head count.
 */
function decimalNumber(range: DecimalRange, lead = '') {
  const message = `${lead ? `${lead}，` : ''}${rangeZh(range)} / ${lead ? 'must be a positive number ' : 'must be a number '}${rangeEn(range)}`;
  // The bounds are zod's own checks (and the JSON Schema's minimum/maximum); the places are checked on the double:
  // n has at most p decimals in its shortest text exactly when round(n × 10^p) ÷ 10^p gives n back, since that
  // division is correctly rounded. 1e-30 fails it, 1e21 fails the maximum, and no text is built per number.
  const scale = 10 ** range.places;
  const inPlaces = (n: number) => Number.isInteger(n) || Math.round(n * scale) / scale === n;
  let schema = z.number({ error: typeError(message) }).min(Number(range.min), message);
  if (range.max !== undefined) schema = schema.max(Number(range.max), message);
  if (range.below !== undefined) schema = schema.lt(Number(range.below), message);
  return schema.refine(inPlaces, message);
}

/** people on one line: 0.01–10,000, 2 decimals */
export const headCount = decimalNumber(LIMITS.headCount, '必须是正数');
/** months a line is paid: 1–600, 2 decimals */
export const lineMonths = decimalNumber(LIMITS.months, '必须是正数');
/** 0–24, 2 decimals */
export const bonusMonths = decimalNumber(LIMITS.bonusMonths);
/** 0–1,000,000, 2 decimals */
export const quantity = decimalNumber(LIMITS.quantity);
/** 0.01–10,000, 2 decimals */
export const times = decimalNumber(LIMITS.times, '必须是正数');
/** 0–1,000,000, 2 decimals */
export const postCount = decimalNumber(LIMITS.posts);
/** 0.01–1,000,000, 2 decimals */
export const purchasedPosts = decimalNumber(LIMITS.purchasedPosts, '必须是正数');

/** Kept for readers of the older names: a head count, and a count that may be 0 (bonus months). */
export const positiveCount = headCount;
export const nonNegativeCount = bonusMonths;

// ---------------------------------------------------------------------------------------------
// Whole numbers

/** A whole number in [min, max]; the message says the range. */
export function wholeNumber(range: { min: number; max: number }, what = '') {
  const message = `${what}须为 ${betweenZh(range.min, range.max)}的整数 / must be a whole number from ${range.min} to ${readableEn(String(range.max))}`;
  return z
    .number({ error: typeError(message) })
    .int(message)
    .min(range.min, message)
    .max(range.max, message);
}

/** 档次 1–100 */
export const positiveInteger = wholeNumber(LIMITS.step);
export const stepNumber = positiveInteger;
/** a project's period: 1–600 months */
export const periodMonths = wholeNumber(LIMITS.periodMonths);
/** 户数 0–10,000,000 */
export const households = wholeNumber(LIMITS.households);
/** 常住人口 0–100,000,000 */
export const residents = wholeNumber(LIMITS.residents);
/** staff of a community or unit, and posts of a rule: 0–100,000 */
export const staffNumber = wholeNumber(LIMITS.unitStaff);
/** the same, at least 1 (a per-N divisor, a minimum of posts) */
export const positiveStaffNumber = wholeNumber({ min: 1, max: LIMITS.unitStaff.max });
/** households of a band and per-N households: 0 / 1 – 10,000,000 */
export const householdCount = households;
export const positiveHouseholdCount = wholeNumber({ min: 1, max: LIMITS.households.max });
/** a count a ratio rule divides (职工, 基层工会, 常住人口): 0–100,000,000; its divisor at least 1 */
export const ruleCount = wholeNumber(LIMITS.ruleCount);
export const positiveRuleCount = wholeNumber({ min: 1, max: LIMITS.ruleCount.max });

// ---------------------------------------------------------------------------------------------
// Decimal strings (money, rates, shares, coefficients)

function decimalString(range: DecimalRange, typeMessage: string, formatMessage: string, rangeMessage: string, pattern: RegExp) {
  return z
    .string({ error: typeError(typeMessage) })
    .regex(pattern, formatMessage)
    .refine((s) => !pattern.test(s) || decimalTextInRange(s, range), rangeMessage);
}

/** Non-negative yuan with at most 2 decimals, up to 100 亿: "6500.00". */
export const moneyText = decimalString(
  LIMITS.money,
  '必须是金额文本，如 "6500.00" / must be an amount string like "6500.00"',
  '必须是不小于 0、最多两位小数的金额，如 "6500.00" / must be a non-negative amount with at most 2 decimals',
  `金额（元）${rangeZh(LIMITS.money)} / must be an amount in yuan ${rangeEn(LIMITS.money)}`,
  /^\d+(\.\d{1,2})?$/,
);

/** A unit price of a cost line, non-negative yuan with at most 4 decimals: "0.6173" (元/度). */
export const unitPriceText = decimalString(
  LIMITS.unitPrice,
  '必须是金额文本，如 "800.00" / must be an amount string like "800.00"',
  '必须是不小于 0、最多四位小数的单价，如 "0.6173" / must be a non-negative unit price with at most 4 decimals',
  `单价（元）${rangeZh(LIMITS.unitPrice)} / must be a unit price in yuan ${rangeEn(LIMITS.unitPrice)}`,
  /^\d+(\.\d{1,4})?$/,
);

/** A rate of an amount, 0 ≤ rate < 1, at most 8 decimals: "0.16". */
export const rateText = decimalString(
  LIMITS.rate,
  '必须是比例文本，如 "0.16" / must be a rate string like "0.16"',
  '必须是 0 到 1 之间（不含 1）、最多八位小数的小数，如 "0.16" / must be a decimal rate between 0 and 1 (below 1), at most 8 decimals',
  '必须是 0 到 1 之间（不含 1）、最多八位小数的小数，如 "0.16" / must be a decimal rate between 0 and 1 (below 1), at most 8 decimals',
  /^\d+(\.\d{1,8})?$/,
);

/** A share of a whole, 0 ≤ share ≤ 1, at most 8 decimals: "0.80", "1". */
export const shareText = decimalString(
  LIMITS.share,
  '必须是比例文本，如 "0.80" / must be a share string like "0.80"',
  '必须是 0 到 1 之间、最多八位小数的小数，如 "0.80" / must be a decimal between 0 and 1, at most 8 decimals',
  '必须是 0 到 1 之间、最多八位小数的小数，如 "0.80" / must be a decimal between 0 and 1, at most 8 decimals',
  /^\d+(\.\d{1,8})?$/,
);

/** A coefficient (may exceed 1, up to 100): "1.35". */
export const coefficientText = decimalString(
  LIMITS.coefficient,
  '必须是系数文本，如 "1.35" / must be a coefficient string like "1.35"',
  '必须是非负小数，最多八位小数，如 "1.35" / must be a non-negative decimal, at most 8 decimals',
  `系数${rangeZh(LIMITS.coefficient)} / must be a coefficient ${rangeEn(LIMITS.coefficient)}`,
  /^\d+(\.\d{1,8})?$/,
);

// ---------------------------------------------------------------------------------------------
// Text, dates, lists

export const nonEmptyText = z
  .string({ error: typeError('必须是文本 / must be text') })
  .trim()
  .min(1, '不能为空 / must not be empty')
  .max(LIMITS.nameLength, `不能超过 ${LIMITS.nameLength} 个字符 / at most ${LIMITS.nameLength} characters`);

export const optionalText = z
  .string({ error: typeError('必须是文本 / must be text') })
  .max(LIMITS.textLength, `不能超过 ${LIMITS.textLength} 个字符 / at most ${LIMITS.textLength} characters`);

const YEAR_MONTH_MESSAGE = `必须是 ${LIMITS.year.min} 到 ${LIMITS.year.max} 年间的年月，如 "2026-01" / must be a year-month like "2026-01" (years ${LIMITS.year.min}–${LIMITS.year.max})`;
const DATE_MESSAGE = `必须是 ${LIMITS.year.min} 到 ${LIMITS.year.max} 年间的日期，如 "2026-01-01" / must be a date like "2026-01-01" (years ${LIMITS.year.min}–${LIMITS.year.max})`;
const yearInRange = (s: string) => {
  const y = Number(s.slice(0, 4));
  return y >= LIMITS.year.min && y <= LIMITS.year.max;
};

export const yearMonth = z
  .string({ error: typeError(YEAR_MONTH_MESSAGE) })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, YEAR_MONTH_MESSAGE)
  .refine((s) => !/^\d{4}/.test(s) || yearInRange(s), YEAR_MONTH_MESSAGE);

/** A calendar date: 2026-02-30 is no date. */
function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return true; // the pattern reports it
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return yearInRange(s) && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export const isoDate = z
  .string({ error: typeError(DATE_MESSAGE) })
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, DATE_MESSAGE)
  .refine(isCalendarDate, DATE_MESSAGE);

/** A list of at most `max` items (and at least `min`), the limit named in the message. */
export function boundedList<T extends z.ZodType>(item: T, max: number, min = 0, minMessage?: string) {
  const list = z.array(item).max(max, `最多 ${max.toLocaleString('en-US')} 项 / at most ${max.toLocaleString('en-US')} items`);
  return min > 0 ? list.min(min, minMessage ?? `至少 ${min} 项 / at least ${min} items`) : list;
}

// ---------------------------------------------------------------------------------------------
// Problems

/** `staff[2].count` from a zod issue path. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += (out ? '.' : '') + String(key);
  }
  return out || '(root)';
}

export interface FieldProblem {
  path: string;
  message: string;
}

type Issue = z.core.$ZodIssue;

/**
 * How far an object was from a branch of a union: its unknown keys and its missing or mistyped
 * own fields. The branch the user meant is the one the object is nearest to.
 */
function branchDistance(issues: readonly Issue[]): number {
  let d = 0;
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0) d += issue.keys.length;
    else if (issue.code === 'invalid_type' && issue.path.length <= 1) d += 1;
  }
  return d;
}

/**
 * A failed union (payGuide is `{ "ref" }` or an inline guide) is reported by the branch the input
 * is nearest to, so a mistake inside an inline guide names its own path (payGuide.rows[0].monthly)
 * instead of the union's summary. When the input fits no branch better than another — not an object,
 * or an empty one — the union's own message stands.
 */
function flattenUnion(issue: Issue & { code: 'invalid_union' }): Issue[] | null {
  const branches = (issue.errors ?? []).filter((b) => b.length > 0);
  if (branches.length < 2) return branches[0] ? branches[0].map((i) => ({ ...i, path: [...issue.path, ...i.path] })) : null;
  if (branches.every((b) => b.some((i) => i.path.length === 0 && i.code === 'invalid_type'))) return null;
  if (!branches.some((b) => b.some((i) => i.code === 'unrecognized_keys' || i.path.length > 1))) return null;
  const scored = branches.map((b) => ({ b, d: branchDistance(b) })).sort((x, y) => x.d - y.d);
  if (scored[0]!.d === scored[1]!.d) return null;
  return scored[0]!.b.map((i) => ({ ...i, path: [...issue.path, ...i.path] }));
}

function expandIssues(issues: readonly Issue[]): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const inner = issue.code === 'invalid_union' ? flattenUnion(issue) : null;
    if (inner) out.push(...expandIssues(inner));
    else out.push(issue);
  }
  return out;
}

const TYPE_ZH: Record<string, string> = {
  object: '对象 { … }',
  array: '数组 [ … ]',
  string: '文本',
  number: '数字',
  boolean: 'true 或 false',
  null: 'null',
};

/**
 * zod's own English sentences (a schema without a message of its own: an object, a list, an enum)
 * in the "中文 / English" form every other message has.
 */
function ownMessage(issue: Issue): string {
  const m = issue.message;
  if (issue.code === 'invalid_type' && m.startsWith('Invalid input')) {
    if (/received undefined/.test(m)) return MISSING;
    return `必须是${TYPE_ZH[issue.expected] ?? issue.expected} / must be ${issue.expected === 'array' ? 'an array' : issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}`;
  }
  if (issue.code === 'invalid_value' && m.startsWith('Invalid')) {
    const options = issue.values.map((v) => JSON.stringify(v));
    return `必须是 ${options.join('、')} 之一 / must be one of ${options.join(', ')}`;
  }
  if ((issue.code === 'too_big' || issue.code === 'too_small') && m.startsWith('Too')) {
    const big = issue.code === 'too_big';
    const bound = String(issue.code === 'too_big' ? issue.maximum : issue.minimum);
    return `${big ? '不能大于' : '不能小于'} ${bound} / must be ${big ? 'at most' : 'at least'} ${bound}`;
  }
  return m;
}

export function zodProblems(error: z.ZodError): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const issue of expandIssues(error.issues as Issue[])) {
    const message = issue.code === 'unrecognized_keys' ? `未知字段 / unknown field: ${issue.keys.join(', ')}` : ownMessage(issue);
    const problem = { path: formatPath(issue.path), message };
    // a range check and a places check may both refuse a value with the same sentence: say it once
    const key = `${problem.path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

export class ValidationError extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    this.name = 'ValidationError';
  }
}

/** Contribution base floor ≤ ceiling, compared exactly (texts that are not amounts are reported by their own fields). */
export function floorNotAboveCeiling(c: { floor: string; ceiling: string }): boolean {
  if (!isDecimalText(c.floor) || !isDecimalText(c.ceiling) || c.floor.length > 64 || c.ceiling.length > 64) return true;
  return compare(parseDecimal(c.floor), parseDecimal(c.ceiling)) <= 0;
}
