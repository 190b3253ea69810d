import { memo } from 'react';
import { AutoComplete, Button, Card } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { yuan } from '../../format';
import type { CostDraft } from './draft';
import { RemoveCell, TextCell, pinnedRight, usePinnedColumns } from './LineCells';
import { useMessages } from '../../i18n';
import { projectMessages, type ProjectMessages } from './messages';

/** Other cost lines (其他费用) by category: unit price × quantity × times. */
export const COST_CATEGORIES = ['督导培训', '服务活动', '行政管理', '培训费', '福利费', '宣传费', '专家评估'];

interface RowProps {
  line: CostDraft;
  index: number;
  amount: string | null;
  invalid: boolean;
  /** the page's texts: one object per language, so memoised rows re-render only on switching */
  m: ProjectMessages;
  onChange(key: string, patch: Partial<CostDraft>): void;
  onRemove(key: string): void;
}

const INVALID_BG = '#fff2f0';
const cell: React.CSSProperties = { padding: '4px 4px', borderBottom: '1px solid #f0f0f0' };
const categoryOptions = COST_CATEGORIES.map((c) => ({ value: c }));

const CategoryCell = memo(function CategoryCell({
  rowKey,
  value,
  label,
  onChange,
}: {
  rowKey: string;
  value: string;
  label: string;
  onChange: RowProps['onChange'];
}) {
  return (
    <AutoComplete
      size="small"
      style={{ width: 112 }}
      value={value}
      options={categoryOptions}
      onChange={(category: string) => onChange(rowKey, { category })}
      aria-label={label}
      data-testid="cost-category"
    />
  );
});

const CostRow = memo(function CostRow(p: RowProps) {
  const { line, onChange, m } = p;
  return (
    <tr data-testid={`cost-row-${p.index}`} style={p.invalid ? { background: INVALID_BG } : undefined}>
      <td style={{ ...cell, color: '#999', width: 32 }}>{p.index + 1}</td>
      <td style={cell}>
        <CategoryCell rowKey={line.key} value={line.category} label={m.costCategory} onChange={onChange} />
      </td>
      <td style={cell}>
        <TextCell rowKey={line.key} field="name" value={line.name} width={150} label={m.costName} testId="cost-name" onChange={onChange} />
      </td>
      <td style={cell}>
        <TextCell rowKey={line.key} field="unitPrice" value={line.unitPrice} width={96} label={m.unitPrice} testId="cost-unit-price" onChange={onChange} />
      </td>
      <td style={cell}>
        <TextCell rowKey={line.key} field="quantity" value={line.quantity} width={64} label={m.quantity} testId="cost-quantity" onChange={onChange} />
      </td>
      <td style={cell}>
        <TextCell rowKey={line.key} field="times" value={line.times} width={48} label={m.times} testId="cost-times" onChange={onChange} />
      </td>
      {/* the note takes the spare width of a wide window */}
      <td style={{ ...cell, width: '100%' }}>
        <TextCell rowKey={line.key} field="note" value={line.note} width="100%" minWidth={120} label={m.note} onChange={onChange} />
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
  );
});

export interface CostTableProps {
  lines: CostDraft[];
  amounts: (string | null)[];
  invalidRows: Set<number>;
  onChange(key: string, patch: Partial<CostDraft>): void;
  onRemove(key: string): void;
  onAdd(): void;
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
  const box = usePinnedColumns<HTMLDivElement>();
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
      <div style={{ overflowX: 'auto' }} ref={box} data-testid="cost-scroll">
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
    </>
  );
}
