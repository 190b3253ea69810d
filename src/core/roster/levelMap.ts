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

// --- grades as guides and rosters write them -------------------------------------------------------

const CHINESE_DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "11" → 11, "十一" → 11, "十八" → 18, "八" → 8; null for anything else */
function levelText(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 ? (CHINESE_DIGIT[text] ?? null) : null;
  if (ten > 1 || text.length - ten > 2) return null;
  const tens = ten === 0 ? 1 : CHINESE_DIGIT[text.slice(0, ten)];
  const units = text.slice(ten + 1);
  const unit = units === '' ? 0 : CHINESE_DIGIT[units];
  return tens === undefined || unit === undefined ? null : tens * 10 + unit;
}

/**
 * A grade as written, in the words of the map: 社工师 → 社会工作师, 助理一级 → 助理社会工作师一级,
 * 中级社会工作师 → 社会工作师, spaces and a trailing 岗位 / 岗 dropped.
 */
export function canonicalGradeName(name: string): string {
  let s = name.replace(/\s+/g, '').replace(/(岗位|岗)$/, '');
  s = s.replace(/社工/g, '社会工作').replace(/^中级社会工作师/, '社会工作师');
  if (s.startsWith('助理') && !s.startsWith('助理社会工作师')) s = `助理社会工作师${s.slice(2)}`;
  return s;
}

/** 专技 11 级, 专业技术十一级岗位, 专技岗 11 级 → 11: a grade written on the 专技 scale itself */
export function writtenProfessionalLevel(name: string): number | null {
  const m = /^专(?:业)?技(?:术)?(?:岗位?)?(?:第)?([0-9一二两三四五六七八九十]{1,3})级(?:岗位?)?$/.exec(name.replace(/\s+/g, ''));
  const n = m ? levelText(m[1]!) : null;
  return n !== null && n >= 1 && n <= 13 ? n : null;
}

/** The 专技 level of a grade: written on the scale (专技 11 级), or named by the map (exactly, or in a short form); null when neither. */
export function professionalLevel(grades: readonly ProfessionalGrade[], name: string): number | null {
  const written = writtenProfessionalLevel(name);
  if (written !== null) return written;
  const exact = grades.find((g) => g.name === name);
  if (exact) return exact.level;
  const canonical = canonicalGradeName(name);
  return grades.find((g) => canonicalGradeName(g.name) === canonical)?.level ?? null;
}

/** A 三岗十八级 grade written as its number alone: 7级, 十八级, 12 → the level (a larger number the higher level); null otherwise. */
export function plainLevelNumber(name: string): number | null {
  const m = /^([0-9一二两三四五六七八九十]{1,3})级?$/.exec(name.replace(/\s+/g, ''));
  const n = m ? levelText(m[1]!) : null;
  return n !== null && n >= 1 && n <= 99 ? n : null;
}

export interface GradeOrder {
  /** lowest post first */
  grades: string[];
  /**
   * levelMap: by the 专技 level of a map (a larger number the lower post); levelNumber: grades
   * written as 三岗十八级 numbers alone (a larger number the higher level); given: neither applies
   * to every grade, so the order they were given in (a guide's own row order), never alphabetical
   */
  by: 'levelMap' | 'levelNumber' | 'given';
  /** with `given`: the grades no map places */
  unmapped: string[];
  /** with `levelMap`: which of the maps given placed them (null: all written on the 专技 scale itself) */
  mapIndex: number | null;
}

/**
 * A ladder's grades from the lowest post to the highest (docs/design.md §People: roster and
 * statistics, 专技 level map): by the first map that places every grade — so 助理社会工作师二级 (12)
 * and 一级 (11) come below 社会工作师三级 (10) — else by their own level numbers when each is a plain
 * number (三岗十八级), else as given. A grade written on the 专技 scale (专技 11 级) needs no map.
 */
export function orderGrades(names: readonly string[], maps: readonly (readonly ProfessionalGrade[])[]): GradeOrder {
  const distinct = [...new Set(names)];
  for (const [i, map] of [...maps, []].entries()) {
    const levels = distinct.map((n) => professionalLevel(map, n));
    if (distinct.length > 0 && levels.every((l) => l !== null)) {
      const at = new Map(distinct.map((n, k) => [n, levels[k]!]));
      return { grades: [...distinct].sort((a, b) => at.get(b)! - at.get(a)!), by: 'levelMap', unmapped: [], mapIndex: i < maps.length ? i : null };
    }
  }
  const numbers = distinct.map(plainLevelNumber);
  if (numbers.every((n) => n !== null)) {
    const at = new Map(distinct.map((n, k) => [n, numbers[k]!]));
    return { grades: [...distinct].sort((a, b) => at.get(a)! - at.get(b)!), by: 'levelNumber', unmapped: [], mapIndex: null };
  }
  const unmapped = distinct.filter((n) => maps.every((map) => professionalLevel(map, n) === null) && plainLevelNumber(n) === null);
  return { grades: distinct, by: 'given', unmapped, mapIndex: null };
}

/** A move between two grades: its direction and the scale that judged it. */
export interface GradeMove {
  /** +1 a promotion, −1 a demotion, 0 the same level */
  direction: -1 | 0 | 1;
  /** 专技: a smaller number is the higher post; 三岗十八级: a larger number is the higher level */
  scale: 'professional' | 'levelNumber';
  from: number;
  to: number;
}

/**
 * Whether a move is a promotion: on the 专技 scale when a map (or the written scale) places both
 * grades — 专技 10 级 → 11 级, 社会工作师三级 → 助理社会工作师一级, is a step down — else on the
 * 三岗十八级 numbers when both are plain numbers; null when the two cannot be compared.
 */
export function judgeMove(maps: readonly (readonly ProfessionalGrade[])[], from: string, to: string): GradeMove | null {
  for (const map of [...maps, []]) {
    const [a, b] = [professionalLevel(map, from), professionalLevel(map, to)];
    if (a !== null && b !== null) return { direction: a > b ? 1 : a < b ? -1 : 0, scale: 'professional', from: a, to: b };
  }
  const [a, b] = [plainLevelNumber(from), plainLevelNumber(to)];
  if (a !== null && b !== null) return { direction: b > a ? 1 : b < a ? -1 : 0, scale: 'levelNumber', from: a, to: b };
  return null;
}
