import { z } from 'zod';
import { divRound, fromInteger, lt, parseDecimal, toFixed } from '../money/decimal';
import { isoDate, nonEmptyText, wholeNumber } from '../spec/fields';
import { type CertificationTarget, type GradingVersion, certificateOf } from './gradingScheme';
import { CERTIFICATE_RANK } from './levelMap';
import type { Certificate, Worker } from './schema';

/**
 * Certificate rules as checks with codes (docs/design.md §People: roster and statistics):
 * - CERT_BELOW_GRADE: a worker holds a 专技 grade (岗位等级 written as the level map names it) that
 *   requires a certificate above the one held;
 * - ALLOWANCE_BELOW_MINIMUM: a certificate allowance under the minimum (吉林《关于加强社区“社工岗”
 *   建设的意见》: 每月不低于 200 元);
 * - ALLOWANCE_NOT_INCREASING: a higher certificate paid no more than a lower one;
 * - UNKNOWN_QUALIFICATION: an allowance for a qualification that is no certificate we know — a
 *   warning, never counted as 0 in silence.
 * And the certification rate of a plan against the targets (城市 100 %, 农村 80 %, dated), counted
 * at the full quota (定额), not only on the staff in post.
 */
export type CertificateCheckCode = 'CERT_BELOW_GRADE' | 'ALLOWANCE_BELOW_MINIMUM' | 'ALLOWANCE_NOT_INCREASING' | 'UNKNOWN_QUALIFICATION';

/** each check's figures, so that any language can say it (the Chinese `message` is the CLI's) */
export interface CertificateCheckParams {
  CERT_BELOW_GRADE: { seq: number; name: string; grade: string; level: number; requires: Certificate; held: Certificate | null };
  ALLOWANCE_BELOW_MINIMUM: { qualification: string; monthly: string; minimum: string };
  ALLOWANCE_NOT_INCREASING: { higher: string; higherMonthly: string; lower: string; lowerMonthly: string };
  UNKNOWN_QUALIFICATION: { qualification: string };
}

export type CertificateCheck = {
  [C in CertificateCheckCode]: {
    code: C;
    params: CertificateCheckParams[C];
    severity: 'warning';
    message: string;
    /** the worker's id or 序号 for CERT_BELOW_GRADE */
    worker?: number;
  };
}[CertificateCheckCode];

/** allowances of a scheme (or a pay guide's 持证津贴) checked against the minimum and the ladder */
export function allowanceChecks(allowances: readonly { qualification: string; monthly: string }[], minimum: string | null): CertificateCheck[] {
  const out: CertificateCheck[] = [];
  const known: { cert: Certificate; monthly: string; qualification: string }[] = [];
  for (const a of allowances) {
    const cert = certificateOf(a.qualification);
    if (cert === null) {
      out.push({
        code: 'UNKNOWN_QUALIFICATION',
        params: { qualification: a.qualification },
        severity: 'warning',
        message: `持证津贴中的“${a.qualification}”不是已知的证书等级（助理社会工作师、社会工作师、高级社会工作师、社会工作员），未计入`,
      });
      continue;
    }
    known.push({ cert, monthly: a.monthly, qualification: a.qualification });
    if (minimum !== null && CERTIFICATE_RANK[cert] > 0 && lt(parseDecimal(a.monthly), parseDecimal(minimum))) {
      out.push({
        code: 'ALLOWANCE_BELOW_MINIMUM',
        params: { qualification: a.qualification, monthly: a.monthly, minimum },
        severity: 'warning',
        message: `${a.qualification}津贴每月 ${a.monthly} 元，低于每月不低于 ${minimum} 元的下限`,
      });
    }
  }
  const ranked = known.filter((k) => CERTIFICATE_RANK[k.cert] > 0).sort((a, b) => CERTIFICATE_RANK[a.cert] - CERTIFICATE_RANK[b.cert]);
  for (let i = 1; i < ranked.length; i++) {
    const [lower, higher] = [ranked[i - 1]!, ranked[i]!];
    if (CERTIFICATE_RANK[lower.cert] === CERTIFICATE_RANK[higher.cert]) continue;
    if (!lt(parseDecimal(lower.monthly), parseDecimal(higher.monthly))) {
      out.push({
        code: 'ALLOWANCE_NOT_INCREASING',
        params: { higher: higher.qualification, higherMonthly: higher.monthly, lower: lower.qualification, lowerMonthly: lower.monthly },
        severity: 'warning',
        message: `${higher.qualification}津贴每月 ${higher.monthly} 元，不高于${lower.qualification}的 ${lower.monthly} 元：津贴应随证书等级递增`,
      });
    }
  }
  return out;
}

/** workers whose 岗位等级 is a 专技 grade of the map that asks for more than the certificate held */
export function workerCertificateChecks(
  version: GradingVersion,
  workers: readonly (Pick<Worker, 'name' | 'postLevel' | 'certificate'> & { seq: number })[],
): CertificateCheck[] {
  const grades = new Map(version.levelMap.map((g) => [g.name, g]));
  const out: CertificateCheck[] = [];
  for (const w of workers) {
    const g = w.postLevel === null ? undefined : grades.get(w.postLevel);
    if (!g || g.requires === null) continue;
    if (w.certificate !== null && CERTIFICATE_RANK[w.certificate] >= CERTIFICATE_RANK[g.requires]) continue;
    out.push({
      code: 'CERT_BELOW_GRADE',
      params: { seq: w.seq, name: w.name, grade: g.name, level: g.level, requires: g.requires, held: w.certificate },
      severity: 'warning',
      worker: w.seq,
      message: `第 ${w.seq} 行 ${w.name}：${g.name}（专技 ${g.level} 级）须持${g.requires}证书，现为${w.certificate ?? '未填'}`,
    });
  }
  return out;
}

// --- certification rate of a plan at full quota ------------------------------------------------

export const planCertificationSchema = z.strictObject({
  on: isoDate,
  lines: z
    .array(
      z.strictObject({
        name: nonEmptyText,
        urbanRural: z.enum(['urban', 'rural']),
        /** the posts the plan sets (定额), the denominator */
        quota: wholeNumber({ min: 0, max: 10_000_000 }),
        certified: wholeNumber({ min: 0, max: 10_000_000 }),
      }),
    )
    .max(100_000),
});

export interface CertificationRateLine {
  kind: 'urban' | 'rural';
  label: '城市' | '农村';
  quota: number;
  certified: number;
  /** certified ÷ quota, 4 places; null for no quota */
  rate: string | null;
  target: string;
  /** certified people still needed to reach the target at full quota (target × quota rounded up) */
  shortfall: number;
  meets: boolean;
}

/** the target in force on a date, null before the first */
export function targetInForce(targets: readonly CertificationTarget[], on: string): CertificationTarget | null {
  let found: CertificationTarget | null = null;
  for (const t of targets) if (t.effectiveFrom <= on && (found === null || t.effectiveFrom > found.effectiveFrom)) found = t;
  return found;
}

/** ceil(share × n) in whole people: a target of 80 % of 11 posts is 9 certified, not 8.8 */
function peopleFor(share: string, n: number): number {
  const d = parseDecimal(share);
  const units = d.units * BigInt(n);
  const div = 10n ** BigInt(d.scale);
  return Number((units + div - 1n) / div);
}

export function planCertificationRate(
  targets: readonly CertificationTarget[],
  input: z.output<typeof planCertificationSchema>,
): { target: CertificationTarget; lines: CertificationRateLine[] } {
  const target = targetInForce(targets, input.on);
  if (!target) throw new RangeError(`持证率目标在 ${input.on} 尚未生效`);
  const lines = (['urban', 'rural'] as const).map((kind): CertificationRateLine => {
    const mine = input.lines.filter((l) => l.urbanRural === kind);
    const quota = mine.reduce((n, l) => n + l.quota, 0);
    const certified = mine.reduce((n, l) => n + Math.min(l.certified, l.quota), 0);
    const share = kind === 'urban' ? target.urban : target.rural;
    const need = peopleFor(share, quota);
    return {
      kind,
      label: kind === 'urban' ? '城市' : '农村',
      quota,
      certified,
      rate: quota === 0 ? null : toFixed(divRound(fromInteger(certified), fromInteger(quota), 4), 4),
      target: share,
      shortfall: Math.max(0, need - certified),
      meets: certified >= need,
    };
  });
  return { target, lines };
}
