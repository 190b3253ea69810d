import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { CopyOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { showApiError, showDone } from '../../components/feedback';
import { navigate } from '../../components/useHashRoute';
import { dateTime } from '../../format';
import { api, type ApiOutput } from '../../api';
import { useMessages } from '../../i18n';
import { projectMessages } from './messages';

/** The list of project budgets: open, create, duplicate, delete (after asking). */
type ProjectListItem = ApiOutput<'projects.list'>[number];
type GuideListItem = ApiOutput<'guides.list'>[number];
type ContributionSetItem = ApiOutput<'contributions.list'>[number];

function thisMonth(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
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
  const listFailed = useRef(m.listFailed);
  listFailed.current = m.listFailed;
  const [projects, setProjects] = useState<ProjectListItem[] | null>(null);
  const [guides, setGuides] = useState<GuideListItem[]>([]);
  const [sets, setSets] = useState<ContributionSetItem[]>([]);
  const [creating, setCreating] = useState(false);
  const [duplicating, setDuplicating] = useState<ProjectListItem | null>(null);
  const [dupName, setDupName] = useState('');
  const [form] = Form.useForm<NewProjectValues>();

  const reload = useCallback(async () => {
    try {
      const [p, g, s] = await Promise.all([api['projects.list']({}), api['guides.list']({}), api['contributions.list']({})]);
      setProjects(p);
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
      await reload();
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

  return (
    <div data-testid="project-list">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {m.title}
        </Typography.Title>
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
      <Table<ProjectListItem>
        rowKey="id"
        loading={projects === null}
        dataSource={projects ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        size="middle"
        onRow={(p) => ({ onDoubleClick: () => navigate('projects', p.id) })}
        columns={[
          {
            title: m.projectName,
            dataIndex: 'name',
            render: (name: string, p) => (
              <Space>
                <a onClick={() => navigate('projects', p.id)} data-testid="project-link">
                  {name}
                </a>
                {p.sample && <Tag color="blue">{m.sample}</Tag>}
              </Space>
            ),
          },
          { title: m.purchaser, dataIndex: 'purchaser' },
          { title: m.provider, dataIndex: 'provider' },
          { title: m.period, render: (_, p) => m.periodText(p.periodStart, p.periodMonths) },
          { title: m.guide, dataIndex: 'guideName' },
          { title: m.lines, render: (_, p) => `${p.staffLines} / ${p.costLines}` },
          { title: m.updatedAt, dataIndex: 'updatedAt', render: (t: string) => dateTime(t) },
          {
            title: m.actions,
            render: (_, p) => (
              <Space>
                <Button
                  size="small"
                  icon={<CopyOutlined />}
                  onClick={() => {
                    setDupName(m.copyName(p.name));
                    setDuplicating(p);
                  }}
                >
                  {m.duplicate}
                </Button>
                <Popconfirm
                  title={m.confirmDelete(p.name)}
                  description={m.cannotUndo}
                  okText={m.delete}
                  okButtonProps={{ danger: true }}
                  cancelText={m.cancel}
                  onConfirm={() => remove(p)}
                >
                  <Button size="small" danger icon={<DeleteOutlined />} data-testid="delete-project">
                    {m.delete}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
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
