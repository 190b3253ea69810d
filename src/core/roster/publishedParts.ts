import { divRound, fromInteger, mul, parseDecimal, toFixed } from '../money/decimal';

/**
 * Checks a published breakdown (a survey's “35岁以下 805 人，占 30.1%”) against its own total
 * (docs/design.md §People: roster and statistics): do the parts add up to the total, and is each
 * printed share what the count gives? A printed share is compared at the places it was printed
 * with, rounded half away from zero; one that matches only when cut off instead of rounded is told
 * apart from one that is simply wrong. All exact: counts are integers, shares decimals.
 */

export interface PublishedPart {
  label: string;
  count: number;
  /** the share as printed, in percent without the sign ("30.1", "47"); null if none was printed */
  printedPercent: string | null;
}

export type ShareStatus = 'ok' | 'truncated' | 'wrong';

export interface PartCheck {
  label: string;
  count: number;
  printedPercent: string | null;
  /** count / total × 100, rounded half away from zero at the printed places (1 place when none printed) */
  computedPercent: string;
  status: ShareStatus;
  message: string | null;
}

export interface PublishedCheck {
  total: number;
  sum: number;
  /** total − sum: people the published parts leave out (negative when they count too many) */
  missing: number;
  addsUp: boolean;
  parts: PartCheck[];
  /** every finding in words, for the report */
  messages: string[];
}

const placesOf = (percent: string) => (percent.includes('.') ? percent.length - percent.indexOf('.') - 1 : 0);

/** count / total × 100 cut off (not rounded) at `places` */
function truncatedPercent(count: number, total: number, places: number): string {
  const scale = 10n ** BigInt(places);
  const units = (BigInt(count) * 100n * scale) / BigInt(total);
  return toFixed({ units, scale: places }, places);
}

export function checkPublishedParts(total: number, parts: readonly PublishedPart[]): PublishedCheck {
  if (!Number.isInteger(total) || total <= 0) throw new RangeError('total must be a positive whole number');
  const messages: string[] = [];
  const checked = parts.map((p): PartCheck => {
    const places = p.printedPercent === null ? 1 : placesOf(p.printedPercent);
    const computedPercent = toFixed(divRound(mul(fromInteger(p.count), fromInteger(100)), fromInteger(total), places), places);
    if (p.printedPercent === null) return { ...p, computedPercent, status: 'ok', message: null };
    const printed = toFixed(parseDecimal(p.printedPercent), places);
    let status: ShareStatus = 'ok';
    let message: string | null = null;
    if (printed !== computedPercent) {
      status = truncatedPercent(p.count, total, places) === printed ? 'truncated' : 'wrong';
      message =
        status === 'truncated'
          ? `${p.label} ${p.count} 人占 ${p.count}/${total} = ${computedPercent}%（四舍五入），印作 ${printed}%，是截断而非四舍五入`
          : `${p.label} ${p.count} 人占 ${p.count}/${total} = ${computedPercent}%，不是印出的 ${printed}%`;
      messages.push(message);
    }
    return { ...p, computedPercent, status, message };
  });
  const sum = parts.reduce((s, p) => s + p.count, 0);
  const missing = total - sum;
  if (missing !== 0) {
    messages.unshift(
      missing > 0 ? `各项合计 ${sum} 人，少于总数 ${total} 人，差 ${missing} 人（有未列出的类别）` : `各项合计 ${sum} 人，多于总数 ${total} 人 ${-missing} 人`,
    );
  }
  return { total, sum, missing, addsUp: missing === 0, parts: checked, messages };
}
