import { Alert, Card, Descriptions, Space, Typography } from 'antd';
import type { BudgetJson } from '../../../src/budget/resultJson';
import type { FieldProblem } from '../../../src/spec/fields';
import { percent, yuan } from '../../format';

/** Totals (合计) and the checks panel (校验): recomputed in the page as the user types. */
const LEVEL_TYPE = { error: 'error', warning: 'warning', info: 'info' } as const;

export default function SummaryPanel({ budget, problems }: { budget: BudgetJson | null; problems: FieldProblem[] }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title="合计（元）" data-testid="totals">
        {budget ? (
          <Descriptions size="small" column={1} colon={false} styles={{ label: { width: 120 }, content: { justifyContent: 'flex-end', fontVariantNumeric: 'tabular-nums' } }}>
            <Descriptions.Item label="工资（含津贴）">
              <span data-testid="total-gross">{yuan(budget.gross)}</span>
            </Descriptions.Item>
            <Descriptions.Item label="单位社保公积金">
              <span data-testid="total-contributions">{yuan(budget.contributions)}</span>
            </Descriptions.Item>
            <Descriptions.Item label="工会经费等">{yuan(budget.levies)}</Descriptions.Item>
            <Descriptions.Item label="人员经费">
              <strong data-testid="total-labour">{yuan(budget.labour)}</strong>
            </Descriptions.Item>
            <Descriptions.Item label="其他费用">
              <span data-testid="total-other">{yuan(budget.otherCosts)}</span>
            </Descriptions.Item>
            <Descriptions.Item label="直接费用">{yuan(budget.direct)}</Descriptions.Item>
            <Descriptions.Item label="管理费">
              <span data-testid="total-management">{yuan(budget.managementFee)}</span>
            </Descriptions.Item>
            <Descriptions.Item label="税费">
              <span data-testid="total-tax">{yuan(budget.tax)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={<strong>预算总额</strong>}>
              <Typography.Text strong style={{ fontSize: 16 }} data-testid="total-total">
                {yuan(budget.total)}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="人员经费占比">
              <span data-testid="labour-share">{percent(budget.labourShare)}</span>
            </Descriptions.Item>
            <Descriptions.Item label="管理费占比">{percent(budget.managementShare)}</Descriptions.Item>
            <Descriptions.Item label="人数">{budget.headcount}</Descriptions.Item>
          </Descriptions>
        ) : (
          <Typography.Text type="secondary">请先改正下列错误，合计将自动更新。</Typography.Text>
        )}
      </Card>
      <Card size="small" title="校验" data-testid="checks">
        <Space direction="vertical" style={{ width: '100%' }}>
          {problems.map((p, i) => (
            <Alert key={`p${i}`} type="error" showIcon message={p.message} data-testid="draft-problem" />
          ))}
          {budget?.checks.map((c, i) => (
            <Alert key={`c${i}`} type={LEVEL_TYPE[c.level]} showIcon message={c.message} data-testid={`check-${c.code}`} />
          ))}
          {budget && budget.checks.length === 0 && problems.length === 0 && <Alert type="success" showIcon message="全部校验通过" data-testid="checks-ok" />}
        </Space>
      </Card>
    </Space>
  );
}
