import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { budgetSpecSchema } from '../../core/spec/budgetSpec';

/**
 * docs/budget-spec.schema.json: the JSON Schema of spec (v1 and v2) generated from the same zod schema the
 * CLI and the API validate with, so editors can check a spec file while it is written.
 * Run `npm run schema` after changing src/core/spec/budgetSpec.ts; a test fails while the file is stale.
 */
export const SCHEMA_FILE = fileURLToPath(new URL('../../../docs/budget-spec.schema.json', import.meta.url));

export function budgetSpecJsonSchemaText(): string {
  const schema = z.toJSONSchema(budgetSpecSchema, { io: 'input', unrepresentable: 'any' });
  const document = {
    ...schema,
    $id: 'https://paybench.local/budget-spec.schema.json',
    title: 'Paybench 预算规格 v1/v2 / budget spec v1 and v2',
    description: '社工薪酬与购买服务预算：一个项目预算的 JSON 文件（金额与比例为字符串）。见 docs/design.md（Budget spec 一节）。',
  };
  return JSON.stringify(document, null, 2) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  fs.mkdirSync(new URL('../../../docs/', import.meta.url), { recursive: true });
  fs.writeFileSync(SCHEMA_FILE, budgetSpecJsonSchemaText());
  process.stdout.write(`已写出 ${SCHEMA_FILE}\n`);
}
