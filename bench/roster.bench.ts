/**
 * Roster speed (docs/design.md §People: roster and statistics): import a 100,000-worker roster xlsx —
 * read, every cell checked, stored in one transaction in a SQLite file — ≤ 5 s; its structure
 * statistics ≤ 0.3 s; a 10-year cohort projection of those 100,000 workers with labour cost priced from
 * the roster by the grading scheme (roster.cohort) ≤ 3 s. The roster is synthetic and the same on every run (a fixed-seed generator).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sampleGradingScheme } from '../db/sampleData';
import { PaybenchStore } from '../db/store';
import { rosterCohort } from '../src/app/services/roster';
import { cohortSchema } from '../src/core/roster/cohort';
import { writeRosterWorkbook } from '../src/core/excel/roster/rosterWorkbook';
import { importRosterXlsx } from '../src/core/roster/readRoster';
import { CERTIFICATES, EDUCATIONS, TITLES, type Worker } from '../src/core/roster/schema';
import { rosterStats } from '../src/core/roster/stats';
import { finish, median, report, timeMs, timeMsAsync } from './harness';

/** A small linear congruential generator: the same roster on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const FIELDS = ['社区', '养老', '青少年', '社会救助', '残障', '家庭', '矫治'];
const POSTS = ['正职', '副职', '专职'];

export function syntheticRoster(n: number): Worker[] {
  const rnd = random(20260701);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const date = (from: number, to: number) => {
    const y = from + Math.floor(rnd() * (to - from + 1));
    return `${y}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
  };
  return Array.from({ length: n }, (_, i): Worker => {
    const certificate = pick(CERTIFICATES);
    return {
      name: `职工${i + 1}`,
      gender: rnd() < 0.7 ? '女' : '男',
      birthDate: date(1962, 2002),
      idNumber: null,
      education: pick(EDUCATIONS),
      field: pick(FIELDS),
      title: pick(TITLES),
      certificate,
      certificateDate: certificate === '无' ? null : date(2010, 2025),
      postType: pick(POSTS),
      postLevel: `${1 + Math.floor(rnd() * 18)}级`,
      step: 1 + Math.floor(rnd() * 5),
      hireDate: date(2003, 2025),
      communityYears: Math.floor(rnd() * 20),
      community: `社区${i % 900}`,
      street: `街道${i % 60}`,
      district: `区${i % 6}`,
      ratings: [
        { year: 2024, rating: rnd() < 0.2 ? '优秀' : '合格' },
        { year: 2025, rating: rnd() < 0.2 ? '优秀' : '合格' },
      ],
      partyPost: rnd() < 0.1,
    };
  });
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-roster-bench-'));
  try {
    const workers = syntheticRoster(100_000);
    const bytes = await writeRosterWorkbook(workers);
    const store = PaybenchStore.open(path.join(dir, 'roster.sqlite'), { seed: false });
    try {
      let imported = 0;
      const cpu = process.cpuUsage();
      report(
        'import a 100,000-worker roster xlsx (read, check, store)',
        await timeMsAsync(async () => {
          imported = store.roster.replaceAll(importRosterXlsx(bytes).workers);
        }),
        'ms',
        5000,
      );
      // on a machine others share, the CPU time this process used says more than the clock
      const used = process.cpuUsage(cpu);
      report('  of which CPU time of this process', (used.user + used.system) / 1000, 'ms');
      if (imported !== 100_000) throw new Error(`imported ${imported} workers, expected 100,000`);
      const stored = store.roster.all();
      rosterStats(stored, '2026-07-01'); // warm-up
      report(
        'structure statistics of 100,000 workers (median of 5)',
        median(Array.from({ length: 5 }, () => timeMs(() => rosterStats(stored, '2026-07-01')))),
        'ms',
        300,
      );
      report(
        'the same, read from the store first (roster.stats)',
        timeMs(() => rosterStats(store.roster.counted(), '2026-07-01')),
        'ms',
      );
      store.grading.create(sampleGradingScheme);
      const projection = cohortSchema.parse({
        fromYear: 2026,
        years: 10,
        hiresPerYear: 5000,
        attritionRate: '0.08',
        passRate: '0.2',
        target: { start: 100_000, perYear: 5000 },
      });
      let years = 0;
      report(
        '10-year cohort projection of 100,000 workers with labour priced from the roster (roster.cohort)',
        timeMs(() => {
          years = rosterCohort(store, {}, '2026-07-01', projection, { labourFromRoster: true, yearlyRaise: '0.03' }).years.length;
        }),
        'ms',
        3000,
      );
      if (years !== 10) throw new Error(`projected ${years} years, expected 10`);
    } finally {
      store.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  finish();
}

if (process.argv[1]?.endsWith('roster.bench.ts')) void main();
