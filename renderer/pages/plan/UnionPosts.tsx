import { Table, Typography } from 'antd';
import type { OneInRatioParams } from '../../../src/core/staffing/ratios';
import { useMessages } from '../../i18n';
import { planMessages } from './messages';
import type { PlanResult } from './planState';

type Union = NonNullable<PlanResult['union']>;

/**
 * 工会社工岗 under the plan's results: the union rule on both its bases side by side — by the area's
 * 职工 and by its 基层工会 — each labelled with its base and ratio, neither preferred, as the text
 * joins them with “或” (src/core/plan/unionPosts.ts). A base whose count was not given says so.
 */
export function UnionPosts({ union, rules }: { union: Union; rules: { employees: OneInRatioParams; branches: OneInRatioParams } }) {
  const m = useMessages(planMessages);
  const rows = [
    {
      key: 'employees',
      base: m.unionByEmployees(rules.employees.everyForMax, rules.employees.everyForMin),
      count: union.employees === null ? null : m.unionEmployeeCount(union.employees),
      posts: union.byEmployees,
    },
    {
      key: 'branches',
      base: m.unionByBranches(rules.branches.everyForMax, rules.branches.everyForMin),
      count: union.branches === null ? null : m.unionBranchCount(union.branches),
      posts: union.byBranches,
    },
  ];
  const figure = (pick: 'min' | 'chosen' | 'max') => (_: unknown, r: (typeof rows)[number]) => (r.posts ? (r.posts[pick] ?? '—') : '—');
  return (
    <div style={{ marginBottom: 12 }} data-testid="plan-union">
      <Typography.Text strong>{m.unionTitle}</Typography.Text>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        style={{ marginTop: 8 }}
        dataSource={rows}
        columns={[
          { title: m.unionBase, dataIndex: 'base' },
          { title: m.unionCount, dataIndex: 'count', render: (c: string | null) => c ?? <Typography.Text type="secondary">{m.unionNotGiven}</Typography.Text> },
          { title: m.min, key: 'min', align: 'right', render: figure('min') },
          { title: m.chosen, key: 'chosen', align: 'right', render: figure('chosen') },
          { title: m.max, key: 'max', align: 'right', render: figure('max') },
        ]}
      />
    </div>
  );
}
