import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAMILY_CENTRE_PROJECT, JILIN_PROJECT, sampleBudgetSpecs } from '../../../db/sampleData';
import { designExample } from '../../support/specs';
import { WORKED } from '../../db/workedExample';
import { runCli, tempDir, writeJson } from './runCli';

describe('paybench budget SPEC.json --json (docs/design.md §Budget spec)', () => {
  it('prints the budget of the docs/design.md example, exact to the fen (arithmetic in test/db/workedExample.ts), exit 0', () => {
    const spec = writeJson(tempDir(), 'spec.json', designExample());
    const r = runCli(['budget', spec, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject(WORKED);
    for (const key of ['total', 'subtotal', 'tax', 'managementFee', 'direct', 'labour', 'gross', 'contributions', 'levies', 'labourShare', 'lines', 'checks']) {
      expect(json).toHaveProperty(key);
    }
    expect(json.lines[0]).toMatchObject({ kind: 'staff', monthly: '6800.00', gross: '530400.00', base: '6800.00', labour: '643824.00' });
  });

  it('exits 0 with the failed check listed when the budget computes but breaks a rule', () => {
    // same budget with a 90 % labour-share minimum: 0.8698 < 0.90
    const spec = writeJson(tempDir(), 'spec.json', { ...designExample(), rules: { minLabourShare: '0.90' } });
    const r = runCli(['budget', spec, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).checks).toEqual([expect.objectContaining({ code: 'LABOUR_SHARE_BELOW_MIN', level: 'error' })]);
  });

  it('exits 2 for an invalid spec, one "path: message" line per problem on stderr, nothing on stdout', () => {
    const spec = designExample();
    const bad = { ...spec, staff: [{ ...spec.staff![0]!, count: -2 }], extra: true };
    const r = runCli(['budget', writeJson(tempDir(), 'bad.json', bad), '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^staff\[0\]\.count: 必须是正数/m);
    expect(r.stderr).toMatch(/^\(root\): 未知字段 \/ unknown field: extra$/m);
  });

  it('exits 2 for a file that is not JSON, and 1 for a file that does not exist', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'x.json'), '{ "version": 1,');
    const notJson = runCli(['budget', path.join(dir, 'x.json')]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/\(root\): 不是有效的 JSON/);
    const missing = runCli(['budget', path.join(dir, 'none.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/无法读取规格文件 .*ENOENT/);
  });

  it('without --json prints a Chinese summary with the totals and the checks', () => {
    const r = runCli(['budget', writeJson(tempDir(), 'spec.json', designExample())]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/合计\s+740,212\.66/);
    expect(r.stdout).toMatch(/人员经费占比 86\.98%/);
    expect(r.stdout).toMatch(/检查\n {2}全部通过/);
  });

  it('resolves "payGuide": {"ref": NAME} from the database given by --db', () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.sqlite');
    const inline = sampleBudgetSpecs().find((s) => s.name === FAMILY_CENTRE_PROJECT)!;
    const spec = writeJson(dir, 'ref.json', { ...inline, payGuide: { ref: '示例市社会工作者薪酬指导价（广东式等级档次）' } });
    const byRef = runCli(['budget', spec, '--db', db, '--json']);
    expect(byRef.code).toBe(0);
    const byInline = runCli(['budget', writeJson(dir, 'inline.json', inline), '--json']);
    // the same guide version (2026, in force at 2026-01) either way
    expect(JSON.parse(byRef.stdout).total).toBe(JSON.parse(byInline.stdout).total);
  });
});

describe('paybench budget --project NAME --db FILE', () => {
  it('computes a stored project: the same numbers as its spec computed from a file', () => {
    const dir = tempDir();
    const db = path.join(dir, 'p.sqlite');
    const stored = runCli(['budget', '--project', JILIN_PROJECT, '--db', db, '--json']);
    expect(stored.stderr).toBe('');
    expect(stored.code).toBe(0);
    const spec = sampleBudgetSpecs().find((s) => s.name === JILIN_PROJECT)!;
    const fromFile = runCli(['budget', writeJson(dir, 'jilin.json', spec), '--json']);
    expect(JSON.parse(stored.stdout)).toEqual(JSON.parse(fromFile.stdout));
  });

  it('takes the database from PAYBENCH_DB when --db is not given, and names the projects it has when one is missing', () => {
    const db = path.join(tempDir(), 'env.sqlite');
    const r = runCli(['budget', '--project', '不存在的项目'], { PAYBENCH_DB: db });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('没有名为“不存在的项目”的项目');
    expect(r.stderr).toContain(FAMILY_CENTRE_PROJECT);
    expect(fs.existsSync(db)).toBe(true);
  });

  it('refuses a spec file and --project together, and an unknown flag, with exit 2', () => {
    expect(runCli(['budget', 'a.json', '--project', 'x']).code).toBe(2);
    const unknown = runCli(['budget', 'a.json', '--jsn']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知选项 --jsn');
  });
});

describe('paybench budget --out FILE.xlsx', () => {
  it('writes the workbook through the Excel part, or says clearly that it could not', () => {
    const dir = tempDir();
    const out = path.join(dir, 'budget.xlsx');
    const r = runCli(['budget', writeJson(dir, 'spec.json', designExample()), '--out', out]);
    if (r.code === 0) {
      expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK'); // a zip: xlsx
      expect(r.stdout).toContain(`已写出工作簿：${out}`);
    } else {
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`写出 Excel 工作簿 ${out} 失败`);
    }
  });
});
