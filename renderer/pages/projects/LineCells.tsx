import { memo, useLayoutEffect, useRef } from 'react';
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
  /** pixels, or '100%' for a cell that takes the table's spare width (with minWidth) */
  width: number | string;
  minWidth?: number | undefined;
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
      style={{ width: p.width, minWidth: p.minWidth }}
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

/**
 * Pinned columns: a budget line's money (实发月薪, 人员经费; 金额) and its delete button stay at the
 * table's right edge while the inputs scroll sideways under them, so on a 1280-pixel screen the
 * figures a user checks are never scrolled out of view. Pinned columns are counted from the right
 * (0 = the last); each sticks at the summed widths of those to its right, measured from the header
 * cells marked `data-pin` and handed to the cells as CSS variables — a row never re-renders for it.
 */
export function pinnedRight(k: number, background: string, edge = false): React.CSSProperties {
  const right = k === 0 ? '0px' : `calc(${Array.from({ length: k }, (_, i) => `var(--pin-w${i}, 0px)`).join(' + ')})`;
  return {
    position: 'sticky',
    right,
    zIndex: 1,
    background,
    // the left edge of the pinned group casts a shadow only while something scrolls under it
    ...(edge ? { boxShadow: 'var(--pin-shadow, none)' } : {}),
  };
}

const PIN_SHADOW = 'inset 8px 0 6px -6px rgba(0, 0, 0, 0.16)';

/** Measures the pinned header cells of the table inside the returned ref's element (the scroll box). */
export function usePinnedColumns<E extends HTMLElement>() {
  const box = useRef<E>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      el.querySelectorAll<HTMLElement>('th[data-pin]').forEach((th) => el.style.setProperty(`--pin-w${th.dataset.pin}`, `${th.offsetWidth}px`));
      const hidden = el.scrollWidth - el.clientWidth - el.scrollLeft > 1;
      el.style.setProperty('--pin-shadow', hidden ? PIN_SHADOW : 'none');
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    el.querySelectorAll('th[data-pin]').forEach((th) => observer.observe(th));
    const table = el.querySelector('table');
    if (table) observer.observe(table);
    el.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', measure);
    };
  }, []);
  return box;
}

let measureContext: CanvasRenderingContext2D | null | undefined;

/** The width of a text in the page's font at 14 px (antd's picker text); estimated where there is no canvas. */
function textWidth(text: string): number {
  if (measureContext === undefined) {
    try {
      measureContext = document.createElement('canvas').getContext('2d');
      if (measureContext) measureContext.font = `14px ${getComputedStyle(document.body).fontFamily}`;
    } catch {
      measureContext = null;
    }
  }
  if (measureContext) return measureContext.measureText(text).width;
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 14 : 8;
  return w;
}

/** A picker wide enough for its longest option (plus padding and the arrow), between min and max. */
export function pickerWidth(labels: Iterable<string>, min: number, max: number): number {
  let widest = 0;
  for (const label of labels) widest = Math.max(widest, textWidth(label));
  return Math.min(max, Math.max(min, Math.ceil(widest) + 40));
}
