import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SPEC_FILE_BYTES } from '../../../src/core/spec/budgetSpec';
import { specCases } from '../../corpus/cases/specs';
import { WORKED } from '../../db/workedExample';
import { runCli, tempDir } from './runCli';

/**
 * `paybench budget SPEC.json` on spec files as users save them (docs/design.md §Budget spec): the encodings a Chinese
 * desktop writes give the same budget as UTF-8; a bad file exits 2 with one `path: message` line naming the place
 * (test/corpus/cases/specs.ts holds the whole list, read in process).
 */
async function write(name: string): Promise<string> {
  const c = specCases.find((x) => x.name === name);
  if (!c) throw new Error(`no corpus case ${name}`);
  const file = path.join(tempDir(), c.fileName);
  fs.writeFileSync(file, await c.bytes());
  return file;
}

describe('paybench budget reads a spec in the encoding it was saved in', () => {
  it.each(['ok-gbk', 'ok-utf16le', 'ok-utf8-bom'])('%s: the docs/design.md example, total 740,212.66, exit 0', async (name) => {
    const r = runCli(['budget', await write(name), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject(WORKED);
    expect(json.name).toBe('某街道家庭综合服务中心 2026 年度服务项目');
  });
});

describe('paybench budget refuses a bad spec file with exit 2 and the place', () => {
  it.each([
    ['dup-count', /^staff\[0\]\.count: 键“count”在同一对象中出现两次/m],
    ['count-1e21', /^staff\[0\]\.count: 必须是正数，须在 0\.01 到 10000 之间，最多两位小数/m],
    ['vat-1-surcharge-1', /^tax\.vat: 必须是 0 到 1 之间（不含 1）/m],
    ['latin1', /^\(root\): 无法识别文件编码：不是 UTF-8（第 \d+ 个字节 0xE9 无效）/m],
    ['deep-objects', /^extra\.a\.a…: 嵌套超过 64 层/m],
  ])('%s', async (name, line) => {
    const r = runCli(['budget', await write(name), '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(line);
  });

  it(`a file larger than ${MAX_SPEC_FILE_BYTES / 1048576} MB is refused by its size, without being read whole`, () => {
    const file = path.join(tempDir(), 'huge.json');
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, '{"notes":"');
    fs.ftruncateSync(fd, MAX_SPEC_FILE_BYTES + 1024); // sparse: the size without the disk
    fs.closeSync(fd);
    const r = runCli(['budget', file, '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^\(root\): 文件大于 64 MB，不是预算规格/m);
  });
});

describe('paybench plan --mix reads its JSON the same way', () => {
  it('a post mix with a share given twice exits 2 naming lines[0].share, before any database is opened', () => {
    const dir = tempDir();
    const csv = path.join(dir, 'c.csv');
    fs.writeFileSync(csv, '社区名称,区,街道,户数\n甲社区,东区,一街道,4100\n');
    const mix = path.join(dir, 'mix.json');
    fs.writeFileSync(mix, '{"lines":[{"label":"普通","post":"普通工作人员","grade":"一级","share":"0.5","share":"1"}]}');
    const db = path.join(dir, 'cli.sqlite');
    const r = runCli(['plan', csv, '--rule', 'jilin', '--date', '2026-01-01', '--guide', '1', '--contributions', '1', '--mix', mix, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^lines\[0\]\.share: 键“share”在同一对象中出现两次/m);
    expect(fs.existsSync(db)).toBe(false);
  });
});
