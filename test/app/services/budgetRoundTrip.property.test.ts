import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PaybenchStore } from '../../../db/store';
import { budgetOfProject } from '../../../src/app/services/budget';
import { priceBudget } from '../../../src/core/budget/pipeline';
import { type InlineGuide, parseBudgetSpec } from '../../../src/core/spec/budgetSpec';
import { budgetSpecArbitrary } from '../../support/arbitraries';
import { tempDbFile } from '../../db/tempDb';

/**
 * Property: a random budget saved as store records (guide, contribution set, project) and priced
 * back by the budget service computes to exactly the same JSON, line by line, as the spec itself —
 * neither the store nor the service's resolution loses or alters anything the arithmetic reads.
 */
describe('store round trip over random budgets', () => {
  it('stored project → spec → budget equals the original spec → budget', () => {
    const store = PaybenchStore.open(tempDbFile(), { seed: false });
    let n = 0;
    fc.assert(
      fc.property(budgetSpecArbitrary, (input) => {
        const spec = parseBudgetSpec(input);
        const guide = spec.payGuide as InlineGuide;
        n++;
        const g = store.guides.create({
          name: `指导价 ${n}`,
          versions: [
            {
              label: '2026 版',
              effectiveFrom: '2026-01-01',
              cells: guide.rows.map((r) => ({ post: r.post, grade: r.grade, step: r.step, amount: r.monthly! })),
              allowances: guide.allowances.map((a) => ({ qualification: a.qualification, amount: a.monthly, kind: a.kind })),
            },
          ],
        });
        const c = store.contributionSets.create({ city: '随机市', name: `参数 ${n}`, effectiveFrom: '2026-01-01', ...spec.contributions });
        const p = store.projects.create({
          name: `${spec.name} ${n}`,
          periodStart: spec.period.start,
          periodMonths: spec.period.months,
          guideId: g.id,
          contributionSetId: c.id,
          staff: spec.staff,
          costs: spec.costs,
          managementRate: spec.managementFee.rate,
          tax: spec.tax,
          rules: spec.rules,
        });
        const stored = budgetOfProject(store, p.id).json;
        const direct = priceBudget(spec).json;
        expect({ ...stored, name: spec.name }).toEqual(direct);
      }),
      { numRuns: 60 },
    );
    store.close();
  });
});
