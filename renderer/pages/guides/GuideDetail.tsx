import { CopyOutlined, DeleteOutlined, DiffOutlined, DownloadOutlined, EditOutlined, PercentageOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { StoredGuideVersion, StoredPayGuide } from '../../../src/guides/schema';
import { INCLUDES_LABEL, UNIT_LABEL, periodText } from './labels';

/** One guide: its header, its dated versions (select one to edit), and the version actions. */
interface Props {
  guide: StoredPayGuide;
  projectCount: number;
  selectedVersionId: number | null;
  onSelectVersion(id: number): void;
  onEditHeader(): void;
  onDeleteGuide(): void;
  onCopyVersion(): void;
  onAdjustVersion(): void;
  onCompare(): void;
  onExport(): void;
  onImportVersion(): void;
  onDeleteVersion(): void;
  editor: ReactNode;
  diff: ReactNode;
  tab: 'edit' | 'diff';
  onTab(tab: 'edit' | 'diff'): void;
}

export default function GuideDetail(p: Props) {
  const { guide } = p;
  const versions = [...guide.versions].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  const selected = guide.versions.find((v) => v.id === p.selectedVersionId) ?? null;
  return (
    <Card
      size="small"
      data-testid="guide-detail"
      title={
        <Space>
          <span>{guide.name}</span>
          {guide.sample && <Tag color="orange">示例数据</Tag>}
        </Space>
      }
      extra={
        <Space>
          <Button size="small" icon={<EditOutlined />} onClick={p.onEditHeader}>
            编辑信息
          </Button>
          <Button size="small" danger icon={<DeleteOutlined />} onClick={p.onDeleteGuide}>
            删除指导价
          </Button>
        </Space>
      }
    >
      <Descriptions size="small" column={3} style={{ marginBottom: 8 }}>
        <Descriptions.Item label="发布单位">{guide.issuer || '—'}</Descriptions.Item>
        <Descriptions.Item label="地区">{guide.region || '—'}</Descriptions.Item>
        <Descriptions.Item label="使用中的项目">{p.projectCount}</Descriptions.Item>
      </Descriptions>
      <Table<StoredGuideVersion>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={versions}
        rowSelection={{ type: 'radio', selectedRowKeys: p.selectedVersionId === null ? [] : [p.selectedVersionId], onChange: (keys) => p.onSelectVersion(Number(keys[0])) }}
        onRow={(v) => ({ onClick: () => p.onSelectVersion(v.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '版本', dataIndex: 'label' },
          { title: '有效期', key: 'period', render: (_, v) => periodText(v) },
          { title: '文号', dataIndex: 'documentNo', render: (t: string) => t || '—' },
          { title: '金额口径', key: 'includes', render: (_, v) => INCLUDES_LABEL[v.includes] },
          { title: '单位', key: 'unit', width: 64, render: (_, v) => UNIT_LABEL[v.unit] },
          { title: '单元格', key: 'cells', width: 64, align: 'right', render: (_, v) => v.cells.length },
          {
            title: '来源',
            dataIndex: 'source',
            ellipsis: { showTitle: false },
            render: (t: string) => (
              <Tooltip title={t}>
                <Typography.Text type="secondary">{t || '—'}</Typography.Text>
              </Tooltip>
            ),
          },
        ]}
      />
      <Space wrap style={{ margin: '8px 0' }}>
        <Button size="small" icon={<CopyOutlined />} disabled={!selected} onClick={p.onCopyVersion}>
          新版本（复制当前）
        </Button>
        <Button size="small" icon={<PercentageOutlined />} disabled={!selected} onClick={p.onAdjustVersion}>
          按比例调整
        </Button>
        <Button size="small" icon={<DiffOutlined />} disabled={guide.versions.length < 2} onClick={p.onCompare}>
          版本对比
        </Button>
        <Button size="small" icon={<DownloadOutlined />} disabled={!selected} onClick={p.onExport}>
          导出工作簿
        </Button>
        <Button size="small" icon={<UploadOutlined />} onClick={p.onImportVersion}>
          从工作簿导入为新版本
        </Button>
        <Button size="small" danger icon={<DeleteOutlined />} disabled={!selected || guide.versions.length < 2} onClick={p.onDeleteVersion}>
          删除版本
        </Button>
      </Space>
      <Tabs
        activeKey={p.tab}
        onChange={(k) => p.onTab(k as 'edit' | 'diff')}
        items={[
          { key: 'edit', label: selected ? `编辑版本：${selected.label}` : '编辑版本', children: p.editor },
          { key: 'diff', label: '版本对比', children: p.diff },
        ]}
      />
    </Card>
  );
}
