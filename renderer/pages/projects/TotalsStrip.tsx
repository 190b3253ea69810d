import { memo } from 'react';
import { Card, Space, Tag, Tooltip, Typography } from 'antd';
import type { BudgetJson } from '../../../src/core/budget/resultJson';
import { percent, yuan } from '../../format';
import { useMessages } from '../../i18n';
import { projectMessages } from './messages';

/**
 * The budget's key figures in one line, pinned to the top of the editor while it scrolls, for windows too narrow to
 * keep the totals panel beside the line tables (below 1600 px the panel moves under them, so that the staff table's
 * money columns all show without a column pinned over them — docs/design.md §Budget spec, "Stored projects: contribution sets within the period", its last paragraph).
 * The full totals and the checks stay in the panel.
 */
function Figure({ label, value, testId, strong }: { label: string; value: string; testId: string; strong?: boolean }) {
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>{' '}
      <Typography.Text strong={strong} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>
        {value}
      </Typography.Text>
    </span>
  );
}

export default memo(function TotalsStrip({ budget, provisional }: { budget: BudgetJson | null; provisional: boolean }) {
  const m = useMessages(projectMessages);
  const errors = budget?.checks.filter((c) => c.level === 'error').length ?? 0;
  const warnings = budget?.checks.filter((c) => c.level === 'warning').length ?? 0;
  return (
    <Card size="small" style={{ position: 'sticky', top: 0, zIndex: 3, marginBottom: 12 }} data-testid="totals-strip">
      {budget ? (
        <Space wrap size={[20, 4]}>
          <Figure label={m.labour} value={yuan(budget.labour)} testId="strip-labour" />
          <Figure label={m.otherCosts} value={yuan(budget.otherCosts)} testId="strip-other" />
          <Figure label={m.managementFee} value={yuan(budget.managementFee)} testId="strip-management" />
          <Figure label={m.tax} value={yuan(budget.tax)} testId="strip-tax" />
          <Figure label={m.total} value={yuan(budget.total)} testId="strip-total" strong />
          <Figure label={m.labourShare} value={percent(budget.labourShare)} testId="strip-labour-share" />
          <Tooltip title={m.stripMore}>
            <Tag color={errors ? 'red' : warnings ? 'orange' : 'green'} data-testid="strip-checks">
              {m.stripChecks(errors, warnings)}
            </Tag>
          </Tooltip>
          {provisional && <Tag color="orange">{m.provisional}</Tag>}
        </Space>
      ) : (
        <Typography.Text type="secondary">{m.fixFirst}</Typography.Text>
      )}
    </Card>
  );
});
