import { Alert, Checkbox, Form, Input, Modal, Radio, Typography } from 'antd';
import type { AdjustRounding } from '../../../src/core/guides/adjust';
import { useEffect } from 'react';
import { useMessages } from '../../i18n';
import { historyMessages } from './historyMessages';
import { guideMessages } from './messages';

/**
 * A new version of a guide: a copy of the current one under a new label and date (复制当前版本),
 * or the current one adjusted by a percentage with a stated rounding (按比例调整 → guides.adjust).
 * A new version is a new document: it does not inherit the source's 文号 (give its own, or none yet).
 */
export interface NewVersionValues {
  label: string;
  effectiveFrom: string;
  documentNo: string;
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
  const m = useMessages(guideMessages);
  const hm = useMessages(historyMessages);
  const [form] = Form.useForm<NewVersionValues & { percentText: string }>();
  useEffect(() => {
    if (open) {
      const next = new Date().getFullYear() + 1;
      form.resetFields();
      form.setFieldsValue({
        label: m.defaultVersionLabel(next),
        effectiveFrom: `${next}-01-01`,
        documentNo: '',
        percentText: '3',
        rounding: 'yuan',
        allowances: false,
      });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- fill the form only when the dialog opens: a language switch must not erase what was typed
  }, [open, form]);
  return (
    <Modal
      open={open}
      title={mode === 'copy' ? m.copyTitle(sourceLabel) : m.adjustTitle(sourceLabel)}
      okText={mode === 'copy' ? m.createVersion : m.adjustAndCreate}
      cancelText={m.cancel}
      destroyOnHidden
      onCancel={onClose}
      onOk={async () => {
        // a refused field shows its message under it; the dialog stays open, and nothing is thrown
        const v = await form.validateFields().catch(() => null);
        if (!v) return;
        await onSubmit({
          label: v.label.trim(),
          effectiveFrom: v.effectiveFrom.trim(),
          documentNo: (v.documentNo ?? '').trim(),
          ...(mode === 'adjust' ? { percent: v.percentText.trim().replace(/^\+/, ''), rounding: v.rounding, allowances: v.allowances } : {}),
        });
      }}
    >
      <Form form={form} layout="vertical" size="small">
        {mode === 'adjust' && (
          <>
            <Form.Item name="percentText" label={m.percentLabel} extra={m.percentExtra} rules={[{ required: true, pattern: PERCENT, message: m.percentRule }]}>
              <Input suffix="%" aria-label={m.percent} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="rounding" label={m.roundingLabel}>
              <Radio.Group>
                <Radio value="yuan">{m.toYuan}</Radio>
                <Radio value="tenYuan">{m.toTenYuan}</Radio>
              </Radio.Group>
            </Form.Item>
            <Form.Item name="allowances" valuePropName="checked">
              <Checkbox>{m.adjustAllowances}</Checkbox>
            </Form.Item>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {m.adjustFormula}
            </Typography.Paragraph>
            {coefficientCells > 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                message={m.coefficientWarning(coefficientCells)}
                description={m.coefficientWarningDetail}
              />
            )}
          </>
        )}
        <Form.Item name="label" label={m.newVersionName} rules={[{ required: true, whitespace: true, message: m.versionNameRequired }]}>
          <Input aria-label={m.newVersionName} />
        </Form.Item>
        <Form.Item name="effectiveFrom" label={m.effectiveFrom} rules={[{ required: true, pattern: DATE, message: m.dateRule }]}>
          <Input aria-label={m.newVersionDate} placeholder="2027-01-01" />
        </Form.Item>
        <Form.Item name="documentNo" label={hm.newDocumentNo}>
          <Input aria-label={hm.newDocumentNo} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
