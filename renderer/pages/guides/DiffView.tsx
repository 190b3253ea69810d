import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Button, Checkbox, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { formatMoney, parseDecimal } from '../../../src/money/decimal';
import { showApiError } from '../../components/feedback';
import type { AllowanceDiff, CellDiff, VersionDiff } from '../../../src/guides/diff';
import { ALLOWANCE_KIND_LABEL } from './labels';
import { guideApi } from './guideApi';

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

const STATUS_TAG: Record<CellDiff['status'], JSX.Element | null> = {
  added: <Tag color="blue">新增</Tag>,
  removed: <Tag color="default">删除</Tag>,
  changed: <Tag color="gold">变动</Tag>,
  same: null,
};

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
      setDiff(await guideApi.diff(a, b));
    } catch (e) {
      showApiError('版本对比失败', e);
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
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initial]);

  const options = versions.map((v) => ({ value: v.id, label: `${v.label}（${v.effectiveFrom} 起）` }));
  const shown = rows?.filter((r) => !onlyChanges || r.status !== 'same') ?? [];
  const count = (s: CellDiff['status']) => diff?.counts[s] ?? 0;
  const ups = rows?.filter((r) => signOf(r.change) > 0).length ?? 0;
  const downs = rows?.filter((r) => signOf(r.change) < 0).length ?? 0;

  return (
    <div data-testid="diff-view">
      <Space wrap style={{ marginBottom: 8 }}>
        <span>旧版本</span>
        <Select style={{ width: 220 }} value={fromId} options={options} onChange={setFromId} aria-label="旧版本" />
        <span>新版本</span>
        <Select style={{ width: 220 }} value={toId} options={options} onChange={setToId} aria-label="新版本" />
        <Button type="primary" loading={loading} disabled={fromId === undefined || toId === undefined} onClick={() => run()}>
          对比
        </Button>
        <Checkbox checked={onlyChanges} onChange={(e) => setOnlyChanges(e.target.checked)}>
          只看变动
        </Checkbox>
      </Space>
      {rows === null ? (
        <Empty description="选择两个版本后点“对比”" />
      ) : (
        <>
          <Typography.Paragraph data-testid="diff-summary">
            共 {rows.length} 个单元格：变动 {count('changed')}（<span style={{ color: UP }}>上调 {ups}</span>，
            <span style={{ color: DOWN }}>下调 {downs}</span>），新增 {count('added')}，删除 {count('removed')}，未变 {count('same')}。
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
              { title: '岗位', dataIndex: 'post' },
              { title: '等级', dataIndex: 'grade' },
              { title: '档次', dataIndex: 'step', width: 64 },
              {
                title: '状态',
                key: 'status',
                width: 96,
                render: (_, r) => (
                  <>
                    {STATUS_TAG[r.status]}
                    {r.kind === 'mixed' && <Tag color="purple">金额⇄系数</Tag>}
                  </>
                ),
              },
              { title: '旧值', key: 'before', align: 'right', render: (_, r) => valueText(r.before) },
              { title: '新值', key: 'after', align: 'right', render: (_, r) => valueText(r.after) },
              {
                title: '变动',
                key: 'change',
                align: 'right',
                render: (_, r) => <ChangeText change={r.change} />,
              },
              {
                title: '幅度',
                key: 'percent',
                align: 'right',
                render: (_, r) => <PercentText percent={r.percent} />,
              },
            ]}
          />
          {diff && diff.allowances.some((a) => a.status !== 'same') && (
            <>
              <Typography.Title level={5} style={{ marginTop: 12 }}>
                持证津贴
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
                  { title: '持证等级', dataIndex: 'qualification' },
                  { title: '发放方式', key: 'kind', render: (_, a) => ALLOWANCE_KIND_LABEL[a.kind] },
                  { title: '状态', key: 'status', render: (_, a) => STATUS_TAG[a.status] },
                  { title: '旧值', key: 'b', align: 'right', render: (_, a) => valueText(a.before) },
                  { title: '新值', key: 'a', align: 'right', render: (_, a) => valueText(a.after) },
                  { title: '变动', key: 'c', align: 'right', render: (_, a) => <ChangeText change={a.change} /> },
                  { title: '幅度', key: 'p', align: 'right', render: (_, a) => <PercentText percent={a.percent} /> },
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
