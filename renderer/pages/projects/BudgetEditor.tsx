import { Suspense, lazy, memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { App, Badge, Button, Col, ConfigProvider, Grid, Row, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, CalculatorOutlined, FileExcelOutlined, RedoOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { monthStartDate, versionInForce } from '../../../src/core/guides/versions';
import type { CostLineJson, StaffLineJson } from '../../../src/core/budget/resultJson';
import type { FieldProblem } from '../../../src/core/spec/fields';
import { useLeaveGuard, leaveTo } from '../../components/leaveGuard';
import type { PastedValues } from '../../components/pasteRows/PasteRowsDialog';
import { useUndoKeys, useUndoable } from '../../components/undoHistory';
import { showApiError, showDone } from '../../components/feedback';
import { freeCopyName, useStaleSave } from '../../components/staleSave';
import { saveFilePayload } from '../../components/files';
import { useJobRunner } from '../../components/JobProgress';
import { useLatest } from '../../components/useLatest';
import { navigate } from '../../components/useHashRoute';
import { dateTime } from '../../format';
import { CostCard } from './CostTable';
import {
  describePath,
  draftFromProject,
  draftFromRecord,
  newKey,
  percentToRatio,
  projectInputFromStored,
  recordFromDraft,
  type CostDraft,
  type ProjectDraft,
  type StaffDraft,
} from './draft';
import { sameIssues, type LineIssue } from './LineCells';
import { costFromPaste, staffFromPaste, type CostField, type StaffField } from './pasteLines';
import { firstCell, guideOptions } from './guideOptions';
import { api, type ApiOutput } from '../../api';
import { recompute } from './recompute';
import { StaffCard, figuresOf, type StaffRowFigures } from './StaffTable';
import SummaryPanel from './SummaryPanel';
import TotalsStrip from './TotalsStrip';
import SubmissionBar from './SubmissionBar';
import { FeeCard, NotesCard, ProjectInfoCard } from './EditorCards';
import { useAutosave, type SavePayload, type SaveState } from './useAutosave';
import { useDebounced } from './useDebounced';
import { useStableList, useStableSet } from './useStable';
import { useI18n, useMessages } from '../../i18n';
import { projectMessages } from './messages';
import FitDialog from './FitDialog';
import TaxSwitchNotice from './TaxSwitchNotice';
import { taxFields, taxSwitchEffect, type TaxFields, type TaxSwitchEffect } from './taxSwitch';
import { toolMessages } from './toolMessages';

// recharts is ~400 kB: loaded after the totals are on screen, so it does not delay the first render
const BudgetCharts = lazy(() => import('./BudgetCharts'));

/**
 * The budget editor (项目预算): project fields, staff and cost lines, fee, tax and rules; totals,
 * checks and charts recomputed in the page on every keystroke; autosaved to the store.
 */
interface Loaded {
  draft: ProjectDraft;
  /** the draft is the project's kept draft (草稿), not the stored project */
  fromDraft: boolean;
  updatedAt: string;
  /** the stored revision the draft was read at: a save names it, and is refused if another window saved since */
  revision: number;
  guides: ApiOutput<'guides.list'>;
  sets: ApiOutput<'contributions.list'>;
  wages: ApiOutput<'referenceWages.list'>;
  /** the project's guide; others are fetched when the user picks them */
  guide: ApiOutput<'guides.get'>;
  /** a submitted project (已提交) is priced with what it was submitted with, and is not edited until withdrawn */
  pinned: ApiOutput<'projects.pinnedRefs'>;
}

const SAVE_LABEL: Record<
  SaveState,
  { status: 'success' | 'processing' | 'warning' | 'error' | 'default'; text: 'stateSaved' | 'stateDirty' | 'stateSaving' | 'stateDraft' | 'stateFailed' }
> = {
  saved: { status: 'success', text: 'stateSaved' },
  dirty: { status: 'warning', text: 'stateDirty' },
  saving: { status: 'processing', text: 'stateSaving' },
  draft: { status: 'error', text: 'stateDraft' },
  failed: { status: 'error', text: 'stateFailed' },
};

export default function BudgetEditor({ id }: { id: number }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  /** bumped by 重新载入 after a save conflict: read the project again and start a fresh editor */
  const [reloads, setReloads] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  const m = useMessages(projectMessages);
  const openFailed = useRef(m.openFailed);
  openFailed.current = m.openFailed;

  useEffect(() => {
    let live = true;
    (async () => {
      const [project, kept, guides, sets, wages, pinned] = await Promise.all([
        api['projects.get']({ id }),
        api['drafts.get']({ projectId: id }),
        api['guides.list']({}),
        api['contributions.list']({}),
        api['referenceWages.list']({}),
        api['projects.pinnedRefs']({ id }),
      ]);
      const guide = await api['guides.get']({ id: kept?.draft.guideId || project.guideId }).catch(() => api['guides.get']({ id: project.guideId }));
      if (live) {
        // the kept draft is the user's text as last typed: it, not the stored project, is what they left
        const draft = kept ? draftFromRecord(kept.draft) : draftFromProject(projectInputFromStored(project));
        const updatedAt = kept ? kept.savedAt : project.updatedAt;
        setLoaded({ draft, fromDraft: kept !== null, updatedAt, revision: project.revision, guides, sets, wages, guide, pinned });
      }
    })().catch((e: unknown) => {
      if (!live) return;
      setLoadError(e instanceof Error ? e.message : String(e));
      showApiError(openFailed.current, e);
    });
    return () => {
      live = false;
    };
  }, [id, reloads]);
  const reload = useCallback(() => {
    setLoaded(null);
    setReloads((n) => n + 1);
  }, []);

  if (loadError) return <Typography.Text type="danger">{loadError}</Typography.Text>;
  if (!loaded) return <Spin />;
  return <Editor key={reloads} id={id} loaded={loaded} onReload={reload} />;
}

type LineList = 'staff' | 'costs';

/** The draft with one line list replaced (the lists' line types differ; the edit is the same). */
function withLines(d: ProjectDraft, list: LineList, lines: (StaffDraft | CostDraft)[]): ProjectDraft {
  return list === 'staff' ? { ...d, staff: lines as StaffDraft[] } : { ...d, costs: lines as CostDraft[] };
}

/** Each line's problems by its place in the draft, with the field they are about ('' = the whole line). */
function issuesByLine(problems: FieldProblem[], list: LineList, count: number): (LineIssue[] | null)[] {
  const out: (LineIssue[] | null)[] = Array.from({ length: count }, () => null);
  for (const p of problems) {
    const m = /^(staff|costs)\[(\d+)\]\.?(\w*)/.exec(p.path);
    if (!m || m[1] !== list) continue;
    const i = Number(m[2]);
    if (i < count) (out[i] ??= []).push({ field: m[3] ?? '', message: p.message });
  }
  return out;
}

function Editor({ id, loaded, onReload }: { id: number; loaded: Loaded; onReload(): void }) {
  const { lang } = useI18n();
  const m = useMessages(projectMessages);
  const { message, modal } = App.useApp();
  const job = useJobRunner();
  // the runner is a new object each render; the memoised header's export callback reads it through a ref
  const runJob = useLatest(job.run);
  const history = useUndoable<ProjectDraft>(loaded.draft);
  const { value: draft, edit } = history;
  const root = useRef<HTMLDivElement>(null);
  useUndoKeys(root, history);
  const [guides, setGuides] = useState(() => new Map([[loaded.guide.id, loaded.guide]]));
  const [updatedAt, setUpdatedAt] = useState(loaded.updatedAt);
  const guide = guides.get(draft.guideId) ?? null;
  const contributionSet = loaded.sets.find((s) => s.id === draft.contributionSetId) ?? null;
  // 期间内调整: a set no longer there is left out, and projectToSpec names the gap
  const laterSets = useMemo(
    () => draft.laterContributionSetIds.flatMap((setId) => loaded.sets.filter((s) => s.id === setId)),
    [draft.laterContributionSetIds, loaded.sets],
  );
  const refs = useMemo(
    () => loaded.pinned ?? (guide && contributionSet ? { guide, wages: loaded.wages, contributionSet, laterContributionSets: laterSets } : null),
    [loaded.pinned, guide, contributionSet, laterSets, loaded.wages],
  );
  const submitted = loaded.pinned !== null;
  // the totals panel sits beside the line tables from 1600 px (antd xxl); narrower, it moves under them and a strip of
  // key figures stays at the top, so the staff table's money columns fit without one pinned over another (TotalsStrip.tsx)
  const wide = Grid.useBreakpoint().xxl === true;
  const result = useMemo(() => recompute(draft, refs, lang), [draft, refs, lang]);
  // charts redraw when typing pauses: recharts costs more than a frame on a big budget
  const chartsBudget = useDebounced(result.budget, 400);

  const version = useMemo(
    () => (guide && /^\d{4}-\d{2}$/.test(draft.periodStart) ? versionInForce(guide.versions, monthStartDate(draft.periodStart)) : null),
    [guide, draft.periodStart],
  );
  const options = useMemo(() => guideOptions(version), [version]);

  // a valid draft is saved as the project; one with errors is kept as the project's draft (草稿)
  const problemCount = result.problems.length;
  const payload = useMemo<SavePayload>(
    () => (result.project ? { kind: 'project', project: result.project } : { kind: 'draft', draft: recordFromDraft(draft), problems: problemCount }),
    [result.project, draft, problemCount],
  );
  const revision = useRef(loaded.revision);
  /** a draft is kept in the store: once the project is saved, it is dropped */
  const draftKept = useRef(loaded.fromDraft);
  const save = useCallback(
    async (p: SavePayload) => {
      if (p.kind === 'draft') {
        const kept = await api['drafts.keep']({ projectId: id, revision: revision.current, draft: p.draft, problems: p.problems });
        draftKept.current = true;
        setUpdatedAt(kept.savedAt);
        return;
      }
      const stored = await api['projects.update']({ id, revision: revision.current, project: p.project });
      revision.current = stored.revision;
      setUpdatedAt(stored.updatedAt);
      if (draftKept.current) {
        // the project's new revision already makes the draft stale; dropping it only tidies the store
        draftKept.current = false;
        await api['drafts.discard']({ projectId: id }).catch(() => undefined);
      }
    },
    [id],
  );
  // another window saved this project first: reload it, or keep these edits as a new project
  const askStale = useStaleSave();
  const onConflict = useCallback(
    (error: unknown, refused: SavePayload) =>
      askStale({
        error,
        onReload,
        // a draft with errors cannot become a project of its own: then only 重新载入
        onKeepCopy:
          refused.kind === 'project'
            ? async () => {
                try {
                  const names = (await api['projects.list']({})).map((p) => p.name);
                  const copy = await api['projects.create']({ ...refused.project, name: freeCopyName(refused.project.name, names, lang), sample: false });
                  showDone(m.duplicated(copy.name));
                  navigate('projects', copy.id);
                } catch (e) {
                  showApiError(m.duplicateFailed, e);
                }
              }
            : undefined,
      }),
    [askStale, onReload, lang, m],
  );
  const { state: saveState, flush } = useAutosave(payload, save, m.saveFailed, onConflict);

  const latestDraft = useRef(draft);
  latestDraft.current = draft;
  const latestResult = useRef(result);
  latestResult.current = result;

  // Leaving through the menu or 返回列表: write what is pending; a draft with errors, or a save that
  // failed, is said before going (the draft is kept either way)
  const leaveTexts = useRef(m);
  leaveTexts.current = m;
  useLeaveGuard(
    useCallback(async () => {
      const saved = await flush();
      const r = latestResult.current;
      if (saved && r.project) return true;
      const t = leaveTexts.current;
      return new Promise<boolean>((resolve) => {
        modal.confirm({
          title: t.leaveTitle,
          content: <div data-testid="leave-prompt">{saved ? t.leaveDraft(r.problems.length) : t.leaveUnsaved}</div>,
          okText: t.leave,
          cancelText: t.stay,
          okButtonProps: { danger: !saved, 'data-testid': 'leave-confirm' },
          cancelButtonProps: { 'data-testid': 'leave-stay' },
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        });
      });
    }, [flush, modal]),
  );

  const set = useCallback((patch: Partial<ProjectDraft>) => edit((d) => ({ ...d, ...patch }), `form.${Object.keys(patch).join(',')}`), [edit]);

  // The tax switch explains itself (taxSwitch.ts): the switch is a step of its own, and the notice
  // prices the draft both ways; 撤销 puts back the method and rates it had
  const latestRefs = useRef(refs);
  latestRefs.current = refs;
  const [taxNotice, setTaxNotice] = useState<{ effect: TaxSwitchEffect; before: TaxFields } | null>(null);
  const setFee = useCallback(
    (patch: Partial<ProjectDraft>) => {
      const before = latestDraft.current;
      if (patch.taxMethod === undefined || patch.taxMethod === before.taxMethod) return set(patch);
      edit((d) => ({ ...d, ...patch }), null);
      setTaxNotice({ effect: taxSwitchEffect(before, { ...before, ...patch }, latestRefs.current), before: taxFields(before) });
    },
    [edit, set],
  );
  const undoTaxSwitch = useCallback(() => {
    if (taxNotice) edit((d) => ({ ...d, ...taxNotice.before }), null);
    setTaxNotice(null);
  }, [edit, taxNotice]);
  const closeTaxNotice = useCallback(() => setTaxNotice(null), []);

  // 倒算 (fitDraft.ts): the fitted counts or rate are one edit, undone by one Ctrl+Z
  const [fitOpen, setFitOpen] = useState(false);
  const openFit = useCallback(() => setFitOpen(true), []);
  const toolTexts = useMessages(toolMessages);
  const applyFit = useCallback(
    (update: (d: ProjectDraft) => ProjectDraft) => {
      edit(update, null);
      setFitOpen(false);
      showDone(toolTexts.applied);
    },
    [edit, toolTexts],
  );
  const changeStaff = useCallback(
    (key: string, patch: Partial<StaffDraft>) =>
      edit((d) => ({ ...d, staff: d.staff.map((s) => (s.key === key ? { ...s, ...patch } : s)) }), `staff.${key}.${Object.keys(patch).join(',')}`),
    [edit],
  );
  const changeCost = useCallback(
    (key: string, patch: Partial<CostDraft>) =>
      edit((d) => ({ ...d, costs: d.costs.map((c) => (c.key === key ? { ...c, ...patch } : c)) }), `costs.${key}.${Object.keys(patch).join(',')}`),
    [edit],
  );

  // Deleting asks nothing: the line goes, and 撤销 (or Ctrl+Z) brings it back at its place
  const deletedTexts = useRef({ m, lang });
  deletedTexts.current = { m, lang };
  const removeLine = useCallback(
    (list: LineList, key: string) => {
      const lines: (StaffDraft | CostDraft)[] = latestDraft.current[list];
      const index = lines.findIndex((l) => l.key === key);
      if (index < 0) return;
      const line = lines[index]!;
      edit((d) =>
        withLines(
          d,
          list,
          (d[list] as (StaffDraft | CostDraft)[]).filter((l) => l.key !== key),
        ),
      );
      const restore = () =>
        edit((d) => {
          const now: (StaffDraft | CostDraft)[] = d[list];
          if (now.some((l) => l.key === key)) return d;
          return withLines(d, list, [...now.slice(0, index), line, ...now.slice(index)]);
        });
      const { m: t, lang: l } = deletedTexts.current;
      const messageKey = `deleted-${key}`;
      void message.open({
        key: messageKey,
        type: 'info',
        duration: 8,
        content: (
          <span data-testid="line-deleted">
            {t.deletedLine(describePath(`${list}[${index}]`, l))}
            {' · '}
            <Button
              type="link"
              size="small"
              style={{ padding: 0 }}
              data-testid="undo-delete"
              onClick={() => {
                restore();
                message.destroy(messageKey);
              }}
            >
              {t.undo}
            </Button>
          </span>
        ),
      });
    },
    [edit, message],
  );
  const removeStaff = useCallback((key: string) => removeLine('staff', key), [removeLine]);
  const removeCost = useCallback((key: string) => removeLine('costs', key), [removeLine]);
  const addStaff = useCallback(() => {
    const cell = firstCell(options);
    edit((d) => ({
      ...d,
      staff: [
        ...d.staff,
        { key: newKey('s'), ...cell, qualification: '', count: '1', months: d.periodMonths || '12', bonusMonths: '0', monthly: '', note: '', extras: [] },
      ],
    }));
  }, [options, edit]);
  const addCost = useCallback(
    () =>
      edit((d) => ({
        ...d,
        costs: [...d.costs, { key: newKey('c'), category: '服务活动', name: '', unitPrice: '0.00', quantity: '1', times: '1', note: '' }],
      })),
    [edit],
  );
  // pasted rows (after the preview) are one step of the history: one Ctrl+Z takes them all back
  const pasteStaff = useCallback(
    (rows: PastedValues<StaffField>[], mode: 'append' | 'replace') =>
      edit((d) => {
        const lines = rows.map((v) => staffFromPaste(v, options, d.periodMonths));
        return { ...d, staff: mode === 'append' ? [...d.staff, ...lines] : lines };
      }),
    [options, edit],
  );
  const pasteCosts = useCallback(
    (rows: PastedValues<CostField>[], mode: 'append' | 'replace') =>
      edit((d) => {
        const lines = rows.map(costFromPaste);
        return { ...d, costs: mode === 'append' ? [...d.costs, ...lines] : lines };
      }),
    [edit],
  );

  const pickGuide = useCallback(
    async (guideId: number) => {
      try {
        if (!guides.has(guideId)) {
          const g = await api['guides.get']({ id: guideId });
          setGuides((m) => new Map(m).set(guideId, g));
        }
        set({ guideId });
      } catch (e) {
        showApiError(m.guideFailed, e);
      }
    },
    [guides, set, m],
  );

  // the header is memoised: its callbacks read the latest result through a ref instead of closing over it
  const exportWorkbook = useCallback(async () => {
    // a draft with errors is kept, not the project: the workbook would not be what the user sees
    if (latestResult.current.project === null) {
      showApiError(m.cannotExport, new Error(m.fixBeforeExport));
      return;
    }
    await flush();
    try {
      // a long export shows its progress and can be cancelled, writing nothing (docs/design.md §Data flow)
      const payload = await runJob.current(m.exporting, 'excel.exportBudget', { projectId: id });
      if (!payload) return;
      const where = await saveFilePayload(payload);
      if (where) showDone(m.exported(where));
    } catch (e) {
      showApiError(m.exportFailed, e);
    }
  }, [flush, id, m, runJob]);

  // per-row figures and invalid rows keep their identity while equal, so a keystroke in a cost line
  // skips the whole staff table (and the other way round), and unchanged rows skip their render;
  // a provisional budget has no figures for the lines it leaves out (line.index is the draft's)
  const figures = useStableList(
    useMemo(() => {
      const byIndex = new Map<number, StaffLineJson>();
      for (const l of result.budget?.lines ?? []) if (l.kind === 'staff') byIndex.set(l.index, l);
      return draft.staff.map((_, i) => figuresOf(byIndex.get(i)));
    }, [result.budget, draft.staff]),
    sameFigures,
  );
  const costAmounts = useStableList(
    useMemo(() => {
      const byIndex = new Map<number, CostLineJson>();
      for (const l of result.budget?.lines ?? []) if (l.kind === 'cost') byIndex.set(l.index, l);
      return draft.costs.map((_, i) => byIndex.get(i)?.amount ?? null);
    }, [result.budget, draft.costs]),
    Object.is,
  );
  const invalid = useMemo(() => {
    const staff = new Set<number>();
    const costs = new Set<number>();
    for (const p of result.problems) {
      const m = /^(staff|costs)\[(\d+)\]/.exec(p.path);
      if (m) (m[1] === 'staff' ? staff : costs).add(Number(m[2]));
    }
    return { staff, costs };
  }, [result.problems]);
  const invalidStaff = useStableSet(invalid.staff);
  const invalidCosts = useStableSet(invalid.costs);
  const staffIssues = useStableList(
    useMemo(() => issuesByLine(result.problems, 'staff', draft.staff.length), [result.problems, draft.staff.length]),
    sameIssues,
  );
  const costIssues = useStableList(
    useMemo(() => issuesByLine(result.problems, 'costs', draft.costs.length), [result.problems, draft.costs.length]),
    sameIssues,
  );
  const back = useCallback(() => void leaveTo('projects'), []);
  const saveNow = useCallback(() => void flush(), [flush]);
  const exportNow = useCallback(() => void exportWorkbook(), [exportWorkbook]);

  const minLabourRatio = draft.minLabourPercent.trim() === '' ? null : percentToRatio(draft.minLabourPercent);

  return (
    <div data-testid="budget-editor" ref={root}>
      <EditorHeader
        name={draft.name}
        sample={draft.sample}
        saveState={saveState}
        updatedAt={updatedAt}
        canUndo={history.canUndo}
        canRedo={history.canRedo}
        onUndo={history.undo}
        onRedo={history.redo}
        onBack={back}
        onSave={saveNow}
        onExport={exportNow}
        onFit={submitted ? null : openFit}
      />
      {fitOpen && (
        <FitDialog
          draft={draft}
          refs={refs}
          valid={result.project !== null && !result.provisional && result.budget !== null}
          onApply={applyFit}
          onClose={() => setFitOpen(false)}
        />
      )}
      <SubmissionBar projectId={id} onChanged={onReload} />
      {job.modal}

      <Row gutter={16} wrap={!wide}>
        <Col flex="auto" style={{ minWidth: 0 }}>
          {!wide && <TotalsStrip budget={result.budget} provisional={result.provisional} />}
          {/* 已提交: shown as submitted, edited only after 撤回提交 (docs/design.md §History and locks) */}
          <ConfigProvider componentDisabled={submitted}>
            <ProjectInfoCard
              draft={draft}
              guides={loaded.guides}
              sets={loaded.sets}
              versionText={version ? m.versionInForce(version.label, version.effectiveFrom) : m.noVersion}
              set={set}
              pickGuide={pickGuide}
            />

            <StaffCard
              lines={draft.staff}
              figures={figures}
              invalidRows={invalidStaff}
              issues={staffIssues}
              options={options}
              onChange={changeStaff}
              onRemove={removeStaff}
              onAdd={addStaff}
              onPaste={pasteStaff}
            />
            <CostCard
              lines={draft.costs}
              amounts={costAmounts}
              invalidRows={invalidCosts}
              issues={costIssues}
              onChange={changeCost}
              onRemove={removeCost}
              onAdd={addCost}
              onPaste={pasteCosts}
            />

            <FeeCard draft={draft} set={setFee} />
            {taxNotice && draft.taxMethod === taxNotice.effect.new.method && (
              <TaxSwitchNotice effect={taxNotice.effect} onUndo={undoTaxSwitch} onClose={closeTaxNotice} />
            )}
            <Suspense fallback={<Spin style={{ display: 'block', margin: 24 }} />}>
              <BudgetCharts budget={chartsBudget} minLabourShare={minLabourRatio} provisional={result.provisional} />
            </Suspense>
            <NotesCard notes={draft.notes} set={set} />
          </ConfigProvider>
        </Col>
        {wide ? (
          <Col flex="280px">
            <div style={{ position: 'sticky', top: 12 }}>
              <SummaryPanel budget={result.budget} problems={result.problems} excludedLines={result.excludedLines} />
            </div>
          </Col>
        ) : (
          <Col span={24} style={{ marginTop: 12 }}>
            <SummaryPanel budget={result.budget} problems={result.problems} excludedLines={result.excludedLines} />
          </Col>
        )}
      </Row>
    </div>
  );
}

function sameFigures(a: StaffRowFigures | null, b: StaffRowFigures | null): boolean {
  if (a === null || b === null) return a === b;
  return a.guideMonthly === b.guideMonthly && a.monthly === b.monthly && a.belowGuideBy === b.belowGuideBy && a.labour === b.labour;
}

interface HeaderProps {
  name: string;
  sample: boolean;
  saveState: SaveState;
  updatedAt: string;
  canUndo: boolean;
  canRedo: boolean;
  onUndo(): void;
  onRedo(): void;
  onBack(): void;
  onSave(): void;
  onExport(): void;
  /** opens the 倒算 dialog; null for a submitted project (not edited) */
  onFit: (() => void) | null;
}

/** Title, save state and actions: memoised, so typing in a line does not re-render its buttons. */
const EditorHeader = memo(function EditorHeader(p: HeaderProps) {
  const m = useMessages(projectMessages);
  const t = useMessages(toolMessages);
  const badge = SAVE_LABEL[p.saveState];
  const state = <Badge status={badge.status} text={<span data-testid="save-state">{m[badge.text]}</span>} />;
  return (
    <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }} wrap>
      <Space>
        <Button icon={<ArrowLeftOutlined />} onClick={p.onBack} data-testid="back-to-list">
          {m.back}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="editor-title">
          {p.name || m.unnamed}
        </Typography.Title>
        {p.sample && <Tag color="blue">{m.sample}</Tag>}
      </Space>
      <Space>
        {p.saveState === 'draft' ? <Tooltip title={m.stateDraftHint}>{state}</Tooltip> : state}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {m.updatedOn(dateTime(p.updatedAt))}
        </Typography.Text>
        <Space.Compact>
          <Tooltip title={m.undoHint}>
            <Button icon={<UndoOutlined />} onClick={p.onUndo} disabled={!p.canUndo} aria-label={m.undo} data-testid="undo" />
          </Tooltip>
          <Tooltip title={m.redoHint}>
            <Button icon={<RedoOutlined />} onClick={p.onRedo} disabled={!p.canRedo} aria-label={m.redo} data-testid="redo" />
          </Tooltip>
        </Space.Compact>
        <Tooltip title={t.fitHint}>
          <Button icon={<CalculatorOutlined />} onClick={p.onFit ?? undefined} disabled={p.onFit === null} data-testid="fit-open">
            {t.fitButton}
          </Button>
        </Tooltip>
        <Button icon={<SaveOutlined />} onClick={p.onSave} data-testid="save">
          {m.save}
        </Button>
        <Button type="primary" icon={<FileExcelOutlined />} onClick={p.onExport} data-testid="export">
          {m.exportWorkbook}
        </Button>
      </Space>
    </Space>
  );
});
