import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Button, Checkbox, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { formatMoney, parseDecimal } from '../../../src/core/money/decimal';
import { showApiError } from '../../components/feedback';
import type { AllowanceDiff, CellDiff, VersionDiff } from '../../../src/core/guides/diff';
import { useMessages } from '../../i18n';
import { allowanceKindLabel } from './labels';
import { guideMessages, type GuideMessages } from './messages';
import { api } from '../../api';

type GuideDiffRow = CellDiff;

/**
 * Two versions side by side, cell by cell: a raise in green with ▲, a cut in red with ▼, the change
 * in yuan and in percent (exact, from guides.diff); added and removed cells tagged.
 */
interface Props {
  versions: { id: number; label: string; effectiveFrom: string }[];
  initial?: { fromId: number; toId: number } | null;
}

const UP = '#389e0d';
const DOWN = '#cf1322';

function statusTag(m: GuideMessages, status: CellDiff['status']): JSX.Element | null {
  if (status === 'added') return <Tag color="blue">{m.added}</Tag>;
  if (status === 'removed') return <Tag color="default">{m.removed}</Tag>;
  if (status === 'changed') return <Tag color="gold">{m.changed}</Tag>;
  return null;
}

function valueText(text: string | null): string {
  if (text === null) return '—';
  const places = (text.split('.')[1] ?? '').length;
  return places === 2 ? formatMoney(parseDecimal(text)) : text; // amounts carry 2 places; coefficients as written
}

function signOf(text: string | null): -1 | 0 | 1 {
  if (text === null) return 0;
  const d = parseDecimal(text);
  return d.units > 0n ? 1 : d.units < 0n ? -1 : 0;
}

export default function DiffView({ versions, initial }: Props) {
  const m = useMessages(guideMessages);
  const [fromId, setFromId] = useState<number | undefined>(initial?.fromId ?? versions[1]?.id);
  const [toId, setToId] = useState<number | undefined>(initial?.toId ?? versions[0]?.id);
  const [diff, setDiff] = useState<VersionDiff | null>(null);
  const rows = diff?.cells ?? null;
  const [onlyChanges, setOnlyChanges] = useState(true);
  const [loading, setLoading] = useState(false);

  async function run(a = fromId, b = toId) {
    if (a === undefined || b === undefined) return;
    setLoading(true);
    try {
      setDiff(await api['guides.diff']({ fromVersionId: a, toVersionId: b }));
    } catch (e) {
      showApiError(m.diffFailed, e);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    if (initial) {
      setFromId(initial.fromId);
      setToId(initial.toId);
      void run(initial.fromId, initial.toId);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- compare again only when another pair is asked for, not when `run` is re-created
  }, [initial]);

  const options = versions.map((v) => ({ value: v.id, label: m.versionOption(v.label, v.effectiveFrom) }));
  const shown = rows?.filter((r) => !onlyChanges || r.status !== 'same') ?? [];
  const count = (s: CellDiff['status']) => diff?.counts[s] ?? 0;
  const ups = rows?.filter((r) => signOf(r.change) > 0).length ?? 0;
  const downs = rows?.filter((r) => signOf(r.change) < 0).length ?? 0;

  return (
    <div data-testid="diff-view">
      <Space wrap style={{ marginBottom: 8 }}>
        <span>{m.oldVersion}</span>
        <Select style={{ width: 220 }} value={fromId} options={options} onChange={setFromId} aria-label={m.oldVersion} />
        <span>{m.newVersion}</span>
        <Select style={{ width: 220 }} value={toId} options={options} onChange={setToId} aria-label={m.newVersion} />
        <Button type="primary" loading={loading} disabled={fromId === undefined || toId === undefined} onClick={() => run()}>
          {m.compareButton}
        </Button>
        <Checkbox checked={onlyChanges} onChange={(e) => setOnlyChanges(e.target.checked)}>
          {m.onlyChanges}
        </Checkbox>
      </Space>
      {rows === null ? (
        <Empty description={m.pickTwo} />
      ) : (
        <>
          <Typography.Paragraph data-testid="diff-summary">
            {m.diffHead(rows.length, count('changed'))}
            <span style={{ color: UP }}>{m.diffUp(ups)}</span>
            {m.diffSep}
            <span style={{ color: DOWN }}>{m.diffDown(downs)}</span>
            {m.diffTail(count('added'), count('removed'), count('same'))}
          </Typography.Paragraph>
          <Table<GuideDiffRow>
            size="small"
            rowKey={(r) => `${r.post}\u0000${r.grade}\u0000${r.step}`}
            dataSource={shown}
            pagination={shown.length > 200 ? { pageSize: 200, showSizeChanger: false } : false}
            onRow={(r) => {
              const s = signOf(r.change);
              return { style: { background: s > 0 ? '#f6ffed' : s < 0 ? '#fff1f0' : undefined } };
            }}
            columns={[
              { title: m.post, dataIndex: 'post' },
              { title: m.grade, dataIndex: 'grade' },
              { title: m.step, dataIndex: 'step', width: 64 },
              {
                title: m.status,
                key: 'status',
                width: 96,
                render: (_, r) => (
                  <>
                    {statusTag(m, r.status)}
                    {r.kind === 'mixed' && <Tag color="purple">{m.mixedKinds}</Tag>}
                  </>
                ),
              },
              { title: m.before, key: 'before', align: 'right', render: (_, r) => valueText(r.before) },
              { title: m.after, key: 'after', align: 'right', render: (_, r) => valueText(r.after) },
              {
                title: m.change,
                key: 'change',
                align: 'right',
                render: (_, r) => <ChangeText change={r.change} />,
              },
              {
                title: m.changePercent,
                key: 'percent',
                align: 'right',
                render: (_, r) => <PercentText percent={r.percent} />,
              },
            ]}
          />
          {diff && diff.allowances.some((a) => a.status !== 'same') && (
            <>
              <Typography.Title level={5} style={{ marginTop: 12 }}>
                {m.allowances}
              </Typography.Title>
              <Table<AllowanceDiff>
                size="small"
                pagination={false}
                rowKey={(a) => `${a.qualification}\u0000${a.kind}`}
                dataSource={diff.allowances.filter((a) => !onlyChanges || a.status !== 'same')}
                onRow={(a) => {
                  const s = signOf(a.change);
                  return { style: { background: s > 0 ? '#f6ffed' : s < 0 ? '#fff1f0' : undefined } };
                }}
                columns={[
                  { title: m.qualification, dataIndex: 'qualification' },
                  { title: m.paidAs, key: 'kind', render: (_, a) => allowanceKindLabel(m, a.kind) },
                  { title: m.status, key: 'status', render: (_, a) => statusTag(m, a.status) },
                  { title: m.before, key: 'b', align: 'right', render: (_, a) => valueText(a.before) },
                  { title: m.after, key: 'a', align: 'right', render: (_, a) => valueText(a.after) },
                  { title: m.change, key: 'c', align: 'right', render: (_, a) => <ChangeText change={a.change} /> },
                  { title: m.changePercent, key: 'p', align: 'right', render: (_, a) => <PercentText percent={a.percent} /> },
                ]}
              />
            </>
          )}
        </>
      )}
    </div>
  );
}

function ChangeText({ change }: { change: string | null }) {
  const s = signOf(change);
  if (change === null) return null;
  if (s === 0) return <span>0</span>;
  return (
    <span style={{ color: s > 0 ? UP : DOWN }} data-testid={s > 0 ? 'diff-up' : 'diff-down'}>
      {s > 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {s > 0 ? '+' : ''}
      {valueText(change)}
    </span>
  );
}

function PercentText({ percent }: { percent: string | null }) {
  if (percent === null) return null;
  const s = signOf(percent);
  return <span style={{ color: s > 0 ? UP : s < 0 ? DOWN : undefined }}>{`${s > 0 ? '+' : ''}${percent}%`}</span>;
}
