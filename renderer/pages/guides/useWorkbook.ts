import { notification } from 'antd';
import { useState } from 'react';
import { showApiError, showDone } from '../../components/feedback';
import { pickWorkbook, saveFilePayload } from '../../components/files';
import { guideApi } from './guideApi';
import { withCreepingProgress, type WorkbookProgressState } from './WorkbookProgress';

/**
 * Import / export / template of guide workbooks (native dialogs in Electron, download and file
 * input in browser mode — renderer/components/files.ts), with the progress the page shows.
 */
export function useWorkbook(onImported: (guideId: number) => void) {
  const [progress, setProgress] = useState<WorkbookProgressState | null>(null);

  async function importWorkbook(target: { mode: 'new' } | { mode: 'version'; guideId: number }) {
    const file = await pickWorkbook();
    if (!file) return;
    const title = `导入工作簿：${file.fileName}`;
    try {
      const guide = await withCreepingProgress(setProgress, { title, stage: '解析工作簿并保存指导价…' }, 5, 95, () =>
        guideApi.excel.importGuide(file.base64, file.fileName, target),
      );
      setProgress({ title, stage: '完成', percent: 100, active: false });
      showDone(`已导入“${guide.name}”`);
      if (guide.notices.length > 0) {
        notification.info({ message: '导入说明', description: guide.notices.join('\n'), duration: 10, style: { whiteSpace: 'pre-line' } });
      }
      onImported(guide.id);
    } catch (e) {
      showApiError('导入失败，未作任何修改', e);
    } finally {
      setProgress(null);
    }
  }

  async function exportVersion(guideId: number, versionId: number) {
    try {
      const payload = await withCreepingProgress(setProgress, { title: '导出工作簿', stage: '生成工作簿…' }, 5, 95, () =>
        guideApi.excel.exportGuide(guideId, versionId),
      );
      setProgress(null);
      const saved = await saveFilePayload(payload);
      if (saved) showDone(`已导出：${saved}`);
    } catch (e) {
      showApiError('导出失败', e);
    } finally {
      setProgress(null);
    }
  }

  async function downloadTemplate() {
    try {
      const saved = await saveFilePayload(await guideApi.excel.template());
      if (saved) showDone(`已保存模板：${saved}`);
    } catch (e) {
      showApiError('下载模板失败', e);
    }
  }

  return { progress, importWorkbook, exportVersion, downloadTemplate };
}
