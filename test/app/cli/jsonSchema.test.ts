import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, budgetSpecJsonSchemaText } from '../../../src/app/tools/writeJsonSchema';

describe('docs/budget-spec.schema.json', () => {
  it('is current with src/core/spec/budgetSpec.ts (regenerate with `npm run schema`)', () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(budgetSpecJsonSchemaText());
  });

  it('describes spec v1: money as strings, unknown fields refused, both payGuide forms', () => {
    // one of spec v1 and spec v2 (docs/design.md §Budget spec); the first is v1
    const schema = JSON.parse(budgetSpecJsonSchemaText()).oneOf[0];
    expect(schema.properties.version.const).toBe(1);
    expect(schema.required).toEqual(expect.arrayContaining(['version', 'name', 'period', 'payGuide', 'contributions']));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.payGuide.anyOf).toHaveLength(2);
    expect(schema.properties.costs.items.properties.unitPrice.type).toBe('string');
  });

  it('describes spec v2: dated guide versions and a list of dated contribution sets', () => {
    const v2 = JSON.parse(budgetSpecJsonSchemaText()).oneOf[1];
    expect(v2.properties.version.const).toBe(2);
    expect(v2.properties.payGuide.anyOf).toHaveLength(3);
    expect(v2.properties.contributions.anyOf).toHaveLength(2);
  });
});
