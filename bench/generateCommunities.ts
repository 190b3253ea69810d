/**
 * Synthetic community lists for the plan benches and for trying the app at scale:
 *   npx tsx bench/generateCommunities.ts 100000 communities.xlsx   (or .csv)
 * Deterministic (a fixed-seed PRNG): the same N gives the same list. Households 300–8,000, a
 * quarter rural, elderly shares 0.10–0.40, about 10 communities a street and 20 streets a district.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Community } from '../src/core/plan/community';
import { COMMUNITY_COLUMNS } from '../src/core/plan/community';

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateCommunities(n: number, seed = 20261125): Community[] {
  const rnd = prng(seed);
  const out: Community[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const street = Math.floor(i / 10);
    const district = Math.floor(street / 20);
    const households = 300 + Math.floor(rnd() * 7700);
    const currentStaff = Math.floor(rnd() * 20);
    out[i] = {
      row: i + 2,
      name: `社区${i + 1}`,
      district: `区${district + 1}`,
      street: `街道${street + 1}`,
      households,
      residents: households * 3 - Math.floor(rnd() * households),
      elderlyShare: (0.1 + Math.floor(rnd() * 300) / 1000).toFixed(3),
      urbanRural: rnd() < 0.25 ? 'rural' : 'urban',
      currentStaff,
      certifiedStaff: Math.floor(rnd() * (currentStaff + 1)),
    };
  }
  return out;
}

const cells = (c: Community) => [
  c.name,
  c.district,
  c.street,
  c.households,
  c.residents,
  c.elderlyShare === null ? null : Number(c.elderlyShare),
  c.urbanRural === 'urban' ? '城市' : '农村',
  c.currentStaff,
  c.certifiedStaff,
];

export async function writeCommunitiesXlsx(communities: readonly Community[], file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('社区名单');
  ws.addRow(COMMUNITY_COLUMNS.map((c) => c.zh)).commit();
  for (const c of communities) ws.addRow(cells(c)).commit();
  await ws.commit();
  await wb.commit();
}

export function communitiesCsv(communities: readonly Community[]): string {
  const lines = [COMMUNITY_COLUMNS.map((c) => c.zh).join(',')];
  for (const c of communities)
    lines.push(
      cells(c)
        .map((v) => (v === null ? '' : String(v)))
        .join(','),
    );
  return lines.join('\n') + '\n';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? '1000');
  const file = process.argv[3] ?? `communities-${n}.xlsx`;
  const list = generateCommunities(n);
  const done = file.endsWith('.csv') ? Promise.resolve(fs.writeFileSync(file, '\uFEFF' + communitiesCsv(list))) : writeCommunitiesXlsx(list, file);
  done.then(
    () => console.log(`已生成 ${n} 个社区：${file}`),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
