import { useCallback, useEffect, useState } from 'react';
import { Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { CopyOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { StoredContributionSet } from '../../../src/contributions/schema';
import { showApiError, showDone } from '../../components/feedback';
import { navigate } from '../../components/useHashRoute';
import { dateTime } from '../../format';
import { projectApi, type GuideListItem, type ProjectListItem } from './projectApi';

/** The list of project budgets: open, create, duplicate, delete (after asking). */
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
  const [projects, setProjects] = useState<ProjectListItem[] | null>(null);
  const [guides, setGuides] = useState<GuideListItem[]>([]);
  const [sets, setSets] = useState<StoredContributionSet[]>([]);
  const [creating, setCreating] = useState(false);
  const [duplicating, setDuplicating] = useState<ProjectListItem | null>(null);
  const [dupName, setDupName] = useState('');
  const [form] = Form.useForm<NewProjectValues>();

  const reload = useCallback(async () => {
    try {
      const [p, g, s] = await Promise.all([projectApi.list(), projectApi.guides(), projectApi.contributionSets()]);
      setProjects(p);
      setGuides(g);
      setSets(s);
    } catch (e) {
      showApiError('无法读取项目列表', e);
      setProjects([]);
    }
  }, []);
  useEffect(() => void reload(), [reload]);

  const create = async () => {
    const v = await form.validateFields();
    try {
      const created = await projectApi.create({
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
      showApiError('新建项目失败', e);
    }
  };

  const duplicate = async () => {
    if (!duplicating) return;
    try {
      const copy = await projectApi.duplicate(duplicating.id, dupName);
      setDuplicating(null);
      showDone(`已复制为“${copy.name}”`);
      await reload();
    } catch (e) {
      showApiError('复制项目失败', e);
    }
  };

  const remove = async (p: ProjectListItem) => {
    try {
      await projectApi.delete(p.id);
      showDone(`已删除“${p.name}”`);
      await reload();
    } catch (e) {
      showApiError('删除项目失败', e);
    }
  };

  return (
    <div data-testid="project-list">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          项目预算
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          data-testid="new-project"
          onClick={() => {
            form.setFieldsValue({ name: '', purchaser: '', provider: '', periodStart: thisMonth(), periodMonths: '12', guideId: guides[0]?.id, contributionSetId: sets[0]?.id });
            setCreating(true);
          }}
        >
          新建项目
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
            title: '项目名称',
            dataIndex: 'name',
            render: (name: string, p) => (
              <Space>
                <a onClick={() => navigate('projects', p.id)} data-testid="project-link">
                  {name}
                </a>
                {p.sample && <Tag color="blue">示例</Tag>}
              </Space>
            ),
          },
          { title: '购买主体', dataIndex: 'purchaser' },
          { title: '承接主体', dataIndex: 'provider' },
          { title: '服务期', render: (_, p) => `${p.periodStart} 起 ${p.periodMonths} 个月` },
          { title: '薪酬指导价', dataIndex: 'guideName' },
          { title: '人员/费用行', render: (_, p) => `${p.staffLines} / ${p.costLines}` },
          { title: '更新时间', dataIndex: 'updatedAt', render: (t: string) => dateTime(t) },
          {
            title: '操作',
            render: (_, p) => (
              <Space>
                <Button
                  size="small"
                  icon={<CopyOutlined />}
                  onClick={() => {
                    setDupName(`${p.name}（副本）`);
                    setDuplicating(p);
                  }}
                >
                  复制
                </Button>
                <Popconfirm title={`确定删除“${p.name}”？`} description="删除后无法恢复。" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => remove(p)}>
                  <Button size="small" danger icon={<DeleteOutlined />} data-testid="delete-project">
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal title="新建项目" open={creating} onOk={() => void create()} onCancel={() => setCreating(false)} okText="创建" cancelText="取消" forceRender>
        <Form form={form} layout="vertical" data-testid="new-project-form">
          <Form.Item name="name" label="项目名称" rules={[{ required: true, whitespace: true, message: '请填写项目名称' }]}>
            <Input data-testid="new-name" />
          </Form.Item>
          <Form.Item name="purchaser" label="购买主体">
            <Input data-testid="new-purchaser" />
          </Form.Item>
          <Form.Item name="provider" label="承接主体">
            <Input />
          </Form.Item>
          <Space>
            <Form.Item name="periodStart" label="起始月份" rules={[{ required: true, pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: '格式如 2026-01' }]}>
              <Input data-testid="new-period-start" />
            </Form.Item>
            <Form.Item name="periodMonths" label="服务月数" rules={[{ required: true, pattern: /^[1-9]\d*$/, message: '请填写正整数' }]}>
              <Input />
            </Form.Item>
          </Space>
          <Form.Item name="guideId" label="薪酬指导价" rules={[{ required: true, message: '请选择薪酬指导价' }]}>
            <Select options={guides.map((g) => ({ value: g.id, label: g.name }))} data-testid="new-guide" />
          </Form.Item>
          <Form.Item name="contributionSetId" label="社保公积金参数" rules={[{ required: true, message: '请选择社保公积金参数' }]}>
            <Select options={sets.map((s) => ({ value: s.id, label: s.name }))} data-testid="new-contribution-set" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal title="复制项目" open={duplicating !== null} onOk={() => void duplicate()} onCancel={() => setDuplicating(null)} okText="复制" cancelText="取消">
        <Typography.Paragraph>新项目名称：</Typography.Paragraph>
        <Input value={dupName} onChange={(e) => setDupName(e.target.value)} data-testid="duplicate-name" />
      </Modal>
    </div>
  );
}
