import { useEffect, useMemo, useState } from 'react';
import { Alert, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Typography } from 'antd';
import { type ApiOutput, api } from '../../api';
import { problemsOf, showDone, useShowApiError } from '../../components/feedback';
import { navigate } from '../../components/useHashRoute';
import { schemaMessage, useI18n, useMessages } from '../../i18n';
import { rosterMessages } from './messages';
import type { RosterFilter } from './RosterGrid';

/**
 * 按名册生成项目 (docs/design.md §People: roster and statistics, "Roster → money"): the workers of the
 * roster tab's filter, a pay guide, a contribution set and a period → the staff lines they make
 * (roster.projectPreview, which stores nothing, refreshed as the choices change) with everyone who
 * cannot be priced and why; 生成项目并打开 creates the project and its 名册附表 (roster.toProject) and
 * opens it in the budget editor.
 */
type Preview = ApiOutput<'roster.projectPreview'>;

interface Choices {
  name: string;
  guideId: number | null;
  contributionSetId: number | null;
  periodStart: string;
  periodMonths: number | null;
}

const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function scopeOf(filter: RosterFilter, everyone: string): string {
  const parts = [filter.district, filter.street, filter.community, filter.certificate, filter.postType, filter.name].filter((p): p is string => !!p);
  return parts.length ? parts.join(' / ') : everyone;
}

export function RosterProjectDialog({ filter, onClose }: { filter: RosterFilter; onClose: () => void }) {
  const m = useMessages(rosterMessages);
  const showApiError = useShowApiError();
  const { lang } = useI18n();
  const year = String(new Date().getFullYear());
  const scope = scopeOf(filter, m.everyone);
  const [choices, setChoices] = useState<Choices>({
    name: m.defaultProjectName(scope, year),
    guideId: null,
    contributionSetId: null,
    periodStart: `${year}-01`,
    periodMonths: 12,
  });
  const [guides, setGuides] = useState<ApiOutput<'guides.list'>>([]);
  const [sets, setSets] = useState<ApiOutput<'contributions.list'>>([]);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    Promise.all([api['guides.list']({}), api['contributions.list']({})]).then(
      ([g, c]) => {
        setGuides(g);
        setSets(c);
      },
      (e: unknown) => showApiError(m.previewFailed, e),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the lists are read once when the dialog opens
  }, []);

  const ready = choices.guideId !== null && choices.contributionSetId !== null && YEAR_MONTH.test(choices.periodStart) && choices.periodMonths !== null;
  const request = useMemo(
    () =>
      ready
        ? {
            filter,
            guideId: choices.guideId!,
            contributionSetId: choices.contributionSetId!,
            periodStart: choices.periodStart,
            periodMonths: choices.periodMonths!,
          }
        : null,
    [ready, filter, choices.guideId, choices.contributionSetId, choices.periodStart, choices.periodMonths],
  );

  // the lines follow the choices; an answer to older choices is dropped
  useEffect(() => {
    if (!request) {
      setPreview(null);
      return;
    }
    let current = true;
    api['roster.projectPreview'](request).then(
      (p) => {
        if (!current) return;
        setPreview(p);
        setPreviewError(null);
      },
      (e: unknown) => {
        if (!current) return;
        setPreview(null);
        const { message, problems } = problemsOf(e);
        setPreviewError(schemaMessage(problems[0]?.message ?? message, lang));
      },
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a message in the other language is shown on the next choice
  }, [request]);

  async function create() {
    if (!request) return;
    setCreating(true);
    try {
      const r = await api['roster.toProject']({ ...request, name: choices.name.trim() });
      showDone(m.createdProject(r.name, r.total));
      onClose();
      navigate('projects', r.projectId);
    } catch (e) {
      showApiError(m.createFailed, e);
    } finally {
      setCreating(false);
    }
  }

  const set =
    <K extends keyof Choices>(key: K) =>
    (value: Choices[K]) =>
      setChoices((c) => ({ ...c, [key]: value }));
  return (
    <Modal
      open
      width={900}
      title={m.toProjectTitle(scope)}
      onCancel={onClose}
      onOk={() => void create()}
      okText={m.createProject}
      okButtonProps={{
        disabled: !preview || preview.priced === 0 || choices.name.trim() === '',
        ...({ 'data-testid': 'roster-project-create' } as Record<string, string>),
      }}
      confirmLoading={creating}
    >
      <div data-testid="roster-project-dialog">
        <Typography.Paragraph type="secondary">{m.toProjectIntro}</Typography.Paragraph>
        <Form layout="vertical" size="small">
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item label={m.projectName} required>
                <Input value={choices.name} onChange={(e) => set('name')(e.target.value)} data-testid="roster-project-name" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item label={m.periodStart} required>
                <Input
                  value={choices.periodStart}
                  placeholder="2026-01"
                  onChange={(e) => set('periodStart')(e.target.value.trim())}
                  data-testid="roster-project-start"
                />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item label={m.periodMonths} required>
                <InputNumber
                  min={1}
                  max={600}
                  precision={0}
                  style={{ width: '100%' }}
                  value={choices.periodMonths}
                  onChange={(v) => set('periodMonths')(v)}
                  data-testid="roster-project-months"
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label={m.guide} required>
                <Select
                  value={choices.guideId}
                  options={guides.map((g) => ({ value: g.id, label: g.name }))}
                  onChange={set('guideId')}
                  popupMatchSelectWidth={false}
                  data-testid="roster-project-guide"
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label={m.contributionSet} required>
                <Select
                  value={choices.contributionSetId}
                  options={sets.map((c) => ({ value: c.id, label: c.name }))}
                  onChange={set('contributionSetId')}
                  popupMatchSelectWidth={false}
                  data-testid="roster-project-contributions"
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
        {!request && <Typography.Text type="secondary">{m.chooseFirst}</Typography.Text>}
        {previewError && <Alert type="error" showIcon message={previewError} data-testid="roster-project-error" />}
        {preview && (
          <Space direction="vertical" style={{ width: '100%' }} data-testid="roster-project-preview">
            <Typography.Text type="secondary">{m.guideVersion(preview.guide.name, preview.guide.version)}</Typography.Text>
            <Typography.Text data-testid="roster-project-summary">{m.pricedSummary(preview.people, preview.priced, preview.lines.length)}</Typography.Text>
            <Table
              size="small"
              rowKey={(_, i) => String(i)}
              dataSource={preview.lines}
              pagination={false}
              scroll={{ y: 220 }}
              data-testid="roster-project-lines"
              columns={[
                { title: m.seq, key: 'i', width: 56, render: (_, __, i) => i + 1 },
                { title: m.linePost, dataIndex: 'post' },
                { title: m.lineGrade, dataIndex: 'grade' },
                { title: m.step, dataIndex: 'step', width: 60 },
                { title: m.lineAllowance, dataIndex: 'qualification', render: (q: string | null) => q ?? '—' },
                { title: m.count, dataIndex: 'count', width: 70 },
              ]}
            />
            {preview.unpricedCount > 0 && (
              <Alert
                type="warning"
                showIcon
                data-testid="roster-project-unpriced"
                message={m.unpricedTitle(preview.unpricedCount)}
                description={
                  <>
                    <Table
                      size="small"
                      rowKey={(_, i) => String(i)}
                      dataSource={preview.unpriced}
                      pagination={{ pageSize: 5, hideOnSinglePage: true }}
                      columns={[
                        { title: m.seq, dataIndex: 'seq', width: 64 },
                        { title: m.name, dataIndex: 'name', width: 110 },
                        { title: m.reason, key: 'reason', render: (_, u) => m.reasonText(u.code, u.params) },
                      ]}
                    />
                    {preview.unpricedCount > preview.unpriced.length && (
                      <Typography.Text type="secondary">{m.moreUnpriced(preview.unpricedCount - preview.unpriced.length)}</Typography.Text>
                    )}
                  </>
                }
              />
            )}
          </Space>
        )}
      </div>
    </Modal>
  );
}
