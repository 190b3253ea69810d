import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Select, Space, Tabs, Typography, message } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { type ApiInput, type ApiOutput } from '../../api';
import { showApiError, showDone } from '../../components/feedback';
import { useJobRunner } from '../../components/JobProgress';
import { pickFile } from '../../components/files';
import { navigate } from '../../components/useHashRoute';
import { schemaMessage, useI18n, useMessages } from '../../i18n';
import { importTablesMessages, projectMessages } from './messages';

/**
 * 从表格导入 (docs/design.md §Excel workbooks, "Bids from other templates"): a bid's staff table and cost table from
 * an xlsx / csv or a paste, into a new project on the guide, contribution set and period chosen. The API reads each
 * table (projects.importTables, commit false) and answers with the header row and each column's field it guessed and
 * every bad cell; the user may pick another sheet, header row or field for a column, and the preview follows. 导入并打开
 * creates the project (commit true) only when no problem remains, and opens it.
 */
type Outcome = ApiOutput<'projects.importTables'>;
type Preview = NonNullable<Outcome['staff']>;
type Request = ApiInput<'projects.importTables'>;
type Source = NonNullable<Request['staff']>;
type Kind = 'staff' | 'costs';

interface FrameValues {
  name: string;
  purchaser?: string;
  provider?: string;
  periodStart: string;
  periodMonths: string;
  guideId: number;
  contributionSetId: number;
}

export interface ImportTablesDialogProps {
  open: boolean;
  guides: { id: number; name: string }[];
  sets: { id: number; name: string }[];
  initial: Partial<FrameValues>;
  onClose(): void;
}

const RED = '#fff2f0';
/** the fields the preview's pricing depends on: a change to one of them previews again (a name does not) */
const PRICED_BY: (keyof FrameValues)[] = ['periodStart', 'periodMonths', 'guideId', 'contributionSetId'];
const cellStyle: React.CSSProperties = { padding: '3px 6px', borderBottom: '1px solid #f0f0f0', whiteSpace: 'nowrap', fontSize: 12 };

function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** One table's source (file or paste) and its preview: sheet, header row, a field per column, bad cells in red. */
function TableSourcePane(p: { kind: Kind; source: Source | null; preview: Preview | null; onSource(s: Source | null, previewNow?: boolean): void }) {
  const m = useMessages(importTablesMessages);
  const { lang } = useI18n();
  const { source, preview } = p;
  const pick = async () => {
    const file = await pickFile({ name: 'Excel / CSV', extensions: ['xlsx', 'csv'] });
    if (file) p.onSource({ fileName: file.fileName, base64: file.base64 });
  };
  const bad = new Map<string, string>();
  for (const x of preview?.problems ?? []) if (x.row !== null && x.column !== null) bad.set(`${x.row}:${x.column}`, schemaMessage(x.message, lang));
  const fieldOptions = [
    { value: '', label: m.ignore },
    ...(preview?.fields ?? []).map((f) => ({ value: f.key, label: m.field(f.key, f.zh) + (f.required ? ` *` : '') })),
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={`import-${p.kind}`}>
      <Space wrap>
        <Button icon={<FileExcelOutlined />} onClick={() => void pick()} data-testid={`import-${p.kind}-file`}>
          {m.pickFile}
        </Button>
        {source?.fileName && <Typography.Text>{source.fileName}</Typography.Text>}
        {source && (
          <Button size="small" onClick={() => p.onSource(null)}>
            {m.clear}
          </Button>
        )}
      </Space>
      {!source?.fileName && (
        <Input.TextArea
          rows={3}
          placeholder={m.orPaste}
          value={source?.text ?? ''}
          onChange={(e) => p.onSource(e.target.value === '' ? null : { text: e.target.value }, false)}
          onBlur={() => p.onSource(source, true)}
          data-testid={`import-${p.kind}-paste`}
        />
      )}
      {preview && (
        <>
          <Space wrap>
            {preview.sheets.length > 1 && (
              <>
                <Typography.Text>{m.sheet}</Typography.Text>
                <Select
                  value={preview.sheet}
                  style={{ width: 160 }}
                  options={preview.sheets.map((s) => ({ value: s, label: s }))}
                  onChange={(sheet) => p.onSource({ ...source!, sheet, headerRow: undefined, mapping: undefined })}
                  data-testid={`import-${p.kind}-sheet`}
                />
              </>
            )}
            <Typography.Text>{m.headerRow}</Typography.Text>
            <Select
              value={preview.headerRow}
              style={{ width: 110 }}
              options={preview.headerChoices.map((n) => ({ value: n, label: m.rowN(n) }))}
              onChange={(headerRow) => p.onSource({ ...source!, headerRow, mapping: undefined })}
            />
            <Typography.Text type="secondary">{m.rowsShown(preview.rows.length, preview.dataRows)}</Typography.Text>
            <Typography.Text type={preview.problems.length ? 'danger' : 'success'} data-testid={`import-${p.kind}-lines`}>
              {m.linesOk(preview.lines)}
            </Typography.Text>
          </Space>
          <div style={{ overflow: 'auto', maxHeight: 280, border: '1px solid #f0f0f0' }}>
            <table style={{ borderCollapse: 'separate', borderSpacing: 0 }}>
              <thead>
                <tr>
                  <th style={cellStyle} />
                  {preview.mapping.map((key, i) => (
                    <th key={i} style={cellStyle}>
                      <div style={{ fontWeight: 400, color: '#888' }}>
                        {columnLetter(i + 1)} {preview.header[i] ?? ''}
                      </div>
                      <Select
                        size="small"
                        value={key ?? ''}
                        style={{ minWidth: 110 }}
                        options={fieldOptions}
                        onChange={(v) =>
                          p.onSource({
                            ...source!,
                            headerRow: preview.headerRow,
                            mapping: preview.mapping.map((k, j) => (j === i ? v || null : k === v ? null : k)),
                          })
                        }
                        data-testid={`import-${p.kind}-map-${i}`}
                      />
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.number}>
                    <td style={{ ...cellStyle, color: '#888' }}>{r.number}</td>
                    {preview.mapping.map((_, i) => {
                      const why = bad.get(`${r.number}:${columnLetter(i + 1)}`);
                      return (
                        <td key={i} title={why} style={{ ...cellStyle, background: why ? RED : undefined }} data-bad={why ? 'true' : undefined}>
                          {r.cells[i] ?? ''}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.problems.length > 0 && (
            <Alert
              type="error"
              showIcon
              message={m.problemsTitle(preview.problems.length)}
              description={
                <ul style={{ margin: 0, paddingLeft: 18, maxHeight: 120, overflow: 'auto' }}>
                  {preview.problems.slice(0, 50).map((x, i) => (
                    <li key={i}>
                      {x.place}：{schemaMessage(x.message, lang)}
                    </li>
                  ))}
                </ul>
              }
              data-testid={`import-${p.kind}-problems`}
            />
          )}
        </>
      )}
    </Space>
  );
}

export default function ImportTablesDialog(p: ImportTablesDialogProps) {
  const m = useMessages(importTablesMessages);
  const pm = useMessages(projectMessages);
  const { lang } = useI18n();
  const [form] = Form.useForm<FrameValues>();
  const [staff, setStaff] = useState<Source | null>(null);
  const [costs, setCosts] = useState<Source | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  // reading a big workbook runs as a job: a bar with its percentage and 取消 after a second (docs/design.md §Data flow)
  const job = useJobRunner();

  /** The answer; null when the form is incomplete, no table is given, or the user cancelled (then nothing was imported). */
  const request = async (commit: boolean, s = staff, c = costs): Promise<Outcome | null> => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return null;
    if (!s && !c) {
      showApiError(m.previewFailed, new Error(m.needTable));
      return null;
    }
    const answer = await job.run(commit ? m.importing : m.reading, 'projects.importTables', {
      project: {
        name: v.name,
        purchaser: v.purchaser ?? '',
        provider: v.provider ?? '',
        periodStart: v.periodStart,
        periodMonths: Number(v.periodMonths),
        guideId: v.guideId,
        contributionSetId: v.contributionSetId,
      },
      ...(s ? { staff: s } : {}),
      ...(c ? { costs: c } : {}),
      commit,
    });
    if (answer === null) void message.info(m.cancelled);
    return answer;
  };

  const preview = async (s = staff, c = costs) => {
    if (!s && !c) {
      setOutcome(null);
      return;
    }
    setBusy(true);
    try {
      const o = await request(false, s, c);
      if (o) setOutcome(o);
    } catch (e) {
      setOutcome(null);
      showApiError(m.previewFailed, e);
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    setBusy(true);
    try {
      const o = await request(true);
      if (!o?.project) return;
      showDone(m.imported(o.project.name));
      p.onClose();
      navigate('projects', o.project.id);
    } catch (e) {
      showApiError(m.importFailed, e);
      await preview();
    } finally {
      setBusy(false);
    }
  };

  const setSource =
    (kind: Kind) =>
    (s: Source | null, previewNow = true) => {
      const [ns, nc] = kind === 'staff' ? [s, costs] : [staff, s];
      setStaff(ns);
      setCosts(nc);
      // a file, a sheet, a header row or a field previews at once; a paste when the box is left
      if (previewNow) void preview(ns, nc);
    };

  const problems = (outcome?.staff?.problems.length ?? 0) + (outcome?.costs?.problems.length ?? 0) + (outcome?.pricing.length ?? 0);

  return (
    <Modal
      title={m.title}
      open={p.open}
      width={1040}
      onCancel={p.onClose}
      cancelText={pm.cancel}
      okText={m.import}
      onOk={() => void commit()}
      okButtonProps={{ disabled: outcome === null || problems > 0, loading: busy, 'data-testid': 'import-tables-ok' }}
      destroyOnHidden
      data-testid="import-tables-dialog"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {m.hint}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        initialValues={p.initial}
        style={{ rowGap: 8, marginBottom: 12 }}
        onValuesChange={(changed: Partial<FrameValues>) => PRICED_BY.some((k) => k in changed) && void preview()}
      >
        <Form.Item name="name" label={pm.projectName} rules={[{ required: true, whitespace: true, message: pm.enterName }]}>
          <Input style={{ width: 240 }} data-testid="import-name" />
        </Form.Item>
        <Form.Item name="purchaser" label={pm.purchaser}>
          <Input style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="provider" label={pm.provider}>
          <Input style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="periodStart" label={pm.periodStart} rules={[{ required: true, pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: pm.monthFormat }]}>
          <Input style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="periodMonths" label={pm.periodMonths} rules={[{ required: true, pattern: /^[1-9]\d*$/, message: pm.positiveInteger }]}>
          <Input style={{ width: 60 }} />
        </Form.Item>
        <Form.Item name="guideId" label={pm.guide} rules={[{ required: true, message: pm.pickGuide }]}>
          <Select style={{ width: 220 }} options={p.guides.map((g) => ({ value: g.id, label: g.name }))} />
        </Form.Item>
        <Form.Item name="contributionSetId" label={pm.contributionSet} rules={[{ required: true, message: pm.pickContributionSet }]}>
          <Select style={{ width: 220 }} options={p.sets.map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
      </Form>
      <Tabs
        items={[
          {
            key: 'staff',
            label: m.staffTable,
            children: <TableSourcePane kind="staff" source={staff} preview={outcome?.staff ?? null} onSource={setSource('staff')} />,
          },
          {
            key: 'costs',
            label: m.costTable,
            children: <TableSourcePane kind="costs" source={costs} preview={outcome?.costs ?? null} onSource={setSource('costs')} />,
          },
        ]}
      />
      {outcome && outcome.pricing.length > 0 && (
        <Alert
          type="error"
          showIcon
          message={m.pricingTitle}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {outcome.pricing.map((x, i) => (
                <li key={i}>
                  {x.place}：{schemaMessage(x.message, lang)}
                </li>
              ))}
            </ul>
          }
          data-testid="import-pricing-problems"
        />
      )}
      {job.modal}
    </Modal>
  );
}
