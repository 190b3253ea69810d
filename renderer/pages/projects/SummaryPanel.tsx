import { memo } from 'react';
import { Alert, Card, Space, Typography } from 'antd';
import type { BudgetJson } from '../../../src/budget/resultJson';
import type { FieldProblem } from '../../../src/spec/fields';
import { percent, yuan } from '../../format';

/** Totals (合计) and the checks panel (校验): recomputed in the page as the user types. */
/** One line of the totals: a plain row (cheap to re-render on every keystroke). */
function Line({ label, value, testId, strong, big }: { label: string; value: string; testId?: string; strong?: boolean; big?: boolean }) {
  return (
    <tr style={{ borderBottom: '1px solid #f5f5f5' }}>
      <td style={{ padding: '5px 0', color: strong ? undefined : '#666', fontWeight: strong ? 600 : undefined }}>{label}</td>
      <td style={{ padding: '5px 0', textAlign: 'right', fontVariantNumeric: 'tabular-nums', fontWeight: strong ? 600 : undefined, fontSize: big ? 16 : undefined }} data-testid={testId}>
        {value}
      </td>
    </tr>
  );
}

const LEVEL_TYPE = { error: 'error', warning: 'warning', info: 'info' } as const;

export default function SummaryPanel({ budget, problems }: { budget: BudgetJson | null; problems: FieldProblem[] }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title="合计（元）" data-testid="totals">
        {budget ? (
          <table style={{ width: '100%', fontSize: 13, borderCollapse: 'collapse' }}>
            <tbody>
              <Line label="工资（含津贴）" value={yuan(budget.gross)} testId="total-gross" />
              <Line label="单位社保公积金" value={yuan(budget.contributions)} testId="total-contributions" />
              <Line label="工会经费等" value={yuan(budget.levies)} />
              <Line label="人员经费" value={yuan(budget.labour)} testId="total-labour" strong />
              <Line label="其他费用" value={yuan(budget.otherCosts)} testId="total-other" />
              <Line label="直接费用" value={yuan(budget.direct)} />
              <Line label="管理费" value={yuan(budget.managementFee)} testId="total-management" />
              <Line label="税费" value={yuan(budget.tax)} testId="total-tax" />
              <Line label="预算总额" value={yuan(budget.total)} testId="total-total" strong big />
              <Line label="人员经费占比" value={percent(budget.labourShare)} testId="labour-share" />
              <Line label="管理费占比" value={percent(budget.managementShare)} />
              <Line label="人数" value={budget.headcount} />
            </tbody>
          </table>
        ) : (
          <Typography.Text type="secondary">请先改正下列错误，合计将自动更新。</Typography.Text>
        )}
      </Card>
      <Checks items={checkItems(budget, problems)} />
    </Space>
  );
}

/** One alert of the checks panel, as plain values (so an unchanged panel is recognised as such). */
interface CheckItem {
  type: 'error' | 'warning' | 'info' | 'success';
  message: string;
  testId: string;
}

function checkItems(budget: BudgetJson | null, problems: FieldProblem[]): CheckItem[] {
  const items: CheckItem[] = problems.map((p) => ({ type: 'error', message: p.message, testId: 'draft-problem' }));
  for (const c of budget?.checks ?? []) items.push({ type: LEVEL_TYPE[c.level], message: c.message, testId: `check-${c.code}` });
  if (budget && budget.checks.length === 0 && problems.length === 0) items.push({ type: 'success', message: '全部校验通过', testId: 'checks-ok' });
  return items;
}

const sameItems = (a: { items: CheckItem[] }, b: { items: CheckItem[] }) =>
  a.items.length === b.items.length && a.items.every((x, i) => x.type === b.items[i]!.type && x.message === b.items[i]!.message && x.testId === b.items[i]!.testId);

/**
 * The checks panel (校验): a budget of 160 staff lines can carry a check per line, and an antd alert
 * is dear to render, so each alert re-renders only when its own message changes and the panel only
 * when one does.
 */
const Checks = memo(function Checks({ items }: { items: CheckItem[] }) {
  return (
    <Card size="small" title="校验" data-testid="checks">
      {/* a plain flex column, not antd's Space: Space wraps and re-renders a cell around every alert */}
      <div style={CHECK_LIST}>
        {items.map((c, i) => (
          <CheckAlert key={`${c.testId}-${i}`} type={c.type} message={c.message} testId={c.testId} />
        ))}
      </div>
    </Card>
  );
}, sameItems);

const CHECK_LIST: React.CSSProperties = { display: 'flex', flexDirection: 'column', gap: 8, width: '100%' };

const CheckAlert = memo(function CheckAlert({ type, message, testId }: CheckItem) {
  return <Alert type={type} showIcon message={message} data-testid={testId} />;
});
