import type { ContributionsInput } from '../../../src/core/budget/model';
import type { InlineGuide } from '../../../src/core/spec/budgetSpec';
import { postMixSchema, type PostMix } from '../../../src/core/plan/postMix';
import { contributionsInput } from '../../../src/core/plan/pricing';

/** A small guide for the worked examples: 吉林's three post types, one step each (two for 普通). */
export const guide: InlineGuide = {
  name: '示例社工岗薪酬',
  includes: 'gross',
  rows: [
    { post: '社区正职', grade: '一级', step: 1, monthly: '6000.00' },
    { post: '两委成员', grade: '一级', step: 1, monthly: '5000.00' },
    { post: '普通工作人员', grade: '一级', step: 1, monthly: '4000.00' },
    { post: '普通工作人员', grade: '一级', step: 2, monthly: '4300.00' },
  ],
  allowances: [{ qualification: '社工师', monthly: '300.00', kind: 'monthly' }],
} as InlineGuide;

/** floor 4,500 so that 普通工作人员 at 4,000 is clamped up to the floor */
export const contributions: ContributionsInput = contributionsInput({
  name: '示例五险一金',
  city: '示例市',
  floor: '4500.00',
  ceiling: '28000.00',
  items: [
    { name: '养老保险', rate: '0.16', round: 'fen' },
    { name: '医疗保险', rate: '0.095', round: 'fen' },
    { name: '住房公积金', rate: '0.05', round: 'yuan' },
  ],
  levies: [{ name: '工会经费', rate: '0.02' }],
});

export const mix: PostMix = postMixSchema.parse({
  name: '吉林三类岗位',
  lines: [
    { label: '正职', post: '社区正职', grade: '一级', fixed: 1 },
    { label: '两委', post: '两委成员', grade: '一级', share: '0.3' },
    { label: '普通', post: '普通工作人员', grade: '一级', share: '0.7' },
  ],
});
