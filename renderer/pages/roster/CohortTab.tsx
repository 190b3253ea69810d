import { useState } from 'react';
import { Button, Checkbox, Input, InputNumber, Space, Table, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { type ApiInput, type ApiOutput, api } from '../../api';
import { saveFilePayload } from '../../components/files';
import { useShowApiError } from '../../components/feedback';
import { useMessages } from '../../i18n';
import { gradingMessages } from './gradingMessages';
import type { RosterFilter } from './RosterGrid';

/**
 * 队伍预测 (docs/design.md §People: roster and statistics): from the roster (as filtered on the 名册
 * tab), new hires, attrition, the certificate pass rate and a target → head count, certified, target,
 * gap and labour cost by year, as a chart and a table, and the 队伍预测表 workbook. Shares are typed
 * as decimal text and checked by the API; amounts are the API's exact text.
 */
type Cohort = ApiOutput<'roster.cohort'>;

export function CohortTab({ filter, version }: { filter: RosterFilter; version: number }) {
  const m = useMessages(gradingMessages);
  const showApiError = useShowApiError();
  const [years, setYears] = useState(10);
  const [hires, setHires] = useState(50);
  const [attrition, setAttrition] = useState('0.08');
  const [passRate, setPassRate] = useState('0.2');
  const [targetStart, setTargetStart] = useState<number | null>(40);
  const [targetPerYear, setTargetPerYear] = useState<number | null>(50);
  const [labour, setLabour] = useState(true);
  const [raise, setRaise] = useState('0');
  const [result, setResult] = useState<Cohort | null>(null);
  const [busy, setBusy] = useState(false);

  const input = (): ApiInput<'roster.cohort'> => ({
    on: dayjs().format('YYYY-MM-DD'),
    filter,
    projection: {
      fromYear: dayjs().year(),
      years,
      hiresPerYear: hires,
      attritionRate: attrition.trim(),
      passRate: passRate.trim(),
      target: targetStart === null ? null : { start: targetStart, perYear: targetPerYear ?? 0 },
    },
    labourFromRoster: labour,
    yearlyRaise: raise.trim() || '0',
  });

  async function project() {
    setBusy(true);
    try {
      setResult(await api['roster.cohort'](input()));
    } catch (e) {
      showApiError(m.cohortFailed, e);
    } finally {
      setBusy(false);
    }
  }

  async function exportCohort() {
    try {
      await saveFilePayload(await api['roster.exportCohort'](input()));
    } catch (e) {
      showApiError(m.cohortFailed, e);
    }
  }

  return (
    <div data-testid="roster-cohort" key={version}>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{m.years}</span>
        <InputNumber min={1} max={50} precision={0} value={years} onChange={(v) => v !== null && setYears(v)} data-testid="cohort-years" />
        <span>{m.hires}</span>
        <InputNumber min={0} precision={0} value={hires} onChange={(v) => v !== null && setHires(v)} data-testid="cohort-hires" />
        <span>{m.attrition}</span>
        <Input style={{ width: 80 }} value={attrition} onChange={(e) => setAttrition(e.target.value)} data-testid="cohort-attrition" />
        <span>{m.passRate}</span>
        <Input style={{ width: 80 }} value={passRate} onChange={(e) => setPassRate(e.target.value)} data-testid="cohort-pass" />
        <span>{m.targetStart}</span>
        <InputNumber min={0} precision={0} value={targetStart} onChange={setTargetStart} />
        <span>{m.targetPerYear}</span>
        <InputNumber min={0} precision={0} value={targetPerYear} onChange={setTargetPerYear} />
        <Checkbox checked={labour} onChange={(e) => setLabour(e.target.checked)}>
          {m.labourFromRoster}
        </Checkbox>
        <span>{m.raise}</span>
        <Input style={{ width: 80 }} value={raise} onChange={(e) => setRaise(e.target.value)} />
        <Button type="primary" loading={busy} onClick={() => void project()} data-testid="cohort-run">
          {m.project}
        </Button>
        <Button icon={<FileExcelOutlined />} onClick={() => void exportCohort()} data-testid="cohort-export">
          {m.exportCohort}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{m.shareHint}</Typography.Paragraph>
      {result && (
        <>
          <Typography.Paragraph data-testid="cohort-start">
            {m.start(result.start.headcount, result.start.certified)}
            {result.labour ? `${m.listSep}${m.labourNote(result.labour.payPerHead, result.labour.allowancePerCertified, result.labour.unpriced)}` : ''}
          </Typography.Paragraph>
          <ResponsiveContainer width="100%" height={260}>
            <LineChart data={result.years}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="year" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Line dataKey="headcount" name={m.headcount} stroke="#1f6feb" isAnimationActive={false} />
              <Line dataKey="certified" name={m.certified} stroke="#2da44e" isAnimationActive={false} />
              <Line dataKey="target" name={m.target} stroke="#cf222e" strokeDasharray="5 5" isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
          <Table
            size="small"
            rowKey="year"
            pagination={false}
            dataSource={result.years}
            data-testid="cohort-table"
            columns={[
              { title: m.year, dataIndex: 'year' },
              { title: m.leavers, dataIndex: 'leavers', align: 'right' },
              { title: m.hires, dataIndex: 'hires', align: 'right' },
              { title: m.passed, dataIndex: 'passed', align: 'right' },
              { title: m.headcount, dataIndex: 'headcount', align: 'right' },
              { title: m.certified, dataIndex: 'certified', align: 'right' },
              { title: m.target, dataIndex: 'target', align: 'right', render: (v: number | null) => v ?? '—' },
              { title: m.gap, dataIndex: 'gap', align: 'right', render: (v: number | null) => v ?? '—' },
              { title: m.labour, dataIndex: 'labour', align: 'right', render: (v: string | null) => v ?? '—' },
            ]}
          />
        </>
      )}
    </div>
  );
}
