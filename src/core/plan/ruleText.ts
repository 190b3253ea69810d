import type { CommunityRuleVersion } from '../staffing/ruleSets';

/** A rule version's parameters as label/value lines, for the workbook's 参数 sheet and the UI. */
export function ruleParameterLines(v: CommunityRuleVersion): [string, string][] {
  const lines: [string, string][] = [];
  const q = v.quota;
  if (q.family === 'householdBands') {
    lines.push([
      '按户数配备',
      q.within === 'range'
        ? `${q.fromHouseholds}–${q.toHouseholds} 户：${q.minPosts}–${q.maxPosts} 人`
        : `${q.fromHouseholds}–${q.toHouseholds} 户按户数插值 ${q.minPosts}–${q.maxPosts} 人：${q.minPosts} + floor((户数 − ${q.fromHouseholds}) × ${q.maxPosts - q.minPosts} / ${q.toHouseholds - q.fromHouseholds})`,
    ]);
    if (q.above) {
      lines.push(['超出部分', `e = 户数 − ${q.toHouseholds}；下限 + floor(e/${q.above.perHouseholdsForMin})，上限 + floor(e/${q.above.perHouseholdsForMax})`]);
    }
    if (q.elderlyUplift) lines.push(['老龄化上浮', `老年人口占比 > ${q.elderlyUplift.threshold} 时下限 +${q.elderlyUplift.postsMin}、上限 +${q.elderlyUplift.postsMax}`]);
  } else {
    lines.push(['按人口配备', `每 ${q.per} ${q.basis} ${q.postsMin}${q.postsMax !== q.postsMin ? `–${q.postsMax}` : ''} 人，${q.rounding === 'up' ? '向上' : '向下'}取整`]);
  }
  for (const m of v.minimumPosts) lines.push(['最低配备', `${m.kind}岗至少 ${m.minPosts} 个`]);
  if (v.certificate) lines.push(['持证率', `城市社区 ${v.certificate.urban}，农村社区 ${v.certificate.rural}`]);
  lines.push(['取值', '取值 = 下限 + round(取值点 × (上限 − 下限))，四舍五入']);
  if (v.source) lines.push(['出处', v.source]);
  return lines;
}
