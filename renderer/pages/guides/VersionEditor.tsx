import { CopyOutlined, LockOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Col, Input, Row, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GuideVersion, StoredGuideVersion, StoredReferenceWage } from '../../../src/core/guides/schema';
import { referenceWageInForce } from '../../../src/core/guides/versions';
import { formatMoney, parseDecimal } from '../../../src/core/money/decimal';
import AllowanceTable from './AllowanceTable';
import CellGrid from './CellGrid';
import { showApiError, showDone } from '../../components/feedback';
import { useAskBeforeUnload } from '../../components/keptDrafts';
import UndoRedoButtons from '../../components/UndoRedoButtons';
import { useUndoKeys, useUndoable } from '../../components/undoHistory';
import { freeCopyName, isStaleSave, useStaleSave } from '../../components/staleSave';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import type { VersionLock } from './GuideDetail';
import { historyMessages, lockText } from './historyMessages';
import { includesLabel, perLabel } from './labels';
import { guideMessages } from './messages';
import LadderChart from './LadderChart';
import { unsavedVersions } from './pageMemory';
import { checkVersionDraft, describeProblem, draftFromVersion, versionEditGroup, type VersionDraft } from './versionDraft';

/**
 * Edits one stored version: its facts (文号, dates, what the amounts include, unit, reference
 * wage, source), its grid and allowances, and shows its pay ladder. Nothing is written until 保存,
 * and then the whole version in one call (the store saves it in one transaction). A locked version
 * (a 文号, or used by a project: docs/design.md §History and locks) is not saved in place: its edits
 * go into a new version (另存为新版本), and the version itself stays as it is. Every edit is a step of
 * the editor's history: Ctrl+Z / Ctrl+Y (and the 撤销 / 重做 buttons) undo and redo, 放弃修改 included.
 */
interface Props {
  version: StoredGuideVersion & { revision: number };
  wages: StoredReferenceWage[];
  /** set when the version is locked */
  lock: VersionLock | null;
  onSaved(): void;
  onDirtyChange(dirty: boolean): void;
  /** 另存为新版本: the version as edited (checked), to be saved under a new label and date */
  onSaveAsNew(version: GuideVersion): void;
}

/** The parent mounts one editor per version (key = version id). */
export default function VersionEditor({ version, wages, lock, onSaved, onDirtyChange, onSaveAsNew }: Props) {
  const { lang } = useI18n();
  const m = guideMessages[lang];
  const hm = historyMessages[lang];
  const [initial] = useState<VersionDraft>(() => unsavedVersions.get(version.id) ?? storedDraft(version));
  const history = useUndoable<VersionDraft>(initial);
  const { value: draft, edit, reset } = history;
  const root = useRef<HTMLDivElement>(null);
  useUndoKeys(root, history);
  /** the draft as last read or saved (null: an unsaved draft kept from an earlier visit); any other is unsaved */
  const [saved, setSaved] = useState<VersionDraft | null>(() => (unsavedVersions.has(version.id) ? null : initial));
  const dirty = draft !== saved;
  /** the stored revision the edits are based on: kept outside the history, so undo never rewinds it */
  const [basedOn, setBasedOn] = useState(initial.basedOn ?? version.revision);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const shown = useRef(version);

  const dirtyNow = useRef(dirty);
  dirtyNow.current = dirty;

  useEffect(() => {
    // a fresh copy of the same version (after a save, or a reload of the list): show what the store
    // now holds — unless the user has edits in progress, which a background refresh must not wipe
    if (shown.current === version || dirtyNow.current) return;
    shown.current = version;
    const fresh = storedDraft(version);
    reset(fresh);
    setSaved(fresh);
    setBasedOn(version.revision);
    setProblems({});
  }, [version, reset]);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  // once a save has been refused, the messages follow the user's fixes as they type
  const showingProblems = Object.keys(problems).length > 0;
  useEffect(() => {
    if (!showingProblems) return;
    const check = checkVersionDraft(draft, lang);
    setProblems(check.ok ? {} : check.problems);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- follows the draft only; showing problems starts when a save is refused, not here
  }, [draft, lang]);
  useEffect(() => {
    if (dirty) unsavedVersions.keep(version.id, { ...draft, basedOn });
    else unsavedVersions.forget(version.id);
  }, [dirty, draft, basedOn, version.id]);
  useAskBeforeUnload(unsavedVersions);

  const latestDraft = useRef(draft);
  latestDraft.current = draft;
  // a run of typing in one box is one step (versionEditGroup)
  const change = useCallback((patch: Partial<VersionDraft>) => edit((d) => ({ ...d, ...patch }), versionEditGroup(latestDraft.current, patch)), [edit]);
  const discard = () => {
    const stored = storedDraft(version);
    edit(() => stored, null);
    setSaved(stored);
    setBasedOn(version.revision);
    setProblems({});
  };

  const wage = useMemo(
    () => (draft.referenceWage ? referenceWageInForce(wages, draft.referenceWage, draft.effectiveFrom || '9999-12-31') : null),
    [wages, draft.referenceWage, draft.effectiveFrom],
  );
  const wageNames = useMemo(() => [...new Set(wages.map((w) => w.name))], [wages]);

  /** A locked version's edits, checked, as the content of a new version. */
  function saveAsNew() {
    const check = checkVersionDraft(draft, lang);
    if (!check.ok) {
      setProblems(check.problems);
      return;
    }
    setProblems({});
    onSaveAsNew(check.version);
  }

  async function save() {
    const check = checkVersionDraft(draft, lang);
    if (!check.ok) {
      setProblems(check.problems);
      return;
    }
    setProblems({});
    setSaving(true);
    const sent = draft;
    try {
      const stored = await api['guides.updateVersion']({ versionId: version.id, revision: basedOn, version: check.version });
      // the next save is based on this one, even if the user types on before the page has reloaded the version
      setBasedOn(stored.revision);
      setSaved(sent);
      showDone(m.versionSaved(check.version.label));
      onSaved();
    } catch (e) {
      if (isStaleSave(e)) staleSave(e, check.version);
      else showApiError(m.saveVersionFailed, e);
    } finally {
      setSaving(false);
    }
  }

  /** Another window saved this version first: show what it saved, or keep these edits as a new version. */
  const askStale = useStaleSave();
  function staleSave(error: unknown, edited: Extract<ReturnType<typeof checkVersionDraft>, { ok: true }>['version']) {
    const reload = () => {
      unsavedVersions.forget(version.id);
      dirtyNow.current = false;
      setSaved(latestDraft.current);
      onSaved(); // the page reads the version again; the effect above then shows it
    };
    askStale({
      error,
      onReload: reload,
      onKeepCopy: async () => {
        try {
          const labels = (await api['guides.get']({ id: version.guideId })).versions.map((v) => v.label);
          const label = freeCopyName(edited.label, labels, lang);
          await api['guides.addVersion']({ guideId: version.guideId, version: { ...edited, label } });
          showDone(m.versionCreated(label, ''));
          reload();
        } catch (e) {
          showApiError(m.createVersionFailed, e);
        }
      },
    });
  }

  const metaError = (path: string) => problems[path];
  const text = (name: 'label' | 'effectiveFrom' | 'effectiveTo' | 'documentNo' | 'source', label: string, placeholder = '') => (
    <div style={{ marginBottom: 8 }}>
      <div style={LABEL}>{label}</div>
      <Input
        size="small"
        value={draft[name]}
        placeholder={placeholder}
        aria-label={label}
        status={metaError(name) ? 'error' : undefined}
        onChange={(e) => change({ [name]: e.target.value })}
      />
      {metaError(name) && <div style={ERROR}>{metaError(name)}</div>}
    </div>
  );

  const problemList = Object.entries(problems);
  const cellCount = draft.cells.length;

  return (
    <div data-testid="version-editor" ref={root}>
      {lock && (
        <Alert
          type="warning"
          showIcon
          icon={<LockOutlined />}
          style={{ marginBottom: 8 }}
          data-testid="version-lock"
          message={`${hm.lockedTitle}（${lockText(hm, lock, lang)}）`}
          description={hm.lockedVersionHint}
        />
      )}
      <Row gutter={12}>
        <Col span={6}>{text('label', m.versionName, m.versionNamePlaceholder)}</Col>
        <Col span={5}>{text('effectiveFrom', m.effectiveFrom, 'YYYY-MM-DD')}</Col>
        <Col span={5}>{text('effectiveTo', m.effectiveTo, m.effectiveToPlaceholder)}</Col>
        <Col span={8}>{text('documentNo', m.documentNo, m.documentNoPlaceholder)}</Col>
      </Row>
      <Row gutter={12}>
        <Col span={7}>
          <div style={LABEL}>{m.includes}</div>
          <Select
            size="small"
            style={{ width: '100%' }}
            value={draft.includes}
            onChange={(includes) => change({ includes })}
            options={(['gross', 'employerCost'] as const).map((k) => ({ value: k, label: includesLabel(m, k) }))}
          />
        </Col>
        <Col span={4}>
          <div style={LABEL}>{m.amountUnit}</div>
          <Select
            size="small"
            style={{ width: '100%' }}
            value={draft.unit}
            onChange={(unit) => change({ unit })}
            options={(['month', 'year'] as const).map((k) => ({ value: k, label: perLabel(m, k) }))}
          />
        </Col>
        <Col span={7}>
          <div style={LABEL}>{m.referenceWageLabel}</div>
          <Select
            size="small"
            allowClear
            style={{ width: '100%' }}
            placeholder={m.none}
            status={metaError('referenceWage') ? 'error' : undefined}
            value={draft.referenceWage || undefined}
            onChange={(v) => change({ referenceWage: v ?? '' })}
            options={wageNames.map((n) => ({ value: n, label: n }))}
          />
          {metaError('referenceWage') && <div style={ERROR}>{metaError('referenceWage')}</div>}
          {draft.referenceWage && (
            <div style={{ fontSize: 12, marginTop: 2 }}>
              {wage ? (
                <Typography.Text type="secondary" data-testid="reference-wage">
                  {m.wageInForce(draft.effectiveFrom, formatMoney(parseDecimal(wage.amount)), perLabel(m, wage.per), wage.effectiveFrom)}
                  {wage.sample && (
                    <Tag color="orange" style={{ marginLeft: 4 }}>
                      {m.sample}
                    </Tag>
                  )}
                </Typography.Text>
              ) : (
                <Typography.Text type="warning">{m.wageMissing(draft.effectiveFrom, draft.referenceWage)}</Typography.Text>
              )}
            </div>
          )}
        </Col>
        <Col span={6}>{text('source', m.source, m.sourcePlaceholder)}</Col>
      </Row>
      {problemList.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ margin: '8px 0' }}
          message={m.problemsTitle(problemList.length)}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="version-problems">
              {problemList.slice(0, 20).map(([path, message]) => (
                <li key={path}>{describeProblem(path, message, lang)}</li>
              ))}
            </ul>
          }
        />
      )}
      <Tabs
        size="small"
        items={[
          {
            key: 'cells',
            label: (
              <span>
                {m.cells} <Badge count={cellCount} showZero color="#8c8c8c" overflowCount={9999} />
              </span>
            ),
            children: <CellGrid cells={draft.cells} unit={draft.unit} wage={wage} problems={problems} onChange={(cells) => change({ cells })} />,
          },
          {
            key: 'allowances',
            label: m.allowancesTab(draft.allowances.length),
            children: <AllowanceTable allowances={draft.allowances} unit={draft.unit} problems={problems} onChange={(allowances) => change({ allowances })} />,
          },
          {
            key: 'chart',
            label: m.chartTab,
            children: <LadderChart cells={draft.cells} unit={draft.unit} wage={wage} on={draft.effectiveFrom || undefined} />,
          },
          {
            key: 'notes',
            label: m.notes,
            children: <Input.TextArea rows={4} value={draft.notes} aria-label={m.notes} onChange={(e) => change({ notes: e.target.value })} />,
          },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        {lock ? (
          <Button type="primary" icon={<CopyOutlined />} onClick={saveAsNew}>
            {hm.saveAsNewVersion}
          </Button>
        ) : (
          <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!dirty} onClick={save}>
            {m.saveVersion}
          </Button>
        )}
        <Button icon={<UndoOutlined />} disabled={!dirty} onClick={discard}>
          {m.discard}
        </Button>
        <UndoRedoButtons history={history} />
        {dirty && <Typography.Text type="warning">{m.unsaved}</Typography.Text>}
      </Space>
    </div>
  );
}

/** The version as stored, as a draft that remembers the revision it was read at. */
function storedDraft(version: StoredGuideVersion & { revision: number }): VersionDraft {
  return { ...draftFromVersion(version), basedOn: version.revision };
}

const LABEL = { fontSize: 12, color: '#595959', marginBottom: 2 } as const;
const ERROR = { color: '#ff4d4f', fontSize: 12 } as const;
