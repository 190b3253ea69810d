import { designExample } from '../../support/specs';
import { encodeGbk, encodeUtf16 } from '../craft';
import type { CorpusCase, CorpusExpect } from '../types';

/**
 * Budget spec files (`paybench budget SPEC.json`, projects.compute; docs/design.md §Budget spec) as users and
 * attackers hand them over: broken JSON, other encodings, keys given twice, runaway nesting, wrong types, numbers
 * out of every range of src/core/spec/fields.ts (LIMITS). Each refused case must exit 2 with `where: message`
 * naming the field; none may reach the arithmetic as an engine error. The few accepted cases show that the
 * encodings a Chinese desktop writes are read, not turned into mojibake. (test/core/spec/corpusSpecs.test.ts
 * reads the same cases in process.)
 */
type Spec = Record<string, unknown> & {
  staff: Record<string, unknown>[];
  costs: Record<string, unknown>[];
  payGuide: Record<string, unknown> & { rows: Record<string, unknown>[] };
  contributions: Record<string, unknown> & { items: Record<string, unknown>[]; levies: Record<string, unknown>[] };
};

/** The example of docs/design.md with one thing changed. */
function specWith(change: (s: Spec) => void): Spec {
  const s = designExample() as unknown as Spec;
  change(s);
  return s;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const exampleText = () => json(designExample());

/** The example's JSON text with a raw fragment spliced in after the first `{` (for what JSON.stringify cannot write). */
const spliced = (fragment: string) => exampleText().replace('{', `{${fragment},`);
/** The example's text with one literal replaced (for numbers JSON.stringify would normalise). */
const replaced = (from: string, to: string) => {
  const text = exampleText();
  if (!text.includes(from)) throw new Error(`corpus: "${from}" not in the example`);
  return text.replace(from, to);
};

const COUNT = /必须是正数，须在 0\.01 到 10000 之间，最多两位小数/;
const RATE = /必须是 0 到 1 之间（不含 1）/;
const MONEY = /金额（元）须在 0 到 100 亿之间/;
const MONEY_FORMAT = /必须是不小于 0、最多两位小数的金额/;
const UNIT_PRICE_FORMAT = /必须是不小于 0、最多四位小数的单价/;
const JSON_SYNTAX = /不是有效的 JSON：第 \d+ 行第 \d+ 列/;
const ENCODING = /无法识别文件编码/;

interface Case {
  name: string;
  about: string;
  /** the file's bytes, or UTF-8 text; a function for the large ones, made when the case runs */
  file: string | Uint8Array | (() => string | Uint8Array);
  expect: CorpusExpect;
}

const refused = (where: string | RegExp, message: RegExp): CorpusExpect => ({ ok: false, where, message });

const cases: Case[] = [
  // —— the file as a whole: empty, not JSON, not text ——
  { name: 'empty', about: 'a file of zero bytes', file: '', expect: refused('(root)', /文件是空的/) },
  { name: 'whitespace', about: 'only blanks and line breaks', file: ' \r\n\t\n', expect: refused('(root)', /文件是空的/) },
  { name: 'truncated', about: 'JSON cut off after a comma', file: '{ "version": 1,', expect: refused('(root)', /文件意外结束/) },
  { name: 'trailing-comma', about: 'a comma before the closing brace', file: exampleText().replace(/\n}$/, ',\n}'), expect: refused('(root)', JSON_SYNTAX) },
  { name: 'comment', about: 'a // comment, which JSON has not', file: `// 预算\n${exampleText()}`, expect: refused('(root)', JSON_SYNTAX) },
  { name: 'single-quotes', about: 'keys in single quotes', file: "{'version': 1}", expect: refused('(root)', /意外的字符“'”/) },
  { name: 'nan', about: 'NaN as a count', file: replaced('"count": 6', '"count": NaN'), expect: refused('(root)', /意外的字符“N”/) },
  { name: 'infinity', about: 'Infinity as a count', file: replaced('"count": 6', '"count": Infinity'), expect: refused('(root)', /意外的字符“I”/) },
  { name: 'hex-number', about: '0x18 as a quantity', file: replaced('"quantity": 24', '"quantity": 0x18'), expect: refused('(root)', /意外的字符“x”/) },
  {
    name: 'leading-zero',
    about: '012 months',
    file: replaced('"months": 12,\n      "bonusMonths"', '"months": 012,\n      "bonusMonths"'),
    expect: refused('(root)', /意外的字符“1”/),
  },
  {
    name: 'control-char',
    about: 'a raw tab inside a name',
    file: replaced('"name": "某街道', '"name": "某\t街道'),
    expect: refused('(root)', /未转义的控制字符/),
  },
  { name: 'bad-escape', about: '\\x41 in a string', file: replaced('"name": "某街道', '"name": "\\x41某街道'), expect: refused('(root)', /无效的转义字符/) },
  { name: 'two-documents', about: 'two objects one after the other', file: `${exampleText()}\n${exampleText()}`, expect: refused('(root)', /意外的字符“\{”/) },

  // —— encodings ——
  {
    name: 'latin1',
    about: 'a purchaser saved as Latin-1 (Café): neither UTF-8 nor GBK',
    file: Uint8Array.from([...utf8('{"version": 1, "purchaser": "Caf'), 0xe9, ...utf8('"}')]),
    expect: refused('(root)', ENCODING),
  },
  {
    name: 'lone-ff',
    about: 'a stray 0xFF byte in the text',
    file: Uint8Array.from([...utf8('{"version":1,"name":"'), 0xff, ...utf8('"}')]),
    expect: refused('(root)', ENCODING),
  },
  {
    name: 'utf8-bom-invalid',
    about: 'a UTF-8 byte-order mark, then bytes that are not UTF-8',
    file: Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('{"name":"'), 0xc0, 0x80, ...utf8('"}')]),
    expect: refused('(root)', /UTF-8 字节序标记开头，但内容不是有效的 UTF-8/),
  },
  {
    name: 'utf16-bom-invalid',
    about: 'a UTF-16 LE mark, then half a surrogate pair',
    file: Uint8Array.from([0xff, 0xfe, 0x7b, 0x00, 0x00, 0xd8, 0x7d, 0x00]),
    expect: refused('(root)', /UTF-16 LE 字节序标记开头/),
  },
  {
    name: 'utf32',
    about: 'UTF-32 LE with its mark',
    file: Uint8Array.from([0xff, 0xfe, 0x00, 0x00, 0x7b, 0, 0, 0, 0x7d, 0, 0, 0]),
    expect: refused('(root)', /UTF-32/),
  },
  {
    name: 'xlsx-as-spec',
    about: 'a workbook picked instead of the spec',
    file: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
    expect: refused('(root)', /ZIP 压缩包/),
  },
  { name: 'pdf-as-spec', about: 'a PDF picked instead of the spec', file: '%PDF-1.7\n%âãÏÓ', expect: refused('(root)', /PDF 文件/) },
  {
    name: 'nul-byte',
    about: 'a zero byte inside the text',
    file: Uint8Array.from([...utf8('{"version":1,'), 0x00, ...utf8('}')]),
    expect: refused('(root)', /空字符/),
  },
  {
    name: 'gbk-bad-count',
    about: 'a GBK file (read as Chinese, not mojibake) whose head count is -1',
    file: encodeGbk(json(specWith((s) => (s.staff[0]!.count = -1)))),
    expect: refused('staff[0].count', COUNT),
  },
  {
    name: 'utf16le-bad-rate',
    about: 'UTF-16 LE with its mark (Notepad “Unicode”), management fee 100 %',
    file: encodeUtf16(json(specWith((s) => (s.managementFee = { rate: '1' }))), 'le', true),
    expect: refused('managementFee.rate', RATE),
  },
  {
    name: 'utf16be-bad-step',
    about: 'UTF-16 BE with its mark, step 0',
    file: encodeUtf16(json(specWith((s) => (s.staff[0]!.step = 0))), 'be', true),
    expect: refused('staff[0].step', /须为 1 到 100 之间的整数/),
  },
  {
    name: 'utf16le-no-bom-bad-date',
    about: 'UTF-16 LE without a mark, period 2026-13',
    file: encodeUtf16(json(specWith((s) => (s.period = { start: '2026-13', months: 12 }))), 'le', false),
    expect: refused('period.start', /必须是 1900 到 2100 年间的年月/),
  },

  // —— keys given twice (JSON.parse would keep the last, silently) ——
  { name: 'dup-name', about: 'the project name twice', file: spliced('"name": "另一个项目"'), expect: refused('name', /键“name”在同一对象中出现两次/) },
  {
    name: 'dup-version',
    about: 'version 2 then version 1',
    file: replaced('"version": 1,', '"version": 2,\n  "version": 1,'),
    expect: refused('version', /键“version”/),
  },
  {
    name: 'dup-count',
    about: 'a head count written twice: 6 then 600',
    file: replaced('"count": 6,', '"count": 6,\n      "count": 600,'),
    expect: refused('staff[0].count', /键“count”/),
  },
  {
    name: 'dup-guide-monthly',
    about: 'a guide cell’s monthly amount twice',
    file: replaced('"monthly": "6500.00"', '"monthly": "6500.00",\n          "monthly": "65000.00"'),
    expect: refused('payGuide.rows[0].monthly', /键“monthly”/),
  },
  { name: 'dup-vat', about: 'VAT given twice', file: replaced('"vat": "0.03",', '"vat": "0.03",\n    "vat": "0.13",'), expect: refused('tax.vat', /键“vat”/) },
  {
    name: 'utf8-bom-dup',
    about: 'UTF-8 with a mark and a key twice: the mark is read, the duplicate refused',
    file: Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(spliced('"notes": "a", "notes": "b"'))]),
    expect: refused('notes', /键“notes”/),
  },

  // —— nesting ——
  {
    name: 'deep-arrays',
    about: 'notes nested 100 arrays deep',
    file: spliced(`"notes": ${'['.repeat(100)}${']'.repeat(100)}`),
    expect: refused('notes[0][0]…', /嵌套超过 64 层/),
  },
  {
    name: 'deep-objects',
    about: 'an unknown field nested 10,000 objects deep',
    file: () => spliced(`"extra": ${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`),
    expect: refused('extra.a.a…', /嵌套超过 64 层/),
  },
  {
    name: 'deep-unknown-ok-depth',
    about: 'an unknown field 20 levels deep: the unknown field is named',
    file: spliced(`"extra": ${'{"a":'.repeat(20)}1${'}'.repeat(20)}`),
    expect: refused('(root)', /未知字段 \/ unknown field: extra/),
  },

  // —— wrong types ——
  { name: 'root-array', about: 'a list instead of an object', file: '[]', expect: refused('(root)', /必须是对象/) },
  { name: 'root-string', about: 'a string instead of an object', file: '"预算"', expect: refused('(root)', /必须是对象/) },
  { name: 'root-null', about: 'null', file: 'null', expect: refused('(root)', /必须是对象/) },
  { name: 'version-text', about: 'version "1" as text', file: json(specWith((s) => (s.version = '1'))), expect: refused('version', /version 必须是 1/) },
  {
    name: 'version-3',
    about: 'a version this program does not know (1 and 2 are known)',
    file: json(specWith((s) => (s.version = 3))),
    expect: refused('version', /version 必须是 1/),
  },
  { name: 'name-number', about: 'a number as the name', file: json(specWith((s) => (s.name = 2026))), expect: refused('name', /必须是文本/) },
  { name: 'name-blank', about: 'a name of blanks', file: json(specWith((s) => (s.name = '   '))), expect: refused('name', /不能为空/) },
  {
    name: 'staff-object',
    about: 'staff as an object, not a list',
    file: json(specWith((s) => (s.staff = {} as never))),
    expect: refused('staff', /必须是数组/),
  },
  {
    name: 'staff-null-line',
    about: 'a staff line that is null',
    file: json(specWith((s) => (s.staff = [null as never]))),
    expect: refused('staff[0]', /必须是对象/),
  },
  { name: 'count-text', about: 'a head count as text "6"', file: json(specWith((s) => (s.staff[0]!.count = '6'))), expect: refused('staff[0].count', COUNT) },
  { name: 'count-boolean', about: 'a head count of true', file: json(specWith((s) => (s.staff[0]!.count = true))), expect: refused('staff[0].count', COUNT) },
  {
    name: 'monthly-number',
    about: 'a guide amount as a JSON number',
    file: json(specWith((s) => (s.payGuide.rows[0]!.monthly = 6500))),
    expect: refused('payGuide.rows[0].monthly', /必须是金额文本/),
  },
  {
    name: 'rate-number',
    about: 'a contribution rate as a JSON number',
    file: json(specWith((s) => (s.contributions.items[0]!.rate = 0.16))),
    expect: refused('contributions.items[0].rate', /必须是比例文本/),
  },
  {
    name: 'tax-method',
    about: 'an unknown tax method',
    file: json(specWith((s) => (s.tax = { method: 'vat', rate: '0.03' }))),
    expect: refused('tax.method', /必须是 "gross-up" 或 "simple"/),
  },
  {
    name: 'payguide-array',
    about: 'payGuide as a list',
    file: json(specWith((s) => (s.payGuide = [] as never))),
    expect: refused('payGuide', /须为 \{ "ref": 名称 \} 或完整的指导价/),
  },
  {
    name: 'payguide-empty',
    about: 'payGuide {}',
    file: json(specWith((s) => (s.payGuide = {} as never))),
    expect: refused('payGuide', /须为 \{ "ref": 名称 \} 或完整的指导价/),
  },
  {
    name: 'payguide-ref-number',
    about: 'payGuide { "ref": 5 }',
    file: json(specWith((s) => (s.payGuide = { ref: 5 } as never))),
    expect: refused('payGuide.ref', /必须是文本/),
  },
  {
    name: 'proto-key',
    about: 'a "__proto__" key at the top',
    file: spliced('"__proto__": { "polluted": true }'),
    expect: refused('(root)', /未知字段 \/ unknown field: __proto__/),
  },
  {
    name: 'unknown-field',
    about: 'a field spec v1 does not have',
    file: json(specWith((s) => (s.budgetYear = 2026))),
    expect: refused('(root)', /未知字段 \/ unknown field: budgetYear/),
  },
  {
    name: 'staff-typo',
    about: 'cnt instead of count',
    file: json(specWith((s) => (s.staff[0]!.cnt = 6))),
    expect: refused('staff[0]', /未知字段 \/ unknown field: cnt/),
  },

  // —— every number in its range ——
  { name: 'count-zero', about: 'a line of 0 people', file: json(specWith((s) => (s.staff[0]!.count = 0))), expect: refused('staff[0].count', COUNT) },
  { name: 'count-negative', about: '-2 people', file: json(specWith((s) => (s.staff[0]!.count = -2))), expect: refused('staff[0].count', COUNT) },
  { name: 'count-1e-30', about: '1e-30 people, once priced as 0.00', file: replaced('"count": 6', '"count": 1e-30'), expect: refused('staff[0].count', COUNT) },
  {
    name: 'count-1e-12',
    about: '1e-12 people, once kept with 12 decimals',
    file: replaced('"count": 6', '"count": 1e-12'),
    expect: refused('staff[0].count', COUNT),
  },
  {
    name: 'count-1e21',
    about: '1e21 people, once a raw "not a decimal number" error',
    file: replaced('"count": 6', '"count": 1e21'),
    expect: refused('staff[0].count', COUNT),
  },
  { name: 'count-1e400', about: 'a count that overflows a double', file: replaced('"count": 6', '"count": 1e400'), expect: refused('staff[0].count', COUNT) },
  { name: 'count-minus-zero', about: '-0 people', file: replaced('"count": 6', '"count": -0'), expect: refused('staff[0].count', COUNT) },
  { name: 'count-three-decimals', about: '0.001 people', file: json(specWith((s) => (s.staff[0]!.count = 0.001))), expect: refused('staff[0].count', COUNT) },
  {
    name: 'count-over',
    about: '10,000.01 people on one line',
    file: json(specWith((s) => (s.staff[0]!.count = 10000.01))),
    expect: refused('staff[0].count', COUNT),
  },
  {
    name: 'line-months-half',
    about: 'a line paid 0.5 months',
    file: json(specWith((s) => (s.staff[0]!.months = 0.5))),
    expect: refused('staff[0].months', /须在 1 到 600 之间/),
  },
  {
    name: 'line-months-1e6',
    about: 'a line paid a million months',
    file: json(specWith((s) => (s.staff[0]!.months = 1e6))),
    expect: refused('staff[0].months', /须在 1 到 600 之间/),
  },
  {
    name: 'period-1e9',
    about: 'a period of 1e9 months',
    file: json(specWith((s) => (s.period = { start: '2026-01', months: 1e9 }))),
    expect: refused('period.months', /须为 1 到 600 之间的整数/),
  },
  {
    name: 'period-zero',
    about: 'a period of 0 months',
    file: json(specWith((s) => (s.period = { start: '2026-01', months: 0 }))),
    expect: refused('period.months', /须为 1 到 600 之间的整数/),
  },
  {
    name: 'period-fraction',
    about: 'a period of 12.5 months',
    file: json(specWith((s) => (s.period = { start: '2026-01', months: 12.5 }))),
    expect: refused('period.months', /须为 1 到 600 之间的整数/),
  },
  {
    name: 'bonus-25',
    about: '25 bonus months',
    file: json(specWith((s) => (s.staff[0]!.bonusMonths = 25))),
    expect: refused('staff[0].bonusMonths', /须在 0 到 24 之间/),
  },
  {
    name: 'salary-20-digits',
    about: 'a monthly pay of 20 digits',
    file: json(specWith((s) => (s.payGuide.rows[0]!.monthly = '12345678901234567890'))),
    expect: refused('payGuide.rows[0].monthly', MONEY),
  },
  {
    name: 'salary-400-digits',
    about: 'a monthly pay of 400 digits',
    file: json(specWith((s) => (s.payGuide.rows[0]!.monthly = '9'.repeat(400)))),
    expect: refused('payGuide.rows[0].monthly', MONEY),
  },
  {
    name: 'agreed-pay-over',
    about: 'an agreed pay of 100 亿 and one fen',
    file: json(specWith((s) => (s.staff[0]!.monthly = '10000000000.01'))),
    expect: refused('staff[0].monthly', MONEY),
  },
  {
    name: 'salary-three-decimals',
    about: '6500.001 yuan',
    file: json(specWith((s) => (s.payGuide.rows[0]!.monthly = '6500.001'))),
    expect: refused('payGuide.rows[0].monthly', MONEY_FORMAT),
  },
  {
    name: 'salary-negative',
    about: '-6500 yuan',
    file: json(specWith((s) => (s.payGuide.rows[0]!.monthly = '-6500.00'))),
    expect: refused('payGuide.rows[0].monthly', MONEY_FORMAT),
  },
  {
    name: 'unit-price-exponent',
    about: 'a unit price written 1e5',
    file: json(specWith((s) => (s.costs[0]!.unitPrice = '1e5'))),
    expect: refused('costs[0].unitPrice', UNIT_PRICE_FORMAT),
  },
  {
    name: 'unit-price-separators',
    about: 'a unit price written 1,000.00',
    file: json(specWith((s) => (s.costs[0]!.unitPrice = '1,000.00'))),
    expect: refused('costs[0].unitPrice', UNIT_PRICE_FORMAT),
  },
  {
    name: 'quantity-over',
    about: '10 million activities',
    file: json(specWith((s) => (s.costs[0]!.quantity = 1e7))),
    expect: refused('costs[0].quantity', /须在 0 到 100 万之间/),
  },
  {
    name: 'times-zero',
    about: 'a cost line repeated 0 times',
    file: json(specWith((s) => (s.costs[0]!.times = 0))),
    expect: refused('costs[0].times', /须在 0\.01 到 10000 之间/),
  },
  {
    name: 'vat-1',
    about: 'VAT 100 %',
    file: json(specWith((s) => (s.tax = { method: 'gross-up', vat: '1', surcharge: '0.12' }))),
    expect: refused('tax.vat', RATE),
  },
  {
    name: 'vat-1-surcharge-1',
    about: 'VAT 1 and surcharge 1, once a division by zero',
    file: json(specWith((s) => (s.tax = { method: 'gross-up', vat: '1', surcharge: '1' }))),
    expect: refused('tax.vat', RATE),
  },
  {
    name: 'vat-99-surcharge-1',
    about: 'VAT 0.99 and surcharge 1, once a 143-trillion total',
    file: json(specWith((s) => (s.tax = { method: 'gross-up', vat: '0.99', surcharge: '1' }))),
    expect: refused('tax.surcharge', RATE),
  },
  {
    name: 'surcharge-150',
    about: 'surcharge 1.5',
    file: json(specWith((s) => (s.tax = { method: 'gross-up', vat: '0.03', surcharge: '1.5' }))),
    expect: refused('tax.surcharge', RATE),
  },
  {
    name: 'simple-rate-1',
    about: 'a simple tax of 100 %',
    file: json(specWith((s) => (s.tax = { method: 'simple', rate: '1' }))),
    expect: refused('tax.rate', RATE),
  },
  {
    name: 'management-1',
    about: 'a management fee of 100 %',
    file: json(specWith((s) => (s.managementFee = { rate: '1.00' }))),
    expect: refused('managementFee.rate', RATE),
  },
  {
    name: 'pension-1',
    about: 'a pension rate of 100 %',
    file: json(specWith((s) => (s.contributions.items[0]!.rate = '1'))),
    expect: refused('contributions.items[0].rate', RATE),
  },
  {
    name: 'levy-2',
    about: 'a levy of 200 %',
    file: json(specWith((s) => (s.contributions.levies[0]!.rate = '2'))),
    expect: refused('contributions.levies[0].rate', RATE),
  },
  {
    name: 'rate-nine-decimals',
    about: 'a rate with 9 decimals',
    file: json(specWith((s) => (s.contributions.items[0]!.rate = '0.160000001'))),
    expect: refused('contributions.items[0].rate', RATE),
  },
  {
    name: 'min-labour-share-1',
    about: 'a labour-share minimum of 100 %',
    file: json(specWith((s) => (s.rules = { minLabourShare: '1.0' }))),
    expect: refused('rules.minLabourShare', RATE),
  },
  {
    name: 'floor-above-ceiling',
    about: 'a base floor above its ceiling',
    file: json(specWith((s) => (s.contributions.floor = '30000.00'))),
    expect: refused('contributions.floor', /下限不能高于上限/),
  },
  {
    name: 'ceiling-huge',
    about: 'a base ceiling of 30 digits',
    file: json(specWith((s) => (s.contributions.ceiling = '1'.repeat(30)))),
    expect: refused('contributions.ceiling', MONEY),
  },
  {
    name: 'start-1899',
    about: 'a period starting 1899-12',
    file: json(specWith((s) => (s.period = { start: '1899-12', months: 12 }))),
    expect: refused('period.start', /1900 到 2100 年间的年月/),
  },
  {
    name: 'date-feb-30',
    about: 'a guide effective 2026-02-30',
    file: json(specWith((s) => (s.payGuide.effectiveFrom = '2026-02-30'))),
    expect: refused('payGuide.effectiveFrom', /1900 到 2100 年间的日期/),
  },
  { name: 'step-101', about: 'step 101', file: json(specWith((s) => (s.staff[0]!.step = 101))), expect: refused('staff[0].step', /须为 1 到 100 之间的整数/) },
  {
    name: 'coefficient-over',
    about: 'a coefficient of 100.5 × the reference wage',
    file: json(
      specWith((s) => {
        s.payGuide.referenceWage = { name: '平均工资', amount: '120000.00', per: 'year' };
        s.payGuide.rows[0] = { post: '一线社工', grade: '社工师', step: 1, coefficient: '100.5' };
      }),
    ),
    expect: refused('payGuide.rows[0].coefficient', /系数须在 0 到 100 之间/),
  },
  {
    name: 'wage-huge',
    about: 'a reference wage of 11 nines',
    file: json(specWith((s) => (s.payGuide.referenceWage = { name: '平均工资', amount: '99999999999' }))),
    expect: refused('payGuide.referenceWage.amount', MONEY),
  },
  {
    name: 'posts-min-above-max',
    about: 'a post range 5 to 2',
    file: json(specWith((s) => (s.rules = { posts: { min: 5, max: 2 } }))),
    expect: refused('rules.posts.min', /岗位下限不能高于上限/),
  },
  {
    name: 'posts-huge',
    about: 'a post range up to 2,000,000',
    file: json(specWith((s) => (s.rules = { posts: { min: 1, max: 2e6 } }))),
    expect: refused('rules.posts.max', /须在 0 到 100 万之间/),
  },
  {
    name: 'bought-posts-zero',
    about: '0 posts bought',
    file: json(specWith((s) => (s.purchaseByPost = { pricePerPostYear: '90000.00', posts: 0 }))),
    expect: refused('purchaseByPost.posts', /须在 0\.01 到 100 万之间/),
  },
  {
    name: 'post-price-huge',
    about: 'a post price of 2 × 10^10',
    file: json(specWith((s) => (s.purchaseByPost = { pricePerPostYear: '20000000000' }))),
    expect: refused('purchaseByPost.pricePerPostYear', MONEY),
  },

  // —— text and list lengths ——
  {
    name: 'name-201',
    about: 'a name of 201 characters',
    file: json(specWith((s) => (s.name = '项'.repeat(201)))),
    expect: refused('name', /不能超过 200 个字符/),
  },
  {
    name: 'notes-2001',
    about: 'notes of 2,001 characters',
    file: json(specWith((s) => (s.notes = '注'.repeat(2001)))),
    expect: refused('notes', /不能超过 2000 个字符/),
  },
  {
    name: 'notes-half-megabyte',
    about: 'notes of half a million characters',
    file: () => json(specWith((s) => (s.notes = 'x'.repeat(500_000)))),
    expect: refused('notes', /不能超过 2000 个字符/),
  },
  {
    name: 'extras-51',
    about: '51 extra monthly items on one line',
    file: json(specWith((s) => (s.staff[0]!.extras = Array.from({ length: 51 }, (_, i) => ({ name: `补贴${i + 1}`, monthly: '10.00' }))))),
    expect: refused('staff[0].extras', /最多 50 项/),
  },
  {
    name: 'allowances-201',
    about: '201 certificate allowances',
    file: json(specWith((s) => (s.payGuide.allowances = Array.from({ length: 201 }, (_, i) => ({ qualification: `证书${i}`, monthly: '1.00' }))))),
    expect: refused('payGuide.allowances', /最多 200 项/),
  },
  {
    name: 'staff-100001',
    about: '100,001 staff lines (the smallest line, under 2 MB): refused before any line is read',
    file: () =>
      `{"version":1,"name":"p","period":{"start":"2026-01","months":12},"payGuide":{"ref":"g"},"contributions":{"floor":"0","ceiling":"0"},"staff":[${Array.from({ length: 100_001 }, () => '{}').join(',')}]}`,
    expect: refused('staff', /最多 100,000 项/),
  },

  // —— valid JSON, valid fields, a budget that cannot be priced ——
  {
    name: 'no-guide-cell',
    about: 'a line whose grade the guide has not',
    file: json(specWith((s) => (s.staff[0]!.grade = '高级社工师'))),
    expect: refused('staff[0]', /中没有 一线社工\/高级社工师\/1档/),
  },
  {
    name: 'duplicate-guide-row',
    about: 'the same guide cell twice',
    file: json(specWith((s) => s.payGuide.rows.push({ ...s.payGuide.rows[0]! }))),
    expect: refused('payGuide.rows[1]', /岗位\/等级\/档次重复/),
  },
  {
    name: 'coefficient-without-wage',
    about: 'a coefficient cell and no reference wage',
    file: json(specWith((s) => (s.payGuide.rows[0] = { post: '一线社工', grade: '社工师', step: 1, coefficient: '1.2' }))),
    expect: refused('payGuide.rows[0].coefficient', /需要指导价给出参考工资/),
  },
  {
    name: 'row-both',
    about: 'a guide row with monthly and coefficient',
    file: json(specWith((s) => (s.payGuide.rows[0]!.coefficient = '1.2'))),
    expect: refused('payGuide.rows[0]', /之一/),
  },
  { name: 'rows-empty', about: 'a guide with no rows', file: json(specWith((s) => (s.payGuide.rows = []))), expect: refused('payGuide.rows', /至少要有一行/) },
  {
    name: 'guide-typo',
    about: 'payGuide.row instead of rows',
    file: json(specWith((s) => (s.payGuide.row = []))),
    expect: refused('payGuide', /未知字段 \/ unknown field: row/),
  },

  // —— accepted: what a Chinese desktop writes is read as written ——
  { name: 'ok-gbk', about: 'the example saved as GBK (Excel/WPS on a Chinese Windows)', file: encodeGbk(exampleText()), expect: { ok: true, count: 1 } },
  {
    name: 'ok-utf8-bom',
    about: 'the example as UTF-8 with a byte-order mark',
    file: Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(exampleText())]),
    expect: { ok: true, count: 1 },
  },
  { name: 'ok-utf16le', about: 'the example as UTF-16 LE with its mark', file: encodeUtf16(exampleText(), 'le', true), expect: { ok: true, count: 1 } },
  { name: 'ok-utf16be', about: 'the example as UTF-16 BE with its mark', file: encodeUtf16(exampleText(), 'be', true), expect: { ok: true, count: 1 } },
];

export const specCases: CorpusCase[] = cases.map((c) => ({
  name: c.name,
  kind: 'budgetSpec',
  fileName: `${c.name}.json`,
  about: c.about,
  bytes: () => {
    const file = typeof c.file === 'function' ? c.file() : c.file;
    return typeof file === 'string' ? utf8(file) : file;
  },
  expect: c.expect,
}));
