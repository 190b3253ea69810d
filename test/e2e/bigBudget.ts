import { PaybenchStore } from '../../db/store';

/** A 200-line copy of a stored project: 160 staff lines on its first line's cell and 40 cost lines. */
export function create200LineBudget(dbFile: string, baseId: number): number {
  const store = PaybenchStore.open(dbFile, { seed: false });
  try {
    const base = store.projects.get(baseId);
    const staff = Array.from({ length: 160 }, (_, i) => ({ ...base.staff[0]!, count: 1 + (i % 3), note: `第 ${i + 1} 人` }));
    const costs = Array.from({ length: 40 }, (_, i) => ({
      category: '服务活动',
      name: `活动 ${i + 1}`,
      unitPrice: `${100 + i}.50`,
      quantity: 1 + (i % 5),
      times: 1,
    }));
    const { id: _id, updatedAt: _u, ...rest } = base;
    return store.projects.create({ ...rest, name: '200 行预算', staff, costs, sample: false }).id;
  } finally {
    store.close();
  }
}
