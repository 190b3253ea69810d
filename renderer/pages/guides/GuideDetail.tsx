import {
  CopyOutlined,
  DeleteOutlined,
  DiffOutlined,
  DownloadOutlined,
  EditOutlined,
  HistoryOutlined,
  LockOutlined,
  PercentageOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { StoredGuideVersion, StoredPayGuide } from '../../../src/core/guides/schema';
import { useI18n } from '../../i18n';
import { historyMessages, lockText } from './historyMessages';
import { includesLabel, perLabel, periodText } from './labels';
import { guideMessages } from './messages';

/** A version's lock (docs/design.md §History and locks): its 文号, the projects that use it. */
export interface VersionLock {
  documentNo: string | null;
  projects: string[];
}

/** One guide: its header, its dated versions (select one to edit; a locked one is tagged 已锁定), and the version actions. */
interface Props {
  guide: StoredPayGuide;
  projectCount: number;
  /** the locked versions, by id */
  locks: ReadonlyMap<number, VersionLock>;
  onHistory(): void;
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
  const { lang } = useI18n();
  const m = guideMessages[lang];
  const hm = historyMessages[lang];
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
          {guide.sample && <Tag color="orange">{m.sample}</Tag>}
        </Space>
      }
      extra={
        <Space>
          <Button size="small" icon={<HistoryOutlined />} onClick={p.onHistory}>
            {hm.history}
          </Button>
          <Button size="small" icon={<EditOutlined />} onClick={p.onEditHeader}>
            {m.editInfo}
          </Button>
          <Button size="small" danger icon={<DeleteOutlined />} onClick={p.onDeleteGuide}>
            {m.deleteGuide}
          </Button>
        </Space>
      }
    >
      <Descriptions size="small" column={3} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={m.issuer}>{guide.issuer || '—'}</Descriptions.Item>
        <Descriptions.Item label={m.region}>{guide.region || '—'}</Descriptions.Item>
        <Descriptions.Item label={m.projectsUsing}>{p.projectCount}</Descriptions.Item>
      </Descriptions>
      <Table<StoredGuideVersion>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={versions}
        rowSelection={{
          type: 'radio',
          selectedRowKeys: p.selectedVersionId === null ? [] : [p.selectedVersionId],
          onChange: (keys) => p.onSelectVersion(Number(keys[0])),
        }}
        onRow={(v) => ({ onClick: () => p.onSelectVersion(v.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: m.version,
            key: 'label',
            render: (_, v) => {
              const lock = p.locks.get(v.id);
              return (
                <Space size={4} wrap>
                  <span>{v.label}</span>
                  {lock && (
                    <Tooltip title={lockText(hm, lock, lang)}>
                      <Tag icon={<LockOutlined />} color="gold" data-testid="version-locked">
                        {hm.locked}
                      </Tag>
                    </Tooltip>
                  )}
                </Space>
              );
            },
          },
          { title: m.validity, key: 'period', render: (_, v) => <span style={{ whiteSpace: 'nowrap' }}>{periodText(m, v)}</span> },
          { title: m.documentNo, dataIndex: 'documentNo', render: (t: string) => t || '—' },
          { title: m.includes, key: 'includes', render: (_, v) => includesLabel(m, v.includes) },
          { title: m.unit, key: 'unit', width: lang === 'zh' ? 64 : 100, render: (_, v) => perLabel(m, v.unit) },
          { title: m.cells, key: 'cells', width: 64, align: 'right', render: (_, v) => v.cells.length },
          {
            title: m.source,
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
          {m.copyVersion}
        </Button>
        <Button size="small" icon={<PercentageOutlined />} disabled={!selected} onClick={p.onAdjustVersion}>
          {m.adjust}
        </Button>
        <Button size="small" icon={<DiffOutlined />} disabled={guide.versions.length < 2} onClick={p.onCompare}>
          {m.compare}
        </Button>
        <Button size="small" icon={<DownloadOutlined />} disabled={!selected} onClick={p.onExport}>
          {m.exportWorkbook}
        </Button>
        <Button size="small" icon={<UploadOutlined />} onClick={p.onImportVersion}>
          {m.importVersion}
        </Button>
        <Button
          size="small"
          danger
          icon={<DeleteOutlined />}
          disabled={!selected || guide.versions.length < 2 || p.locks.has(selected.id)}
          onClick={p.onDeleteVersion}
        >
          {m.deleteVersion}
        </Button>
      </Space>
      <Tabs
        activeKey={p.tab}
        onChange={(k) => p.onTab(k as 'edit' | 'diff')}
        items={[
          { key: 'edit', label: m.editVersionTab(selected?.label ?? null), children: p.editor },
          { key: 'diff', label: m.compare, children: p.diff },
        ]}
      />
    </Card>
  );
}
