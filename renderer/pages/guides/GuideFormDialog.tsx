import { Checkbox, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useMessages } from '../../i18n';
import { includesLabel, perLabel } from './labels';
import { guideMessages } from './messages';

/**
 * Create a guide (with its first, empty version) or edit a guide's header. Field checks here are
 * the ones the schema makes, said in Chinese before the call; the store checks again.
 */
export interface GuideFormValues {
  name: string;
  issuer: string;
  region: string;
  sample: boolean;
  label: string;
  effectiveFrom: string;
  documentNo: string;
  includes: 'gross' | 'employerCost';
  unit: 'month' | 'year';
  source: string;
}

interface Props {
  open: boolean;
  mode: 'create' | 'edit';
  initial?: Partial<GuideFormValues>;
  onSubmit(values: GuideFormValues): Promise<void>;
  onClose(): void;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export default function GuideFormDialog({ open, mode, initial, onSubmit, onClose }: Props) {
  const m = useMessages(guideMessages);
  const [form] = Form.useForm<GuideFormValues>();
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({
        sample: false,
        includes: 'gross',
        unit: 'month',
        label: m.defaultVersionLabel(new Date().getFullYear()),
        effectiveFrom: `${new Date().getFullYear()}-01-01`,
        issuer: '',
        region: '',
        documentNo: '',
        source: '',
        ...initial,
      });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read `initial` only when the dialog opens: a parent re-render must not reset what is typed
  }, [open]);

  return (
    <Modal
      open={open}
      title={mode === 'create' ? m.createGuideTitle : m.editGuideTitle}
      okText={mode === 'create' ? m.create : m.save}
      cancelText={m.cancel}
      destroyOnHidden
      onCancel={onClose}
      onOk={async () => {
        // a refused field shows its message under it; the dialog stays open, and nothing is thrown
        const values = await form.validateFields().catch(() => null);
        if (values) await onSubmit(values);
      }}
    >
      <Form form={form} layout="vertical" size="small" requiredMark>
        <Form.Item
          name="name"
          label={m.guideName}
          rules={[
            { required: true, whitespace: true, message: m.guideNameRequired },
            { max: 200, message: m.max200 },
          ]}
        >
          <Input placeholder={m.guideNamePlaceholder} />
        </Form.Item>
        <Form.Item name="issuer" label={m.issuer}>
          <Input placeholder={m.issuerPlaceholder} />
        </Form.Item>
        <Form.Item name="region" label={m.region}>
          <Input placeholder={m.regionPlaceholder} />
        </Form.Item>
        {mode === 'create' && (
          <>
            <Form.Item name="label" label={m.firstVersionName} rules={[{ required: true, whitespace: true, message: m.versionNameRequired }]}>
              <Input placeholder={m.versionNamePlaceholder} />
            </Form.Item>
            <Form.Item name="effectiveFrom" label={m.effectiveFrom} rules={[{ required: true, pattern: DATE, message: m.dateRuleExample }]}>
              <Input placeholder="2026-01-01" />
            </Form.Item>
            <Form.Item name="documentNo" label={m.documentNo}>
              <Input />
            </Form.Item>
            <Form.Item name="includes" label={m.includes}>
              <Select options={(['gross', 'employerCost'] as const).map((k) => ({ value: k, label: includesLabel(m, k) }))} />
            </Form.Item>
            <Form.Item name="unit" label={m.amountUnit}>
              <Select options={(['month', 'year'] as const).map((k) => ({ value: k, label: perLabel(m, k) }))} />
            </Form.Item>
            <Form.Item name="source" label={m.source}>
              <Input placeholder={m.sourcePlaceholder} />
            </Form.Item>
            <Form.Item name="sample" valuePropName="checked">
              <Checkbox>{m.sampleCheckbox}</Checkbox>
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
