import { z } from 'zod';
import { isoDate, nonEmptyText, wholeNumber } from '../spec/fields';
import { CERTIFICATES, type Certificate } from './schema';

/**
 * The 专技 level map (专业技术岗位等级) as dated data: each grade a scheme names (助理社会工作师一级 …)
 * sits on the national professional-technical scale, where **a smaller number is the higher post**
 * (8级 is above 10级, 10级 above 11级). Ladders and promotions are ordered by that number, never by
 * the grade's name or its own 一级/二级, so 助理社会工作师一级 (11) sorts below every 社会工作师
 * grade (8–10) and a move from 10级 to 11级 is a step down. Each grade may require a certificate.
 * Source of the preset: 《关于加强社会工作专业岗位开发与人才激励保障工作方案》 (珠海), 明确职级体系.
 */
export const CERTIFICATE_RANK: Record<Certificate, number> = { 无: 0, 社会工作员: 0, 助理社会工作师: 1, 社会工作师: 2, 高级社会工作师: 3 };

export const professionalGradeSchema = z.strictObject({
  name: nonEmptyText,
  /** 专技 level: 1 (highest) … 13 */
  level: wholeNumber({ min: 1, max: 13 }),
  requires: z.enum(CERTIFICATES).nullable().default(null),
});

export const levelMapVersionSchema = z.strictObject({
  effectiveFrom: isoDate,
  grades: z
    .array(professionalGradeSchema)
    .min(1)
    .max(100)
    .refine((g) => new Set(g.map((x) => x.name)).size === g.length, '等级名称重复 / a grade named twice'),
});

export const levelMapSchema = z.strictObject({
  key: nonEmptyText,
  name: nonEmptyText,
  versions: z.array(levelMapVersionSchema).min(1).max(100),
});

export type ProfessionalGrade = z.output<typeof professionalGradeSchema>;
export type LevelMapVersion = z.output<typeof levelMapVersionSchema>;
export type LevelMap = z.output<typeof levelMapSchema>;

/** 初级 = 助理社会工作师一级/二级 ↔ 专技 11/12 级; 中级 = 社会工作师一级/二级/三级 ↔ 8/9/10 级 (高级: left to a later national rule). */
export const ZHUHAI_LEVEL_MAP: LevelMap = levelMapSchema.parse({
  key: 'zhuhai-2019',
  name: '珠海社会工作专业岗位职级体系',
  versions: [
    {
      effectiveFrom: '2019-01-01',
      grades: [
        { name: '社会工作师一级', level: 8, requires: '社会工作师' },
        { name: '社会工作师二级', level: 9, requires: '社会工作师' },
        { name: '社会工作师三级', level: 10, requires: '社会工作师' },
        { name: '助理社会工作师一级', level: 11, requires: '助理社会工作师' },
        { name: '助理社会工作师二级', level: 12, requires: '助理社会工作师' },
      ],
    },
  ],
});

/** The version in force on a date: the latest whose effectiveFrom is on or before it; null before the first. */
export function levelMapInForce(map: LevelMap, on: string): LevelMapVersion | null {
  let found: LevelMapVersion | null = null;
  for (const v of map.versions) if (v.effectiveFrom <= on && (found === null || v.effectiveFrom > found.effectiveFrom)) found = v;
  return found;
}

function gradeOf(version: LevelMapVersion, name: string): ProfessionalGrade {
  const g = version.grades.find((x) => x.name === name);
  if (!g) throw new RangeError(`等级“${name}”不在职级体系中；可选：${version.grades.map((x) => x.name).join('、')}`);
  return g;
}

/** Grades from the lowest post to the highest (a ladder chart's order): by 专技 level, larger number first. */
export function ladderOrder(version: LevelMapVersion, names: readonly string[]): string[] {
  return [...names].sort((a, b) => gradeOf(version, b).level - gradeOf(version, a).level);
}

/** +1 a promotion, −1 a demotion, 0 the same 专技 level. */
export function moveDirection(version: LevelMapVersion, from: string, to: string): -1 | 0 | 1 {
  const d = gradeOf(version, from).level - gradeOf(version, to).level;
  return d > 0 ? 1 : d < 0 ? -1 : 0;
}

/** A holder below the certificate a grade requires, in words; null when it is held (or none is required). */
export function certificateShortfall(version: LevelMapVersion, grade: string, held: Certificate | null): string | null {
  const g = gradeOf(version, grade);
  if (g.requires === null) return null;
  if (held !== null && CERTIFICATE_RANK[held] >= CERTIFICATE_RANK[g.requires]) return null;
  return `${g.name}（专技 ${g.level} 级）须持${g.requires}证书，现为${held ?? '未填'}`;
}
