import { defineMessages, plural } from '../../i18n';

/** The texts of the paste preview, Chinese and English. */
export const pasteMessages = defineMessages(
  {
    title: (table: string) => `粘贴到${table}`,
    hint: '请核对每一列对应的字段；标红的单元格有错误，添加后该行仍会标红，可在表中直接改正。',
    headerRow: '第一行是表头（不作为数据）',
    ignore: '（不导入）',
    column: (n: number) => `第 ${n} 列`,
    row: '行',
    problems: '问题',
    append: '追加到末尾',
    replace: '替换全部行',
    summary: (rows: number, bad: number) => (bad > 0 ? `共 ${rows} 行，其中 ${bad} 行有错误` : `共 ${rows} 行，均无错误`),
    apply: (rows: number, mode: 'append' | 'replace') => (mode === 'append' ? `添加 ${rows} 行` : `替换为 ${rows} 行`),
    cancel: '取消',
    nothing: '没有可添加的数据行',
  },
  {
    title: (table: string) => `Paste into ${table}`,
    hint: 'Check which field each column fills. Cells in red have errors; their lines stay marked in the table after adding, to be corrected there.',
    headerRow: 'The first row is a header (not data)',
    ignore: '(leave out)',
    column: (n: number) => `Column ${n}`,
    row: 'Row',
    problems: 'Problems',
    append: 'Add at the end',
    replace: 'Replace all lines',
    summary: (rows: number, bad: number) => (bad > 0 ? `${plural(rows, 'row')}, ${bad} with errors` : `${plural(rows, 'row')}, no errors`),
    apply: (rows: number, mode: 'append' | 'replace') => (mode === 'append' ? `Add ${plural(rows, 'line')}` : `Replace with ${plural(rows, 'line')}`),
    cancel: 'Cancel',
    nothing: 'No data rows to add',
  },
);
