import { Empty, Tooltip as HintTooltip, Typography } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StoredReferenceWage } from '../../../src/core/guides/schema';
import { parseDecimal } from '../../../src/core/money/decimal';
import { type ApiOutput, api } from '../../api';
import { useMessages } from '../../i18n';
import { ladderData } from './ladder';
import { guideMessages } from './messages';
import { cellsOfDraft, type DraftCell } from './versionDraft';

/**
 * 薪级阶梯图: monthly pay along grade·step, one line per post, grades lowest post first by the 专技
 * level map in force on `on` (the version's effective date; today when not given), else by level
 * number, else in the guide's row order with a note saying so. Amounts are drawn, never computed here.
 */
const COLORS = ['#1677ff', '#fa8c16', '#52c41a', '#eb2f96', '#722ed1', '#13c2c2', '#a0d911', '#faad14'];

const yuan = (n: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

interface Props {
  cells: DraftCell[];
  unit: 'month' | 'year';
  wage: StoredReferenceWage | null;
  /** the date whose 专技 level maps order the grades (YYYY-MM-DD) */
  on?: string;
}

type LevelMaps = ApiOutput<'grading.levelMaps'>['maps'];

export default function LadderChart({ cells, unit, wage, on }: Props) {
  const m = useMessages(guideMessages);
  const [maps, setMaps] = useState<LevelMaps>([]);
  const date = on && /^\d{4}-\d{2}-\d{2}$/.test(on) ? on : dayjs().format('YYYY-MM-DD');
  useEffect(() => {
    let live = true;
    // without a map the chart still draws, in the guide's own order (and says so)
    api['grading.levelMaps']({ on: date }).then(
      (r) => live && setMaps(r.maps),
      () => live && setMaps([]),
    );
    return () => {
      live = false;
    };
  }, [date]);
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
      return ladderData(
        usable,
        unit,
        w,
        maps.map((x) => x.grades),
      );
    } catch {
      return null;
    }
  }, [cells, unit, wage, maps]);

  if (!data || data.points.length === 0) return <Empty description={m.noPoints} />;
  const { order } = data;
  return (
    <div data-testid="ladder-chart">
      <Typography.Text type="secondary">{m.chartAxis(unit === 'year')}</Typography.Text>
      <div data-testid="ladder-order" data-order={order.by}>
        <Typography.Text type="secondary">
          {order.by === 'levelMap' ? (
            m.ladderByLevelMap(order.mapIndex === null ? '专技' : (maps[order.mapIndex]?.scheme ?? ''))
          ) : order.by === 'levelNumber' ? (
            m.ladderByLevelNumber
          ) : (
            <>
              {m.ladderGivenOrder(order.unmapped.join('、'))}{' '}
              <HintTooltip title={m.ladderGivenOrderHint}>
                <InfoCircleOutlined aria-label={m.ladderGivenOrderHint} />
              </HintTooltip>
            </>
          )}
        </Typography.Text>
      </div>
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
