import { CopyOutlined, DeleteOutlined, EditOutlined, FolderOpenOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ApiOutput } from '../../api';
import { useMessages } from '../../i18n';
import { planMessages } from './messages';

/**
 * The saved area plans (区域规划列表): open one, rename, copy, delete (after a confirm), or start a
 * new one. The open plan is marked; the most recently changed come first. While a plan is being
 * opened (`busy`) nothing here can be started.
 */
export type PlanSummary = ApiOutput<'plan.list'>[number];

export function PlanList({
  plans,
  openId,
  onOpen,
  onNew,
  onRename,
  onDuplicate,
  onDelete,
  busy = false,
}: {
  plans: PlanSummary[];
  openId: number | null;
  onOpen: (id: number) => void;
  onNew: () => void;
  onRename: (plan: PlanSummary, name: string) => Promise<boolean>;
  onDuplicate: (plan: PlanSummary) => void;
  onDelete: (plan: PlanSummary) => void;
  busy?: boolean;
}) {
  const m = useMessages(planMessages);
  const [renaming, setRenaming] = useState<{ plan: PlanSummary; name: string } | null>(null);

  return (
    <Card
      size="small"
      title={m.plans}
      extra={
        <Button size="small" icon={<PlusOutlined />} onClick={onNew} disabled={busy} data-testid="plan-new">
          {m.newPlan}
        </Button>
      }
      style={{ marginBottom: 16 }}
    >
      <Table
        size="small"
        rowKey="id"
        dataSource={plans}
        pagination={plans.length > 5 ? { pageSize: 5, size: 'small' } : false}
        data-testid="plan-list"
        onRow={(p) => ({ 'data-testid': `plan-row-${p.name}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: m.planName,
            dataIndex: 'name',
            render: (name: string, p) => (
              <Space size={4} wrap>
                {p.id === openId ? <Typography.Text strong>{name}</Typography.Text> : <Typography.Link onClick={() => onOpen(p.id)}>{name}</Typography.Link>}
                {p.id === openId && <Tag color="blue">{m.opened}</Tag>}
                {p.sample && <Tag>{m.sampleTag}</Tag>}
              </Space>
            ),
          },
          { title: m.planCommunities, dataIndex: 'communities', align: 'right', width: 90 },
          { title: m.planUpdated, dataIndex: 'updatedAt', width: 150, render: (at: string) => new Date(at).toLocaleString() },
          {
            title: m.planActions,
            key: 'actions',
            width: 300,
            render: (_: unknown, p) => (
              <Space size={0} wrap>
                <Button type="link" size="small" icon={<FolderOpenOutlined />} disabled={busy || p.id === openId} onClick={() => onOpen(p.id)}>
                  {m.open}
                </Button>
                <Button
                  type="link"
                  size="small"
                  icon={<EditOutlined />}
                  disabled={busy}
                  onClick={() => setRenaming({ plan: p, name: p.name })}
                  data-testid="plan-rename"
                >
                  {m.rename}
                </Button>
                <Button type="link" size="small" icon={<CopyOutlined />} disabled={busy} onClick={() => onDuplicate(p)}>
                  {m.duplicate}
                </Button>
                <Popconfirm
                  title={m.removeConfirm(p.name)}
                  okText={m.removeOk}
                  cancelText={m.removeCancel}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => onDelete(p)}
                >
                  <Button type="link" size="small" danger icon={<DeleteOutlined />} disabled={busy} data-testid="plan-delete">
                    {m.remove}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={renaming !== null}
        title={m.renameTitle}
        okText={m.renameOk}
        cancelText={m.renameCancel}
        okButtonProps={{ disabled: !renaming?.name.trim() }}
        onCancel={() => setRenaming(null)}
        onOk={async () => {
          if (renaming && (await onRename(renaming.plan, renaming.name.trim()))) setRenaming(null);
        }}
      >
        <Input
          autoFocus
          value={renaming?.name ?? ''}
          onChange={(e) => setRenaming((r) => (r ? { ...r, name: e.target.value } : r))}
          maxLength={200}
          data-testid="plan-rename-input"
        />
      </Modal>
    </Card>
  );
}
