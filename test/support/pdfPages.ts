import { execFileSync } from 'node:child_process';

/**
 * A workbook's printout (LibreOffice → PDF) read back as a reader of the paper would read it:
 * pdftotext for the words and their boxes, page by page; and the checks every printed workbook must
 * pass (docs/design.md §Excel workbooks, how every sheet prints): no "###" where a number did not fit,
 * no program keys or file names, nothing under 8 points, no page holding only a header.
 * Each check returns what it found wrong, one line each, for `expect(...).toEqual([])`.
 */
export interface Page {
  number: number;
  /** the page's text with all white space removed (pdftotext splits CJK runs unpredictably) */
  flat: string;
  /** the page's lines, as laid out, without the footer */
  lines: string[];
  /** every word's height in points: about 1.3 × its font size */
  heights: number[];
  /** the page's size in points (A4: 595 × 842) */
  width: number;
  height: number;
  landscape: boolean;
}

/** A word's box is about 1.3 times its font's size (measured on 10- and 14-point text). */
export const POINTS_PER_SIZE = 1.3;

/** The smallest print size allowed, with a little room for the measurement: 8 points. */
const LEGIBLE_POINTS = 7.9;

export function readPdf(pdf: string): Page[] {
  const layout = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\f');
  const boxes = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 })
    .split('<page ')
    .slice(1);
  return boxes.map((box, i) => {
    const [w, h] = [/width="([\d.]+)"/.exec(box)![1], /height="([\d.]+)"/.exec(box)![1]].map(Number) as [number, number];
    const text = layout[i] ?? '';
    return {
      number: i + 1,
      flat: text.replace(/\s+/g, ''),
      lines: text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !/^第\s*\d+\s*页\s*共\s*\d+\s*页$/.test(l)),
      heights: [...box.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)].map((m) => Number(m[2]) - Number(m[1])),
      width: Math.round(w),
      height: Math.round(h),
      landscape: w > h,
    };
  });
}

/** The smallest word on the page, in points of font size (Infinity on a page without words). */
export const smallestPrint = (p: Page): number => Math.min(...p.heights) / POINTS_PER_SIZE;

/** Pages where a number did not fit its column and printed as "###". */
export function hashMarks(name: string, pages: readonly Page[]): string[] {
  return pages.filter((p) => p.flat.includes('###')).map((p) => `${name} 第 ${p.number} 页印出 ###`);
}

/** The program's own words where a label belongs: option keys, "undefined", a file name. */
const PROGRAM_WORDS = /\b(min|mid|max|oneOff|employerCost|undefined|null|NaN)\b|\[object|\.csv|\.xlsx/;

export function programWords(name: string, pages: readonly Page[]): string[] {
  return pages.flatMap((p) => p.lines.filter((l) => PROGRAM_WORDS.test(l)).map((l) => `${name} 第 ${p.number} 页：${l}`));
}

/** Pages with a word printed under 8 points. */
export function tooSmall(name: string, pages: readonly Page[]): string[] {
  return pages.filter((p) => smallestPrint(p) < LEGIBLE_POINTS).map((p) => `${name} 第 ${p.number} 页最小字号 ${smallestPrint(p).toFixed(1)} 磅`);
}

/** Pages that hold nothing the page before them did not: a repeated header left alone. */
export function headerOnlyPages(name: string, pages: readonly Page[]): string[] {
  return pages.slice(1).flatMap((p, i) => {
    const before = new Set(pages[i]!.lines);
    return p.lines.some((l) => !before.has(l)) ? [] : [`${name} 第 ${p.number} 页只有表头：${p.lines.join(' | ')}`];
  });
}

/** A page as a PNG at `dpi` (pdftoppm), written to `outBase`.png; returns that path. */
export function pageImage(pdf: string, page: number, outBase: string, dpi = 60): string {
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', '-f', String(page), '-l', String(page), pdf, outBase]);
  return `${outBase}.png`;
}
