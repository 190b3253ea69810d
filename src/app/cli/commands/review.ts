import path from 'node:path';
import { StoreError } from '../../../../db/errors';
import { reviewReportBuffer } from '../../../core/excel/review/reviewReport';
import { SEVERITY_ZH, VERDICT_ZH } from '../../../core/review/findings';
import { BID_LIMITS } from '../../../core/review/workbookCells';
import { ValidationError } from '../../../core/spec/fields';
import { FileUnreadableError } from '../../services/errors';
import { readInputFile } from '../../services/files';
import { type BidFile, type ReviewOutcome, DEFAULT_TOLERANCE_PERCENT, reviewBidFiles } from '../../services/review';
import { writeFileAtomic } from '../../services/writeFileAtomic';
import { parseCommandArgs, str } from '../args';
import { type CliCommand, type CliIo, EXIT_FAILED, EXIT_INVALID, EXIT_OK } from '../command';
import { lazyCliStore } from '../openStore';
import { formatTable } from '../table';

/**
 * paybench review: submitted bid workbooks against their embedded spec and the official records in the store
 * (docs/design.md §Excel workbooks, "Review"). Exit 0 when no bid has an error finding, 1 when one has, 2 when a
 * file cannot be read (or the command is misused).
 */
const HELP = `用法 / usage:
  paybench review FILE.xlsx [FILE.xlsx …] [--db FILE] [--guide NAME] [--guide-version LABEL|DATE] [--contributions NAME]
                  [--tolerance PCT] [--json] [--out REPORT.xlsx]

审核 Paybench 导出的预算工作簿（投标文件）：按工作簿内嵌的预算数据重算，核对每个数字和公式；
再与数据库中投标起始月生效的官方指导价、缴费参数对照，并列出预算本身的检查结果。
  --guide NAME          对照的官方指导价（名称或编号）；默认为工作簿所用的指导价
  --guide-version V     对照该指导价的哪个版本：版本名称（"2026 版"）或日期（2026-07-01 / 2026-07，取当日有效的版本）；
                        默认为投标起始月生效的版本
  --contributions NAME  对照的官方缴费参数（名称）；默认为同一城市在起始月生效的参数
                        指定的指导价、版本或缴费参数在数据库中不存在时，不审核并列出现有的（退出码 2）
  --tolerance PCT       月薪高于指导价超过该百分比时警告，默认 ${DEFAULT_TOLERANCE_PERCENT}
  --json                输出 JSON：{ "bids": [ { file, name, total, verdict, comparedWith, findings } ] }
  --out FILE            同时写出审核意见表（Excel）
  --db FILE             数据库文件；默认取环境变量 PAYBENCH_DB，否则为用户数据目录
结论：通过（无错误、无警告）；需修改（有错误或警告，但工作簿完整）；不通过（工作簿被改动：校验值不符、数字或公式与重算不符）。
退出码：0 所有投标均无错误；1 有投标存在错误；2 有文件无法读取（如不是本程序导出的预算工作簿）`;

const LEVEL_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** The options a refusal names (the service names its input fields). */
const OPTION_OF: Record<string, string> = { guide: '--guide', guideVersion: '--guide-version', contributions: '--contributions' };

const comparedText = (what: string | null, basis: 'picked' | 'auto') =>
  what === null ? '（未对照）' : `${what}${basis === 'picked' ? '（审核人指定）' : '（按投标起始月自动选取）'}`;

function textReport(outcome: ReviewOutcome): string {
  let out = formatTable(
    ['文件', '项目', '预算总额', '结论', '错误', '警告', '提示'],
    outcome.bids.map((b) => [b.file, b.name, b.total ?? '—', VERDICT_ZH[b.verdict], String(b.counts.error), String(b.counts.warning), String(b.counts.info)]),
  );
  for (const b of outcome.bids) {
    out += `\n${b.file}：${VERDICT_ZH[b.verdict]}\n`;
    out += `  对照指导价：${comparedText(b.comparedWith.guide, b.comparedWith.guideBasis)}\n`;
    out += `  对照缴费参数：${comparedText(b.comparedWith.contributions, b.comparedWith.contributionsBasis)}\n`;
    const shown = [...b.findings].sort((x, y) => LEVEL_ORDER[x.severity] - LEVEL_ORDER[y.severity]);
    for (const f of shown.slice(0, 50)) out += `  [${SEVERITY_ZH[f.severity]}] ${f.code} ${f.message}\n`;
    if (shown.length > 50) out += `  ……共 ${shown.length} 项，用 --json 或 --out 查看全部\n`;
    if (!shown.length) out += '  未发现问题\n';
  }
  return out;
}

export const reviewCommand: CliCommand = {
  name: 'review',
  summary: '审核投标预算工作簿：重算核对、对照官方指导价与缴费参数，可输出审核意见表',
  help: HELP,
  async run(args, io: CliIo) {
    const { positionals, values } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      out: { type: 'string', short: 'o' },
      db: { type: 'string' },
      guide: { type: 'string' },
      'guide-version': { type: 'string' },
      contributions: { type: 'string' },
      tolerance: { type: 'string' },
    });
    if (values.help) {
      io.stdout(HELP + '\n');
      return EXIT_OK;
    }
    if (positionals.length === 0) {
      io.stderr('请给出要审核的预算工作簿 FILE.xlsx（可多个）\n\n' + HELP + '\n');
      return EXIT_INVALID;
    }
    const files: BidFile[] = [];
    const unreadable: ReviewOutcome['unreadable'] = [];
    for (const file of positionals) {
      try {
        files.push({ fileName: path.basename(file), bytes: readInputFile(file, BID_LIMITS.maxFileBytes) });
      } catch (e) {
        if (!(e instanceof FileUnreadableError)) throw e;
        unreadable.push({ file: path.basename(file), message: `无法读取文件 ${file}：${e.reason}` });
      }
    }
    const store = lazyCliStore(str(values.db));
    try {
      const outcome = await reviewBidFiles(store.get(), files, {
        guide: str(values.guide),
        guideVersion: str(values['guide-version']),
        contributions: str(values.contributions),
        tolerancePercent: str(values.tolerance),
      });
      outcome.unreadable.unshift(...unreadable);
      const out = str(values.out);
      if (out) {
        try {
          const bytes = await reviewReportBuffer(outcome.bids, outcome.unreadable, { date: new Date().toISOString().slice(0, 10) });
          await writeFileAtomic(path.resolve(out), bytes);
        } catch (e) {
          io.stderr(`写出审核意见表 ${out} 失败（原有文件未被改动）：${(e as Error).message}\n`);
          return EXIT_FAILED;
        }
      }
      for (const u of outcome.unreadable) io.stderr(`${u.message}\n`);
      if (values.json) {
        const bids = outcome.bids.map((b) => ({
          file: b.file,
          name: b.name,
          total: b.total,
          verdict: b.verdict,
          comparedWith: b.comparedWith,
          findings: b.findings,
        }));
        io.stdout(JSON.stringify(outcome.unreadable.length ? { bids, unreadable: outcome.unreadable } : { bids }, null, 2) + '\n');
      } else io.stdout(textReport(outcome) + (out ? `\n已写出审核意见表：${out}\n` : ''));
      if (outcome.unreadable.length) return EXIT_INVALID;
      return outcome.bids.some((b) => b.counts.error > 0) ? EXIT_FAILED : EXIT_OK;
    } catch (e) {
      if (e instanceof ValidationError) {
        for (const p of e.problems) io.stderr(`${OPTION_OF[p.path] ?? p.path}: ${p.message}\n`);
        return EXIT_INVALID;
      }
      if (e instanceof StoreError) {
        io.stderr(e.message + '\n');
        return EXIT_FAILED;
      }
      throw e;
    } finally {
      store.close();
    }
  },
};
