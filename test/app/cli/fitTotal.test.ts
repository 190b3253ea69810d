import { describe, expect, it } from 'vitest';
import { designExample } from '../../support/specs';
import { runCli, tempDir, writeJson } from './runCli';

/**
 * paybench budget SPEC.json --fit-total AMOUNT [--vary staff[i].count] (docs/design.md §Budget
 * arithmetic → Solving for a cap), on the example of docs/design.md §Budget spec: 6 社工师 at
 * 6,800.00 a month (guide 6,500 + allowance 300), 12 months + 1 bonus month. Per person:
 *   gross 6,800 × 13 = 88,400.00; pension 1,088.00 + fund 340 = 1,428.00 × 12 = 17,136.00;
 *   工会经费 2 % × 88,400 = 1,768.00; labour 107,304.00
 * With 5.5 people: labour 107,304 × 5.5 = 590,172.00 (gross 486,200, levy 9,724.00 on it);
 * activities 19,200.00; direct 609,372.00; fee 8 % = 48,749.76; subtotal 658,121.76;
 * total = round(658,121.76 × 1.03 ÷ (1 − 0.03 × 0.12)) = round(677,865.4128 ÷ 0.9964) = round(680,314.5451…) = 680,314.55.
 * With 6 people the total is 740,212.66 (the worked example), above a ceiling of 700,000.
 */
describe('paybench budget --fit-total', () => {
  it('--vary staff[0].count: 6 → 5.5 people under 700,000.00, remainder 700,000 − 680,314.55 = 19,685.45', () => {
    const spec = writeJson(tempDir(), 'spec.json', designExample());
    const r = runCli(['budget', spec, '--fit-total', '700000', '--vary', 'staff[0].count', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.total).toBe('680314.55');
    expect(json.lines[0]).toMatchObject({ count: '5.5', labour: '590172.00' });
    expect(json.fit).toMatchObject({ ceiling: '700000.00', vary: 'staff[0].count', count: 5.5, remainder: '19685.45' });
    // the highest fee rate: subtotal ≤ 700,000 × 0.9964 ÷ 1.03 = 677,165.04…, fee ≤ 67,793.04, r ≤ 67,793.04 ÷ 609,372 = 0.11125…;
    // 0.1112: fee 67,762.17, subtotal 677,134.17, total 699,968.08 fits; 0.1113: fee 67,823.10, total 700,031.06 does not
    expect(json.fit.maxManagementRate).toBe('0.1112');
  });

  it('without --vary scales the whole mix, and the text output ends with the fit', () => {
    const spec = writeJson(tempDir(), 'spec.json', designExample());
    const r = runCli(['budget', spec, '--fit-total', '700000']);
    expect(r.code).toBe(0);
    // one line of 6: k = 0.99 gives ⌊2 × 6 × 0.99⌋ ÷ 2 = 5.5 (k = 1.00 gives 6, too many)
    expect(r.stdout).toMatch(/倒算（上限 700,000\.00 元）\n {2}各行人数 × k = 0\.99（每行向下取到 0\.5 人）：5\.5 人，合计 680,314\.55 元，余额 19,685\.45 元/);
    expect(r.stdout).toMatch(/不超上限的最高管理费率 11\.12%/);
  });

  it('a ceiling nothing fits, a bad amount and a bad --vary exit 2 naming the option', () => {
    const spec = writeJson(tempDir(), 'spec.json', designExample());
    const none = runCli(['budget', spec, '--fit-total', '1000', '--vary', 'staff[0].count']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^--fit-total: 人员第 1 行只留 0\.5 人时合计仍为 .* 元，超过上限 1000\.00 元/m);
    const amount = runCli(['budget', spec, '--fit-total', 'lots']);
    expect(amount.code).toBe(2);
    expect(amount.stderr).toMatch(/^--fit-total: 必须是不小于 0/);
    const vary = runCli(['budget', spec, '--fit-total', '700000', '--vary', 'count']);
    expect(vary.code).toBe(2);
    expect(vary.stderr).toMatch(/--vary 须为 staff\[i\]\.count/);
    const line = runCli(['budget', spec, '--fit-total', '700000', '--vary', 'staff[4].count']);
    expect(line.code).toBe(2);
    expect(line.stderr).toMatch(/^--vary: 没有人员第 5 行（共 1 行）/m);
  });
});
