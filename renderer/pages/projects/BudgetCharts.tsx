import { memo } from 'react';
import { Card, Col, Empty, Row, Tag } from 'antd';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BudgetJson } from '../../../src/core/budget/resultJson';
import { percent, yuan } from '../../format';
import { useMessages } from '../../i18n';
import { projectMessages, type ProjectMessages } from './messages';

/**
 * Charts of the computed budget. Amounts become Numbers here for the drawing only (bar lengths,
 * slice angles); every figure printed comes from the exact strings.
 */
const COLORS = ['#1f6feb', '#54a0ff', '#00b894', '#fdcb6e', '#e17055', '#a29bfe', '#636e72', '#fd79a8', '#00cec9'];
const n = (text: string) => Number(text);

function composition(budget: BudgetJson, m: ProjectMessages) {
  const parts: { name: string; value: number; text: string }[] = [
    { name: m.wages, value: n(budget.gross), text: budget.gross },
    { name: m.socialInsurance, value: n(budget.contributions), text: budget.contributions },
    { name: m.levies, value: n(budget.levies), text: budget.levies },
  ];
  const byCategory = new Map<string, bigint>();
  for (const l of budget.lines) {
    if (l.kind !== 'cost') continue;
    // fen as integers: category sums stay exact
    const fen = BigInt(l.amount.replace('.', ''));
    byCategory.set(l.category, (byCategory.get(l.category) ?? 0n) + fen);
  }
  for (const [category, fen] of byCategory) {
    const text = `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
    parts.push({ name: category, value: n(text), text });
  }
  parts.push({ name: m.managementFee, value: n(budget.managementFee), text: budget.managementFee });
  parts.push({ name: m.tax, value: n(budget.tax), text: budget.tax });
  return parts.filter((p) => p.value > 0);
}

/** `provisional`: the budget leaves out lines in error (provisional.ts); each chart says 暂估. */
function BudgetCharts({ budget, minLabourShare, provisional = false }: { budget: BudgetJson | null; minLabourShare: string | null; provisional?: boolean }) {
  const m = useMessages(projectMessages);
  if (!budget) return <Empty description={m.noCharts} />;
  const parts = composition(budget, m);
  const share = [{ name: m.labourShare, actual: n(budget.labourShare) * 100, min: minLabourShare === null ? 0 : n(minLabourShare) * 100 }];
  const pbp = budget.purchaseByPost;
  const mark = provisional ? (
    <Tag color="orange" data-testid="chart-provisional">
      {m.provisional}
    </Tag>
  ) : null;
  return (
    <Row gutter={16} data-testid="charts">
      <Col span={8}>
        <Card size="small" title={m.composition} extra={mark}>
          <ResponsiveContainer width="100%" height={260}>
            <PieChart>
              <Pie data={parts} dataKey="value" nameKey="name" outerRadius={80} isAnimationActive={false}>
                {parts.map((_, i) => (
                  <Cell key={i} fill={COLORS[i % COLORS.length]} />
                ))}
              </Pie>
              <Tooltip formatter={(_v, _n, item) => m.yuanAmount(yuan((item.payload as { text: string }).text))} />
              <Legend iconSize={10} wrapperStyle={{ fontSize: 12 }} />
            </PieChart>
          </ResponsiveContainer>
        </Card>
      </Col>
      <Col span={8}>
        <Card size="small" title={m.shareChart} extra={mark}>
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={share} layout="vertical" margin={{ left: 10, right: 30 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" domain={[0, 100]} unit="%" />
              <YAxis type="category" dataKey="name" width={90} />
              <Tooltip formatter={() => percent(budget.labourShare)} />
              <Bar
                dataKey="actual"
                name={m.labourShare}
                fill={minLabourShare !== null && share[0]!.actual < share[0]!.min ? '#e17055' : '#00b894'}
                isAnimationActive={false}
              />
              {minLabourShare !== null && (
                <ReferenceLine
                  x={share[0]!.min}
                  stroke="#d63031"
                  strokeDasharray="4 2"
                  label={{ value: m.minimum(percent(minLabourShare, 0)), position: 'top' }}
                />
              )}
            </BarChart>
          </ResponsiveContainer>
        </Card>
      </Col>
      <Col span={8}>
        <Card size="small" title={m.byPostChart} extra={mark}>
          {pbp ? (
            <ResponsiveContainer width="100%" height={260}>
              <BarChart
                data={[
                  { name: m.byPost, value: n(pbp.amount), text: pbp.amount },
                  { name: m.budgetLabour, value: n(pbp.labour), text: pbp.labour },
                  { name: m.budgetTotal, value: n(budget.total), text: budget.total },
                ]}
                margin={{ left: 20 }}
              >
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="name" />
                <YAxis tickFormatter={m.axisAmount} />
                <Tooltip formatter={(_v, _n, item) => m.yuanAmount(yuan((item.payload as { text: string }).text))} />
                <Legend />
                <Bar dataKey="value" name={m.amountLegend} fill="#1f6feb" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          ) : (
            <Empty description={m.byPostEmpty} />
          )}
        </Card>
      </Col>
    </Row>
  );
}

export default memo(BudgetCharts);
