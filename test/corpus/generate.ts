import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { communityListCases } from './cases/communityLists';
import { guideWorkbookCases } from './cases/guideWorkbooks';
import { specCases } from './cases/specs';
import type { CorpusCase } from './types';

/**
 * Writes the bad-input corpus to a folder: `<dir>/<kind>/<case name><ext>`, one small file per case
 * (the largest, a zip bomb, is a few kilobytes that claim megabytes). The tests generate it into a
 * temporary folder each run, so no binary is kept in the repository. To look at the files:
 *   npx tsx test/corpus/generate.ts OUT_DIR
 */
export interface GeneratedCase {
  case: CorpusCase;
  file: string;
  size: number;
}

export function corpusCases(): CorpusCase[] {
  return [...guideWorkbookCases, ...communityListCases, ...specCases];
}

export async function generateCorpus(dir: string, cases: CorpusCase[] = corpusCases()): Promise<GeneratedCase[]> {
  const seen = new Set<string>();
  const out: GeneratedCase[] = [];
  for (const c of cases) {
    const key = `${c.kind}/${c.name}`;
    if (seen.has(key)) throw new Error(`two corpus cases are named ${key}`);
    seen.add(key);
    const bytes = await c.bytes();
    const file = path.join(dir, c.kind, `${c.name}${path.extname(c.fileName)}`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
    out.push({ case: c, file, size: bytes.byteLength });
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: npx tsx test/corpus/generate.ts OUT_DIR');
    process.exit(2);
  }
  const written = await generateCorpus(path.resolve(dir));
  for (const g of written) console.log(`${path.relative(dir, g.file)}\t${g.size}\t${g.case.about}`);
  console.log(`${written.length} files in ${dir}`);
}
