import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api, type ApiOutput } from '../../api';
import { showDone, useShowApiError } from '../../components/feedback';
import { jobMessages, useJobRunner } from '../../components/JobProgress';
import { saveFilePayload } from '../../components/files';
import { navigate, useHashRoute } from '../../components/useHashRoute';
import { percent, yuan } from '../../format';
import { useMessages } from '../../i18n';
import { compareMessages, type CompareMessages } from './messages';
import { bidsForComparison } from './pendingBids';

/**
 * 预算对比 (#/compare/3/7/12): the projects ticked in the list side by side — a column per project, a row per
 * figure, then the differences from the baseline the user picks — with a chart of total and labour per project
 * and the labour share, and the comparison as a workbook. Every figure is the API's exact string
 * (projects.compare); numbers become Numbers only to draw the chart.
 */
type Comparison = ApiOutput<'projects.compare'>;
type Budget = Comparison['budgets'][number];
type Baseline = Comparison['baseline'];

interface FigureRow {
  key: string;
  label: string;
  section?: boolean;
  cell: (b: Budget) => string;
}

const signed = (text: string | null, show: (t: string) => string) =>
  text === null ? '—' : (text.startsWith('-') || /^[0.]+$/.test(text) ? '' : '+') + show(text);

function figureRows(m: CompareMessages): FigureRow[] {
  return [
    { key: 'kind', label: m.kind, cell: (b) => (b.kind === 'bid' ? m.kindBid : m.kindProject) },
    { key: 'total', label: m.total, cell: (b) => yuan(b.total) },
    { key: 'labour', label: m.labour, cell: (b) => yuan(b.labour) },
    { key: 'labourShare', label: m.labourShare, cell: (b) => percent(b.labourShare) },
    { key: 'managementFee', label: m.managementFee, cell: (b) => yuan(b.managementFee) },
    { key: 'otherCosts', label: m.otherCosts, cell: (b) => yuan(b.otherCosts) },
    { key: 'headcount', label: m.headcount, cell: (b) => b.headcount },
    { key: 'postYears', label: m.postYears, cell: (b) => b.postYears },
    { key: 'costPerPostYear', label: m.costPerPostYear, cell: (b) => yuan(b.costPerPostYear) },
    { key: 'findings', label: m.findings, cell: (b) => `${b.counts.error} / ${b.counts.warning} / ${b.counts.info}` },
    { key: 'differences', label: m.differences, section: true, cell: () => '' },
    { key: 'diffTotal', label: m.diffTotal, cell: (b) => signed(b.difference.total, yuan) },
    { key: 'diffTotalPercent', label: m.diffTotalPercent, cell: (b) => signed(b.difference.totalPercent, (t) => percent(t)) },
    { key: 'diffLabour', label: m.diffLabour, cell: (b) => signed(b.difference.labour, yuan) },
    { key: 'diffLabourShare', label: m.diffLabourShare, cell: (b) => signed(b.difference.labourShare, (t) => percent(t)) },
    { key: 'diffManagementFee', label: m.diffManagementFee, cell: (b) => signed(b.difference.managementFee, yuan) },
    { key: 'diffHeadcount', label: m.diffHeadcount, cell: (b) => signed(b.difference.headcount, (t) => t) },
    { key: 'diffCostPerPostYear', label: m.diffCostPerPostYear, cell: (b) => signed(b.difference.costPerPostYear, yuan) },
  ];
}

/** The project ids of the route: #/compare/3/7 → [3, 7]; anything else is left out. */
function idsOf(route: string[]): number[] {
  return route
    .slice(1)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
}

function CompareChart({ comparison, m }: { comparison: Comparison; m: CompareMessages }) {
  const data = comparison.budgets.map((b) => ({ name: b.label, total: Number(b.total), labour: Number(b.labour), share: Number(b.labourShare) * 100 }));
  return (
    <Card size="small" title={m.chartTitle} data-testid="compare-chart">
      <ResponsiveContainer width="100%" height={300}>
        <ComposedChart data={data} margin={{ top: 8, right: 16, left: 16, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" interval={0} tick={{ fontSize: 12 }} />
          <YAxis yAxisId="money" tickFormatter={(v: number) => m.axisTick(v)} width={72} />
          <YAxis yAxisId="share" orientation="right" domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} />
          <Tooltip formatter={(v, name) => (name === m.labourShare ? `${Number(v).toFixed(2)}%` : yuan(Number(v).toFixed(2)))} />
          <Legend />
          <Bar yAxisId="money" dataKey="total" name={m.total} fill="#1f6feb" isAnimationActive={false} />
          <Bar yAxisId="money" dataKey="labour" name={m.labour} fill="#00b894" isAnimationActive={false} />
          <Line yAxisId="share" dataKey="share" name={m.labourShare} stroke="#e17055" strokeWidth={2} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </Card>
  );
}

export default function ComparePage() {
  const m = useMessages(compareMessages);
  const showError = useShowApiError();
  const route = useHashRoute();
  // #/compare/bids: the bids 预算审核 handed over (pendingBids.ts); else #/compare/3/7: project ids
  const forBids = route[1] === 'bids';
  const ids = useMemo(() => (forBids ? [] : idsOf(route)), [route, forBids]);
  const bids = useMemo(() => (forBids ? bidsForComparison() : []), [forBids]);
  const key = forBids ? 'bids' : ids.join('/');
  const [baseline, setBaseline] = useState<Baseline>('first');
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const job = useJobRunner();
  const jobText = useMessages(jobMessages);

  useEffect(() => {
    let live = true;
    const wanted = key === '' || key === 'bids' ? [] : key.split('/').map(Number);
    if (wanted.length + bids.length < 2) {
      setComparison(null);
      setFailure(key === 'bids' ? m.noBids : m.pickTwo);
      return;
    }
    api['projects.compare']({ ids: wanted, bids, baseline })
      .then((c) => {
        if (!live) return;
        setComparison(c);
        setFailure(null);
      })
      .catch((e: unknown) => {
        if (!live) return;
        setComparison(null);
        setFailure(e instanceof Error ? e.message : String(e));
      });
    return () => {
      live = false;
    };
  }, [key, bids, baseline, m.pickTwo, m.noBids]);

  const exportWorkbook = async () => {
    setExporting(true);
    try {
      // a job with a bar and 取消 (reading the bid workbooks takes seconds); null when the user cancelled it
      const file = await job.run(m.export, 'projects.compareWorkbook', { ids, bids, baseline });
      if (!file) {
        showDone(jobText.exportCancelled);
        return;
      }
      const saved = await saveFilePayload(file);
      if (saved) showDone(m.exported(saved));
    } catch (e) {
      showError(m.exportFailed, e);
    } finally {
      setExporting(false);
    }
  };

  const rows = figureRows(m);
  const columns: ColumnsType<FigureRow> = [
    {
      title: m.figure,
      key: 'label',
      fixed: 'left',
      onCell: (r) => (r.section ? { colSpan: (comparison?.budgets.length ?? 0) + 1, style: { background: '#fafafa', fontWeight: 600 } } : {}),
      render: (_, r) => (r.section ? r.label : <span style={{ whiteSpace: 'nowrap' }}>{r.label}</span>),
    },
    ...(comparison?.budgets ?? []).map((b, i) => ({
      title: (
        <Space size={4} wrap>
          <span>{b.label}</span>
          {i === comparison!.baselineIndex && <Tag color="blue">{m.isBaseline}</Tag>}
        </Space>
      ),
      key: `b${i}`,
      align: 'right' as const,
      onCell: (r: FigureRow) => (r.section ? { colSpan: 0 } : {}),
      render: (_: unknown, r: FigureRow) => (
        <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} data-testid={`compare-${r.key}`}>
          {r.cell(b)}
        </span>
      ),
    })),
  ];

  return (
    <div data-testid="compare-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(forBids ? 'review' : 'projects')} data-testid="compare-back">
            {forBids ? m.backToReview : m.back}
          </Button>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {m.title}
          </Typography.Title>
        </Space>
        <Space wrap>
          <Typography.Text>{m.baseline}</Typography.Text>
          <Select<Baseline>
            value={baseline}
            onChange={setBaseline}
            style={{ width: 160 }}
            options={[
              { value: 'first', label: m.baselineFirst },
              { value: 'lowest', label: m.baselineLowest },
            ]}
            data-testid="compare-baseline"
          />
          <Button icon={<DownloadOutlined />} disabled={!comparison} loading={exporting} onClick={() => void exportWorkbook()} data-testid="compare-export">
            {m.export}
          </Button>
        </Space>
      </Space>
      {failure !== null && (
        <Alert type="warning" showIcon message={m.loadFailed} description={failure} style={{ marginBottom: 12 }} data-testid="compare-failure" />
      )}
      {comparison && (
        <Space direction="vertical" style={{ width: '100%' }} size={16}>
          <Table<FigureRow>
            rowKey="key"
            columns={columns}
            dataSource={rows}
            pagination={false}
            size="small"
            bordered
            scroll={{ x: 'max-content' }}
            data-testid="compare-table"
          />
          <CompareChart comparison={comparison} m={m} />
        </Space>
      )}
      {job.modal}
    </div>
  );
}
