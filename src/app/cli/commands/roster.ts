import path from 'node:path';
import { StoreError } from '../../../../db/errors';
import type { RosterFilter } from '../../../../db/repos/roster';
import { cohortSchema } from '../../../core/roster/cohort';
import { type Demand, demandSchema } from '../../../core/roster/demand';
import { RosterImportError } from '../../../core/roster/importRows';
import { ROSTER_LIMITS } from '../../../core/roster/readRoster';
import { STATS_DIMENSIONS } from '../../../core/roster/stats';
import { ValidationError, isoDate, periodMonths, rateText, yearMonth, zodProblems } from '../../../core/spec/fields';
import { decodeText } from '../../../core/text/decodeText';
import { StrictJsonError, parseStrictJson } from '../../../core/text/strictJson';
import { FileUnreadableError } from '../../services/errors';
import { findGuide, guideNames } from '../../services/guides';
import { findByNameOrId } from '../../services/lookup';
import { readInputFile } from '../../services/files';
import {
  type CohortReport,
  type StatsReport,
  cohortParameters,
  cohortWorkbook,
  createRosterProject,
  exportRoster,
  previewRosterProject,
  type CreatedRosterProject,
  type RosterProjectRequest,
  type RosterStaffPreview,
  fileRosterStats,
  importRosterFile,
  rosterCertificateChecks,
  rosterCohort,
  rosterTemplate,
  statsWorkbook,
  storedRosterStats,
} from '../../services/roster';
import type { WorkbookFile } from '../../services/files';
import { writeFileAtomic } from '../../services/writeFileAtomic';
import { type ParsedArgs, parseCommandArgs, str } from '../args';
import { type CliCommand, type CliIo, EXIT_FAILED, EXIT_INVALID, EXIT_OK } from '../command';
import { lazyCliStore } from '../openStore';
import { formatTable } from '../table';

/**
 * paybench roster: the roster (花名册) — import a file into the store, count its structure on a date
 * (from a file or from the store), write the import template, export the roster (身份证号 masked).
 * Exit 2 with “第 N 行 列名（X 列）: …” lines on stderr for a bad file; nothing is imported then.
 */
const HELP = `用法 / usage:
  paybench roster import FILE.(csv|xlsx) [--db DB]
  paybench roster stats (FILE.(csv|xlsx) | --db DB) --on YYYY-MM-DD [--json] [--demand DEMAND.json] [--out 统计表.xlsx]
  paybench roster template --out 模板.xlsx
  paybench roster export --out 花名册.xlsx [--db DB]
  paybench roster project [--db DB] [--on D] [--years 10] [--hires 50] [--attrition 0.08] [--pass-rate 0.2]
                          [--target 40:+50] [--pay 72000.00 | --pay-from-roster] [--allowance 3600.00] [--raise 0.03]
                          [--json] [--out 预测表.xlsx]
  paybench roster checks [--db DB] [--on D] [--json]
  paybench roster to-project --project NAME --guide GUIDE --contributions SET --start YYYY-MM [--months 12]
                          [--district X] [--street X] [--community X] [--certificate X] [--post-type X]
                          [--worker-name X] [--dry-run] [--json] [--db DB]

花名册的表头须与导入模板一致（姓名, 性别, 出生日期, 身份证号, 学历, 领域, 职称, 持证等级, 取证日期, 岗位类别,
岗位等级, 档次, 入职日期, 社区工作年限, 所在社区, 所在街道, 所在区, 考核, 党建岗）；csv 可为 UTF-8 或 GBK。
  import     检查整个文件，全部无误才替换数据库中的花名册
  stats      按统计日期的周岁、学历、职称、领域、持证等级统计人数；--json 输出
             { "total", "on", "byAge", "byEducation", "byTitle", "byField", "byCertificate", "certRate" }
  --on D     统计日期（年龄按该日的周岁计）；默认今天
  --demand F 需求表 JSON（{"byEducation":{"本科及以上":182}, "byField":{…}}），输出缺口
  --out F    stats：写出人员结构统计表；template：写出导入模板；export：写出花名册（身份证号打码）
  project    队伍预测：从数据库中的花名册（人数、持证人数）起，每年流失、新招、考证，按年列出人数、持证、
             目标与缺口；--pay 人均年薪（或 --pay-from-roster 按定级晋升参数由花名册算出）给出人员经费
  --target N:+M  目标：现在 N 人，每年增加 M 人
  checks     持证规则检查：岗位等级要求的证书、持证津贴下限（每月不低于 200 元）与递增、未知资格
  to-project 按名册生成项目：所选人员（全部，或按 --district 等筛选）各按本人的岗位类别、岗位等级、档次与
             持证等级对应指导价单元格计价，同一单元格同一证书的人合为一行人员经费；无法计价的人列出原因，
             不计入；项目与名册附表在同一事务中保存。--dry-run 只列出人员经费行与无法计价的人，不保存
退出码：0 完成；1 读写失败；2 文件或参数无效（错误写到 stderr，注明行和列）`;

const today = () => new Date().toISOString().slice(0, 10);

function invalid(io: CliIo, title: string, e: ValidationError): number {
  io.stderr(`${title}\n`);
  for (const p of e.problems) io.stderr(`${p.path}: ${p.message}\n`);
  if (e instanceof RosterImportError && e.truncated) io.stderr('……（错误过多，只列出前 200 条）\n');
  return EXIT_INVALID;
}

function readRosterBytes(file: string, io: CliIo): Buffer | null {
  try {
    return readInputFile(file, ROSTER_LIMITS.maxFileBytes);
  } catch (e) {
    if (!(e instanceof FileUnreadableError)) throw e;
    io.stderr(`无法读取花名册 ${file}：${e.reason}\n`);
    return null;
  }
}

async function writeOut(out: string, file: Promise<WorkbookFile>, io: CliIo): Promise<boolean> {
  try {
    const { bytes } = await file;
    await writeFileAtomic(path.resolve(out), bytes);
    return true;
  } catch (e) {
    io.stderr(`写出 ${out} 失败（原有文件未被改动）：${(e as Error).message}\n`);
    return false;
  }
}

function readDemand(file: string, io: CliIo): Demand | number {
  let raw: unknown;
  try {
    raw = parseStrictJson(decodeText(readInputFile(file)).text);
  } catch (e) {
    if (e instanceof StrictJsonError) return invalid(io, `需求表无效：${file}`, new ValidationError([{ path: e.path, message: e.message }]));
    io.stderr(`无法读取需求表 ${file}：${(e as Error).message}\n`);
    return EXIT_INVALID;
  }
  const parsed = demandSchema.safeParse(raw);
  if (!parsed.success) return invalid(io, `需求表无效：${file}`, new ValidationError(zodProblems(parsed.error)));
  return parsed.data;
}

const DIMENSION_ZH = { byAge: '年龄', byEducation: '学历', byTitle: '职称', byField: '领域', byCertificate: '持证等级' } as const;

function statsText(report: StatsReport): string {
  const { stats, gaps } = report;
  let text = `统计日期 ${stats.on}，共 ${stats.total} 人；持证率 ${stats.certRate ?? '—'}\n`;
  for (const d of STATS_DIMENSIONS) {
    text +=
      `\n${DIMENSION_ZH[d]}\n` +
      formatTable(
        ['类别', '人数'],
        Object.entries(stats[d]).map(([band, n]) => [band, String(n)]),
      );
  }
  if (gaps.length) {
    text +=
      '\n需求与缺口\n' +
      formatTable(
        ['维度', '类别', '现有', '需求', '缺口'],
        gaps.map((g) => [DIMENSION_ZH[g.dimension], g.band, String(g.have), String(g.need), String(g.gap)]),
      );
  }
  return text;
}

async function stats(positionals: string[], values: ParsedArgs['values'], io: CliIo): Promise<number> {
  const on = str(values.on) ?? today();
  const onParsed = isoDate.safeParse(on);
  if (!onParsed.success) {
    io.stderr(`--on: ${onParsed.error.issues[0]!.message}\n`);
    return EXIT_INVALID;
  }
  const dbFlag = str(values.db);
  if ((positionals.length === 1) === (dbFlag !== undefined)) {
    io.stderr('请给出一个花名册文件，或用 --db 统计数据库中的花名册（二者取一）\n\n' + HELP + '\n');
    return EXIT_INVALID;
  }
  let demand: Demand | null = null;
  const demandFile = str(values.demand);
  if (demandFile) {
    const d = readDemand(demandFile, io);
    if (typeof d === 'number') return d;
    demand = d;
  }
  let report: StatsReport;
  if (positionals.length === 1) {
    const file = positionals[0]!;
    const bytes = readRosterBytes(file, io);
    if (!bytes) return EXIT_FAILED;
    try {
      report = await fileRosterStats(file, bytes, on, demand);
    } catch (e) {
      if (e instanceof RosterImportError) return invalid(io, `花名册有误：${file}`, e);
      throw e;
    }
  } else {
    const store = lazyCliStore(dbFlag);
    try {
      report = storedRosterStats(store.get(), on, {}, demand);
    } finally {
      store.close();
    }
  }
  const out = str(values.out);
  if (out && !(await writeOut(out, statsWorkbook(report, positionals[0] ? path.basename(positionals[0]) : '全部人员'), io))) return EXIT_FAILED;
  if (values.json) io.stdout(JSON.stringify(demand ? { ...report.stats, gaps: report.gaps } : report.stats, null, 2) + '\n');
  else io.stdout(statsText(report) + (out ? `\n已写出人员结构统计表：${out}\n` : ''));
  return EXIT_OK;
}

/** --on, or today; a bad date is a ValidationError naming the flag */
function onArg(values: ParsedArgs['values']): string {
  const r = isoDate.safeParse(str(values.on) ?? today());
  if (!r.success) throw new ValidationError([{ path: '--on', message: r.error.issues[0]!.message }]);
  return r.data;
}

function projectionArgs(values: ParsedArgs['values'], on: string) {
  const target = str(values.target);
  const m = target === undefined ? null : /^(\d+):\+?(\d+)$/.exec(target);
  if (target !== undefined && !m) throw new ValidationError([{ path: '--target', message: '须写作 现有目标:每年增加，如 40:+50 / write 40:+50' }]);
  const pay = str(values.pay);
  return {
    fromYear: Number(on.slice(0, 4)),
    years: Number(str(values.years) ?? '10'),
    hiresPerYear: Number(str(values.hires) ?? '0'),
    attritionRate: str(values.attrition) ?? '0',
    passRate: str(values['pass-rate']) ?? '0',
    target: m ? { start: Number(m[1]), perYear: Number(m[2]) } : null,
    labour: pay === undefined ? null : { payPerHead: pay, allowancePerCertified: str(values.allowance) ?? '0.00', yearlyRaise: str(values.raise) ?? '0' },
  };
}

async function project(values: ParsedArgs['values'], io: CliIo): Promise<number> {
  const on = onArg(values);
  const parsed = cohortSchema.safeParse(projectionArgs(values, on));
  if (!parsed.success) return invalid(io, '预测参数无效', new ValidationError(zodProblems(parsed.error)));
  const raise = rateText.safeParse(str(values.raise) ?? '0');
  if (!raise.success) return invalid(io, '预测参数无效', new ValidationError([{ path: '--raise', message: raise.error.issues[0]!.message }]));
  const store = lazyCliStore(str(values.db));
  let report: CohortReport;
  try {
    report = rosterCohort(store.get(), {}, on, parsed.data, { labourFromRoster: values['pay-from-roster'] === true, yearlyRaise: raise.data });
  } finally {
    store.close();
  }
  const out = str(values.out);
  if (out && !(await writeOut(out, cohortWorkbook(parsed.data, report, '全部人员'), io))) return EXIT_FAILED;
  if (values.json) {
    io.stdout(JSON.stringify(report, null, 2) + '\n');
    return EXIT_OK;
  }
  io.stdout(
    cohortParameters(parsed.data, report).join('\n') +
      `\n起点：${report.start.headcount} 人，持证 ${report.start.certified} 人\n\n` +
      formatTable(
        ['年份', '离职', '新招', '考取', '人数', '持证', '目标', '缺口', '人员经费'],
        report.years.map((y) => [
          String(y.year),
          String(y.leavers),
          String(y.hires),
          String(y.passed),
          String(y.headcount),
          String(y.certified),
          y.target === null ? '—' : String(y.target),
          y.gap === null ? '—' : String(y.gap),
          y.labour ?? '—',
        ]),
      ) +
      (out ? `\n已写出人员队伍预测表：${out}\n` : ''),
  );
  return EXIT_OK;
}

function checks(values: ParsedArgs['values'], io: CliIo): number {
  const on = onArg(values);
  const store = lazyCliStore(str(values.db));
  try {
    const r = rosterCertificateChecks(store.get(), on, null);
    if (values.json) io.stdout(JSON.stringify(r, null, 2) + '\n');
    else io.stdout(`${r.scheme}：${r.checks.length ? '' : '未发现问题'}\n` + r.checks.map((c) => `[${c.code}] ${c.message}\n`).join(''));
    return EXIT_OK;
  } finally {
    store.close();
  }
}

/** The roster filter from --district, --street, --community, --certificate, --post-type, --worker-name (as the page's filters). */
function filterArgs(values: ParsedArgs['values']): RosterFilter {
  return {
    district: str(values.district) ?? null,
    street: str(values.street) ?? null,
    community: str(values.community) ?? null,
    certificate: str(values.certificate) ?? null,
    postType: str(values['post-type']) ?? null,
    name: str(values['worker-name']) ?? null,
  };
}

function rosterProjectText(r: RosterStaffPreview): string {
  let out =
    `范围：${r.scope}；指导价：${r.guide.name}（${r.guide.version}）\n` +
    `共 ${r.people} 人，计价 ${r.priced} 人，无法计价 ${r.unpricedCount} 人\n\n` +
    formatTable(
      ['行', '岗位', '等级', '档次', '持证', '人数'],
      r.lines.map((l, i) => [String(i + 1), l.post, l.grade, String(l.step), l.qualification ?? '—', String(l.count)]),
    );
  if (r.unpricedCount) {
    out +=
      '\n无法计价（未计入）\n' +
      formatTable(
        ['名册序号', '姓名', '原因'],
        r.unpriced.map((u) => [u.seq === null ? '—' : String(u.seq), u.name, u.reason]),
      );
    if (r.unpricedCount > r.unpriced.length) out += `……另有 ${r.unpricedCount - r.unpriced.length} 人\n`;
  }
  return out;
}

function toProject(values: ParsedArgs['values'], io: CliIo): number {
  const dryRun = values['dry-run'] === true;
  const name = str(values.project);
  const guideRef = str(values.guide);
  const setRef = str(values.contributions);
  const missing = [
    !dryRun && !name ? '--project' : null,
    !guideRef ? '--guide' : null,
    !setRef ? '--contributions' : null,
    !str(values.start) ? '--start' : null,
  ];
  const absent = missing.filter((m): m is string => m !== null);
  if (absent.length) throw new ValidationError(absent.map((path) => ({ path, message: '必须给出 / required' })));
  const start = yearMonth.safeParse(str(values.start));
  if (!start.success) throw new ValidationError([{ path: '--start', message: start.error.issues[0]!.message }]);
  const months = periodMonths.safeParse(Number(str(values.months) ?? '12'));
  if (!months.success) throw new ValidationError([{ path: '--months', message: months.error.issues[0]!.message }]);
  const store = lazyCliStore(str(values.db));
  try {
    const s = store.get();
    const guide = findGuide(s, guideRef!);
    if (!guide) throw new ValidationError([{ path: '--guide', message: `数据库中没有“${guideRef}”；现有：${guideNames(s).join('、') || '（无）'}` }]);
    const set = findByNameOrId(
      setRef!,
      (n) => s.contributionSets.findByName(n),
      (id) => s.contributionSets.find(id),
    );
    if (!set) {
      const names = s.contributionSets.list().map((c) => c.name);
      throw new ValidationError([{ path: '--contributions', message: `数据库中没有“${setRef}”；现有：${names.join('、') || '（无）'}` }]);
    }
    const req: RosterProjectRequest = {
      filter: filterArgs(values),
      name: name ?? '',
      guideId: guide.id,
      contributionSetId: set.id,
      periodStart: start.data,
      periodMonths: months.data,
    };
    const r: RosterStaffPreview | CreatedRosterProject = dryRun ? previewRosterProject(s, req) : createRosterProject(s, req);
    const created = dryRun ? null : (r as CreatedRosterProject);
    if (values.json) io.stdout(JSON.stringify(r, null, 2) + '\n');
    else io.stdout(rosterProjectText(r) + (created ? `\n已生成项目“${created.name}”（编号 ${created.projectId}），预算总额 ${created.total} 元\n` : ''));
    return EXIT_OK;
  } finally {
    store.close();
  }
}

async function run(sub: string, positionals: string[], values: ParsedArgs['values'], io: CliIo): Promise<number> {
  const out = str(values.out);
  switch (sub) {
    case 'import': {
      if (positionals.length !== 1) {
        io.stderr('请给出一个花名册文件 FILE.csv 或 .xlsx\n');
        return EXIT_INVALID;
      }
      const file = positionals[0]!;
      const bytes = readRosterBytes(file, io);
      if (!bytes) return EXIT_FAILED;
      const store = lazyCliStore(str(values.db));
      try {
        const r = await importRosterFile(store.get(), file, bytes);
        io.stdout(`已导入花名册：${r.imported} 人${r.ignoredColumns.length ? `；忽略的列：${r.ignoredColumns.join('、')}` : ''}\n`);
        return EXIT_OK;
      } catch (e) {
        if (e instanceof RosterImportError) return invalid(io, `花名册有误，未导入任何人员：${file}`, e);
        throw e;
      } finally {
        store.close();
      }
    }
    case 'stats':
      return stats(positionals, values, io);
    case 'project':
      return project(values, io);
    case 'checks':
      return checks(values, io);
    case 'to-project':
      return toProject(values, io);
    case 'template':
    case 'export': {
      if (!out) {
        io.stderr(`请用 --out 指定要写出的 xlsx 文件\n`);
        return EXIT_INVALID;
      }
      if (sub === 'template') {
        if (!(await writeOut(out, rosterTemplate(), io))) return EXIT_FAILED;
        io.stdout(`已写出花名册导入模板：${out}\n`);
        return EXIT_OK;
      }
      const store = lazyCliStore(str(values.db));
      try {
        if (!(await writeOut(out, exportRoster(store.get(), {}), io))) return EXIT_FAILED;
      } finally {
        store.close();
      }
      io.stdout(`已写出花名册（身份证号已打码）：${out}\n`);
      return EXIT_OK;
    }
    default:
      io.stderr(`未知的子命令“${sub}”：可用 import、stats、template、export、project、checks、to-project\n\n${HELP}\n`);
      return EXIT_INVALID;
  }
}

export const rosterCommand: CliCommand = {
  name: 'roster',
  summary: '花名册：导入、结构统计（年龄/学历/职称/领域/持证）、队伍预测、持证规则检查、按名册生成项目、模板与导出',
  help: HELP,
  async run(args, io) {
    const { positionals, values } = parseCommandArgs(args, {
      on: { type: 'string' },
      json: { type: 'boolean' },
      demand: { type: 'string' },
      out: { type: 'string', short: 'o' },
      db: { type: 'string' },
      years: { type: 'string' },
      hires: { type: 'string' },
      attrition: { type: 'string' },
      'pass-rate': { type: 'string' },
      target: { type: 'string' },
      pay: { type: 'string' },
      'pay-from-roster': { type: 'boolean' },
      allowance: { type: 'string' },
      raise: { type: 'string' },
      project: { type: 'string' },
      guide: { type: 'string' },
      contributions: { type: 'string' },
      start: { type: 'string' },
      months: { type: 'string' },
      district: { type: 'string' },
      street: { type: 'string' },
      community: { type: 'string' },
      certificate: { type: 'string' },
      'post-type': { type: 'string' },
      'worker-name': { type: 'string' },
      'dry-run': { type: 'boolean' },
    });
    if (values.help || positionals.length === 0) {
      (values.help ? io.stdout : io.stderr)(HELP + '\n');
      return values.help ? EXIT_OK : EXIT_INVALID;
    }
    try {
      return await run(positionals[0]!, positionals.slice(1), values, io);
    } catch (e) {
      if (e instanceof ValidationError) return invalid(io, '参数无效', e);
      if (e instanceof StoreError) {
        io.stderr(e.message + '\n');
        return EXIT_FAILED;
      }
      throw e;
    }
  },
};
