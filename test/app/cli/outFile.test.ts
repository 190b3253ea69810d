import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { designExample } from '../../support/specs';
import { runCli, tempDir, writeJson } from './runCli';

/**
 * `--out FILE` over a workbook already there: the old file is replaced only by a whole new one
 * (src/app/services/writeFileAtomic.ts). A run that fails leaves it byte for byte, and no temporary
 * file is left in the folder.
 */
const sheets = async (file: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => ws.name);
};

describe('paybench … --out FILE.xlsx over an existing workbook', () => {
  it('budget: an invalid spec (exit 2) leaves the good workbook as it was; a valid one replaces it whole', async () => {
    const dir = tempDir();
    const out = path.join(dir, '预算表.xlsx');
    const good = runCli(['budget', writeJson(dir, 'spec.json', designExample()), '--out', out]);
    expect(good.code, good.stderr).toBe(0);
    const bytes = fs.readFileSync(out);

    const spec = designExample();
    const bad = runCli(['budget', writeJson(dir, 'bad.json', { ...spec, staff: [{ ...spec.staff![0]!, count: -2 }] }), '--out', out]);
    expect(bad.code).toBe(2);
    expect(fs.readFileSync(out).equals(bytes)).toBe(true);

    const again = runCli(['budget', writeJson(dir, 'spec2.json', { ...spec, name: '第二版' }), '--out', out]);
    expect(again.code, again.stderr).toBe(0);
    expect(await sheets(out)).toEqual(['汇总表', '人员经费明细', '其他费用明细', '薪酬指导价', '参数', '合规检查', 'paybench_bid']);
    expect(fs.readdirSync(dir).sort()).toEqual(['bad.json', 'spec.json', 'spec2.json', '预算表.xlsx'].sort());
  });

  it('budget: a workbook that cannot be written (the target is a folder) fails with exit 1 and leaves no temporary file', () => {
    const dir = tempDir();
    const out = path.join(dir, '预算表.xlsx');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, '别的文件.txt'), '不要动');
    const r = runCli(['budget', writeJson(dir, 'spec.json', designExample()), '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`写出 Excel 工作簿 ${out} 失败（原有文件未被改动）`);
    expect(fs.readdirSync(dir).sort()).toEqual(['spec.json', '预算表.xlsx'].sort());
    expect(fs.readFileSync(path.join(out, '别的文件.txt'), 'utf8')).toBe('不要动');
  });

  it('plan: a community list with a bad row (exit 2) leaves the good plan workbook as it was', () => {
    const dir = tempDir();
    const out = path.join(dir, '规划.xlsx');
    const csv = path.join(dir, 'c.csv');
    fs.writeFileSync(csv, '社区名称,区,街道,户数\n甲社区,东区,一街道,4100\n');
    const good = runCli(['plan', csv, '--rule', 'jilin', '--out', out], { PAYBENCH_DB: path.join(dir, 'cli.sqlite') });
    expect(good.code, good.stderr).toBe(0);
    const bytes = fs.readFileSync(out);

    fs.writeFileSync(csv, '社区名称,区,街道,户数\n甲社区,东区,一街道,-3\n');
    const bad = runCli(['plan', csv, '--rule', 'jilin', '--out', out], { PAYBENCH_DB: path.join(dir, 'cli.sqlite') });
    expect(bad.code).toBe(2);
    expect(fs.readFileSync(out).equals(bytes)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['c.csv', '规划.xlsx']);
  });
});
