#!/usr/bin/env node
// Static security check of the Electron code: runs Electronegativity on electron/ (and the renderer
// HTML it loads) and fails on any HIGH severity finding — Electronegativity itself exits 0 whatever
// it finds. Its runner is called as a library, which returns the findings with their severities:
// its CSV report is written by racing async writes (the header can overwrite the first finding),
// so it cannot be trusted to hold every finding.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const runElectronegativity = require('@doyensec/electronegativity');
const electronVersion = JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')).version;

async function scan(input) {
  const result = await runElectronegativity(
    {
      input,
      output: undefined,
      isSarif: false,
      isRelative: true,
      isVerbose: false,
      electronUpgrade: undefined,
      electronVersionOverride: electronVersion,
      parserPlugins: ['typescript'],
    },
    false,
  );
  if (result.errors?.length) {
    for (const e of result.errors) console.error('解析失败 / could not parse:', e.file ?? '', e.message ?? e);
    throw new Error('Electronegativity 未能解析全部文件 / could not parse every file');
  }
  return result.issues.map((i) => ({
    check: i.id,
    severity: String(i.severity?.name ?? i.severity ?? '').toUpperCase(),
    confidence: String(i.confidence?.name ?? i.confidence ?? ''),
    file: i.file,
    location: `${i.location?.line}:${i.location?.column}`,
    description: i.description,
  }));
}

// One scan over the main/preload sources together with the page they load, so the global checks
// (CSP, navigation limits, permission handler) see the whole app rather than a part.
const scanDir = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-scan-'));
fs.cpSync(path.join(root, 'electron'), path.join(scanDir, 'electron'), { recursive: true, filter: (src) => !src.endsWith('.mjs') });
fs.copyFileSync(path.join(root, 'renderer', 'index.html'), path.join(scanDir, 'index.html'));
const findings = await scan(scanDir);
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
