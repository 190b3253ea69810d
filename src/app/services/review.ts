import { StoreError } from '../../../db/errors';
import type { PaybenchStore } from '../../../db/store';
import type { StoredGuideVersion, StoredPayGuide } from '../../core/guides/schema';
import { computeBudget } from '../../core/budget/compute';
import { budgetModelFromSpec, guidesUsed, isResolved } from '../../core/budget/fromSpec';
import { monthStartDate, versionInForce } from '../../core/guides/versions';
import { parseDecimal, divRound, fromInteger, isDecimalText, type Decimal } from '../../core/money/decimal';
import { inlineGuideFromVersion } from '../../core/projects/toSpec';
import { type Finding, type SeverityCounts, type Verdict, countBySeverity, verdictOf } from '../../core/review/findings';
import {
  type OfficialGuide,
  type OfficialRecords,
  type OfficialSetFor,
  type PricedBid,
  bidContributionSets,
  officialFindings,
} from '../../core/review/official';
import type { BidReading } from '../../core/review/readBid';
import { ValidationError } from '../../core/spec/fields';
import { findGuide, guideNames, versionNamed } from './guides';
import { currentJob } from './jobs';
import { ParseAbortedError, parseInWorker } from './parseInWorker';

/**
 * Review of submitted bid workbooks (docs/design.md §Excel workbooks, "Review"): each file is read and recomputed
 * in the file worker (readBid.ts: integrity and the budget's own checks), then compared here with the official
 * records in the store — the guide version in force at the bid's first month and the contribution set — unless the
 * officer names others. One file that cannot be read does not stop the others.
 */
export interface ReviewOptions {
  /** the official guide to compare with (name or number); default: the guide the bid names */
  guide?: string | undefined;
  /**
   * the version of that guide to compare with, by its label ("2026 版") or a date (YYYY-MM-DD or YYYY-MM: the version
   * in force that day); default: the version in force at the bid's first month
   */
  guideVersion?: string | undefined;
  /**
   * the official contribution set (name), for the bid's first set; default, and for a later set: the one in force for
   * its city where the bid begins to use it, or the one it names
   */
  contributions?: string | undefined;
  /** pay above the guide by more than this percentage is a warning; default DEFAULT_TOLERANCE_PERCENT */
  tolerancePercent?: string | undefined;
}

/** **Decision:** pay up to 10 % above the guide passes without a warning unless the officer sets otherwise. */
export const DEFAULT_TOLERANCE_PERCENT = '10';

export interface BidReview {
  file: string;
  name: string;
  total: string | null;
  verdict: Verdict;
  counts: SeverityCounts;
  /** the guide and contribution set the bid was compared with, as the store names them */
  comparedWith: ComparedWith;
  findings: Finding[];
}

export interface ComparedWith {
  /** "示例市社工薪酬指导价（2026 版，自 2026-01-01 起，示人社〔2026〕1 号）"; null when not compared */
  guide: string | null;
  /** the official set's name; for a bid across contribution sets, each one's, joined by "；" */
  contributions: string | null;
  /** how each was chosen: named by the officer, or found for the bid (in force at its first month) */
  guideBasis: 'picked' | 'auto';
  contributionsBasis: 'picked' | 'auto';
}

export interface UnreadableBid {
  file: string;
  message: string;
}

export interface ReviewOutcome {
  bids: BidReview[];
  unreadable: UnreadableBid[];
}

export interface BidFile {
  fileName: string;
  bytes: Uint8Array;
}

/** The tolerance as a share: "10" → 0.10. Throws ValidationError for anything but a percentage from 0 to 1000. */
export function toleranceShare(percent: string | undefined): Decimal {
  const text = (percent ?? DEFAULT_TOLERANCE_PERCENT).trim().replace(/%$/, '');
  if (!isDecimalText(text) || parseDecimal(text).units < 0n || Number(text) > 1000) {
    throw new ValidationError([
      { path: 'tolerance', message: `容差须为 0 到 1000 之间的百分数（如 10 表示 10%），收到“${percent}” / tolerance must be a percentage` },
    ]);
  }
  return divRound(parseDecimal(text), fromInteger(100), 6);
}

/** Strips a version label the inline guide's name carries: "示例市指导价（2026 版）" → "示例市指导价". */
const withoutVersion = (name: string) => name.replace(/（[^（）]*）$/, '');

/** The guide and version the officer named, looked up once for every bid; an unknown one refuses the review. */
interface OfficialChoice {
  guide: StoredPayGuide | null;
  /** the named version of the named guide */
  version: StoredGuideVersion | null;
  contributions: OfficialRecords['contributions'];
}

/**
 * What the officer picked, found in the store before any file is read. **Decision:** a guide, version or contribution
 * set the officer names and the store has not is refused (ValidationError naming the option and what there is),
 * rather than reported as "not compared" on every bid; a version named without a guide is looked for in each bid's
 * own guide.
 */
export function officialChoice(store: PaybenchStore, opts: ReviewOptions): OfficialChoice {
  const refuse = (path: string, message: string) => {
    throw new ValidationError([{ path, message }]);
  };
  let guide: StoredPayGuide | null = null;
  let version: StoredGuideVersion | null = null;
  if (opts.guide !== undefined) {
    guide = findGuide(store, opts.guide);
    if (!guide) refuse('guide', `数据库中没有名为“${opts.guide}”的指导价；现有：${guideNames(store).join('、') || '（无）'} / no such guide`);
  }
  if (guide && opts.guideVersion !== undefined) version = pickVersion(guide, opts.guideVersion, refuse);
  let contributions: OfficialChoice['contributions'] = null;
  if (opts.contributions !== undefined) {
    contributions = store.contributionSets.findByName(opts.contributions);
    if (!contributions) {
      const names = store.contributionSets.list().map((s) => s.name);
      refuse('contributions', `数据库中没有名为“${opts.contributions}”的缴费参数；现有：${names.join('、') || '（无）'} / no such contribution set`);
    }
  }
  return { guide, version, contributions };
}

/** A version by label or date (services/guides.ts versionNamed), its refusal as the option's. */
function pickVersion(guide: StoredPayGuide, which: string, refuse: (path: string, message: string) => never): StoredGuideVersion {
  try {
    return versionNamed(guide, which);
  } catch (e) {
    if (e instanceof StoreError) refuse('guideVersion', `${e.message} / no such version`);
    throw e;
  }
}

/** "示例市指导价（2026 版，自 2026-01-01 起，文号）" */
const versionTitle = (guide: StoredPayGuide, v: StoredGuideVersion) =>
  `${guide.name}（${v.label}，自 ${v.effectiveFrom} 起${v.documentNo ? `，${v.documentNo}` : ''}）`;

function officialGuide(
  store: PaybenchStore,
  reading: BidReading,
  priced: PricedBid,
  opts: ReviewOptions,
  choice: OfficialChoice,
): Pick<OfficialRecords, 'guide' | 'guides' | 'guideMissing'> & { title: string | null } {
  const spec = priced.spec;
  const bidName = reading.package.guideName || ('name' in spec.payGuide ? spec.payGuide.name : '');
  const guide = choice.guide ?? findGuide(store, bidName) ?? findGuide(store, withoutVersion(bidName));
  if (!guide) {
    return {
      guide: null,
      title: null,
      guideMissing: `数据库中没有名为“${bidName}”的指导价，未与官方指导价对照（可指定对照的指导价；现有：${guideNames(store).join('、') || '（无）'}）/ official guide not found`,
    };
  }
  const date = monthStartDate(spec.period.start);
  let version: StoredGuideVersion | null = choice.version;
  if (!version && opts.guideVersion !== undefined) {
    // a version named without a guide: looked for in the bid's own guide
    try {
      version = versionNamed(guide, opts.guideVersion);
    } catch (e) {
      if (!(e instanceof StoreError)) throw e;
      return { guide: null, title: null, guideMissing: `${e.message}，未与官方指导价对照 / no such version` };
    }
  }
  const wages = store.referenceWages.list();
  // the version as an inline guide, its reference wage the one in force where its use begins
  const official = (v: StoredGuideVersion, from: string): OfficialGuide => ({
    name: guide.name,
    versionLabel: v.label,
    guide: inlineGuideFromVersion(guide, v, wages, v.effectiveFrom > from ? v.effectiveFrom : from),
  });
  try {
    if (!version) {
      // a bid across guide versions (spec v2): each of its versions against the official one in force where the bid
      // begins to use it
      const used = isResolved(spec) ? guidesUsed(spec, priced.result.model) : [];
      if (used.length > 1) {
        const starts = used.map((g) => (g.effectiveFrom && g.effectiveFrom > date ? g.effectiveFrom : date));
        const versions = starts.map((d) => versionInForce(guide.versions, d));
        const missing = versions.findIndex((v) => v === null);
        if (missing >= 0) return { guide: null, title: null, guideMissing: `指导价“${guide.name}”在 ${starts[missing]} 没有生效的版本 / no version in force` };
        const guides = versions.map((v, b) => official(v!, starts[b]!));
        const titles = [...new Set(versions.map((v) => versionTitle(guide, v!)))];
        return { guide: guides[0]!, guides, title: titles.join('；') };
      }
    }
    version ??= versionInForce(guide.versions, date);
    if (!version) return { guide: null, title: null, guideMissing: `指导价“${guide.name}”在 ${date}（投标起始月）没有生效的版本 / no version in force` };
    return { guide: official(version, date), title: versionTitle(guide, version) };
  } catch (e) {
    if (e instanceof ValidationError) return { guide: null, title: null, guideMissing: `指导价“${guide.name}”无法展开：${e.message}` };
    throw e;
  }
}

/**
 * The official contribution set for each of the bid's sets, as 计算参数 lists them (bidContributionSets, date order):
 * the store's set of the bid set's city in force where the bid begins to use it (the bid's first month for the first
 * set, the set's own effective date for a later one — a July base reset), else the store's set of the bid set's name
 * (for the first set, the name the bid package gives, else the set's own); the city is the named set's, else the bid
 * set's own. **Decision:** the set the officer picked is compared with the bid's FIRST set only — it
 * stands for the parameters at the bid's start — and each later set is looked up as above; a later set with nothing
 * to compare is a warning naming it.
 */
function officialContributions(
  store: PaybenchStore,
  reading: BidReading,
  priced: PricedBid,
  choice: OfficialChoice,
): Pick<OfficialRecords, 'contributions' | 'contributionsMissing' | 'contributionSets'> {
  const start = monthStartDate(priced.spec.period.start);
  const bidSets = bidContributionSets(priced);
  const stored = store.contributionSets.list();
  const several = bidSets.length > 1;
  const contributionSets = bidSets.map(({ set, effective }, k): OfficialSetFor => {
    if (k === 0 && choice.contributions) return { official: choice.contributions };
    const date = effective && effective > start ? effective : start;
    const name = (k === 0 ? reading.package.contributionsName : '') || set.name || '';
    const named = name ? store.contributionSets.findByName(name) : null;
    const city = named?.city || set.city;
    // the set of that city in force on the date: the latest that began on or before it
    const inForce = city
      ? stored
          .filter((s) => s.city === city && s.effectiveFrom <= date)
          .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))
          .pop()
      : undefined;
    const chosen = inForce ?? named;
    if (chosen) return { official: chosen };
    const which = several ? `第 ${k + 1} 组（${effective} 起）` : '';
    return {
      official: null,
      missing: `数据库中找不到投标${which}所用的缴费参数“${name || '（未命名）'}”${city ? `，也没有${city}在 ${date} 生效的参数` : ''}，未与官方缴费参数对照（可指定对照的缴费参数）/ official contribution set not found`,
    };
  });
  const first = contributionSets[0]!;
  return { contributions: first.official, contributionsMissing: first.missing, contributionSets };
}

/** One bid read in the worker, compared with the store (what the officer picked: officialChoice, found once). */
export function reviewReading(
  store: PaybenchStore,
  reading: BidReading,
  opts: ReviewOptions,
  tolerance: Decimal,
  choice: OfficialChoice = officialChoice(store, opts),
): BidReview {
  const findings = [...reading.findings];
  const comparedWith: ComparedWith = {
    guide: null,
    contributions: null,
    guideBasis: opts.guide !== undefined || opts.guideVersion !== undefined ? 'picked' : 'auto',
    contributionsBasis: opts.contributions !== undefined ? 'picked' : 'auto',
  };
  if (reading.spec) {
    const priced: PricedBid = { spec: reading.spec, result: computeBudget(budgetModelFromSpec(reading.spec)) };
    const { title, ...guide } = officialGuide(store, reading, priced, opts, choice);
    const official: OfficialRecords = { ...guide, ...officialContributions(store, reading, priced, choice), tolerance };
    comparedWith.guide = title;
    // a bid across contribution sets: each official set it was compared with, once, in date order
    const setNames = [...new Set((official.contributionSets ?? []).flatMap((c) => (c.official ? [c.official.name] : [])))];
    comparedWith.contributions = setNames.length ? setNames.join('；') : null;
    findings.push(...officialFindings(priced, official));
  }
  return {
    file: reading.file,
    name: reading.name,
    total: reading.total,
    verdict: verdictOf(findings),
    counts: countBySeverity(findings),
    comparedWith,
    findings,
  };
}

/**
 * Reviews the files one after the other. Run as a job (jobs.ts), each file moves the bar by its share and a cancel
 * stops between files or ends the worker reading one: the job then answers nothing (ParseAbortedError 'cancelled').
 */
export async function reviewBidFiles(store: PaybenchStore, files: readonly BidFile[], opts: ReviewOptions = {}): Promise<ReviewOutcome> {
  const tolerance = toleranceShare(opts.tolerancePercent);
  const choice = officialChoice(store, opts);
  const outcome: ReviewOutcome = { bids: [], unreadable: [] };
  const job = currentJob();
  for (const [i, f] of files.entries()) {
    if (job?.signal.aborted) throw new ParseAbortedError('cancelled', `已取消审核，未给出审核结果 / review cancelled`);
    job?.progress(i / files.length, `审核 ${i + 1}/${files.length}：${f.fileName}`);
    let reading: BidReading;
    try {
      reading = await parseInWorker({ kind: 'bidWorkbook', fileName: f.fileName, bytes: f.bytes });
    } catch (e) {
      if (e instanceof ParseAbortedError && e.reason === 'cancelled') throw e;
      outcome.unreadable.push({ file: f.fileName, message: e instanceof Error ? e.message : String(e) });
      continue;
    }
    outcome.bids.push(reviewReading(store, reading, opts, tolerance, choice));
  }
  job?.progress(1, `已审核 ${files.length} 个文件`);
  return outcome;
}
