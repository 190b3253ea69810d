import { Suspense, lazy, memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Badge, Button, Col, Row, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, FileExcelOutlined, SaveOutlined } from '@ant-design/icons';
import { monthStartDate, versionInForce } from '../../../src/core/guides/versions';
import type { Project } from '../../../src/core/projects/schema';
import type { CostLineJson, StaffLineJson } from '../../../src/core/budget/resultJson';
import { showApiError, showDone } from '../../components/feedback';
import { freeCopyName, useStaleSave } from '../../components/staleSave';
import { saveFilePayload } from '../../components/files';
import { withProgress } from '../../components/progress';
import { navigate } from '../../components/useHashRoute';
import { dateTime } from '../../format';
import { CostCard } from './CostTable';
import { draftFromProject, newKey, percentToRatio, projectInputFromStored, type CostDraft, type ProjectDraft, type StaffDraft } from './draft';
import { firstCell, guideOptions } from './guideOptions';
import { api, type ApiOutput } from '../../api';
import { recompute } from './recompute';
import { StaffCard, figuresOf, type StaffRowFigures } from './StaffTable';
import SummaryPanel from './SummaryPanel';
import { FeeCard, NotesCard, ProjectInfoCard } from './EditorCards';
import { useAutosave, type SaveState } from './useAutosave';
import { useDebounced } from './useDebounced';
import { useStableList, useStableSet } from './useStable';
import { useI18n, useMessages } from '../../i18n';
import { projectMessages } from './messages';

// recharts is ~400 kB: loaded after the totals are on screen, so it does not delay the first render
const BudgetCharts = lazy(() => import('./BudgetCharts'));

/**
 * The budget editor (项目预算): project fields, staff and cost lines, fee, tax and rules; totals,
 * checks and charts recomputed in the page on every keystroke; autosaved to the store.
 */
interface Loaded {
  draft: ProjectDraft;
  updatedAt: string;
  /** the stored revision the draft was read at: a save names it, and is refused if another window saved since */
  revision: number;
  guides: ApiOutput<'guides.list'>;
  sets: ApiOutput<'contributions.list'>;
  wages: ApiOutput<'referenceWages.list'>;
  /** the project's guide; others are fetched when the user picks them */
  guide: ApiOutput<'guides.get'>;
}

const SAVE_LABEL: Record<
  SaveState,
  { status: 'success' | 'processing' | 'warning' | 'error' | 'default'; text: 'stateSaved' | 'stateDirty' | 'stateSaving' | 'stateInvalid' | 'stateFailed' }
> = {
  saved: { status: 'success', text: 'stateSaved' },
  dirty: { status: 'warning', text: 'stateDirty' },
  saving: { status: 'processing', text: 'stateSaving' },
  invalid: { status: 'error', text: 'stateInvalid' },
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
      const [project, guides, sets, wages] = await Promise.all([
        api['projects.get']({ id }),
        api['guides.list']({}),
        api['contributions.list']({}),
        api['referenceWages.list']({}),
      ]);
      const guide = await api['guides.get']({ id: project.guideId });
      if (live) {
        const draft = draftFromProject(projectInputFromStored(project));
        setLoaded({ draft, updatedAt: project.updatedAt, revision: project.revision, guides, sets, wages, guide });
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

function Editor({ id, loaded, onReload }: { id: number; loaded: Loaded; onReload(): void }) {
  const { lang } = useI18n();
  const m = useMessages(projectMessages);
  const [draft, setDraft] = useState<ProjectDraft>(loaded.draft);
  const [guides, setGuides] = useState(() => new Map([[loaded.guide.id, loaded.guide]]));
  const [updatedAt, setUpdatedAt] = useState(loaded.updatedAt);
  const guide = guides.get(draft.guideId) ?? null;
  const contributionSet = loaded.sets.find((s) => s.id === draft.contributionSetId) ?? null;
  const refs = useMemo(() => (guide && contributionSet ? { guide, wages: loaded.wages, contributionSet } : null), [guide, contributionSet, loaded.wages]);
  const result = useMemo(() => recompute(draft, refs, lang), [draft, refs, lang]);
  // charts redraw when typing pauses: recharts costs more than a frame on a big budget
  const chartsBudget = useDebounced(result.budget, 400);

  const version = useMemo(
    () => (guide && /^\d{4}-\d{2}$/.test(draft.periodStart) ? versionInForce(guide.versions, monthStartDate(draft.periodStart)) : null),
    [guide, draft.periodStart],
  );
  const options = useMemo(() => guideOptions(version), [version]);

  const revision = useRef(loaded.revision);
  const save = useCallback(
    async (project: Project) => {
      const stored = await api['projects.update']({ id, revision: revision.current, project });
      revision.current = stored.revision;
      setUpdatedAt(stored.updatedAt);
    },
    [id],
  );
  // another window saved this project first: reload it, or keep these edits as a new project
  const askStale = useStaleSave();
  const onConflict = useCallback(
    (error: unknown, refused: Project) =>
      askStale({
        error,
        onReload,
        onKeepCopy: async () => {
          try {
            const names = (await api['projects.list']({})).map((p) => p.name);
            const copy = await api['projects.create']({ ...refused, name: freeCopyName(refused.name, names, lang), sample: false });
            showDone(m.duplicated(copy.name));
            navigate('projects', copy.id);
          } catch (e) {
            showApiError(m.duplicateFailed, e);
          }
        },
      }),
    [askStale, onReload, lang, m],
  );
  const { state: saveState, flush } = useAutosave(result.project, result.problems.length > 0, save, m.saveFailed, onConflict);

  const set = useCallback((patch: Partial<ProjectDraft>) => setDraft((d) => ({ ...d, ...patch })), []);
  const changeStaff = useCallback(
    (key: string, patch: Partial<StaffDraft>) => setDraft((d) => ({ ...d, staff: d.staff.map((s) => (s.key === key ? { ...s, ...patch } : s)) })),
    [],
  );
  const removeStaff = useCallback((key: string) => setDraft((d) => ({ ...d, staff: d.staff.filter((s) => s.key !== key) })), []);
  const changeCost = useCallback(
    (key: string, patch: Partial<CostDraft>) => setDraft((d) => ({ ...d, costs: d.costs.map((c) => (c.key === key ? { ...c, ...patch } : c)) })),
    [],
  );
  const removeCost = useCallback((key: string) => setDraft((d) => ({ ...d, costs: d.costs.filter((c) => c.key !== key) })), []);
  const addStaff = useCallback(() => {
    const cell = firstCell(options);
    setDraft((d) => ({
      ...d,
      staff: [
        ...d.staff,
        { key: newKey('s'), ...cell, qualification: '', count: '1', months: d.periodMonths || '12', bonusMonths: '0', monthly: '', note: '', extras: [] },
      ],
    }));
  }, [options]);
  const addCost = useCallback(
    () =>
      setDraft((d) => ({
        ...d,
        costs: [...d.costs, { key: newKey('c'), category: '服务活动', name: '', unitPrice: '0.00', quantity: '1', times: '1', note: '' }],
      })),
    [],
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
  const latestProject = useRef(result.project);
  latestProject.current = result.project;
  const exportWorkbook = useCallback(async () => {
    if (!(await flush()) && latestProject.current === null) {
      showApiError(m.cannotExport, new Error(m.fixBeforeExport));
      return;
    }
    try {
      const payload = await withProgress(m.exporting, () => api['excel.exportBudget']({ projectId: id }));
      const where = await saveFilePayload(payload);
      if (where) showDone(m.exported(where));
    } catch (e) {
      showApiError(m.exportFailed, e);
    }
  }, [flush, id, m]);

  // per-row figures and invalid rows keep their identity while equal, so a keystroke in a cost line
  // skips the whole staff table (and the other way round), and unchanged rows skip their render
  const figures = useStableList(
    useMemo(() => {
      const staffLines = result.budget?.lines.filter((l): l is StaffLineJson => l.kind === 'staff') ?? [];
      return draft.staff.map((_, i) => figuresOf(staffLines[i]));
    }, [result.budget, draft.staff]),
    sameFigures,
  );
  const costAmounts = useStableList(
    useMemo(() => {
      const costLines = result.budget?.lines.filter((l): l is CostLineJson => l.kind === 'cost') ?? [];
      return draft.costs.map((_, i) => costLines[i]?.amount ?? null);
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
  const back = useCallback(() => void flush().then(() => navigate('projects')), [flush]);
  const saveNow = useCallback(() => void flush(), [flush]);
  const exportNow = useCallback(() => void exportWorkbook(), [exportWorkbook]);

  const minLabourRatio = draft.minLabourPercent.trim() === '' ? null : percentToRatio(draft.minLabourPercent);

  return (
    <div data-testid="budget-editor">
      <EditorHeader name={draft.name} sample={draft.sample} saveState={saveState} updatedAt={updatedAt} onBack={back} onSave={saveNow} onExport={exportNow} />

      <Row gutter={16} wrap={false}>
        <Col flex="auto" style={{ minWidth: 0 }}>
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
            options={options}
            onChange={changeStaff}
            onRemove={removeStaff}
            onAdd={addStaff}
          />
          <CostCard lines={draft.costs} amounts={costAmounts} invalidRows={invalidCosts} onChange={changeCost} onRemove={removeCost} onAdd={addCost} />

          <FeeCard draft={draft} set={set} />
          <Suspense fallback={<Spin style={{ display: 'block', margin: 24 }} />}>
            <BudgetCharts budget={chartsBudget} minLabourShare={minLabourRatio} />
          </Suspense>
          <NotesCard notes={draft.notes} set={set} />
        </Col>
        <Col flex="280px">
          <div style={{ position: 'sticky', top: 12 }}>
            <SummaryPanel budget={result.budget} problems={result.problems} />
          </div>
        </Col>
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
  onBack(): void;
  onSave(): void;
  onExport(): void;
}

/** Title, save state and actions: memoised, so typing in a line does not re-render its buttons. */
const EditorHeader = memo(function EditorHeader(p: HeaderProps) {
  const m = useMessages(projectMessages);
  const badge = SAVE_LABEL[p.saveState];
  return (
    <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }} wrap>
      <Space>
        <Button icon={<ArrowLeftOutlined />} onClick={p.onBack}>
          {m.back}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="editor-title">
          {p.name || m.unnamed}
        </Typography.Title>
        {p.sample && <Tag color="blue">{m.sample}</Tag>}
      </Space>
      <Space>
        <Badge status={badge.status} text={<span data-testid="save-state">{m[badge.text]}</span>} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {m.updatedOn(dateTime(p.updatedAt))}
        </Typography.Text>
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
