import { formatMoney, formatPercent, parseDecimal } from '../src/core/money/decimal';

/** Display of the API's/JSON's decimal strings: thousands separators, 2 places; shares as percent. */
export function yuan(text: string | null | undefined): string {
  if (text === null || text === undefined || text === '') return '—';
  return formatMoney(parseDecimal(text));
}

export function percent(ratioText: string | null | undefined, places = 2): string {
  if (ratioText === null || ratioText === undefined || ratioText === '') return '—';
  return formatPercent(parseDecimal(ratioText), places);
}

/** A store timestamp (ISO) as local "2026-11-25 14:03". */
export function dateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
