import type { GuideVersion } from '../../../src/core/guides/schema';
import type { GuideMessages } from './messages';

/** The wording of the guide model's enumerations, shared by the list, the forms and the grid. */
export function includesLabel(m: GuideMessages, includes: GuideVersion['includes']): string {
  return includes === 'gross' ? m.includesGross : m.includesEmployerCost;
}

/** 元/月 or 元/年: a version's unit, or a reference wage's. */
export function perLabel(m: GuideMessages, per: GuideVersion['unit']): string {
  return per === 'month' ? m.perMonth : m.perYear;
}

export function allowanceKindLabel(m: GuideMessages, kind: 'monthly' | 'oneOff'): string {
  return kind === 'monthly' ? m.monthly : m.oneOff;
}

export function periodText(m: GuideMessages, v: Pick<GuideVersion, 'effectiveFrom' | 'effectiveTo'>): string {
  return m.period(v.effectiveFrom, v.effectiveTo ?? null);
}
