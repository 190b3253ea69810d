import type { PaybenchStore } from '../../../db/store';
import { computeBudget } from '../../core/budget/compute';
import { budgetModelFromSpec } from '../../core/budget/fromSpec';
import { monthStartDate, versionInForce } from '../../core/guides/versions';
import { parseDecimal, divRound, fromInteger, isDecimalText, type Decimal } from '../../core/money/decimal';
import { inlineGuideFromVersion } from '../../core/projects/toSpec';
import { type Finding, type SeverityCounts, type Verdict, countBySeverity, verdictOf } from '../../core/review/findings';
import { type OfficialRecords, officialFindings } from '../../core/review/official';
import type { BidReading } from '../../core/review/readBid';
import type { InlineContributions } from '../../core/spec/budgetSpec';
import { ValidationError } from '../../core/spec/fields';
import { findGuide, guideNames } from './guides';
import { parseInWorker } from './parseInWorker';

/**
 * Review of submitted bid workbooks (docs/design.md §Excel workbooks, "Review"): each file is read and recomputed
 * in the file worker (readBid.ts: integrity and the budget's own checks), then compared here with the official
 * records in the store — the guide version in force at the bid's first month and the contribution set — unless the
 * officer names others. One file that cannot be read does not stop the others.
 */
export interface ReviewOptions {
  /** the official guide to compare with (name or number); default: the guide the bid names */
  guide?: string | undefined;
  /** the official contribution set (name); default: the one the bid names, or the one in force for its city */
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
  comparedWith: { guide: string | null; contributions: string | null };
  findings: Finding[];
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

function officialGuide(store: PaybenchStore, reading: BidReading, opts: ReviewOptions): Pick<OfficialRecords, 'guide' | 'guideMissing'> {
  const spec = reading.spec!;
  const bidName = reading.package.guideName || ('name' in spec.payGuide ? spec.payGuide.name : '');
  const ref = opts.guide ?? bidName;
  const guide = findGuide(store, ref) ?? (opts.guide === undefined ? findGuide(store, withoutVersion(bidName)) : null);
  if (!guide) {
    return {
      guide: null,
      guideMissing: `数据库中没有名为“${ref}”的指导价，未与官方指导价对照（可用 --guide 指定；现有：${guideNames(store).join('、') || '（无）'}）/ official guide not found`,
    };
  }
  const date = monthStartDate(spec.period.start);
  const version = versionInForce(guide.versions, date);
  if (!version) return { guide: null, guideMissing: `指导价“${guide.name}”在 ${date}（投标起始月）没有生效的版本 / no version in force` };
  try {
    return { guide: { name: guide.name, versionLabel: version.label, guide: inlineGuideFromVersion(guide, version, store.referenceWages.list(), date) } };
  } catch (e) {
    if (e instanceof ValidationError) return { guide: null, guideMissing: `指导价“${guide.name}”（${version.label}）无法展开：${e.message}` };
    throw e;
  }
}

function officialContributions(
  store: PaybenchStore,
  reading: BidReading,
  opts: ReviewOptions,
): Pick<OfficialRecords, 'contributions' | 'contributionsMissing'> {
  const spec = reading.spec!;
  const bidSet = (Array.isArray(spec.contributions) ? spec.contributions[0] : spec.contributions) as InlineContributions | undefined;
  const date = monthStartDate(spec.period.start);
  if (opts.contributions !== undefined) {
    const named = store.contributionSets.findByName(opts.contributions);
    if (!named) {
      const names = store.contributionSets.list().map((s) => s.name);
      return { contributions: null, contributionsMissing: `数据库中没有名为“${opts.contributions}”的缴费参数；现有：${names.join('、') || '（无）'}` };
    }
    return { contributions: named };
  }
  const named = store.contributionSets.findByName(reading.package.contributionsName || bidSet?.name || '');
  const city = named?.city ?? bidSet?.city;
  // the set of the same city in force at the bid's first month: the latest that began on or before it
  const inForce = city
    ? store.contributionSets
        .list()
        .filter((s) => s.city === city && s.effectiveFrom <= date)
        .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))
        .pop()
    : undefined;
  const chosen = inForce ?? named;
  if (!chosen) {
    return {
      contributions: null,
      contributionsMissing: `数据库中找不到投标所用的缴费参数“${reading.package.contributionsName || bidSet?.name || '（未命名）'}”${city ? `，也没有${city}在 ${date} 生效的参数` : ''}，未与官方缴费参数对照（可用 --contributions 指定）/ official contribution set not found`,
    };
  }
  return { contributions: chosen };
}

/** One bid read in the worker, compared with the store. */
export function reviewReading(store: PaybenchStore, reading: BidReading, opts: ReviewOptions, tolerance: Decimal): BidReview {
  const findings = [...reading.findings];
  let comparedWith: BidReview['comparedWith'] = { guide: null, contributions: null };
  if (reading.spec) {
    const official: OfficialRecords = { ...officialGuide(store, reading, opts), ...officialContributions(store, reading, opts), tolerance };
    comparedWith = {
      guide: official.guide ? `${official.guide.name}（${official.guide.versionLabel}）` : null,
      contributions: official.contributions?.name ?? null,
    };
    findings.push(...officialFindings({ spec: reading.spec, result: computeBudget(budgetModelFromSpec(reading.spec)) }, official));
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

export async function reviewBidFiles(store: PaybenchStore, files: readonly BidFile[], opts: ReviewOptions = {}): Promise<ReviewOutcome> {
  const tolerance = toleranceShare(opts.tolerancePercent);
  const outcome: ReviewOutcome = { bids: [], unreadable: [] };
  for (const f of files) {
    let reading: BidReading;
    try {
      reading = await parseInWorker({ kind: 'bidWorkbook', fileName: f.fileName, bytes: f.bytes });
    } catch (e) {
      outcome.unreadable.push({ file: f.fileName, message: e instanceof Error ? e.message : String(e) });
      continue;
    }
    outcome.bids.push(reviewReading(store, reading, opts, tolerance));
  }
  return outcome;
}
