import { CheckCircleOutlined, LockOutlined, RollbackOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, type ApiOutput } from '../../api';
import { showApiError, showDone } from '../../components/feedback';
import { useLatest } from '../../components/useLatest';
import { dateTime, yuan } from '../../format';
import { defineMessages, useI18n } from '../../i18n';

/**
 * 已提交 (submitted) for one project (docs/design.md §History and locks): 标记为已提交 pins the guide
 * versions and contribution set the project is priced with; the bar then shows 已提交 with when and by
 * whom, and 撤回提交. When a newer version is in force, it says so — 新版本已生效 — and offers the
 * re-pricing with its difference per staff line and in the totals, applied only on 确认. Nothing
 * re-prices silently. Self-contained: mount it in the budget editor with the project's id; it tells
 * the editor when the submission changed (a submitted project is not edited until withdrawn).
 */
type Submission = ApiOutput<'projects.submission'>;
type Diff = ApiOutput<'projects.repriceDiff'>;

interface Props {
  projectId: number;
  /** the submission changed (submitted, withdrawn, re-priced): the editor reloads its figures and its lock */
  onChanged?(state: Submission): void;
}

const submissionMessages = defineMessages(
  {
    submit: '标记为已提交',
    submitTitle: '将此项目标记为已提交？',
    submitContent: '提交后，此项目固定按现在生效的指导价版本和社保公积金参数计价，以后新增版本也不会改变它的金额；在撤回提交之前不能修改。',
    submitOk: '提交',
    cancel: '取消',
    submitted: '已提交',
    submittedInfo: (at: string, by: string, versions: string, set: string) => `${at} 由 ${by} 提交 · 按 ${versions} 与 ${set} 计价`,
    withdraw: '撤回提交',
    withdrawTitle: '撤回提交？',
    withdrawContent: '撤回后，此项目按当前生效的版本计价，并可以修改。',
    newer: '新版本已生效',
    newerInfo: (now: string, pinned: string) => `${now} 现已生效；本项目仍按提交时的 ${pinned} 计价。`,
    showDiff: '查看差异并重新计价',
    diffTitle: (pinned: string, now: string) => `重新计价：${pinned} → ${now}`,
    line: '岗位 / 等级 / 档次',
    count: '人数',
    oldMonthly: '原月薪',
    newMonthly: '新月薪',
    oldLabour: '原人员经费',
    newLabour: '新人员经费',
    difference: '差额',
    item: '项目',
    before: '原金额',
    after: '新金额',
    labour: '人员经费',
    managementFee: '管理费',
    tax: '税费',
    total: '项目总经费',
    noLineChange: '各人员明细行的金额不变。',
    confirm: '确认按新版本重新计价',
    done: (total: string) => `已重新计价，项目总经费 ${total} 元`,
    submittedDone: '已标记为已提交',
    withdrawnDone: '已撤回提交',
    failed: '操作失败',
  },
  {
    submit: 'Mark as submitted',
    submitTitle: 'Mark this project as submitted?',
    submitContent:
      'Once submitted, the project is priced with the guide versions and contribution set in force now; versions added later do not change its amounts. It cannot be edited until the submission is withdrawn.',
    submitOk: 'Submit',
    cancel: 'Cancel',
    submitted: 'Submitted',
    submittedInfo: (at: string, by: string, versions: string, set: string) => `Submitted ${at} by ${by} · priced with ${versions} and ${set}`,
    withdraw: 'Withdraw submission',
    withdrawTitle: 'Withdraw the submission?',
    withdrawContent: 'The project is then priced with the versions in force and can be edited.',
    newer: 'A newer version is in force',
    newerInfo: (now: string, pinned: string) => `${now} is now in force; this project is still priced with ${pinned}, as submitted.`,
    showDiff: 'Show the difference and re-price',
    diffTitle: (pinned: string, now: string) => `Re-price: ${pinned} → ${now}`,
    line: 'Post / grade / step',
    count: 'People',
    oldMonthly: 'Monthly before',
    newMonthly: 'Monthly after',
    oldLabour: 'Labour before',
    newLabour: 'Labour after',
    difference: 'Difference',
    item: 'Item',
    before: 'Before',
    after: 'After',
    labour: 'Labour',
    managementFee: 'Management fee',
    tax: 'Tax',
    total: 'Total',
    noLineChange: 'No staff line changes.',
    confirm: 'Re-price with the new version',
    done: (total: string) => `Re-priced: total ${total} yuan`,
    submittedDone: 'Marked as submitted',
    withdrawnDone: 'Submission withdrawn',
    failed: 'Failed',
  },
);

const labels = (vs: readonly { label: string }[]) => vs.map((v) => v.label).join('、');

export default function SubmissionBar({ projectId, onChanged }: Props) {
  const { lang } = useI18n();
  const m = submissionMessages[lang];
  const messages = useLatest(m);
  const changed = useLatest(onChanged);
  const [modal, modalHolder] = Modal.useModal();
  const [state, setState] = useState<Submission | null>(null);
  const [diff, setDiff] = useState<Diff | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setState(await api['projects.submission']({ id: projectId }));
    } catch (e) {
      showApiError(messages.current.failed, e);
    }
  }, [projectId, messages]);

  useEffect(() => {
    void load();
  }, [load]);

  async function act(run: () => Promise<Submission>, done: string) {
    setBusy(true);
    try {
      const next = await run();
      setState(next);
      showDone(done);
      changed.current?.(next);
    } catch (e) {
      showApiError(m.failed, e);
    } finally {
      setBusy(false);
    }
  }

  function submit() {
    modal.confirm({
      title: m.submitTitle,
      content: m.submitContent,
      okText: m.submitOk,
      cancelText: m.cancel,
      onOk: () => act(() => api['projects.submit']({ id: projectId }), m.submittedDone),
    });
  }

  function withdraw() {
    modal.confirm({
      title: m.withdrawTitle,
      content: m.withdrawContent,
      okText: m.withdraw,
      cancelText: m.cancel,
      onOk: () => act(() => api['projects.withdraw']({ id: projectId }), m.withdrawnDone),
    });
  }

  async function showDiff() {
    try {
      setDiff(await api['projects.repriceDiff']({ id: projectId }));
    } catch (e) {
      showApiError(m.failed, e);
    }
  }

  async function reprice() {
    if (!diff) return;
    const total = diff.total.new;
    await act(() => api['projects.reprice']({ id: projectId, expectedTotal: total }), m.done(yuan(total)));
    setDiff(null);
  }

  if (!state) return null;
  return (
    <div data-testid="submission-bar" style={{ marginBottom: 8 }}>
      {modalHolder}
      {!state.submitted ? (
        <Button size="small" icon={<CheckCircleOutlined />} loading={busy} onClick={submit}>
          {m.submit}
        </Button>
      ) : (
        <Space wrap>
          <Tag icon={<LockOutlined />} color="blue" data-testid="submitted-tag">
            {m.submitted}
          </Tag>
          <Typography.Text type="secondary">
            {m.submittedInfo(
              dateTime(state.submittedAt),
              state.submittedBy,
              labels(state.pinnedVersions),
              [state.contributionSet, ...state.laterContributionSets].map((c) => c.name).join('、'),
            )}
          </Typography.Text>
          <Button size="small" icon={<RollbackOutlined />} loading={busy} onClick={withdraw}>
            {m.withdraw}
          </Button>
        </Space>
      )}
      {state.submitted && state.newerInForce && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="newer-version"
          message={m.newer}
          description={m.newerInfo(labels(state.versionsNow), labels(state.pinnedVersions))}
          action={
            <Button size="small" icon={<SyncOutlined />} onClick={() => void showDiff()}>
              {m.showDiff}
            </Button>
          }
        />
      )}
      <Modal
        open={diff !== null}
        width={860}
        title={diff ? m.diffTitle(labels(diff.pinnedVersions), labels(diff.versionsNow)) : ''}
        okText={m.confirm}
        cancelText={m.cancel}
        confirmLoading={busy}
        onOk={() => void reprice()}
        onCancel={() => setDiff(null)}
        destroyOnHidden
      >
        {diff && (
          <div data-testid="reprice-diff">
            {diff.lines.length > 0 ? (
              <Table
                size="small"
                rowKey="index"
                pagination={false}
                dataSource={diff.lines}
                columns={[
                  { title: m.line, key: 'line', render: (_, l) => `${l.index + 1}. ${l.post} / ${l.grade} / ${l.step}` },
                  { title: m.count, dataIndex: 'count', align: 'right' },
                  { title: m.oldMonthly, key: 'om', align: 'right', render: (_, l) => yuan(l.oldMonthly) },
                  { title: m.newMonthly, key: 'nm', align: 'right', render: (_, l) => yuan(l.newMonthly) },
                  { title: m.oldLabour, key: 'ol', align: 'right', render: (_, l) => yuan(l.oldLabour) },
                  { title: m.newLabour, key: 'nl', align: 'right', render: (_, l) => yuan(l.newLabour) },
                  { title: m.difference, key: 'd', align: 'right', render: (_, l) => <b>{yuan(l.difference)}</b> },
                ]}
              />
            ) : (
              <Typography.Paragraph type="secondary">{m.noLineChange}</Typography.Paragraph>
            )}
            <Table
              size="small"
              rowKey="item"
              pagination={false}
              style={{ marginTop: 12 }}
              dataSource={[
                { item: m.labour, ...diff.labour },
                { item: m.managementFee, ...diff.managementFee },
                { item: m.tax, ...diff.tax },
                { item: m.total, ...diff.total },
              ]}
              columns={[
                { title: m.item, dataIndex: 'item' },
                { title: m.before, key: 'old', align: 'right', render: (_, r) => yuan(r.old) },
                { title: m.after, key: 'new', align: 'right', render: (_, r) => yuan(r.new) },
                { title: m.difference, key: 'd', align: 'right', render: (_, r) => <b>{yuan(r.difference)}</b> },
              ]}
            />
          </div>
        )}
      </Modal>
    </div>
  );
}
