/**
 * Plain-text tables for a terminal: CJK characters take two columns, so widths are counted in
 * display columns, and numbers are right-aligned the way a finance sheet shows them.
 */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    // CJK, full-width forms and CJK punctuation are double width
    w +=
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}

const pad = (text: string, width: number, right: boolean) => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
};

const NUMERIC = /^[-+]?[\d,]+(\.\d+)?%?$/;

export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const right = header.map((_, i) => rows.length > 0 && rows.every((r) => (r[i] ?? '') === '' || NUMERIC.test(r[i] ?? '')));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i]!, right[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}
