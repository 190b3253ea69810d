import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Table } from 'antd';
import { useMessages } from '../../i18n';
import type { ContributionDraft } from './contributionDraft';
import { contributionMessages } from './messages';

/**
 * The items (五险一金) or levies (工会经费 …) of a set: name, employer rate in percent, and for
 * items the rounding of the monthly amount (to the fen, or to the yuan as housing funds often do).
 */
type Item = ContributionDraft['items'][number];
type Levy = ContributionDraft['levies'][number];

interface Props<R extends Item | Levy> {
  what: 'items' | 'levies';
  rows: R[];
  problems: Record<string, string>;
  onChange(rows: R[]): void;
  blank: R;
}

const ERROR = { color: '#ff4d4f', fontSize: 12 } as const;

export default function RateRows<R extends Item | Levy>({ what, rows, problems, onChange, blank }: Props<R>) {
  const m = useMessages(contributionMessages);
  const update = (i: number, patch: Partial<R>) => onChange(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const input = (i: number, field: 'name' | 'ratePercent', path: string, label: string, suffix?: string) => {
    const message = problems[`${what}[${i}].${path}`];
    return (
      <div>
        <Input
          size="small"
          value={rows[i]![field]}
          aria-label={m.rowLabel(label, i + 1)}
          status={message ? 'error' : undefined}
          suffix={suffix}
          onChange={(e) => update(i, { [field]: e.target.value } as Partial<R>)}
        />
        {message && <div style={ERROR}>{message}</div>}
      </div>
    );
  };
  const columns = [
    {
      title: what === 'items' ? m.item : m.levy,
      key: 'name',
      render: (_: unknown, __: R, i: number) => input(i, 'name', 'name', what === 'items' ? m.item : m.levy),
    },
    {
      title: what === 'items' ? m.employerRate : m.levyRate,
      key: 'rate',
      width: 150,
      render: (_: unknown, __: R, i: number) => input(i, 'ratePercent', 'rate', what === 'items' ? m.rate : m.levyRate, '%'),
    },
    ...(what === 'items'
      ? [
          {
            title: m.rounding,
            key: 'round',
            width: 150,
            render: (_: unknown, r: R, i: number) => (
              <Select
                size="small"
                style={{ width: 130 }}
                value={(r as Item).round}
                onChange={(round) => update(i, { round } as unknown as Partial<R>)}
                options={[
                  { value: 'fen', label: m.toFen },
                  { value: 'yuan', label: m.toYuan },
                ]}
              />
            ),
          },
        ]
      : []),
    {
      title: '',
      key: 'del',
      width: 48,
      render: (_: unknown, __: R, i: number) => (
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={m.deleteRow(i + 1)}
          onClick={() => onChange(rows.filter((_, k) => k !== i))}
        />
      ),
    },
  ];
  return (
    <>
      <Table<R & { rowIndex: number }>
        size="small"
        rowKey="rowIndex"
        pagination={false}
        dataSource={rows.map((r, rowIndex) => ({ ...r, rowIndex }))}
        columns={columns}
        locale={{ emptyText: m.none }}
      />
      <Button size="small" icon={<PlusOutlined />} style={{ marginTop: 6 }} onClick={() => onChange([...rows, { ...blank }])}>
        {what === 'items' ? m.addItem : m.addLevy}
      </Button>
    </>
  );
}
