import { useEffect, useState } from 'react';
import { Alert, Button, Form, InputNumber, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { DeleteOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import type { FilePayload } from '../../../src/app/api/operation';
import { api, type ApiOutput } from '../../api';
import { saveFilePayload } from '../../components/files';
import { jobMessages, useJobRunner } from '../../components/JobProgress';
import { showDone, useShowApiError } from '../../components/feedback';
import { yuan } from '../../format';
import { schemaMessage, useI18n, useMessages } from '../../i18n';
import { reviewMessages } from './messages';
import CompareBidsButton from '../compare/CompareBidsButton';

/**
 * 预算审核 (docs/design.md §Excel workbooks, "Review"): the officer drops one or many bid workbooks, picks the official
 * guide, its version and the contribution set (or leaves each to 按开标月份自动: the one in force at the bid's first
 * month) and the tolerance, and sees each bid's verdict with its findings (cell, expected, found) under it and what it
 * was checked against; the 审核意见表 is exported from what is shown. Reviewing and exporting run as jobs: a bar with
 * its percentage (file by file) and 取消, after which nothing is shown or written.
 */
type Outcome = ApiOutput<'review.bids'>;
type Bid = Outcome['bids'][number];
type FindingRow = Bid['findings'][number];

const VERDICT_COLOR = { pass: 'green', revise: 'orange', reject: 'red' } as const;
const SEVERITY_COLOR = { error: 'red', warning: 'orange', info: 'blue' } as const;

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error(file.name));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

export default function ReviewPage() {
  const m = useMessages(reviewMessages);
  const { lang } = useI18n();
  const showApiError = useShowApiError();
  const [files, setFiles] = useState<FilePayload[]>([]);
  const [guides, setGuides] = useState<ApiOutput<'guides.list'>>([]);
  const [sets, setSets] = useState<ApiOutput<'contributions.list'>>([]);
  const [guide, setGuide] = useState<string | undefined>();
  const [guideVersion, setGuideVersion] = useState<string | undefined>();
  const [contributions, setContributions] = useState<string | undefined>();
  const [tolerance, setTolerance] = useState<number>(10);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const job = useJobRunner();
  const jobText = useMessages(jobMessages);
  const versions = guides.find((g) => g.name === guide)?.versions ?? [];

  useEffect(() => {
    api['guides.list']({}).then(setGuides, (e) => showApiError(m.reviewFailed, e));
    api['contributions.list']({}).then(setSets, (e) => showApiError(m.reviewFailed, e));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the lists are read once, when the page opens
  }, []);

  async function add(file: File) {
    try {
      const base64 = await readAsBase64(file);
      setFiles((fs) => [...fs.filter((f) => f.fileName !== file.name), { fileName: file.name, base64 }]);
    } catch {
      showApiError(m.readFailed(file.name), new Error(file.name));
    }
  }

  async function review() {
    setBusy(true);
    try {
      const reviewed = await job.run(m.review, 'review.bids', { files, guide, guideVersion, contributions, tolerancePercent: String(tolerance) });
      if (reviewed) setOutcome(reviewed);
      else showDone(m.reviewCancelled);
    } catch (e) {
      showApiError(m.reviewFailed, e);
    } finally {
      setBusy(false);
    }
  }

  async function exportReport() {
    if (!outcome) return;
    try {
      const file = await job.run(m.exportReport, 'review.report', {
        bids: outcome.bids,
        unreadable: outcome.unreadable,
        date: new Date().toISOString().slice(0, 10),
      });
      if (!file) {
        showDone(jobText.exportCancelled);
        return;
      }
      const saved = await saveFilePayload(file);
      if (saved) showDone(m.exported(saved));
    } catch (e) {
      showApiError(m.exportFailed, e);
    }
  }

  const text = (s: string | null) => (s === null ? '' : schemaMessage(s, lang));
  const verdictLabel = { pass: m.pass, revise: m.revise, reject: m.reject };
  const severityLabel = { error: m.error, warning: m.warning, info: m.info };
  const basisLabel = { picked: m.basisPicked, auto: m.basisAuto };

  const findingsTable = (bid: Bid) => (
    <div>
      <Typography.Text type="secondary">
        {m.comparedWith(
          bid.comparedWith.guide === null ? m.notCompared : `${bid.comparedWith.guide}${basisLabel[bid.comparedWith.guideBasis]}`,
          bid.comparedWith.contributions === null ? m.notCompared : `${bid.comparedWith.contributions}${basisLabel[bid.comparedWith.contributionsBasis]}`,
        )}
      </Typography.Text>
      <Table<FindingRow>
        size="small"
        rowKey={(_, i) => String(i)}
        dataSource={bid.findings}
        pagination={bid.findings.length > 50 ? { pageSize: 50 } : false}
        locale={{ emptyText: m.noFindings }}
        columns={[
          {
            title: m.colSeverity,
            dataIndex: 'severity',
            width: 80,
            render: (s: FindingRow['severity']) => <Tag color={SEVERITY_COLOR[s]}>{severityLabel[s]}</Tag>,
          },
          { title: m.colPlace, key: 'place', width: 150, render: (_, f) => (f.sheet && f.cell ? `${f.sheet}!${f.cell}` : (f.sheet ?? '')) },
          { title: m.colMessage, dataIndex: 'message', render: (s: string) => text(s) },
          { title: m.colExpected, dataIndex: 'expected', width: 120 },
          { title: m.colFound, dataIndex: 'found', width: 120 },
          { title: m.colCode, dataIndex: 'code', width: 200, render: (s: string) => <Typography.Text code>{s}</Typography.Text> },
        ]}
      />
    </div>
  );

  return (
    <div data-testid="review-page">
      <Typography.Title level={3}>{m.title}</Typography.Title>
      <Typography.Paragraph type="secondary">{m.intro}</Typography.Paragraph>
      <Upload.Dragger
        multiple
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={(file) => {
          void add(file);
          return false;
        }}
        data-testid="review-drop"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{m.drop}</p>
      </Upload.Dragger>
      {files.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong>{m.files(files.length)}</Typography.Text>
          <Space wrap style={{ marginLeft: 12 }}>
            {files.map((f) => (
              <Tag key={f.fileName} closable closeIcon={<DeleteOutlined aria-label={m.remove} />} onClose={() => setFiles((fs) => fs.filter((x) => x !== f))}>
                {f.fileName}
              </Tag>
            ))}
          </Space>
        </div>
      )}
      <Form layout="inline" style={{ marginTop: 16, rowGap: 8 }}>
        <Form.Item label={m.guide}>
          <Select
            style={{ width: 320 }}
            allowClear
            placeholder={m.guideAuto}
            value={guide}
            onChange={(g?: string) => {
              setGuide(g);
              setGuideVersion(undefined);
            }}
            options={guides.map((g) => ({ value: g.name, label: g.name }))}
            data-testid="review-guide"
          />
        </Form.Item>
        <Form.Item label={m.guideVersion}>
          <Select
            style={{ width: 260 }}
            allowClear
            disabled={guide === undefined}
            placeholder={m.auto}
            value={guideVersion}
            onChange={setGuideVersion}
            options={versions.map((v) => ({ value: v.label, label: m.versionOption(v.label, v.effectiveFrom, v.documentNo) }))}
            data-testid="review-guide-version"
          />
        </Form.Item>
        <Form.Item label={m.contributions}>
          <Select
            style={{ width: 320 }}
            allowClear
            placeholder={m.contributionsAuto}
            value={contributions}
            onChange={setContributions}
            options={sets.map((s) => ({ value: s.name, label: s.name }))}
            data-testid="review-contributions"
          />
        </Form.Item>
        <Form.Item label={m.tolerance}>
          <InputNumber min={0} max={1000} value={tolerance} onChange={(v) => setTolerance(v ?? 0)} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" disabled={files.length === 0} loading={busy} onClick={review}>
              {busy ? m.reviewing : m.review}
            </Button>
            <Button icon={<FileExcelOutlined />} disabled={!outcome || busy} onClick={exportReport}>
              {m.exportReport}
            </Button>
            <CompareBidsButton files={files.filter((f) => outcome?.bids.some((b) => b.file === f.fileName))} disabled={!outcome || busy} />
          </Space>
        </Form.Item>
      </Form>
      {job.modal}
      {outcome && (
        <div style={{ marginTop: 16 }}>
          {outcome.unreadable.map((u) => (
            <Alert key={u.file} type="error" showIcon style={{ marginBottom: 8 }} message={`${m.unreadable}：${u.file}`} description={text(u.message)} />
          ))}
          <Table<Bid>
            rowKey="file"
            dataSource={outcome.bids}
            pagination={false}
            expandable={{ expandedRowRender: findingsTable }}
            columns={[
              { title: m.colFile, dataIndex: 'file' },
              { title: m.colName, dataIndex: 'name' },
              { title: m.colTotal, dataIndex: 'total', align: 'right', render: (t: string | null) => (t === null ? '—' : yuan(t)) },
              { title: m.colVerdict, dataIndex: 'verdict', render: (v: Bid['verdict']) => <Tag color={VERDICT_COLOR[v]}>{verdictLabel[v]}</Tag> },
              { title: m.colErrors, key: 'e', align: 'right', render: (_, b) => b.counts.error },
              { title: m.colWarnings, key: 'w', align: 'right', render: (_, b) => b.counts.warning },
              { title: m.colInfos, key: 'i', align: 'right', render: (_, b) => b.counts.info },
            ]}
          />
        </div>
      )}
    </div>
  );
}
