import { Empty, Typography } from 'antd';
import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StoredReferenceWage } from '../../../src/core/guides/schema';
import { parseDecimal } from '../../../src/core/money/decimal';
import { useMessages } from '../../i18n';
import { ladderData } from './ladder';
import { guideMessages } from './messages';
import { cellsOfDraft, type DraftCell } from './versionDraft';

/** 薪级阶梯图: monthly pay along grade·step, one line per post. Amounts are drawn, never computed here. */
const COLORS = ['#1677ff', '#fa8c16', '#52c41a', '#eb2f96', '#722ed1', '#13c2c2', '#a0d911', '#faad14'];

const yuan = (n: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

interface Props {
  cells: DraftCell[];
  unit: 'month' | 'year';
  wage: StoredReferenceWage | null;
}

export default function LadderChart({ cells, unit, wage }: Props) {
  const m = useMessages(guideMessages);
  const data = useMemo(() => {
    try {
      const w = wage ? { name: wage.name, amount: parseDecimal(wage.amount), per: wage.per } : null;
      // a cell still being typed (bad number) is left out of the picture rather than breaking it
      const usable = cellsOfDraft(cells).filter((c) => {
        try {
          if (c.amount !== undefined) parseDecimal(c.amount);
          else parseDecimal(c.coefficient!);
          return c.step > 0;
        } catch {
          return false;
        }
      });
      return ladderData(usable, unit, w);
    } catch {
      return { posts: [], points: [] };
    }
  }, [cells, unit, wage]);

  if (data.points.length === 0) return <Empty description={m.noPoints} />;
  return (
    <div data-testid="ladder-chart">
      <Typography.Text type="secondary">{m.chartAxis(unit === 'year')}</Typography.Text>
      <ResponsiveContainer width="100%" height={340}>
        <LineChart data={data.points} margin={{ top: 12, right: 24, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" interval="preserveStartEnd" tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={yuan} width={72} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? m.yuan(yuan(v)) : String(v))} />
          <Legend />
          {data.posts.map((post, i) => (
            // posts whose bands overlap at equal pay (三岗十八级) would hide each other: the first is
            // drawn widest, later ones thinner and dashed, so every post stays visible
            <Line
              key={post}
              type="linear"
              dataKey={post}
              stroke={COLORS[i % COLORS.length]}
              strokeWidth={Math.max(1.5, 5 - i * 1.5)}
              strokeDasharray={i === 0 ? undefined : i % 2 === 1 ? '6 3' : '2 2'}
              dot={{ r: 3 }}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
