import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ReferenceWageRecord, StoredReferenceWage } from '../../../src/guides/schema';
import { formatMoney, parseDecimal, toFixed } from '../../../src/money/decimal';
import { showApiError, showDone } from '../../components/feedback';
import { guideApi } from './guideApi';
import { PER_LABEL } from './labels';
import { normalizeNumberText } from './pasteGrid';

/**
 * 参考工资: the named, dated wages coefficient cells multiply (e.g. 上年度城镇非私营单位在岗职工平均工资).
 * A new year's figure is a new row with its own effective date, so older versions keep theirs.
 */
interface Props {
  wages: StoredReferenceWage[];
  onChanged(): void;
}

type WageForm = Omit<ReferenceWageRecord, 'amount'> & { amountText: string };

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export default function ReferenceWages({ wages, onChanged }: Props) {
  const [editing, setEditing] = useState<StoredReferenceWage | 'new' | null>(null);
  const [form] = Form.useForm<WageForm>();

  function open(target: StoredReferenceWage | 'new') {
    setEditing(target);
    form.resetFields();
    form.setFieldsValue(
      target === 'new'
        ? { name: '上年度城镇非私营单位在岗职工平均工资', region: '', amountText: '', per: 'year', effectiveFrom: '', source: '', sample: false }
        : { ...target, amountText: target.amount },
    );
  }

  async function submit() {
    const v = await form.validateFields();
    const amount = toFixed(parseDecimal(normalizeNumberText(v.amountText)!), 2);
    const record: ReferenceWageRecord = {
      name: v.name.trim(),
      region: v.region ?? '',
      amount,
      per: v.per,
      effectiveFrom: v.effectiveFrom.trim(),
      source: v.source ?? '',
      sample: !!v.sample,
    };
    try {
      if (editing === 'new') await guideApi.wages.create(record);
      else if (editing) await guideApi.wages.update(editing.id, record);
      showDone('已保存');
      setEditing(null);
      onChanged();
    } catch (e) {
      showApiError('保存参考工资失败', e);
    }
  }

  async function remove(w: StoredReferenceWage) {
    try {
      await guideApi.wages.delete(w.id);
      showDone('已删除');
      onChanged();
    } catch (e) {
      showApiError('删除参考工资失败', e);
    }
  }

  const sorted = [...wages].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || b.effectiveFrom.localeCompare(a.effectiveFrom));

  return (
    <div data-testid="reference-wages">
      <Typography.Paragraph type="secondary">
        系数型指导价（如三岗十八级）的月额 = 系数 × 参考工资（年额则再 ÷ 12，四舍五入到分）。每年的新数额另起一行并写明生效日期。
      </Typography.Paragraph>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} style={{ marginBottom: 8 }}>
        新增参考工资
      </Button>
      <Table<StoredReferenceWage>
        size="small"
        rowKey="id"
        dataSource={sorted}
        pagination={false}
        columns={[
          {
            title: '名称',
            key: 'name',
            render: (_, w) => (
              <Space>
                {w.name}
                {w.sample && <Tag color="orange">示例数据</Tag>}
              </Space>
            ),
          },
          { title: '地区', dataIndex: 'region' },
          { title: '金额', key: 'amount', align: 'right', render: (_, w) => `${formatMoney(parseDecimal(w.amount))} ${PER_LABEL[w.per]}` },
          { title: '生效日期', dataIndex: 'effectiveFrom' },
          { title: '来源', dataIndex: 'source', ellipsis: true },
          {
            title: '操作',
            key: 'ops',
            width: 110,
            render: (_, w) => (
              <Space>
                <Button size="small" type="text" icon={<EditOutlined />} aria-label={`编辑 ${w.name}`} onClick={() => open(w)} />
                <Popconfirm title={`删除“${w.name}”（${w.effectiveFrom} 起）？`} description="引用它的系数单元格将无法计算月额。" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => remove(w)}>
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除 ${w.name}`} />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal open={editing !== null} title={editing === 'new' ? '新增参考工资' : '编辑参考工资'} okText="保存" cancelText="取消" onOk={submit} onCancel={() => setEditing(null)} destroyOnHidden>
        <Form form={form} layout="vertical" size="small">
          <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="region" label="地区">
            <Input />
          </Form.Item>
          <Space align="start">
            <Form.Item
              name="amountText"
              label="金额（元）"
              rules={[
                { required: true, message: '请填写金额' },
                {
                  validator: async (_, value: string) => {
                    const n = value ? normalizeNumberText(value) : null;
                    if (value && (n === null || (n.split('.')[1] ?? '').length > 2)) throw new Error('金额须是不小于 0、最多两位小数的数字');
                  },
                },
              ]}
            >
              <Input placeholder="如 98,000.00" />
            </Form.Item>
            <Form.Item name="per" label="单位">
              <Select style={{ width: 100 }} options={(['year', 'month'] as const).map((k) => ({ value: k, label: PER_LABEL[k] }))} />
            </Form.Item>
          </Space>
          <Form.Item name="effectiveFrom" label="生效日期" rules={[{ required: true, pattern: DATE, message: '请按 YYYY-MM-DD 填写日期' }]}>
            <Input placeholder="2026-07-01" />
          </Form.Item>
          <Form.Item name="source" label="来源">
            <Input />
          </Form.Item>
          <Form.Item name="sample" valuePropName="checked">
            <Checkbox>示例数据（非官方发布）</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
