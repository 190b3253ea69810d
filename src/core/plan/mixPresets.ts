import { JILIN_PAY_STANDARD } from '../pay/jilin';
import { type PostMix, postMixSchema } from './postMix';

/**
 * Post mixes that ship with the app, for the sample guides' post names.
 * 吉林《关于进一步加强全省城市社区专职工作者队伍建设的意见》二、（四）: three post
 * types 社区正职 / 其他“两委”成员 / 普通工作人员; on the 三岗十八级 sample guide they are 正职 / 副职 /
 * 一般工作人员. One 正职 and 2 专职党建 (二、（二）) per community; of the rest, 30 % 两委 and 70 % staff
 * (an assumption to edit).
 * The guide's cells are the 基础报酬 (70 %); the 绩效奖金 (30 %) of 二、（四） is added to every line.
 */
export const THREE_POSTS_MIX: PostMix = postMixSchema.parse({
  name: '三岗（正职 1 人、专职党建 2 人，其余两委 30 %、一般工作人员 70 %；绩效 30 %）',
  months: 12,
  bonusMonths: 0,
  performanceShare: JILIN_PAY_STANDARD.performanceShare,
  lines: [
    { label: '正职', post: '正职', grade: '10级', qualification: '社工师', fixed: 1 },
    { label: '两委', post: '副职', grade: '6级', qualification: '助理社工师', share: '0.3' },
    { label: '普通', post: '一般工作人员', grade: '3级', qualification: '助理社工师', share: '0.7' },
    // 二、（二）: 每个城市社区设立 2 个以上专职党建“社工岗”（不含书记、副书记）: fixed, besides the 正职
    { label: '专职党建', post: '一般工作人员', grade: '5级', qualification: '助理社工师', fixed: 2 },
  ],
});

/** 广东式等级档次 sample guide: frontline social workers by certificate level. */
export const FRONTLINE_MIX: PostMix = postMixSchema.parse({
  name: '一线社工（中级 30 %，初级 70 %）',
  months: 12,
  bonusMonths: 1,
  lines: [
    { label: '中级', post: '一线社工', grade: '中级', qualification: '社工师', share: '0.3' },
    { label: '初级', post: '一线社工', grade: '初级', qualification: '助理社工师', share: '0.7' },
  ],
});

export const MIX_PRESETS: readonly PostMix[] = [THREE_POSTS_MIX, FRONTLINE_MIX];

/** the first preset whose every line has a cell in the guide */
export function mixForGuide(rows: readonly { post: string; grade: string; step: number }[]): PostMix | null {
  const has = new Set(rows.map((r) => `${r.post}\u0000${r.grade}\u0000${r.step}`));
  return MIX_PRESETS.find((m) => m.lines.every((l) => has.has(`${l.post}\u0000${l.grade}\u0000${l.step}`))) ?? null;
}
