import { formatMoney, formatPercent, parseDecimal } from '../money/decimal';
import { type Check, type CheckTexts, type StaffLineRef, checkSentence } from './checkCodes';

/**
 * The checks in Chinese: what is wrong and by how much. These are the sentences the CLI prints, the
 * budget workbook's 校验 sheet lists and the JSON carries as `message`; the UI's Chinese is the same table.
 */
const yuan = (text: string) => formatMoney(parseDecimal(text));
const percent = (fraction: string) => formatPercent(parseDecimal(fraction));
const line = (l: StaffLineRef) => `人员第 ${l.row} 行（${l.post}/${l.grade}/${l.step}档）`;

export const CHECK_TEXT_ZH: CheckTexts = {
  LABOUR_SHARE_BELOW_MIN: (p) =>
    `人员经费占比 ${percent(p.labourShare)} 低于购买方要求的最低 ${percent(p.minLabourShare)}，` +
    `相差 ${p.shortByPoints} 个百分点；按总额 ${yuan(p.total)} 元计，` +
    `人员经费应不少于 ${yuan(p.minLabour)} 元，还差 ${yuan(p.shortBy)} 元。`,
  MANAGEMENT_FEE_ABOVE_CAP: (p) =>
    `管理费 ${yuan(p.managementFee)} 元占总额 ${percent(p.managementShare)}，` +
    `超过上限 ${percent(p.maxManagementShare)}，超出 ${p.overByPoints} 个百分点` +
    `（上限约 ${yuan(p.cap)} 元，超出约 ${yuan(p.overBy)} 元）。`,
  POSTS_OUTSIDE_RANGE: (p) => {
    const what = p.label ? `（${p.label}）` : '';
    return p.bound === 'min'
      ? `配备人数 ${p.headcount} 人少于岗位测算下限 ${p.limit} 人${what}，少 ${p.difference} 人。`
      : `配备人数 ${p.headcount} 人多于岗位测算上限 ${p.limit} 人${what}，多 ${p.difference} 人。`;
  },
  GUIDE_INCLUDES_EMPLOYER_COST: () => '所用指导价的金额已含单位缴纳的五险一金等，人员经费未另计单位缴费和工会经费。',
  PAY_BELOW_GUIDE: (p) => `${line(p)}月薪 ${yuan(p.monthly)} 元低于指导价应发 ${yuan(p.entitledMonthly)} 元，每月少 ${yuan(p.belowBy)} 元。`,
  NO_GUIDE_CELL: (p) => `${line(p)}在指导价中没有对应的岗位/等级/档次，按约定月薪 ${yuan(p.monthly)} 元计算，无法与指导价比较。`,
  BASE_AT_FLOOR: (p) => `${line(p)}月薪 ${yuan(p.monthly)} 元低于缴费基数下限 ${yuan(p.floor)} 元，按下限缴费。`,
  BASE_AT_CEILING: (p) => `${line(p)}月薪 ${yuan(p.monthly)} 元高于缴费基数上限 ${yuan(p.ceiling)} 元，按上限缴费。`,
  PAY_BELOW_REFERENCE: (p) =>
    `社工岗人员月均薪酬 ${yuan(p.averageMonthly)} 元（应发 ${yuan(p.gross)} 元 ÷ ${p.personMonths} 人月）低于参照标准 ${yuan(p.referenceMonthly)} 元（${p.label}），` +
    `每人每月少 ${yuan(p.shortByMonthly)} 元，合计少 ${yuan(p.shortBy)} 元。`,
  SOCIAL_WORK_POST_SHARE: (p) =>
    `社工专业岗位 ${p.socialWorkPosts} 个，占岗位总数 ${p.posts} 个的 ${percent(p.share)}，低于 ${percent(p.minShare)}；` +
    `按岗位总数计，社工专业岗位应不少于 ${p.required} 个（${p.minShare} × ${p.posts} 向上取整），还差 ${p.shortBy} 个` +
    (p.requiredKeepingOthers === null ? '。' : `；若保留 ${p.otherPosts} 个非社工岗，社工专业岗位须达到 ${p.requiredKeepingOthers} 个。`),
};

export function checkMessageZh(check: Pick<Check, 'code' | 'params'>): string {
  return checkSentence(CHECK_TEXT_ZH, check);
}
