import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GUANGDONG_GUIDE, THREE_POSTS } from '../../../db/sampleData';
import { runCli, tempDir } from './runCli';

const db = () => path.join(tempDir(), 'g.sqlite');

describe('paybench guides', () => {
  it('list shows the sample guides with their versions', () => {
    const r = runCli(['guides', 'list', '--db', db()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(GUANGDONG_GUIDE);
    expect(r.stdout).toContain(THREE_POSTS);
    expect(r.stdout).toContain('2025 版（2025-01-01）；2026 版（2026-01-01）');
  });

  it('show --version DATE picks the version in force; coefficient cells show coefficient × wage ÷ 12', () => {
    const r = runCli(['guides', 'show', THREE_POSTS, '--version', '2025-06-01', '--db', db()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('版本：2025 版');
    // 正职 7级 in 2025: 0.50 + 0.03 × 6 = 0.68; 0.68 × 108,000 ÷ 12 = 6,120.00
    expect(r.stdout).toMatch(/正职\s+7级\s+1\s+0\.68\s+6,120\.00/);
  });

  it('show by label, and --json gives the stored version', () => {
    const r = runCli(['guides', 'show', GUANGDONG_GUIDE, '--version', '2026 版', '--db', db(), '--json']);
    expect(r.code).toBe(0);
    const { version } = JSON.parse(r.stdout);
    // 2026 = 2025 + 3 % to the yuan: 中级/2 6,550 × 1.03 = 6,746.5 → 6,747
    expect(version.cells.find((c: { grade: string; step: number }) => c.grade === '中级' && c.step === 2).amount).toBe('6747.00');
  });

  it('diff NAME A B compares two versions cell by cell (labels or dates)', () => {
    const r = runCli(['guides', 'diff', GUANGDONG_GUIDE, '2025 版', '2026-03-01', '--db', db()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('比较：2025 版（2025-01-01）→ 2026 版（2026-01-01）');
    // 初级/2: 5,250 × 1.03 = 5,407.5 → 5,408; +158.00; 158 / 5,250 = 3.0095 % → 3.01 %
    expect(r.stdout).toMatch(/一线社工\s+初级\s+2\s+5,250\.00\s+5,408\.00\s+158\.00\s+3\.01%\s+变化/);
    expect(r.stdout).toMatch(/社工师\s+一次性\s+3,000\.00\s+新增/);
  });

  it('an unknown guide or version is named, with what there is, exit 1', () => {
    const file = db();
    const r = runCli(['guides', 'show', '无此指导价', '--db', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('没有名为“无此指导价”的指导价；现有：');
    const v = runCli(['guides', 'diff', GUANGDONG_GUIDE, '2024-01-01', '2026 版', '--db', file]);
    expect(v.code).toBe(1);
    expect(v.stderr).toContain('在 2024-01-01 没有生效的版本');
  });

  it('wrong number of arguments is a usage error, exit 2', () => {
    const r = runCli(['guides', 'diff', GUANGDONG_GUIDE, '2025 版', '--db', db()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('guides diff 需要 3 个参数');
  });
});

describe('help', () => {
  it('--help and -h on every command, and a top-level help listing the commands', () => {
    const top = runCli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/budget\s+计算预算/);
    expect(top.stdout).toMatch(/guides\s+薪酬指导价/);
    for (const cmd of ['budget', 'guides']) {
      for (const flag of ['--help', '-h']) {
        const r = runCli([cmd, flag]);
        expect(r.code).toBe(0);
        expect(r.stdout).toContain(`paybench ${cmd}`);
      }
    }
  });

  it('no command, or an unknown one, prints the help on stderr with exit 2', () => {
    expect(runCli([]).code).toBe(2);
    const r = runCli(['bugdet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知命令“bugdet”');
  });
});
