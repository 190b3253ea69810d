import { defineMessages } from '../../i18n';

/**
 * Texts of the change history drawer and of the lock (已锁定) on guide versions and contribution
 * sets (docs/design.md §History and locks), Chinese and English.
 */
export const historyMessages = defineMessages(
  {
    history: '历史记录',
    historyTitle: (what: string) => `${what} · 历史记录`,
    wagesHistory: '参考工资',
    from: '起始日期',
    to: '截止日期',
    datePlaceholder: 'YYYY-MM-DD',
    dateRule: '日期格式为 YYYY-MM-DD',
    query: '查询',
    export: '导出 Excel',
    exportFailed: '导出变更记录失败',
    exported: (file: string) => `已导出 ${file}`,
    loadFailed: '读取变更记录失败',
    empty: '没有变更记录',
    at: '时间',
    user: '用户',
    object: '对象',
    action: '操作',
    change: '变更',
    locked: '已锁定',
    lockedTitle: '此版本已锁定，不能直接修改',
    lockedSetTitle: '这套参数已锁定，不能直接修改',
    hasDocumentNo: (no: string) => `有文号 ${no}`,
    usedBy: (projects: string) => `被项目 ${projects} 使用`,
    lockedVersionHint: '修改可以“另存为新版本”：以此版本（含你的修改）为底稿新建一个版本，原版本保持不变。',
    lockedSetHint: '修改可以“另存为新参数”：以这套参数（含你的修改）为底稿新建一套，原参数保持不变；项目须改用新参数。',
    saveAsNewVersion: '另存为新版本',
    saveAsNewSet: '另存为新参数',
    newDocumentNo: '新版本文号（可空）',
  },
  {
    history: 'History',
    historyTitle: (what: string) => `${what} · History`,
    wagesHistory: 'Reference wages',
    from: 'From',
    to: 'To',
    datePlaceholder: 'YYYY-MM-DD',
    dateRule: 'Dates are YYYY-MM-DD',
    query: 'Search',
    export: 'Export to Excel',
    exportFailed: 'Could not export the history',
    exported: (file: string) => `Exported ${file}`,
    loadFailed: 'Could not read the history',
    empty: 'No changes recorded',
    at: 'Time',
    user: 'User',
    object: 'Object',
    action: 'Action',
    change: 'Change',
    locked: 'Locked',
    lockedTitle: 'This version is locked and cannot be edited in place',
    lockedSetTitle: 'This set is locked and cannot be edited in place',
    hasDocumentNo: (no: string) => `has document no. ${no}`,
    usedBy: (projects: string) => `used by ${projects}`,
    lockedVersionHint: 'Save your changes as a new version: it starts from this one (with your edits) and this version stays as it is.',
    lockedSetHint: 'Save your changes as a new set: it starts from this one (with your edits) and this set stays as it is; projects must be switched to it.',
    saveAsNewVersion: 'Save as new version',
    saveAsNewSet: 'Save as new set',
    newDocumentNo: 'Document no. of the new version (optional)',
  },
);

export type HistoryMessages = (typeof historyMessages)['zh'];

/** Why a record is locked, in the user's language: 有文号 X；被项目 A、B 使用. */
export function lockText(m: HistoryMessages, lock: { documentNo: string | null; projects: string[] }, lang: 'zh' | 'en'): string {
  const parts: string[] = [];
  if (lock.documentNo) parts.push(m.hasDocumentNo(lock.documentNo));
  if (lock.projects.length) parts.push(m.usedBy(lock.projects.join(lang === 'zh' ? '、' : ', ')));
  return parts.join(lang === 'zh' ? '；' : '; ');
}
