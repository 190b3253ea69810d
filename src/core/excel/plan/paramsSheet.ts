import type ExcelJS from 'exceljs';
import { text } from '../cells';
import { sheetOptions } from '../print';
import type { PlanWorkbookInput } from './input';
import { titleAndHeader } from './rows';
import { PLAN_SHEETS } from './sheetNames';

/** 参数: the staffing rule and its parameters, the pricing used, and where the community rows are. */
export async function writeParamsSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, input: PlanWorkbookInput, lastCommunityRow: number): Promise<void> {
  const ws = wb.addWorksheet(PLAN_SHEETS.params, sheetOptions({ headerRows: 2, portrait: true }));
  ws.columns = [{ width: 28 }, { width: 70 }];
  titleAndHeader(ws, `${input.title} — 参数`, ['项目', '内容']);
  const rows: [string, string][] = [
    ['配备规则', `${input.plan.rule.name}（${input.plan.rule.version}，${input.plan.rule.effectiveFrom} 起）${input.plan.rule.sample ? '（含示例参数）' : ''}`],
    ['取值点', String(input.plan.point)],
    ...input.parameters,
    ['社区数', String(input.plan.communities.length)],
    ['社区测算数据行', `第 3 行至第 ${lastCommunityRow} 行`],
    ...(input.pricing
      ? ([
          ['指导价', input.pricing.guideName],
          ['五险一金参数', input.pricing.contributionsName],
        ] as [string, string][])
      : []),
    ['应持证人数', '= ceil(持证率 × 现有人数)，持证率按城乡取规则参数'],
  ];
  rows.forEach(([k, v], i) => {
    const row = ws.getRow(3 + i);
    row.getCell(1).value = text(k);
    row.getCell(2).value = text(v);
    row.commit();
  });
  await ws.commit();
}
