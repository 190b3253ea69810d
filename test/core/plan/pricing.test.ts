import { describe, expect, it } from 'vitest';
import { allocatePosts, postMixSchema } from '../../../src/core/plan/postMix';
import { TeamPricer, priceMixLines } from '../../../src/core/plan/pricing';
import { yuan } from '../../../src/core/plan/planJson';
import { contributions, guide, mix } from './fixtures';

describe('岗位结构：正职 1 人，其余 两委 30 % / 普通 70 %（最大余数法）', () => {
  it('12 posts: 1 正职; rest 11 → 两委 3.3, 普通 7.7 → 3 + 7 = 10, the 1 left goes to the larger remainder 0.7 → [1, 3, 8]', () => {
    expect(allocatePosts(mix, 12)).toEqual([1, 3, 8]);
  });
  it('1 post: only the 正职', () => {
    expect(allocatePosts(mix, 1)).toEqual([1, 0, 0]);
  });
  it('the counts always add up to the quota', () => {
    for (let n = 0; n <= 60; n++) expect(allocatePosts(mix, n).reduce((a, b) => a + b, 0)).toBe(n);
  });
  it('shares must add up to 1', () => {
    const r = postMixSchema.safeParse({ lines: [{ label: '普通', post: 'x', grade: 'y', share: '0.9' }] });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toContain('各行比例之和须为 1，现为 0.9');
  });
});

describe('a team of 12 priced with the budget core (docs/design.md §Budget arithmetic)', () => {
  const pricer = new TeamPricer(mix, priceMixLines(mix, guide), contributions, 'gross');
  it('正职 1 × 6,000: gross 72,000.00; items 960.00 + 570.00 + 300 (yuan) = 1,830.00/month → 21,960.00; 工会经费 1,440.00; labour 95,400.00', () => {
    const r = pricer.line(0, 1);
    expect([yuan(r.gross.units), yuan(r.contributions.units), yuan(r.leviesTotal.units), yuan(r.labour.units)]).toEqual([
      '72000.00',
      '21960.00',
      '1440.00',
      '95400.00',
    ]);
  });
  it('普通 8 × 4,000: base clamped to the floor 4,500: 720.00 + 427.50 + 225 = 1,372.50 × 96 person-months = 131,760.00', () => {
    const r = pricer.line(2, 8);
    expect(r.baseClamp).toBe('floor');
    expect(yuan(r.contributions.units)).toBe('131760.00');
    expect(yuan(r.gross.units)).toBe('384000.00'); // 4,000 × 8 × 12
  });
  it('team: gross 72,000 + 180,000 + 384,000 = 636,000.00; contributions 21,960 + 54,900 + 131,760 = 208,620.00; levies 1,440 + 3,600 + 7,680 = 12,720.00; labour 857,340.00', () => {
    const c = pricer.cost(12);
    expect(c.counts).toEqual([1, 3, 8]);
    expect([yuan(c.gross), yuan(c.contributions), yuan(c.levies), yuan(c.labour)]).toEqual(['636000.00', '208620.00', '12720.00', '857340.00']);
    expect(pricer.cost(12)).toBe(c); // priced once per team size
  });
  it('a mix line whose cell is not in the guide is named', () => {
    const bad = postMixSchema.parse({ lines: [{ label: '督导', post: '督导', grade: '一级', share: '1' }] });
    expect(() => priceMixLines(bad, guide)).toThrow(/mix\.lines\[0\].*没有 督导\/一级\/1档/);
  });
});
