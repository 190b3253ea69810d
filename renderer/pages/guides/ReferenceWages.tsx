import { DeleteOutlined, EditOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ReferenceWageRecord, StoredReferenceWage } from '../../../src/core/guides/schema';
import { formatMoney, parseDecimal, toFixed } from '../../../src/core/money/decimal';
import { showApiError, showDone } from '../../components/feedback';
import { isStaleSave, useStaleSave } from '../../components/staleSave';
import { api } from '../../api';
import { useMessages } from '../../i18n';
import HistoryDrawer from './HistoryDrawer';
import { historyMessages } from './historyMessages';
import { perLabel } from './labels';
import { guideMessages } from './messages';
import { normalizeNumberText } from './pasteGrid';

/** as the store hands them out: with the revision a save names */
type Wage = StoredReferenceWage & { revision: number };

/**
 * 参考工资: the named, dated wages coefficient cells multiply (e.g. 上年度城镇非私营单位在岗职工平均工资).
 * A new year's figure is a new row with its own effective date, so older versions keep theirs.
 */
interface Props {
  wages: Wage[];
  onChanged(): void;
}

type WageForm = Omit<ReferenceWageRecord, 'amount'> & { amountText: string };

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export default function ReferenceWages({ wages, onChanged }: Props) {
  const m = useMessages(guideMessages);
  const hm = useMessages(historyMessages);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [editing, setEditing] = useState<Wage | 'new' | null>(null);
  const [form] = Form.useForm<WageForm>();
  const askStale = useStaleSave();

  function open(target: Wage | 'new') {
    setEditing(target);
    form.resetFields();
    form.setFieldsValue(
      target === 'new'
        ? { name: '上年度城镇非私营单位在岗职工平均工资', region: '', amountText: '', per: 'year', effectiveFrom: '', source: '', sample: false }
        : { ...target, amountText: target.amount },
    );
  }

  async function submit() {
    // a refused field shows its message under it; the dialog stays open, and nothing is thrown
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
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
      if (editing === 'new') await api['referenceWages.create'](record);
      else if (editing) await api['referenceWages.update']({ id: editing.id, revision: editing.revision, ...record });
      showDone(m.saved);
      setEditing(null);
      onChanged();
    } catch (e) {
      // changed in another window meanwhile: a copy would clash with it on name and date, so only reload
      if (isStaleSave(e)) {
        askStale({
          error: e,
          onReload: () => {
            setEditing(null);
            onChanged();
          },
        });
      } else showApiError(m.saveWageFailed, e);
    }
  }

  async function remove(w: Wage) {
    try {
      await api['referenceWages.delete']({ id: w.id });
      showDone(m.deleted);
      onChanged();
    } catch (e) {
      showApiError(m.deleteWageFailed, e);
    }
  }

  const sorted = [...wages].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || b.effectiveFrom.localeCompare(a.effectiveFrom));

  return (
    <div data-testid="reference-wages">
      <Typography.Paragraph type="secondary">{m.wagesIntro}</Typography.Paragraph>
      <Space style={{ marginBottom: 8 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
          {m.addWage}
        </Button>
        <Button icon={<HistoryOutlined />} onClick={() => setHistoryOpen(true)}>
          {hm.history}
        </Button>
      </Space>
      <HistoryDrawer open={historyOpen} title={hm.wagesHistory} scope={{ kind: 'referenceWage' }} onClose={() => setHistoryOpen(false)} />
      <Table<Wage>
        size="small"
        rowKey="id"
        dataSource={sorted}
        pagination={false}
        columns={[
          {
            title: m.name,
            key: 'name',
            render: (_, w) => (
              <Space>
                {w.name}
                {w.sample && <Tag color="orange">{m.sample}</Tag>}
              </Space>
            ),
          },
          { title: m.region, dataIndex: 'region' },
          { title: m.amount, key: 'amount', align: 'right', render: (_, w) => `${formatMoney(parseDecimal(w.amount))} ${perLabel(m, w.per)}` },
          { title: m.effectiveFrom, dataIndex: 'effectiveFrom' },
          { title: m.source, dataIndex: 'source', ellipsis: true },
          {
            title: m.operations,
            key: 'ops',
            width: 110,
            render: (_, w) => (
              <Space>
                <Button size="small" type="text" icon={<EditOutlined />} aria-label={m.editNamed(w.name)} onClick={() => open(w)} />
                <Popconfirm
                  title={m.deleteWageTitle(w.name, w.effectiveFrom)}
                  description={m.deleteWageDetail}
                  okText={m.delete}
                  okButtonProps={{ danger: true }}
                  cancelText={m.cancel}
                  onConfirm={() => remove(w)}
                >
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={m.deleteNamed(w.name)} />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? m.addWage : m.editWage}
        okText={m.save}
        cancelText={m.cancel}
        onOk={submit}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" size="small">
          <Form.Item name="name" label={m.name} rules={[{ required: true, whitespace: true, message: m.nameRequired }]}>
            <Input />
          </Form.Item>
          <Form.Item name="region" label={m.region}>
            <Input />
          </Form.Item>
          <Space align="start">
            <Form.Item
              name="amountText"
              label={m.amountYuan}
              rules={[
                { required: true, message: m.amountRequired },
                {
                  validator: async (_, value: string) => {
                    const n = value ? normalizeNumberText(value) : null;
                    if (value && (n === null || (n.split('.')[1] ?? '').length > 2)) throw new Error(m.amountRule);
                  },
                },
              ]}
            >
              <Input placeholder={m.wageAmountPlaceholder} />
            </Form.Item>
            <Form.Item name="per" label={m.unit}>
              <Select style={{ width: 124 }} options={(['year', 'month'] as const).map((k) => ({ value: k, label: perLabel(m, k) }))} />
            </Form.Item>
          </Space>
          <Form.Item name="effectiveFrom" label={m.effectiveFrom} rules={[{ required: true, pattern: DATE, message: m.dateRule }]}>
            <Input placeholder="2026-07-01" />
          </Form.Item>
          <Form.Item name="source" label={m.source}>
            <Input />
          </Form.Item>
          <Form.Item name="sample" valuePropName="checked">
            <Checkbox>{m.sampleCheckbox}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
