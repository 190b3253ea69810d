import { Button, Space, Tooltip } from 'antd';
import { RedoOutlined, UndoOutlined } from '@ant-design/icons';
import { defineMessages, useMessages } from '../i18n';
import type { Undoable } from './undoHistory';

const undoMessages = defineMessages(
  { undo: '撤销', redo: '重做', undoHint: '撤销（Ctrl+Z）', redoHint: '重做（Ctrl+Y）' },
  { undo: 'Undo', redo: 'Redo', undoHint: 'Undo (Ctrl+Z)', redoHint: 'Redo (Ctrl+Y)' },
);

/** The 撤销 / 重做 pair of an editor with a history (undoHistory.ts), as in the budget editor's header. */
export default function UndoRedoButtons({ history, size }: { history: Pick<Undoable<unknown>, 'undo' | 'redo' | 'canUndo' | 'canRedo'>; size?: 'small' }) {
  const m = useMessages(undoMessages);
  return (
    <Space.Compact>
      <Tooltip title={m.undoHint}>
        <Button size={size} icon={<UndoOutlined />} onClick={history.undo} disabled={!history.canUndo} aria-label={m.undo} data-testid="undo" />
      </Tooltip>
      <Tooltip title={m.redoHint}>
        <Button size={size} icon={<RedoOutlined />} onClick={history.redo} disabled={!history.canRedo} aria-label={m.redo} data-testid="redo" />
      </Tooltip>
    </Space.Compact>
  );
}
