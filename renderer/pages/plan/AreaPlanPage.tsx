import { DownloadOutlined, FileExcelOutlined, PlayCircleOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Table, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Community } from '../../../src/plan/community';
import type { PostMix } from '../../../src/plan/postMix';
import type { PolicyPoint } from '../../../src/staffing/policyPoint';
import { api } from '../../api';
import { showApiError, showDone } from '../../components/feedback';
import { saveFilePayload } from '../../components/files';
import { withProgress } from '../../components/progress';
import { yuan } from '../../format';
import { pickCommunityList } from './planFiles';

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
  const [years, setYears] = useState<number | null>(5);
  const [adjustment, setAdjustment] = useState('0.03');
  const [stepsPerYear, setStepsPerYear] = useState<number | null>(0);
  const [start, setStart] = useState<number | null>(null);
  const [addPerYear, setAddPerYear] = useState<number | null>(50);
  const [capToQuota, setCapToQuota] = useState(true);
  const [result, setResult] = useState<PlanResult | null>(null);

  useEffect(() => {
    api['staffing.presets']({}).then(setPresets, (e) => showApiError('读取配备规则失败', e));
    api['guides.list']({}).then((g) => setGuides(g.map((x) => ({ id: x.id, name: x.name }))), (e) => showApiError('读取指导价失败', e));
    api['contributions.list']({}).then((s) => setSets(s.map((x) => ({ id: x.id, name: x.name }))), (e) => showApiError('读取社保参数失败', e));
  }, []);

  const totals = useMemo(() => communities.reduce((acc, c) => ({ staff: acc.staff + c.currentStaff }), { staff: 0 }), [communities]);

  async function importList() {
    const file = await pickCommunityList();
    if (!file) return;
    try {
      const r = await withProgress('正在导入社区名单', () => api['plan.importCommunities']({ file }));
      setCommunities(r.communities);
      setFileName(file.fileName);
      setResult(null);
      showDone(`已导入 ${r.communities.length} 个社区${r.ignoredColumns.length ? `（忽略列：${r.ignoredColumns.join('、')}）` : ''}`);
    } catch (e) {
      showApiError('社区名单有误，未导入任何社区', e);
    }
  }

  async function template() {
    try {
      await saveFilePayload(await api['plan.template']({}));
    } catch (e) {
      showApiError('导出模板失败', e);
    }
  }

  function input() {
    const mix: PostMix | null = mixIndex === null ? null : ((presets?.mixes[mixIndex] as PostMix | undefined) ?? null);
    const priced = guideId !== null && setId !== null;
    return {
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
      setResult(await withProgress('正在测算', () => api['plan.run'](input())));
    } catch (e) {
      showApiError('区域规划测算失败', e);
    }
  }

  async function exportWorkbook() {
    try {
      const file = await withProgress('正在写出工作簿', () => api['plan.exportWorkbook'](input()));
      const saved = await saveFilePayload(file);
      if (saved) showDone(`已导出：${saved}`);
    } catch (e) {
      showApiError('导出工作簿失败', e);
    }
  }

  const priced = Boolean(result?.mix);
  const totalColumns = (first: { title: string; dataIndex: string }[]) => [
    ...first,
    { title: '社区数', dataIndex: 'communities', align: 'right' as const },
    { title: '员额下限', dataIndex: 'min', align: 'right' as const },
    { title: '员额取值', dataIndex: 'chosen', align: 'right' as const },
    { title: '员额上限', dataIndex: 'max', align: 'right' as const },
    { title: '现有人数', dataIndex: 'currentStaff', align: 'right' as const },
    { title: '待补人数', dataIndex: 'toRecruit', align: 'right' as const },
    { title: '超出员额', dataIndex: 'overQuota', align: 'right' as const },
    { title: '持证缺口', dataIndex: 'certificateGap', align: 'right' as const },
    ...(priced ? [{ title: '人员经费（元）', dataIndex: 'labour', align: 'right' as const, render: (v: string) => yuan(v) }] : []),
  ];

  return (
    <div>
      <Typography.Title level={4}>区域规划</Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <Button icon={<UploadOutlined />} onClick={importList} data-testid="import-communities">
          导入社区名单（xlsx / csv）
        </Button>
        <Button icon={<DownloadOutlined />} onClick={template}>
          下载名单模板
        </Button>
        {communities.length > 0 && (
          <Typography.Text data-testid="community-count">
            {fileName}：{communities.length} 个社区，现有 {totals.staff} 人
          </Typography.Text>
        )}
      </Space>

      <Card size="small" title="规则与定价">
        <Form layout="vertical">
          <Row gutter={16}>
            <Col span={6}>
              <Form.Item label="配备规则">
                <Select value={ruleKey} onChange={setRuleKey} options={(presets?.communityRules ?? []).map((r) => ({ value: r.key, label: r.name }))} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item label="取值点">
                <Select
                  value={point}
                  onChange={(v) => setPoint(v as PolicyPoint)}
                  options={[
                    { value: 'min', label: '下限' },
                    { value: 'mid', label: '中值' },
                    { value: 'max', label: '上限' },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item label="起始日期">
                <Input value={date} onChange={(e) => setDate(e.target.value)} />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item label="岗位结构">
                <Select
                  allowClear
                  placeholder="按指导价选用预置结构"
                  value={mixIndex}
                  onChange={(v) => setMixIndex(v ?? null)}
                  options={(presets?.mixes ?? []).map((m, i) => ({ value: i, label: m.name }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item label="薪酬指导价（不选则只测算员额）">
                <Select allowClear value={guideId} onChange={(v) => setGuideId(v ?? null)} options={guides.map((g) => ({ value: g.id, label: g.name }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="社保公积金参数">
                <Select allowClear value={setId} onChange={(v) => setSetId(v ?? null)} options={sets.map((s) => ({ value: s.id, label: s.name }))} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={3}>
              <Form.Item label="预测年数">
                <InputNumber min={1} max={30} precision={0} value={years} onChange={setYears} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item label="指导价年调整">
                <Input value={adjustment} onChange={(e) => setAdjustment(e.target.value)} placeholder="0.03 = 3 %" />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item label="每年晋升档次/级">
                <InputNumber min={0} max={3} precision={0} value={stepsPerYear} onChange={setStepsPerYear} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item label="起始人数（默认现有）">
                <InputNumber min={0} precision={0} value={start} onChange={setStart} placeholder={String(totals.staff)} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item label="每年新增">
                <InputNumber min={0} precision={0} value={addPerYear} onChange={setAddPerYear} />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item label="不超过员额合计">
                <Switch checked={capToQuota} onChange={setCapToQuota} />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" icon={<PlayCircleOutlined />} disabled={communities.length === 0} onClick={run} data-testid="run-plan">
              测算
            </Button>
            <Button icon={<FileExcelOutlined />} disabled={communities.length === 0} onClick={exportWorkbook}>
              导出工作簿
            </Button>
          </Space>
        </Form>
      </Card>

      {communities.length === 0 && <Alert style={{ marginTop: 16 }} type="info" showIcon message="请先导入社区名单；表头可用中文或英文（社区名称/name、区/district、街道/street、户数/households …），可下载模板填写。" />}

      {result && (
        <Card size="small" style={{ marginTop: 16 }} title={`${result.rule.name}（${result.rule.version}）${result.rule.sample ? '— 含示例参数' : ''}`}>
          <Tabs
            items={[
              {
                key: 'districts',
                label: '按区',
                children: (
                  <>
                    <Table size="small" rowKey="district" pagination={false} dataSource={[...result.districts, { ...result.totals, district: '合计' }] as Totals[]} columns={totalColumns([{ title: '区', dataIndex: 'district' }])} data-testid="district-table" />
                    <div style={{ height: 280, marginTop: 16 }}>
                      <ResponsiveContainer>
                        <BarChart data={result.districts}>
                          <CartesianGrid strokeDasharray="3 3" />
                          <XAxis dataKey="district" />
                          <YAxis />
                          <Tooltip />
                          <Legend />
                          <Bar dataKey="chosen" name="员额" fill="#1677ff" isAnimationActive={false} />
                          <Bar dataKey="currentStaff" name="现有人数" fill="#52c41a" isAnimationActive={false} />
                        </BarChart>
                      </ResponsiveContainer>
                    </div>
                  </>
                ),
              },
              {
                key: 'streets',
                label: '按街道',
                children: <Table size="small" rowKey={(r) => `${r.district}/${'street' in r ? r.street : ''}`} dataSource={result.streets} columns={totalColumns([{ title: '区', dataIndex: 'district' }, { title: '街道', dataIndex: 'street' }])} />,
              },
              {
                key: 'communities',
                label: '按社区',
                children: (
                  <Table
                    size="small"
                    rowKey="row"
                    dataSource={result.communities}
                    columns={[
                      { title: '行', dataIndex: 'row' },
                      { title: '区', dataIndex: 'district' },
                      { title: '街道', dataIndex: 'street' },
                      { title: '社区', dataIndex: 'name' },
                      { title: '户数', dataIndex: 'households', align: 'right' },
                      { title: '下限', dataIndex: 'min', align: 'right' },
                      { title: '取值', dataIndex: 'chosen', align: 'right' },
                      { title: '上限', dataIndex: 'max', align: 'right' },
                      { title: '现有', dataIndex: 'currentStaff', align: 'right' },
                      { title: '缺口', dataIndex: 'staffGap', align: 'right' },
                      { title: '持证缺口', dataIndex: 'certificateGap', align: 'right' },
                      ...(priced ? [{ title: '人员经费（元）', dataIndex: 'labour', align: 'right' as const, render: (v: string) => yuan(v) }] : []),
                    ]}
                  />
                ),
              },
              ...(result.projection
                ? [
                    {
                      key: 'projection',
                      label: '多年预测',
                      children: (
                        <>
                          <Table
                            size="small"
                            rowKey="year"
                            pagination={false}
                            dataSource={result.projection}
                            columns={[
                              { title: '年度', dataIndex: 'year' },
                              { title: '人数', dataIndex: 'headcount', align: 'right' },
                              { title: '应发工资', dataIndex: 'gross', align: 'right', render: (v: string) => yuan(v) },
                              { title: '单位缴费', dataIndex: 'contributions', align: 'right', render: (v: string) => yuan(v) },
                              { title: '工会经费等', dataIndex: 'levies', align: 'right', render: (v: string) => yuan(v) },
                              { title: '人员经费', dataIndex: 'labour', align: 'right', render: (v: string) => yuan(v) },
                            ]}
                          />
                          <div style={{ height: 260, marginTop: 16 }}>
                            <ResponsiveContainer>
                              <LineChart data={result.projection.map((y) => ({ year: y.year, labour: Number(y.labour) / 10000 }))}>
                                <CartesianGrid strokeDasharray="3 3" />
                                <XAxis dataKey="year" />
                                <YAxis unit="万元" />
                                <Tooltip formatter={(v: number) => `${v.toFixed(2)} 万元`} />
                                <Line dataKey="labour" name="人员经费（万元，图示）" stroke="#1677ff" isAnimationActive={false} />
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
