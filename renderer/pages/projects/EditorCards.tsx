import { memo } from 'react';
import { Card, Col, Input, Radio, Row, Select, Typography } from 'antd';
import type { ApiOutput } from '../../api';
import { laterSetCandidates } from '../../../src/core/projects/contributionResets';
import type { ProjectDraft } from './draft';
import { useMessages } from '../../i18n';
import { projectMessages } from './messages';

/**
 * The editor's form cards, memoised: a keystroke in a line of the budget re-renders the line and the
 * totals, not these forms. Project fields (项目信息), fee/tax/rules (管理费、税费与约束), notes.
 */
type Set = (patch: Partial<ProjectDraft>) => void;
type Guides = ApiOutput<'guides.list'>;
type ContributionSets = ApiOutput<'contributions.list'>;

const label = (text: string) => (
  <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginBottom: 2, whiteSpace: 'nowrap' }}>
    {text}
  </Typography.Text>
);

// the rates and rules wrap as whole fields, each as wide as its label, on any window width
const FIELD_ROW: React.CSSProperties = { display: 'flex', flexWrap: 'wrap', gap: '8px 16px', alignItems: 'flex-start' };
const FIELD: React.CSSProperties = { minWidth: 140 };

type InfoFields = Pick<
  ProjectDraft,
  'name' | 'purchaser' | 'provider' | 'periodStart' | 'periodMonths' | 'guideId' | 'contributionSetId' | 'laterContributionSetIds'
>;

/**
 * 期间内调整's choices (docs/design.md §Budget spec, "Stored projects"): the sets laterSetCandidates allows for the
 * first set and the period, and those already chosen (a bad one stays visible, and its error names it), by date.
 */
function laterSetOptions(d: InfoFields, sets: ContributionSets, from: (name: string, date: string) => string) {
  const first = sets.find((s) => s.id === d.contributionSetId);
  const months = Number(d.periodMonths);
  const period = /^\d{4}-(0[1-9]|1[0-2])$/.test(d.periodStart) && Number.isInteger(months) && months > 0 ? { start: d.periodStart, months } : null;
  const allowed = first && period ? laterSetCandidates(period, first, sets) : [];
  const shown = sets.filter((s) => allowed.includes(s) || d.laterContributionSetIds.includes(s.id));
  return shown.map((s) => ({ value: s.id, label: from(s.name, s.effectiveFrom) }));
}

const byDate = (sets: ContributionSets, ids: number[]) =>
  [...ids].sort((a, b) => {
    const x = sets.find((s) => s.id === a)?.effectiveFrom ?? '';
    const y = sets.find((s) => s.id === b)?.effectiveFrom ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  });

const InfoCard = memo(
  function InfoCard(p: { d: InfoFields; guides: Guides; sets: ContributionSets; versionText: string; set: Set; pickGuide: (id: number) => Promise<void> }) {
    const { d, guides, sets, versionText, set, pickGuide } = p;
    const m = useMessages(projectMessages);
    return (
      <Card size="small" title={m.projectInfo} style={{ marginBottom: 12 }}>
        <Row gutter={[12, 8]}>
          <Col span={12}>
            {label(m.projectName)}
            <Input value={d.name} onChange={(e) => set({ name: e.target.value })} data-testid="field-name" />
          </Col>
          <Col span={6}>
            {label(m.purchaser)}
            <Input value={d.purchaser} onChange={(e) => set({ purchaser: e.target.value })} data-testid="field-purchaser" />
          </Col>
          <Col span={6}>
            {label(m.provider)}
            <Input value={d.provider} onChange={(e) => set({ provider: e.target.value })} data-testid="field-provider" />
          </Col>
          <Col span={4}>
            {label(m.periodStartHint)}
            <Input value={d.periodStart} onChange={(e) => set({ periodStart: e.target.value })} placeholder="2026-01" data-testid="field-period-start" />
          </Col>
          <Col span={4}>
            {label(m.periodMonths)}
            <Input value={d.periodMonths} onChange={(e) => set({ periodMonths: e.target.value })} data-testid="field-period-months" />
          </Col>
          <Col span={8}>
            {label(m.guide)}
            <Select
              style={{ width: '100%' }}
              value={d.guideId}
              options={guides.map((g) => ({ value: g.id, label: g.name }))}
              onChange={(v: number) => void pickGuide(v)}
              popupMatchSelectWidth={false}
              data-testid="field-guide"
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {versionText}
            </Typography.Text>
          </Col>
          <Col span={8}>
            {label(m.contributionSet)}
            <Select
              style={{ width: '100%' }}
              value={d.contributionSetId}
              options={sets.map((s) => ({ value: s.id, label: s.name }))}
              onChange={(v: number) => set({ contributionSetId: v })}
              popupMatchSelectWidth={false}
              data-testid="field-contribution-set"
            />
          </Col>
          <Col span={16} offset={8}>
            {label(m.laterContributionSets)}
            <Select
              mode="multiple"
              style={{ width: '100%' }}
              value={d.laterContributionSetIds}
              options={laterSetOptions(d, sets, m.laterContributionSetsFrom)}
              placeholder={m.laterContributionSetsNone}
              onChange={(ids: number[]) => set({ laterContributionSetIds: byDate(sets, ids) })}
              popupMatchSelectWidth={false}
              data-testid="field-later-contribution-sets"
            />
          </Col>
        </Row>
      </Card>
    );
  },
  (a, b) =>
    a.guides === b.guides &&
    a.sets === b.sets &&
    a.versionText === b.versionText &&
    a.set === b.set &&
    a.pickGuide === b.pickGuide &&
    (Object.keys(a.d) as (keyof InfoFields)[]).every((k) => a.d[k] === b.d[k]),
);

export function ProjectInfoCard(p: {
  draft: ProjectDraft;
  guides: Guides;
  sets: ContributionSets;
  versionText: string;
  set: Set;
  pickGuide: (id: number) => Promise<void>;
}) {
  const d = p.draft;
  const fields: InfoFields = {
    name: d.name,
    purchaser: d.purchaser,
    provider: d.provider,
    periodStart: d.periodStart,
    periodMonths: d.periodMonths,
    guideId: d.guideId,
    contributionSetId: d.contributionSetId,
    laterContributionSetIds: d.laterContributionSetIds,
  };
  return <InfoCard d={fields} guides={p.guides} sets={p.sets} versionText={p.versionText} set={p.set} pickGuide={p.pickGuide} />;
}

type FeeFields = Pick<
  ProjectDraft,
  | 'managementPercent'
  | 'taxMethod'
  | 'taxPercent'
  | 'vatPercent'
  | 'surchargePercent'
  | 'minLabourPercent'
  | 'maxManagementPercent'
  | 'pricePerPostYear'
  | 'purchasePosts'
>;

const Fees = memo(
  function Fees(p: { d: FeeFields; set: Set }) {
    const { d, set } = p;
    const m = useMessages(projectMessages);
    return (
      <Card size="small" title={m.feesTitle} style={{ marginBottom: 12 }}>
        <div style={FIELD_ROW}>
          <div style={FIELD}>
            {label(m.managementPercent)}
            <Input value={d.managementPercent} onChange={(e) => set({ managementPercent: e.target.value })} suffix="%" data-testid="field-management" />
          </div>
          <div>
            {label(m.taxMethod)}
            <Radio.Group value={d.taxMethod} onChange={(e) => set({ taxMethod: e.target.value as ProjectDraft['taxMethod'] })} data-testid="field-tax-method">
              <Radio.Button value="simple">{m.taxSimple}</Radio.Button>
              <Radio.Button value="gross-up">{m.taxGrossUp}</Radio.Button>
            </Radio.Group>
          </div>
          {d.taxMethod === 'simple' ? (
            <div style={FIELD}>
              {label(m.taxPercent)}
              <Input value={d.taxPercent} onChange={(e) => set({ taxPercent: e.target.value })} suffix="%" data-testid="field-tax-rate" />
            </div>
          ) : (
            <>
              <div style={FIELD}>
                {label(m.vatPercent)}
                <Input value={d.vatPercent} onChange={(e) => set({ vatPercent: e.target.value })} suffix="%" data-testid="field-vat" />
              </div>
              <div style={FIELD}>
                {label(m.surchargePercent)}
                <Input value={d.surchargePercent} onChange={(e) => set({ surchargePercent: e.target.value })} suffix="%" data-testid="field-surcharge" />
              </div>
            </>
          )}
          <div style={FIELD}>
            {label(m.minLabourPercent)}
            <Input
              value={d.minLabourPercent}
              placeholder={m.noLimit}
              onChange={(e) => set({ minLabourPercent: e.target.value })}
              suffix="%"
              data-testid="field-min-labour"
            />
          </div>
          <div style={FIELD}>
            {label(m.maxManagementPercent)}
            <Input
              value={d.maxManagementPercent}
              placeholder={m.noLimit}
              onChange={(e) => set({ maxManagementPercent: e.target.value })}
              suffix="%"
              data-testid="field-max-management"
            />
          </div>
          <div style={FIELD}>
            {label(m.pricePerPostYear)}
            <Input
              value={d.pricePerPostYear}
              placeholder={m.noComparison}
              onChange={(e) => set({ pricePerPostYear: e.target.value })}
              data-testid="field-price-per-post"
            />
          </div>
          <div style={FIELD}>
            {label(m.purchasePosts)}
            <Input
              value={d.purchasePosts}
              placeholder={m.byHeadcount}
              onChange={(e) => set({ purchasePosts: e.target.value })}
              data-testid="field-purchase-posts"
            />
          </div>
        </div>
      </Card>
    );
  },
  (a, b) => a.set === b.set && (Object.keys(a.d) as (keyof FeeFields)[]).every((k) => a.d[k] === b.d[k]),
);

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
  const m = useMessages(projectMessages);
  return (
    <Card size="small" title={m.notes} style={{ marginTop: 12 }}>
      <Input.TextArea rows={3} value={notes} onChange={(e) => set({ notes: e.target.value })} />
    </Card>
  );
});
