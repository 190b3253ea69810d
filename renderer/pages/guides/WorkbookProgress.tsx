import { Modal, Progress, Typography } from 'antd';

/**
 * Progress of a workbook import or export. Reading the file reports real progress; the server's
 * parse-and-save step is one call, shown as a moving bar with its stage named.
 */
export interface WorkbookProgressState {
  title: string;
  stage: string;
  percent: number;
  active: boolean;
}

export default function WorkbookProgress({ state }: { state: WorkbookProgressState | null }) {
  return (
    <Modal open={state !== null} title={state?.title} footer={null} closable={false} maskClosable={false}>
      <Typography.Paragraph data-testid="workbook-stage">{state?.stage}</Typography.Paragraph>
      <Progress percent={Math.round(state?.percent ?? 0)} status={state?.active ? 'active' : 'normal'} />
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
