import { memo } from 'react';
import { Button, Input } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';

/**
 * The cells of a budget line, each memoised on plain values: a keystroke re-renders the one input
 * typed into (antd inputs and selects cost far more to render than the table around them), not the
 * line's other inputs, pickers and buttons.
 */
export type LineChange<F extends string> = (key: string, patch: Partial<Record<F, string>>) => void;

interface TextCellProps<F extends string> {
  rowKey: string;
  field: F;
  value: string;
  width: number;
  label: string;
  testId?: string | undefined;
  placeholder?: string | undefined;
  warn?: boolean | undefined;
  onChange: LineChange<F>;
}

function TextCellImpl<F extends string>(p: TextCellProps<F>) {
  return (
    <Input
      size="small"
      style={{ width: p.width }}
      placeholder={p.placeholder}
      value={p.value}
      onChange={(e) => p.onChange(p.rowKey, { [p.field]: e.target.value } as Partial<Record<F, string>>)}
      aria-label={p.label}
      data-testid={p.testId}
      status={p.warn ? 'warning' : undefined}
    />
  );
}

export const TextCell = memo(TextCellImpl) as typeof TextCellImpl;

export const RemoveCell = memo(function RemoveCell({ rowKey, label, onRemove }: { rowKey: string; label: string; onRemove(key: string): void }) {
  return <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => onRemove(rowKey)} aria-label={label} />;
});
