import { Button, Modal, Progress, Space, Typography } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import type { ApiInput, ApiOutput } from '../api';
import { defineMessages, useMessages } from '../i18n';
import { type JobControl, type JobOperation, type JobView, runJob } from './progress';

/**
 * An import or export that takes more than a second shows a bar with its percentage, its stage and
 * a 取消 button (docs/design.md §Data flow, Long work: progress and cancel). Cancelling leaves
 * nothing half done: the host ends the job before anything is imported or any file is offered.
 */
export const jobMessages = defineMessages(
  {
    cancel: '取消',
    cancelling: '正在取消…',
    importCancelled: '已取消导入，未导入任何数据',
    exportCancelled: '已取消导出，未写出任何文件',
    seconds: (n: number) => `已用 ${n} 秒`,
    stage: (stage: string) => stage,
  },
  {
    cancel: 'Cancel',
    cancelling: 'Cancelling…',
    importCancelled: 'Import cancelled; nothing was imported',
    exportCancelled: 'Export cancelled; no file was written',
    seconds: (n: number) => (n === 1 ? '1 second' : `${n} seconds`),
    stage: (stage: string) => stageInEnglish(stage),
  },
);

/** The stages the host names (parseJobs.ts, budgetWorkbookJob.ts, parseInWorker.ts), in English. */
const STAGES_EN: Record<string, string> = {
  读取工作簿: 'Reading the workbook',
  读取社区名单: 'Reading the community list',
  已读取: 'Read',
  计算预算: 'Pricing the budget',
  写出工作簿: 'Writing the workbook',
  已写出: 'Written',
  测算员额: 'Computing quotas',
  读取人员表: 'Reading the staff table',
  读取费用表: 'Reading the cost table',
  核对计价: 'Checking the pricing',
  写入项目: 'Writing the project',
};

/** Stages that count files (review.ts, compare.ts): `审核 3/50：投标.xlsx` → `Reviewing 3/50: 投标.xlsx`. */
const COUNTED_STAGES_EN: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^审核 (\d+)\/(\d+)：(.*)$/s, (m) => `Reviewing ${m[1]}/${m[2]}: ${m[3]}`],
  [/^读取投标 (\d+)\/(\d+)：(.*)$/s, (m) => `Reading bid ${m[1]}/${m[2]}: ${m[3]}`],
  [/^已审核 (\d+) 个文件$/, (m) => (m[1] === '1' ? 'Reviewed 1 file' : `Reviewed ${m[1]} files`)],
];

function stageInEnglish(stage: string): string {
  const known = STAGES_EN[stage];
  if (known) return known;
  for (const [pattern, english] of COUNTED_STAGES_EN) {
    const m = pattern.exec(stage);
    if (m) return english(m);
  }
  return stage;
}

/** How long a job runs before its bar is shown: a quick one just finishes. */
export const SHOW_AFTER_MS = 1000;

export interface JobModalState extends JobView {
  title: string;
}

export function JobProgressModal({ state, onCancel }: { state: JobModalState | null; onCancel: () => void }) {
  const m = useMessages(jobMessages);
  return (
    <Modal open={state !== null} title={state?.title} footer={null} closable={false} maskClosable={false}>
      <div data-testid="job-progress">
        <Typography.Paragraph data-testid="job-stage">{state ? m.stage(state.stage) : ''}</Typography.Paragraph>
        <Progress percent={state?.percent ?? 0} status={state?.cancelling ? 'exception' : 'active'} data-testid="job-percent" />
        <Space style={{ marginTop: 8, width: '100%', justifyContent: 'space-between' }}>
          <Typography.Text type="secondary">{state ? m.seconds(state.seconds) : ''}</Typography.Text>
          <Button onClick={onCancel} disabled={state?.cancelling} data-testid="job-cancel">
            {state?.cancelling ? m.cancelling : m.cancel}
          </Button>
        </Space>
      </div>
    </Modal>
  );
}

/**
 * `run(title, op, input)` runs one long operation as a job and resolves its answer, or null when
 * the user cancelled it; `modal` is the bar to render on the page.
 */
export function useJobRunner(): {
  run<K extends JobOperation>(title: string, op: K, input: ApiInput<K>): Promise<ApiOutput<K> | null>;
  modal: ReactNode;
} {
  const [state, setState] = useState<JobModalState | null>(null);
  const control = useRef<JobControl | null>(null);

  async function run<K extends JobOperation>(title: string, op: K, input: ApiInput<K>): Promise<ApiOutput<K> | null> {
    const started = Date.now();
    try {
      return await runJob(op, input, (view, c) => {
        control.current = c;
        if (Date.now() - started >= SHOW_AFTER_MS || view.cancelling) setState({ ...view, title });
      });
    } finally {
      control.current = null;
      setState(null);
    }
  }

  const cancel = () => {
    control.current?.cancel();
    setState((s) => (s ? { ...s, cancelling: true } : s));
  };
  return { run, modal: <JobProgressModal state={state} onCancel={cancel} /> };
}
