import { useState } from 'react';
import { Button, Space, Tabs, Typography } from 'antd';
import { DownloadOutlined, FileExcelOutlined, ProjectOutlined, UploadOutlined } from '@ant-design/icons';
import type { FilePayload } from '../../../src/app/api/operation';
import { api } from '../../api';
import { pickFile, saveFilePayload } from '../../components/files';
import { problemsOf, showDone, useShowApiError } from '../../components/feedback';
import { jobMessages, useJobRunner } from '../../components/JobProgress';
import { schemaMessage, useI18n, useMessages } from '../../i18n';
import { CohortTab } from './CohortTab';
import { gradingMessages } from './gradingMessages';
import { GradingTab } from './GradingTab';
import { ImportPreview, type PreviewState } from './ImportPreview';
import { rosterMessages } from './messages';
import { NO_FILTER, RosterGrid, type RosterFilter } from './RosterGrid';
import { RosterPaste } from './RosterPaste';
import { RosterProjectDialog } from './RosterProjectDialog';
import { RosterStats } from './RosterStats';

/**
 * 人员名册 (docs/design.md §People: roster and statistics): import a roster file through a preview
 * that lists every bad cell (nothing is stored until the file is right), the workers in a filtered
 * grid with 编辑 per row, the roster exported with 身份证号 masked, 结构统计 on a date, 定级晋升 of a
 * worker with the certificate rules, and 队伍预测 with labour cost. Checking, importing and exporting
 * a roster run as jobs with a bar and 取消 (docs/design.md §Data flow, "Long work: progress and
 * cancel"); 按名册生成项目 makes a project of the filtered workers (RosterProjectDialog.tsx).
 */
export default function RosterPage() {
  const m = useMessages(rosterMessages);
  const g = useMessages(gradingMessages);
  const { lang } = useI18n();
  const showApiError = useShowApiError();
  const jobText = useMessages(jobMessages);
  const job = useJobRunner();
  const [toProject, setToProject] = useState(false);
  const [filter, setFilter] = useState<RosterFilter>(NO_FILTER);
  const [preview, setPreview] = useState<(PreviewState & { file: FilePayload }) | null>(null);
  const [busy, setBusy] = useState(false);
  // bumped by an import: the grid and the statistics read the store again
  const [version, setVersion] = useState(0);

  async function choose() {
    const file = await pickFile({ name: m.fileFilter, extensions: ['xlsx', 'csv'] });
    if (!file) return;
    setBusy(true);
    try {
      const r = await job.run(m.checking, 'roster.preview', { file });
      if (!r) {
        showDone(jobText.importCancelled);
        return;
      }
      setPreview({ kind: 'ok', fileName: file.fileName, preview: r, file });
    } catch (e) {
      const { problems, message } = problemsOf(e);
      const shown = problems.length ? problems : [{ path: file.fileName, message }];
      setPreview({ kind: 'errors', fileName: file.fileName, problems: shown.map((p) => ({ ...p, message: schemaMessage(p.message, lang) })), file });
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    if (!preview) return;
    setBusy(true);
    try {
      const r = await job.run(m.importRoster, 'roster.import', { file: preview.file });
      if (!r) {
        // nothing imported: the preview stays open to confirm again
        showDone(jobText.importCancelled);
        return;
      }
      setPreview(null);
      setFilter(NO_FILTER);
      setVersion((v) => v + 1);
      showDone(m.imported(r.imported));
    } catch (e) {
      showApiError(m.importFailed, e);
    } finally {
      setBusy(false);
    }
  }

  async function save(what: 'template' | 'roster') {
    try {
      if (what === 'template') {
        await saveFilePayload(await api['roster.template']({}));
        return;
      }
      const file = await job.run(m.exportRoster, 'roster.export', { filter });
      if (file) await saveFilePayload(file);
      else showDone(jobText.exportCancelled);
    } catch (e) {
      showApiError(what === 'template' ? m.templateFailed : m.exportFailed, e);
    }
  }

  return (
    <div data-testid="roster-page">
      <Typography.Title level={3}>{m.title}</Typography.Title>
      <Typography.Paragraph type="secondary">{m.intro}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<UploadOutlined />} loading={busy} onClick={() => void choose()} data-testid="roster-import">
          {m.importRoster}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void save('template')} data-testid="roster-template">
          {m.downloadTemplate}
        </Button>
        <Button icon={<FileExcelOutlined />} onClick={() => void save('roster')} data-testid="roster-export">
          {m.exportRoster}
        </Button>
        <Button icon={<ProjectOutlined />} onClick={() => setToProject(true)} data-testid="roster-to-project">
          {m.toProject}
        </Button>
      </Space>
      <Tabs
        destroyOnHidden
        items={[
          {
            key: 'roster',
            label: m.tabRoster,
            children: (
              <RosterPaste onImported={() => setVersion((v) => v + 1)}>
                <Typography.Paragraph type="secondary">{g.pasteHint}</Typography.Paragraph>
                <RosterGrid filter={filter} onFilter={setFilter} version={version} />
              </RosterPaste>
            ),
          },
          { key: 'stats', label: <span data-testid="tab-stats">{m.tabStats}</span>, children: <RosterStats filter={filter} version={version} /> },
          { key: 'grading', label: <span data-testid="tab-grading">{g.tabGrading}</span>, children: <GradingTab version={version} /> },
          { key: 'cohort', label: <span data-testid="tab-cohort">{g.tabCohort}</span>, children: <CohortTab filter={filter} version={version} /> },
        ]}
      />
      {preview && <ImportPreview state={preview} busy={busy} onConfirm={() => void confirm()} onClose={() => setPreview(null)} />}
      {toProject && <RosterProjectDialog filter={filter} onClose={() => setToProject(false)} />}
      {job.modal}
    </div>
  );
}
