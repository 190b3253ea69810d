import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAMILY_CENTRE_PROJECT, JILIN_PROJECT, JILIN_SAMPLE, THREE_POSTS, sampleRoster } from '../../db/sampleData';
import { PaybenchStore } from '../../db/store';
import { dispatch } from '../../src/app/api/dispatch';
import type { FilePayload } from '../../src/app/api/operation';
import type { ReviewOutcome } from '../../src/app/services/review';
import { workedContributions } from '../db/workedExample';
import { editCell } from '../core/review/bidWorkbook';
import { convertWithLibreOffice } from '../support/libreoffice';
import { type Page, hashMarks, headerOnlyPages, pageImage, programWords, readPdf, tooSmall } from '../support/pdfPages';

/**
 * The workbooks of the review, comparison, history and roster pages, and a budget built from the
 * roster with its 名册附表, produced as the app produces them — API operations over a real SQLite
 * store seeded with the sample data — printed by LibreOffice to PDF in one soffice call and read back
 * with the checks every printout passes (test/support/pdfPages.ts): no "###", labels rather than
 * keys or file names, nothing under 8 points, no page holding only a header. Then, per workbook,
 * what its reader looks for on the paper; and every page rendered to PNG at 60 dpi.
 * `PAYBENCH_PRINTOUT_IMAGES=DIR` keeps the page images in DIR to look at.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paybench-printouts-'));
const printed: Record<string, Page[]> = {};
const pdfs: Record<string, string> = {};
let store: PaybenchStore;

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await dispatch({ store }, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const bytesOf = (f: FilePayload) => Buffer.from(f.base64, 'base64');
const projectId = (name: string) => store.projects.list().find((p) => p.name === name)!.id;

/** the reviewed bids' file names: the 审核意见表 names each file it reviewed */
const BID_FILES = ['吉林式社工岗预算.xlsx', '家庭综合服务中心预算（改）.xlsx'];
/** the first two workers of the sample roster given an ID number (the sample has none; born as the roster says), to see it masked on paper */
const ID_NUMBERS = ['110101197803120014', '220102198509300029'];
const ROSTER_PROJECT = '示例区全体社工 2027 年度经费预算';
const ON = '2026-12-01';

/** Every workbook of this test, by the name the checks report, written as the app writes it. */
async function writeAll(): Promise<Record<string, Buffer>> {
  const out: Record<string, Buffer> = {};

  // two sample workers with an ID number, edited as the roster page saves a worker
  for (const [k, idNumber] of ID_NUMBERS.entries()) {
    const w = store.roster.all({}).find((x) => x.seq === k + 1)!;
    const { id, seq: _seq, revision, ...worker } = w;
    await call('roster.update', { id, revision, worker: { ...worker, idNumber } });
  }

  // a project built from the whole sample roster on the sample 三岗十八级 guide, and its budget workbook (with 名册附表)
  const everyone = { district: null, street: null, community: null, certificate: null, postType: null, name: null };
  const built = await call<{ projectId: number }>('roster.toProject', {
    filter: everyone,
    guideId: store.guides.findByName(THREE_POSTS)!.id,
    contributionSetId: store.contributionSets.findByName(JILIN_SAMPLE)!.id,
    periodStart: '2027-01',
    periodMonths: 12,
    name: ROSTER_PROJECT,
  });
  out['budget-roster'] = bytesOf(await call<FilePayload>('excel.exportBudget', { projectId: built.projectId }));

  // 审核意见表 of two bids: one exported as is, one with a round figure typed over 汇总表!B16 (预算总额)
  const clean = bytesOf(await call<FilePayload>('excel.exportBudget', { projectId: projectId(JILIN_PROJECT) }));
  const edited = await editCell(
    bytesOf(await call<FilePayload>('excel.exportBudget', { projectId: projectId(FAMILY_CENTRE_PROJECT) })),
    '汇总表',
    'B16',
    '<v>1200000</v>',
  );
  const outcome = await call<ReviewOutcome>('review.bids', {
    files: [clean, edited].map((b, i) => ({ fileName: BID_FILES[i]!, base64: b.toString('base64') })),
  });
  out.review = bytesOf(await call<FilePayload>('review.report', { ...outcome, date: ON }));

  // three projects side by side
  out.compare = bytesOf(
    await call<FilePayload>('projects.compareWorkbook', { ids: [projectId(JILIN_PROJECT), projectId(FAMILY_CENTRE_PROJECT), built.projectId], date: ON }),
  );

  // the history after a few edits: a contribution set created, its floor raised, then its pension rate; a project submitted
  const set = await call<{ id: number; revision: number }>('contributions.create', {
    ...workedContributions,
    city: '测试市',
    name: '测试市 2026 社保公积金参数',
  });
  const raised = await call<{ revision: number }>('contributions.update', {
    id: set.id,
    revision: set.revision,
    set: { ...workedContributions, city: '测试市', name: '测试市 2026 社保公积金参数', floor: '5000.00' },
  });
  await call('contributions.update', {
    id: set.id,
    revision: raised.revision,
    set: {
      ...workedContributions,
      city: '测试市',
      name: '测试市 2026 社保公积金参数',
      floor: '5000.00',
      items: [{ name: '养老保险', rate: '0.15' }, workedContributions.items[1]!],
    },
  });
  await call('projects.submit', { id: projectId(JILIN_PROJECT) });
  out.history = bytesOf(await call<FilePayload>('history.export', {}));

  // the roster's statistics with a demand table (需求, 缺口), and a five-year cohort projection priced from the roster
  out.stats = bytesOf(
    await call<FilePayload>('roster.exportStats', {
      on: ON,
      demand: {
        byAge: { '35岁及以下': 12, '36-45岁': 10 },
        byEducation: { 本科及以上: 20, 大专: 8 },
        byCertificate: { 社会工作师: 10, 助理社会工作师: 12 },
        byField: { 养老: 6, 医务: 2 },
      },
    }),
  );
  out.cohort = bytesOf(
    await call<FilePayload>('roster.exportCohort', {
      on: ON,
      projection: { fromYear: 2027, years: 5, hiresPerYear: 3, attritionRate: '0.1', passRate: '0.2', target: { start: 30, perYear: 2 } },
      labourFromRoster: true,
      yearlyRaise: '0.03',
    }),
  );
  out['roster-template'] = bytesOf(await call<FilePayload>('roster.template', {}));
  out.roster = bytesOf(await call<FilePayload>('roster.export', {}));
  return out;
}

beforeAll(async () => {
  store = PaybenchStore.open(path.join(dir, 'paybench.sqlite'), { user: 'wang.wu' });
  const written = await writeAll();
  const names = Object.keys(written);
  const files = names.map((n) => path.join(dir, `${n}.xlsx`));
  names.forEach((n, i) => fs.writeFileSync(files[i]!, written[n]!));
  const converted = convertWithLibreOffice(files, 'pdf', path.join(dir, 'pdf'));
  names.forEach((n, i) => {
    pdfs[n] = converted[i]!;
    printed[n] = readPdf(converted[i]!);
  });
}, 600_000);

afterAll(() => {
  store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** 1711773.60 → 1,711,773.60, as the money format prints it */
const grouped = (amount: string) => amount.replace(/^(-?\d+)/, (whole) => whole.replace(/\B(?=(\d{3})+$)/g, ','));
const text = (name: string) => printed[name]!.map((p) => p.flat).join('');

describe('every workbook as printed', () => {
  const each = (check: (name: string, pages: Page[]) => string[]) => Object.entries(printed).flatMap(([name, pages]) => check(name, pages));

  it('prints all eight, each on at least one page', () => {
    expect(Object.keys(printed).sort()).toEqual(['budget-roster', 'cohort', 'compare', 'history', 'review', 'roster', 'roster-template', 'stats']);
    for (const pages of Object.values(printed)) expect(pages.length).toBeGreaterThan(0);
  });

  it('no number prints as ###', () => {
    expect(each(hashMarks)).toEqual([]);
  });

  it('labels, never the program’s keys or a file name (but the names of the bids reviewed)', () => {
    // the 审核意见表 names each file it reviewed (文件): there, and only there, ".xlsx" is content
    const bidFree = (name: string, pages: Page[]) =>
      programWords(name, name === 'review' ? pages.map((p) => ({ ...p, lines: p.lines.map((l) => l.replace(/\.xlsx/g, '')) })) : pages);
    expect(each(bidFree)).toEqual([]);
  });

  it('legible: no word on any page printed under 8 points', () => {
    expect(each(tooSmall)).toEqual([]);
  });

  it('no page holds only a header', () => {
    expect(each(headerOnlyPages)).toEqual([]);
  });
});

describe('what each printout says', () => {
  it('审核意见表: the summary on one A4 page with both bids, their verdicts and the sign-off 审核人 / 复核人 / 日期', () => {
    const [summary] = printed.review!;
    // A4 is 595 × 842 points, whichever way round
    expect([summary!.width, summary!.height].sort()).toEqual([595, 842]);
    for (const words of ['预算审核意见表（共2份）', '通过', '不通过', '审核人：', '复核人：', `日期：${ON}`]) expect(summary!.flat).toContain(words);
    // each bid's sheet names its file on one line, and the tampered one the cell and the figure typed over its formula
    for (const [i, file] of BID_FILES.entries()) expect(printed.review![i + 1]!.flat).toContain(`文件${file}`);
    expect(text('review')).toContain('汇总表!B16');
    expect(text('review')).toContain('1200000');
  });

  it('预算对比: each project’s total as the budget service prices it, every row label whole, the differences from the first', async () => {
    const all = text('compare');
    // pdftotext breaks the wrapped project names in the header row; their totals are one run each: 1,711,773.60 …
    for (const name of [JILIN_PROJECT, FAMILY_CENTRE_PROJECT, ROSTER_PROJECT]) {
      const { total } = await call<{ total: string }>('projects.compute', { id: projectId(name) });
      expect(all).toContain(grouped(total));
    }
    for (const label of ['人月（Σ人数×月数）', '岗位·年（人月÷12）', '人员经费占比差（百分点）', '每岗位年成本差额（元）']) expect(all).toContain(label);
    expect(all).toContain('的差额（本列−基准列）');
  });

  it('变更记录: the floor raised from 4,500.00 to 5,000.00, the pension rate, the submission, by the user who saved', () => {
    const all = text('history');
    expect(all).toContain('缴费基数下限');
    expect(all).toMatch(/4500\.00.*5000\.00/);
    expect(all).toContain('wang.wu');
    expect(all).toContain('提交');
  });

  it('人员结构统计表: 需求 and 缺口 beside the counts; a field nobody holds (医务) gets a row; the certification rate closes it', () => {
    const all = text('stats');
    for (const words of ['人员结构统计表（全部人员）', '需求', '缺口', '医务', '持证率']) expect(all).toContain(words);
    expect(printed.stats!.every((p) => !p.landscape)).toBe(true);
  });

  it('队伍预测: a row for each of 2027 to 2031, the labour cost of each year', () => {
    const all = text('cohort');
    for (const year of ['2027', '2028', '2029', '2030', '2031']) expect(all).toContain(year);
    expect(all).toContain('人员经费（元）');
    expect(all).toMatch(/\d{1,3}(,\d{3})+\.\d{2}/);
  });

  it('the roster template: two pages across under the title 花名册导入模板, 姓名 on both; then what to fill in', () => {
    const [left, right, help] = printed['roster-template']!;
    for (const p of [left!, right!]) {
      expect(p.landscape).toBe(true);
      for (const words of ['花名册导入模板', '姓名', '张三']) expect(p.flat).toContain(words);
    }
    expect(left!.flat).toContain('身份证号');
    expect(right!.flat).toContain('党建岗');
    for (const words of ['列（表头）', '必填', '填写要求', '身份证号只保存在本机']) expect(help!.flat).toContain(words);
  });

  it('花名册: all 30 workers, the ID numbers masked', () => {
    const all = text('roster');
    for (const w of sampleRoster()) expect(all).toContain(w.name);
    expect(all).toContain('110***********0014');
    for (const id of ID_NUMBERS) expect(all).not.toContain(id);
  });

  it('名册附表: each worker’s line, the two ID numbers masked, and nobody left unpriced', () => {
    const annex = printed['budget-roster']!.filter((p) => p.flat.includes('名册附表') || p.flat.includes('人员经费明细序号'));
    expect(annex.length).toBeGreaterThan(0);
    const all = annex.map((p) => p.flat).join('');
    for (const w of sampleRoster()) expect(all).toContain(w.name);
    expect(all).toContain('110***********0014');
    expect(all).toContain('220***********0029');
    expect(all).not.toContain('未计入预算');
  });
});

describe('page images', () => {
  it('every page renders at 60 dpi as a PNG with something on it', () => {
    const keep = process.env.PAYBENCH_PRINTOUT_IMAGES;
    if (keep) fs.mkdirSync(keep, { recursive: true });
    for (const [name, pages] of Object.entries(printed)) {
      for (const p of pages) {
        const png = fs.readFileSync(pageImage(pdfs[name]!, p.number, path.join(keep ?? dir, `${name}-${p.number}`)));
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        expect(png.length, `${name} 第 ${p.number} 页`).toBeGreaterThan(5_000);
      }
    }
  });
});
