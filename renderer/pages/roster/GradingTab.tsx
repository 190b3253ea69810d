import { useEffect, useState } from 'react';
import { Alert, Button, InputNumber, List, Select, Space, Table, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ApiOutput, api } from '../../api';
import { useShowApiError } from '../../components/feedback';
import { useI18n, useMessages } from '../../i18n';
import { certificateCheckText, gradingMessages, gradingReasonText, gradingWords } from './gradingMessages';
import { GradingSchemeEditor } from './GradingSchemeEditor';

/**
 * 定级晋升 (docs/design.md §People: roster and statistics): one worker's level and pay year by year
 * under the stored grading scheme, with the reason for every change (年功, 连续两年优秀提前晋级 and
 * its cap, 就高 on becoming 书记), and the certificate rules' warnings for the whole roster; and, on
 * its second tab, the scheme itself as dated versions the bureau edits (GradingSchemeEditor).
 * Reasons and checks arrive as codes with figures and are said in the user's language.
 */
type Graded = ApiOutput<'roster.grading'>;
type Checks = ApiOutput<'roster.certificateChecks'>;

export function GradingTab({ version }: { version: number }) {
  const m = useMessages(gradingMessages);
  // each tab is mounted afresh when shown: after a save in the scheme, a worker is graded by it
  return (
    <Tabs
      size="small"
      destroyOnHidden
      items={[
        {
          key: 'worker',
          label: <span data-testid="grading-sub-worker">{m.subWorker}</span>,
          children: <WorkerGrading version={version} />,
        },
        {
          key: 'scheme',
          label: <span data-testid="grading-sub-scheme">{m.subScheme}</span>,
          children: <GradingSchemeEditor />,
        },
      ]}
    />
  );
}

function WorkerGrading({ version }: { version: number }) {
  const m = useMessages(gradingMessages);
  const { lang } = useI18n();
  const words = gradingWords[lang];
  const showApiError = useShowApiError();
  const thisYear = dayjs().year();
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [workerId, setWorkerId] = useState<number | null>(null);
  const [fromYear, setFromYear] = useState(thisYear);
  const [years, setYears] = useState(5);
  const [secretaryIn, setSecretaryIn] = useState<number | null>(null);
  const [graded, setGraded] = useState<Graded | null>(null);
  const [checks, setChecks] = useState<Checks | null>(null);

  async function search(name: string) {
    try {
      const r = await api['roster.list']({ filter: { name: name || null }, limit: 20 });
      setOptions(
        r.workers.map((w) => ({ value: w.id, label: `${w.name}（${w.postType === null ? '—' : words.postType(w.postType)} ${w.postLevel ?? '—'}）` })),
      );
    } catch {
      setOptions([]);
    }
  }

  useEffect(() => {
    void search('');
    api['roster.certificateChecks']({ on: dayjs().format('YYYY-MM-DD') }).then(setChecks, (e: unknown) => showApiError(m.checksFailed, e));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read again after an import; messages follow the language
  }, [version]);

  async function compute() {
    if (workerId === null) return;
    try {
      const w = await api['roster.grading']({
        id: workerId,
        fromYear,
        years,
        changes: secretaryIn === null ? [] : [{ year: secretaryIn, postType: '书记', secretary: true }],
      });
      setGraded(w);
    } catch (e) {
      showApiError(m.gradingFailed, e);
    }
  }

  return (
    <div data-testid="roster-grading">
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{m.worker}</span>
        <Select
          showSearch
          filterOption={false}
          placeholder={m.pickWorker}
          style={{ width: 280 }}
          options={options}
          value={workerId}
          onSearch={(s) => void search(s)}
          onChange={(v: number) => setWorkerId(v)}
          data-testid="grading-worker"
        />
        <span>{m.fromYear}</span>
        <InputNumber min={1990} max={2100} precision={0} value={fromYear} onChange={(v) => v !== null && setFromYear(v)} data-testid="grading-from" />
        <span>{m.years}</span>
        <InputNumber min={1} max={50} precision={0} value={years} onChange={(v) => v !== null && setYears(v)} />
        <span>{m.secretaryIn}</span>
        <InputNumber min={fromYear + 1} max={fromYear + years - 1} precision={0} value={secretaryIn} placeholder={m.none} onChange={(v) => setSecretaryIn(v)} />
        <Button type="primary" disabled={workerId === null} onClick={() => void compute()} data-testid="grading-compute">
          {m.show}
        </Button>
      </Space>
      {graded && (
        <>
          <Typography.Paragraph type="secondary">{m.scheme(graded.scheme.name)}</Typography.Paragraph>
          <Table
            size="small"
            rowKey="year"
            pagination={false}
            dataSource={graded.years}
            data-testid="grading-years"
            columns={[
              { title: m.year, dataIndex: 'year' },
              { title: m.postType, dataIndex: 'postType', render: (v: string) => words.postType(v) },
              { title: m.level, dataIndex: 'level', align: 'right' },
              { title: m.paidLevel, dataIndex: 'paidLevel', align: 'right' },
              { title: m.levelPay, dataIndex: 'levelPay', align: 'right', render: (v: string | null) => v ?? '—' },
              { title: m.allowance, dataIndex: 'allowance', align: 'right' },
              { title: m.annual, dataIndex: 'annual', align: 'right', render: (v: string | null) => v ?? '—' },
              {
                title: m.reasons,
                dataIndex: 'why',
                render: (rs: Graded['years'][number]['why']) => rs.map((r) => gradingReasonText(r, lang)).join(lang === 'en' ? '; ' : '；'),
              },
            ]}
          />
        </>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {m.checksTitle}
      </Typography.Title>
      {checks &&
        (checks.checks.length === 0 ? (
          <Alert type="success" showIcon message={m.checksNone} data-testid="grading-checks-none" />
        ) : (
          <List
            size="small"
            bordered
            dataSource={checks.checks}
            data-testid="grading-checks"
            renderItem={(c) => (
              <List.Item>
                <Typography.Text type="warning">[{c.code}]</Typography.Text> {certificateCheckText(c, lang)}
              </List.Item>
            )}
          />
        ))}
    </div>
  );
}
