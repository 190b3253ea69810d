import { Alert, Checkbox, Form, Input, Modal, Radio, Typography } from 'antd';
import type { AdjustRounding } from '../../../src/guides/adjust';
import { useEffect } from 'react';

/**
 * A new version of a guide: a copy of the current one under a new label and date (复制当前版本),
 * or the current one adjusted by a percentage with a stated rounding (按比例调整 → guides.adjust).
 */
export interface NewVersionValues {
  label: string;
  effectiveFrom: string;
  percent?: string;
  rounding?: AdjustRounding;
  allowances?: boolean;
}

interface Props {
  open: boolean;
  mode: 'copy' | 'adjust';
  sourceLabel: string;
  /** coefficient cells of the source version: an adjustment leaves them as they are */
  coefficientCells: number;
  onSubmit(values: NewVersionValues): Promise<void>;
  onClose(): void;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const PERCENT = /^[+-]?\d+(\.\d{1,4})?$/;

export default function NewVersionDialog({ open, mode, sourceLabel, coefficientCells, onSubmit, onClose }: Props) {
  const [form] = Form.useForm<NewVersionValues & { percentText: string }>();
  useEffect(() => {
    if (open) {
      const next = new Date().getFullYear() + 1;
      form.resetFields();
      form.setFieldsValue({ label: `${next} 版`, effectiveFrom: `${next}-01-01`, percentText: '3', rounding: 'yuan', allowances: false });
    }
  }, [open, form]);
  return (
    <Modal
      open={open}
      title={mode === 'copy' ? `新版本：复制“${sourceLabel}”` : `按比例调整“${sourceLabel}”为新版本`}
      okText={mode === 'copy' ? '创建版本' : '调整并创建版本'}
      cancelText="取消"
      destroyOnHidden
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        await onSubmit({
          label: v.label.trim(),
          effectiveFrom: v.effectiveFrom.trim(),
          ...(mode === 'adjust' ? { percent: v.percentText.trim().replace(/^\+/, ''), rounding: v.rounding, allowances: v.allowances } : {}),
        });
      }}
    >
      <Form form={form} layout="vertical" size="small">
        {mode === 'adjust' && (
          <>
            <Form.Item
              name="percentText"
              label="调整幅度（%）"
              extra="如 3 表示上调 3%，-2.5 表示下调 2.5%"
              rules={[{ required: true, pattern: PERCENT, message: '请填写百分比数字，如 3 或 -2.5（最多 4 位小数）' }]}
            >
              <Input suffix="%" aria-label="调整幅度" style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="rounding" label="取整方式（四舍五入）">
              <Radio.Group>
                <Radio value="yuan">到元</Radio>
                <Radio value="tenYuan">到十元</Radio>
              </Radio.Group>
            </Form.Item>
            <Form.Item name="allowances" valuePropName="checked">
              <Checkbox>持证津贴同比例调整（津贴通常另有规定，默认不调）</Checkbox>
            </Form.Item>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              新金额 = 原金额 ×（1 + 幅度%），四舍五入到元或十元。系数单元格保持不变：它们随参考工资调整。
            </Typography.Paragraph>
            {coefficientCells > 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                message={`本版本有 ${coefficientCells} 个系数单元格，调整后系数不变`}
                description="系数型指导价（如三岗十八级）的涨幅来自参考工资：请在“参考工资”中新增下一年度的数额。"
              />
            )}
          </>
        )}
        <Form.Item name="label" label="新版本名称" rules={[{ required: true, whitespace: true, message: '请填写版本名称' }]}>
          <Input aria-label="新版本名称" />
        </Form.Item>
        <Form.Item name="effectiveFrom" label="生效日期" rules={[{ required: true, pattern: DATE, message: '请按 YYYY-MM-DD 填写日期' }]}>
          <Input aria-label="新版本生效日期" placeholder="2027-01-01" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
