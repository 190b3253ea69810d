import { describe, expect, it } from 'vitest';
import { filePayload, safeFileName } from '../../../src/app/api/files';

/** Every file leaves the API through filePayload, with a name safe to save under as it stands. */
describe('safeFileName', () => {
  it('keeps an ordinary Chinese name as it is', () => {
    expect(safeFileName('某街道家庭综合服务中心 2026 年度服务项目-预算.xlsx')).toBe('某街道家庭综合服务中心 2026 年度服务项目-预算.xlsx');
  });

  it('turns folder steps and characters Windows refuses into _, and drops a leading dot', () => {
    expect(safeFileName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(safeFileName('a:b*c?"d"<e>|f\tg.xlsx')).toBe('a_b_c_d_e_f_g.xlsx');
    expect(safeFileName('.hidden.xlsx')).toBe('hidden.xlsx');
  });

  it('cuts a long name to 120 characters but keeps its ending, so it still opens as a workbook', () => {
    const name = safeFileName(`${'街道'.repeat(100)}-预算.xlsx`);
    expect(name).toHaveLength(120);
    expect(name.endsWith('.xlsx')).toBe(true);
  });

  it('never answers an empty name', () => {
    expect(safeFileName('  ')).toBe('导出');
    expect(safeFileName('...')).toBe('导出');
  });
});

describe('filePayload', () => {
  it('carries the bytes as base64 under the safe name', () => {
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4]);
    const payload = filePayload({ fileName: '区域/规划.xlsx', bytes });
    expect(payload).toEqual({ fileName: '区域_规划.xlsx', base64: 'UEsDBA==' });
    expect(new Uint8Array(Buffer.from(payload.base64, 'base64'))).toEqual(bytes);
  });

  it('reads only the view it is given, not the whole buffer behind it', () => {
    const whole = new Uint8Array([1, 2, 3, 4, 5]);
    expect(filePayload({ fileName: 'x.xlsx', bytes: whole.subarray(1, 3) }).base64).toBe(Buffer.from([2, 3]).toString('base64'));
  });
});
