import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Col, DatePicker, Empty, InputNumber, Row, Space, Statistic, Table, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPercent, parseDecimal } from '../../../src/core/money/decimal';
import { type ApiInput, type ApiOutput, api } from '../../api';
import { saveFilePayload } from '../../components/files';
import { useShowApiError } from '../../components/feedback';
import { useI18n, useMessages } from '../../i18n';
import { gradingWords } from './gradingMessages';
import { type RosterMessages, rosterMessages } from './messages';
import type { RosterFilter } from './RosterGrid';

/**
 * 结构统计: the roster (as filtered on the 名册 tab) counted on a chosen date — a bar chart and a
 * table per dimension with shares, a demand per band typed in the table and the gap, and the
 * statistics workbook. Shares are drawn from the exact counts; the certification rate is the
 * exact text the API computed.
 */
type Stats = ApiOutput<'roster.stats'>;
type Demand = NonNullable<ApiInput<'roster.stats'>['demand']>;
type Dimension = 'byAge' | 'byEducation' | 'byTitle' | 'byField' | 'byCertificate';
const DIMENSIONS: Dimension[] = ['byAge', 'byEducation', 'byTitle', 'byCertificate', 'byField'];

/** n / total as a percent with one decimal, for display only (integers, rounded half up) */
function percentText(n: number, total: number): string {
  if (total === 0) return '—';
  const tenths = Math.floor((n * 1000 * 2 + total) / (2 * total));
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}

function DimensionCard({
  dim,
  stats,
  m,
  demand,
  onNeed,
}: {
  dim: Dimension;
  stats: Stats;
  m: RosterMessages;
  demand: Demand;
  onNeed: (band: string, n: number | null) => void;
}) {
  const counts = stats.stats[dim];
  const needs = (demand[dim] ?? {}) as Record<string, number | undefined>;
  const gapOf = new Map(stats.gaps.filter((g) => g.dimension === dim).map((g) => [g.band, g]));
  const words = gradingWords[useI18n().lang];
  const rows = Object.entries(counts).map(([band, n]) => ({ band, label: words.statsBand(dim, band), n }));
  return (
    <Card size="small" title={m[dim]} data-testid={`stats-${dim}`}>
      <ResponsiveContainer width="100%" height={180}>
        <BarChart data={rows} margin={{ left: -20 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Bar dataKey="n" name={m.count} fill="#1f6feb" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      <Table
        size="small"
        rowKey="band"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: m.band, dataIndex: 'label' },
          { title: m.count, dataIndex: 'n', align: 'right' },
          { title: m.share, key: 'share', align: 'right', render: (_, r) => percentText(r.n, stats.stats.total) },
          {
            title: m.need,
            key: 'need',
            width: 90,
            render: (_, r) =>
              r.band === '未填' ? null : (
                <InputNumber size="small" min={0} precision={0} value={needs[r.band] ?? null} onChange={(v) => onNeed(r.band, v)} style={{ width: 80 }} />
              ),
          },
          { title: m.gap, key: 'gap', align: 'right', render: (_, r) => gapOf.get(r.band)?.gap ?? '' },
        ]}
      />
    </Card>
  );
}

export function RosterStats({ filter, version }: { filter: RosterFilter; version: number }) {
  const m = useMessages(rosterMessages);
  const showApiError = useShowApiError();
  const [on, setOn] = useState(() => dayjs().format('YYYY-MM-DD'));
  const [demand, setDemand] = useState<Demand>({});
  const [stats, setStats] = useState<Stats | null>(null);
  const [busy, setBusy] = useState(false);
  const hasDemand = Object.values(demand).some((d) => d && Object.keys(d).length > 0);

  const load = useCallback(async () => {
    try {
      setStats(await api['roster.stats']({ on, filter, demand: hasDemand ? demand : null }));
    } catch (e) {
      showApiError(m.statsFailed, e);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- showApiError and m follow the language; the demand is applied by its button
  }, [on, filter, version]);

  useEffect(() => {
    void load();
  }, [load]);

  function setNeed(dim: Dimension, band: string, n: number | null) {
    setDemand((d) => {
      const next = { ...(d[dim] ?? {}) } as Record<string, number>;
      if (n === null) delete next[band];
      else next[band] = n;
      return { ...d, [dim]: next };
    });
  }

  async function exportStats() {
    setBusy(true);
    try {
      await saveFilePayload(await api['roster.exportStats']({ on, filter, demand: hasDemand ? demand : null }));
    } catch (e) {
      showApiError(m.exportFailed, e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div data-testid="roster-stats">
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{m.statsDate}</span>
        <DatePicker allowClear={false} value={dayjs(on)} onChange={(d) => d && setOn(d.format('YYYY-MM-DD'))} data-testid="stats-date" />
        <Button onClick={() => void load()} data-testid="stats-apply-demand">
          {m.applyDemand}
        </Button>
        <Button onClick={() => setDemand({})} disabled={!hasDemand}>
          {m.clearDemand}
        </Button>
        <Button icon={<FileExcelOutlined />} loading={busy} onClick={() => void exportStats()} data-testid="stats-export">
          {m.exportStats}
        </Button>
        <Typography.Text type="secondary">{m.demandHint}</Typography.Text>
      </Space>
      <Typography.Paragraph type="secondary" data-testid="stats-scope">
        {m.scope(
          Object.values(filter)
            .filter((v): v is string => typeof v === 'string' && v !== '')
            .join(' / ') || m.everyone,
        )}
      </Typography.Paragraph>
      {!stats ? null : stats.stats.total === 0 ? (
        <Empty description={m.emptyRoster} />
      ) : (
        <>
          <Space size={48} style={{ marginBottom: 12 }}>
            <Statistic title={m.total(stats.stats.total)} value={stats.stats.total} data-testid="stats-total" />
            <Statistic
              title={`${m.certRate} ${m.certRateNote}`}
              value={stats.stats.certRate === null ? '—' : formatPercent(parseDecimal(stats.stats.certRate), 2)}
              data-testid="stats-cert-rate"
            />
          </Space>
          <Row gutter={[12, 12]}>
            {DIMENSIONS.map((d) => (
              <Col key={d} xs={24} xl={12}>
                <DimensionCard dim={d} stats={stats} m={m} demand={demand} onNeed={(band, n) => setNeed(d, band, n)} />
              </Col>
            ))}
          </Row>
        </>
      )}
    </div>
  );
}
