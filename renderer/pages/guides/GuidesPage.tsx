import { FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, List, Modal, Row, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { GuideVersion } from '../../../src/core/guides/schema';
import DiffView from './DiffView';
import { showApiError, showDone } from '../../components/feedback';
import { isStaleSave, useStaleSave } from '../../components/staleSave';
import { useLatest } from '../../components/useLatest';
import GuideDetail from './GuideDetail';
import GuideFormDialog, { type GuideFormValues } from './GuideFormDialog';
import HistoryDrawer from './HistoryDrawer';
import { periodText } from './labels';
import { guideMessages } from './messages';
import { useMessages } from '../../i18n';
import { api, type ApiInput, type ApiOutput } from '../../api';
import NewVersionDialog, { type NewVersionValues } from './NewVersionDialog';
import ReferenceWages from './ReferenceWages';
import { useWorkbook } from './useWorkbook';
import { lastSelection, rememberSelection, unsavedVersions } from './pageMemory';
import VersionEditor from './VersionEditor';
import WorkbookProgress from './WorkbookProgress';

/**
 * 薪酬指导价: the guides and their dated versions, the grid editor (paste from Excel), allowances,
 * adjust by %, diff of two versions, workbook import/export, the pay-ladder chart, and the reference
 * wages coefficient cells use. Every change goes to the store at once or on 保存; nothing is kept
 * only in the page.
 */
type GuideSummary = ApiOutput<'guides.list'>[number];
type StoredPayGuide = ApiOutput<'guides.get'>;
type StoredReferenceWage = ApiOutput<'referenceWages.list'>[number];

/**
 * guides.adjust saves the adjusted version and answers it; its id is what the diff compares against.
 * The answer's type also covers a preview (save: false), which has no id: hence the check.
 */
async function adjustAndSave(input: Omit<ApiInput<'guides.adjust'>, 'save'>): Promise<{ id: number; adjustedCells: number; keptCoefficients: number }> {
  const result = await api['guides.adjust']({ ...input, save: true });
  const version = result.version;
  if (!result.saved || !('id' in version) || typeof version.id !== 'number') throw new Error('调整后的版本未保存');
  return { id: version.id, adjustedCells: result.adjustedCells, keptCoefficients: result.keptCoefficients };
}

export default function GuidesPage() {
  const m = useMessages(guideMessages);
  const messages = useLatest(m);
  const [modal, modalHolder] = Modal.useModal();
  const [guides, setGuides] = useState<GuideSummary[] | null>(null);
  const [wages, setWages] = useState<StoredReferenceWage[]>([]);
  const [guideId, setGuideId] = useState<number | null>(null);
  const [guide, setGuide] = useState<StoredPayGuide | null>(null);
  const [versionId, setVersionId] = useState<number | null>(null);
  const [dirty, setDirty] = useState(false);
  const [tab, setTab] = useState<'edit' | 'diff'>('edit');
  const [diffInitial, setDiffInitial] = useState<{ fromId: number; toId: number } | null>(null);
  const [guideDialog, setGuideDialog] = useState<'create' | 'edit' | null>(null);
  const [versionDialog, setVersionDialog] = useState<'copy' | 'adjust' | null>(null);
  /** 另存为新版本 of a locked version: the edited content the new version is made of */
  const [saveAsContent, setSaveAsContent] = useState<GuideVersion | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const askStale = useStaleSave();

  const loadList = useCallback(async () => {
    try {
      const [list, wageList] = await Promise.all([api['guides.list']({}), api['referenceWages.list']({})]);
      setGuides(list);
      setWages(wageList);
      return list;
    } catch (e) {
      showApiError(messages.current.loadFailed, e);
      setGuides([]);
      return [];
    }
  }, [messages]);

  const loadGuide = useCallback(
    async (id: number, preferVersion?: number) => {
      try {
        const g = await api['guides.get']({ id });
        setGuide(g);
        const latest = [...g.versions].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
        setVersionId((current) => {
          const wanted = preferVersion ?? current;
          return g.versions.some((v) => v.id === wanted) ? wanted! : (latest?.id ?? null);
        });
        return g;
      } catch (e) {
        showApiError(messages.current.loadFailed, e);
        return null;
      }
    },
    [messages],
  );

  useEffect(() => {
    void loadList().then((list) => {
      const last = list.find((g) => g.id === lastSelection().guideId);
      setGuideId(last?.id ?? list[0]?.id ?? null);
    });
  }, [loadList]);

  useEffect(() => {
    setGuide(null);
    setVersionId(null);
    setDiffInitial(null);
    setTab('edit');
    const last = lastSelection();
    if (guideId !== null) void loadGuide(guideId, guideId === last.guideId ? (last.versionId ?? undefined) : undefined);
  }, [guideId, loadGuide]);

  useEffect(() => {
    if (guideId !== null) rememberSelection({ guideId, versionId });
  }, [guideId, versionId]);

  /** Leaving a version with unsaved edits asks first. */
  function guarded(action: () => void) {
    if (!dirty) return action();
    modal.confirm({
      title: m.discardTitle,
      content: m.discardContent,
      okText: m.discardOk,
      cancelText: m.backToEdit,
      onOk: () => {
        if (versionId !== null) unsavedVersions.forget(versionId);
        setDirty(false);
        action();
      },
    });
  }

  const summary = guides?.find((g) => g.id === guideId);
  const version = guide?.versions.find((v) => v.id === versionId) ?? null;
  const locks = useMemo(() => new Map((summary?.versions ?? []).flatMap((v) => (v.lock ? [[v.id, v.lock] as const] : []))), [summary]);

  async function refresh(preferVersion?: number) {
    await loadList();
    if (guideId !== null) await loadGuide(guideId, preferVersion);
  }

  async function createGuide(v: GuideFormValues) {
    try {
      const created = await api['guides.create']({
        name: v.name.trim(),
        issuer: v.issuer ?? '',
        region: v.region ?? '',
        sample: !!v.sample,
        versions: [
          {
            label: v.label.trim(),
            effectiveFrom: v.effectiveFrom.trim(),
            documentNo: v.documentNo ?? '',
            includes: v.includes,
            unit: v.unit,
            source: v.source ?? '',
          },
        ],
      });
      setGuideDialog(null);
      showDone(m.created(created.name));
      await loadList();
      setGuideId(created.id);
      setTab('edit');
    } catch (e) {
      showApiError(m.createFailed, e);
    }
  }

  async function updateHeader(v: GuideFormValues) {
    if (!guide) return;
    try {
      await api['guides.update']({ id: guide.id, revision: guide.revision, name: v.name.trim(), issuer: v.issuer ?? '', region: v.region ?? '' });
      setGuideDialog(null);
      showDone(m.saved);
      await refresh();
    } catch (e) {
      // renamed in another window meanwhile: show its name (a copy of a header would be a second guide)
      if (isStaleSave(e)) {
        askStale({
          error: e,
          onReload: async () => {
            setGuideDialog(null);
            await refresh();
          },
        });
      } else showApiError(m.saveHeaderFailed, e);
    }
  }

  function deleteGuide() {
    if (!guide) return;
    modal.confirm({
      title: m.deleteGuideTitle(guide.name),
      content: m.deleteGuideContent(guide.versions.length),
      okText: m.delete,
      okButtonProps: { danger: true },
      cancelText: m.cancel,
      onOk: async () => {
        try {
          await api['guides.delete']({ id: guide.id });
          guide.versions.forEach((v) => unsavedVersions.forget(v.id));
          showDone(m.deleted);
          setDirty(false);
          const list = await loadList();
          setGuideId(list[0]?.id ?? null);
        } catch (e) {
          showApiError(m.deleteGuideFailed, e);
        }
      },
    });
  }

  async function newVersion(v: NewVersionValues) {
    if (!guide || !version) return;
    try {
      let created: { id: number };
      let note = '';
      if (versionDialog === 'adjust') {
        const adjusted = await adjustAndSave({
          versionId: version.id,
          percent: v.percent!,
          rounding: v.rounding!,
          allowances: !!v.allowances,
          label: v.label,
          effectiveFrom: v.effectiveFrom,
          documentNo: v.documentNo,
        });
        created = adjusted;
        note = m.adjustNote(adjusted.adjustedCells, adjusted.keptCoefficients);
      } else {
        const { id: _id, guideId: _g, revision: _r, ...stored } = version;
        // 另存为新版本 carries the locked version's edits; 复制当前版本 the version as stored
        const copy = saveAsContent ?? stored;
        created = await api['guides.addVersion']({
          guideId: guide.id,
          version: { ...copy, label: v.label, effectiveFrom: v.effectiveFrom, effectiveTo: null, documentNo: v.documentNo },
        });
        if (saveAsContent) {
          // the edits now live in the new version; the locked one is left as it is stored
          unsavedVersions.forget(version.id);
          setDirty(false);
          setSaveAsContent(null);
        }
      }
      const fromId = version.id;
      setVersionDialog(null);
      showDone(m.versionCreated(v.label, note));
      await refresh(created.id);
      if (versionDialog === 'adjust') {
        setDiffInitial({ fromId, toId: created.id });
        setTab('diff');
      }
    } catch (e) {
      showApiError(versionDialog === 'adjust' ? m.adjustFailed : m.createVersionFailed, e);
    }
  }

  function deleteVersion() {
    if (!version) return;
    modal.confirm({
      title: m.deleteVersionTitle(version.label),
      content: m.deleteVersionContent(periodText(m, version), version.cells.length),
      okText: m.delete,
      okButtonProps: { danger: true },
      cancelText: m.cancel,
      onOk: async () => {
        try {
          await api['guides.deleteVersion']({ versionId: version.id });
          unsavedVersions.forget(version.id);
          setDirty(false);
          showDone(m.versionDeleted);
          await refresh();
        } catch (e) {
          showApiError(m.deleteVersionFailed, e);
        }
      },
    });
  }

  const workbook = useWorkbook((id) => {
    void loadList().then(() => {
      if (id === guideId) void loadGuide(id);
      else setGuideId(id);
    });
  });

  const versionList = guide ? [...guide.versions].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom)) : [];

  const guidesTab = (
    <Row gutter={12}>
      <Col xs={24} lg={7}>
        <Card
          size="small"
          title={m.guides}
          extra={
            <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => guarded(() => setGuideDialog('create'))}>
              {m.newGuide}
            </Button>
          }
        >
          <Space wrap style={{ marginBottom: 8 }}>
            <Button size="small" icon={<UploadOutlined />} onClick={() => guarded(() => void workbook.importWorkbook({ mode: 'new' }))}>
              {m.importWorkbook}
            </Button>
            <Button size="small" icon={<FileExcelOutlined />} onClick={() => void workbook.downloadTemplate()}>
              {m.downloadTemplate}
            </Button>
          </Space>
          {guides === null ? (
            <Spin />
          ) : (
            <List
              size="small"
              dataSource={guides}
              locale={{ emptyText: m.noGuides }}
              data-testid="guide-list"
              renderItem={(g) => {
                const latest = [...g.versions].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
                return (
                  <List.Item
                    onClick={() => g.id !== guideId && guarded(() => setGuideId(g.id))}
                    style={{ cursor: 'pointer', background: g.id === guideId ? '#e6f4ff' : undefined, paddingLeft: 8, borderRadius: 4 }}
                  >
                    <List.Item.Meta
                      title={
                        <Space size={4} wrap>
                          <span>{g.name}</span>
                          {g.sample && <Tag color="orange">{m.sample}</Tag>}
                        </Space>
                      }
                      description={
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {[g.issuer, g.region].filter(Boolean).join(' · ') || '—'}
                          <br />
                          {m.versionsLine(g.versions.length, latest?.label ?? null, latest?.effectiveFrom ?? null)}
                        </Typography.Text>
                      }
                    />
                  </List.Item>
                );
              }}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={17}>
        {guide ? (
          <GuideDetail
            guide={guide}
            projectCount={summary?.projectCount ?? 0}
            locks={locks}
            onHistory={() => setHistoryOpen(true)}
            selectedVersionId={versionId}
            onSelectVersion={(id) => id !== versionId && guarded(() => setVersionId(id))}
            onEditHeader={() => setGuideDialog('edit')}
            onDeleteGuide={deleteGuide}
            onCopyVersion={() => guarded(() => setVersionDialog('copy'))}
            onAdjustVersion={() => guarded(() => setVersionDialog('adjust'))}
            onCompare={() => {
              const [newest, previous] = versionList;
              if (newest && previous) setDiffInitial({ fromId: previous.id, toId: newest.id });
              setTab('diff');
            }}
            onExport={() => version && void workbook.exportVersion(guide.id, version.id)}
            onImportVersion={() => guarded(() => void workbook.importWorkbook({ mode: 'version', guideId: guide.id }))}
            onDeleteVersion={deleteVersion}
            tab={tab}
            onTab={setTab}
            editor={
              version ? (
                <VersionEditor
                  key={version.id}
                  version={version}
                  wages={wages}
                  lock={locks.get(version.id) ?? null}
                  onSaved={() => void refresh(version.id)}
                  onDirtyChange={setDirty}
                  onSaveAsNew={(content) => {
                    setSaveAsContent(content);
                    setVersionDialog('copy');
                  }}
                />
              ) : (
                <Empty description={m.pickVersion} />
              )
            }
            diff={<DiffView key={guide.id} versions={versionList} initial={diffInitial} />}
          />
        ) : guides !== null && guides.length === 0 ? (
          <Card>
            <Empty description={m.noGuidesHint} />
          </Card>
        ) : (
          <Spin />
        )}
      </Col>
    </Row>
  );

  return (
    <div data-testid="guides-page">
      {modalHolder}
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {m.title}
      </Typography.Title>
      <Tabs
        items={[
          { key: 'guides', label: m.tabGuides, children: guidesTab },
          { key: 'wages', label: m.tabWages(wages.length), children: <ReferenceWages wages={wages} onChanged={() => void refresh()} /> },
        ]}
      />
      <GuideFormDialog
        open={guideDialog !== null}
        mode={guideDialog ?? 'create'}
        initial={guideDialog === 'edit' && guide ? { name: guide.name, issuer: guide.issuer, region: guide.region, sample: guide.sample } : undefined}
        onSubmit={guideDialog === 'edit' ? updateHeader : createGuide}
        onClose={() => setGuideDialog(null)}
      />
      <NewVersionDialog
        open={versionDialog !== null}
        mode={versionDialog ?? 'copy'}
        sourceLabel={version?.label ?? ''}
        coefficientCells={version?.cells.filter((c) => c.coefficient !== undefined).length ?? 0}
        onSubmit={newVersion}
        onClose={() => {
          setVersionDialog(null);
          setSaveAsContent(null);
        }}
      />
      {guide && <HistoryDrawer open={historyOpen} title={guide.name} scope={{ kind: 'guide', id: guide.id }} onClose={() => setHistoryOpen(false)} />}
      <WorkbookProgress state={workbook.progress} />
    </div>
  );
}
