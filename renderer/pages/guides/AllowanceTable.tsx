import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Table, Typography } from 'antd';
import { ALLOWANCE_KIND_LABEL } from './labels';
import { newKey, type DraftAllowance } from './versionDraft';

/** 持证津贴: monthly (part of monthly pay and the contribution base) or one-off (paid once per person). */
interface Props {
  allowances: DraftAllowance[];
  unit: 'month' | 'year';
  problems: Record<string, string>;
  onChange(allowances: DraftAllowance[]): void;
}

export default function AllowanceTable({ allowances, unit, problems, onChange }: Props) {
  const update = (i: number, patch: Partial<DraftAllowance>) => onChange(allowances.map((a, k) => (k === i ? { ...a, ...patch } : a)));
  const input = (i: number, name: 'qualification' | 'amount', placeholder: string) => {
    const message = problems[`allowances[${i}].${name}`];
    return (
      <div>
        <Input
          size="small"
          value={allowances[i]![name]}
          placeholder={placeholder}
          aria-label={`${placeholder} 第 ${i + 1} 行`}
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
        按月津贴计入月薪和缴费基数{unit === 'year' ? '（金额按元/年填写，预算时 ÷12）' : ''}；一次性津贴每人发放一次，不计入缴费基数。
      </Typography.Paragraph>
      <Table<DraftAllowance>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={allowances}
        locale={{ emptyText: '没有津贴' }}
        columns={[
          { title: '持证等级', key: 'q', render: (_, __, i) => input(i, 'qualification', '如 社工师') },
          { title: '金额（元）', key: 'a', width: 180, render: (_, __, i) => input(i, 'amount', '如 300.00') },
          {
            title: '发放方式',
            key: 'k',
            width: 130,
            render: (_, a, i) => (
              <Select
                size="small"
                style={{ width: 110 }}
                value={a.kind}
                onChange={(kind) => update(i, { kind })}
                options={(['monthly', 'oneOff'] as const).map((k) => ({ value: k, label: ALLOWANCE_KIND_LABEL[k] }))}
              />
            ),
          },
          {
            title: '',
            key: 'd',
            width: 48,
            render: (_, __, i) => (
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除津贴第 ${i + 1} 行`} onClick={() => onChange(allowances.filter((_, k) => k !== i))} />
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
        添加津贴
      </Button>
    </>
  );
}
