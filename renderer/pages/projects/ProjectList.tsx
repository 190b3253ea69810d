import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CopyOutlined, DeleteOutlined, DiffOutlined, FileExcelOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { COMPARE_MAX, COMPARE_MIN } from '../../../src/core/compare/compareBudgets';
import { compare, parseDecimal } from '../../../src/core/money/decimal';
import { showApiError, showDone } from '../../components/feedback';
import { navigate } from '../../components/useHashRoute';
import { dateTime, yuan } from '../../format';
import { api, type ApiOutput } from '../../api';
import { type Lang, schemaMessage, useI18n, useMessages } from '../../i18n';
import { compareMessages } from '../compare/messages';
import ImportTablesDialog from './ImportTablesDialog';
import { importTablesMessages, projectMessages, type ProjectMessages } from './messages';

/**
 * The list of project budgets, each priced by the API (projects.summaries) as the editor prices it:
 * total, headcount, the checks' verdict, the guide version in force. Search, sort by any column,
 * filter by verdict; open, create, duplicate (and open the copy), delete (after asking). A project
 * with a kept draft says 草稿·有错误; projects can be ticked for 对比.
 */
type ProjectListItem = ApiOutput<'projects.summaries'>[number];
type GuideListItem = ApiOutput<'guides.list'>[number];
type ContributionSetItem = ApiOutput<'contributions.list'>[number];
type KeptDraft = ApiOutput<'drafts.list'>[number];

/** The checks' verdict on a project, worst first: what the status filter picks. */
type Verdict = 'cannotPrice' | 'errors' | 'warnings' | 'pass';

function verdictOf(p: ProjectListItem): Verdict {
  if (p.failure !== null) return 'cannotPrice';
  if (p.errors > 0) return 'errors';
  if (p.warnings > 0) return 'warnings';
  return 'pass';
}

const VERDICT_ORDER: Record<Verdict, number> = { cannotPrice: 0, errors: 1, warnings: 2, pass: 3 };

/** amounts compare exactly; a project without a total sorts below every total */
function compareAmounts(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return compare(parseDecimal(a), parseDecimal(b));
}

function matches(p: ProjectListItem, query: string): boolean {
  const q = query.trim().toLowerCase();
  return q === '' || [p.name, p.purchaser, p.provider].some((t) => t.toLowerCase().includes(q));
}

/** Headers on one line: a two-character header broken into two lines reads as two words. */
function withNowrapHeaders<T>(columns: ColumnsType<T>): ColumnsType<T> {
  return columns.map((c) => (c.onHeaderCell ? c : { ...c, onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }) }));
}

function thisMonth(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** Why a project cannot be priced, in the user's language: each "path: 中文 / English" line keeps its path. */
function failureText(failure: string, lang: Lang): string {
  return failure
    .split('\n')
    .map((line) => {
      const cut = line.indexOf(': ');
      return cut > 0 ? `${line.slice(0, cut)}: ${schemaMessage(line.slice(cut + 2), lang)}` : schemaMessage(line, lang);
    })
    .join(lang === 'zh' ? '；' : '; ');
}

/** The checks' verdict as tags: "2 项错误", "1 项警告", "通过", or "无法计算" with the reason. */
function CheckTags({ p, m, lang }: { p: ProjectListItem; m: ProjectMessages; lang: Lang }) {
  if (p.failure !== null) {
    return (
      <Tooltip title={m.cannotPriceWhy(failureText(p.failure, lang))}>
        <Tag color="red" data-testid="project-cannot-price">
          {m.cannotPrice}
        </Tag>
      </Tooltip>
    );
  }
  if (p.errors === 0 && p.warnings === 0) {
    return (
      <Tag color="green" data-testid="project-checks-pass">
        {m.checksPass}
      </Tag>
    );
  }
  return (
    <Space size={4} wrap>
      {p.errors > 0 && (
        <Tag color="red" data-testid="project-errors">
          {m.errorCount(p.errors)}
        </Tag>
      )}
      {p.warnings > 0 && (
        <Tag color="orange" data-testid="project-warnings">
          {m.warningCount(p.warnings)}
        </Tag>
      )}
    </Space>
  );
}

interface NewProjectValues {
  name: string;
  purchaser: string;
  provider: string;
  periodStart: string;
  periodMonths: string;
  guideId: number;
  contributionSetId: number;
}

export default function ProjectList() {
  const m = useMessages(projectMessages);
  const cm = useMessages(compareMessages);
  const im = useMessages(importTablesMessages);
  /** 从表格导入 open */
  const [importing, setImporting] = useState(false);
  const listFailed = useRef(m.listFailed);
  listFailed.current = m.listFailed;
  const [projects, setProjects] = useState<ProjectListItem[] | null>(null);
  const [guides, setGuides] = useState<GuideListItem[]>([]);
  const [sets, setSets] = useState<ContributionSetItem[]>([]);
  const [creating, setCreating] = useState(false);
  const [duplicating, setDuplicating] = useState<ProjectListItem | null>(null);
  const [dupName, setDupName] = useState('');
  const [query, setQuery] = useState('');
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  /** projects with a kept draft (草稿·有错误), by id */
  const [drafts, setDrafts] = useState<Map<number, KeptDraft>>(new Map());
  /** projects ticked for 对比 */
  const [selected, setSelected] = useState<number[]>([]);
  const [form] = Form.useForm<NewProjectValues>();
  const { lang } = useI18n();

  const reload = useCallback(async () => {
    try {
      const [p, g, s, d] = await Promise.all([api['projects.summaries']({}), api['guides.list']({}), api['contributions.list']({}), api['drafts.list']({})]);
      setProjects(p);
      // a deleted project leaves the selection
      setSelected((ids) => ids.filter((id) => p.some((x) => x.id === id)));
      setDrafts(new Map(d.map((x) => [x.projectId, x])));
      setGuides(g);
      setSets(s);
    } catch (e) {
      showApiError(listFailed.current, e);
      setProjects([]);
    }
  }, []);
  useEffect(() => void reload(), [reload]);

  const create = async () => {
    // a field that fails shows its own message under it; the rejection needs no more handling
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      const created = await api['projects.create']({
        name: v.name,
        purchaser: v.purchaser ?? '',
        provider: v.provider ?? '',
        periodStart: v.periodStart,
        periodMonths: Number(v.periodMonths),
        guideId: v.guideId,
        contributionSetId: v.contributionSetId,
        staff: [],
        costs: [],
        managementRate: '0',
        tax: { method: 'simple', rate: '0' },
        rules: {},
        purchaseByPost: null,
        notes: '',
        sample: false,
      });
      setCreating(false);
      navigate('projects', created.id);
    } catch (e) {
      showApiError(m.createFailed, e);
    }
  };

  const duplicate = async () => {
    if (!duplicating) return;
    try {
      const copy = await api['projects.duplicate']({ id: duplicating.id, name: dupName });
      setDuplicating(null);
      showDone(m.duplicated(copy.name));
      // a copy is made to be changed: open it
      navigate('projects', copy.id);
    } catch (e) {
      showApiError(m.duplicateFailed, e);
    }
  };

  const remove = async (p: ProjectListItem) => {
    try {
      await api['projects.delete']({ id: p.id });
      showDone(m.deleted(p.name));
      await reload();
    } catch (e) {
      showApiError(m.deleteFailed, e);
    }
  };

  const shown = useMemo(() => (projects ?? []).filter((p) => matches(p, query) && (verdict === null || verdictOf(p) === verdict)), [projects, query, verdict]);
  const collator = useMemo(() => new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en'), [lang]);
  const byText = (key: 'name' | 'purchaser' | 'provider') => (a: ProjectListItem, b: ProjectListItem) => collator.compare(a[key], b[key]);

  const columns: ColumnsType<ProjectListItem> = withNowrapHeaders([
    {
      title: m.projectName,
      key: 'name',
      sorter: byText('name'),
      // the name is what the user looks for: it gets the room, the guide's long name wraps instead
      onCell: () => ({ style: { minWidth: 180 } }),
      render: (_, p) => (
        <Space size={4} wrap>
          <a onClick={() => navigate('projects', p.id)} data-testid="project-link">
            {p.name}
          </a>
          {p.sample && <Tag color="blue">{m.sample}</Tag>}
          {drafts.has(p.id) && (
            <Tooltip title={m.draftTagHint(dateTime(drafts.get(p.id)!.savedAt))}>
              <Tag color="red" data-testid="project-draft">
                {m.stateDraft}
              </Tag>
            </Tooltip>
          )}
          {p.submittedAt && (
            <Tooltip title={m.submittedTagHint(dateTime(p.submittedAt))}>
              <Tag color="green" data-testid="project-submitted">
                {m.submittedTag}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      // one column, purchaser over provider: two columns of short names cost the room the money needs at 1280 px
      title: m.parties,
      key: 'parties',
      sorter: (a, b) => byText('purchaser')(a, b) || byText('provider')(a, b),
      onHeaderCell: () => ({ style: { whiteSpace: 'normal', minWidth: 96 } }),
      render: (_, p) => (
        <>
          <div data-testid="project-purchaser">{p.purchaser}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="project-provider">
            {p.provider}
          </Typography.Text>
        </>
      ),
    },
    {
      title: m.period,
      key: 'period',
      sorter: (a, b) => a.periodStart.localeCompare(b.periodStart) || a.periodEnd.localeCompare(b.periodEnd),
      render: (_, p) => (
        <>
          <div style={{ whiteSpace: 'nowrap' }} data-testid="project-period">
            {m.periodText(p.periodStart, p.periodEnd)}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m.monthCount(p.months)}
          </Typography.Text>
        </>
      ),
    },
    {
      title: m.guide,
      key: 'guide',
      sorter: (a, b) => collator.compare(a.guideName, b.guideName) || collator.compare(a.versionLabel ?? '', b.versionLabel ?? ''),
      render: (_, p) => (
        <>
          <div>{p.guideName}</div>
          {p.versionLabel === null ? (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {m.noVersionInForce}
            </Typography.Text>
          ) : (
            <Tooltip title={m.versionHint}>
              <Tag style={{ marginTop: 2 }} data-testid="project-version">
                {p.versionLabel}
              </Tag>
            </Tooltip>
          )}
        </>
      ),
    },
    {
      title: m.listTotal,
      key: 'total',
      align: 'right',
      sorter: (a, b) => compareAmounts(a.total, b.total),
      render: (_, p) => (
        <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} data-testid="project-total">
          {yuan(p.total)}
        </span>
      ),
    },
    {
      title: m.headcount,
      key: 'headcount',
      align: 'right',
      sorter: (a, b) => compareAmounts(a.headcount, b.headcount),
      render: (_, p) => (
        <Tooltip title={m.linesText(p.staffLines, p.costLines)}>
          <span data-testid="project-headcount">{p.headcount}</span>
        </Tooltip>
      ),
    },
    {
      title: m.checkStatus,
      key: 'checks',
      sorter: (a, b) => VERDICT_ORDER[verdictOf(a)] - VERDICT_ORDER[verdictOf(b)] || b.errors - a.errors || b.warnings - a.warnings,
      render: (_, p) => <CheckTags p={p} m={m} lang={lang} />,
    },
    {
      title: m.updatedAt,
      dataIndex: 'updatedAt',
      sorter: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
      // date over time: the column stays narrow
      render: (t: string) => {
        const [date, time] = dateTime(t).split(' ');
        return (
          <>
            <div style={{ whiteSpace: 'nowrap' }}>{date}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {time}
            </Typography.Text>
          </>
        );
      },
    },
    {
      title: m.actions,
      key: 'actions',
      render: (_, p) => (
        // icon buttons named by the browser's own tooltip (title): an antd tooltip would lie over the 删除 confirmation
        <Space size={4}>
          <Button
            size="small"
            icon={<CopyOutlined />}
            title={m.duplicate}
            aria-label={m.duplicate}
            data-testid="duplicate-project"
            onClick={() => {
              setDupName(m.copyName(p.name));
              setDuplicating(p);
            }}
          />
          <Popconfirm
            title={m.confirmDelete(p.name)}
            description={m.cannotUndo}
            okText={m.delete}
            okButtonProps={{ danger: true }}
            cancelText={m.cancel}
            onConfirm={() => remove(p)}
          >
            <Button size="small" danger icon={<DeleteOutlined />} title={m.delete} aria-label={m.delete} data-testid="delete-project" />
          </Popconfirm>
        </Space>
      ),
    },
  ]);

  return (
    <div data-testid="project-list">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {m.title}
        </Typography.Title>
        <Space>
          <Button icon={<FileExcelOutlined />} onClick={() => setImporting(true)} data-testid="import-tables">
            {im.open}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="new-project"
            onClick={() => {
              form.setFieldsValue({
                name: '',
                purchaser: '',
                provider: '',
                periodStart: thisMonth(),
                periodMonths: '12',
                guideId: guides[0]?.id,
                contributionSetId: sets[0]?.id,
              });
              setCreating(true);
            }}
          >
            {m.newProject}
          </Button>
        </Space>
      </Space>
      <Space style={{ marginBottom: 12 }} wrap>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={m.search}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          style={{ width: 300 }}
          data-testid="project-search"
        />
        <Select<Verdict>
          allowClear
          placeholder={m.statusAll}
          value={verdict ?? undefined}
          onChange={(v) => setVerdict(v ?? null)}
          style={{ width: 140 }}
          options={[
            { value: 'errors', label: m.statusErrors },
            { value: 'warnings', label: m.statusWarnings },
            { value: 'pass', label: m.statusPass },
            { value: 'cannotPrice', label: m.statusCannotPrice },
          ]}
          data-testid="project-status-filter"
        />
        {/* 对比 opens the comparison page (#/compare/<ids>) with the 2 to 10 projects ticked, in the order ticked */}
        <Tooltip
          title={
            selected.length > COMPARE_MAX ? cm.tooMany(selected.length) : selected.length < COMPARE_MIN ? cm.compareHint : cm.compareCount(selected.length)
          }
        >
          <Button
            icon={<DiffOutlined />}
            disabled={selected.length < COMPARE_MIN || selected.length > COMPARE_MAX}
            onClick={() => navigate('compare', ...selected.filter((id) => (projects ?? []).some((p) => p.id === id)))}
            data-testid="compare-projects"
          >
            {m.compare}
          </Button>
        </Tooltip>
        {selected.length > 0 && (
          <Typography.Text type="secondary" data-testid="project-selected">
            {m.selectedCount(selected.length)}
          </Typography.Text>
        )}
        {projects !== null && shown.length !== projects.length && (
          <Typography.Text type="secondary" data-testid="project-shown">
            {m.shownOf(shown.length, projects.length)}
          </Typography.Text>
        )}
      </Space>
      <Table<ProjectListItem>
        rowKey="id"
        // a search or filter hides rows but keeps their ticks: 已选 counts them and 对比 takes them
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), columnWidth: 32, preserveSelectedRowKeys: true }}
        loading={projects === null}
        dataSource={shown}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        size="small"
        tableLayout="auto"
        onRow={(p) => ({ onDoubleClick: () => navigate('projects', p.id) })}
        columns={columns}
        showSorterTooltip={false}
      />
      <Modal
        title={m.newProject}
        open={creating}
        onOk={() => void create()}
        onCancel={() => setCreating(false)}
        okText={m.create}
        cancelText={m.cancel}
        forceRender
      >
        <Form form={form} layout="vertical" data-testid="new-project-form">
          <Form.Item name="name" label={m.projectName} rules={[{ required: true, whitespace: true, message: m.enterName }]}>
            <Input data-testid="new-name" />
          </Form.Item>
          <Form.Item name="purchaser" label={m.purchaser}>
            <Input data-testid="new-purchaser" />
          </Form.Item>
          <Form.Item name="provider" label={m.provider}>
            <Input />
          </Form.Item>
          <Space>
            <Form.Item name="periodStart" label={m.periodStart} rules={[{ required: true, pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: m.monthFormat }]}>
              <Input data-testid="new-period-start" />
            </Form.Item>
            <Form.Item name="periodMonths" label={m.periodMonths} rules={[{ required: true, pattern: /^[1-9]\d*$/, message: m.positiveInteger }]}>
              <Input />
            </Form.Item>
          </Space>
          <Form.Item name="guideId" label={m.guide} rules={[{ required: true, message: m.pickGuide }]}>
            <Select options={guides.map((g) => ({ value: g.id, label: g.name }))} data-testid="new-guide" />
          </Form.Item>
          <Form.Item name="contributionSetId" label={m.contributionSet} rules={[{ required: true, message: m.pickContributionSet }]}>
            <Select options={sets.map((s) => ({ value: s.id, label: s.name }))} data-testid="new-contribution-set" />
          </Form.Item>
        </Form>
      </Modal>
      {importing && (
        <ImportTablesDialog
          open
          guides={guides}
          sets={sets}
          initial={{ name: '', periodStart: thisMonth(), periodMonths: '12', guideId: guides[0]?.id, contributionSetId: sets[0]?.id }}
          onClose={() => setImporting(false)}
        />
      )}
      <Modal
        title={m.duplicateTitle}
        open={duplicating !== null}
        onOk={() => void duplicate()}
        onCancel={() => setDuplicating(null)}
        okText={m.duplicate}
        cancelText={m.cancel}
      >
        <Typography.Paragraph>{m.newName}</Typography.Paragraph>
        <Input value={dupName} onChange={(e) => setDupName(e.target.value)} data-testid="duplicate-name" />
      </Modal>
    </div>
  );
}
