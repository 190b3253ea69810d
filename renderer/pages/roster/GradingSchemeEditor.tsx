import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, HistoryOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { type GradingVersion, gradingVersionSchema } from '../../../src/core/roster/gradingScheme';
import { CERTIFICATES, type Certificate, EDUCATIONS, type Education, RATINGS } from '../../../src/core/roster/schema';
import { zodProblems } from '../../../src/core/spec/fields';
import { type ApiOutput, api } from '../../api';
import { problemsOf, showDone, useShowApiError } from '../../components/feedback';
import UndoRedoButtons from '../../components/UndoRedoButtons';
import { useUndoKeys, useUndoable } from '../../components/undoHistory';
import { useLeaveGuard } from '../../components/leaveGuard';
import { useI18n, useMessages } from '../../i18n';
import HistoryDrawer from '../guides/HistoryDrawer';
import { describeGradingProblem, gradingMessages, gradingWords } from './gradingMessages';

/**
 * 定级参数 (docs/design.md §Grading as data, editing): the grading scheme as dated versions — the
 * version in force on a date, 新建生效版本 (a copy of the one in force, under a new date), and a
 * version not yet in force edited table by table (三岗十八级 bands, 年功, the starting-level table,
 * level pay, allowances, the 专技 map) with undo and redo (Ctrl+Z / Ctrl+Y), checked by the same
 * schema as the store before it is sent, and saved whole in one transaction. A version in force is
 * shown read-only: the store refuses to change it.
 */
type View = ApiOutput<'grading.scheme'>;
type Draft = GradingVersion;

const today = () => dayjs().format('YYYY-MM-DD');
/** a number box emptied is kept empty, and the check names it, rather than turned into 0 */
const num = (v: number | null) => v as number;

/** the scheme's tables that the editor edits row by row */
type TableName = 'bands' | 'startingLevels' | 'levelPay' | 'allowances' | 'levelMap';

export function GradingSchemeEditor() {
  const m = useMessages(gradingMessages);
  const { lang } = useI18n();
  const words = gradingWords[lang];
  const showApiError = useShowApiError();
  const [on, setOn] = useState(today);
  const [view, setView] = useState<View | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const history = useUndoable<Draft | null>(null);
  const { value: draft, edit, reset } = history;
  const [saved, setSaved] = useState<Draft | null>(null);
  const root = useRef<HTMLDivElement>(null);
  useUndoKeys(root, history);
  const [problems, setProblems] = useState<{ path: string; message: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const [newOpen, setNewOpen] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [newDate, setNewDate] = useState(() => `${dayjs().year() + 1}-01-01`);

  async function load(choose: string | null = selected) {
    try {
      const v = await api['grading.scheme']({ on });
      setView(v);
      const pick = v.versions.find((x) => x.effectiveFrom === choose) ?? v.versions.find((x) => x.inForce) ?? v.versions[v.versions.length - 1];
      setSelected(pick?.effectiveFrom ?? null);
      const version = v.scheme.versions.find((x) => x.effectiveFrom === pick?.effectiveFrom) ?? null;
      reset(version);
      setSaved(version);
      setProblems([]);
    } catch (e) {
      showApiError(m.loadFailed, e);
    }
  }

  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read again when the date looked at changes
  }, [on]);

  async function choose(effectiveFrom: string) {
    if (!view || !(await mayDiscard())) return;
    const version = view.scheme.versions.find((x) => x.effectiveFrom === effectiveFrom) ?? null;
    setSelected(effectiveFrom);
    reset(version);
    setSaved(version);
    setProblems([]);
  }

  const state = view?.versions.find((x) => x.effectiveFrom === selected) ?? null;
  const editable = state?.editable === true;
  const dirty = draft !== saved;
  const dirtyNow = useRef(dirty);
  dirtyNow.current = dirty;

  /** edits not saved are dropped only when the user says so */
  function mayDiscard(): Promise<boolean> {
    if (!dirtyNow.current) return Promise.resolve(true);
    return new Promise((resolve) =>
      Modal.confirm({ title: m.discardTitle, content: m.discardText, okText: m.discard, onOk: () => resolve(true), onCancel: () => resolve(false) }),
    );
  }
  useLeaveGuard(mayDiscard);

  function change(update: (d: Draft) => Draft, group: string | null = null) {
    edit((d) => (d === null ? d : update(d)), group);
  }
  /** one cell of a table row */
  function setRow<K extends TableName>(table: K, index: number, patch: Partial<Draft[K][number]>, field: string) {
    change((d) => ({ ...d, [table]: d[table].map((r, i) => (i === index ? { ...r, ...patch } : r)) }), `${table}[${index}].${field}`);
  }
  function addRow<K extends TableName>(table: K, row: Draft[K][number]) {
    change((d) => ({ ...d, [table]: [...d[table], row] }));
  }
  function removeRow(table: TableName, index: number) {
    change((d) => ({ ...d, [table]: (d[table] as unknown[]).filter((_, i) => i !== index) }));
  }
  function moveUp(index: number) {
    change((d) => {
      const rows = [...d.startingLevels];
      [rows[index - 1], rows[index]] = [rows[index]!, rows[index - 1]!];
      return { ...d, startingLevels: rows };
    });
  }

  async function save() {
    if (!view || !draft || !selected) return;
    const checked = gradingVersionSchema.safeParse(draft);
    if (!checked.success) {
      setProblems(zodProblems(checked.error));
      return;
    }
    setBusy(true);
    try {
      await api['grading.saveVersion']({ key: view.scheme.key, effectiveFrom: selected, version: checked.data, revision: view.scheme.revision });
      showDone(m.saved);
      await load(selected);
    } catch (e) {
      const { problems: p } = problemsOf(e);
      if (p.length && p.some((x) => x.path !== 'revision')) setProblems(p);
      showApiError(m.saveFailed, e);
    } finally {
      setBusy(false);
    }
  }

  async function create() {
    if (!view) return;
    setBusy(true);
    try {
      await api['grading.addVersion']({ key: view.scheme.key, effectiveFrom: newDate, version: null, revision: view.scheme.revision });
      setNewOpen(false);
      showDone(m.created(newDate));
      await load(newDate);
    } catch (e) {
      showApiError(m.saveFailed, e);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!view || !selected) return;
    try {
      await api['grading.deleteVersion']({ key: view.scheme.key, effectiveFrom: selected, revision: view.scheme.revision });
      showDone(m.deleted);
      await load(null);
    } catch (e) {
      showApiError(m.saveFailed, e);
    }
  }

  if (!view) return null;
  const postTypes = draft?.bands.map((b) => b.postType).filter((p) => p.trim() !== '') ?? [];
  const certOptions = CERTIFICATES.filter((c) => c !== '无').map((c) => ({ value: c, label: words.certificate(c) }));
  const off = !editable;
  const remover = (table: Parameters<typeof removeRow>[0]) => ({
    key: 'remove',
    width: 56,
    render: (_: unknown, __: unknown, i: number) =>
      editable ? <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={m.removeRow} onClick={() => removeRow(table, i)} /> : null,
  });
  /** a whole-number cell of a table row (a level, a band's ends, years), within the range the scheme accepts */
  const wholeNumber =
    <K extends TableName>(table: K, field: keyof Draft[K][number] & string, min: number, max: number, testId?: (i: number) => string) =>
    (_: unknown, r: Draft[K][number], i: number) => (
      <InputNumber
        disabled={off}
        min={min}
        max={max}
        precision={0}
        value={r[field] as number | null}
        onChange={(v) => setRow(table, i, { [field]: num(v) } as Partial<Draft[K][number]>, field)}
        data-testid={testId?.(i)}
      />
    );
  const adder = (onClick: () => void, testId: string) =>
    editable ? (
      <Button size="small" icon={<PlusOutlined />} onClick={onClick} data-testid={testId}>
        {m.addRow}
      </Button>
    ) : null;

  return (
    <div data-testid="grading-scheme" ref={root}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text strong>{view.scheme.name}</Typography.Text>
        {view.scheme.sample && <Tag>{m.sampleScheme.trim()}</Tag>}
        <span>{m.viewOn}</span>
        <DatePicker
          allowClear={false}
          value={dayjs(on)}
          onChange={(d) => d && void mayDiscard().then((ok) => ok && setOn(d.format('YYYY-MM-DD')))}
          data-testid="scheme-on"
        />
        <span>{m.version}</span>
        <Select
          style={{ width: 260 }}
          value={selected}
          onChange={(v: string) => void choose(v)}
          data-testid="scheme-version"
          options={view.versions.map((v) => ({
            value: v.effectiveFrom,
            label: `${m.versionLabel(v.effectiveFrom)} · ${v.inForce ? m.inForce : v.editable ? m.draft : m.locked}`,
          }))}
        />
        <Button icon={<PlusOutlined />} onClick={() => void mayDiscard().then((ok) => ok && setNewOpen(true))} data-testid="scheme-new-version">
          {m.newVersion}
        </Button>
        {view.historyId !== null && (
          <Button icon={<HistoryOutlined />} onClick={() => setHistoryOpen(true)} data-testid="scheme-history">
            {m.history}
          </Button>
        )}
        {editable && (
          <>
            <UndoRedoButtons history={history} />
            <Button type="primary" icon={<SaveOutlined />} loading={busy} disabled={!dirty} onClick={() => void save()} data-testid="scheme-save">
              {m.save}
            </Button>
            <Popconfirm title={m.deleteConfirm} onConfirm={() => void remove()}>
              <Button danger icon={<DeleteOutlined />} data-testid="scheme-delete">
                {m.deleteVersion}
              </Button>
            </Popconfirm>
          </>
        )}
      </Space>
      <Alert
        type={editable ? 'info' : 'warning'}
        showIcon
        message={editable ? m.draftNote : m.lockedNote}
        style={{ marginBottom: 12 }}
        data-testid="scheme-state"
      />
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={m.problemsTitle}
          data-testid="scheme-problems"
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {problems.map((p, i) => (
                <li key={i}>{describeGradingProblem(p.path, p.message, lang)}</li>
              ))}
            </ul>
          }
        />
      )}
      {draft && (
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={12}>
            <Card size="small" title={m.basics}>
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <span>{m.yearsPerLevel}</span>
                  <InputNumber
                    disabled={off}
                    min={0}
                    max={20}
                    precision={0}
                    value={draft.yearsPerLevel}
                    onChange={(v) => change((d) => ({ ...d, yearsPerLevel: num(v) }), 'yearsPerLevel')}
                    data-testid="scheme-years-per-level"
                  />
                </Space>
                <Space wrap>
                  <span>{m.excellent}</span>
                  <Select
                    disabled={off}
                    style={{ width: 160 }}
                    value={draft.excellent}
                    options={RATINGS.map((r) => ({ value: r, label: words.rating(r) }))}
                    onChange={(v: string) => change((d) => ({ ...d, excellent: v }))}
                  />
                </Space>
                <Space wrap>
                  <span>{m.secretaryPostType}</span>
                  <Select
                    disabled={off}
                    style={{ width: 160 }}
                    value={draft.secretaryPostType}
                    options={postTypes.map((p) => ({ value: p, label: words.postType(p) }))}
                    onChange={(v: string) => change((d) => ({ ...d, secretaryPostType: v }))}
                  />
                </Space>
                <Space wrap>
                  <span>{m.allowanceMinimum}</span>
                  <Input
                    disabled={off}
                    style={{ width: 120 }}
                    value={draft.allowanceMinimum ?? ''}
                    onChange={(e) => change((d) => ({ ...d, allowanceMinimum: e.target.value.trim() === '' ? null : e.target.value }), 'allowanceMinimum')}
                  />
                </Space>
                <Input
                  disabled={off}
                  addonBefore={m.source}
                  value={draft.source}
                  onChange={(e) => change((d) => ({ ...d, source: e.target.value }), 'source')}
                  data-testid="scheme-source"
                />
              </Space>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={m.bands} extra={adder(() => addRow('bands', { postType: '', from: 1, to: 18 }), 'scheme-add-band')}>
              <Table
                size="small"
                pagination={false}
                rowKey={(_, i) => String(i)}
                dataSource={draft.bands}
                columns={[
                  {
                    title: m.postType,
                    render: (_, r, i) =>
                      off ? (
                        <span title={r.postType}>{words.postType(r.postType)}</span>
                      ) : (
                        <Input value={r.postType} onChange={(e) => setRow('bands', i, { postType: e.target.value }, 'postType')} />
                      ),
                  },
                  {
                    title: m.bandFrom,
                    width: 100,
                    render: wholeNumber('bands', 'from', 1, 18),
                  },
                  {
                    title: m.bandTo,
                    width: 100,
                    render: wholeNumber('bands', 'to', 1, 18),
                  },
                  remover('bands'),
                ]}
              />
            </Card>
          </Col>
          <Col span={24}>
            <Card
              size="small"
              title={m.startingLevels}
              extra={adder(() => addRow('startingLevels', { certificate: null, educations: [], minYears: 0, postType: null, level: 1 }), 'scheme-add-start')}
            >
              <Table
                size="small"
                pagination={false}
                rowKey={(_, i) => String(i)}
                dataSource={draft.startingLevels}
                data-testid="scheme-starting-levels"
                columns={[
                  { title: '#', width: 40, render: (_, __, i) => i + 1 },
                  {
                    title: m.certificateAtLeast,
                    width: 190,
                    render: (_, r, i) => (
                      <Select<Certificate | ''>
                        disabled={off}
                        style={{ width: 180 }}
                        value={r.certificate ?? ''}
                        options={[{ value: '', label: m.anyValue }, ...certOptions]}
                        onChange={(v) => setRow('startingLevels', i, { certificate: v === '' ? null : v }, 'certificate')}
                      />
                    ),
                  },
                  {
                    title: m.educations,
                    render: (_, r, i) => (
                      <Select<Education[]>
                        disabled={off}
                        mode="multiple"
                        allowClear
                        placeholder={m.anyValue}
                        style={{ minWidth: 200, width: '100%' }}
                        value={r.educations}
                        options={EDUCATIONS.map((e) => ({ value: e, label: words.education(e) }))}
                        onChange={(v) => setRow('startingLevels', i, { educations: v }, 'educations')}
                      />
                    ),
                  },
                  {
                    title: m.minYears,
                    width: 120,
                    render: wholeNumber('startingLevels', 'minYears', 0, 70),
                  },
                  {
                    title: m.postType,
                    width: 150,
                    render: (_, r, i) => (
                      <Select<string>
                        disabled={off}
                        style={{ width: 140 }}
                        value={r.postType ?? ''}
                        options={[{ value: '', label: m.anyValue }, ...postTypes.map((p) => ({ value: p, label: words.postType(p) }))]}
                        onChange={(v) => setRow('startingLevels', i, { postType: v === '' ? null : v }, 'postType')}
                      />
                    ),
                  },
                  {
                    title: m.level,
                    width: 100,
                    render: wholeNumber('startingLevels', 'level', 1, 18, (i) => `scheme-start-level-${i + 1}`),
                  },
                  {
                    key: 'up',
                    width: 64,
                    render: (_, __, i) =>
                      editable && i > 0 ? (
                        <Button size="small" type="link" onClick={() => moveUp(i)}>
                          {m.moveUp}
                        </Button>
                      ) : null,
                  },
                  remover('startingLevels'),
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12} xxl={8}>
            <Card
              size="small"
              title={m.levelPayTitle}
              extra={adder(() => addRow('levelPay', { level: Math.min(18, (draft.levelPay.at(-1)?.level ?? 0) + 1), monthly: '0.00' }), 'scheme-add-pay')}
            >
              <Table
                size="small"
                pagination={false}
                scroll={{ y: 320 }}
                rowKey={(_, i) => String(i)}
                dataSource={draft.levelPay}
                columns={[
                  {
                    title: m.level,
                    width: 90,
                    render: wholeNumber('levelPay', 'level', 1, 18),
                  },
                  {
                    title: m.monthly,
                    render: (_, r, i) => (
                      <Input disabled={off} value={r.monthly} onChange={(e) => setRow('levelPay', i, { monthly: e.target.value }, 'monthly')} />
                    ),
                  },
                  remover('levelPay'),
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12} xxl={8}>
            <Card
              size="small"
              title={m.allowancesTitle}
              extra={adder(() => addRow('allowances', { qualification: '社会工作师', monthly: '0.00' }), 'scheme-add-allowance')}
            >
              <Table
                size="small"
                pagination={false}
                rowKey={(_, i) => String(i)}
                dataSource={draft.allowances}
                columns={[
                  {
                    title: m.qualification,
                    width: 180,
                    render: (_, r, i) =>
                      off ? (
                        <span title={r.qualification}>{words.qualification(r.qualification)}</span>
                      ) : (
                        <Input value={r.qualification} onChange={(e) => setRow('allowances', i, { qualification: e.target.value }, 'qualification')} />
                      ),
                  },
                  {
                    title: m.monthly,
                    width: 120,
                    render: (_, r, i) => (
                      <Input disabled={off} value={r.monthly} onChange={(e) => setRow('allowances', i, { monthly: e.target.value }, 'monthly')} />
                    ),
                  },
                  remover('allowances'),
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xxl={8}>
            <Card size="small" title={m.levelMapTitle} extra={adder(() => addRow('levelMap', { name: '', level: 13, requires: null }), 'scheme-add-grade')}>
              <Table
                size="small"
                pagination={false}
                rowKey={(_, i) => String(i)}
                dataSource={draft.levelMap}
                columns={[
                  {
                    title: m.gradeName,
                    width: 200,
                    render: (_, r, i) =>
                      off ? (
                        <span title={r.name}>{words.grade(r.name)}</span>
                      ) : (
                        <Input value={r.name} onChange={(e) => setRow('levelMap', i, { name: e.target.value }, 'name')} />
                      ),
                  },
                  {
                    title: m.professionalLevel,
                    width: 90,
                    render: wholeNumber('levelMap', 'level', 1, 13),
                  },
                  {
                    title: m.requires,
                    width: 150,
                    render: (_, r, i) => (
                      <Select<Certificate | ''>
                        disabled={off}
                        style={{ width: 140 }}
                        value={r.requires ?? ''}
                        options={[{ value: '', label: m.anyValue }, ...certOptions]}
                        onChange={(v) => setRow('levelMap', i, { requires: v === '' ? null : v }, 'requires')}
                      />
                    ),
                  },
                  remover('levelMap'),
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
      {view.historyId !== null && (
        <HistoryDrawer
          open={historyOpen}
          title={view.scheme.name}
          scope={{ kind: 'gradingScheme', id: view.historyId }}
          onClose={() => setHistoryOpen(false)}
        />
      )}
      <Modal
        open={newOpen}
        title={m.newVersionTitle}
        okText={m.create}
        confirmLoading={busy}
        onOk={() => void create()}
        onCancel={() => setNewOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{m.newVersionHint}</Typography.Paragraph>
        <Space>
          <span>{m.newVersionDate}</span>
          <Input
            value={newDate}
            onChange={(e) => setNewDate(e.target.value.trim())}
            placeholder="YYYY-MM-DD"
            style={{ width: 140 }}
            data-testid="scheme-new-date"
          />
        </Space>
      </Modal>
    </div>
  );
}
