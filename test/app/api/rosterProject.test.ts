import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Worker } from '../../../src/core/roster/schema';
import { JILIN_SAMPLE, THREE_POSTS } from '../../../db/sampleData';
import { PaybenchStore } from '../../../db/store';
import { dispatch } from '../../../src/app/api/dispatch';
import type { RosterStaffPreview } from '../../../src/app/services/roster';
import { tempDbFile } from '../../db/tempDb';

/**
 * 按名册生成项目 (docs/design.md §People: roster and statistics, "Roster → money") through the API,
 * over a real SQLite file: a district's roster filtered to one street, priced by a 三岗十八级-style
 * guide in whole yuan, the project and its 名册附表 stored in one transaction, the workbook exported.
 */
const stores: PaybenchStore[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));

const worker = (
  name: string,
  street: string,
  postType: string | null,
  postLevel: string | null,
  certificate: Worker['certificate'],
  idNumber: string | null = null,
): Worker => ({
  name,
  gender: null,
  birthDate: null,
  idNumber,
  education: null,
  field: null,
  title: null,
  certificate,
  certificateDate: null,
  postType,
  postLevel,
  step: null,
  hireDate: null,
  communityYears: null,
  community: null,
  street,
  district: '示例区',
  ratings: [],
  partyPost: null,
});

function setUp() {
  const store = PaybenchStore.open(tempDbFile(), { seed: false });
  stores.push(store);
  const guide = store.guides.create({
    name: '测试区三岗十八级',
    versions: [
      {
        label: '2026 版',
        effectiveFrom: '2026-01-01',
        cells: [
          { post: '副职', grade: '11级', amount: '7700.00' },
          { post: '副职', grade: '12级', amount: '8000.00' },
          { post: '正职', grade: '9级', amount: '7100.00' },
        ],
        allowances: [
          { qualification: '助理社工师', amount: '200.00' },
          { qualification: '社工师', amount: '300.00' },
        ],
      },
    ],
  });
  const set = store.contributionSets.create({
    city: '测试市',
    name: '测试市 2026 社保',
    effectiveFrom: '2026-01-01',
    floor: '5000.00',
    ceiling: '30000.00',
    items: [{ name: '养老保险', rate: '0.16' }],
    levies: [{ name: '工会经费', rate: '0.02' }],
  });
  store.roster.replaceAll([
    worker('甲', '和平街道', '副职', '11级', '助理社会工作师', '110101199001011237'),
    worker('乙', '和平街道', '副职', '11级', '助理社会工作师'),
    worker('丙', '东坝乡', '副职', '11级', '助理社会工作师'),
    worker('丁', '和平街道', '正职', '9', '社会工作师'),
    worker('戊', '和平街道', '专职', '16级', '无'),
  ]);
  return { store, guideId: guide.id, contributionSetId: set.id };
}

const street = { district: null, street: '和平街道', community: null, certificate: null, postType: null, name: null };

describe('roster → project', () => {
  it('builds the lines of the filtered workers, lists the one it cannot price, and stores the project with its annex', async () => {
    const { store, guideId, contributionSetId } = setUp();
    const fields = { filter: street, guideId, contributionSetId, periodStart: '2026-01', periodMonths: 12 };
    const preview = await dispatch({ store }, 'roster.projectPreview', fields);
    expect(preview).toMatchObject({
      ok: true,
      value: {
        scope: '和平街道',
        people: 4,
        priced: 3,
        lines: [
          { post: '副职', grade: '11级', step: 1, qualification: '助理社工师', count: 2 },
          { post: '正职', grade: '9级', step: 1, qualification: '社工师', count: 1 },
        ],
        unpricedCount: 1,
        unpriced: [{ seq: 5, name: '戊', reason: '指导价没有岗位“专职”（有：副职、正职）' }],
      },
    });
    expect(store.projects.list()).toEqual([]);

    const created = await dispatch({ store }, 'roster.toProject', { ...fields, name: '和平街道社工岗 2026' });
    // 副职 11级 + 助理: 7,700 + 200 = 7,900 a month × 2 people × 12 = 189,600.00 gross;
    //   养老 7,900 × 16 % = 1,264.00 × 2 × 12 = 30,336.00; 工会 189,600 × 2 % = 3,792.00 → 223,728.00
    // 正职 9级 (written “9”) + 社工师: 7,100 + 300 = 7,400 × 12 = 88,800.00; 1,184.00 × 12 = 14,208.00; 1,776.00 → 104,784.00
    // total (no other costs, fee or tax) 223,728.00 + 104,784.00 = 328,512.00
    expect(created).toMatchObject({ ok: true, value: { name: '和平街道社工岗 2026', total: '328512.00', priced: 3, unpricedCount: 1 } });
    const id = (created as { value: { projectId: number } }).value.projectId;
    const project = store.projects.get(id);
    expect(project.staff.map((l) => [l.post, l.grade, l.qualification, l.count, l.months])).toEqual([
      ['副职', '11级', '助理社工师', 2, 12],
      ['正职', '9级', '社工师', 1, 12],
    ]);
    expect(store.roster.annex(id).map((a) => [a.seq, a.name, a.line, a.note])).toEqual([
      [1, '甲', 0, ''],
      [2, '乙', 0, ''],
      [4, '丁', 1, '等级“9”按“9级”'],
      [5, '戊', null, '指导价没有岗位“专职”（有：副职、正职）'],
    ]);

    // the workbook of the project carries the annex, ID masked; the export job gives the same file
    const file = await dispatch({ store }, 'excel.exportBudget', { projectId: id });
    expect(file.ok).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((file as { value: { base64: string } }).value.base64, 'base64') as unknown as ArrayBuffer);
    const annex = wb.getWorksheet('名册附表')!;
    expect(annex.getRow(3).getCell(3).value).toBe('甲');
    expect(annex.getRow(3).getCell(4).value).toBe('110***********1237');
    expect(annex.getRow(5).getCell(9).value).toEqual({ formula: "'人员经费明细'!A4", result: 2 });
    expect(annex.getRow(6).getCell(11).value).toBe('未计入预算：指导价没有岗位“专职”（有：副职、正职）');

    // deleting the project deletes its annex
    await dispatch({ store }, 'projects.delete', { id });
    expect(store.roster.annex(id)).toEqual([]);
  });

  it('writes nothing when the project is refused, and refuses a selection nobody in which can be priced', async () => {
    const { store, guideId, contributionSetId } = setUp();
    const fields = { filter: street, guideId, contributionSetId, periodStart: '2026-01', periodMonths: 12 };
    expect(await dispatch({ store }, 'roster.toProject', { ...fields, name: '已有' })).toMatchObject({ ok: true });
    // the same name again: the project repository refuses it, and no second annex is left behind
    const again = await dispatch({ store }, 'roster.toProject', { ...fields, name: '已有' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(store.projects.list()).toHaveLength(1);
    expect(store.roster.annex(store.projects.list()[0]!.id)).toHaveLength(4);
    const none = await dispatch({ store }, 'roster.toProject', { ...fields, filter: { ...street, postType: '专职' }, name: '专职' });
    expect(none).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', problems: [{ path: 'filter' }] } });
    expect(store.projects.list()).toHaveLength(1);
    // a period before the guide's first version is refused on periodStart
    const early = await dispatch({ store }, 'roster.projectPreview', { ...fields, periodStart: '2025-06' });
    expect(early).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', problems: [{ path: 'periodStart' }] } });
  });
});

describe('the sample roster on the sample 三岗十八级 guide', () => {
  it('a new store prices all 30 sample workers: 20 lines, nobody left out', async () => {
    // a new store, seeded with the sample guide, contribution sets and roster (示例数据)
    const store = PaybenchStore.open(tempDbFile());
    stores.push(store);
    const guideId = store.guides.findByName(THREE_POSTS)!.id;
    const contributionSetId = store.contributionSets.findByName(JILIN_SAMPLE)!.id;
    const all = { district: null, street: null, community: null, certificate: null, postType: null, name: null };
    const fields = { filter: all, guideId, contributionSetId, periodStart: '2027-01', periodMonths: 12 };
    const preview = await dispatch({ store }, 'roster.projectPreview', fields);
    if (!preview.ok) throw new Error(preview.error.message);
    const { people, priced, unpricedCount, lines } = preview.value as RosterStaffPreview;
    expect([people, priced, unpricedCount]).toEqual([30, 30, 0]);
    // The sample rows (db/sampleData.ts sampleRoster, 序号 in brackets), one line per 岗位 × 等级 × 证书,
    // in the guide's order (正职, 副职, 一般工作人员; levels up), no certificate before 助理 < 社工师 < 高级.
    // 社会工作员 is no certificate the guide pays for: priced without an allowance, on the line with 无.
    expect(lines.map((l) => [l.post, l.grade, l.qualification ?? '', l.count])).toEqual([
      ['正职', '10级', '助理社工师', 1], // [26]
      ['正职', '12级', '社工师', 2], // [11] [21]
      ['正职', '13级', '社工师', 1], // [16]
      ['正职', '14级', '社工师', 1], // [1]
      ['正职', '15级', '高级社工师', 1], // [6]
      ['副职', '7级', '助理社工师', 1], // [17]
      ['副职', '8级', '助理社工师', 2], // [12] [22]
      ['副职', '9级', '助理社工师', 1], // [7]
      ['副职', '10级', '助理社工师', 1], // [2]
      ['副职', '12级', '高级社工师', 1], // [25]
      ['一般工作人员', '1级', '', 2], // [10] [19]
      ['一般工作人员', '2级', '', 2], // [4] [29]
      ['一般工作人员', '4级', '助理社工师', 1], // [14]
      ['一般工作人员', '5级', '', 1], // [15] 社会工作员
      ['一般工作人员', '5级', '助理社工师', 1], // [27]
      ['一般工作人员', '6级', '助理社工师', 1], // [3]
      ['一般工作人员', '6级', '社工师', 2], // [8] [23]
      ['一般工作人员', '7级', '', 3], // [9] [18] [28]
      ['一般工作人员', '8级', '', 3], // [5] 社会工作员, [13], [24] 社会工作员
      ['一般工作人员', '9级', '', 2], // [20], [30] 社会工作员
    ]);
    // 正职 6 + 副职 6 + 一般工作人员 18 = 30
    expect(lines.reduce((n, l) => n + l.count, 0)).toBe(30);

    const created = await dispatch({ store }, 'roster.toProject', { ...fields, name: '示例区全体社工 2027' });
    if (!created.ok) throw new Error(created.error.message);
    const annex = store.roster.annex((created.value as { projectId: number }).projectId);
    expect(annex).toHaveLength(30);
    expect(annex.filter((a) => a.line === null)).toEqual([]);
  });
});
