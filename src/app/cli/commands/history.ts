import path from 'node:path';
import { StoreError } from '../../../../db/errors';
import type { HistoryFilter } from '../../../../db/repos/history';
import type { ChangeObjectKind } from '../../../core/history/changes';
import { changeLine, objectKindLabel } from '../../../core/history/labels';
import { historyWorkbook, listHistory } from '../../services/history';
import { writeFileAtomic } from '../../services/writeFileAtomic';
import { UsageError, parseCommandArgs, str } from '../args';
import { type CliCommand, type CliIo, EXIT_FAILED, EXIT_OK } from '../command';
import { openCliStore } from '../openStore';
import { formatTable } from '../table';

/**
 * paybench history: the change history of the official data (docs/design.md §History and locks) — every change to
 * guides, versions and cells, reference wages, contribution sets and projects' submissions, newest first — as a
 * table, as JSON, or as the workbook the 历史记录 page exports (the same service, src/app/services/history.ts).
 */
const KINDS: readonly ChangeObjectKind[] = ['guide', 'guideVersion', 'contributionSet', 'referenceWage', 'project'];
/** as the page and the export: the newest 1,000 unless asked for more, at most 10,000 */
const MAX_LIMIT = 10_000;

const HELP = `用法 / usage:
  paybench history [--db FILE] [--object KIND [--id N]] [--from DATE] [--to DATE] [--limit N] [--json | --xlsx FILE]

列出变更记录（指导价、版本及单元格、参考工资、社保公积金参数、项目的提交/撤回/重新计价），最新的在前：
时间（UTC）、操作人、对象、字段、原值 → 新值。
  --object KIND   只列一类对象：${KINDS.join('|')}（guide 含其各版本的变更）
  --id N          与 --object 同用：只列该编号的对象
  --from DATE     起始日期（含），YYYY-MM-DD
  --to DATE       结束日期（含），YYYY-MM-DD
  --limit N       最多列出 N 条，默认 1000，最多 ${MAX_LIMIT}
  --json          输出 JSON 数组（每条：id, at, user, objectKind, objectId, objectName, action, field, old, new）
  --xlsx FILE     写出变更记录工作簿（与界面“导出”相同：工作表“变更记录”，A4）
  --db FILE       数据库文件；默认取环境变量 PAYBENCH_DB，否则为用户数据目录`;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filter the options ask for; a bad option is a UsageError naming it. */
function filterOf(values: Record<string, string | boolean | undefined>): HistoryFilter {
  const filter: HistoryFilter = {};
  const kind = str(values.object);
  if (kind !== undefined) {
    if (!KINDS.includes(kind as ChangeObjectKind)) throw new UsageError(`--object 须为 ${KINDS.join('、')} 之一，收到“${kind}” / unknown object kind`);
    filter.kind = kind as ChangeObjectKind;
  }
  const id = str(values.id);
  if (id !== undefined) {
    if (!/^[1-9]\d{0,9}$/.test(id)) throw new UsageError(`--id 须为正整数，收到“${id}” / --id must be a positive whole number`);
    if (filter.kind === undefined) throw new UsageError('--id 须与 --object 同用 / --id needs --object');
    filter.id = Number(id);
  }
  for (const key of ['from', 'to'] as const) {
    const date = str(values[key]);
    if (date === undefined) continue;
    if (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date)
      throw new UsageError(`--${key} 须为日期 YYYY-MM-DD，收到“${date}” / --${key} must be a date`);
    filter[key] = date;
  }
  if (filter.from && filter.to && filter.from > filter.to) throw new UsageError('--to 不能早于 --from / --to must not be before --from');
  const limit = str(values.limit);
  if (limit !== undefined) {
    if (!/^\d{1,6}$/.test(limit) || Number(limit) < 1 || Number(limit) > MAX_LIMIT)
      throw new UsageError(`--limit 须为 1 到 ${MAX_LIMIT} 的整数，收到“${limit}” / --limit out of range`);
    filter.limit = Number(limit);
  }
  return filter;
}

export const historyCommand: CliCommand = {
  name: 'history',
  summary: '变更记录：指导价、版本、参考工资、缴费参数、项目提交的每次改动（可导出 Excel）',
  help: HELP,
  async run(args, io: CliIo) {
    const { positionals, values } = parseCommandArgs(args, {
      db: { type: 'string' },
      object: { type: 'string' },
      id: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
      xlsx: { type: 'string' },
    });
    if (values.help) {
      io.stdout(HELP + '\n');
      return EXIT_OK;
    }
    if (positionals.length) throw new UsageError(`多余的参数：${positionals.join(' ')}（用 --help 查看用法）/ unexpected argument`);
    const xlsx = str(values.xlsx);
    if (xlsx !== undefined && values.json) throw new UsageError('--json 与 --xlsx 只能选一个 / --json or --xlsx, not both');
    const filter = filterOf(values);
    const store = openCliStore(str(values.db));
    try {
      if (xlsx !== undefined) {
        const file = await historyWorkbook(store, filter);
        try {
          await writeFileAtomic(path.resolve(xlsx), file.bytes);
        } catch (e) {
          io.stderr(`写出变更记录 ${xlsx} 失败（原有文件未被改动）：${(e as Error).message}\n`);
          return EXIT_FAILED;
        }
        io.stdout(`已写出变更记录：${xlsx}\n`);
        return EXIT_OK;
      }
      const entries = listHistory(store, filter);
      if (values.json) {
        io.stdout(JSON.stringify(entries, null, 2) + '\n');
        return EXIT_OK;
      }
      if (!entries.length) {
        io.stdout('没有变更记录\n');
        return EXIT_OK;
      }
      io.stdout(
        formatTable(
          ['时间（UTC）', '操作人', '对象', '名称', '变更'],
          entries.map((e) => [e.at.replace('T', ' ').slice(0, 19), e.user, objectKindLabel(e.objectKind, 'zh'), e.objectName, changeLine(e, 'zh')]),
        ),
      );
      return EXIT_OK;
    } catch (e) {
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
