import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Table } from 'antd';
import type { ContributionDraft } from './contributionDraft';

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
  const update = (i: number, patch: Partial<R>) => onChange(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const input = (i: number, field: 'name' | 'ratePercent', path: string, label: string, suffix?: string) => {
    const message = problems[`${what}[${i}].${path}`];
    return (
      <div>
        <Input
          size="small"
          value={rows[i]![field]}
          aria-label={`${label} 第 ${i + 1} 行`}
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
      title: what === 'items' ? '险种' : '附加费',
      key: 'name',
      render: (_: unknown, __: R, i: number) => input(i, 'name', 'name', what === 'items' ? '险种' : '附加费'),
    },
    {
      title: what === 'items' ? '单位费率' : '计提比例',
      key: 'rate',
      width: 150,
      render: (_: unknown, __: R, i: number) => input(i, 'ratePercent', 'rate', what === 'items' ? '费率' : '计提比例', '%'),
    },
    ...(what === 'items'
      ? [
          {
            title: '每月金额取整',
            key: 'round',
            width: 150,
            render: (_: unknown, r: R, i: number) => (
              <Select
                size="small"
                style={{ width: 130 }}
                value={(r as Item).round}
                onChange={(round) => update(i, { round } as unknown as Partial<R>)}
                options={[
                  { value: 'fen', label: '到分' },
                  { value: 'yuan', label: '到元' },
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
        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除第 ${i + 1} 行`} onClick={() => onChange(rows.filter((_, k) => k !== i))} />
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
        locale={{ emptyText: '无' }}
      />
      <Button size="small" icon={<PlusOutlined />} style={{ marginTop: 6 }} onClick={() => onChange([...rows, { ...blank }])}>
        {what === 'items' ? '添加险种' : '添加附加费'}
      </Button>
    </>
  );
}
