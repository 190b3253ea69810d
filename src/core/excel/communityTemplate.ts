import { COMMUNITY_COLUMNS } from '../plan/community';
import { fitWidth } from './cells';
import { QUICK_WRITER, workbookBytes } from './workbookBytes';

/**
 * The empty community list to fill in (docs/community-template.md): the header row in Chinese, and a
 * sheet explaining each column. readers/communityImport.ts reads it back, under either header.
 */
export async function writeCommunityTemplate(): Promise<Uint8Array> {
  const bytes = await workbookBytes(QUICK_WRITER, async (wb) => {
    wb.creator = 'Paybench';
    const ws = wb.addWorksheet('社区名单');
    ws.columns = COMMUNITY_COLUMNS.map((c) => ({ width: fitWidth([c.zh], 12, 20) }));
    const h = ws.getRow(1);
    COMMUNITY_COLUMNS.forEach((c, i) => {
      h.getCell(i + 1).value = c.zh;
      h.getCell(i + 1).font = { name: '宋体', size: 10, bold: true };
    });
    h.commit();
    await ws.commit();
    const help = wb.addWorksheet('填写说明');
    help.columns = [{ width: 16 }, { width: 18 }, { width: 8 }, { width: 50 }];
    help.addRow(['列（中文表头）', '英文表头', '必填', '填写要求']).commit();
    for (const c of COMMUNITY_COLUMNS) help.addRow([c.zh, c.en, c.required ? '是' : '否', c.help]).commit();
    help.addRow([]).commit();
    help.addRow(['说明', '', '', '表头可用中文或英文，列的顺序不限，多余的列忽略；一行有误则整表不导入，错误按“第 N 行 列名（X 列）”列出。']).commit();
    await help.commit();
  });
  return new Uint8Array(bytes);
}
