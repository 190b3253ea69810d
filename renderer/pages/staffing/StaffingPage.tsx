import { CalculatorOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Collapse, Descriptions, Form, Input, InputNumber, Row, Select, Space, Statistic, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { PolicyPoint, RuleOutcome } from '../../../src/staffing/policyPoint';
import type { CommunityRuleSet } from '../../../src/staffing/ruleSets';
import { api } from '../../api';
import { showApiError, showDone } from '../../components/feedback';

/**
 * 岗位测算: one unit through one staffing rule — a community by a rule set (吉林, 浦东, per
 * population), a trade union, an NGO's social-work share, a certificate rate — showing the
 * minimum, the chosen value and the maximum with the arithmetic behind them (DESIGN §3).
 */
type Presets = Awaited<ReturnType<typeof api['staffing.presets']>>;
type Outcome = RuleOutcome & { parameters?: [string, string][]; gap?: number };

const POINTS: { value: string; label: string }[] = [
  { value: 'min', label: '下限' },
  { value: 'mid', label: '中值' },
  { value: 'max', label: '上限' },
  { value: 'custom', label: '自定比例' },
];

function PointPicker({ value, onChange }: { value: PolicyPoint; onChange: (p: PolicyPoint) => void }) {
  const custom = value !== 'min' && value !== 'mid' && value !== 'max';
  return (
    <Space>
      <Select style={{ width: 120 }} value={custom ? 'custom' : value} options={POINTS} onChange={(v) => onChange(v === 'custom' ? '0.5' : (v as PolicyPoint))} />
      {custom && <Input style={{ width: 100 }} value={value} onChange={(e) => onChange(e.target.value.trim() as PolicyPoint)} placeholder="0–1，如 0.25" />}
    </Space>
  );
}

function OutcomeView({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  return (
    <Card size="small" style={{ marginTop: 16 }} data-testid="staffing-outcome">
      <Row gutter={16}>
        <Col span={8}>
          <Statistic title="下限" value={outcome.min} />
        </Col>
        <Col span={8}>
          <Statistic title="取值" value={outcome.chosen} valueStyle={{ color: '#1677ff' }} />
        </Col>
        <Col span={8}>
          <Statistic title="上限" value={outcome.max ?? '不限'} />
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        计算过程
      </Typography.Title>
      <ol data-testid="staffing-steps">
        {outcome.steps.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>
      {outcome.parameters && (
        <Descriptions size="small" column={1} bordered title="规则参数">
          {outcome.parameters.map(([k, v], i) => (
            <Descriptions.Item key={i} label={k}>
              {v}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
    </Card>
  );
}

function CommunityTab({ presets, onSaved }: { presets: Presets; onSaved: () => void }) {
  const rules = presets.communityRules as CommunityRuleSet[];
  const [ruleKey, setRuleKey] = useState(rules[0]?.key ?? 'jilin');
  const [ruleJson, setRuleJson] = useState<string | null>(null);
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [point, setPoint] = useState<PolicyPoint>('mid');
  const [households, setHouseholds] = useState<number | null>(4100);
  const [residents, setResidents] = useState<number | null>(null);
  const [elderlyShare, setElderlyShare] = useState('');
  const [urbanRural, setUrbanRural] = useState<'urban' | 'rural'>('urban');
  const [currentStaff, setCurrentStaff] = useState<number | null>(0);
  const [certifiedStaff, setCertifiedStaff] = useState<number | null>(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const preset = rules.find((r) => r.key === ruleKey);

  async function saveRule() {
    try {
      const saved = await api['staffing.saveRuleSet']({ ruleSet: JSON.parse(ruleJson ?? 'null') });
      showDone(`已保存规则“${saved.name}”（${saved.key}），区域规划中可选用`);
      onSaved();
    } catch (e) {
      showApiError('保存规则失败', e);
    }
  }

  async function compute() {
    try {
      let rule: { key: string } | { ruleSet: unknown } = { key: ruleKey };
      if (ruleJson !== null) {
        try {
          rule = { ruleSet: JSON.parse(ruleJson) };
        } catch (e) {
          throw new Error(`规则参数不是有效的 JSON：${(e as Error).message}`);
        }
      }
      const r = await api['staffing.compute']({
        kind: 'community',
        rule: rule as never,
        date,
        point,
        community: {
          households: households ?? 0,
          residents: residents ?? null,
          elderlyShare: elderlyShare.trim() === '' ? null : elderlyShare.trim(),
          urbanRural,
          currentStaff: currentStaff ?? 0,
          certifiedStaff: certifiedStaff ?? 0,
        },
      });
      setOutcome(r as Outcome);
    } catch (e) {
      showApiError('岗位测算失败', e);
    }
  }

  return (
    <>
      <Form layout="vertical">
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item label="配备规则">
              <Select
                value={ruleKey}
                options={rules.map((r) => ({ value: r.key, label: r.name }))}
                onChange={(k) => {
                  setRuleKey(k);
                  setRuleJson(null);
                  setOutcome(null);
                }}
                data-testid="rule-select"
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="测算日期（取生效版本）">
              <Input value={date} onChange={(e) => setDate(e.target.value)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="取值点">
              <PointPicker value={point} onChange={setPoint} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={4}>
            <Form.Item label="户数">
              <InputNumber min={0} precision={0} value={households} onChange={setHouseholds} style={{ width: '100%' }} data-testid="households" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label="常住人口">
              <InputNumber min={0} precision={0} value={residents} onChange={setResidents} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label="老年人口占比">
              <Input value={elderlyShare} onChange={(e) => setElderlyShare(e.target.value)} placeholder="如 0.28" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label="城乡">
              <Select value={urbanRural} onChange={setUrbanRural} options={[{ value: 'urban', label: '城市社区' }, { value: 'rural', label: '农村社区' }]} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label="现有人数">
              <InputNumber min={0} precision={0} value={currentStaff} onChange={setCurrentStaff} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label="持证人数">
              <InputNumber min={0} precision={0} value={certifiedStaff} onChange={setCertifiedStaff} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Collapse
          size="small"
          items={[
            {
              key: 'params',
              label: ruleJson === null ? '规则参数（可编辑，按生效日期分版本）' : '规则参数（已修改，按修改后的参数测算）',
              children: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Input.TextArea
                    rows={14}
                    style={{ fontFamily: 'monospace' }}
                    value={ruleJson ?? JSON.stringify(preset, null, 2)}
                    onChange={(e) => setRuleJson(e.target.value)}
                  />
                  <Space>
                    <Button size="small" onClick={() => setRuleJson(null)} disabled={ruleJson === null}>
                      恢复原参数
                    </Button>
                    <Button size="small" onClick={saveRule} disabled={ruleJson === null}>
                      保存为我的规则（须换一个代号 key）
                    </Button>
                  </Space>
                </Space>
              ),
            },
          ]}
        />
        <Button type="primary" icon={<CalculatorOutlined />} style={{ marginTop: 16 }} onClick={compute} data-testid="compute">
          测算
        </Button>
      </Form>
      <OutcomeView outcome={outcome} />
    </>
  );
}

type UnitKind = 'unionEmployees' | 'unionBranches' | 'population' | 'ngoShare' | 'certificate';

function UnitTab({ presets, kind }: { presets: Presets; kind: UnitKind }) {
  const [count, setCount] = useState<number | null>(kind === 'unionEmployees' ? 12000 : kind === 'unionBranches' ? 95 : kind === 'population' ? 23500 : 10);
  const [certified, setCertified] = useState<number | null>(0);
  const [urbanRural, setUrbanRural] = useState<'urban' | 'rural'>('urban');
  const [point, setPoint] = useState<PolicyPoint>('mid');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const u = presets.unitRules;
  const label = { unionEmployees: '职工人数', unionBranches: '基层工会数', population: '城镇常住人口', ngoShare: '机构岗位总数', certificate: '社区工作人员数' }[kind];
  const note = {
    unionEmployees: '工会：每 3000–5000 名职工配 1 名社工（下限 ceil(n/5000)，上限 ceil(n/3000)）',
    unionBranches: '工会：每 30–50 家基层工会配 1 名社工（下限 ceil(n/50)，上限 ceil(n/30)）',
    population: '每万名城镇常住人口 18 名社区工作者（向上取整）',
    ngoShare: '公益服务类社会组织：社工专业岗位不低于岗位总数的 70 %',
    certificate: '持证率：城市社区 100 %，农村社区 80 % 以上',
  }[kind];

  async function compute() {
    try {
      const n = count ?? 0;
      const r =
        kind === 'unionEmployees' || kind === 'unionBranches'
          ? await api['staffing.compute']({ kind: 'oneIn', params: kind === 'unionEmployees' ? u.unionEmployees : u.unionBranches, count: n, point })
          : kind === 'population'
            ? await api['staffing.compute']({ kind: 'density', params: u.population, count: n, point })
            : kind === 'ngoShare'
              ? await api['staffing.compute']({ kind: 'socialWorkShare', params: u.ngoShare, totalPosts: n, point })
              : await api['staffing.compute']({ kind: 'certificateRate', params: u.certificate, urbanRural, staff: n, certified: certified ?? 0 });
      setOutcome(r as Outcome);
    } catch (e) {
      showApiError('岗位测算失败', e);
    }
  }

  return (
    <>
      <Alert type="info" showIcon message={note} style={{ marginBottom: 16 }} />
      <Space wrap>
        <span>{label}</span>
        <InputNumber min={0} precision={0} value={count} onChange={setCount} />
        {kind === 'certificate' ? (
          <>
            <span>持证人数</span>
            <InputNumber min={0} precision={0} value={certified} onChange={setCertified} />
            <Select value={urbanRural} onChange={setUrbanRural} options={[{ value: 'urban', label: '城市社区' }, { value: 'rural', label: '农村社区' }]} />
          </>
        ) : (
          <>
            <span>取值点</span>
            <PointPicker value={point} onChange={setPoint} />
          </>
        )}
        <Button type="primary" icon={<CalculatorOutlined />} onClick={compute}>
          测算
        </Button>
      </Space>
      <OutcomeView outcome={outcome} />
    </>
  );
}

export default function StaffingPage() {
  const [presets, setPresets] = useState<Presets | null>(null);
  const load = () => api['staffing.presets']({}).then(setPresets, (e) => showApiError('读取配备规则失败', e));
  useEffect(() => {
    void load();
  }, []);
  return (
    <div>
      <Typography.Title level={4}>岗位测算</Typography.Title>
      <Typography.Paragraph type="secondary">
        按政策文件的配备规则测算岗位数：每条规则给出下限、上限和按取值点选定的人数，并列出计算过程。区间规则中的“10 至 15 人”“每 300–500 户”均为可编辑的参数。
      </Typography.Paragraph>
      {presets && (
        <Tabs
          items={[
            { key: 'community', label: '社区（按户数/人口）', children: <CommunityTab presets={presets} onSaved={() => void load()} /> },
            { key: 'unionEmployees', label: '工会（按职工）', children: <UnitTab presets={presets} kind="unionEmployees" /> },
            { key: 'unionBranches', label: '工会（按基层工会）', children: <UnitTab presets={presets} kind="unionBranches" /> },
            { key: 'population', label: '按人口', children: <UnitTab presets={presets} kind="population" /> },
            { key: 'ngoShare', label: '社会组织 70 %', children: <UnitTab presets={presets} kind="ngoShare" /> },
            { key: 'certificate', label: '持证率', children: <UnitTab presets={presets} kind="certificate" /> },
          ]}
        />
      )}
    </div>
  );
}
