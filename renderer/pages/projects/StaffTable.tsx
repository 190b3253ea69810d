import { memo, useCallback, useMemo, useState } from 'react';
import { Button, Card, Checkbox, Select, Space, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { StaffLineJson } from '../../../src/core/budget/resultJson';
import { yuan } from '../../format';
import type { StaffDraft } from './draft';
import { firstCell, stepsOf, type GuideOptions } from './guideOptions';
import PasteRowsDialog, { type PastedValues } from '../../components/pasteRows/PasteRowsDialog';
import { onBlockPaste } from '../../components/pasteRows/onBlockPaste';
import { IssuesRow, RemoveCell, TextCell, pickerWidth, pinnedRight, usePinnedColumns, type LineIssue } from './LineCells';
import { staffPasteFields, staffPasteProblems, type StaffField } from './pasteLines';
import { useI18n, useMessages } from '../../i18n';
import { projectMessages, type ProjectMessages } from './messages';
import { toolMessages } from './toolMessages';

/**
 * Staff lines (人员经费): post/grade/step picked from the guide version in force, the guide's
 * monthly shown beside the monthly paid. Rows are memoised on plain values so a keystroke in one
 * row re-renders that row and the totals, not all 200 rows.
 */
export interface StaffRowFigures {
  guideMonthly: string | null;
  monthly: string;
  belowGuideBy: string | null;
  labour: string;
}

export function figuresOf(line: StaffLineJson | undefined): StaffRowFigures | null {
  return line ? { guideMonthly: line.guideMonthly, monthly: line.monthly, belowGuideBy: line.belowGuideBy, labour: line.labour } : null;
}

/** Picker widths for the whole table, from the longest name the guide offers: no grade is cut short. */
interface PickerWidths {
  post: number;
  grade: number;
  step: number;
  qualification: number;
}

interface RowProps {
  line: StaffDraft;
  index: number;
  options: GuideOptions;
  widths: PickerWidths;
  /** undefined while the draft has errors (no figures) */
  guideMonthly: string | null | undefined;
  monthly: string | null;
  belowGuideBy: string | null;
  labour: string | null;
  invalid: boolean;
  /** the line's problems (null: none) */
  issues: LineIssue[] | null;
  /** the page's texts: one object per language, so memoised rows re-render only on switching */
  m: ProjectMessages;
  onChange(key: string, patch: Partial<StaffDraft>): void;
  onRemove(key: string): void;
}

const INVALID_BG = '#fff2f0';
const COLUMNS = 14;
/** The problem of one field of the line, for its box. */
const issueOf = (issues: LineIssue[] | null, field: string) => issues?.find((x) => x.field === field)?.message;
const cell: React.CSSProperties = { padding: '4px 3px', borderBottom: '1px solid #f0f0f0', verticalAlign: 'middle' };
const num: React.CSSProperties = { ...cell, textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' };

interface PicksProps {
  rowKey: string;
  post: string;
  grade: string;
  step: number;
  qualification: string;
  /** 非社工岗: post and grade typed, no guide cell (no step, no qualification) */
  nonSocialWork: boolean;
  options: GuideOptions;
  widths: PickerWidths;
  m: ProjectMessages;
  onChange: RowProps['onChange'];
}

/**
 * The 非社工岗 tick before the post: ticked, the post and grade are free text (财务, 行政…) and the
 * line is paid its agreed monthly; unticked, the line goes back to the guide's first cell.
 */
function NonSocialWorkBox(p: { checked: boolean; onToggle(checked: boolean): void }) {
  const t = useMessages(toolMessages);
  return (
    <Tooltip title={t.nonSocialWorkHint}>
      <Checkbox checked={p.checked} onChange={(e) => p.onToggle(e.target.checked)} aria-label={t.nonSocialWork} data-testid="staff-non-social-work" />
    </Tooltip>
  );
}

/** The line's post/grade/step/qualification pickers: re-rendered when one of them changes, not as the line's numbers are typed. */
const StaffPicks = memo(function StaffPicks(p: PicksProps) {
  const { options, m } = p;
  const grades = options.grades.get(p.post) ?? [];
  const steps = stepsOf(options, p.post, p.grade);
  const set = (patch: Partial<StaffDraft>) => p.onChange(p.rowKey, patch);
  const t = useMessages(toolMessages);
  const toggle = (checked: boolean) =>
    set(checked ? { nonSocialWork: true, post: '', grade: '', step: 1, qualification: '' } : { nonSocialWork: undefined, ...firstCell(options) });
  if (p.nonSocialWork) {
    return (
      <>
        <td style={cell}>
          <Space size={4}>
            <NonSocialWorkBox checked onToggle={toggle} />
            <TextCell
              rowKey={p.rowKey}
              field="post"
              value={p.post}
              width={p.widths.post - 22}
              label={m.post}
              placeholder={t.nonSocialWorkPost}
              testId="staff-post-text"
              onChange={p.onChange}
            />
          </Space>
        </td>
        <td style={cell}>
          <TextCell
            rowKey={p.rowKey}
            field="grade"
            value={p.grade}
            width={p.widths.grade}
            label={m.grade}
            placeholder={t.nonSocialWorkGrade}
            onChange={p.onChange}
          />
        </td>
        <td style={{ ...cell, color: '#999' }} colSpan={2}>
          {t.nonSocialWork}
        </td>
      </>
    );
  }
  return (
    <>
      <td style={cell}>
        <Space size={4}>
          <NonSocialWorkBox checked={false} onToggle={toggle} />
          <Select
            size="small"
            style={{ width: p.widths.post }}
            popupMatchSelectWidth={false}
            value={p.post || undefined}
            options={options.posts.map((x) => ({ value: x, label: x }))}
            onChange={(post: string) => {
              const grade = options.grades.get(post)?.[0] ?? '';
              set({ post, grade, step: stepsOf(options, post, grade)[0] ?? 1 });
            }}
            aria-label={m.post}
            data-testid="staff-post"
          />
        </Space>
      </td>
      <td style={cell}>
        <Select
          size="small"
          style={{ width: p.widths.grade }}
          popupMatchSelectWidth={false}
          value={p.grade || undefined}
          options={grades.map((x) => ({ value: x, label: x }))}
          onChange={(grade: string) => set({ grade, step: stepsOf(options, p.post, grade)[0] ?? 1 })}
          aria-label={m.grade}
          data-testid="staff-grade"
        />
      </td>
      <td style={cell}>
        <Select
          size="small"
          style={{ width: p.widths.step }}
          popupMatchSelectWidth={false}
          value={p.step}
          options={(steps.length ? steps : [p.step]).map((x) => ({ value: x, label: m.stepLabel(x) }))}
          onChange={(step: number) => set({ step })}
          aria-label={m.step}
          data-testid="staff-step"
        />
      </td>
      <td style={cell}>
        <Select
          size="small"
          style={{ width: p.widths.qualification }}
          popupMatchSelectWidth={false}
          value={p.qualification}
          options={[{ value: '', label: m.noQualification }, ...options.qualifications.map((x) => ({ value: x, label: x }))]}
          onChange={(qualification: string) => set({ qualification })}
          aria-label={m.qualification}
        />
      </td>
    </>
  );
});

const StaffRow = memo(function StaffRow(p: RowProps) {
  const { line, onChange, m } = p;
  return (
    <>
      <tr data-testid={`staff-row-${p.index}`} style={p.invalid ? { background: INVALID_BG } : undefined}>
        <td style={{ ...cell, color: '#999', width: 32 }}>{p.index + 1}</td>
        <StaffPicks
          rowKey={line.key}
          post={line.post}
          grade={line.grade}
          step={line.step}
          qualification={line.qualification}
          nonSocialWork={line.nonSocialWork === true}
          options={p.options}
          widths={p.widths}
          m={m}
          onChange={onChange}
        />
        <td style={cell}>
          <TextCell
            rowKey={line.key}
            field="count"
            value={line.count}
            width={44}
            label={m.count}
            testId="staff-count"
            error={issueOf(p.issues, 'count')}
            onChange={onChange}
          />
        </td>
        <td style={cell}>
          <TextCell
            rowKey={line.key}
            field="months"
            value={line.months}
            width={40}
            label={m.months}
            testId="staff-months"
            error={issueOf(p.issues, 'months')}
            onChange={onChange}
          />
        </td>
        <td style={cell}>
          <TextCell
            rowKey={line.key}
            field="bonusMonths"
            value={line.bonusMonths}
            width={40}
            label={m.bonusMonths}
            error={issueOf(p.issues, 'bonusMonths')}
            onChange={onChange}
          />
        </td>
        <td style={num} data-testid="staff-guide-monthly">
          {p.guideMonthly === undefined ? (
            '—'
          ) : p.guideMonthly === null && line.nonSocialWork ? (
            '—'
          ) : p.guideMonthly === null ? (
            <Typography.Text type="warning">{m.noSuchStep}</Typography.Text>
          ) : (
            yuan(p.guideMonthly)
          )}
        </td>
        <td style={cell}>
          <TextCell
            rowKey={line.key}
            field="monthly"
            value={line.monthly}
            width={84}
            placeholder={m.fromGuide}
            label={m.monthly}
            testId="staff-monthly"
            warn={Boolean(p.belowGuideBy)}
            error={issueOf(p.issues, 'monthly')}
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
            minWidth={64}
            label={m.note}
            error={issueOf(p.issues, 'note')}
            onChange={onChange}
          />
        </td>
        <td style={{ ...num, ...pinnedRight(2, p.invalid ? INVALID_BG : '#fff', true) }} data-testid="staff-paid-monthly">
          {p.belowGuideBy ? (
            <Tooltip title={m.belowGuide(yuan(p.belowGuideBy))}>
              <Typography.Text type="danger">{yuan(p.monthly)}</Typography.Text>
            </Tooltip>
          ) : (
            yuan(p.monthly)
          )}
        </td>
        <td style={{ ...num, ...pinnedRight(1, p.invalid ? INVALID_BG : '#fff') }} data-testid="staff-labour">
          {yuan(p.labour)}
        </td>
        <td style={{ ...cell, ...pinnedRight(0, p.invalid ? INVALID_BG : '#fff') }}>
          <RemoveCell rowKey={line.key} label={m.removeLine} onRemove={p.onRemove} />
        </td>
      </tr>
      {p.issues && <IssuesRow issues={p.issues} columns={COLUMNS} testId={`staff-issues-${p.index}`} />}
    </>
  );
});

export interface StaffTableProps {
  lines: StaffDraft[];
  figures: (StaffRowFigures | null)[];
  invalidRows: Set<number>;
  /** each line's problems, by the line's place (null: none) */
  issues: (LineIssue[] | null)[];
  options: GuideOptions;
  onChange(key: string, patch: Partial<StaffDraft>): void;
  onRemove(key: string): void;
  onAdd(): void;
  /** rows pasted from a sheet, after the preview: one undoable edit */
  onPaste(rows: PastedValues<StaffField>[], mode: 'append' | 'replace'): void;
}

/**
 * The staff card, memoised on its props: the editor hands it the same arrays (by identity) while a
 * keystroke elsewhere leaves them equal, so typing in a cost line or a form field skips all of this.
 */
export const StaffCard = memo(function StaffCard(p: StaffTableProps) {
  const m = useMessages(projectMessages);
  return (
    <Card size="small" title={m.staffTitle(p.lines.length)} style={{ marginBottom: 12 }}>
      <StaffTable {...p} m={m} />
    </Card>
  );
});

/** The header: pinned cells carry `data-pin` (their place from the right) for usePinnedColumns to measure. */
function headerCell(h: string, i: number, right: boolean, pin: number | null) {
  return (
    <th
      key={i}
      data-pin={pin ?? undefined}
      style={{
        ...cell,
        fontWeight: 500,
        textAlign: right ? 'right' : 'left',
        whiteSpace: 'nowrap',
        ...(pin === null ? {} : pinnedRight(pin, '#fafafa', pin === 2)),
        ...(pin === 0 ? { width: 32 } : {}),
      }}
    >
      {h}
    </th>
  );
}

export default function StaffTable(p: StaffTableProps & { m: ProjectMessages }) {
  const { m, options } = p;
  const { lang } = useI18n();
  const box = usePinnedColumns<HTMLDivElement>();
  const [pasted, setPasted] = useState<{ text: string; start: StaffField | undefined } | null>(null);
  const fields = useMemo(() => staffPasteFields(m), [m]);
  const check = useCallback((v: PastedValues<StaffField>) => staffPasteProblems(v, options, lang), [options, lang]);
  const widths = useMemo<PickerWidths>(
    () => ({
      post: pickerWidth(options.posts, 96, 200) + 22, // the 非社工岗 tick before the picker
      grade: pickerWidth([...options.grades.values()].flat(), 64, 200),
      step: pickerWidth(
        [...options.steps.values()].flat().map((s) => m.stepLabel(s)),
        56,
        96,
      ),
      qualification: pickerWidth([m.noQualification, ...options.qualifications], 64, 160),
    }),
    [options, m],
  );
  const headers: [text: string, right: boolean, pin: number | null][] = [
    ['#', false, null],
    [m.post, false, null],
    [m.grade, false, null],
    [m.step, false, null],
    [m.qualification, false, null],
    [m.count, false, null],
    [m.months, false, null],
    [m.colBonusMonths, false, null],
    [m.guideMonthly, true, null],
    [m.colMonthly, false, null],
    [m.note, false, null],
    [m.colPaidMonthly, true, 2],
    [m.labour, true, 1],
    ['', false, 0],
  ];
  return (
    <>
      <div
        style={{ overflowX: 'auto' }}
        ref={box}
        data-testid="staff-scroll"
        onPaste={onBlockPaste((text, start) => setPasted({ text, start: fields.some((f) => f.key === start) ? (start as StaffField) : undefined }))}
      >
        <table style={{ borderCollapse: 'separate', borderSpacing: 0, width: '100%', fontSize: 13 }} data-testid="staff-table">
          <thead>
            <tr style={{ background: '#fafafa', textAlign: 'left' }}>{headers.map(([h, right, pin], i) => headerCell(h, i, right, pin))}</tr>
          </thead>
          <tbody>
            {p.lines.map((line, i) => {
              const f = p.figures[i];
              return (
                <StaffRow
                  key={line.key}
                  line={line}
                  index={i}
                  options={options}
                  widths={widths}
                  guideMonthly={f ? f.guideMonthly : undefined}
                  monthly={f?.monthly ?? null}
                  belowGuideBy={f?.belowGuideBy ?? null}
                  labour={f?.labour ?? null}
                  invalid={p.invalidRows.has(i)}
                  issues={p.issues[i] ?? null}
                  m={m}
                  onChange={p.onChange}
                  onRemove={p.onRemove}
                />
              );
            })}
          </tbody>
        </table>
      </div>
      {/* outside the scroll box: the button stays where it is however far the table is scrolled */}
      <Button size="small" icon={<PlusOutlined />} onClick={p.onAdd} style={{ marginTop: 8 }} data-testid="add-staff">
        {m.addStaff}
      </Button>
      <PasteRowsDialog
        text={pasted?.text ?? null}
        table={m.labourTable}
        fields={fields}
        startField={pasted?.start}
        check={check}
        onApply={p.onPaste}
        onClose={() => setPasted(null)}
      />
    </>
  );
}
