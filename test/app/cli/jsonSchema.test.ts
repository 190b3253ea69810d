import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, budgetSpecJsonSchemaText } from '../../../src/app/tools/writeJsonSchema';

describe('docs/budget-spec.schema.json', () => {
  it('is current with src/core/spec/budgetSpec.ts (regenerate with `npm run schema`)', () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(budgetSpecJsonSchemaText());
  });

  it('describes spec v1: money as strings, unknown fields refused, both payGuide forms', () => {
    const schema = JSON.parse(budgetSpecJsonSchemaText());
    expect(schema.required).toEqual(expect.arrayContaining(['version', 'name', 'period', 'payGuide', 'contributions']));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.payGuide.anyOf).toHaveLength(2);
    expect(schema.properties.costs.items.properties.unitPrice.type).toBe('string');
  });
});
