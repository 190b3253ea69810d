import { parseDecimal, sub, toFixed } from '../../../src/core/money/decimal';
import type { ProjectBudgetRefs } from '../../../src/core/budget/pipeline';
import type { ProjectDraft } from './draft';
import { priceDraft } from './provisional';

/**
 * The tax switch explains itself (docs/design.md §Tax (税费)): when the fee card's
 * method goes 按比例 ↔ 价税合计, the draft is priced both ways through the same chain as every
 * recompute (priceDraft → priceProject), and the notice shows each method with its rates and the
 * total it gives. A draft that cannot be priced one way or the other has no total on that side
 * (and no difference); the rates are shown as the user typed them, in percent.
 */
export type TaxMethod = ProjectDraft['taxMethod'];

/** The fields the switch restores on 撤销: the method and every tax rate box. */
export type TaxFields = Pick<ProjectDraft, 'taxMethod' | 'taxPercent' | 'vatPercent' | 'surchargePercent'>;

export interface TaxSide {
  method: TaxMethod;
  /** simple: the rate on the subtotal; gross-up: 增值税 and 附加税费 (on the VAT); percent text as typed */
  rates: { taxPercent: string } | { vatPercent: string; surchargePercent: string };
  /** the budget's total with this method ("740212.66"), null when the draft cannot be priced */
  total: string | null;
}

export interface TaxSwitchEffect {
  old: TaxSide;
  new: TaxSide;
  /** new total − old total, null when either side has no total */
  difference: string | null;
}

export function taxFields(d: ProjectDraft): TaxFields {
  return { taxMethod: d.taxMethod, taxPercent: d.taxPercent, vatPercent: d.vatPercent, surchargePercent: d.surchargePercent };
}

function side(d: ProjectDraft, refs: ProjectBudgetRefs | null): TaxSide {
  const rates =
    d.taxMethod === 'simple' ? { taxPercent: d.taxPercent || '0' } : { vatPercent: d.vatPercent || '0', surchargePercent: d.surchargePercent || '0' };
  return { method: d.taxMethod, rates, total: priceDraft(d, refs).budget?.total ?? null };
}

export function taxSwitchEffect(before: ProjectDraft, after: ProjectDraft, refs: ProjectBudgetRefs | null): TaxSwitchEffect {
  const old = side(before, refs);
  const now = side(after, refs);
  const difference = old.total !== null && now.total !== null ? toFixed(sub(parseDecimal(now.total), parseDecimal(old.total)), 2) : null;
  return { old, new: now, difference };
}
