import { memo } from 'react';
import { AutoComplete, Button, Card } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { yuan } from '../../format';
import type { CostDraft } from './draft';
import { RemoveCell, TextCell } from './LineCells';

/** Other cost lines (其他费用) by category: unit price × quantity × times. */
export const COST_CATEGORIES = ['督导培训', '服务活动', '行政管理', '培训费', '福利费', '宣传费', '专家评估'];

interface RowProps {
  line: CostDraft;
  index: number;
  amount: string | null;
  invalid: boolean;
  onChange(key: string, patch: Partial<CostDraft>): void;
  onRemove(key: string): void;
}

const cell: React.CSSProperties = { padding: '4px 4px', borderBottom: '1px solid #f0f0f0' };
const categoryOptions = COST_CATEGORIES.map((c) => ({ value: c }));

const CategoryCell = memo(function CategoryCell({ rowKey, value, onChange }: { rowKey: string; value: string; onChange: RowProps['onChange'] }) {
  return <AutoComplete size="small" style={{ width: 120 }} value={value} options={categoryOptions} onChange={(category: string) => onChange(rowKey, { category })} aria-label="费用类别" data-testid="cost-category" />;
});

const CostRow = memo(function CostRow(p: RowProps) {
  const { line, onChange } = p;
  return (
    <tr data-testid={`cost-row-${p.index}`} style={p.invalid ? { background: '#fff2f0' } : undefined}>
      <td style={{ ...cell, color: '#999', width: 32 }}>{p.index + 1}</td>
      <td style={cell}>
        <CategoryCell rowKey={line.key} value={line.category} onChange={onChange} />
      </td>
      <td style={cell}>
        <TextCell rowKey={line.key} field="name" value={line.name} width={160} label="费用名称" testId="cost-name" onChange={onChange} />
      </td>
      <td style={cell}>
        <TextCell rowKey={line.key} field="unitPrice" value={line.unitPrice} width={100} label="单价" testId="cost-unit-price" onChange={onChange} />
      </td>
      <td style={cell}>
        <TextCell rowKey={line.key} field="quantity" value={line.quantity} width={70} label="数量" testId="cost-quantity" onChange={onChange} />
      </td>
      <td style={cell}>
        <TextCell rowKey={line.key} field="times" value={line.times} width={60} label="次数" testId="cost-times" onChange={onChange} />
      </td>
      <td style={{ ...cell, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }} data-testid="cost-amount">
        {yuan(p.amount)}
      </td>
      <td style={cell}>
        <TextCell rowKey={line.key} field="note" value={line.note} width={140} label="备注" onChange={onChange} />
      </td>
      <td style={cell}>
        <RemoveCell rowKey={line.key} onRemove={p.onRemove} />
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
  return (
    <Card size="small" title={`其他费用（${p.lines.length} 行）`} style={{ marginBottom: 12 }}>
      <CostTable {...p} />
    </Card>
  );
});

export default function CostTable(p: CostTableProps) {
  return (
    <div style={{ overflowX: 'auto' }}>
      <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 13 }} data-testid="cost-table">
        <thead>
          <tr style={{ background: '#fafafa', textAlign: 'left' }}>
            {['#', '类别', '名称', '单价（元）', '数量', '次数', '金额（元）', '备注', ''].map((h, i) => (
              <th key={i} style={{ ...cell, fontWeight: 500, textAlign: i === 6 ? 'right' : 'left', whiteSpace: 'nowrap' }}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.lines.map((line, i) => (
            <CostRow key={line.key} line={line} index={i} amount={p.amounts[i] ?? null} invalid={p.invalidRows.has(i)} onChange={p.onChange} onRemove={p.onRemove} />
          ))}
        </tbody>
      </table>
      <Button size="small" icon={<PlusOutlined />} onClick={p.onAdd} style={{ marginTop: 8 }} data-testid="add-cost">
        添加费用
      </Button>
    </div>
  );
}
