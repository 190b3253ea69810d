import { parseStep } from '../../../src/core/spec/printedNumbers';
import type { PasteField } from '../../components/pasteRows/parse';
import type { PastedValues, RowProblem } from '../../components/pasteRows/PasteRowsDialog';
import { schemaMessage, type Lang } from '../../i18n';
import { costLineProblems, newKey, staffLineProblems, type CostDraft, type StaffDraft } from './draft';
import { stepsOf, type GuideOptions } from './guideOptions';
import { pasteLineMessages } from './messages';
import type { ProjectMessages } from './messages';

/**
 * Rows pasted into the staff and cost tables (docs/design.md §Data flow, "Paste"): the fields a
 * pasted column may fill, with the header words that name them; a pasted row as a line of the
 * draft (a field not pasted takes what 添加人员 / 添加费用 would give); and the row's problems — the
 * line schema's, and for staff whether the guide in force has the post, grade, step and qualification.
 */
export type CostField = 'category' | 'name' | 'unitPrice' | 'quantity' | 'times' | 'note';
export type StaffField = 'post' | 'grade' | 'step' | 'qualification' | 'count' | 'months' | 'bonusMonths' | 'monthly' | 'note' | 'nonSocialWork';

export function costPasteFields(m: ProjectMessages): PasteField<CostField>[] {
  return [
    { key: 'category', label: m.category, headers: /类别|类型|科目|category/i },
    { key: 'name', label: m.name, headers: /名称|项目|内容|摘要|name|item/i },
    { key: 'unitPrice', label: m.unitPrice, headers: /单价|价格|标准|unit|price/i, number: true },
    { key: 'quantity', label: m.quantity, headers: /数量|人次|场次|quantity|qty/i, number: true },
    { key: 'times', label: m.times, headers: /次数|期数|频次|times/i, number: true },
    { key: 'note', label: m.note, headers: /备注|说明|note|remark/i },
  ];
}

export function staffPasteFields(m: ProjectMessages): PasteField<StaffField>[] {
  return [
    // "岗位性质" names the 非社工岗 column, not the post
    { key: 'post', label: m.post, headers: /岗位(?!性质)|职位|^\s*post/i },
    { key: 'grade', label: m.grade, headers: /等级|薪级|级别|职级|grade|level/i },
    { key: 'step', label: m.step, headers: /档次|档|step/i },
    { key: 'qualification', label: m.qualification, headers: /持证|证书|资格|qualification|certificate/i },
    { key: 'count', label: m.count, headers: /人数|数量|count|people/i, number: true },
    { key: 'months', label: m.months, headers: /^(月数|服务月数|months?)$/i, number: true },
    { key: 'bonusMonths', label: m.bonusMonths, headers: /额外|年终|bonus|extra/i, number: true },
    { key: 'monthly', label: m.monthly, headers: /月薪|工资|薪酬|monthly|pay/i, number: true },
    { key: 'note', label: m.note, headers: /备注|说明|note|remark/i },
    { key: 'nonSocialWork', label: m.nonSocialWorkColumn, headers: /非社工|岗位性质|non.?social/i },
  ];
}

/**
 * A 非社工岗 cell (docs/design.md §Budget arithmetic, 非社工岗): 是/否 under a 非社工岗 header, or the post's kind
 * under 岗位性质 — 非社工岗/社工岗 (also 非社工/社工, yes/no, y/n, true/false, 1/0, ✓/✗); empty = a social-work post.
 * Anything else is null: a bad cell.
 */
export function nonSocialWorkOf(text: string | undefined): boolean | null {
  const t = (text ?? '').trim().toLowerCase();
  if (/^(是|非社工岗?|yes|y|true|1|√|✓)$/.test(t)) return true;
  if (/^(|否|社工岗?|no|n|false|0|×|✗)$/.test(t)) return false;
  return null;
}

/** A pasted row as a cost line; the category 添加费用 gives when none is pasted. */
export function costFromPaste(v: PastedValues<CostField>): CostDraft {
  return {
    key: newKey('c'),
    category: v.category ?? '服务活动',
    name: v.name ?? '',
    unitPrice: v.unitPrice ?? '0.00',
    quantity: v.quantity ?? '1',
    times: v.times ?? '1',
    note: v.note ?? '',
  };
}

/** 无, none, – or an empty cell: no certificate. */
const NO_QUALIFICATION = /^(|无|没有|none|no|-|—|–)$/i;

/** A pasted row as a staff line: months default to the project's, the step to the grade's first (or as pasted: "2", "二档"). */
export function staffFromPaste(v: PastedValues<StaffField>, options: GuideOptions, projectMonths: string): StaffDraft {
  // a 非社工岗 line is outside the guide: its post and grade are as pasted, no guide default
  const outside = nonSocialWorkOf(v.nonSocialWork) === true;
  const post = v.post ?? (outside ? '' : (options.posts[0] ?? ''));
  const grade = v.grade ?? (outside ? '' : (options.grades.get(post)?.[0] ?? ''));
  const step = outside ? 1 : v.step === undefined || v.step === '' ? (stepsOf(options, post, grade)[0] ?? 1) : (parseStep(v.step) ?? 0);
  return {
    key: newKey('s'),
    post,
    grade,
    step,
    qualification: outside || NO_QUALIFICATION.test(v.qualification ?? '') ? '' : v.qualification!,
    count: v.count ?? '1',
    months: v.months ?? (projectMonths || '12'),
    bonusMonths: v.bonusMonths ?? '0',
    monthly: v.monthly ?? '',
    note: v.note ?? '',
    extras: [],
    ...(nonSocialWorkOf(v.nonSocialWork) === true ? { nonSocialWork: true } : {}),
  };
}

/** The line schema's problems, each on its field (the line's own message in the user's language). */
function schemaProblems<K extends string>(problems: { path: string; message: string }[], keys: readonly K[], lang: Lang): RowProblem<K>[] {
  return problems.map((p) => {
    const field = p.path.split(/[.[]/)[0] as K;
    return { field: keys.includes(field) ? field : null, message: schemaMessage(p.message, lang) };
  });
}

const COST_KEYS: CostField[] = ['category', 'name', 'unitPrice', 'quantity', 'times', 'note'];
const STAFF_KEYS: StaffField[] = ['post', 'grade', 'step', 'qualification', 'count', 'months', 'bonusMonths', 'monthly', 'note', 'nonSocialWork'];

export function costPasteProblems(v: PastedValues<CostField>, lang: Lang): RowProblem<CostField>[] {
  return schemaProblems(costLineProblems(costFromPaste(v)), COST_KEYS, lang);
}

export function staffPasteProblems(v: PastedValues<StaffField>, options: GuideOptions, lang: Lang): RowProblem<StaffField>[] {
  const m = pasteLineMessages[lang];
  const line = staffFromPaste(v, options, '12');
  const problems = schemaProblems(
    staffLineProblems(line).filter((p) => !(p.path === 'step' && line.step === 0)),
    STAFF_KEYS,
    lang,
  );
  if (line.step === 0) problems.push({ field: 'step', message: m.badStep(v.step ?? '') });
  if (nonSocialWorkOf(v.nonSocialWork) === null) problems.push({ field: 'nonSocialWork', message: m.badNonSocialWork(v.nonSocialWork ?? '') });
  if (line.nonSocialWork) return problems; // outside the guide: no cell to look up
  // a cell the guide has not is a problem unless the line carries its agreed pay (then NO_GUIDE_CELL warns)
  if (line.monthly.trim() === '' && line.post !== '' && line.grade !== '') {
    if (!options.posts.includes(line.post)) problems.push({ field: 'post', message: m.noPost(line.post) });
    else if (!options.grades.get(line.post)?.includes(line.grade)) problems.push({ field: 'grade', message: m.noGrade(line.post, line.grade) });
    else if (line.step > 0 && !stepsOf(options, line.post, line.grade).includes(line.step)) problems.push({ field: 'step', message: m.noStep(line.step) });
  }
  if (line.qualification !== '' && !options.qualifications.includes(line.qualification)) {
    problems.push({ field: 'qualification', message: m.noQualification(line.qualification) });
  }
  return problems;
}
