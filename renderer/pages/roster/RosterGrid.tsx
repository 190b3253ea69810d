import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Input, Select, Space, Table, Typography, message } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CERTIFICATES, type Certificate, type Education, type Gender, type Title, ratingsText } from '../../../src/core/roster/schema';
import { type ApiInput, type ApiOutput, api } from '../../api';
import { showDone, useShowApiError } from '../../components/feedback';
import UndoRedoButtons from '../../components/UndoRedoButtons';
import { useUndoKeys, useUndoable } from '../../components/undoHistory';
import { useI18n, useMessages } from '../../i18n';
import { gradingWords } from './gradingMessages';
import { rosterMessages } from './messages';
import { type SavedEdit, movedEdit, restoring } from './savedEdits';
import { type ShownWorker, WorkerEditor } from './WorkerEditor';

/** The roster's filters, as roster.list and the exports take them. */
export type RosterFilter = NonNullable<ApiInput<'roster.list'>['filter']>;
export const NO_FILTER: RosterFilter = { district: null, street: null, community: null, certificate: null, postType: null, name: null };

const PAGE = 50;

/**
 * The stored roster a page at a time (the store filters and counts; 100,000 workers never cross at
 * once), with 编辑 per row. A worker's edit is saved at once; 撤销 (the notice's button, the button
 * beside the filters, Ctrl+Z) saves the worker back as it was, 重做 (Ctrl+Y) saves the edit again
 * (savedEdits.ts). A new import or paste clears the history: the workers it held are gone.
 */
export function RosterGrid({ filter, onFilter, version }: { filter: RosterFilter; onFilter: (f: RosterFilter) => void; version: number }) {
  const m = useMessages(rosterMessages);
  const words = gradingWords[useI18n().lang];
  const showApiError = useShowApiError();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<ApiOutput<'roster.list'> | null>(null);
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState<ShownWorker | null>(null);
  const root = useRef<HTMLDivElement>(null);

  // undo and redo of saved edits: the history holds the log of edits saved here; a move of it is saved to the store
  const history = useUndoable<SavedEdit[]>([]);
  useUndoKeys(root, history);
  const synced = useRef<SavedEdit[]>(history.value);
  const justSaved = useRef<SavedEdit | null>(null);
  // the newest stored state of each worker saved from here, for the revision an undo is based on
  const latest = useRef(new Map<number, ShownWorker>());
  const queue = useRef<Promise<void>>(Promise.resolve());
  // the 已保存 · 撤销 notice of the last save: gone once the history moves
  const notice = useRef<string | null>(null);
  const texts = useRef(m);
  texts.current = m;

  const replaceRow = (w: ShownWorker) => {
    latest.current.set(w.id, w);
    setData((d) => (d ? { ...d, workers: d.workers.map((x) => (x.id === w.id ? w : x)) } : d));
  };

  useEffect(() => {
    const now = history.value;
    const move = movedEdit(synced.current, now);
    synced.current = now;
    if (!move) return;
    if (notice.current && move.edit !== justSaved.current) {
      message.destroy(notice.current);
      notice.current = null;
    }
    if (move.direction === 'redo' && move.edit === justSaved.current) {
      justSaved.current = null; // the edit was saved by the editor itself
      return;
    }
    const { edit, direction } = move;
    // one save at a time, each based on what the one before it stored
    queue.current = queue.current.then(async () => {
      const t = texts.current;
      const current = latest.current.get(edit.id) ?? (direction === 'undo' ? edit.after : edit.before);
      const { worker, idKept } = restoring(direction === 'undo' ? edit.before : edit.after, current);
      try {
        const saved = await api['roster.update']({ id: edit.id, revision: current.revision, worker });
        replaceRow(saved);
        showDone(direction === 'undo' ? t.undone(saved.name) : t.redone(saved.name));
        if (idKept) void message.warning(t.idNotUndone);
      } catch (e) {
        showApiError(t.undoFailed, e);
        const empty: SavedEdit[] = [];
        synced.current = empty;
        history.reset(empty);
      }
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs for each move of the history; the rest is read through refs
  }, [history.value]);

  // an import replaces the workers: edits of the old ones cannot be undone
  const resetHistory = history.reset;
  useEffect(() => {
    const empty: SavedEdit[] = [];
    synced.current = empty;
    latest.current.clear();
    resetHistory(empty);
  }, [version, resetHistory]);

  function saved(before: ShownWorker, after: ShownWorker) {
    setEditing(null);
    replaceRow(after);
    const e: SavedEdit = { id: after.id, before, after };
    justSaved.current = e;
    history.edit((log) => [...log, e]);
    const key = `roster-saved-${after.id}-${after.revision}`;
    notice.current = key;
    void message.open({
      key,
      type: 'success',
      duration: 6,
      content: (
        <span data-testid="roster-saved-notice">
          {m.savedUndoable(after.name)}{' '}
          <Button
            size="small"
            type="link"
            data-testid="roster-saved-undo"
            onClick={() => {
              message.destroy(key);
              history.undo();
            }}
          >
            {m.undo}
          </Button>
        </span>
      ),
    });
  }

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await api['roster.list']({ filter, offset: (page - 1) * PAGE, limit: PAGE }));
    } catch (e) {
      showApiError(m.loadFailed, e);
    } finally {
      setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- showApiError and m follow the language; a reload is for the filter, the page and a new import
  }, [filter, page, version]);

  useEffect(() => {
    void load();
  }, [load]);

  const choice = (values: readonly string[] = []) => [
    { value: '', label: m.all },
    ...values.map((v) => ({ value: v, label: v })),
    { value: '未填', label: m.unfilled },
  ];
  const set = (key: keyof RosterFilter) => (v: string) => {
    setPage(1);
    onFilter({ ...filter, [key]: v === '' ? null : v });
  };

  const columns: ColumnsType<ShownWorker> = [
    { title: m.seq, dataIndex: 'seq', width: 64, fixed: 'left' },
    { title: m.name, dataIndex: 'name', width: 110, fixed: 'left' },
    { title: m.gender, dataIndex: 'gender', width: 76, render: (v: Gender | null) => (v === null ? '' : words.gender(v)) },
    { title: m.birthDate, dataIndex: 'birthDate', width: 110 },
    { title: m.idNumber, dataIndex: 'idNumber', width: 170 },
    { title: m.education, dataIndex: 'education', width: 100, render: (v: Education | null) => (v === null ? '' : words.education(v)) },
    { title: m.field, dataIndex: 'field', width: 90 },
    { title: m.titleCol, dataIndex: 'title', width: 110, render: (v: Title | null) => (v === null ? '' : words.title(v)) },
    { title: m.certificate, dataIndex: 'certificate', width: 130, render: (v: Certificate | null) => (v === null ? '' : words.certificate(v)) },
    { title: m.postType, dataIndex: 'postType', width: 110, render: (v: string | null) => (v === null ? '' : words.postType(v)) },
    { title: m.postLevel, dataIndex: 'postLevel', width: 90 },
    { title: m.step, dataIndex: 'step', width: 60 },
    { title: m.hireDate, dataIndex: 'hireDate', width: 110 },
    { title: m.community, dataIndex: 'community', width: 110 },
    { title: m.street, dataIndex: 'street', width: 110 },
    { title: m.district, dataIndex: 'district', width: 90 },
    { title: m.ratings, dataIndex: 'ratings', width: 180, render: (_, w) => ratingsText(w.ratings, words.rating) },
    { title: m.partyPost, dataIndex: 'partyPost', width: 80, render: (v: boolean | null) => (v === null ? '' : v ? m.yes : m.no) },
    {
      title: '',
      key: 'edit',
      width: 70,
      fixed: 'right',
      render: (_, w) => (
        <Button size="small" type="link" onClick={() => setEditing(w)} data-testid={`roster-edit-${w.seq}`}>
          {m.edit}
        </Button>
      ),
    },
  ];

  const c = data?.choices;
  return (
    <div ref={root} data-testid="roster-grid-area">
      <Space wrap style={{ marginBottom: 12 }} data-testid="roster-filters">
        <UndoRedoButtons history={history} size="small" />
        <span>{m.filterDistrict}</span>
        <Select style={{ width: 120 }} value={filter.district ?? ''} options={choice(c?.districts)} onChange={set('district')} data-testid="filter-district" />
        <span>{m.filterStreet}</span>
        <Select style={{ width: 130 }} value={filter.street ?? ''} options={choice(c?.streets)} onChange={set('street')} data-testid="filter-street" />
        <span>{m.filterCommunity}</span>
        <Select
          style={{ width: 130 }}
          value={filter.community ?? ''}
          options={choice(c?.communities)}
          onChange={set('community')}
          data-testid="filter-community"
        />
        <span>{m.filterCertificate}</span>
        <Select
          style={{ width: 150 }}
          value={filter.certificate ?? ''}
          options={choice(CERTIFICATES)}
          onChange={set('certificate')}
          data-testid="filter-certificate"
        />
        <span>{m.filterPostType}</span>
        <Select style={{ width: 110 }} value={filter.postType ?? ''} options={choice(c?.postTypes)} onChange={set('postType')} data-testid="filter-post-type" />
        <Input.Search allowClear placeholder={m.filterName} style={{ width: 150 }} onSearch={(v) => set('name')(v.trim())} data-testid="filter-name" />
        <Typography.Text type="secondary" data-testid="roster-total">
          {m.total(data?.total ?? 0)}
        </Typography.Text>
      </Space>
      <Table<ShownWorker>
        size="small"
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data?.workers ?? []}
        scroll={{ x: 1900, y: 480 }}
        pagination={{ current: page, pageSize: PAGE, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        data-testid="roster-grid"
      />
      {editing && <WorkerEditor worker={editing} onClose={() => setEditing(null)} onSaved={(w) => saved(editing, w)} />}
    </div>
  );
}
