import fs from 'node:fs';
import path from 'node:path';
import { StoreError } from '../../../../db/errors';
import { CommunityImportError } from '../../../core/excel/readers/communityImport';
import { COMMUNITY_LIMITS } from '../../../core/excel/readers/xlsxGuard';
import { formatMoney, fromFen } from '../../../core/money/decimal';
import { type PostMix, postMixSchema } from '../../../core/plan/postMix';
import { unionCountsSchema } from '../../../core/plan/unionPosts';
import { type PolicyPoint, policyPointSchema } from '../../../core/staffing/policyPoint';
import { COMMUNITY_RULE_PRESETS } from '../../../core/staffing/presets';
import { ValidationError, zodProblems } from '../../../core/spec/fields';
import { decodeText } from '../../../core/text/decodeText';
import { StrictJsonError, parseStrictJson } from '../../../core/text/strictJson';
import { FileUnreadableError, InvalidRequestError } from '../../services/errors';
import { readInputFile } from '../../services/files';
import { computePlan, findRuleSet, importCommunityList, planJsonOf, ruleVersion, savePlanWorkbook } from '../../services/plan';
import { writeFileAtomic } from '../../services/writeFileAtomic';
import { type ParsedArgs, parseCommandArgs, str } from '../args';
import { type CliCommand, type CliIo, EXIT_FAILED, EXIT_INVALID, EXIT_OK } from '../command';
import { type LazyStore, lazyCliStore } from '../openStore';
import { formatTable } from '../table';

/**
 * paybench plan: a community list through a staffing rule, optionally priced with a stored guide
 * and contribution set. Exit 2 with “第 N 行 列名（X 列）: …” lines on stderr for a bad list.
 */
const HELP = `用法 / usage:
  paybench plan COMMUNITIES.(csv|xlsx) --rule ${COMMUNITY_RULE_PRESETS.map((r) => r.key).join('|')} [--point min|mid|max|0.25]
                [--date YYYY-MM-DD] [--guide NAME --contributions NAME [--mix MIX.json]] [--union-employees N] [--union-branches N]
                [--json] [--steps] [--out PLAN.xlsx [--title TEXT]] [--db FILE]

按社区名单（表头中文或英文，见 docs/community-template.md）与配备规则测算各社区员额（下限/取值/上限）、
现有人数缺口与持证缺口，按街道、区汇总；给出指导价与五险一金参数时同时测算人员经费。
  --rule KEY            配备规则：${COMMUNITY_RULE_PRESETS.map((r) => `${r.key}（${r.name}）`).join('；')}；
                        或在应用“岗位测算”页保存的规则代号（从 --db 数据库读取）
  --point P             取值点：min 下限、mid 中值、max 上限，或 0–1 的比例；默认 mid
  --date D              规则与指导价取该日生效的版本；默认今天
  --guide NAME          数据库中的指导价（名称或编号）
  --contributions NAME  数据库中的五险一金参数（名称或编号）
  --mix FILE            岗位结构 JSON（{"lines":[{"label","post","grade","step","qualification","fixed"|"share"}]}）；
                        缺省时按指导价选用预置结构
  --union-employees N   区内工会组织的职工人数：按职工数测算工会社工岗（每 3000–5000 名 1 名）
  --union-branches N    区内基层工会数：按基层工会数测算工会社工岗（每 30–50 家 1 名）；两者可同时给出，并列显示
  --json                输出 JSON：{ "communities": [ { "name", "min", "chosen", "max", … } ], "totals": { … }, "warnings": [ … ] }
  --steps               JSON 中附每个社区的计算过程
  --out FILE            写出区域规划工作簿（xlsx）
  --title TEXT          工作簿的标题（规划名称）；默认“区域社工岗位规划”
退出码：0 已测算；1 读写失败；2 名单或参数无效（错误写到 stderr，注明行和列）`;

/** a count option as typed: a number when it reads as one, else the text itself so the schema names what is wrong */
function countOption(v: string | boolean | undefined): number | string | null {
  const text = str(v);
  if (text === undefined) return null;
  return /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text.trim()) : text;
}

const today = () => new Date().toISOString().slice(0, 10);
const WARNING_LEVEL = { warning: '警告', info: '提示' } as const;

function invalid(io: CliIo, title: string, e: ValidationError): number {
  io.stderr(`${title}\n`);
  for (const p of e.problems) io.stderr(`${p.path}: ${p.message}\n`);
  if (e instanceof CommunityImportError && e.truncated) io.stderr('……（错误过多，只列出前 200 条）\n');
  return EXIT_INVALID;
}

async function plan(file: string, values: ParsedArgs['values'], store: LazyStore, io: CliIo): Promise<number> {
  const ruleKey = str(values.rule);
  // a preset needs no database; another key is a rule set the user saved in the app
  const ruleSet = ruleKey ? findRuleSet(ruleKey, store.get) : null;
  if (!ruleSet) {
    io.stderr(
      `${ruleKey ? `未知的规则“${ruleKey}”` : '请用 --rule 指定配备规则'}；可选：${COMMUNITY_RULE_PRESETS.map((r) => r.key).join('、')}，或在应用中保存的规则代号\n`,
    );
    return EXIT_INVALID;
  }
  const pointParsed = policyPointSchema.safeParse(str(values.point) ?? 'mid');
  if (!pointParsed.success) {
    io.stderr(`--point: ${pointParsed.error.issues[0]!.message}\n`);
    return EXIT_INVALID;
  }
  const point: PolicyPoint = pointParsed.data;
  const date = str(values.date) ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    io.stderr('--date 须为日期，如 2026-01-01\n');
    return EXIT_INVALID;
  }
  const unionGiven = values['union-employees'] !== undefined || values['union-branches'] !== undefined;
  const unionParsed = unionCountsSchema.safeParse({
    employees: countOption(values['union-employees']),
    branches: countOption(values['union-branches']),
  });
  if (!unionParsed.success) {
    for (const p of zodProblems(unionParsed.error)) io.stderr(`--union-${p.path === 'employees' ? 'employees' : 'branches'}: ${p.message}\n`);
    return EXIT_INVALID;
  }
  const union = unionGiven ? unionParsed.data : null;
  const guideRef = str(values.guide);
  const setRef = str(values.contributions);
  if ((guideRef === undefined) !== (setRef === undefined) || (str(values.mix) && !guideRef)) {
    io.stderr('测算人员经费须同时给出 --guide 与 --contributions（--mix 可选）\n');
    return EXIT_INVALID;
  }

  let bytes: Buffer;
  try {
    // a list larger than the reader accepts is not read whole: its first bytes are enough to refuse it by its size
    bytes = readInputFile(file, COMMUNITY_LIMITS.maxFileBytes);
  } catch (e) {
    if (!(e instanceof FileUnreadableError)) throw e;
    io.stderr(`无法读取社区名单 ${file}：${e.reason}\n`);
    return EXIT_FAILED;
  }
  try {
    ruleVersion(ruleSet, date);
    let mix: PostMix | null = null;
    const mixFile = str(values.mix);
    if (mixFile) {
      let raw: unknown;
      try {
        // the same reading as a spec file: its encoding detected, a key given twice refused (src/core/text/)
        raw = parseStrictJson(decodeText(fs.readFileSync(mixFile)).text);
      } catch (e) {
        if (e instanceof StrictJsonError) return invalid(io, `岗位结构无效：${mixFile}`, new ValidationError([{ path: e.path, message: e.message }]));
        io.stderr(`无法读取岗位结构 ${mixFile}：${(e as Error).message}\n`);
        return EXIT_INVALID;
      }
      const parsed = postMixSchema.safeParse(raw);
      if (!parsed.success) return invalid(io, `岗位结构无效：${mixFile}`, new ValidationError(zodProblems(parsed.error)));
      mix = parsed.data;
    }
    const { communities } = await importCommunityList(file, bytes);
    const pricing = guideRef && setRef ? { guideRef, contributionSetRef: setRef, mix, fields: { guide: '--guide', contributionSet: '--contributions' } } : null;
    const result = computePlan({ ruleSet, date, point, communities, pricing, union, steps: Boolean(values.steps) }, store.get);
    const out = str(values.out);
    if (out) {
      try {
        // a failed write leaves a workbook already at `out` as it was (writeFileAtomic)
        await writeFileAtomic(path.resolve(out), (temp) => savePlanWorkbook(result, str(values.title), temp));
      } catch (e) {
        io.stderr(`写出 Excel 工作簿 ${out} 失败（原有文件未被改动）：${(e as Error).message}\n`);
        return EXIT_FAILED;
      }
    }
    if (values.json) {
      io.stdout(JSON.stringify(planJsonOf(result), null, 2) + '\n');
    } else {
      const { plan: p, pricing: priced } = result;
      const t = p.totals;
      let text = `规则：${p.rule.name}（${p.rule.version}），取值点 ${point}\n\n按区汇总\n`;
      text += formatTable(
        ['区', '社区数', '下限', '取值', '上限', '现有', '待补', '超员额', '持证缺口', ...(priced ? ['人员经费'] : [])],
        [...p.districts, t].map((d) => [
          d.district,
          String(d.communities),
          String(d.min),
          String(d.chosen),
          String(d.max ?? ''),
          String(d.currentStaff),
          String(d.toRecruit),
          String(d.overQuota),
          String(d.certificateGap),
          ...(priced ? [formatMoney(fromFen(d.labour))] : []),
        ]),
      );
      if (p.union) text += `\n工会社工岗\n${p.union.steps.map((line) => `  ${line}`).join('\n')}\n`;
      if (p.warnings.length) text += `\n提示与警告\n${p.warnings.map((w) => `  [${WARNING_LEVEL[w.level]}] ${w.message}`).join('\n')}\n`;
      io.stdout(text + (out ? `\n已写出工作簿：${out}\n` : ''));
    }
    return EXIT_OK;
  } catch (e) {
    if (e instanceof InvalidRequestError) {
      io.stderr(`${e.message}\n`);
      return EXIT_INVALID;
    }
    if (e instanceof CommunityImportError) return invalid(io, `社区名单有误，未导入任何社区：${file}`, e);
    if (e instanceof ValidationError) return invalid(io, '参数无效', e);
    if (e instanceof StoreError) {
      io.stderr(e.message + '\n');
      return EXIT_FAILED;
    }
    throw e;
  }
}

export const planCommand: CliCommand = {
  name: 'plan',
  summary: '区域规划：社区名单 → 岗位员额（下限/取值/上限）、缺口与人员经费',
  help: HELP,
  async run(args, io) {
    const { positionals, values } = parseCommandArgs(args, {
      rule: { type: 'string', short: 'r' },
      point: { type: 'string' },
      date: { type: 'string' },
      guide: { type: 'string' },
      contributions: { type: 'string' },
      mix: { type: 'string' },
      'union-employees': { type: 'string' },
      'union-branches': { type: 'string' },
      json: { type: 'boolean' },
      steps: { type: 'boolean' },
      out: { type: 'string', short: 'o' },
      title: { type: 'string' },
      db: { type: 'string' },
    });
    if (values.help) {
      io.stdout(HELP + '\n');
      return EXIT_OK;
    }
    if (positionals.length !== 1) {
      io.stderr('请给出一个社区名单文件 COMMUNITIES.csv 或 .xlsx\n\n' + HELP + '\n');
      return EXIT_INVALID;
    }
    const store = lazyCliStore(str(values.db));
    try {
      return await plan(positionals[0]!, values, store, io);
    } finally {
      store.close();
    }
  },
};
