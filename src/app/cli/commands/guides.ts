import { StoreError } from '../../../../db/errors';
import type { GuideSummary } from '../../../../db/repos/guides';
import { coefficientMonthly } from '../../../core/guides/cellValue';
import { formatMoney, parseDecimal } from '../../../core/money/decimal';
import { type GuideVersionComparison, type GuideVersionView, compareGuideVersions, listGuides, showGuideVersion } from '../../services/guides';
import { UsageError, parseCommandArgs, str } from '../args';
import { type CliCommand, type CliIo, EXIT_FAILED, EXIT_INVALID, EXIT_OK } from '../command';
import { openCliStore } from '../openStore';
import { formatTable } from '../table';

/** paybench guides list | show NAME [--version DATE|LABEL] | diff NAME A B */
const HELP = `用法 / usage:
  paybench guides list [--db FILE] [--json]
  paybench guides show NAME [--version DATE|LABEL] [--db FILE] [--json]
  paybench guides diff NAME A B [--all] [--db FILE] [--json]

  list     列出数据库中的薪酬指导价及其版本
  show     显示一份指导价的一个版本：默认为今天有效的版本；--version 可给日期（2025-06-01，取当日有效的版本）或版本名称（"2025 版"）
  diff     逐格比较同一指导价的两个版本 A、B（版本名称或日期），给出增减金额和百分比；--all 也列出未变的单元格
  NAME     指导价名称或编号
  --db     数据库文件；默认取环境变量 PAYBENCH_DB，否则为用户数据目录`;

const INCLUDES = { gross: '应发工资', employerCost: '单位全部用人成本' } as const;
const UNIT = { month: '元/月', year: '元/年' } as const;
const STATUS = { added: '新增', removed: '删除', changed: '变化', same: '不变' } as const;
const today = () => new Date().toISOString().slice(0, 10);
const money = (s: string) => formatMoney(parseDecimal(s));

function list(io: CliIo, guides: GuideSummary[], json: boolean) {
  if (json) return io.stdout(JSON.stringify(guides, null, 2) + '\n');
  io.stdout(
    formatTable(
      ['编号', '指导价', '地区', '版本（生效日期）', '项目数', '示例'],
      guides.map((g) => [
        String(g.id),
        g.name,
        g.region,
        g.versions.map((v) => `${v.label}（${v.effectiveFrom}）`).join('；'),
        String(g.projectCount),
        g.sample ? '示例数据' : '',
      ]),
    ),
  );
}

function show(io: CliIo, { guide, version, wage }: GuideVersionView, json: boolean) {
  if (json)
    return io.stdout(
      JSON.stringify({ guide: { id: guide.id, name: guide.name, issuer: guide.issuer, region: guide.region, sample: guide.sample }, version }, null, 2) + '\n',
    );
  let out = `${guide.name}${guide.sample ? '（示例数据）' : ''}\n`;
  out += `发布单位：${guide.issuer || '—'}　地区：${guide.region || '—'}\n`;
  out += `版本：${version.label}　生效：${version.effectiveFrom}${version.effectiveTo ? ` 至 ${version.effectiveTo}` : ' 起'}　文号：${version.documentNo || '—'}\n`;
  out += `金额口径：${INCLUDES[version.includes]}　单位：${UNIT[version.unit]}\n`;
  if (version.referenceWage) {
    out += `参考工资：${version.referenceWage}${wage ? ` = ${money(wage.amount)} ${wage.per === 'year' ? '元/年' : '元/月'}（${wage.effectiveFrom} 起）` : '（未找到）'}\n`;
  }
  if (version.source) out += `来源：${version.source}\n`;
  if (version.notes) out += `说明：${version.notes}\n`;
  out += '\n';
  const hasCoefficients = version.cells.some((c) => c.coefficient !== undefined);
  const header = hasCoefficients ? ['岗位', '等级', '档次', '系数', '月额（元）'] : ['岗位', '等级', '档次', `金额（${UNIT[version.unit]}）`];
  out += formatTable(
    header,
    version.cells.map((c) => {
      const row = [c.post, c.grade, String(c.step)];
      if (!hasCoefficients) return [...row, money(c.amount!)];
      if (c.amount !== undefined) return [...row, '', money(c.amount)];
      const monthly = wage
        ? formatMoney(coefficientMonthly(parseDecimal(c.coefficient!), { name: wage.name, amount: parseDecimal(wage.amount), per: wage.per }))
        : '';
      return [...row, c.coefficient!, monthly];
    }),
  );
  if (version.allowances.length) {
    out += '\n持证津贴\n';
    out += formatTable(
      ['资格', '金额（元）', '方式'],
      version.allowances.map((a) => [a.qualification, money(a.amount), a.kind === 'oneOff' ? '一次性' : '按月']),
    );
  }
  io.stdout(out);
}

function diff(io: CliIo, { from: a, to: b, diff: d }: GuideVersionComparison, all: boolean, json: boolean) {
  if (json) return io.stdout(JSON.stringify(d, null, 2) + '\n');
  const fmt = (s: string | null, isMoney: boolean) => (s === null ? '' : isMoney ? money(s) : s);
  let out = `比较：${a.label}（${a.effectiveFrom}）→ ${b.label}（${b.effectiveFrom}）\n`;
  out += `变化 ${d.counts.changed}，新增 ${d.counts.added}，删除 ${d.counts.removed}，不变 ${d.counts.same}\n\n`;
  const cells = d.cells.filter((c) => all || c.status !== 'same');
  out += cells.length
    ? formatTable(
        ['岗位', '等级', '档次', a.label, b.label, '增减', '增减%', '状态'],
        cells.map((c) => {
          const m = c.kind === 'amount';
          return [
            c.post,
            c.grade,
            String(c.step),
            fmt(c.before, m),
            fmt(c.after, m),
            fmt(c.change, m),
            c.percent === null ? '' : `${c.percent}%`,
            STATUS[c.status],
          ];
        }),
      )
    : '单元格无变化\n';
  const allowances = d.allowances.filter((x) => all || x.status !== 'same');
  if (allowances.length) {
    out += '\n持证津贴\n';
    out += formatTable(
      ['资格', '方式', a.label, b.label, '增减', '增减%', '状态'],
      allowances.map((x) => [
        x.qualification,
        x.kind === 'oneOff' ? '一次性' : '按月',
        fmt(x.before, true),
        fmt(x.after, true),
        fmt(x.change, true),
        x.percent === null ? '' : `${x.percent}%`,
        STATUS[x.status],
      ]),
    );
  }
  io.stdout(out);
}

export const guidesCommand: CliCommand = {
  name: 'guides',
  summary: '薪酬指导价：列出、查看某版本、逐格比较两个版本',
  help: HELP,
  async run(args, io) {
    const { positionals, values } = parseCommandArgs(args, {
      db: { type: 'string' },
      json: { type: 'boolean' },
      version: { type: 'string' },
      all: { type: 'boolean' },
    });
    const [sub, ...rest] = positionals;
    if (values.help || sub === undefined) {
      (sub === undefined && !values.help ? io.stderr : io.stdout)(HELP + '\n');
      return sub === undefined && !values.help ? EXIT_INVALID : EXIT_OK;
    }
    const expected = { list: 0, show: 1, diff: 3 }[sub];
    if (expected === undefined) throw new UsageError(`未知的子命令“${sub}”，应为 list、show 或 diff`);
    if (rest.length !== expected) throw new UsageError(`guides ${sub} 需要 ${expected} 个参数，得到 ${rest.length} 个（用 --help 查看用法）`);
    const store = openCliStore(str(values.db));
    try {
      const json = values.json === true;
      if (sub === 'list') list(io, listGuides(store), json);
      else if (sub === 'show') show(io, showGuideVersion(store, rest[0]!, str(values.version) ?? today()), json);
      else diff(io, compareGuideVersions(store, rest[0]!, rest[1]!, rest[2]!), values.all === true, json);
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
