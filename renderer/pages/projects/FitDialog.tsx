import { useState } from 'react';
import { Alert, Button, Descriptions, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import type { FitVary } from '../../../src/core/budget/fitTotal';
import type { ProjectBudgetRefs } from '../../../src/core/budget/pipeline';
import { formatMoney, formatPercent, toFixed, toPlainString } from '../../../src/core/money/decimal';
import { useI18n, useMessages } from '../../i18n';
import type { ProjectDraft } from './draft';
import { fitDraft, withFittedCounts, withFittedRate, type FitAnswer } from './fitDraft';
import { toolMessages } from './toolMessages';

/**
 * 倒算 in the editor (fitDraft.ts): the purchaser's ceiling, one line or the whole mix; shows the
 * largest staffing that fits, the remainder and the highest management fee rate; 应用 hands the
 * edited draft back to the editor as one undoable edit.
 */
interface Props {
  draft: ProjectDraft;
  refs: ProjectBudgetRefs | null;
  /** the draft is a whole valid project (no bad line): only then can it be fitted */
  valid: boolean;
  onApply(update: (d: ProjectDraft) => ProjectDraft): void;
  onClose(): void;
}

export default function FitDialog({ draft, refs, valid, onApply, onClose }: Props) {
  const t = useMessages(toolMessages);
  const { lang } = useI18n();
  const [ceiling, setCeiling] = useState('');
  const [kind, setKind] = useState<FitVary['kind']>('mix');
  const [line, setLine] = useState(0);
  const [answer, setAnswer] = useState<FitAnswer | null>(null);
  const vary: FitVary = kind === 'mix' ? { kind: 'mix' } : { kind: 'line', line };

  const compute = () => setAnswer(fitDraft(draft, refs, ceiling, vary, lang));
  const fit = answer?.ok ? answer.fit : null;
  const apply = (withRate: boolean) => {
    if (!fit) return;
    onApply((d) => (withRate ? withFittedRate(withFittedCounts(d, fit), fit) : withFittedCounts(d, fit)));
  };

  return (
    <Modal
      open
      title={t.fitTitle}
      onCancel={onClose}
      width={620}
      footer={
        <Space>
          <Button onClick={onClose}>{t.cancel}</Button>
          <Button disabled={!fit} onClick={() => apply(true)} data-testid="fit-apply-rate">
            {t.applyRate}
          </Button>
          <Button type="primary" disabled={!fit} onClick={() => apply(false)} data-testid="fit-apply">
            {t.applyCounts}
          </Button>
        </Space>
      }
    >
      <div data-testid="fit-dialog">
        {!valid && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t.needsValid} data-testid="fit-needs-valid" />}
        <Space direction="vertical" style={{ width: '100%' }}>
          <div>
            <Typography.Text type="secondary">{t.ceiling}</Typography.Text>
            <Input
              value={ceiling}
              onChange={(e) => setCeiling(e.target.value)}
              onPressEnter={compute}
              status={answer && !answer.ok && answer.reason === 'ceiling' ? 'error' : undefined}
              data-testid="fit-ceiling"
            />
          </div>
          <div>
            <Typography.Text type="secondary">{t.vary}</Typography.Text>
            <div>
              <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as FitVary['kind'])} data-testid="fit-vary">
                <Radio value="mix">{t.varyMix}</Radio>
                <Radio value="line">{t.varyLine}</Radio>
              </Radio.Group>
              {kind === 'line' && (
                <Select
                  style={{ minWidth: 260 }}
                  value={line}
                  onChange={(v: number) => setLine(v)}
                  popupMatchSelectWidth={false}
                  options={draft.staff.map((s, i) => ({ value: i, label: t.lineOption(i + 1, s.post, s.grade, s.count) }))}
                  data-testid="fit-line"
                />
              )}
            </div>
          </div>
          <Button type="primary" onClick={compute} disabled={!valid} data-testid="fit-compute">
            {t.compute}
          </Button>
          {answer && !answer.ok && (
            <Alert
              type={answer.reason === 'invalid' ? 'warning' : 'error'}
              showIcon
              data-testid="fit-problem"
              message={answer.reason === 'invalid' ? t.needsValid : answer.reason === 'ceiling' ? t.ceilingBad : answer.message}
            />
          )}
          {fit && (
            <Descriptions size="small" column={1} bordered data-testid="fit-result">
              <Descriptions.Item label={t.largest}>
                <div data-testid="fit-counts">
                  {fit.scale && <div>{t.scale(toFixed(fit.scale, 2))}</div>}
                  {draft.staff.map((s, i) =>
                    toPlainString(fit.counts[i]!) === s.count.trim() && fit.vary.kind === 'line' && fit.vary.line !== i ? null : (
                      <div key={s.key}>
                        {t.lineOption(i + 1, s.post, s.grade, s.count)}：{t.countChange(s.count, toPlainString(fit.counts[i]!))}
                      </div>
                    ),
                  )}
                </div>
              </Descriptions.Item>
              <Descriptions.Item label={t.fittedTotal}>
                <span data-testid="fit-total">{t.yuan(formatMoney(fit.budget.result.totals.total))}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t.remainder}>
                <span data-testid="fit-remainder">{t.yuan(formatMoney(fit.remainder))}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t.maxRate}>
                <span data-testid="fit-max-rate">{formatPercent(fit.maxManagementRate, 2)}</span>
              </Descriptions.Item>
            </Descriptions>
          )}
        </Space>
      </div>
    </Modal>
  );
}
