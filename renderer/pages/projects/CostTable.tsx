import { memo } from 'react';
import { AutoComplete, Button, Card } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { yuan } from '../../format';
import type { CostDraft } from './draft';
import { RemoveCell, TextCell } from './LineCells';
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
      style={{ width: 120 }}
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
    <tr data-testid={`cost-row-${p.index}`} style={p.invalid ? { background: '#fff2f0' } : undefined}>
      <td style={{ ...cell, color: '#999', width: 32 }}>{p.index + 1}</td>
      <td style={cell}>
        <CategoryCell rowKey={line.key} value={line.category} label={m.costCategory} onChange={onChange} />
      </td>
      <td style={cell}>
        <TextCell rowKey={line.key} field="name" value={line.name} width={160} label={m.costName} testId="cost-name" onChange={onChange} />
      </td>
      <td style={cell}>
        <TextCell rowKey={line.key} field="unitPrice" value={line.unitPrice} width={100} label={m.unitPrice} testId="cost-unit-price" onChange={onChange} />
      </td>
      <td style={cell}>
        <TextCell rowKey={line.key} field="quantity" value={line.quantity} width={70} label={m.quantity} testId="cost-quantity" onChange={onChange} />
      </td>
      <td style={cell}>
        <TextCell rowKey={line.key} field="times" value={line.times} width={60} label={m.times} testId="cost-times" onChange={onChange} />
      </td>
      <td style={{ ...cell, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }} data-testid="cost-amount">
        {yuan(p.amount)}
      </td>
      <td style={cell}>
        <TextCell rowKey={line.key} field="note" value={line.note} width={140} label={m.note} onChange={onChange} />
      </td>
      <td style={cell}>
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
  return (
    <div style={{ overflowX: 'auto' }}>
      <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 13 }} data-testid="cost-table">
        <thead>
          <tr style={{ background: '#fafafa', textAlign: 'left' }}>
            {['#', m.category, m.name, m.unitPriceYuan, m.quantity, m.times, m.amountYuan, m.note, ''].map((h, i) => (
              <th key={i} style={{ ...cell, fontWeight: 500, textAlign: i === 6 ? 'right' : 'left', whiteSpace: 'nowrap' }}>
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
      <Button size="small" icon={<PlusOutlined />} onClick={p.onAdd} style={{ marginTop: 8 }} data-testid="add-cost">
        {m.addCost}
      </Button>
    </div>
  );
}
