import { DownloadOutlined, FileExcelOutlined, PlayCircleOutlined, RedoOutlined, SnippetsOutlined, UndoOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  ConfigProvider,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Spin,
  Switch,
  Table,
  Tabs,
  Tag,
  Tooltip as Hint,
  Typography,
} from 'antd';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DEFAULT_PLAN_TITLE } from '../../../src/core/excel/plan/input';
import type { Community } from '../../../src/core/plan/community';
import { ONE, compare, isDecimalText, parseDecimal } from '../../../src/core/money/decimal';
import type { PolicyPoint } from '../../../src/core/staffing/policyPoint';
import { api } from '../../api';
import { inLanguage, problemsOf, showDone, useShowApiError } from '../../components/feedback';
import { pickFile, saveFilePayload } from '../../components/files';
import { useJobRunner } from '../../components/JobProgress';
import { withProgress } from '../../components/progress';
import { freeCopyName, useStaleSave } from '../../components/staleSave';
import { useUndoKeys } from '../../components/undoHistory';
import { useLatest } from '../../components/useLatest';
import { yuan } from '../../format';
import { useI18n, useMessages } from '../../i18n';
import { planWarningText } from '../../i18n/coreText';
import { CertificationAtQuota } from './CertificationAtQuota';
import { planMessages } from './messages';
import { MixEditor } from './MixEditor';
import { restoreLine } from './mixDraft';
import { PasteCommunities } from './PasteCommunities';
import { PlanList, type PlanSummary } from './PlanList';
import { UnionPosts } from './UnionPosts';
import {
  adjustmentRatio,
  chosenMix,
  currentStaff,
  initialPlanState,
  newPlan,
  planInput,
  planReducer,
  planSave,
  type PlanChoices,
  type StoredPlan,
} from './planState';
import { usePlanAutosave } from './usePlanAutosave';

/** The undo keys while a plan is being opened: the edits of the plan on the page are about to be replaced. */
const NO_HISTORY = { undo: () => {}, redo: () => {} };

/** The plan open when the planner left the page, to come back to (this browser profile only). */
const OPEN_PLAN_KEY = 'paybench.areaPlan';

function rememberedPlan(): number | null {
  try {
    const v = Number(localStorage.getItem(OPEN_PLAN_KEY));
    return Number.isInteger(v) && v > 0 ? v : null;
  } catch {
    return null;
  }
}

function rememberPlan(id: number | null): void {
  try {
    if (id === null) localStorage.removeItem(OPEN_PLAN_KEY);
    else localStorage.setItem(OPEN_PLAN_KEY, String(id));
  } catch {
    // private mode: the page opens the most recent plan instead
  }
}

/**
 * 区域规划: import a community list, apply a staffing rule, price the posts with a pay guide, a
 * contribution set and a post mix, and see quotas, gaps and labour cost by district and street,
 * with a projection over years; export the whole plan as an auditable workbook. Plans are saved
 * objects: the page autosaves the open one, lists the others, and on coming back opens the one
 * left open, its results computed again from what was saved.
 */
export default function AreaPlanPage() {
  const [state, dispatch] = useReducer(planReducer, undefined, () => initialPlanState());
  const { presets, guides, contributionSets, communities, fileName, choices, mixDraft, result } = state;
  const m = useMessages(planMessages);
  const { lang } = useI18n();
  const { message } = App.useApp();
  const showApiError = useShowApiError();
  const choose = (patch: Partial<PlanChoices>) => dispatch({ type: 'choose', choices: patch, at: Date.now() });
  /**
   * Plans being opened (the one left open when the page mounts, or one chosen from the list): while
   * any is, the page is disabled under a spinner, so nothing typed before the saved plan arrives is
   * overwritten by it. The page starts so (`listed` false): the list is read and the plan left open opened first.
   */
  const [listed, setListed] = useState(false);
  const [opening, setOpening] = useState(0);
  const loading = !listed || opening > 0;
  async function whileOpening<T>(work: () => Promise<T>): Promise<T> {
    setOpening((n) => n + 1);
    try {
      return await work();
    } finally {
      setOpening((n) => n - 1);
    }
  }
  // Ctrl+Z / Ctrl+Y in the rule and pricing form and the post mix: the plan's edits (planState.ts history)
  const editorRoot = useRef<HTMLDivElement>(null);
  const history = useMemo(() => ({ undo: () => dispatch({ type: 'undo' }), redo: () => dispatch({ type: 'redo' }) }), []);
  useUndoKeys(editorRoot, loading ? NO_HISTORY : history);
  const job = useJobRunner();
  const staleSave = useStaleSave();
  const [plans, setPlans] = useState<PlanSummary[]>([]);
  /** a plan was opened: compute its results once the rule presets are here */
  const [recompute, setRecompute] = useState(false);
  const [recomputeError, setRecomputeError] = useState<string | null>(null);
  const [pasteText, setPasteText] = useState<string | null>(null);
  const latest = useLatest({ state, plans, m, lang });

  const refreshPlans = () =>
    api['plan.list']({}).then(
      (list) => {
        setPlans(list);
        return list;
      },
      (e: unknown) => {
        showApiError(latest.current.m.loadPlansFailed, e);
        return [] as PlanSummary[];
      },
    );

  function showOpened(plan: StoredPlan) {
    dispatch({ type: 'opened', plan });
    rememberPlan(plan.id);
    setRecomputeError(null);
    setRecompute(true);
  }

  async function openPlan(id: number) {
    await whileOpening(async () => {
      await autosave.flush();
      try {
        showOpened(await api['plan.get']({ id }));
      } catch (e) {
        showApiError(latest.current.m.openFailed, e);
      }
    });
  }

  const autosave = usePlanAutosave(
    state,
    dispatch,
    (e) => showApiError(latest.current.m.saveFailed, e),
    (error) => {
      const { state: s, plans: list, lang: l } = latest.current;
      staleSave({
        error,
        onReload: () => (s.planId !== null ? openPlan(s.planId) : undefined),
        onKeepCopy: async () => {
          const mine = planSave(s, true)!;
          try {
            const { id: _id, revision: _r, ...rest } = mine;
            const copy = await api['plan.save']({
              ...rest,
              communities: s.communities,
              name: freeCopyName(
                s.name,
                list.map((p) => p.name),
                l,
              ),
            });
            showOpened(copy);
            void refreshPlans();
          } catch (e) {
            showApiError(latest.current.m.saveFailed, e);
          }
        },
      });
    },
  );

  useEffect(() => {
    api['staffing.presets']({}).then(
      (p) => dispatch({ type: 'presetsLoaded', presets: p }),
      (e) => showApiError(m.loadRulesFailed, e),
    );
    api['guides.list']({}).then(
      (g) => dispatch({ type: 'guidesLoaded', guides: g.map((x) => ({ id: x.id, name: x.name })) }),
      (e) => showApiError(m.loadGuidesFailed, e),
    );
    api['contributions.list']({}).then(
      (s) => dispatch({ type: 'contributionSetsLoaded', sets: s.map((x) => ({ id: x.id, name: x.name })) }),
      (e) => showApiError(m.loadSetsFailed, e),
    );
    // the plan left open last time, else the most recently changed
    void refreshPlans()
      .then(async (list) => {
        const remembered = rememberedPlan();
        const id = list.find((p) => p.id === remembered)?.id ?? list[0]?.id;
        if (id !== undefined) await openPlan(id);
      })
      .finally(() => setListed(true));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the lists load once, when the page opens
  }, []);

  // the list's counts and times follow the open plan's saves
  useEffect(() => {
    if (state.planId !== null) void refreshPlans();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refreshed when a save moves the revision
  }, [state.revision]);

  // results are not stored: an opened plan is computed again, quietly, once the presets are here
  useEffect(() => {
    if (!recompute || !presets) return;
    setRecompute(false);
    if (state.communities.length === 0) return;
    api['plan.run'](planInput(state)).then(
      (computed) => dispatch({ type: 'computed', result: computed }),
      (e: unknown) => setRecomputeError(problemsOf(inLanguage(e, lang)).message),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per opened plan
  }, [recompute, presets]);

  const staffNow = useMemo(() => currentStaff(communities), [communities]);
  // a rise is 0 to under 100 %, typed in percent like every rate of the app
  const adjustment = adjustmentRatio(choices.adjustmentPercent);
  const adjustmentValid = isDecimalText(adjustment) && compare(parseDecimal(adjustment), ONE) < 0;

  /** Puts a list into the open plan, or into a new plan (with the page's boxes) when none is open. */
  async function takeCommunities(list: Community[], source: { kind: 'import'; fileName: string } | { kind: 'paste' }) {
    if (state.planId === null) {
      const stored = await whileOpening(() => api['plan.save'](newPlan(state.choices, list, source.kind === 'import' ? source.fileName : '')));
      showOpened(stored);
      void refreshPlans();
      return;
    }
    if (source.kind === 'import') dispatch({ type: 'imported', fileName: source.fileName, communities: list });
    else dispatch({ type: 'pasted', communities: list });
  }

  async function importList() {
    const file = await pickFile({ name: m.fileFilter, extensions: ['xlsx', 'csv'] });
    if (!file) return;
    try {
      const r = await job.run(m.importing, 'plan.importCommunities', { file });
      if (!r) {
        showDone(m.importCancelled);
        return;
      }
      await takeCommunities(r.communities, { kind: 'import', fileName: file.fileName });
      showDone(m.imported(r.communities.length, r.ignoredColumns));
    } catch (e) {
      showApiError(m.importFailed, e);
    }
  }

  async function addPasted(list: Community[]) {
    try {
      await takeCommunities(list, { kind: 'paste' });
      setPasteText(null);
      showDone(m.pasted(list.length));
    } catch (e) {
      showApiError(m.saveFailed, e);
    }
  }

  async function template() {
    try {
      await saveFilePayload(await api['plan.template']({}));
    } catch (e) {
      showApiError(m.templateFailed, e);
    }
  }

  async function createPlan() {
    await whileOpening(async () => {
      await autosave.flush();
      try {
        showOpened(await api['plan.save'](newPlan(initialPlanState().choices, [], '')));
        void refreshPlans();
      } catch (e) {
        showApiError(latest.current.m.saveFailed, e);
      }
    });
  }

  async function renamePlan(plan: PlanSummary, name: string): Promise<boolean> {
    try {
      const isOpen = plan.id === state.planId;
      if (isOpen) await autosave.flush();
      const renamed = await api['plan.rename']({ id: plan.id, name, revision: isOpen ? latest.current.state.revision : plan.revision });
      if (renamed.id === latest.current.state.planId) dispatch({ type: 'saved', revision: renamed.revision, name: renamed.name });
      void refreshPlans();
      return true;
    } catch (e) {
      showApiError(m.renameFailed, e);
      return false;
    }
  }

  async function duplicatePlan(plan: PlanSummary) {
    await whileOpening(async () => {
      await autosave.flush();
      try {
        showOpened(await api['plan.duplicate']({ id: plan.id }));
        void refreshPlans();
      } catch (e) {
        showApiError(latest.current.m.duplicateFailed, e);
      }
    });
  }

  /** A mix line removed at once, without asking: Ctrl+Z, or 撤销 in the notice, puts it back at its place. */
  function removeMixLine(index: number) {
    const line = mixDraft?.lines[index];
    if (!line) return;
    dispatch({ type: 'editMix', draft: (d) => ({ ...d, lines: d.lines.filter((l) => l.key !== line.key) }), at: Date.now() });
    const key = `mix-removed-${line.key}`;
    void message.open({
      key,
      type: 'info',
      duration: 8,
      content: (
        <span data-testid="mix-line-removed">
          {m.mixLineRemoved(index + 1, line.label)}
          {' · '}
          <Button
            type="link"
            size="small"
            style={{ padding: 0 }}
            data-testid="mix-undo-remove"
            onClick={() => {
              dispatch({ type: 'editMix', draft: (d) => restoreLine(d, line, index), at: Date.now() });
              message.destroy(key);
            }}
          >
            {m.undo}
          </Button>
        </span>
      ),
    });
  }

  // 持证率按满编: the result's communities and districts, the same arrays while the result is
  const certification = useMemo(() => (result ? { communities: result.communities, districts: result.districts.map((d) => d.district) } : null), [result]);

  async function deletePlan(plan: PlanSummary) {
    try {
      await api['plan.delete']({ id: plan.id });
      if (plan.id === state.planId) {
        dispatch({ type: 'closed' });
        rememberPlan(null);
      }
      showDone(m.removed(plan.name));
      void refreshPlans();
    } catch (e) {
      showApiError(m.removeFailed, e);
    }
  }

  const preset = chosenMix(state);

  async function run() {
    try {
      const computed = await withProgress(m.running, () => api['plan.run'](planInput(state)));
      dispatch({ type: 'computed', result: computed });
      setRecomputeError(null);
    } catch (e) {
      showApiError(m.runFailed, e);
    }
  }

  async function exportWorkbook() {
    try {
      const file = await job.run(m.exporting, 'plan.exportWorkbook', planInput(state));
      if (!file) {
        showDone(m.exportCancelled);
        return;
      }
      const saved = await saveFilePayload(file);
      if (saved) showDone(m.exported(saved));
    } catch (e) {
      showApiError(m.exportFailed, e);
    }
  }

  const saveTag =
    state.planId === null ? null : (
      <Tag color={{ saved: 'green', dirty: 'gold', saving: 'blue', failed: 'red' }[autosave.saveState]} data-testid="plan-save-state">
        {{ saved: m.saved, dirty: m.unsaved, saving: m.saving, failed: m.saveStateFailed }[autosave.saveState]}
      </Tag>
    );

  const priced = Boolean(result?.mix);
  const totalColumns = (first: { title: string; dataIndex: string }[]) => [
    ...first,
    { title: m.communities, dataIndex: 'communities', align: 'right' as const },
    { title: m.quotaMin, dataIndex: 'min', align: 'right' as const },
    { title: m.quotaChosen, dataIndex: 'chosen', align: 'right' as const },
    { title: m.quotaMax, dataIndex: 'max', align: 'right' as const },
    { title: m.currentStaff, dataIndex: 'currentStaff', align: 'right' as const },
    { title: m.toRecruit, dataIndex: 'toRecruit', align: 'right' as const },
    { title: m.overQuota, dataIndex: 'overQuota', align: 'right' as const },
    { title: m.certificateGap, dataIndex: 'certificateGap', align: 'right' as const },
    ...(priced ? [{ title: m.labourYuan, dataIndex: 'labour', align: 'right' as const, render: (v: string) => yuan(v) }] : []),
  ];

  return (
    <div data-testid="plan-page">
      <Spin spinning={loading} tip={m.loadingPlan} size="large">
        {/* while a saved plan is being opened every box is disabled, keys included (the spinner alone stops only the mouse) */}
        <ConfigProvider componentDisabled={loading}>
          <div data-testid={loading ? 'plan-loading' : 'plan-loaded'}>
            <Space align="baseline" wrap>
              <Typography.Title level={4} data-testid="plan-title-bar">
                {state.planId === null ? m.title : `${m.title} — ${state.name}`}
              </Typography.Title>
              {saveTag}
            </Space>
            <PlanList
              plans={plans}
              openId={state.planId}
              onOpen={(id) => void openPlan(id)}
              onNew={() => void createPlan()}
              onRename={renamePlan}
              onDuplicate={(p) => void duplicatePlan(p)}
              onDelete={(p) => void deletePlan(p)}
              busy={loading}
            />
            {state.planId === null && plans.length === 0 && <Alert style={{ marginBottom: 16 }} type="info" showIcon message={m.noPlan} />}
            <Space style={{ marginBottom: 16 }} wrap>
              <Button icon={<UploadOutlined />} onClick={importList} disabled={loading} data-testid="import-communities">
                {m.importList}
              </Button>
              <Button icon={<SnippetsOutlined />} onClick={() => setPasteText('')} disabled={loading} data-testid="paste-communities">
                {m.pasteRows}
              </Button>
              <Button icon={<DownloadOutlined />} onClick={template}>
                {m.downloadTemplate}
              </Button>
              {communities.length > 0 && (
                <Typography.Text data-testid="community-count">{m.listSummary(fileName, communities.length, staffNow)}</Typography.Text>
              )}
            </Space>
            {communities.length > 0 && (
              <Card size="small" title={m.communityList} extra={<Typography.Text type="secondary">{m.pasteHint}</Typography.Text>} style={{ marginBottom: 16 }}>
                <div
                  tabIndex={0}
                  onPaste={(e) => {
                    e.preventDefault();
                    setPasteText(e.clipboardData.getData('text/plain'));
                  }}
                  data-testid="community-list"
                >
                  <Table
                    size="small"
                    rowKey={(c) => `${c.row}/${c.name}`}
                    dataSource={communities}
                    pagination={{ pageSize: 10, size: 'small', showSizeChanger: false }}
                    scroll={{ x: true }}
                    columns={[
                      { title: m.row, dataIndex: 'row', width: 60 },
                      { title: m.district, dataIndex: 'district' },
                      { title: m.street, dataIndex: 'street' },
                      { title: m.community, dataIndex: 'name' },
                      { title: m.households, dataIndex: 'households', align: 'right' },
                      { title: m.current, dataIndex: 'currentStaff', align: 'right' },
                    ]}
                  />
                </div>
              </Card>
            )}
            <PasteCommunities text={pasteText} existing={communities} onAdd={(list) => void addPasted(list)} onClose={() => setPasteText(null)} />
            {job.modal}

            <div ref={editorRoot}>
              <Card
                size="small"
                title={m.rulesAndPricing}
                extra={
                  <Space.Compact>
                    <Hint title={m.undoHint}>
                      <Button
                        size="small"
                        icon={<UndoOutlined />}
                        onClick={history.undo}
                        disabled={loading || state.history.past.length === 0}
                        aria-label={m.undo}
                        data-testid="plan-undo"
                      />
                    </Hint>
                    <Hint title={m.redoHint}>
                      <Button
                        size="small"
                        icon={<RedoOutlined />}
                        onClick={history.redo}
                        disabled={loading || state.history.future.length === 0}
                        aria-label={m.redo}
                        data-testid="plan-redo"
                      />
                    </Hint>
                  </Space.Compact>
                }
              >
                <Form layout="vertical">
                  <Row gutter={16}>
                    <Col span={8}>
                      <Form.Item label={m.rule}>
                        <Select
                          value={choices.ruleKey}
                          onChange={(ruleKey) => choose({ ruleKey })}
                          options={(presets?.communityRules ?? []).map((r) => ({ value: r.key, label: r.name }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item label={m.point}>
                        <Select
                          value={choices.point}
                          onChange={(v: PolicyPoint) => choose({ point: v })}
                          options={[
                            { value: 'min', label: m.pointMin },
                            { value: 'mid', label: m.pointMid },
                            { value: 'max', label: m.pointMax },
                          ]}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item label={m.startDate}>
                        <Input value={choices.date} onChange={(e) => choose({ date: e.target.value })} />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item label={m.mix}>
                        <Select
                          allowClear
                          placeholder={m.mixPlaceholder}
                          value={state.mixIndex}
                          onChange={(v) => dispatch({ type: 'chooseMix', index: v ?? null })}
                          options={(presets?.mixes ?? []).map((x, i) => ({ value: i, label: x.name }))}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Row gutter={16}>
                    <Col span={12}>
                      <Form.Item label={m.guide}>
                        <Select
                          allowClear
                          value={choices.guideId}
                          onChange={(v) => choose({ guideId: v ?? null })}
                          options={guides.map((g) => ({ value: g.id, label: g.name }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={12}>
                      <Form.Item label={m.contributionSet}>
                        <Select
                          allowClear
                          value={choices.contributionSetId}
                          onChange={(v) => choose({ contributionSetId: v ?? null })}
                          options={contributionSets.map((s) => ({ value: s.id, label: s.name }))}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                  {preset && mixDraft && (
                    <MixEditor
                      draft={mixDraft}
                      onChange={(draft, group) => dispatch({ type: 'editMix', draft, group, at: Date.now() })}
                      onRemove={removeMixLine}
                      onReset={() => dispatch({ type: 'resetMix', at: Date.now() })}
                    />
                  )}
                  <Row gutter={16}>
                    <Col span={3}>
                      <Form.Item label={m.years}>
                        <InputNumber min={1} max={30} precision={0} value={choices.years} onChange={(years) => choose({ years })} />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item
                        label={m.adjustment}
                        validateStatus={adjustmentValid ? undefined : 'error'}
                        help={adjustmentValid ? undefined : m.adjustmentInvalid}
                      >
                        <Input
                          value={choices.adjustmentPercent}
                          onChange={(e) => choose({ adjustmentPercent: e.target.value })}
                          placeholder={m.adjustmentPlaceholder}
                          suffix="%"
                          data-testid="plan-adjustment"
                        />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item label={m.stepsPerYear}>
                        <InputNumber min={0} max={3} precision={0} value={choices.stepsPerYear} onChange={(stepsPerYear) => choose({ stepsPerYear })} />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item label={m.start}>
                        <InputNumber min={0} precision={0} value={choices.start} onChange={(start) => choose({ start })} placeholder={String(staffNow)} />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item label={m.addPerYear}>
                        <InputNumber min={0} precision={0} value={choices.addPerYear} onChange={(addPerYear) => choose({ addPerYear })} />
                      </Form.Item>
                    </Col>
                    <Col span={5}>
                      <Form.Item label={m.capToQuota}>
                        <Switch checked={choices.capToQuota} onChange={(capToQuota) => choose({ capToQuota })} />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Row gutter={16} align="bottom">
                    <Col span={5}>
                      <Form.Item label={m.unionEmployees}>
                        <InputNumber
                          min={0}
                          precision={0}
                          style={{ width: '100%' }}
                          value={choices.unionEmployees}
                          onChange={(unionEmployees) => choose({ unionEmployees })}
                          data-testid="plan-union-employees"
                        />
                      </Form.Item>
                    </Col>
                    <Col span={5}>
                      <Form.Item label={m.unionBranches}>
                        <InputNumber
                          min={0}
                          precision={0}
                          style={{ width: '100%' }}
                          value={choices.unionBranches}
                          onChange={(unionBranches) => choose({ unionBranches })}
                          data-testid="plan-union-branches"
                        />
                      </Form.Item>
                    </Col>
                    {presets && (
                      <Col span={14}>
                        <Form.Item>
                          <Typography.Text type="secondary">
                            {m.unionHint(
                              [presets.unitRules.unionEmployees.everyForMax, presets.unitRules.unionEmployees.everyForMin],
                              [presets.unitRules.unionBranches.everyForMax, presets.unitRules.unionBranches.everyForMin],
                            )}
                          </Typography.Text>
                        </Form.Item>
                      </Col>
                    )}
                  </Row>
                  <Space>
                    <Button type="primary" icon={<PlayCircleOutlined />} disabled={loading || communities.length === 0} onClick={run} data-testid="run-plan">
                      {m.run}
                    </Button>
                    <Input
                      addonBefore={m.planTitle}
                      placeholder={DEFAULT_PLAN_TITLE}
                      value={choices.title}
                      onChange={(e) => choose({ title: e.target.value })}
                      style={{ width: 320 }}
                      data-testid="plan-title"
                    />
                    <Button icon={<FileExcelOutlined />} disabled={loading || communities.length === 0} onClick={exportWorkbook}>
                      {m.exportWorkbook}
                    </Button>
                  </Space>
                </Form>
              </Card>
            </div>

            {communities.length === 0 && <Alert style={{ marginTop: 16 }} type="info" showIcon message={m.importHint} />}
            {recomputeError && (
              <Alert
                style={{ marginTop: 16 }}
                type="warning"
                showIcon
                message={m.recomputeFailed}
                description={recomputeError}
                data-testid="plan-recompute-error"
              />
            )}

            {result && (
              <Card size="small" style={{ marginTop: 16 }} title={m.ruleTitle(result.rule.name, result.rule.version, Boolean(result.rule.sample))}>
                {/* what the policy texts imply beyond the quotas: rows outside the rule, district caps, the post mix (docs/design.md, "Plan warnings") */}
                {result.warnings.length > 0 && (
                  <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }} data-testid="plan-warnings">
                    {result.warnings.map((w, i) => (
                      <Alert key={`${w.code}-${i}`} type={w.level === 'warning' ? 'warning' : 'info'} showIcon message={planWarningText(w, lang)} />
                    ))}
                  </Space>
                )}
                {result.union && presets && (
                  <UnionPosts union={result.union} rules={{ employees: presets.unitRules.unionEmployees, branches: presets.unitRules.unionBranches }} />
                )}
                <Tabs
                  items={[
                    {
                      key: 'districts',
                      label: m.tabDistricts,
                      children: (
                        <>
                          <Table
                            size="small"
                            rowKey="district"
                            pagination={false}
                            dataSource={[...result.districts, { ...result.totals, district: m.total }]}
                            columns={totalColumns([{ title: m.district, dataIndex: 'district' }])}
                            data-testid="district-table"
                          />
                          <div style={{ height: 280, marginTop: 16 }}>
                            <ResponsiveContainer>
                              <BarChart data={result.districts}>
                                <CartesianGrid strokeDasharray="3 3" />
                                <XAxis dataKey="district" />
                                <YAxis />
                                <Tooltip />
                                <Legend />
                                <Bar dataKey="chosen" name={m.legendQuota} fill="#1677ff" isAnimationActive={false} />
                                <Bar dataKey="currentStaff" name={m.legendCurrent} fill="#52c41a" isAnimationActive={false} />
                              </BarChart>
                            </ResponsiveContainer>
                          </div>
                        </>
                      ),
                    },
                    {
                      key: 'streets',
                      label: m.tabStreets,
                      children: (
                        <Table
                          size="small"
                          rowKey={(r) => `${r.district}/${'street' in r ? r.street : ''}`}
                          dataSource={result.streets}
                          columns={totalColumns([
                            { title: m.district, dataIndex: 'district' },
                            { title: m.street, dataIndex: 'street' },
                          ])}
                        />
                      ),
                    },
                    {
                      key: 'communities',
                      label: m.tabCommunities,
                      children: (
                        <Table
                          size="small"
                          rowKey="row"
                          dataSource={result.communities}
                          columns={[
                            { title: m.row, dataIndex: 'row' },
                            { title: m.district, dataIndex: 'district' },
                            { title: m.street, dataIndex: 'street' },
                            { title: m.community, dataIndex: 'name' },
                            { title: m.households, dataIndex: 'households', align: 'right' },
                            { title: m.min, dataIndex: 'min', align: 'right' },
                            { title: m.chosen, dataIndex: 'chosen', align: 'right' },
                            { title: m.max, dataIndex: 'max', align: 'right' },
                            { title: m.current, dataIndex: 'currentStaff', align: 'right' },
                            { title: m.gap, dataIndex: 'staffGap', align: 'right' },
                            { title: m.certificateGap, dataIndex: 'certificateGap', align: 'right' },
                            ...(priced ? [{ title: m.labourYuan, dataIndex: 'labour', align: 'right' as const, render: (v: string) => yuan(v) }] : []),
                          ]}
                        />
                      ),
                    },
                    ...(result.projection
                      ? [
                          {
                            key: 'projection',
                            label: m.tabProjection,
                            children: (
                              <>
                                <Table
                                  size="small"
                                  rowKey="year"
                                  pagination={false}
                                  dataSource={result.projection}
                                  columns={[
                                    { title: m.year, dataIndex: 'year' },
                                    { title: m.headcount, dataIndex: 'headcount', align: 'right' },
                                    { title: m.gross, dataIndex: 'gross', align: 'right', render: (v: string) => yuan(v) },
                                    { title: m.contributions, dataIndex: 'contributions', align: 'right', render: (v: string) => yuan(v) },
                                    { title: m.levies, dataIndex: 'levies', align: 'right', render: (v: string) => yuan(v) },
                                    { title: m.labour, dataIndex: 'labour', align: 'right', render: (v: string) => yuan(v) },
                                  ]}
                                />
                                <div style={{ height: 260, marginTop: 16 }}>
                                  <ResponsiveContainer>
                                    <LineChart data={result.projection.map((y) => ({ year: y.year, labour: Number(y.labour) / 10000 }))}>
                                      <CartesianGrid strokeDasharray="3 3" />
                                      <XAxis dataKey="year" />
                                      <YAxis unit={m.tenThousandYuan} width={72} />
                                      <Tooltip formatter={(v: number) => m.tooltipTenThousand(v.toFixed(2))} />
                                      <Line dataKey="labour" name={m.legendLabour} stroke="#1677ff" isAnimationActive={false} />
                                    </LineChart>
                                  </ResponsiveContainer>
                                </div>
                              </>
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
              </Card>
            )}
            {certification && <CertificationAtQuota communities={certification.communities} districts={certification.districts} date={choices.date} />}
          </div>
        </ConfigProvider>
      </Spin>
    </div>
  );
}
