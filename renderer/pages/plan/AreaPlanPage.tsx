import { DownloadOutlined, FileExcelOutlined, PlayCircleOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Table, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Community } from '../../../src/core/plan/community';
import type { PostMix } from '../../../src/core/plan/postMix';
import type { PolicyPoint } from '../../../src/core/staffing/policyPoint';
import { api } from '../../api';
import { showDone } from '../../components/feedback';
import { pickFile, saveFilePayload } from '../../components/files';
import { withProgress } from '../../components/progress';
import { yuan } from '../../format';
import { useMessages } from '../../i18n';
import { useShowApiError } from './inLanguage';
import { planMessages } from './messages';
import { MixEditor } from './MixEditor';
import { draftFromMix, mixFromDraft, type MixDraft } from './mixDraft';

/**
 * 区域规划: import a community list, apply a staffing rule, price the posts with a pay guide, a
 * contribution set and a post mix, and see quotas, gaps and labour cost by district and street,
 * with a projection over years; export the whole plan as an auditable workbook.
 */
type Presets = Awaited<ReturnType<typeof api['staffing.presets']>>;
type PlanResult = Awaited<ReturnType<typeof api['plan.run']>>;
type Totals = PlanResult['totals'];

export default function AreaPlanPage() {
  const [presets, setPresets] = useState<Presets | null>(null);
  const [guides, setGuides] = useState<{ id: number; name: string }[]>([]);
  const [sets, setSets] = useState<{ id: number; name: string }[]>([]);
  const [communities, setCommunities] = useState<Community[]>([]);
  const [fileName, setFileName] = useState('');
  const [ruleKey, setRuleKey] = useState('jilin');
  const [point, setPoint] = useState<PolicyPoint>('mid');
  const [date, setDate] = useState(`${new Date().getFullYear()}-01-01`);
  const [guideId, setGuideId] = useState<number | null>(null);
  const [setId, setSetId] = useState<number | null>(null);
  const [mixIndex, setMixIndex] = useState<number | null>(null);
  const [mixDraft, setMixDraft] = useState<MixDraft | null>(null);
  const [years, setYears] = useState<number | null>(5);
  const [adjustment, setAdjustment] = useState('0.03');
  const [stepsPerYear, setStepsPerYear] = useState<number | null>(0);
  const [start, setStart] = useState<number | null>(null);
  const [addPerYear, setAddPerYear] = useState<number | null>(50);
  const [capToQuota, setCapToQuota] = useState(true);
  const [result, setResult] = useState<PlanResult | null>(null);
  const m = useMessages(planMessages);
  const showApiError = useShowApiError();

  useEffect(() => {
    api['staffing.presets']({}).then(setPresets, (e) => showApiError(m.loadRulesFailed, e));
    api['guides.list']({}).then((g) => setGuides(g.map((x) => ({ id: x.id, name: x.name }))), (e) => showApiError(m.loadGuidesFailed, e));
    api['contributions.list']({}).then((s) => setSets(s.map((x) => ({ id: x.id, name: x.name }))), (e) => showApiError(m.loadSetsFailed, e));
  }, []);

  const totals = useMemo(() => communities.reduce((acc, c) => ({ staff: acc.staff + c.currentStaff }), { staff: 0 }), [communities]);

  async function importList() {
    const file = await pickFile({ name: m.fileFilter, extensions: ['xlsx', 'csv'] });
    if (!file) return;
    try {
      const r = await withProgress(m.importing, () => api['plan.importCommunities']({ file }));
      setCommunities(r.communities);
      setFileName(file.fileName);
      setResult(null);
      showDone(m.imported(r.communities.length, r.ignoredColumns));
    } catch (e) {
      showApiError(m.importFailed, e);
    }
  }

  async function template() {
    try {
      await saveFilePayload(await api['plan.template']({}));
    } catch (e) {
      showApiError(m.templateFailed, e);
    }
  }

  const preset: PostMix | null = mixIndex === null ? null : ((presets?.mixes[mixIndex] as PostMix | undefined) ?? null);

  function chooseMix(index: number | null) {
    setMixIndex(index);
    const chosen = index === null ? null : ((presets?.mixes[index] as PostMix | undefined) ?? null);
    setMixDraft(chosen ? draftFromMix(chosen) : null);
  }

  function input() {
    // the edited lines, validated by plan.run / plan.exportWorkbook (PostMix's schema names a bad line)
    const mix = preset && mixDraft ? mixFromDraft(mixDraft, preset) : null;
    const priced = guideId !== null && setId !== null;
    return {
      // the workbook's own title: its sheets are written in Chinese by src/core/plan, so it stays Chinese
      title: fileName ? fileName.replace(/\.(xlsx|csv)$/i, '') + ' 区域规划' : '区域规划',
      rule: { key: ruleKey },
      point,
      date,
      communities,
      pricing: priced ? { guideId: guideId!, contributionSetId: setId!, mix } : null,
      projection:
        priced && years
          ? { years, adjustment, stepsPerYear: stepsPerYear ?? 0, start: start ?? totals.staff, addPerYear: addPerYear ?? 0, capToQuota }
          : null,
    };
  }

  async function run() {
    try {
      setResult(await withProgress(m.running, () => api['plan.run'](input())));
    } catch (e) {
      showApiError(m.runFailed, e);
    }
  }

  async function exportWorkbook() {
    try {
      const file = await withProgress(m.exporting, () => api['plan.exportWorkbook'](input()));
      const saved = await saveFilePayload(file);
      if (saved) showDone(m.exported(saved));
    } catch (e) {
      showApiError(m.exportFailed, e);
    }
  }

  const priced = Boolean(result?.mix);
  const totalColumns = (first: { title: string; dataIndex: string }[]) => [
    ...first,
    { title: m.communities, dataIndex: 'communities', align: 'right' as const },
    { title: m.quotaMin, dataIndex: 'min', align: 'right' as const },
    { title: m.quotaChosen, dataIndex: 'chosen', align: 'right' as const },
    { title: m.quotaMax, dataIndex: 'max', align: 'right' as const },
    { title: m.currentStaff, dataIndex: 'currentStaff', align: 'right' as const },
    { title: m.toRecruit, dataIndex: 'toRecruit', align: 'right' as const },
    { title: m.overQuota, dataIndex: 'overQuota', align: 'right' as const },
    { title: m.certificateGap, dataIndex: 'certificateGap', align: 'right' as const },
    ...(priced ? [{ title: m.labourYuan, dataIndex: 'labour', align: 'right' as const, render: (v: string) => yuan(v) }] : []),
  ];

  return (
    <div data-testid="plan-page">
      <Typography.Title level={4}>{m.title}</Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <Button icon={<UploadOutlined />} onClick={importList} data-testid="import-communities">
          {m.importList}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={template}>
          {m.downloadTemplate}
        </Button>
        {communities.length > 0 && (
          <Typography.Text data-testid="community-count">
            {m.listSummary(fileName, communities.length, totals.staff)}
          </Typography.Text>
        )}
      </Space>

      <Card size="small" title={m.rulesAndPricing}>
        <Form layout="vertical">
          <Row gutter={16}>
            <Col span={6}>
              <Form.Item label={m.rule}>
                <Select value={ruleKey} onChange={setRuleKey} options={(presets?.communityRules ?? []).map((r) => ({ value: r.key, label: r.name }))} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item label={m.point}>
                <Select
                  value={point}
                  onChange={(v) => setPoint(v as PolicyPoint)}
                  options={[
                    { value: 'min', label: m.pointMin },
                    { value: 'mid', label: m.pointMid },
                    { value: 'max', label: m.pointMax },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item label={m.startDate}>
                <Input value={date} onChange={(e) => setDate(e.target.value)} />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item label={m.mix}>
                <Select
                  allowClear
                  placeholder={m.mixPlaceholder}
                  value={mixIndex}
                  onChange={(v) => chooseMix(v ?? null)}
                  options={(presets?.mixes ?? []).map((x, i) => ({ value: i, label: x.name }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item label={m.guide}>
                <Select allowClear value={guideId} onChange={(v) => setGuideId(v ?? null)} options={guides.map((g) => ({ value: g.id, label: g.name }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label={m.contributionSet}>
                <Select allowClear value={setId} onChange={(v) => setSetId(v ?? null)} options={sets.map((s) => ({ value: s.id, label: s.name }))} />
              </Form.Item>
            </Col>
          </Row>
          {preset && mixDraft && <MixEditor draft={mixDraft} onChange={setMixDraft} onReset={() => setMixDraft(draftFromMix(preset))} />}
          <Row gutter={16}>
            <Col span={3}>
              <Form.Item label={m.years}>
                <InputNumber min={1} max={30} precision={0} value={years} onChange={setYears} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item label={m.adjustment}>
                <Input value={adjustment} onChange={(e) => setAdjustment(e.target.value)} placeholder={m.adjustmentPlaceholder} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item label={m.stepsPerYear}>
                <InputNumber min={0} max={3} precision={0} value={stepsPerYear} onChange={setStepsPerYear} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item label={m.start}>
                <InputNumber min={0} precision={0} value={start} onChange={setStart} placeholder={String(totals.staff)} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item label={m.addPerYear}>
                <InputNumber min={0} precision={0} value={addPerYear} onChange={setAddPerYear} />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item label={m.capToQuota}>
                <Switch checked={capToQuota} onChange={setCapToQuota} />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" icon={<PlayCircleOutlined />} disabled={communities.length === 0} onClick={run} data-testid="run-plan">
              {m.run}
            </Button>
            <Button icon={<FileExcelOutlined />} disabled={communities.length === 0} onClick={exportWorkbook}>
              {m.exportWorkbook}
            </Button>
          </Space>
        </Form>
      </Card>

      {communities.length === 0 && <Alert style={{ marginTop: 16 }} type="info" showIcon message={m.importHint} />}

      {result && (
        <Card size="small" style={{ marginTop: 16 }} title={m.ruleTitle(result.rule.name, result.rule.version, Boolean(result.rule.sample))}>
          <Tabs
            items={[
              {
                key: 'districts',
                label: m.tabDistricts,
                children: (
                  <>
                    <Table size="small" rowKey="district" pagination={false} dataSource={[...result.districts, { ...result.totals, district: m.total }] as Totals[]} columns={totalColumns([{ title: m.district, dataIndex: 'district' }])} data-testid="district-table" />
                    <div style={{ height: 280, marginTop: 16 }}>
                      <ResponsiveContainer>
                        <BarChart data={result.districts}>
                          <CartesianGrid strokeDasharray="3 3" />
                          <XAxis dataKey="district" />
                          <YAxis />
                          <Tooltip />
                          <Legend />
                          <Bar dataKey="chosen" name={m.legendQuota} fill="#1677ff" isAnimationActive={false} />
                          <Bar dataKey="currentStaff" name={m.legendCurrent} fill="#52c41a" isAnimationActive={false} />
                        </BarChart>
                      </ResponsiveContainer>
                    </div>
                  </>
                ),
              },
              {
                key: 'streets',
                label: m.tabStreets,
                children: <Table size="small" rowKey={(r) => `${r.district}/${'street' in r ? r.street : ''}`} dataSource={result.streets} columns={totalColumns([{ title: m.district, dataIndex: 'district' }, { title: m.street, dataIndex: 'street' }])} />,
              },
              {
                key: 'communities',
                label: m.tabCommunities,
                children: (
                  <Table
                    size="small"
                    rowKey="row"
                    dataSource={result.communities}
                    columns={[
                      { title: m.row, dataIndex: 'row' },
                      { title: m.district, dataIndex: 'district' },
                      { title: m.street, dataIndex: 'street' },
                      { title: m.community, dataIndex: 'name' },
                      { title: m.households, dataIndex: 'households', align: 'right' },
                      { title: m.min, dataIndex: 'min', align: 'right' },
                      { title: m.chosen, dataIndex: 'chosen', align: 'right' },
                      { title: m.max, dataIndex: 'max', align: 'right' },
                      { title: m.current, dataIndex: 'currentStaff', align: 'right' },
                      { title: m.gap, dataIndex: 'staffGap', align: 'right' },
                      { title: m.certificateGap, dataIndex: 'certificateGap', align: 'right' },
                      ...(priced ? [{ title: m.labourYuan, dataIndex: 'labour', align: 'right' as const, render: (v: string) => yuan(v) }] : []),
                    ]}
                  />
                ),
              },
              ...(result.projection
                ? [
                    {
                      key: 'projection',
                      label: m.tabProjection,
                      children: (
                        <>
                          <Table
                            size="small"
                            rowKey="year"
                            pagination={false}
                            dataSource={result.projection}
                            columns={[
                              { title: m.year, dataIndex: 'year' },
                              { title: m.headcount, dataIndex: 'headcount', align: 'right' },
                              { title: m.gross, dataIndex: 'gross', align: 'right', render: (v: string) => yuan(v) },
                              { title: m.contributions, dataIndex: 'contributions', align: 'right', render: (v: string) => yuan(v) },
                              { title: m.levies, dataIndex: 'levies', align: 'right', render: (v: string) => yuan(v) },
                              { title: m.labour, dataIndex: 'labour', align: 'right', render: (v: string) => yuan(v) },
                            ]}
                          />
                          <div style={{ height: 260, marginTop: 16 }}>
                            <ResponsiveContainer>
                              <LineChart data={result.projection.map((y) => ({ year: y.year, labour: Number(y.labour) / 10000 }))}>
                                <CartesianGrid strokeDasharray="3 3" />
                                <XAxis dataKey="year" />
                                <YAxis unit={m.tenThousandYuan} width={72} />
                                <Tooltip formatter={(v: number) => m.tooltipTenThousand(v.toFixed(2))} />
                                <Line dataKey="labour" name={m.legendLabour} stroke="#1677ff" isAnimationActive={false} />
                              </LineChart>
                            </ResponsiveContainer>
                          </div>
                        </>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      )}
    </div>
  );
}
