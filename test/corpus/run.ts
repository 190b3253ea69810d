import { budgetModelFromSpec } from '../../src/core/budget/fromSpec';
import { CommunityImportError, importCommunities } from '../../src/core/excel/readers/communityImport';
import { parseGuideWorkbook } from '../../src/core/excel/readers/guideImport';
import { parseBudgetSpecBytes } from '../../src/core/spec/budgetSpec';
import { ValidationError } from '../../src/core/spec/fields';
import type { CorpusCase, CorpusExpect, CorpusOutcome } from './types';

/** A corpus file through the core reader of its kind, answered in one shape. */
export async function readCase(c: CorpusCase, bytes: Uint8Array): Promise<CorpusOutcome> {
  switch (c.kind) {
    case 'guideWorkbook': {
      const r = await parseGuideWorkbook(bytes, c.fileName);
      return r.ok ? { ok: true, count: r.version.cells.length } : { ok: false, problems: r.problems.map((p) => ({ where: p.cell, message: p.message })) };
    }
    case 'communityList':
      try {
        return { ok: true, count: (await importCommunities(c.fileName, bytes)).communities.length };
      } catch (e) {
        if (e instanceof CommunityImportError) return { ok: false, problems: e.problems.map((p) => ({ where: p.path, message: p.message })) };
        throw e;
      }
    case 'budgetSpec':
      try {
        // as `paybench budget` reads it: the spec, then its model (a staff line with no guide cell is refused there)
        return { ok: true, count: budgetModelFromSpec(parseBudgetSpecBytes(bytes)).staff.length };
      } catch (e) {
        if (e instanceof ValidationError) return { ok: false, problems: e.problems.map((p) => ({ where: p.path, message: p.message })) };
        throw e;
      }
  }
}

const fits = (pattern: string | RegExp | undefined, text: string) =>
  pattern === undefined || (typeof pattern === 'string' ? pattern === text : pattern.test(text));

/** Null when the outcome is the one expected; else what differs, for the failure message. */
export function differs(expect: CorpusExpect, outcome: CorpusOutcome): string | null {
  if (expect.ok) {
    if (!outcome.ok) return `expected ${expect.count} accepted, got problems: ${JSON.stringify(outcome.problems.slice(0, 3))}`;
    return outcome.count === expect.count ? null : `expected ${expect.count} accepted, got ${outcome.count}`;
  }
  if (outcome.ok) return `expected a problem ${String(expect.where)} ${String(expect.message)}, but ${outcome.count} were accepted`;
  if (outcome.problems.some((p) => fits(expect.where, p.where) && fits(expect.message, p.message))) return null;
  return `expected a problem at ${String(expect.where)} matching ${String(expect.message)}, got ${JSON.stringify(outcome.problems.slice(0, 3))}`;
}
