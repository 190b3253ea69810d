import { Alert, Card, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ratioToPercent } from '../../../src/core/money/percent';
import { api } from '../../api';
import { inLanguage, problemsOf } from '../../components/feedback';
import { useI18n, useMessages } from '../../i18n';
import { type CertificationAnswer, certificationLines, certifiedNeeded, type QuotaCommunity, rosterCertified } from './certificationAtQuota';
import { planMessages } from './messages';

/**
 * 持证率（按满编员额）, under the plan's results: per 城市 / 农村, the certified workers the plan's
 * full quota needs at the target in force on the plan's date (城市 100 %, 农村 80 %, dated parameters
 * of the grading scheme), against the certified staff of the community list, and the gap
 * (`roster.planCertification`); then the roster's certified workers in the plan's districts against
 * the whole need (`roster.stats`, one district at a time).
 */
export function CertificationAtQuota({ communities, districts, date }: { communities: readonly QuotaCommunity[]; districts: readonly string[]; date: string }) {
  const m = useMessages(planMessages);
  const { lang } = useI18n();
  const [answer, setAnswer] = useState<CertificationAnswer | null>(null);
  const [roster, setRoster] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    api['roster.planCertification']({ on: date, lines: certificationLines(communities) }).then(
      (a) => live && setAnswer(a),
      (e: unknown) => {
        if (!live) return;
        setAnswer(null);
        setError(problemsOf(inLanguage(e, lang)).message);
      },
    );
    Promise.all(districts.map((district) => api['roster.stats']({ on: date, filter: { district }, demand: null }))).then(
      (all) => live && setRoster(all.reduce((n, s) => n + rosterCertified(s.stats.byCertificate), 0)),
      () => live && setRoster(null),
    );
    return () => {
      live = false;
    };
  }, [communities, districts, date, lang]);

  const rows = (answer?.lines ?? []).map((l) => ({ ...l, needed: certifiedNeeded(l.target, l.quota) }));
  const needed = rows.reduce((n, r) => n + r.needed, 0);
  const percent = (ratio: string) => `${ratioToPercent(ratio)} %`;
  return (
    <Card size="small" style={{ marginTop: 16 }} title={m.certTitle} data-testid="plan-certification">
      <Typography.Paragraph type="secondary">{m.certHint}</Typography.Paragraph>
      {error && <Alert type="warning" showIcon message={m.certFailed} description={error} />}
      {answer && (
        <>
          <Table
            size="small"
            rowKey="kind"
            pagination={false}
            dataSource={rows}
            data-testid="plan-certification-table"
            columns={[
              { title: m.certArea, dataIndex: 'kind', render: (k: 'urban' | 'rural') => (k === 'urban' ? m.certUrban : m.certRural) },
              { title: m.certQuota, dataIndex: 'quota', align: 'right' },
              { title: m.certTarget, dataIndex: 'target', align: 'right', render: (t: string) => percent(t) },
              { title: m.certNeeded, dataIndex: 'needed', align: 'right' },
              { title: m.certHeld, dataIndex: 'certified', align: 'right' },
              { title: m.certRate, dataIndex: 'rate', align: 'right', render: (r: string | null) => (r === null ? '—' : percent(r)) },
              {
                title: m.certShortfall,
                dataIndex: 'shortfall',
                align: 'right',
                render: (n: number) => <Typography.Text type={n > 0 ? 'danger' : 'success'}>{n}</Typography.Text>,
              },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {m.certTargetFrom(answer.target.effectiveFrom)}
          </Typography.Paragraph>
          {roster !== null && districts.length > 0 && (
            <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }} data-testid="plan-certification-roster">
              {m.certRoster([...districts], roster, needed)} <Typography.Text type="secondary">{m.certRosterNote}</Typography.Text>
            </Typography.Paragraph>
          )}
        </>
      )}
    </Card>
  );
}
