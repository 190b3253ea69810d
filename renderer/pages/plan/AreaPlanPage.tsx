import { DownloadOutlined, FileExcelOutlined, PlayCircleOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Table, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useReducer } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DEFAULT_PLAN_TITLE } from '../../../src/core/excel/plan/input';
import { ONE, compare, isDecimalText, parseDecimal } from '../../../src/core/money/decimal';
import type { PolicyPoint } from '../../../src/core/staffing/policyPoint';
import { api } from '../../api';
import { showDone, useShowApiError } from '../../components/feedback';
import { pickFile, saveFilePayload } from '../../components/files';
import { withProgress } from '../../components/progress';
import { yuan } from '../../format';
import { useMessages } from '../../i18n';
import { planMessages } from './messages';
import { MixEditor } from './MixEditor';
import { adjustmentRatio, chosenMix, currentStaff, initialPlanState, planInput, planReducer, type PlanChoices } from './planState';

/**
 * 区域规划: import a community list, apply a staffing rule, price the posts with a pay guide, a
 * contribution set and a post mix, and see quotas, gaps and labour cost by district and street,
 * with a projection over years; export the whole plan as an auditable workbook.
 */
export default function AreaPlanPage() {
  const [state, dispatch] = useReducer(planReducer, undefined, () => initialPlanState());
  const { presets, guides, contributionSets, communities, fileName, choices, mixDraft, result } = state;
  const m = useMessages(planMessages);
  const showApiError = useShowApiError();
  const choose = (patch: Partial<PlanChoices>) => dispatch({ type: 'choose', choices: patch });

  useEffect(() => {
    api['staffing.presets']({}).then(
      (p) => dispatch({ type: 'presetsLoaded', presets: p }),
      (e) => showApiError(m.loadRulesFailed, e),
    );
    api['guides.list']({}).then(
      (g) => dispatch({ type: 'guidesLoaded', guides: g.map((x) => ({ id: x.id, name: x.name })) }),
      (e) => showApiError(m.loadGuidesFailed, e),
    );
    api['contributions.list']({}).then(
      (s) => dispatch({ type: 'contributionSetsLoaded', sets: s.map((x) => ({ id: x.id, name: x.name })) }),
      (e) => showApiError(m.loadSetsFailed, e),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the lists load once, when the page opens
  }, []);

  const staffNow = useMemo(() => currentStaff(communities), [communities]);
  // a rise is 0 to under 100 %, typed in percent like every rate of the app
  const adjustment = adjustmentRatio(choices.adjustmentPercent);
  const adjustmentValid = isDecimalText(adjustment) && compare(parseDecimal(adjustment), ONE) < 0;

  async function importList() {
    const file = await pickFile({ name: m.fileFilter, extensions: ['xlsx', 'csv'] });
    if (!file) return;
    try {
      const r = await withProgress(m.importing, () => api['plan.importCommunities']({ file }));
      dispatch({ type: 'imported', fileName: file.fileName, communities: r.communities });
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

  const preset = chosenMix(state);

  async function run() {
    try {
      const computed = await withProgress(m.running, () => api['plan.run'](planInput(state)));
      dispatch({ type: 'computed', result: computed });
    } catch (e) {
      showApiError(m.runFailed, e);
    }
  }

  async function exportWorkbook() {
    try {
      const file = await withProgress(m.exporting, () => api['plan.exportWorkbook'](planInput(state)));
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
        {communities.length > 0 && <Typography.Text data-testid="community-count">{m.listSummary(fileName, communities.length, staffNow)}</Typography.Text>}
      </Space>

      <Card size="small" title={m.rulesAndPricing}>
        <Form layout="vertical">
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item label={m.rule}>
                <Select
                  value={choices.ruleKey}
                  onChange={(ruleKey) => choose({ ruleKey })}
                  options={(presets?.communityRules ?? []).map((r) => ({ value: r.key, label: r.name }))}
                />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item label={m.point}>
                <Select
                  value={choices.point}
                  onChange={(v: PolicyPoint) => choose({ point: v })}
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
                <Input value={choices.date} onChange={(e) => choose({ date: e.target.value })} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={m.mix}>
                <Select
                  allowClear
                  placeholder={m.mixPlaceholder}
                  value={state.mixIndex}
                  onChange={(v) => dispatch({ type: 'chooseMix', index: v ?? null })}
                  options={(presets?.mixes ?? []).map((x, i) => ({ value: i, label: x.name }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item label={m.guide}>
                <Select
                  allowClear
                  value={choices.guideId}
                  onChange={(v) => choose({ guideId: v ?? null })}
                  options={guides.map((g) => ({ value: g.id, label: g.name }))}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label={m.contributionSet}>
                <Select
                  allowClear
                  value={choices.contributionSetId}
                  onChange={(v) => choose({ contributionSetId: v ?? null })}
                  options={contributionSets.map((s) => ({ value: s.id, label: s.name }))}
                />
              </Form.Item>
            </Col>
          </Row>
          {preset && mixDraft && (
            <MixEditor draft={mixDraft} onChange={(draft) => dispatch({ type: 'editMix', draft })} onReset={() => dispatch({ type: 'resetMix' })} />
          )}
          <Row gutter={16}>
            <Col span={3}>
              <Form.Item label={m.years}>
                <InputNumber min={1} max={30} precision={0} value={choices.years} onChange={(years) => choose({ years })} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item label={m.adjustment} validateStatus={adjustmentValid ? undefined : 'error'} help={adjustmentValid ? undefined : m.adjustmentInvalid}>
                <Input
                  value={choices.adjustmentPercent}
                  onChange={(e) => choose({ adjustmentPercent: e.target.value })}
                  placeholder={m.adjustmentPlaceholder}
                  suffix="%"
                  data-testid="plan-adjustment"
                />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item label={m.stepsPerYear}>
                <InputNumber min={0} max={3} precision={0} value={choices.stepsPerYear} onChange={(stepsPerYear) => choose({ stepsPerYear })} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item label={m.start}>
                <InputNumber min={0} precision={0} value={choices.start} onChange={(start) => choose({ start })} placeholder={String(staffNow)} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item label={m.addPerYear}>
                <InputNumber min={0} precision={0} value={choices.addPerYear} onChange={(addPerYear) => choose({ addPerYear })} />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item label={m.capToQuota}>
                <Switch checked={choices.capToQuota} onChange={(capToQuota) => choose({ capToQuota })} />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" icon={<PlayCircleOutlined />} disabled={communities.length === 0} onClick={run} data-testid="run-plan">
              {m.run}
            </Button>
            <Input
              addonBefore={m.planTitle}
              placeholder={DEFAULT_PLAN_TITLE}
              value={choices.title}
              onChange={(e) => choose({ title: e.target.value })}
              style={{ width: 320 }}
              data-testid="plan-title"
            />
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
                    <Table
                      size="small"
                      rowKey="district"
                      pagination={false}
                      dataSource={[...result.districts, { ...result.totals, district: m.total }]}
                      columns={totalColumns([{ title: m.district, dataIndex: 'district' }])}
                      data-testid="district-table"
                    />
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
                children: (
                  <Table
                    size="small"
                    rowKey={(r) => `${r.district}/${'street' in r ? r.street : ''}`}
                    dataSource={result.streets}
                    columns={totalColumns([
                      { title: m.district, dataIndex: 'district' },
                      { title: m.street, dataIndex: 'street' },
                    ])}
                  />
                ),
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
