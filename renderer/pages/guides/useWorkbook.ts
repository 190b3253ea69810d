import { notification } from 'antd';
import { useState } from 'react';
import { showApiError, showDone } from '../../components/feedback';
import { SHOW_AFTER_MS, jobMessages } from '../../components/JobProgress';
import { runJob } from '../../components/progress';
import { pickWorkbook, saveFilePayload } from '../../components/files';
import { useMessages } from '../../i18n';
import { api } from '../../api';
import { guideMessages } from './messages';
import { withCreepingProgress, type WorkbookProgressState } from './WorkbookProgress';

/**
 * Import / export / template of guide workbooks (native dialogs in Electron, download and file
 * input in browser mode — renderer/components/files.ts), with the progress the page shows. The
 * import runs as a job: its bar shows the host's percentage, and 取消 stops it before anything is saved.
 */
export function useWorkbook(onImported: (guideId: number) => void) {
  const m = useMessages(guideMessages);
  const jm = useMessages(jobMessages);
  const [progress, setProgress] = useState<WorkbookProgressState | null>(null);

  async function importWorkbook(target: { mode: 'new' } | { mode: 'version'; guideId: number }) {
    const file = await pickWorkbook();
    if (!file) return;
    const title = m.importTitle(file.fileName);
    try {
      const started = Date.now();
      const guide = await runJob('excel.importGuide', { base64: file.base64, fileName: file.fileName, target }, (view, control) => {
        if (Date.now() - started < SHOW_AFTER_MS && !view.cancelling) return;
        setProgress({
          title,
          stage: view.stage ? jm.stage(view.stage) : m.importStage,
          percent: view.percent,
          active: true,
          cancelling: view.cancelling,
          onCancel: () => {
            control.cancel();
            setProgress((s) => (s ? { ...s, cancelling: true } : s));
          },
        });
      });
      if (!guide) {
        showDone(jm.importCancelled);
        return;
      }
      setProgress({ title, stage: m.done, percent: 100, active: false });
      showDone(m.imported(guide.name));
      if (guide.notices.length > 0) {
        notification.info({ message: m.importNotes, description: guide.notices.join('\n'), duration: 10, style: { whiteSpace: 'pre-line' } });
      }
      onImported(guide.id);
    } catch (e) {
      showApiError(m.importFailed, e);
    } finally {
      setProgress(null);
    }
  }

  async function exportVersion(guideId: number, versionId: number) {
    try {
      const payload = await withCreepingProgress(setProgress, { title: m.exportTitle, stage: m.exportStage }, 5, 95, () =>
        api['excel.exportGuide']({ guideId, versionId }),
      );
      setProgress(null);
      const saved = await saveFilePayload(payload);
      if (saved) showDone(m.exported(saved));
    } catch (e) {
      showApiError(m.exportFailed, e);
    } finally {
      setProgress(null);
    }
  }

  async function downloadTemplate() {
    try {
      const saved = await saveFilePayload(await api['excel.guideTemplate']({}));
      if (saved) showDone(m.templateSaved(saved));
    } catch (e) {
      showApiError(m.templateFailed, e);
    }
  }

  return { progress, importWorkbook, exportVersion, downloadTemplate };
}
