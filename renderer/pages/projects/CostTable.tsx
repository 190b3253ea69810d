import { memo, useCallback, useMemo, useState } from 'react';
import { AutoComplete, Button, Card } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { yuan } from '../../format';
import type { CostDraft } from './draft';
import PasteRowsDialog, { type PastedValues } from '../../components/pasteRows/PasteRowsDialog';
import { onBlockPaste } from '../../components/pasteRows/onBlockPaste';
import { IssuesRow, RemoveCell, TextCell, pinnedRight, usePinnedColumns, type LineIssue } from './LineCells';
import { costPasteFields, costPasteProblems, type CostField } from './pasteLines';
import { useI18n, useMessages } from '../../i18n';
import { projectMessages, type ProjectMessages } from './messages';

/** Other cost lines (其他费用) by category: unit price × quantity × times. */
export const COST_CATEGORIES = ['督导培训', '服务活动', '行政管理', '培训费', '福利费', '宣传费', '专家评估'];

interface RowProps {
  line: CostDraft;
  index: number;
  amount: string | null;
  invalid: boolean;
  /** the line's problems (null: none) */
  issues: LineIssue[] | null;
  /** the page's texts: one object per language, so memoised rows re-render only on switching */
  m: ProjectMessages;
  onChange(key: string, patch: Partial<CostDraft>): void;
  onRemove(key: string): void;
}

const INVALID_BG = '#fff2f0';
const COLUMNS = 9;
const cell: React.CSSProperties = { padding: '4px 4px', borderBottom: '1px solid #f0f0f0' };
const categoryOptions = COST_CATEGORIES.map((c) => ({ value: c }));

/**
 * The category box: type any category or pick a usual one. Esc closes the list and keeps what was
 * typed (the picker's own Esc would put the box back to its last picked value).
 */
const CategoryCell = memo(function CategoryCell({
  rowKey,
  value,
  label,
  error,
  onChange,
}: {
  rowKey: string;
  value: string;
  label: string;
  error: string | undefined;
  onChange: RowProps['onChange'];
}) {
  const [open, setOpen] = useState(false);
  return (
    <span
      onKeyDownCapture={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        e.preventDefault();
        setOpen(false);
      }}
    >
      <AutoComplete
        size="small"
        style={{ width: 112 }}
        value={value}
        options={categoryOptions}
        open={open}
        onOpenChange={setOpen}
        onChange={(category: string) => onChange(rowKey, { category })}
        aria-label={label}
        status={error ? 'error' : undefined}
        title={error}
        data-testid="cost-category"
        data-field="category"
      />
    </span>
  );
});

/** The problem of one field of the line, for its box. */
const issueOf = (issues: LineIssue[] | null, field: string) => issues?.find((x) => x.field === field)?.message;

const CostRow = memo(function CostRow(p: RowProps) {
  const { line, onChange, m } = p;
  return (
    <>
      <tr data-testid={`cost-row-${p.index}`} style={p.invalid ? { background: INVALID_BG } : undefined}>
        <td style={{ ...cell, color: '#999', width: 32 }}>{p.index + 1}</td>
        <td style={cell}>
          <CategoryCell rowKey={line.key} value={line.category} label={m.costCategory} error={issueOf(p.issues, 'category')} onChange={onChange} />
        </td>
        <td style={cell}>
          <TextCell
            rowKey={line.key}
            field="name"
            value={line.name}
            width={150}
            label={m.costName}
            testId="cost-name"
            error={issueOf(p.issues, 'name')}
            onChange={onChange}
          />
        </td>
        <td style={cell}>
          <TextCell
            rowKey={line.key}
            field="unitPrice"
            value={line.unitPrice}
            width={96}
            label={m.unitPrice}
            testId="cost-unit-price"
            error={issueOf(p.issues, 'unitPrice')}
            onChange={onChange}
          />
        </td>
        <td style={cell}>
          <TextCell
            rowKey={line.key}
            field="quantity"
            value={line.quantity}
            width={64}
            label={m.quantity}
            testId="cost-quantity"
            error={issueOf(p.issues, 'quantity')}
            onChange={onChange}
          />
        </td>
        <td style={cell}>
          <TextCell
            rowKey={line.key}
            field="times"
            value={line.times}
            width={48}
            label={m.times}
            testId="cost-times"
            error={issueOf(p.issues, 'times')}
            onChange={onChange}
          />
        </td>
        {/* the note takes the spare width of a wide window */}
        <td style={{ ...cell, width: '100%' }}>
          <TextCell
            rowKey={line.key}
            field="note"
            value={line.note}
            width="100%"
            minWidth={120}
            label={m.note}
            error={issueOf(p.issues, 'note')}
            onChange={onChange}
          />
        </td>
        <td
          style={{
            ...cell,
            textAlign: 'right',
            whiteSpace: 'nowrap',
            fontVariantNumeric: 'tabular-nums',
            ...pinnedRight(1, p.invalid ? INVALID_BG : '#fff', true),
          }}
          data-testid="cost-amount"
        >
          {yuan(p.amount)}
        </td>
        <td style={{ ...cell, ...pinnedRight(0, p.invalid ? INVALID_BG : '#fff') }}>
          <RemoveCell rowKey={line.key} label={m.removeLine} onRemove={p.onRemove} />
        </td>
      </tr>
      {p.issues && <IssuesRow issues={p.issues} columns={COLUMNS} testId={`cost-issues-${p.index}`} />}
    </>
  );
});

export interface CostTableProps {
  lines: CostDraft[];
  amounts: (string | null)[];
  invalidRows: Set<number>;
  /** each line's problems, by the line's place (null: none) */
  issues: (LineIssue[] | null)[];
  onChange(key: string, patch: Partial<CostDraft>): void;
  onRemove(key: string): void;
  onAdd(): void;
  /** rows pasted from a sheet, after the preview: one undoable edit */
  onPaste(rows: PastedValues<CostField>[], mode: 'append' | 'replace'): void;
}

/** The cost card, memoised like the staff card: a keystroke in a staff line or a form field skips it. */
export const CostCard = memo(function CostCard(p: CostTableProps) {
  const m = useMessages(projectMessages);
  return (
    <Card size="small" title={m.costTitle(p.lines.length)} style={{ marginBottom: 12 }}>
      <CostTable {...p} m={m} />
    </Card>
  );
});

export default function CostTable(p: CostTableProps & { m: ProjectMessages }) {
  const { m } = p;
  const { lang } = useI18n();
  const box = usePinnedColumns<HTMLDivElement>();
  const [pasted, setPasted] = useState<{ text: string; start: CostField | undefined } | null>(null);
  const fields = useMemo(() => costPasteFields(m), [m]);
  const check = useCallback((v: PastedValues<CostField>) => costPasteProblems(v, lang), [lang]);
  // 金额 and the delete button are pinned right (LineCells.pinnedRight), so 备注 comes before them
  const headers: [text: string, pin: number | null][] = [
    ['#', null],
    [m.category, null],
    [m.name, null],
    [m.unitPriceYuan, null],
    [m.quantity, null],
    [m.times, null],
    [m.note, null],
    [m.amountYuan, 1],
    ['', 0],
  ];
  return (
    <>
      <div
        style={{ overflowX: 'auto' }}
        ref={box}
        data-testid="cost-scroll"
        onPaste={onBlockPaste((text, start) => setPasted({ text, start: fields.some((f) => f.key === start) ? (start as CostField) : undefined }))}
      >
        <table style={{ borderCollapse: 'separate', borderSpacing: 0, width: '100%', fontSize: 13 }} data-testid="cost-table">
          <thead>
            <tr style={{ background: '#fafafa', textAlign: 'left' }}>
              {headers.map(([h, pin], i) => (
                <th
                  key={i}
                  data-pin={pin ?? undefined}
                  style={{
                    ...cell,
                    fontWeight: 500,
                    textAlign: pin === 1 ? 'right' : 'left',
                    whiteSpace: 'nowrap',
                    ...(pin === null ? {} : pinnedRight(pin, '#fafafa', pin === 1)),
                    ...(pin === 0 ? { width: 32 } : {}),
                  }}
                >
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.lines.map((line, i) => (
              <CostRow
                key={line.key}
                line={line}
                index={i}
                amount={p.amounts[i] ?? null}
                invalid={p.invalidRows.has(i)}
                issues={p.issues[i] ?? null}
                m={m}
                onChange={p.onChange}
                onRemove={p.onRemove}
              />
            ))}
          </tbody>
        </table>
      </div>
      <Button size="small" icon={<PlusOutlined />} onClick={p.onAdd} style={{ marginTop: 8 }} data-testid="add-cost">
        {m.addCost}
      </Button>
      <PasteRowsDialog
        text={pasted?.text ?? null}
        table={m.otherCosts}
        fields={fields}
        startField={pasted?.start}
        check={check}
        onApply={p.onPaste}
        onClose={() => setPasted(null)}
      />
    </>
  );
}
