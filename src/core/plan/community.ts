import { z } from 'zod';
import { households, nonEmptyText, residents, shareText, staffNumber, wholeNumber } from '../spec/fields';

/**
 * One row of a community list (社区名单), as an area plan reads it. Counts are whole numbers;
 * the elderly share is a fraction kept as exact decimal text ("0.2350").
 */
export interface Community {
  /** the sheet row it came from (1-based, header = row 1), for messages */
  row: number;
  name: string; // 社区名称
  district: string; // 区
  street: string; // 街道
  households: number; // 户数
  residents: number | null; // 常住人口
  elderlyShare: string | null; // 老年人口占比 (0–1)
  urbanRural: 'urban' | 'rural'; // 城乡
  currentStaff: number; // 现有人数
  certifiedStaff: number; // 持证人数
}

export type CommunityField = Exclude<keyof Community, 'row'>;

/**
 * A community as the API takes it, with the ranges of fields.ts LIMITS: households 0–10,000,000,
 * residents 0–100,000,000, staff 0–100,000, the elderly share 0–1. `row` is the sheet row it came
 * from (a sheet has at most 1,048,576 rows).
 */
export const communitySchema = z.strictObject({
  row: wholeNumber({ min: 1, max: 1_048_576 }).default(1),
  name: nonEmptyText,
  district: nonEmptyText,
  street: nonEmptyText,
  households,
  residents: residents.nullable().default(null),
  elderlyShare: shareText.nullable().default(null),
  urbanRural: z.enum(['urban', 'rural'], { error: 'urbanRural 必须是 "urban" 或 "rural" / must be "urban" or "rural"' }).default('urban'),
  currentStaff: staffNumber.default(0),
  certifiedStaff: staffNumber.default(0),
});

/** The template's columns in order: key, Chinese header, English header, required, what to write. */
export const COMMUNITY_COLUMNS: readonly { key: CommunityField; zh: string; en: string; required: boolean; help: string }[] = [
  { key: 'name', zh: '社区名称', en: 'name', required: true, help: '文本' },
  { key: 'district', zh: '区', en: 'district', required: true, help: '文本，如 朝阳区' },
  { key: 'street', zh: '街道', en: 'street', required: true, help: '文本，如 和平街道' },
  { key: 'households', zh: '户数', en: 'households', required: true, help: '不小于 0 的整数' },
  { key: 'residents', zh: '常住人口', en: 'residents', required: false, help: '不小于 0 的整数；按人口测算的规则必填' },
  { key: 'elderlyShare', zh: '老年人口占比', en: 'elderlyShare', required: false, help: '0 到 1 的小数（0.28）或百分数（28%）' },
  { key: 'urbanRural', zh: '城乡', en: 'urbanRural', required: false, help: '城市 / 农村（urban / rural），空为城市' },
  { key: 'currentStaff', zh: '现有人数', en: 'currentStaff', required: false, help: '不小于 0 的整数，空为 0' },
  { key: 'certifiedStaff', zh: '持证人数', en: 'certifiedStaff', required: false, help: '不小于 0 的整数，不超过现有人数，空为 0' },
];
