/**
 * 身份证号 as every export shows it (docs/design.md §People: roster and statistics): the first three
 * characters (the province and city of issue) and the last four, the rest as `*`, so
 * 110101199001011234 becomes 110***********1234 — a person can be told apart in a printout without
 * the number being readable. A number too short to keep seven characters is starred whole.
 */
export function maskIdNumber(id: string | null): string {
  if (id === null || id === '') return '';
  const s = id.trim();
  if (s.length <= 7) return '*'.repeat(s.length);
  return s.slice(0, 3) + '*'.repeat(s.length - 7) + s.slice(-4);
}
