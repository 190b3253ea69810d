import type { GuideVersion } from '../../../src/core/guides/schema';

/**
 * The pickers of a staff line from the guide version in force: posts in the guide's order, the
 * grades of a post, the steps of a post × grade, and the allowances' qualifications.
 */
export interface GuideOptions {
  posts: string[];
  grades: Map<string, string[]>;
  steps: Map<string, number[]>;
  qualifications: string[];
}

const cellKey = (post: string, grade: string) => `${post}\u0001${grade}`;

export function guideOptions(version: GuideVersion | null): GuideOptions {
  const posts: string[] = [];
  const grades = new Map<string, string[]>();
  const steps = new Map<string, number[]>();
  for (const c of version?.cells ?? []) {
    if (!grades.has(c.post)) {
      posts.push(c.post);
      grades.set(c.post, []);
    }
    const g = grades.get(c.post)!;
    if (!g.includes(c.grade)) g.push(c.grade);
    const k = cellKey(c.post, c.grade);
    const s = steps.get(k) ?? [];
    if (!s.includes(c.step)) s.push(c.step);
    steps.set(
      k,
      s.sort((a, b) => a - b),
    );
  }
  const qualifications = [...new Set((version?.allowances ?? []).map((a) => a.qualification))];
  return { posts, grades, steps, qualifications };
}

export function stepsOf(options: GuideOptions, post: string, grade: string): number[] {
  return options.steps.get(cellKey(post, grade)) ?? [];
}

/** The first cell of the guide, for a new staff line. */
export function firstCell(options: GuideOptions): { post: string; grade: string; step: number } {
  const post = options.posts[0] ?? '';
  const grade = options.grades.get(post)?.[0] ?? '';
  return { post, grade, step: stepsOf(options, post, grade)[0] ?? 1 };
}
