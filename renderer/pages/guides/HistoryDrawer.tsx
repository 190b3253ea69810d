import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Drawer, Input, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { actionLabel, fieldLabel, valueLabel } from '../../../src/core/history/labels';
import { api, type ApiInput, type ApiOutput } from '../../api';
import { showApiError, showDone } from '../../components/feedback';
import { saveFilePayload } from '../../components/files';
import { useLatest } from '../../components/useLatest';
import { dateTime } from '../../format';
import { useI18n } from '../../i18n';
import { historyMessages } from './historyMessages';

/**
 * 历史记录: the change history of one object (a guide with its versions, a contribution set) or of
 * a kind (every reference wage), newest first, within dates; 导出 Excel writes the same rows as a
 * workbook to file (docs/design.md §History and locks).
 */
type Entry = ApiOutput<'history.list'>[number];
type Scope = Pick<NonNullable<ApiInput<'history.list'>>, 'kind' | 'id'>;

interface Props {
  open: boolean;
  /** what the history is of, as the drawer's title says it */
  title: string;
  scope: Scope;
  onClose(): void;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export default function HistoryDrawer({ open, title, scope, onClose }: Props) {
  const { lang } = useI18n();
  const m = historyMessages[lang];
  const messages = useLatest(m);
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const datesOk = (from === '' || DATE.test(from)) && (to === '' || DATE.test(to));
  const filter = useCallback(
    () => ({ ...scope, ...(from ? { from } : {}), ...(to ? { to } : {}) }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the scope's fields, not the object passed each render
    [scope.kind, scope.id, from, to],
  );

  const load = useCallback(async () => {
    try {
      setEntries(await api['history.list'](filter()));
    } catch (e) {
      showApiError(messages.current.loadFailed, e);
      setEntries([]);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- dates apply on 查询, not on each keystroke
  }, [scope.kind, scope.id, messages]);

  useEffect(() => {
    if (open) void load();
  }, [open, load]);

  async function exportHistory() {
    try {
      const saved = await saveFilePayload(await api['history.export'](filter()));
      if (saved) showDone(m.exported(saved));
    } catch (e) {
      showApiError(m.exportFailed, e);
    }
  }

  return (
    <Drawer open={open} onClose={onClose} width={920} title={m.historyTitle(title)} destroyOnHidden data-testid="history-drawer">
      <Space wrap style={{ marginBottom: 12 }}>
        <Input
          size="small"
          style={{ width: 130 }}
          placeholder={m.datePlaceholder}
          aria-label={m.from}
          addonBefore={m.from}
          value={from}
          onChange={(e) => setFrom(e.target.value.trim())}
        />
        <Input
          size="small"
          style={{ width: 130 }}
          placeholder={m.datePlaceholder}
          aria-label={m.to}
          addonBefore={m.to}
          value={to}
          onChange={(e) => setTo(e.target.value.trim())}
        />
        <Button
          size="small"
          icon={<SearchOutlined />}
          disabled={!datesOk}
          onClick={() => void api['history.list'](filter()).then(setEntries, (e: unknown) => showApiError(m.loadFailed, e))}
        >
          {m.query}
        </Button>
        <Button size="small" icon={<DownloadOutlined />} disabled={!datesOk} onClick={() => void exportHistory()}>
          {m.export}
        </Button>
        {!datesOk && <Typography.Text type="danger">{m.dateRule}</Typography.Text>}
      </Space>
      <Table<Entry>
        size="small"
        rowKey="id"
        loading={entries === null}
        dataSource={entries ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: m.empty }}
        data-testid="history-table"
        columns={[
          { title: m.at, key: 'at', width: 140, render: (_, e) => <span style={{ whiteSpace: 'nowrap' }}>{dateTime(e.at)}</span> },
          { title: m.user, dataIndex: 'user', width: 100 },
          { title: m.object, dataIndex: 'objectName', ellipsis: true },
          { title: m.action, key: 'action', width: 90, render: (_, e) => <Tag>{actionLabel(e.action, lang)}</Tag> },
          {
            title: m.change,
            key: 'change',
            render: (_, e) =>
              e.field === '' ? (
                '—'
              ) : (
                <span>
                  <Typography.Text type="secondary">{fieldLabel(e.field, lang)}：</Typography.Text>
                  <Typography.Text delete={e.old !== null && e.new === null}>{valueLabel(e.old, lang)}</Typography.Text>
                  {' → '}
                  <Typography.Text strong>{valueLabel(e.new, lang)}</Typography.Text>
                </span>
              ),
          },
        ]}
      />
    </Drawer>
  );
}
