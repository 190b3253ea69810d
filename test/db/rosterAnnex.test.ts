import { describe, expect, it } from 'vitest';
import type { AnnexRow } from '../../db/repos/roster';
import { PaybenchStore } from '../../db/store';
import { tempDbFile } from './tempDb';

/**
 * 名册附表 (migration 010) in a real SQLite file: stored in one transaction with its project, kept as
 * the roster was (an import after it changes nothing), gone with the project.
 */
function setUp() {
  const store = PaybenchStore.open(tempDbFile(), { seed: false });
  const guide = store.guides.create({
    name: '指导价',
    versions: [{ label: '2026 版', effectiveFrom: '2026-01-01', cells: [{ post: '副职', grade: '11级', amount: '7700.00' }] }],
  });
  const set = store.contributionSets.create({ city: '测试市', name: '社保', effectiveFrom: '2026-01-01', floor: '5000.00', ceiling: '30000.00' });
  const project = (name: string) => ({
    name,
    periodStart: '2026-01',
    periodMonths: 12,
    guideId: guide.id,
    contributionSetId: set.id,
    staff: [{ post: '副职', grade: '11级', count: 1, months: 12 }],
  });
  return { store, project };
}

const annex: AnnexRow[] = [
  {
    workerId: 7,
    seq: 1,
    name: '甲',
    idNumber: '110101199001011237',
    postType: '副职',
    postLevel: '11级',
    step: null,
    certificate: '无',
    line: 0,
    lineKey: { post: '副职', grade: '11级', step: 1, qualification: null },
    note: '',
  },
  {
    workerId: 8,
    seq: 2,
    name: '乙',
    idNumber: null,
    postType: '专职',
    postLevel: '16级',
    step: 2,
    certificate: null,
    line: null,
    lineKey: null,
    note: '指导价没有岗位“专职”（有：副职）',
  },
];

describe('名册附表 in the store', () => {
  it('is stored with its project and read back as written; deleting the project deletes it', () => {
    const { store, project } = setUp();
    try {
      const p = store.roster.createWithAnnex(() => store.projects.create(project('甲项目')), annex);
      expect(store.roster.annex(p.id)).toEqual(annex);
      // the roster replaced afterwards: the annex keeps the workers as they were priced
      store.roster.replaceAll([]);
      expect(store.roster.annex(p.id)).toEqual(annex);
      store.projects.delete(p.id);
      expect(store.roster.annex(p.id)).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('a refusal after the project was written (its pricing, a bad annex row) leaves neither project nor annex', () => {
    const { store, project } = setUp();
    try {
      expect(() =>
        store.roster.createWithAnnex(
          () => store.projects.create(project('乙项目')),
          annex,
          () => {
            throw new Error('无法计价');
          },
        ),
      ).toThrow('无法计价');
      expect(() => store.roster.createWithAnnex(() => store.projects.create(project('丙项目')), [{ ...annex[0]!, lineKey: null }])).toThrow(/annex\[0\]\.line/);
      expect(store.projects.list()).toEqual([]);
      expect((store.db.prepare('SELECT COUNT(*) AS n FROM project_roster_annex').get() as { n: number }).n).toBe(0);
    } finally {
      store.close();
    }
  });
});
