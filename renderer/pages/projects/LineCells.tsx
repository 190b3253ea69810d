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
  /** the field's problem: the box is red, the message its tooltip (the row's problems are listed under it) */
  error?: string | undefined;
  onChange: LineChange<F>;
}

/**
 * Enter moves to the same field of the next line, Shift+Enter to the line above, as in a
 * spreadsheet (Tab and Shift+Tab go field by field in the page's own order). Not while an input
 * method is composing: there Enter picks the characters.
 */
export function moveByEnter(e: React.KeyboardEvent<HTMLInputElement>): void {
  if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
  const box = e.currentTarget;
  const field = box.dataset.field;
  const table = box.closest('table');
  if (!field || !table) return;
  const boxes = [...table.querySelectorAll<HTMLInputElement>(`input[data-field="${field}"]`)];
  const next = boxes[boxes.indexOf(box) + (e.shiftKey ? -1 : 1)];
  e.preventDefault();
  if (next) {
    next.focus();
    next.select();
  }
}

function TextCellImpl<F extends string>(p: TextCellProps<F>) {
  return (
    <Input
      size="small"
      style={{ width: p.width, minWidth: p.minWidth }}
      placeholder={p.placeholder}
      value={p.value}
      onChange={(e) => p.onChange(p.rowKey, { [p.field]: e.target.value } as Partial<Record<F, string>>)}
      onKeyDown={moveByEnter}
      aria-label={p.label}
      aria-invalid={p.error ? true : undefined}
      title={p.error}
      data-testid={p.testId}
      data-field={p.field}
      status={p.error ? 'error' : p.warn ? 'warning' : undefined}
    />
  );
}

export const TextCell = memo(TextCellImpl) as typeof TextCellImpl;

/** Out of the Tab order: Tab from a line's last box goes on to the next line's first, not to its delete button. */
export const RemoveCell = memo(function RemoveCell({ rowKey, label, onRemove }: { rowKey: string; label: string; onRemove(key: string): void }) {
  return (
    <Button
      size="small"
      type="text"
      danger
      icon={<DeleteOutlined />}
      onClick={() => onRemove(rowKey)}
      aria-label={label}
      tabIndex={-1}
      data-testid="remove-line"
    />
  );
});

/** A line's problems, shown in a row of their own under the line (field '' = the line as a whole). */
export interface LineIssue {
  field: string;
  message: string;
}

export function sameIssues(a: LineIssue[] | null, b: LineIssue[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((x, i) => x.field === b[i]!.field && x.message === b[i]!.message);
}

/** The problems row under a bad line: red text, as wide as the table. */
export const IssuesRow = memo(function IssuesRow({ issues, columns, testId }: { issues: LineIssue[]; columns: number; testId: string }) {
  return (
    <tr data-testid={testId}>
      <td colSpan={columns} style={{ padding: '0 4px 6px 36px', background: '#fff2f0', borderBottom: '1px solid #f0f0f0' }}>
        {issues.map((x, i) => (
          <div key={i} style={{ color: '#cf1322', fontSize: 12, whiteSpace: 'normal' }}>
            {x.message}
          </div>
        ))}
      </td>
    </tr>
  );
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
