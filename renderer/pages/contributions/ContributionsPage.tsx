import { CopyOutlined, DeleteOutlined, HistoryOutlined, LockOutlined, PlusOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Descriptions, Empty, Input, Modal, Row, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { formatMoney, formatPercent, parseDecimal } from '../../../src/core/money/decimal';
import { api } from '../../api';
import { problemsOf, showApiError, showDone } from '../../components/feedback';
import { freeCopyName, isStaleSave, useStaleSave } from '../../components/staleSave';
import { useAskBeforeUnload } from '../../components/keptDrafts';
import { useLatest } from '../../components/useLatest';
import UndoRedoButtons from '../../components/UndoRedoButtons';
import { useUndoKeys } from '../../components/undoHistory';
import { checkDraft, draftFromSet, fieldLabel, type ContributionDraft } from './contributionDraft';
import {
  contributionEditGroup,
  contributionsReducer,
  formProblems,
  initialContributionsState,
  keepSet,
  keptSet,
  keptSetDrafts,
  sortSets,
  type StoredSet,
} from './editorState';
import { exampleMonth } from './example';
import HistoryDrawer from '../guides/HistoryDrawer';
import { historyMessages, lockText } from '../guides/historyMessages';
import RateRows from './RateRows';
import { useI18n } from '../../i18n';
import { contributionMessages } from './messages';

/**
 * 社保公积金参数: contribution sets per city and effective date — the items (五险一金) with their
 * employer rates and rounding, the base floor and ceiling, and payroll levies. Each set is edited
 * as a draft and saved whole; a bad field shows its message under it and nothing is saved. A set a
 * project uses is locked (docs/design.md §History and locks): its edits are saved as a new set
 * (另存为新参数), and 历史记录 shows every change made to it. Edits can be undone and redone (撤销 /
 * 重做, Ctrl+Z / Ctrl+Y), 放弃修改 included.
 */

const LABEL = { fontSize: 12, color: '#595959', marginBottom: 2 } as const;
const ERROR = { color: '#ff4d4f', fontSize: 12 } as const;

export default function ContributionsPage() {
  const { lang } = useI18n();
  const m = contributionMessages[lang];
  const hm = historyMessages[lang];
  const messages = useLatest(m);
  const [locks, setLocks] = useState<ReadonlyMap<number, { documentNo: string | null; projects: string[] }>>(new Map());
  const [historyOpen, setHistoryOpen] = useState(false);
  const [modal, modalHolder] = Modal.useModal();
  const [state, dispatch] = useReducer(contributionsReducer, initialContributionsState);
  const { sets, selected, draft, dirty, problems, saving } = state;
  const [examplePay, setExamplePay] = useState('6500.00');
  const askStale = useStaleSave();

  const load = useCallback(async () => {
    try {
      const [list, lockList] = await Promise.all([api['contributions.list']({}), api['contributions.locks']({})]);
      setLocks(new Map(lockList.map((l) => [l.id, l.lock])));
      dispatch({ type: 'loaded', sets: list });
      return list;
    } catch (e) {
      showApiError(messages.current.loadFailed, e);
      dispatch({ type: 'loaded', sets: [] });
      return [];
    }
  }, [messages]);

  useEffect(() => {
    const restore = keptSet();
    void load().then((list) => {
      if (restore && (restore.selected === 'new' || list.some((s) => s.id === restore.selected))) {
        dispatch({ type: 'restore', kept: restore });
        return;
      }
      const first = sortSets(list)[0];
      if (first) open(first);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the page opens: a language switch must not reload the sets or drop the draft
  }, []);
  useAskBeforeUnload(keptSetDrafts);

  useEffect(() => {
    if (sets === null) return; // not loaded yet: keep what an earlier visit left
    keepSet({ dirty, draft, selected });
  }, [dirty, draft, selected, sets]);

  function open(target: StoredSet | 'new', from?: ContributionDraft) {
    dispatch({ type: 'open', target, draft: from });
  }

  function guarded(action: () => void) {
    if (!dirty) return action();
    modal.confirm({
      title: m.discardTitle,
      content: m.discardContent,
      okText: m.discardOk,
      cancelText: m.backToEdit,
      onOk: action,
    });
  }

  const change = (patch: Partial<ContributionDraft>) =>
    dispatch({ type: 'change', patch, group: draft ? contributionEditGroup(draft, patch) : null, at: Date.now() });
  const editorRoot = useRef<HTMLDivElement>(null);
  const history = useMemo(
    () => ({
      undo: () => dispatch({ type: 'undo' }),
      redo: () => dispatch({ type: 'redo' }),
      canUndo: state.steps.past.length > 0,
      canRedo: state.steps.future.length > 0,
    }),
    [state.steps],
  );
  useUndoKeys(editorRoot, history);

  async function save() {
    if (!draft) return;
    const check = checkDraft(draft, lang);
    if (!check.ok) {
      dispatch({ type: 'problems', problems: check.problems });
      return;
    }
    dispatch({ type: 'problems', problems: {} });
    dispatch({ type: 'saving', saving: true });
    try {
      const saved =
        selected === 'new' || selected === null
          ? await api['contributions.create'](check.set)
          : await api['contributions.update']({ id: selected, revision: draft.basedOn ?? current?.revision ?? 1, set: check.set });
      showDone(m.saved(saved.name));
      await load();
      open(saved);
    } catch (e) {
      if (isStaleSave(e) && typeof selected === 'number') {
        staleSave(e, selected, check.set);
        return;
      }
      const serverProblems = problemsOf(e).problems;
      if (serverProblems.length > 0) dispatch({ type: 'problems', problems: formProblems(serverProblems, lang) });
      showApiError(m.saveFailed, e);
    } finally {
      dispatch({ type: 'saving', saving: false });
    }
  }

  /** Another window saved this set first: show what it saved, or keep these edits as a new set. */
  function staleSave(error: unknown, id: number, edited: Extract<ReturnType<typeof checkDraft>, { ok: true }>['set']) {
    askStale({
      error,
      onReload: async () => {
        const fresh = (await load()).find((s) => s.id === id);
        if (fresh) open(fresh);
        else dispatch({ type: 'close' });
      },
      onKeepCopy: async () => {
        try {
          const names = (sets ?? []).map((s) => s.name);
          const saved = await api['contributions.create']({ ...edited, name: freeCopyName(edited.name, names, lang), sample: false });
          showDone(m.saved(saved.name));
          await load();
          open(saved);
        } catch (e) {
          showApiError(m.saveFailed, e);
        }
      },
    });
  }

  function copy(set: StoredSet) {
    guarded(() => {
      const base = draftFromSet(set);
      open('new', { ...base, name: m.copyName(set.name), sample: false });
    });
  }

  function remove(set: StoredSet) {
    modal.confirm({
      title: m.deleteTitle(set.name),
      content: m.deleteContent,
      okText: m.delete,
      okButtonProps: { danger: true },
      cancelText: m.cancel,
      onOk: async () => {
        try {
          await api['contributions.delete']({ id: set.id });
          showDone(m.deleted);
          const list = await load();
          const first = sortSets(list)[0];
          if (first) open(first);
          else dispatch({ type: 'close' });
        } catch (e) {
          showApiError(m.deleteFailed, e);
        }
      },
    });
  }

  const check = useMemo(() => (draft ? checkDraft(draft, lang) : null), [draft, lang]);
  // once a save has been refused, the messages follow the user's fixes as they type
  const showingProblems = Object.keys(problems).length > 0;
  useEffect(() => {
    if (showingProblems && check) dispatch({ type: 'problems', problems: check.ok ? {} : check.problems });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- follows the check only; showing problems starts when a save is refused, not here
  }, [check]);
  const example = useMemo(() => {
    if (!check?.ok || !/^\d+(\.\d{1,2})?$/.test(examplePay.trim())) return null;
    return exampleMonth(check.set, examplePay.trim());
  }, [check, examplePay]);

  const current = typeof selected === 'number' ? sets?.find((s) => s.id === selected) : undefined;
  const lock = current ? locks.get(current.id) : undefined;
  const problemList = Object.entries(problems);

  /** 另存为新参数: a locked set's edits as a new set under a free name; the locked set stays as stored. */
  function saveAsNew() {
    if (!draft || !current) return;
    open('new', {
      ...draft,
      name: freeCopyName(
        draft.name,
        (sets ?? []).map((x) => x.name),
        lang,
      ),
      sample: false,
      basedOn: undefined,
    });
  }

  const field = (name: 'city' | 'name' | 'effectiveFrom' | 'floor' | 'ceiling' | 'source', label: string, placeholder = '', suffix?: string) => (
    <div style={{ marginBottom: 8 }}>
      <div style={LABEL}>{label}</div>
      <Input
        size="small"
        value={draft?.[name] ?? ''}
        placeholder={placeholder}
        aria-label={label}
        suffix={suffix}
        status={problems[name] ? 'error' : undefined}
        onChange={(e) => change({ [name]: e.target.value })}
      />
      {problems[name] && <div style={ERROR}>{problems[name]}</div>}
    </div>
  );

  return (
    <div data-testid="contributions-page">
      {modalHolder}
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {m.title}
      </Typography.Title>
      <Row gutter={12}>
        <Col xs={24} lg={9}>
          <Card
            size="small"
            title={m.listTitle}
            extra={
              <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => guarded(() => open('new'))}>
                {m.new}
              </Button>
            }
          >
            {sets === null ? (
              <Spin />
            ) : (
              <Table<StoredSet>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={sortSets(sets)}
                data-testid="contribution-list"
                onRow={(s) => ({
                  onClick: () => s.id !== selected && guarded(() => open(s)),
                  style: { cursor: 'pointer', background: s.id === selected ? '#e6f4ff' : undefined },
                })}
                columns={[
                  { title: m.city, dataIndex: 'city', width: 80 },
                  {
                    title: m.name,
                    key: 'name',
                    render: (_, s) => (
                      <Space size={4} wrap>
                        {s.name}
                        {s.sample && <Tag color="orange">{m.sample}</Tag>}
                        {locks.has(s.id) && (
                          <Tooltip title={lockText(hm, locks.get(s.id)!, lang)}>
                            <Tag icon={<LockOutlined />} color="gold" data-testid="set-locked">
                              {hm.locked}
                            </Tag>
                          </Tooltip>
                        )}
                      </Space>
                    ),
                  },
                  { title: m.effectiveFrom, dataIndex: 'effectiveFrom', width: lang === 'zh' ? 100 : 116 },
                  {
                    title: '',
                    key: 'ops',
                    width: 72,
                    render: (_, s) => (
                      <Space size={0} onClick={(e) => e.stopPropagation()}>
                        <Button
                          size="small"
                          type="text"
                          icon={<CopyOutlined />}
                          aria-label={m.copyNamed(s.name)}
                          title={m.copyTooltip}
                          onClick={() => copy(s)}
                        />
                        <Button
                          size="small"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={m.deleteNamed(s.name)}
                          title={m.delete}
                          onClick={() => remove(s)}
                        />
                      </Space>
                    ),
                  },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={15} ref={editorRoot}>
          {draft === null ? (
            <Card>
              <Empty description={m.pickSet} />
            </Card>
          ) : (
            <Card
              size="small"
              data-testid="contribution-editor"
              title={
                <Space>
                  {selected === 'new' ? m.newSet : (current?.name ?? draft.name)}
                  {draft.sample && <Tag color="orange">{m.sample}</Tag>}
                  {dirty && <Tag color="warning">{m.unsaved}</Tag>}
                </Space>
              }
              extra={
                <Space>
                  {current && (
                    <Button size="small" icon={<HistoryOutlined />} onClick={() => setHistoryOpen(true)}>
                      {hm.history}
                    </Button>
                  )}
                  {lock ? (
                    <Button type="primary" size="small" icon={<CopyOutlined />} onClick={saveAsNew}>
                      {hm.saveAsNewSet}
                    </Button>
                  ) : (
                    <Button type="primary" size="small" icon={<SaveOutlined />} loading={saving} disabled={!dirty} onClick={save}>
                      {m.save}
                    </Button>
                  )}
                  <Button size="small" icon={<UndoOutlined />} disabled={!dirty} onClick={() => dispatch({ type: 'discard', target: current ?? 'new' })}>
                    {m.discard}
                  </Button>
                  <UndoRedoButtons history={history} size="small" />
                </Space>
              }
            >
              {lock && (
                <Alert
                  type="warning"
                  showIcon
                  icon={<LockOutlined />}
                  style={{ marginBottom: 8 }}
                  data-testid="set-lock"
                  message={`${hm.lockedSetTitle}（${lockText(hm, lock, lang)}）`}
                  description={hm.lockedSetHint}
                />
              )}
              {problemList.length > 0 && (
                <Alert
                  type="error"
                  showIcon
                  style={{ marginBottom: 8 }}
                  message={m.problemsTitle(problemList.length)}
                  description={
                    <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="contribution-problems">
                      {problemList.map(([path, message]) => (
                        <li key={path}>{m.problemLine(fieldLabel(path, draft, lang), message)}</li>
                      ))}
                    </ul>
                  }
                />
              )}
              <Row gutter={12}>
                <Col span={6}>{field('city', m.city, m.cityPlaceholder)}</Col>
                <Col span={12}>{field('name', m.name, m.namePlaceholder)}</Col>
                <Col span={6}>{field('effectiveFrom', m.effectiveFrom, 'YYYY-MM-DD')}</Col>
              </Row>
              <Row gutter={12}>
                <Col span={6}>{field('floor', m.floor, m.floorPlaceholder)}</Col>
                <Col span={6}>{field('ceiling', m.ceiling, m.ceilingPlaceholder)}</Col>
                <Col span={12}>{field('source', m.source, m.sourcePlaceholder)}</Col>
              </Row>
              <Checkbox checked={draft.sample} onChange={(e) => change({ sample: e.target.checked })} style={{ marginBottom: 8 }}>
                {m.sampleCheckbox}
              </Checkbox>
              <Typography.Title level={5}>{m.itemsTitle}</Typography.Title>
              <RateRows
                what="items"
                rows={draft.items}
                problems={problems}
                onChange={(items) => change({ items })}
                blank={{ name: '', ratePercent: '', round: 'fen' }}
              />
              <Typography.Title level={5} style={{ marginTop: 12 }}>
                {m.leviesTitle}
              </Typography.Title>
              <RateRows what="levies" rows={draft.levies} problems={problems} onChange={(levies) => change({ levies })} blank={{ name: '', ratePercent: '' }} />
              <Card size="small" type="inner" title={m.exampleTitle} style={{ marginTop: 12 }} data-testid="contribution-example">
                <Space style={{ marginBottom: 8 }}>
                  <span>{m.monthlyPay}</span>
                  <Input
                    size="small"
                    style={{ width: 140 }}
                    value={examplePay}
                    suffix={m.yuanSuffix}
                    aria-label={m.examplePay}
                    onChange={(e) => setExamplePay(e.target.value)}
                  />
                </Space>
                {example && check?.ok ? (
                  <Descriptions size="small" column={2} bordered>
                    <Descriptions.Item label={m.base} span={2}>
                      {m.yuan(formatMoney(example.base))}
                      {example.clamp === 'floor' && (
                        <Tag color="blue" style={{ marginLeft: 8 }}>
                          {m.atFloor}
                        </Tag>
                      )}
                      {example.clamp === 'ceiling' && (
                        <Tag color="blue" style={{ marginLeft: 8 }}>
                          {m.atCeiling}
                        </Tag>
                      )}
                    </Descriptions.Item>
                    {example.items.map((it, k) => (
                      <Descriptions.Item key={`i${k}`} label={m.itemWithRate(it.name, formatPercent(parseDecimal(check.set.items[k]!.rate), 2))}>
                        {m.yuan(formatMoney(it.amount))}
                      </Descriptions.Item>
                    ))}
                    <Descriptions.Item label={m.contributionsTotal} span={2}>
                      <b>{m.yuan(formatMoney(example.contributions))}</b>
                    </Descriptions.Item>
                    {example.levies.map((l, k) => (
                      <Descriptions.Item key={`l${k}`} label={m.levyOfPayroll(l.name)}>
                        {m.yuan(formatMoney(l.amount))}
                      </Descriptions.Item>
                    ))}
                  </Descriptions>
                ) : (
                  <Typography.Text type="secondary">{m.exampleHint}</Typography.Text>
                )}
              </Card>
            </Card>
          )}
        </Col>
      </Row>
      {current && (
        <HistoryDrawer open={historyOpen} title={current.name} scope={{ kind: 'contributionSet', id: current.id }} onClose={() => setHistoryOpen(false)} />
      )}
    </div>
  );
}
