import { CalculatorOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Collapse, Descriptions, Form, Input, InputNumber, Row, Select, Space, Statistic, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { percentToRatio } from '../../../src/core/money/percent';
import type { PolicyPoint } from '../../../src/core/staffing/policyPoint';
import { api, type ApiInput, type ApiOutput } from '../../api';
import { showDone, useShowApiError } from '../../components/feedback';
import { useI18n, useMessages } from '../../i18n';
import { ruleParameterText, stepText } from '../../i18n/coreText';
import { staffingMessages } from './messages';

/**
 * 岗位测算: one unit through one staffing rule — a community by a rule set (吉林, 浦东, per
 * population), a trade union, an NGO's social-work share, a certificate rate — showing the
 * minimum, the chosen value and the maximum with the arithmetic behind them (docs/design.md §Rules and their policy sources).
 */
type Presets = ApiOutput<'staffing.presets'>;
/** one rule's answer; a community's also names the rule's parameters */
type Outcome = ApiOutput<'staffing.compute'>;
type RuleChoice = Extract<ApiInput<'staffing.compute'>, { kind: 'community' }>['rule'];

function PointPicker({ value, onChange }: { value: PolicyPoint; onChange: (p: PolicyPoint) => void }) {
  const m = useMessages(staffingMessages);
  const points = [
    { value: 'min', label: m.pointMin },
    { value: 'mid', label: m.pointMid },
    { value: 'max', label: m.pointMax },
    { value: 'custom', label: m.pointCustom },
  ];
  const custom = value !== 'min' && value !== 'mid' && value !== 'max';
  return (
    <Space>
      <Select
        style={{ width: 120 }}
        value={custom ? 'custom' : value}
        options={points}
        onChange={(v) => onChange(v === 'custom' ? '0.5' : (v as PolicyPoint))}
      />
      {custom && (
        <Input style={{ width: 100 }} value={value} onChange={(e) => onChange(e.target.value.trim() as PolicyPoint)} placeholder={m.customPlaceholder} />
      )}
    </Space>
  );
}

function OutcomeView({ outcome }: { outcome: Outcome | null }) {
  const m = useMessages(staffingMessages);
  const { lang } = useI18n();
  if (!outcome) return null;
  return (
    <Card size="small" style={{ marginTop: 16 }} data-testid="staffing-outcome">
      <Row gutter={16}>
        <Col span={8}>
          <Statistic title={m.min} value={outcome.min} />
        </Col>
        <Col span={8}>
          <Statistic title={m.chosen} value={outcome.chosen} valueStyle={{ color: '#1677ff' }} />
        </Col>
        <Col span={8}>
          <Statistic title={m.max} value={outcome.max ?? m.unbounded} />
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {m.steps}
      </Typography.Title>
      <ol data-testid="staffing-steps">
        {outcome.explanation.map((s, i) => (
          <li key={i}>{stepText(s, lang)}</li>
        ))}
      </ol>
      {'parameterItems' in outcome && (
        <Descriptions size="small" column={1} bordered title={m.parameters} labelStyle={{ whiteSpace: 'nowrap' }}>
          {outcome.parameterItems
            .map((p) => ruleParameterText(p, lang))
            .map(([k, v], i) => (
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
  const rules = presets.communityRules;
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
  const m = useMessages(staffingMessages);
  const showApiError = useShowApiError();

  async function saveRule() {
    try {
      const saved = await api['staffing.saveRuleSet']({ ruleSet: JSON.parse(ruleJson ?? 'null') });
      showDone(m.ruleSaved(saved.name, saved.key));
      onSaved();
    } catch (e) {
      showApiError(m.saveRuleFailed, e);
    }
  }

  async function compute() {
    try {
      let rule: RuleChoice = { key: ruleKey };
      if (ruleJson !== null) {
        try {
          rule = { ruleSet: JSON.parse(ruleJson) };
        } catch (e) {
          throw new Error(m.badJson((e as Error).message), { cause: e });
        }
      }
      const r = await api['staffing.compute']({
        kind: 'community',
        rule,
        date,
        point,
        community: {
          households: households ?? 0,
          residents: residents ?? null,
          // typed in percent like every rate of the app: 28 → 0.28; text that is no percentage goes as typed for the API to name
          elderlyShare: elderlyShare.trim() === '' ? null : (percentToRatio(elderlyShare) ?? elderlyShare.trim()),
          urbanRural,
          currentStaff: currentStaff ?? 0,
          certifiedStaff: certifiedStaff ?? 0,
        },
      });
      setOutcome(r);
    } catch (e) {
      showApiError(m.computeFailed, e);
    }
  }

  return (
    <>
      <Form layout="vertical">
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item label={m.rule}>
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
            <Form.Item label={m.date}>
              <Input value={date} onChange={(e) => setDate(e.target.value)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={m.point}>
              <PointPicker value={point} onChange={setPoint} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={4}>
            <Form.Item label={m.households}>
              <InputNumber min={0} precision={0} value={households} onChange={setHouseholds} style={{ width: '100%' }} data-testid="households" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label={m.residents}>
              <InputNumber min={0} precision={0} value={residents} onChange={setResidents} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label={m.elderlyShare}>
              <Input
                value={elderlyShare}
                onChange={(e) => setElderlyShare(e.target.value)}
                placeholder={m.elderlySharePlaceholder}
                suffix="%"
                data-testid="elderly-share"
              />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label={m.urbanRural}>
              <Select
                value={urbanRural}
                onChange={setUrbanRural}
                options={[
                  { value: 'urban', label: m.urban },
                  { value: 'rural', label: m.rural },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label={m.currentStaff}>
              <InputNumber min={0} precision={0} value={currentStaff} onChange={setCurrentStaff} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label={m.certifiedStaff}>
              <InputNumber min={0} precision={0} value={certifiedStaff} onChange={setCertifiedStaff} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Collapse
          size="small"
          items={[
            {
              key: 'params',
              label: ruleJson === null ? m.paramsEditable : m.paramsEdited,
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
                      {m.restoreParams}
                    </Button>
                    <Button size="small" onClick={saveRule} disabled={ruleJson === null}>
                      {m.saveRule}
                    </Button>
                  </Space>
                </Space>
              ),
            },
          ]}
        />
        <Button type="primary" icon={<CalculatorOutlined />} style={{ marginTop: 16 }} onClick={compute} data-testid="compute">
          {m.compute}
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
  const m = useMessages(staffingMessages);
  const showApiError = useShowApiError();
  const label = {
    unionEmployees: m.countUnionEmployees,
    unionBranches: m.countUnionBranches,
    population: m.countPopulation,
    ngoShare: m.countNgoShare,
    certificate: m.countCertificate,
  }[kind];
  const note = {
    unionEmployees: m.noteUnionEmployees,
    unionBranches: m.noteUnionBranches,
    population: m.notePopulation,
    ngoShare: m.noteNgoShare,
    certificate: m.noteCertificate,
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
      setOutcome(r);
    } catch (e) {
      showApiError(m.computeFailed, e);
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
            <span>{m.certifiedStaff}</span>
            <InputNumber min={0} precision={0} value={certified} onChange={setCertified} />
            <Select
              value={urbanRural}
              onChange={setUrbanRural}
              options={[
                { value: 'urban', label: m.urban },
                { value: 'rural', label: m.rural },
              ]}
            />
          </>
        ) : (
          <>
            <span>{m.point}</span>
            <PointPicker value={point} onChange={setPoint} />
          </>
        )}
        <Button type="primary" icon={<CalculatorOutlined />} onClick={compute}>
          {m.compute}
        </Button>
      </Space>
      <OutcomeView outcome={outcome} />
    </>
  );
}

export default function StaffingPage() {
  const [presets, setPresets] = useState<Presets | null>(null);
  const m = useMessages(staffingMessages);
  const showApiError = useShowApiError();
  const load = () => api['staffing.presets']({}).then(setPresets, (e) => showApiError(m.loadFailed, e));
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the presets load once, when the page opens
  }, []);
  return (
    <div data-testid="staffing-page">
      <Typography.Title level={4}>{m.title}</Typography.Title>
      <Typography.Paragraph type="secondary">{m.intro}</Typography.Paragraph>
      {presets && (
        <Tabs
          items={[
            { key: 'community', label: m.tabCommunity, children: <CommunityTab presets={presets} onSaved={() => void load()} /> },
            { key: 'unionEmployees', label: m.tabUnionEmployees, children: <UnitTab presets={presets} kind="unionEmployees" /> },
            { key: 'unionBranches', label: m.tabUnionBranches, children: <UnitTab presets={presets} kind="unionBranches" /> },
            { key: 'population', label: m.tabPopulation, children: <UnitTab presets={presets} kind="population" /> },
            { key: 'ngoShare', label: m.tabNgoShare, children: <UnitTab presets={presets} kind="ngoShare" /> },
            { key: 'certificate', label: m.tabCertificate, children: <UnitTab presets={presets} kind="certificate" /> },
          ]}
        />
      )}
    </div>
  );
}
