import { z } from 'zod';
import { LIMITS, isoDate, nonEmptyText, wholeNumber } from '../spec/fields';

/**
 * One worker of the roster (花名册), docs/design.md §People: roster and statistics. Every optional
 * field may be null: an empty cell is 未填, never a guessed value. Dates are ISO text; the lists
 * below are the only values a listed field takes.
 */

export const GENDERS = ['男', '女'] as const;
export const EDUCATIONS = ['博士研究生', '硕士研究生', '大学本科', '大专', '中专', '中职', '中师', '高中', '初中及以下'] as const;
export const TITLES = ['高级', '中级', '初级', '无'] as const;
export const CERTIFICATES = ['高级社会工作师', '社会工作师', '助理社会工作师', '社会工作员', '无'] as const;
/** 考核等次 as annual ratings of community workers are written */
export const RATINGS = ['优秀', '称职', '合格', '基本称职', '基本合格', '不称职', '不合格'] as const;
export const YES_NO = ['是', '否'] as const;

export type Gender = (typeof GENDERS)[number];
export type Education = (typeof EDUCATIONS)[number];
export type Title = (typeof TITLES)[number];
export type Certificate = (typeof CERTIFICATES)[number];
export type Rating = (typeof RATINGS)[number];

/** 考核 of one year: `2024:优秀` */
export interface YearRating {
  year: number;
  rating: Rating;
}

export interface Worker {
  name: string; // 姓名
  gender: Gender | null; // 性别
  birthDate: string | null; // 出生日期
  idNumber: string | null; // 身份证号 (kept locally; masked in every export)
  education: Education | null; // 学历
  field: string | null; // 领域
  title: Title | null; // 职称
  certificate: Certificate | null; // 持证等级
  certificateDate: string | null; // 取证日期
  postType: string | null; // 岗位类别
  postLevel: string | null; // 岗位等级 (as the scheme names it: 10级, 助理一级 …)
  step: number | null; // 档次
  hireDate: string | null; // 入职日期
  communityYears: number | null; // 社区工作年限
  community: string | null; // 所在社区
  street: string | null; // 所在街道
  district: string | null; // 所在区
  ratings: YearRating[]; // 考核
  partyPost: boolean | null; // 党建岗
}

export type WorkerField = keyof Worker;

/** The template's columns in order: key, header (exactly as the import template has it), required, what to write. */
export const ROSTER_COLUMNS: readonly { key: WorkerField; zh: string; required: boolean; help: string; list?: readonly string[] }[] = [
  { key: 'name', zh: '姓名', required: true, help: '文本' },
  { key: 'gender', zh: '性别', required: false, help: '男 / 女', list: GENDERS },
  { key: 'birthDate', zh: '出生日期', required: false, help: '日期 YYYY-MM-DD，如 1990-05-01' },
  { key: 'idNumber', zh: '身份证号', required: false, help: '18 位（末位可为 X）或 15 位；只存在本机，导出时打码' },
  { key: 'education', zh: '学历', required: false, help: EDUCATIONS.join(' / '), list: EDUCATIONS },
  { key: 'field', zh: '领域', required: false, help: '文本，如 社区、养老、青少年' },
  { key: 'title', zh: '职称', required: false, help: TITLES.join(' / '), list: TITLES },
  { key: 'certificate', zh: '持证等级', required: false, help: CERTIFICATES.join(' / '), list: CERTIFICATES },
  { key: 'certificateDate', zh: '取证日期', required: false, help: '日期 YYYY-MM-DD' },
  { key: 'postType', zh: '岗位类别', required: false, help: '文本，如 正职、副职、专职' },
  { key: 'postLevel', zh: '岗位等级', required: false, help: '文本，如 10级、助理一级' },
  { key: 'step', zh: '档次', required: false, help: `1 到 ${LIMITS.step.max} 的整数` },
  { key: 'hireDate', zh: '入职日期', required: false, help: '日期 YYYY-MM-DD' },
  { key: 'communityYears', zh: '社区工作年限', required: false, help: '0 到 70 的整数（年）' },
  { key: 'community', zh: '所在社区', required: false, help: '文本' },
  { key: 'street', zh: '所在街道', required: false, help: '文本' },
  { key: 'district', zh: '所在区', required: false, help: '文本' },
  { key: 'ratings', zh: '考核', required: false, help: `年份:等次，以分号分隔，如 2024:优秀;2025:合格；等次为 ${RATINGS.join(' / ')}` },
  { key: 'partyPost', zh: '党建岗', required: false, help: '是 / 否', list: YES_NO },
];

/** 社区工作年限 in whole years */
export const COMMUNITY_YEARS = { min: 0, max: 70 } as const;
/** a roster of a province's community workers fits (the import reads up to this many rows) */
export const MAX_WORKERS = 200_000;

/** 18 digits (the last may be X) or the old 15; a masked number as exported (110***********1234) is kept as it is. */
export const ID_NUMBER = /^(\d{17}[\dX]|\d{15}|\d{3}\*+\d{3}[\dX])$/;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 check character of an 18-digit number: a typo in one digit is caught. */
export function idNumberChecks(id: string): boolean {
  if (id.length !== 18 || id.includes('*')) return true;
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(id[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[s % 11] === id[17];
}

const optionalName = nonEmptyText.nullable().default(null);
const optionalDate = isoDate.nullable().default(null);
const listed = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z
    .enum(values, { error: `${what}须为 ${values.join(' / ')} 之一 / must be one of ${values.join(', ')}` })
    .nullable()
    .default(null);

/** A worker as the API takes it (an edit of one row); the importer applies the same lists and ranges cell by cell. */
export const workerSchema = z.strictObject({
  name: nonEmptyText,
  gender: listed(GENDERS, '性别'),
  birthDate: optionalDate,
  idNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(ID_NUMBER, '身份证号须为 18 位（末位可为 X）或 15 位数字 / must be an 18- or 15-digit ID number')
    .refine(idNumberChecks, '身份证号校验位不符 / check digit does not match')
    .nullable()
    .default(null),
  education: listed(EDUCATIONS, '学历'),
  field: optionalName,
  title: listed(TITLES, '职称'),
  certificate: listed(CERTIFICATES, '持证等级'),
  certificateDate: optionalDate,
  postType: optionalName,
  postLevel: optionalName,
  step: wholeNumber(LIMITS.step).nullable().default(null),
  hireDate: optionalDate,
  communityYears: wholeNumber(COMMUNITY_YEARS).nullable().default(null),
  community: optionalName,
  street: optionalName,
  district: optionalName,
  ratings: z
    .array(z.strictObject({ year: wholeNumber(LIMITS.year), rating: z.enum(RATINGS, { error: `考核等次须为 ${RATINGS.join(' / ')} 之一` }) }))
    .max(100)
    .refine((rs) => new Set(rs.map((r) => r.year)).size === rs.length, '考核中同一年份出现两次 / a year rated twice')
    .default([]),
  partyPost: z.boolean().nullable().default(null),
});

/** 考核 as the sheet writes it: `2024:优秀;2025:合格`, years in order. */
export function ratingsText(ratings: readonly YearRating[], word: (rating: string) => string = (r) => r): string {
  return [...ratings]
    .sort((a, b) => a.year - b.year)
    .map((r) => `${r.year}:${word(r.rating)}`)
    .join(';');
}
