import path from 'node:path';
import { StoreError } from '../../../../db/errors';
import { fitJson } from '../../../core/budget/fitTotal';
import type { BudgetJson } from '../../../core/budget/resultJson';
import { formatMoney, formatPercent, parseDecimal } from '../../../core/money/decimal';
import { ValidationError } from '../../../core/spec/fields';
import { budgetOfProject, budgetOfSpecFile, projectNamed, saveBudgetWorkbook } from '../../services/budget';
import { bidOriginOfProject, saveSpecJson } from '../../services/bidPackage';
import { FileUnreadableError } from '../../services/errors';
import { rosterAnnexOfProject } from '../../services/roster';
import { writeFileAtomic } from '../../services/writeFileAtomic';
import { parseCommandArgs, str } from '../args';
import { FIT_HELP, fitOf, fitRequest, fitSummary } from '../fitOption';
import { type CliCommand, type CliIo, EXIT_FAILED, EXIT_INVALID, EXIT_OK } from '../command';
import { lazyCliStore } from '../openStore';
import { formatTable } from '../table';

/**
 * paybench budget: compute a budget from a spec v1 file or a stored project (docs/design.md §Budget spec).
 * Exit 0 when computed, even if checks fail; 2 for an invalid spec, one `path: message` per line on stderr.
 */
const HELP = `用法 / usage:
  paybench budget SPEC.json [--json] [--out FILE.xlsx] [--db FILE] [--fit-total AMOUNT [--vary staff[i].count]]
  paybench budget --project NAME [--db FILE] [--json] [--out FILE.xlsx]

按预算规格文件（spec v1 或 v2，见 docs/budget-spec.schema.json）或数据库中的项目计算预算。
  --json          输出 JSON（total、subtotal、tax、labourShare、lines、checks …）
  --out FILE      同时写出可审计的 Excel 工作簿（含隐藏的投标数据包，供 paybench review 审核）
  --spec-out F    同时写出预算数据 JSON（已解析指导价和缴费参数的完整规格，即投标数据包中的内容）
  --project NAME  计算数据库中名为 NAME 的项目（或其编号）
  --db FILE       数据库文件；默认取环境变量 PAYBENCH_DB，否则为用户数据目录
                  规格中 "payGuide": {"ref": "名称"} 也从该数据库解析
${FIT_HELP}
退出码：0 已计算（检查项可能未通过）；1 读写失败；2 规格无效（错误逐行写到 stderr，形如 staff[2].count: …）`;

const money = (s: string) => formatMoney(parseDecimal(s));
const percent = (share: string) => formatPercent(parseDecimal(share));
const LEVEL: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };

export function budgetSummary(j: BudgetJson): string {
  const staff = j.lines.filter((l) => l.kind === 'staff');
  const costs = j.lines.filter((l) => l.kind === 'cost');
  let out = `预算：${j.name}\n\n人员经费明细\n`;
  out += formatTable(
    ['岗位', '等级', '档次', '人数', '月薪', '应发合计', '缴费基数', '单位缴费', '附加', '人员经费'],
    staff.map((l) => [
      l.post,
      l.grade,
      String(l.step),
      l.count,
      money(l.monthly),
      money(l.gross),
      money(l.base),
      money(l.contributions),
      money(l.leviesTotal),
      money(l.labour),
    ]),
  );
  if (costs.length) {
    out += `\n其他费用明细\n`;
    out += formatTable(
      ['类别', '名称', '单价', '数量', '次数', '金额'],
      costs.map((l) => [l.category, l.name, money(l.unitPrice), l.quantity, l.times, money(l.amount)]),
    );
  }
  out += `\n汇总\n`;
  out += formatTable(
    ['项目', '金额（元）'],
    [
      ['应发工资', money(j.gross)],
      ['单位缴费（五险一金）', money(j.contributions)],
      ['附加（工会经费等）', money(j.levies)],
      ['人员经费', money(j.labour)],
      ['其他费用', money(j.otherCosts)],
      ['直接费用', money(j.direct)],
      ['管理费', money(j.managementFee)],
      ['小计', money(j.subtotal)],
      ['税费', money(j.tax)],
      ['合计', money(j.total)],
    ],
  );
  out += `人员经费占比 ${percent(j.labourShare)}，管理费占比 ${percent(j.managementShare)}，人数 ${j.headcount}\n`;
  // spec v2: 分年度人员经费 (docs/design.md §Budget arithmetic, "Segments")
  if (j.years && Object.keys(j.years).length > 1) {
    out += `分年度人员经费：${Object.entries(j.years)
      .map(([year, amount]) => `${year} 年 ${money(amount)} 元`)
      .join('；')}\n`;
  }
  if (j.purchaseByPost) {
    const p = j.purchaseByPost;
    out += `岗位购买对照：${p.posts} 岗 × ${money(p.pricePerPostYear)} 元/岗/年 = ${money(p.amount)} 元；自下而上人员经费 ${money(p.labour)} 元（每岗年 ${money(p.labourPerPostYear)} 元），差额 ${money(p.difference)} 元\n`;
  }
  out += `\n检查\n`;
  out += j.checks.length ? j.checks.map((c) => `  [${LEVEL[c.level] ?? c.level}] ${c.message}`).join('\n') + '\n' : '  全部通过\n';
  return out;
}

function reportInvalid(io: CliIo, e: ValidationError, source: string): number {
  io.stderr(`预算规格无效 / invalid spec: ${source}\n`);
  for (const p of e.problems) io.stderr(`${p.path}: ${p.message}\n`);
  return EXIT_INVALID;
}

export const budgetCommand: CliCommand = {
  name: 'budget',
  summary: '计算预算（规格文件或数据库中的项目），可输出 JSON 或 Excel',
  help: HELP,
  async run(args, io) {
    const { positionals, values } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      out: { type: 'string', short: 'o' },
      project: { type: 'string', short: 'p' },
      db: { type: 'string' },
      'fit-total': { type: 'string' },
      vary: { type: 'string' },
      'spec-out': { type: 'string' },
    });
    if (values.help) {
      io.stdout(HELP + '\n');
      return EXIT_OK;
    }
    const projectName = str(values.project);
    if ((projectName === undefined) === (positionals.length === 0) || positionals.length > 1) {
      io.stderr('请给出一个规格文件 SPEC.json，或用 --project NAME 指定数据库中的项目（二者选一）\n\n' + HELP + '\n');
      return EXIT_INVALID;
    }
    const fit = fitRequest(str(values['fit-total']), str(values.vary));
    if (typeof fit === 'string') {
      io.stderr(fit + '\n');
      return EXIT_INVALID;
    }

    const store = lazyCliStore(str(values.db));
    const source = projectName ?? positionals[0]!;
    try {
      const asGiven = projectName !== undefined ? budgetOfProject(store.get(), projectNamed(store.get(), projectName).id) : budgetOfSpecFile(source, store.get);
      // --fit-total: the budget shown and written is the fitted one
      const fitted = fit ? fitOf(asGiven.spec, fit) : null;
      const budget = fitted ? fitted.budget : asGiven;
      const { json } = budget;
      const out = str(values.out);
      if (out) {
        try {
          // a failed write leaves a workbook already at `out` as it was (writeFileAtomic)
          // the bid package names the stored guide and contribution set (bidPackage.ts)
          const bid = projectName !== undefined ? bidOriginOfProject(store.get(), projectNamed(store.get(), projectName).id) : undefined;
          const rosterAnnex = projectName !== undefined ? rosterAnnexOfProject(store.get(), projectNamed(store.get(), projectName).id) : undefined;
          await writeFileAtomic(path.resolve(out), (temp) => saveBudgetWorkbook(budget, temp, { bid, rosterAnnex }));
        } catch (e) {
          io.stderr(`写出 Excel 工作簿 ${out} 失败（原有文件未被改动）：${(e as Error).message}\n`);
          return EXIT_FAILED;
        }
      }
      const specOut = str(values['spec-out']);
      if (specOut) {
        try {
          await saveSpecJson(budget.spec, path.resolve(specOut));
        } catch (e) {
          io.stderr(`写出预算数据 ${specOut} 失败（原有文件未被改动）：${(e as Error).message}\n`);
          return EXIT_FAILED;
        }
      }
      if (values.json) io.stdout(JSON.stringify(fitted ? { ...json, fit: fitJson(fitted) } : json, null, 2) + '\n');
      else io.stdout(budgetSummary(json) + (fitted ? fitSummary(fitted) : '') + (out ? `\n已写出工作簿：${out}\n` : ''));
      return EXIT_OK;
    } catch (e) {
      if (e instanceof FileUnreadableError) {
        io.stderr(`无法读取规格文件 ${e.file}：${e.reason}\n`);
        return EXIT_FAILED;
      }
      if (e instanceof ValidationError) return reportInvalid(io, e, source);
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
