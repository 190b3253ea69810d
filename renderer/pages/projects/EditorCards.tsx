import { memo } from 'react';
import { Card, Col, Input, Radio, Row, Select, Typography } from 'antd';
import type { StoredContributionSet } from '../../../src/contributions/schema';
import type { ProjectDraft } from './draft';
import type { GuideListItem } from './projectApi';

/**
 * The editor's form cards, memoised: a keystroke in a line of the budget re-renders the line and the
 * totals, not these forms. Project fields (项目信息), fee/tax/rules (管理费、税费与约束), notes.
 */
type Set = (patch: Partial<ProjectDraft>) => void;

const label = (text: string) => (
  <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginBottom: 2 }}>
    {text}
  </Typography.Text>
);

type InfoFields = Pick<ProjectDraft, 'name' | 'purchaser' | 'provider' | 'periodStart' | 'periodMonths' | 'guideId' | 'contributionSetId'>;

const InfoCard = memo(function InfoCard(p: { d: InfoFields; guides: GuideListItem[]; sets: StoredContributionSet[]; versionText: string; set: Set; pickGuide: (id: number) => Promise<void> }) {
  const { d, guides, sets, versionText, set, pickGuide } = p;
  return (
      <Card size="small" title="项目信息" style={{ marginBottom: 12 }}>
        <Row gutter={[12, 8]}>
          <Col span={8}>
            {label('项目名称')}
            <Input value={d.name} onChange={(e) => set({ name: e.target.value })} data-testid="field-name" />
          </Col>
          <Col span={8}>
            {label('购买主体')}
            <Input value={d.purchaser} onChange={(e) => set({ purchaser: e.target.value })} data-testid="field-purchaser" />
          </Col>
          <Col span={8}>
            {label('承接主体')}
            <Input value={d.provider} onChange={(e) => set({ provider: e.target.value })} data-testid="field-provider" />
          </Col>
          <Col span={4}>
            {label('起始月份（年-月）')}
            <Input value={d.periodStart} onChange={(e) => set({ periodStart: e.target.value })} placeholder="2026-01" data-testid="field-period-start" />
          </Col>
          <Col span={4}>
            {label('服务月数')}
            <Input value={d.periodMonths} onChange={(e) => set({ periodMonths: e.target.value })} data-testid="field-period-months" />
          </Col>
          <Col span={8}>
            {label('薪酬指导价')}
            <Select style={{ width: '100%' }} value={d.guideId} options={guides.map((g) => ({ value: g.id, label: g.name }))} onChange={(v: number) => void pickGuide(v)} data-testid="field-guide" />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {versionText}
            </Typography.Text>
          </Col>
          <Col span={8}>
            {label('社保公积金参数')}
            <Select style={{ width: '100%' }} value={d.contributionSetId} options={sets.map((s) => ({ value: s.id, label: s.name }))} onChange={(v: number) => set({ contributionSetId: v })} data-testid="field-contribution-set" />
          </Col>
        </Row>
      </Card>
  );
}, (a, b) => a.guides === b.guides && a.sets === b.sets && a.versionText === b.versionText && a.set === b.set && a.pickGuide === b.pickGuide && (Object.keys(a.d) as (keyof InfoFields)[]).every((k) => a.d[k] === b.d[k]));

export function ProjectInfoCard(p: { draft: ProjectDraft; guides: GuideListItem[]; sets: StoredContributionSet[]; versionText: string; set: Set; pickGuide: (id: number) => Promise<void> }) {
  const d = p.draft;
  const fields: InfoFields = { name: d.name, purchaser: d.purchaser, provider: d.provider, periodStart: d.periodStart, periodMonths: d.periodMonths, guideId: d.guideId, contributionSetId: d.contributionSetId };
  return <InfoCard d={fields} guides={p.guides} sets={p.sets} versionText={p.versionText} set={p.set} pickGuide={p.pickGuide} />;
}

type FeeFields = Pick<ProjectDraft, 'managementPercent' | 'taxMethod' | 'taxPercent' | 'vatPercent' | 'surchargePercent' | 'minLabourPercent' | 'maxManagementPercent' | 'pricePerPostYear' | 'purchasePosts'>;

const Fees = memo(function Fees(p: { d: FeeFields; set: Set }) {
  const { d, set } = p;
  return (
      <Card size="small" title="管理费、税费与约束" style={{ marginBottom: 12 }}>
        <Row gutter={[12, 8]}>
          <Col span={4}>
            {label('管理费费率（%）')}
            <Input value={d.managementPercent} onChange={(e) => set({ managementPercent: e.target.value })} suffix="%" data-testid="field-management" />
          </Col>
          <Col span={8}>
            {label('税费计算方式')}
            <Radio.Group value={d.taxMethod} onChange={(e) => set({ taxMethod: e.target.value as ProjectDraft['taxMethod'] })} data-testid="field-tax-method">
              <Radio.Button value="simple">按比例</Radio.Button>
              <Radio.Button value="gross-up">价税合计（倒算）</Radio.Button>
            </Radio.Group>
          </Col>
          {d.taxMethod === 'simple' ? (
            <Col span={4}>
              {label('税率（%）')}
              <Input value={d.taxPercent} onChange={(e) => set({ taxPercent: e.target.value })} suffix="%" data-testid="field-tax-rate" />
            </Col>
          ) : (
            <>
              <Col span={4}>
                {label('增值税率（%）')}
                <Input value={d.vatPercent} onChange={(e) => set({ vatPercent: e.target.value })} suffix="%" data-testid="field-vat" />
              </Col>
              <Col span={4}>
                {label('附加税费率（%，按增值税）')}
                <Input value={d.surchargePercent} onChange={(e) => set({ surchargePercent: e.target.value })} suffix="%" data-testid="field-surcharge" />
              </Col>
            </>
          )}
          <Col span={4}>
            {label('人员经费占比下限（%）')}
            <Input value={d.minLabourPercent} placeholder="不限" onChange={(e) => set({ minLabourPercent: e.target.value })} suffix="%" data-testid="field-min-labour" />
          </Col>
          <Col span={4}>
            {label('管理费占比上限（%）')}
            <Input value={d.maxManagementPercent} placeholder="不限" onChange={(e) => set({ maxManagementPercent: e.target.value })} suffix="%" data-testid="field-max-management" />
          </Col>
          <Col span={4}>
            {label('岗位购买单价（元/岗/年）')}
            <Input value={d.pricePerPostYear} placeholder="不比较" onChange={(e) => set({ pricePerPostYear: e.target.value })} data-testid="field-price-per-post" />
          </Col>
          <Col span={4}>
            {label('购买岗位数')}
            <Input value={d.purchasePosts} placeholder="按人数" onChange={(e) => set({ purchasePosts: e.target.value })} data-testid="field-purchase-posts" />
          </Col>
        </Row>
      </Card>
  );
}, (a, b) => a.set === b.set && (Object.keys(a.d) as (keyof FeeFields)[]).every((k) => a.d[k] === b.d[k]));

export function FeeCard({ draft: d, set }: { draft: ProjectDraft; set: Set }) {
  const fields: FeeFields = {
    managementPercent: d.managementPercent,
    taxMethod: d.taxMethod,
    taxPercent: d.taxPercent,
    vatPercent: d.vatPercent,
    surchargePercent: d.surchargePercent,
    minLabourPercent: d.minLabourPercent,
    maxManagementPercent: d.maxManagementPercent,
    pricePerPostYear: d.pricePerPostYear,
    purchasePosts: d.purchasePosts,
  };
  return <Fees d={fields} set={set} />;
}

export const NotesCard = memo(function NotesCard({ notes, set }: { notes: string; set: Set }) {
  return (
    <Card size="small" title="备注" style={{ marginTop: 12 }}>
      <Input.TextArea rows={3} value={notes} onChange={(e) => set({ notes: e.target.value })} />
    </Card>
  );
});
