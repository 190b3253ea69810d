import { Button, Modal, Progress, Space, Typography } from 'antd';
import { jobMessages } from '../../components/JobProgress';
import { useMessages } from '../../i18n';

/**
 * Progress of a workbook import or export: the job's percentage and stage as the host reports them
 * (renderer/components/progress.ts runJob), with 取消 while the job can still be stopped.
 */
export interface WorkbookProgressState {
  title: string;
  stage: string;
  percent: number;
  active: boolean;
  /** stops the job; absent where the work cannot be cancelled */
  onCancel?: () => void;
  cancelling?: boolean;
}

export default function WorkbookProgress({ state }: { state: WorkbookProgressState | null }) {
  const m = useMessages(jobMessages);
  return (
    <Modal open={state !== null} title={state?.title} footer={null} closable={false} maskClosable={false}>
      <Typography.Paragraph data-testid="workbook-stage">{state?.stage}</Typography.Paragraph>
      <Progress percent={Math.round(state?.percent ?? 0)} status={state?.cancelling ? 'exception' : state?.active ? 'active' : 'normal'} />
      {state?.onCancel && (
        <Space style={{ marginTop: 8, width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={state.onCancel} disabled={state.cancelling} data-testid="job-cancel">
            {state.cancelling ? m.cancelling : m.cancel}
          </Button>
        </Space>
      )}
    </Modal>
  );
}

/** Runs `work` while a bar creeps from `from` towards `to` (never reaching it), so a long call shows life. */
export async function withCreepingProgress<T>(
  set: (s: WorkbookProgressState | null) => void,
  base: Omit<WorkbookProgressState, 'percent' | 'active'>,
  from: number,
  to: number,
  work: () => Promise<T>,
): Promise<T> {
  let percent = from;
  set({ ...base, percent, active: true });
  const timer = setInterval(() => {
    percent += (to - percent) * 0.15;
    set({ ...base, percent, active: true });
  }, 200);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
