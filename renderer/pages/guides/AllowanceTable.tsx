import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Table, Typography } from 'antd';
import { useMessages } from '../../i18n';
import { allowanceKindLabel } from './labels';
import { guideMessages } from './messages';
import { newKey, type DraftAllowance } from './versionDraft';

/** 持证津贴: monthly (part of monthly pay and the contribution base) or one-off (paid once per person). */
interface Props {
  allowances: DraftAllowance[];
  unit: 'month' | 'year';
  problems: Record<string, string>;
  onChange(allowances: DraftAllowance[]): void;
}

export default function AllowanceTable({ allowances, unit, problems, onChange }: Props) {
  const m = useMessages(guideMessages);
  const update = (i: number, patch: Partial<DraftAllowance>) => onChange(allowances.map((a, k) => (k === i ? { ...a, ...patch } : a)));
  const input = (i: number, name: 'qualification' | 'amount', placeholder: string) => {
    const message = problems[`allowances[${i}].${name}`];
    return (
      <div>
        <Input
          size="small"
          value={allowances[i]![name]}
          placeholder={placeholder}
          aria-label={m.rowLabel(placeholder, i + 1)}
          status={message ? 'error' : undefined}
          onChange={(e) => update(i, { [name]: e.target.value })}
        />
        {message && <div style={{ color: '#ff4d4f', fontSize: 12 }}>{message}</div>}
      </div>
    );
  };
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {m.allowanceIntro(unit === 'year')}
      </Typography.Paragraph>
      <Table<DraftAllowance>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={allowances}
        locale={{ emptyText: m.noAllowances }}
        columns={[
          { title: m.qualification, key: 'q', render: (_, __, i) => input(i, 'qualification', m.qualificationPlaceholder) },
          { title: m.amountYuan, key: 'a', width: 180, render: (_, __, i) => input(i, 'amount', m.allowanceAmountPlaceholder) },
          {
            title: m.paidAs,
            key: 'k',
            width: 130,
            render: (_, a, i) => (
              <Select
                size="small"
                style={{ width: 110 }}
                value={a.kind}
                onChange={(kind) => update(i, { kind })}
                options={(['monthly', 'oneOff'] as const).map((k) => ({ value: k, label: allowanceKindLabel(m, k) }))}
              />
            ),
          },
          {
            title: '',
            key: 'd',
            width: 48,
            render: (_, __, i) => (
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={m.deleteAllowanceRow(i + 1)}
                onClick={() => onChange(allowances.filter((_, k) => k !== i))}
              />
            ),
          },
        ]}
      />
      <Button
        size="small"
        icon={<PlusOutlined />}
        style={{ marginTop: 8 }}
        onClick={() => onChange([...allowances, { key: newKey(), qualification: '', amount: '', kind: 'monthly' }])}
      >
        {m.addAllowance}
      </Button>
    </>
  );
}
