#!/usr/bin/env node
// Static security check of the Electron code: runs Electronegativity on electron/ (and the renderer
// HTML it loads), writes a CSV report, and fails on any HIGH severity finding — Electronegativity
// itself exits 0 whatever it finds.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const cli = path.join(path.dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
const electronVersion = JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')).version;

/** Minimal CSV reader (quoted fields with "" escapes, commas and newlines inside quotes). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

function scan(input) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'electronegativity-')), 'report.csv');
  const r = spawnSync(process.execPath, [cli, '-i', input, '-o', out, '-r', '-v', 'false', '-e', electronVersion, '-p', 'typescript'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (!fs.existsSync(out)) {
    console.error(r.stdout, r.stderr);
    throw new Error(`Electronegativity 未生成报告 / produced no report for ${input}`);
  }
  const [header, ...rows] = parseCsv(fs.readFileSync(out, 'utf8'));
  const col = (name) => header.findIndex((h) => h.trim().toLowerCase() === name);
  const [iCheck, iSev, iConf, iFile, iLoc, iDesc] = ['issue', 'severity', 'confidence', 'filename', 'location', 'description'].map(col);
  return rows.map((r) => ({ check: r[iCheck], severity: (r[iSev] ?? '').toUpperCase(), confidence: r[iConf], file: r[iFile], location: r[iLoc], description: r[iDesc] }));
}

// One scan over the main/preload sources together with the page they load, so the global checks
// (CSP, navigation limits, permission handler) see the whole app rather than a part.
const scanDir = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-scan-'));
fs.cpSync(path.join(root, 'electron'), path.join(scanDir, 'electron'), { recursive: true, filter: (src) => !src.endsWith('.mjs') });
fs.copyFileSync(path.join(root, 'renderer', 'index.html'), path.join(scanDir, 'index.html'));
const findings = scan(scanDir);
fs.rmSync(scanDir, { recursive: true, force: true });
const bySeverity = {};
for (const f of findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
for (const f of findings) console.log(`${f.severity.padEnd(13)} ${f.confidence?.padEnd(9) ?? ''} ${f.check}  ${f.file}:${f.location}`);
const high = findings.filter((f) => f.severity === 'HIGH');
console.log(`Electronegativity: ${findings.length} 项发现 / findings ${JSON.stringify(bySeverity)}; HIGH: ${high.length}`);
if (high.length > 0) {
  console.error('存在高危发现，检查未通过 / HIGH severity findings — failing');
  process.exit(1);
}
