import { describe, expect, it } from 'vitest';
import { budgetModelFromSpec } from '../../../src/core/budget/fromSpec';
import { parseBudgetSpecBytes } from '../../../src/core/spec/budgetSpec';
import { ValidationError } from '../../../src/core/spec/fields';
import { specCases } from '../../corpus/cases/specs';

/**
 * The budget-spec cases of the bad-input corpus (test/corpus/cases/specs.ts) through the reader the CLI uses —
 * bytes → decoded text → strict JSON → spec v1 → model — in process: every refusal is a ValidationError whose
 * problem names the expected place; nothing else is thrown. (The corpus runner drives `paybench budget` itself.)
 */
function outcome(bytes: Uint8Array): { ok: true; count: number } | { ok: false; problems: { where: string; message: string }[] } {
  try {
    const model = budgetModelFromSpec(parseBudgetSpecBytes(bytes));
    return { ok: true, count: model.staff.length };
  } catch (e) {
    if (e instanceof ValidationError) return { ok: false, problems: e.problems.map((p) => ({ where: p.path, message: p.message })) };
    throw e;
  }
}

describe('budget spec corpus, read in process', () => {
  it('holds at least 60 refused files, each with a distinct name', () => {
    expect(specCases.filter((c) => !c.expect.ok).length).toBeGreaterThanOrEqual(60);
    expect(new Set(specCases.map((c) => c.name)).size).toBe(specCases.length);
  });

  it.each(specCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const got = outcome(await c.bytes());
    if (c.expect.ok) {
      expect(got).toEqual({ ok: true, count: c.expect.count });
      return;
    }
    expect(got.ok).toBe(false);
    const { where, message } = c.expect;
    const problems = got.ok ? [] : got.problems;
    const match = problems.find(
      (p) => (where === undefined || (typeof where === 'string' ? p.where === where : where.test(p.where))) && message.test(p.message),
    );
    expect(match, JSON.stringify(problems)).toBeDefined();
  });
});
