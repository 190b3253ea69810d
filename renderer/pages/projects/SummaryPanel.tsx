import { memo } from 'react';
import { Alert, Card, Space, Tag, Tooltip, Typography } from 'antd';
import type { BudgetJson } from '../../../src/core/budget/resultJson';
import type { FieldProblem } from '../../../src/core/spec/fields';
import { percent, yuan } from '../../format';
import { useI18n, useMessages, type Lang } from '../../i18n';
import { checkText } from '../../i18n/coreText';
import { projectMessages, type ProjectMessages } from './messages';
import type { ExcludedLine } from './provisional';

/**
 * Totals (合计) and the checks panel (校验): recomputed in the page as the user types. With lines
 * in error the totals are of the valid lines, marked 暂估 (provisional.ts), and the lines left out
 * are named above them.
 */
/** One line of the totals: a plain row (cheap to re-render on every keystroke). */
function Line({ label, value, testId, strong, big }: { label: string; value: string; testId?: string; strong?: boolean; big?: boolean }) {
  return (
    <tr style={{ borderBottom: '1px solid #f5f5f5' }}>
      <td style={{ padding: '5px 0', color: strong ? undefined : '#666', fontWeight: strong ? 600 : undefined }}>{label}</td>
      <td
        style={{
          padding: '5px 0',
          textAlign: 'right',
          fontVariantNumeric: 'tabular-nums',
          fontWeight: strong ? 600 : undefined,
          fontSize: big ? 16 : undefined,
        }}
        data-testid={testId}
      >
        {value}
      </td>
    </tr>
  );
}

const LEVEL_TYPE = { error: 'error', warning: 'warning', info: 'info' } as const;

export default function SummaryPanel({
  budget,
  problems,
  excludedLines,
}: {
  budget: BudgetJson | null;
  problems: FieldProblem[];
  excludedLines: ExcludedLine[];
}) {
  const m = useMessages(projectMessages);
  const { lang } = useI18n();
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        size="small"
        title={m.totalsTitle}
        extra={
          excludedLines.length > 0 && (
            <Tooltip title={m.provisionalNotice(excludedLines.length, excludedLines.map((l) => l.place).join(lang === 'zh' ? '、' : '; '))}>
              <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="totals-provisional">
                {m.provisional}
              </Tag>
            </Tooltip>
          )
        }
        data-testid="totals"
      >
        {excludedLines.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 8, fontSize: 12 }}
            message={m.provisionalNotice(excludedLines.length, excludedLines.map((l) => l.place).join(lang === 'zh' ? '、' : '; '))}
            data-testid="provisional-notice"
          />
        )}
        {budget ? (
          <table style={{ width: '100%', fontSize: 13, borderCollapse: 'collapse' }}>
            <tbody>
              <Line label={m.gross} value={yuan(budget.gross)} testId="total-gross" />
              <Line label={m.contributions} value={yuan(budget.contributions)} testId="total-contributions" />
              <Line label={m.levies} value={yuan(budget.levies)} />
              <Line label={m.labour} value={yuan(budget.labour)} testId="total-labour" strong />
              {/* 分年度: a period across 1 January shows its labour by calendar year (docs/design.md §Budget arithmetic) */}
              {budget.years &&
                Object.keys(budget.years).length > 1 &&
                Object.entries(budget.years).map(([year, labour]) => (
                  <Line key={year} label={`\u3000${m.labourOfYear(year)}`} value={yuan(labour)} testId={`labour-year-${year}`} />
                ))}
              <Line label={m.otherCosts} value={yuan(budget.otherCosts)} testId="total-other" />
              <Line label={m.direct} value={yuan(budget.direct)} />
              <Line label={m.managementFee} value={yuan(budget.managementFee)} testId="total-management" />
              <Line label={m.tax} value={yuan(budget.tax)} testId="total-tax" />
              <Line label={m.total} value={yuan(budget.total)} testId="total-total" strong big />
              <Line label={m.labourShare} value={percent(budget.labourShare)} testId="labour-share" />
              <Line label={m.managementShare} value={percent(budget.managementShare)} />
              <Line label={m.headcount} value={budget.headcount} />
            </tbody>
          </table>
        ) : (
          <Typography.Text type="secondary">{m.fixFirst}</Typography.Text>
        )}
      </Card>
      <Checks items={checkItems(budget, problems, m, lang)} />
    </Space>
  );
}

/** One alert of the checks panel, as plain values (so an unchanged panel is recognised as such). */
interface CheckItem {
  type: 'error' | 'warning' | 'info' | 'success';
  message: string;
  testId: string;
}

function checkItems(budget: BudgetJson | null, problems: FieldProblem[], m: ProjectMessages, lang: Lang): CheckItem[] {
  const items: CheckItem[] = problems.map((p) => ({ type: 'error', message: p.message, testId: 'draft-problem' }));
  for (const c of budget?.checks ?? []) items.push({ type: LEVEL_TYPE[c.level], message: checkText(c, lang), testId: `check-${c.code}` });
  if (budget && budget.checks.length === 0 && problems.length === 0) items.push({ type: 'success', message: m.allChecksPass, testId: 'checks-ok' });
  return items;
}

const sameItems = (a: { items: CheckItem[] }, b: { items: CheckItem[] }) =>
  a.items.length === b.items.length &&
  a.items.every((x, i) => x.type === b.items[i]!.type && x.message === b.items[i]!.message && x.testId === b.items[i]!.testId);

/**
 * The checks panel (校验): a budget of 160 staff lines can carry a check per line, and an antd alert
 * is dear to render, so each alert re-renders only when its own message changes and the panel only
 * when one does.
 */
const Checks = memo(function Checks({ items }: { items: CheckItem[] }) {
  const m = useMessages(projectMessages);
  return (
    <Card size="small" title={m.checks} data-testid="checks">
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
