import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaybenchStore } from '../../../db/store';
import { dispatch } from '../../../src/app/api/dispatch';
import { designExample } from '../../support/specs';

/** budget.fitTotal over a real SQLite file: the example of docs/design.md §Budget spec under a ceiling of 700,000.00. */
let dir: string;
let store: PaybenchStore;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-fit-api-'));
  store = PaybenchStore.open(path.join(dir, 'paybench.sqlite'));
});
afterAll(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('budget.fitTotal', () => {
  it('6 → 5.5 people: total 680,314.55, remainder 19,685.45 (arithmetic in test/app/cli/fitTotal.test.ts)', async () => {
    const r = await dispatch({ store }, 'budget.fitTotal', { spec: designExample(), ceiling: '700000.00', vary: 'staff[0].count' });
    expect(r).toMatchObject({ ok: true, value: { budget: { total: '680314.55' }, fit: { count: 5.5, remainder: '19685.45', maxManagementRate: '0.1112' } } });
  });

  it('a bad vary and a ceiling nothing fits are refused with their field', async () => {
    const bad = await dispatch({ store }, 'budget.fitTotal', { spec: designExample(), ceiling: '700000.00', vary: 'count' });
    expect(bad).toMatchObject({ ok: false, error: { problems: [{ path: 'vary' }] } });
    const none = await dispatch({ store }, 'budget.fitTotal', { spec: designExample(), ceiling: '1000.00' });
    expect(none).toMatchObject({ ok: false, error: { problems: [{ path: 'ceiling' }] } });
  });
});
