import { useMemo, useState } from 'react';
import { Checkbox, Modal, Radio, Select, Typography } from 'antd';
import { useMessages } from '../../i18n';
import { pasteMessages } from './messages';
import { readPastedBlock, valuesOfRows, type ColumnMapping, type PasteField } from './parse';

/**
 * The preview of a pasted block (docs/design.md §Data flow, "Paste"): each pasted column under a
 * picker of the field it fills (guessed, changeable), the first row taken as a header or not, every
 * cell the table's line check refuses in red with its message, then 添加 (append) or 替换 (replace).
 * Rows with errors are added too, marked in the table like any line being typed: nothing pasted is
 * silently dropped. The caller applies the rows as one undoable edit.
 */
export interface RowProblem<K extends string> {
  /** the field at fault, or null for the line as a whole */
  field: K | null;
  message: string;
}

export type PastedValues<K extends string> = Partial<Record<K, string>>;

export interface PasteRowsDialogProps<K extends string> {
  /** the pasted text; null while closed */
  text: string | null;
  /** the table's name as titled on the page (其他费用) */
  table: string;
  fields: readonly PasteField<K>[];
  /** the field of the box pasted into: a block without header fills from there */
  startField?: K | undefined;
  check(values: PastedValues<K>): RowProblem<K>[];
  onApply(rows: PastedValues<K>[], mode: 'append' | 'replace'): void;
  onClose(): void;
}

export default function PasteRowsDialog<K extends string>(p: PasteRowsDialogProps<K>) {
  // a fresh preview (guessed mapping) for every paste
  return p.text === null ? null : <Preview key={p.text} {...p} text={p.text} />;
}

const RED = '#fff2f0';
const cell: React.CSSProperties = { padding: '4px 6px', borderBottom: '1px solid #f0f0f0', verticalAlign: 'top', whiteSpace: 'nowrap' };

function Preview<K extends string>(p: PasteRowsDialogProps<K> & { text: string }) {
  const m = useMessages(pasteMessages);
  const guessed = useMemo(() => readPastedBlock(p.text, p.fields, p.startField), [p.text, p.fields, p.startField]);
  const [header, setHeader] = useState(guessed.header);
  const [mapping, setMapping] = useState<ColumnMapping<K>>(guessed.mapping);
  const [mode, setMode] = useState<'append' | 'replace'>('append');
  const values = useMemo(() => valuesOfRows({ rows: guessed.rows, header }, mapping, p.fields), [guessed.rows, header, mapping, p.fields]);
  const { check } = p;
  const problems = useMemo(() => values.map((v) => check(v)), [values, check]);
  const dataRows = guessed.rows.slice(header ? 1 : 0);
  const bad = problems.filter((x) => x.length > 0).length;
  const options = [{ value: '', label: m.ignore }, ...p.fields.map((f) => ({ value: f.key as string, label: f.label }))];

  return (
    <Modal
      open
      title={m.title(p.table)}
      width={960}
      okText={m.apply(values.length, mode)}
      cancelText={m.cancel}
      okButtonProps={{ disabled: values.length === 0, 'data-testid': 'paste-apply' }}
      onOk={() => {
        p.onApply(values, mode);
        p.onClose();
      }}
      onCancel={p.onClose}
      destroyOnHidden
    >
      <div data-testid="paste-preview">
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {m.hint}
        </Typography.Paragraph>
        <Checkbox checked={header} onChange={(e) => setHeader(e.target.checked)} style={{ marginBottom: 8 }} data-testid="paste-header">
          {m.headerRow}
        </Checkbox>
        <div style={{ overflow: 'auto', maxHeight: 360, border: '1px solid #f0f0f0' }}>
          <table style={{ borderCollapse: 'separate', borderSpacing: 0, fontSize: 13, width: '100%' }}>
            <thead>
              <tr style={{ background: '#fafafa' }}>
                <th style={cell}>{m.row}</th>
                {mapping.map((key, c) => (
                  <th key={c} style={{ ...cell, fontWeight: 500 }}>
                    <Select
                      size="small"
                      style={{ minWidth: 110 }}
                      popupMatchSelectWidth={false}
                      value={key ?? ''}
                      options={options}
                      aria-label={m.column(c + 1)}
                      data-testid="paste-column"
                      onChange={(v: string) => setMapping((old) => old.map((k, i) => (i === c ? (v === '' ? null : (v as K)) : k)))}
                    />
                  </th>
                ))}
                <th style={{ ...cell, fontWeight: 500 }}>{m.problems}</th>
              </tr>
            </thead>
            <tbody>
              {dataRows.map((cells, r) => {
                const rowProblems = problems[r] ?? [];
                const shownIn = new Set<number>();
                return (
                  <tr key={r} data-testid="paste-row">
                    <td style={{ ...cell, color: '#999' }}>{r + 1}</td>
                    {cells.map((text, c) => {
                      const key = mapping[c] ?? null;
                      // a field filled twice takes the first column: only that one carries its problems
                      const said = key === null || mapping.indexOf(key) !== c ? [] : rowProblems.filter((x) => x.field === key);
                      said.forEach((x) => shownIn.add(rowProblems.indexOf(x)));
                      return (
                        <td
                          key={c}
                          style={{ ...cell, background: said.length ? RED : undefined, color: key === null ? '#bbb' : undefined }}
                          data-bad={said.length > 0}
                        >
                          <div>{text}</div>
                          {said.map((x, i) => (
                            <Typography.Text key={i} type="danger" style={{ fontSize: 12, display: 'block', whiteSpace: 'normal', maxWidth: 220 }}>
                              {x.message}
                            </Typography.Text>
                          ))}
                        </td>
                      );
                    })}
                    <td style={{ ...cell, whiteSpace: 'normal', minWidth: 160 }}>
                      {rowProblems
                        .filter((_, i) => !shownIn.has(i))
                        .map((x, i) => (
                          <Typography.Text key={i} type="danger" style={{ fontSize: 12, display: 'block' }}>
                            {x.message}
                          </Typography.Text>
                        ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 12 }}>
          <Typography.Text type={bad > 0 ? 'danger' : 'secondary'} data-testid="paste-summary">
            {values.length === 0 ? m.nothing : m.summary(values.length, bad)}
          </Typography.Text>
          <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as 'append' | 'replace')} size="small">
            <Radio.Button value="append">{m.append}</Radio.Button>
            <Radio.Button value="replace" data-testid="paste-replace">
              {m.replace}
            </Radio.Button>
          </Radio.Group>
        </div>
      </div>
    </Modal>
  );
}
