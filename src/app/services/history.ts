import type { HistoryFilter } from '../../../db/repos/history';
import type { PaybenchStore } from '../../../db/store';
import { historyWorkbookBuffer } from '../../core/excel/history/historyWorkbook';
import type { ChangeEntry } from '../../core/history/changes';
import { objectKindLabel } from '../../core/history/labels';
import type { WorkbookFile } from './files';
import { unlessNotFound } from './lookup';

/**
 * The change history (docs/design.md §History and locks) as the user asks for it: of one object
 * (a guide with its versions, a contribution set, a reference wage, a project) or of everything,
 * within dates; and the same rows as a workbook to file.
 */
export function listHistory(store: PaybenchStore, filter: HistoryFilter): ChangeEntry[] {
  return store.history.list(filter);
}

/** What the history is of, in words, for the workbook's title and file name. */
export function historyTitle(store: PaybenchStore, filter: HistoryFilter, entries: readonly ChangeEntry[]): string {
  const dates = filter.from || filter.to ? `（${filter.from ?? '…'} 至 ${filter.to ?? '…'}）` : '';
  if (filter.kind === undefined) return `Paybench 全部变更记录${dates}`;
  if (filter.id === undefined) return `Paybench 全部${objectKindLabel(filter.kind, 'zh')}的变更记录${dates}`;
  const id = filter.id;
  const named = (): string | null => {
    switch (filter.kind) {
      case 'guide':
        return unlessNotFound(() => `指导价“${store.guides.get(id).name}”`);
      case 'contributionSet':
        return unlessNotFound(() => `社保公积金参数“${store.contributionSets.get(id).name}”`);
      case 'project':
        return unlessNotFound(() => `项目“${store.projects.get(id).name}”`);
      default:
        return null;
    }
  };
  // a deleted object is still named by its rows
  const name = named() ?? (entries[0] ? `“${entries[0].objectName}”` : `编号 ${id}`);
  return `${name}的变更记录${dates}`;
}

export async function historyWorkbook(store: PaybenchStore, filter: HistoryFilter): Promise<WorkbookFile> {
  const entries = listHistory(store, filter);
  const title = historyTitle(store, filter, entries);
  return { fileName: `${title}.xlsx`, bytes: await historyWorkbookBuffer(title, entries) };
}
