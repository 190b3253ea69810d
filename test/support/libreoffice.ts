import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';

/**
 * LibreOffice headless as an independent spreadsheet engine for the tests: it opens each xlsx,
 * recalculates every formula, and saves; the values it computed are compared with the values the
 * program cached. By default LibreOffice trusts an xlsx's cached values and recalculates nothing,
 * which would make such a test unable to fail — so soffice runs with a dedicated profile whose
 * registrymodifications.xcu sets Calc/Formula/Load/OOXMLRecalcMode = 0 ("always recalculate").
 * One soffice runs at a time: a lock directory queues callers from every test process.
 */
const PROFILE_DIR = path.join(os.tmpdir(), `paybench-lo-recalc-${process.getuid?.() ?? 0}`);
const LOCK_DIR = path.join(os.tmpdir(), 'paybench-soffice.lock');
const STALE_LOCK_MS = 10 * 60_000;

const RECALC_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** The profile is created before soffice first starts, so it is born with "always recalculate". */
export function recalcProfileUrl(): string {
  const xcu = path.join(PROFILE_DIR, 'user', 'registrymodifications.xcu');
  if (!fs.existsSync(xcu)) {
    fs.mkdirSync(path.dirname(xcu), { recursive: true });
    fs.writeFileSync(xcu, RECALC_XCU);
  } else if (!/OOXMLRecalcMode[^]*?<value>0<\/value>/.test(fs.readFileSync(xcu, 'utf8'))) {
    throw new Error(`LibreOffice 配置 ${xcu} 未设置 OOXMLRecalcMode=0`);
  }
  return `file://${PROFILE_DIR}`;
}

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs fn while holding the machine-wide soffice lock (mkdir is atomic). */
export function withSofficeLock<T>(fn: () => T): T {
  for (;;) {
    try {
      fs.mkdirSync(LOCK_DIR);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      try {
        if (Date.now() - fs.statSync(LOCK_DIR).mtimeMs > STALE_LOCK_MS) fs.rmSync(LOCK_DIR, { recursive: true, force: true });
      } catch {
        /* the holder released it meanwhile */
      }
      sleep(250);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

/**
 * Converts files with one soffice call (start-up costs seconds, so batch): `format` is e.g. "xlsx",
 * "pdf", "csv". Returns the output paths in input order.
 */
export function convertWithLibreOffice(files: string[], format: string, outDir: string, timeoutMs = 600_000): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const profile = recalcProfileUrl();
  const r = withSofficeLock(() =>
    spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, ...files], {
      encoding: 'utf8',
      timeout: timeoutMs,
    }),
  );
  const ext = format.split(':')[0]!;
  const outputs = files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.${ext}`));
  const missing = outputs.filter((o) => !fs.existsSync(o));
  if (r.status !== 0 || missing.length) {
    throw new Error(`soffice 转换失败（状态 ${r.status}）：${missing.join(', ')}\n${r.stdout}\n${r.stderr}`);
  }
  return outputs;
}

export interface FormulaMismatch {
  cell: string; // 'Sheet!B7'
  formula: string;
  cached: unknown;
  recalculated: unknown;
}

export interface FormulaAudit {
  file: string;
  formulaCells: number;
  mismatches: FormulaMismatch[];
}

type Result = number | string | boolean | { error: string } | Date | undefined;

function formulaOf(cell: ExcelJS.Cell): { formula: string; result: Result } | null {
  if (cell.type !== ExcelJS.ValueType.Formula) return null;
  const v = cell.value as { formula?: string; sharedFormula?: string; result?: Result };
  return { formula: v.formula ?? v.sharedFormula ?? '', result: v.result };
}

/** Equal "to the fen": numbers within half a hundredth of a fen (shares are rounded to 4 places), texts exactly. */
function same(a: Result, b: Result): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 0.00005;
  return a === b || (a === undefined && b === '') || (a === '' && b === undefined);
}

/** Compares every formula cell of `original` (the program's cached values) with `recalculated`. */
export async function compareFormulaCells(original: string, recalculated: string): Promise<FormulaAudit> {
  const [a, b] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
  await a.xlsx.readFile(original);
  await b.xlsx.readFile(recalculated);
  const audit: FormulaAudit = { file: original, formulaCells: 0, mismatches: [] };
  a.eachSheet((sheet) => {
    const other = b.getWorksheet(sheet.name);
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const f = formulaOf(cell);
        if (!f) return;
        audit.formulaCells++;
        const r = other ? formulaOf(other.getCell(cell.address)) : null;
        if (!r || !same(f.result, r.result)) {
          audit.mismatches.push({ cell: `${sheet.name}!${cell.address}`, formula: f.formula, cached: f.result, recalculated: r ? r.result : '（公式丢失）' });
        }
      }),
    );
  });
  return audit;
}

/** Recalculates the workbooks in LibreOffice (one soffice call) and audits each one. */
export async function auditWorkbooks(files: string[], workDir: string): Promise<FormulaAudit[]> {
  const recalculated = convertWithLibreOffice(files, 'xlsx:Calc MS Excel 2007 XML', path.join(workDir, 'recalculated'));
  const audits: FormulaAudit[] = [];
  for (let i = 0; i < files.length; i++) audits.push(await compareFormulaCells(files[i]!, recalculated[i]!));
  return audits;
}

/** A readable list for a failing assertion. */
export function describeMismatches(audits: FormulaAudit[]): string {
  return audits
    .flatMap((a) =>
      a.mismatches
        .slice(0, 10)
        .map((m) => `${path.basename(a.file)} ${m.cell} =${m.formula}: 程序 ${JSON.stringify(m.cached)}，LibreOffice ${JSON.stringify(m.recalculated)}`),
    )
    .join('\n');
}
