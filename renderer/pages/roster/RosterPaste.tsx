import { type ReactNode, useCallback, useState } from 'react';
import PasteRowsDialog, { type PastedValues, type RowProblem } from '../../components/pasteRows/PasteRowsDialog';
import { onBlockPaste } from '../../components/pasteRows/onBlockPaste';
import type { PasteField } from '../../components/pasteRows/parse';
import { ROSTER_COLUMNS, type WorkerField } from '../../../src/core/roster/schema';
import { api } from '../../api';
import { showDone, useShowApiError } from '../../components/feedback';
import { useMessages } from '../../i18n';
import { gradingMessages } from './gradingMessages';

/**
 * Rows copied from Excel and pasted onto the roster grid (docs/design.md §People: roster and
 * statistics): the shared paste preview maps the pasted columns to the template's (a header row
 * named as the template is recognised), marks an empty 姓名 or a value outside a listed column, then
 * the rows go through the same check as a file — as a csv of the template's columns to
 * `roster.import` — appended after the roster or replacing it. Nothing is stored while a cell is bad.
 */
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const FIELDS: PasteField<WorkerField>[] = ROSTER_COLUMNS.map((c) => ({ key: c.key, label: c.zh, headers: new RegExp(`^\\s*${escapeRegExp(c.zh)}`) }));

function check(values: PastedValues<WorkerField>): RowProblem<WorkerField>[] {
  const out: RowProblem<WorkerField>[] = [];
  if (!values.name?.trim()) out.push({ field: 'name', message: '姓名不能为空' });
  for (const c of ROSTER_COLUMNS) {
    const v = values[c.key]?.trim();
    if (c.list && v && !c.list.includes(v)) out.push({ field: c.key, message: `须为 ${c.list.join(' / ')} 之一` });
  }
  return out;
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** the pasted rows as a csv of the template's columns, for the file import's checks */
export function pastedRosterCsv(rows: readonly PastedValues<WorkerField>[]): string {
  return [ROSTER_COLUMNS.map((c) => c.zh), ...rows.map((r) => ROSTER_COLUMNS.map((c) => r[c.key]?.trim() ?? ''))]
    .map((cells) => cells.map(csvCell).join(','))
    .join('\r\n');
}

/** UTF-8 bytes as base64, a chunk at a time (a large paste would overflow the argument list) */
function utf8Base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function RosterPaste({ children, onImported }: { children: ReactNode; onImported: () => void }) {
  const m = useMessages(gradingMessages);
  const showApiError = useShowApiError();
  const [pasted, setPasted] = useState<{ text: string; start: WorkerField | undefined } | null>(null);

  const apply = useCallback(
    (rows: PastedValues<WorkerField>[], mode: 'append' | 'replace') => {
      const base64 = utf8Base64(pastedRosterCsv(rows));
      api['roster.import']({ file: { fileName: '粘贴的人员.csv', base64 }, append: mode === 'append' }).then(
        (r) => {
          showDone(m.pasted(r.imported));
          onImported();
        },
        (e: unknown) => showApiError(m.pasteFailed, e),
      );
    },
    [m, onImported, showApiError],
  );

  return (
    <div
      data-testid="roster-paste-area"
      onPaste={onBlockPaste((text, start) => setPasted({ text, start: FIELDS.some((f) => f.key === start) ? (start as WorkerField) : undefined }))}
    >
      {children}
      <PasteRowsDialog
        text={pasted?.text ?? null}
        table={m.rosterTable}
        fields={FIELDS}
        startField={pasted?.start}
        check={check}
        onApply={apply}
        onClose={() => setPasted(null)}
      />
    </div>
  );
}
