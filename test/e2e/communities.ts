/**
 * The community list both 区域规划 e2e tests import: three communities in two districts.
 * Jilin rule: under 3,000 households 10–15 posts; above, e = h − 3000, min = 10 + floor(e/500),
 * max = 15 + floor(e/300); mid point = min + round((max − min)/2).
 *   长春路社区 2,400 → 10–15, mid 13;  新民社区 4,100 → e = 1,100 → 12–18, mid 15;  南湖社区 3,600 → e = 600 → 11–17, mid 14.
 */
export const COMMUNITY_CSV = [
  '社区名称,区,街道,户数,常住人口,老年人口占比,城乡,现有人数,持证人数',
  '长春路社区,朝阳区,南湖街道,2400,6500,0.21,城市,9,6',
  '新民社区,朝阳区,南湖街道,4100,11000,0.30,城市,13,10',
  '南湖社区,南关区,桃源街道,3600,9800,0.18,城市,11,11',
].join('\n');
