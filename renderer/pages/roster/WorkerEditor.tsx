import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Col, Form, Input, InputNumber, Modal, Row, Select, Space } from 'antd';
import { parseRatings } from '../../../src/core/roster/importRows';
import { CERTIFICATES, EDUCATIONS, GENDERS, TITLES, type Worker, ratingsText } from '../../../src/core/roster/schema';
import { type ApiOutput, api } from '../../api';
import { useShowApiError } from '../../components/feedback';
import UndoRedoButtons from '../../components/UndoRedoButtons';
import { useUndoKeys, useUndoable } from '../../components/undoHistory';
import { useMessages } from '../../i18n';
import { rosterMessages } from './messages';

/**
 * One worker's row in a form, saved whole at the revision it was loaded with (a save after someone
 * else's is refused with CONFLICT, as for every form). The masked 身份证号 stays masked: sent back
 * unchanged it keeps the stored number; a new number typed in replaces it. Inside the form, Ctrl+Z /
 * Ctrl+Y and the 撤销 / 重做 buttons step through its edits (renderer/components/undoHistory.ts: a
 * run of typing in one box is one step); once saved, the grid's own history undoes the save.
 */
export type ShownWorker = ApiOutput<'roster.list'>['workers'][number];

type Draft = Omit<Worker, 'ratings' | 'partyPost'> & { ratings: string; partyPost: 'yes' | 'no' | '' };

const textKeys = ['name', 'field', 'postType', 'postLevel', 'community', 'street', 'district'] as const;
const dateKeys = ['birthDate', 'certificateDate', 'hireDate'] as const;
const blankToNull = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());

function draftOf(w: ShownWorker): Draft {
  const { id: _id, seq: _seq, revision: _r, hasIdNumber: _h, ...rest } = w;
  return { ...rest, ratings: ratingsText(w.ratings), partyPost: w.partyPost === null ? '' : w.partyPost ? 'yes' : 'no' };
}

export function WorkerEditor({ worker, onSaved, onClose }: { worker: ShownWorker; onSaved: (w: ShownWorker) => void; onClose: () => void }) {
  const m = useMessages(rosterMessages);
  const showApiError = useShowApiError();
  const [form] = Form.useForm<Draft>();
  const [saving, setSaving] = useState(false);
  const initial = useMemo(() => draftOf(worker), [worker]);
  const history = useUndoable<Draft>(initial);
  const root = useRef<HTMLDivElement>(null);
  useUndoKeys(root, history);
  // the draft the form shows: an undo or redo puts the history's into the form, typing puts the form's into the history
  const shown = useRef<Draft>(initial);
  useEffect(() => {
    if (history.value === shown.current) return;
    shown.current = history.value;
    form.setFieldsValue(history.value);
  }, [history.value, form]);
  const onValuesChange = (changed: Partial<Draft>, all: Draft) => {
    const next = { ...shown.current, ...all };
    shown.current = next;
    history.edit(() => next, Object.keys(changed).join(','));
  };
  const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

  async function save() {
    const d = await form.validateFields();
    const ratings = parseRatings(d.ratings ?? '');
    if (typeof ratings === 'string') {
      form.setFields([{ name: 'ratings', errors: [ratings] }]);
      return;
    }
    const out: Worker = {
      ...draftOf(worker),
      ...d,
      gender: d.gender ?? null,
      education: d.education ?? null,
      title: d.title ?? null,
      certificate: d.certificate ?? null,
      idNumber: blankToNull(d.idNumber),
      step: d.step ?? null,
      communityYears: d.communityYears ?? null,
      ratings,
      partyPost: d.partyPost === '' || d.partyPost === undefined ? null : d.partyPost === 'yes',
    };
    for (const k of textKeys) (out as unknown as Record<string, string | null>)[k] = k === 'name' ? (d.name ?? '').trim() : blankToNull(d[k]);
    for (const k of dateKeys) out[k] = blankToNull(d[k]);
    setSaving(true);
    try {
      onSaved(await api['roster.update']({ id: worker.id, revision: worker.revision, worker: out }));
    } catch (e) {
      showApiError(m.saveFailed, e);
    } finally {
      setSaving(false);
    }
  }

  const date = { pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' };
  return (
    <Modal
      open
      width={820}
      title={m.editTitle(worker.name)}
      onCancel={onClose}
      footer={
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <UndoRedoButtons history={history} size="small" />
          <Space>
            <Button onClick={onClose}>{m.cancel}</Button>
            <Button type="primary" loading={saving} onClick={() => void save()} data-testid="roster-edit-save">
              {m.save}
            </Button>
          </Space>
        </Space>
      }
    >
      <div data-testid="roster-editor" ref={root}>
        <Form form={form} layout="vertical" size="small" initialValues={initial} onValuesChange={onValuesChange}>
          <Row gutter={12}>
            <Col span={6}>
              <Form.Item name="name" label={m.name} rules={[{ required: true, whitespace: true }]}>
                <Input data-testid="roster-edit-name" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="gender" label={m.gender}>
                <Select allowClear options={options(GENDERS)} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="birthDate" label={m.birthDate} rules={[date]}>
                <Input placeholder="1990-05-01" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="idNumber" label={m.idNumber}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="education" label={m.education}>
                <Select allowClear options={options(EDUCATIONS)} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="field" label={m.field}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="title" label={m.titleCol}>
                <Select allowClear options={options(TITLES)} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="certificate" label={m.certificate}>
                <Select allowClear options={options(CERTIFICATES)} data-testid="roster-edit-certificate" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="certificateDate" label={m.certificateDate} rules={[date]}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="postType" label={m.postType}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="postLevel" label={m.postLevel}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="step" label={m.step}>
                <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="hireDate" label={m.hireDate} rules={[date]}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="communityYears" label={m.communityYears}>
                <InputNumber min={0} max={70} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="district" label={m.district}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="street" label={m.street}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="community" label={m.community}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="ratings" label={m.ratings}>
                <Input placeholder={m.ratingsPlaceholder} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="partyPost" label={m.partyPost}>
                <Select
                  options={[
                    { value: '', label: m.unfilled },
                    { value: 'yes', label: m.yes },
                    { value: 'no', label: m.no },
                  ]}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </div>
    </Modal>
  );
}
