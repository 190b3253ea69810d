import { Checkbox, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { INCLUDES_LABEL, UNIT_LABEL } from './labels';

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
  const [form] = Form.useForm<GuideFormValues>();
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({
        sample: false,
        includes: 'gross',
        unit: 'month',
        label: `${new Date().getFullYear()} 版`,
        effectiveFrom: `${new Date().getFullYear()}-01-01`,
        issuer: '',
        region: '',
        documentNo: '',
        source: '',
        ...initial,
      });
    }
    // read `initial` only when the dialog opens: a parent re-render must not reset what is typed
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  return (
    <Modal
      open={open}
      title={mode === 'create' ? '新建薪酬指导价' : '编辑指导价信息'}
      okText={mode === 'create' ? '创建' : '保存'}
      cancelText="取消"
      destroyOnHidden
      onCancel={onClose}
      onOk={async () => {
        const values = await form.validateFields();
        await onSubmit(values);
      }}
    >
      <Form form={form} layout="vertical" size="small" requiredMark>
        <Form.Item name="name" label="指导价名称" rules={[{ required: true, whitespace: true, message: '请填写指导价名称' }, { max: 200, message: '不能超过 200 个字' }]}>
          <Input placeholder="如 某市社会工作者薪酬指导价" />
        </Form.Item>
        <Form.Item name="issuer" label="发布单位">
          <Input placeholder="如 某市民政局" />
        </Form.Item>
        <Form.Item name="region" label="地区">
          <Input placeholder="如 某市" />
        </Form.Item>
        {mode === 'create' && (
          <>
            <Form.Item name="label" label="首个版本名称" rules={[{ required: true, whitespace: true, message: '请填写版本名称' }]}>
              <Input placeholder="如 2026 版" />
            </Form.Item>
            <Form.Item
              name="effectiveFrom"
              label="生效日期"
              rules={[{ required: true, pattern: DATE, message: '请按 YYYY-MM-DD 填写日期，如 2026-01-01' }]}
            >
              <Input placeholder="2026-01-01" />
            </Form.Item>
            <Form.Item name="documentNo" label="文号">
              <Input />
            </Form.Item>
            <Form.Item name="includes" label="金额口径">
              <Select options={(['gross', 'employerCost'] as const).map((k) => ({ value: k, label: INCLUDES_LABEL[k] }))} />
            </Form.Item>
            <Form.Item name="unit" label="金额单位">
              <Select options={(['month', 'year'] as const).map((k) => ({ value: k, label: UNIT_LABEL[k] }))} />
            </Form.Item>
            <Form.Item name="source" label="来源">
              <Input placeholder="文件名称、网址或“示例数据”" />
            </Form.Item>
            <Form.Item name="sample" valuePropName="checked">
              <Checkbox>示例数据（非官方发布）</Checkbox>
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
