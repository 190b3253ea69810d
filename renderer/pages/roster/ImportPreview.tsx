import { Alert, Button, Modal, Space, Table, Typography } from 'antd';
import type { ApiOutput } from '../../api';
import { useMessages } from '../../i18n';
import { rosterMessages } from './messages';

/**
 * What a roster file holds before it is stored: either every problem by row and column (nothing can
 * be imported until the file is fixed) or the first workers, with 确认导入 to replace the roster.
 */
export type PreviewState =
  { kind: 'ok'; fileName: string; preview: ApiOutput<'roster.preview'> } | { kind: 'errors'; fileName: string; problems: { path: string; message: string }[] };

export function ImportPreview({ state, busy, onConfirm, onClose }: { state: PreviewState; busy: boolean; onConfirm: () => void; onClose: () => void }) {
  const m = useMessages(rosterMessages);
  const ok = state.kind === 'ok';
  return (
    <Modal
      open
      width={1000}
      title={m.previewTitle(state.fileName)}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose} data-testid="roster-preview-close">
            {m.cancel}
          </Button>
          {ok && (
            <Button type="primary" loading={busy} onClick={onConfirm} data-testid="roster-confirm-import">
              {m.confirmImport}
            </Button>
          )}
        </Space>
      }
    >
      <div data-testid="roster-preview">
        {state.kind === 'errors' ? (
          <>
            <Alert type="error" showIcon message={m.previewErrors(state.problems.length)} style={{ marginBottom: 12 }} />
            <Table
              size="small"
              rowKey={(_, i) => String(i)}
              dataSource={state.problems}
              pagination={{ pageSize: 10 }}
              data-testid="roster-preview-errors"
              columns={[
                { title: m.where, dataIndex: 'path', width: 260 },
                { title: m.problem, dataIndex: 'message' },
              ]}
            />
            {state.problems.length >= 200 && <Typography.Text type="secondary">{m.previewTruncated}</Typography.Text>}
          </>
        ) : (
          <>
            <Alert
              type="success"
              showIcon
              data-testid="roster-preview-ok"
              message={m.previewOk(state.preview.count)}
              description={[
                state.preview.workers.length < state.preview.count ? m.previewShown(state.preview.workers.length, state.preview.count) : '',
                state.preview.ignoredColumns.length ? m.ignoredColumns(state.preview.ignoredColumns.join('、')) : '',
              ]
                .filter(Boolean)
                .join(' ')}
              style={{ marginBottom: 12 }}
            />
            <Table
              size="small"
              rowKey={(_, i) => String(i)}
              dataSource={state.preview.workers}
              pagination={{ pageSize: 10 }}
              scroll={{ x: 900 }}
              columns={[
                { title: m.name, dataIndex: 'name', fixed: 'left', width: 100 },
                { title: m.birthDate, dataIndex: 'birthDate', width: 110 },
                { title: m.idNumber, dataIndex: 'idNumber', width: 170 },
                { title: m.education, dataIndex: 'education', width: 100 },
                { title: m.certificate, dataIndex: 'certificate', width: 130 },
                { title: m.district, dataIndex: 'district', width: 100 },
                { title: m.street, dataIndex: 'street', width: 100 },
                { title: m.community, dataIndex: 'community', width: 100 },
              ]}
            />
          </>
        )}
      </div>
    </Modal>
  );
}
