import { CopyOutlined, DeleteOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Space, Table, Tooltip, Typography } from 'antd';
import { useMessages } from '../../i18n';
import { planMessages } from './messages';
import { copyLine, sharePercentTotal, updateLine, type MixDraft, type MixLineDraft } from './mixDraft';

/**
 * The chosen preset's 岗位结构 lines, compact: the planner edits each line's name, its share of the
 * posts left after the fixed lines (in percent) or its fixed count, copies or removes a line, and can
 * go back to the preset. Post, grade and step stay the preset's (they name cells of the guide).
 * Every change goes to the page's history as one edit: `group` names the box typed in (a run of
 * typing in it is one step of undo), null for copying a line; removing goes to `onRemove`, which
 * offers it back.
 */
export function MixEditor({
  draft,
  onChange,
  onRemove,
  onReset,
}: {
  draft: MixDraft;
  onChange: (d: MixDraft, group: string | null) => void;
  onRemove: (index: number) => void;
  onReset: () => void;
}) {
  const m = useMessages(planMessages);
  const total = sharePercentTotal(draft);
  return (
    <div data-testid="mix-editor" style={{ marginBottom: 16 }}>
      <Table<MixLineDraft>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={draft.lines}
        columns={[
          {
            title: m.mixLabel,
            dataIndex: 'label',
            width: 140,
            render: (v: string, l, i) => (
              <Input
                size="small"
                value={v}
                onChange={(e) => onChange(updateLine(draft, i, { label: e.target.value }), `mix.${l.key}.label`)}
                data-testid={`mix-label-${i}`}
              />
            ),
          },
          { title: m.mixPost, dataIndex: 'post' },
          { title: m.mixGrade, dataIndex: 'grade' },
          { title: m.mixStep, dataIndex: 'step', align: 'right' },
          { title: m.mixQualification, dataIndex: 'qualification', render: (v?: string) => v ?? '—' },
          {
            title: m.mixSharePercent,
            key: 'share',
            width: 130,
            render: (_v, l, i) =>
              l.kind === 'share' ? (
                <Input
                  size="small"
                  suffix="%"
                  value={l.sharePercent}
                  onChange={(e) => onChange(updateLine(draft, i, { sharePercent: e.target.value }), `mix.${l.key}.share`)}
                  data-testid={`mix-share-${i}`}
                />
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
          {
            title: m.mixFixed,
            key: 'fixed',
            width: 110,
            render: (_v, l, i) =>
              l.kind === 'fixed' ? (
                <InputNumber
                  size="small"
                  min={0}
                  precision={0}
                  value={l.fixed}
                  onChange={(v) => onChange(updateLine(draft, i, { fixed: v }), `mix.${l.key}.fixed`)}
                  data-testid={`mix-fixed-${i}`}
                />
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
          {
            key: 'actions',
            width: 80,
            render: (_v, _l, i) => (
              <Space size={0}>
                <Tooltip title={m.mixCopyLine}>
                  <Button size="small" type="text" icon={<CopyOutlined />} aria-label={m.mixCopyLine} onClick={() => onChange(copyLine(draft, i), null)} />
                </Tooltip>
                <Tooltip title={m.mixRemoveLine}>
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={m.mixRemoveLine}
                    disabled={draft.lines.length === 1}
                    onClick={() => onRemove(i)}
                    data-testid={`mix-remove-${i}`}
                  />
                </Tooltip>
              </Space>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <Typography.Text type={total === '100' ? undefined : 'danger'} data-testid="mix-share-total">
          {m.mixShareTotal(total)}
        </Typography.Text>
        <Button size="small" icon={<UndoOutlined />} onClick={onReset} data-testid="mix-reset">
          {m.mixReset}
        </Button>
      </Space>
    </div>
  );
}
