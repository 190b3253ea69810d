import { DeleteOutlined, PlusOutlined, SnippetsOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal, Radio, Segmented, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState, type ClipboardEvent } from 'react';
import type { GuideVersion, StoredReferenceWage } from '../../../src/guides/schema';
import { formatMoney, parseDecimal } from '../../../src/money/decimal';
import { cellMonthly } from './ladder';
import { applyPastedCells, parsePastedGrid, type PasteProblem, type PastedCell, type PasteValueKind } from './pasteGrid';
import { cellsOfDraft, draftCell, newKey, type DraftCell } from './versionDraft';

/**
 * The post × grade × step grid of one version. Accepts a block pasted from Excel anywhere in the
 * grid (a paste holding a tab or a line break is a block; a single value pastes into its input as
 * usual). A bad block is reported cell by cell and changes nothing.
 */
interface Props {
  cells: DraftCell[];
  unit: GuideVersion['unit'];
  wage: StoredReferenceWage | null;
  problems: Record<string, string>;
  onChange(cells: DraftCell[]): void;
}

const FIELD_ERROR = { color: '#ff4d4f', fontSize: 12, lineHeight: '16px' } as const;
const PASTE_ZONE = {
  border: '1px dashed #91caff',
  background: '#f0f7ff',
  borderRadius: 6,
  padding: '8px 12px',
  marginBottom: 8,
  color: '#1f3b5c',
  cursor: 'text',
} as const;

export default function CellGrid({ cells, unit, wage, problems, onChange }: Props) {
  const [pasteKind, setPasteKind] = useState<PasteValueKind>('amount');
  const [pasteProblems, setPasteProblems] = useState<PasteProblem[]>([]);
  const [pending, setPending] = useState<{ cells: PastedCell[]; headerSkipped: boolean } | null>(null);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');

  const wageValue = useMemo(
    () => (wage ? { name: wage.name, amount: parseDecimal(wage.amount), per: wage.per } : null),
    [wage],
  );

  const update = (index: number, patch: Partial<DraftCell>) => onChange(cells.map((c, i) => (i === index ? { ...c, ...patch } : c)));

  function apply(pasted: PastedCell[], how: 'merge' | 'replace') {
    onChange(applyPastedCells(cellsOfDraft(cells), pasted, how).map(draftCell));
    setPending(null);
  }

  function onPaste(e: ClipboardEvent<HTMLDivElement>) {
    const text = e.clipboardData.getData('text/plain');
    if (!/[\t\r\n]/.test(text.trimEnd())) return; // a single value: let the input take it
    e.preventDefault();
    const result = parsePastedGrid(text, pasteKind);
    if (!result.ok) {
      setPasteProblems(result.problems);
      return;
    }
    setPasteProblems([]);
    if (cells.length === 0) apply(result.cells, 'replace');
    else setPending({ cells: result.cells, headerSkipped: result.headerSkipped });
  }

  const error = (path: string) => problems[path];
  const field = (index: number, name: 'post' | 'grade' | 'step' | 'value', width: number | string, placeholder: string) => {
    const message = error(`cells[${index}].${name}`);
    return (
      <div>
        <Input
          size="small"
          style={{ width }}
          value={cells[index]![name]}
          placeholder={placeholder}
          status={message ? 'error' : undefined}
          aria-label={`${placeholder} 第 ${index + 1} 行`}
          onChange={(e) => update(index, { [name]: e.target.value })}
        />
        {message && <div style={FIELD_ERROR}>{message}</div>}
      </div>
    );
  };

  const columns = [
    { title: '#', key: 'n', width: 48, render: (_: unknown, __: DraftCell, i: number) => i + 1 },
    { title: '岗位', key: 'post', render: (_: unknown, __: DraftCell, i: number) => field(i, 'post', '100%', '岗位') },
    { title: '等级', key: 'grade', render: (_: unknown, __: DraftCell, i: number) => field(i, 'grade', '100%', '等级') },
    { title: '档次', key: 'step', width: 80, render: (_: unknown, __: DraftCell, i: number) => field(i, 'step', 56, '档次') },
    {
      title: '类型',
      key: 'kind',
      width: 96,
      render: (_: unknown, c: DraftCell, i: number) => (
        <Select
          size="small"
          value={c.kind}
          style={{ width: 80 }}
          onChange={(kind) => update(i, { kind })}
          options={[
            { value: 'amount', label: '金额' },
            { value: 'coefficient', label: '系数' },
          ]}
        />
      ),
    },
    {
      title: `金额（${unit === 'year' ? '元/年' : '元/月'}）或系数`,
      key: 'value',
      width: 170,
      render: (_: unknown, __: DraftCell, i: number) => field(i, 'value', 140, cells[i]!.kind === 'amount' ? '金额' : '系数'),
    },
    {
      title: '月额（元）',
      key: 'monthly',
      width: 130,
      align: 'right' as const,
      render: (_: unknown, c: DraftCell, i: number) => {
        if (error(`cells[${i}].value`)) return '—';
        try {
          const m = cellMonthly(c.kind === 'amount' ? { amount: c.value } : { coefficient: c.value }, unit, wageValue);
          return m === null ? <Typography.Text type="warning">待定参考工资</Typography.Text> : formatMoney(m);
        } catch {
          return '—';
        }
      },
    },
    {
      title: '',
      key: 'del',
      width: 48,
      render: (_: unknown, __: DraftCell, i: number) => (
        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除第 ${i + 1} 行`} onClick={() => onChange(cells.filter((_, k) => k !== i))} />
      ),
    },
  ];

  return (
    <div onPaste={onPaste} data-testid="guide-grid">
      <Space style={{ marginBottom: 8 }} wrap>
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => {
            const last = cells[cells.length - 1];
            onChange([...cells, { key: newKey(), post: last?.post ?? '', grade: '', step: '1', kind: last?.kind ?? 'amount', value: '' }]);
          }}
        >
          添加一行
        </Button>
        <span>粘贴的数值列为</span>
        <Segmented
          size="small"
          value={pasteKind}
          onChange={(v) => setPasteKind(v as PasteValueKind)}
          options={[
            { value: 'amount', label: '金额' },
            { value: 'coefficient', label: '系数' },
          ]}
        />
      </Space>
      <div style={PASTE_ZONE} tabIndex={0} role="textbox" aria-label="从 Excel 粘贴区域" data-testid="paste-zone">
        <SnippetsOutlined /> 在此处按 Ctrl+V 粘贴从 Excel/WPS 复制的区域：岗位、等级、档次、金额（或系数）四列，或岗位、等级、金额三列，表头可有可无；
        按档次分列的表（岗位、等级、一档、二档……）请连同表头一起复制。
      </div>
      {pasteProblems.length > 0 && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setPasteProblems([])}
          style={{ margin: '8px 0' }}
          message={`粘贴内容有 ${pasteProblems.length} 处错误，未作任何修改`}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="paste-problems">
              {pasteProblems.slice(0, 30).map((p) => (
                <li key={`${p.row}-${p.col}-${p.message}`}>{p.message}</li>
              ))}
              {pasteProblems.length > 30 && <li>……另有 {pasteProblems.length - 30} 处</li>}
            </ul>
          }
        />
      )}
      <Table<DraftCell>
        size="small"
        rowKey="key"
        dataSource={cells}
        columns={columns}
        pagination={false}
        scroll={{ y: 440 }}
        locale={{ emptyText: '还没有单元格：在上方粘贴 Excel 区域，或点“添加一行”' }}
      />
      <Modal
        open={pending !== null}
        title="应用粘贴内容"
        okText="应用"
        cancelText="取消"
        onOk={() => pending && apply(pending.cells, mode)}
        onCancel={() => setPending(null)}
      >
        <p>
          读入 {pending?.cells.length ?? 0} 个单元格{pending?.headerSkipped ? '（已跳过表头行）' : ''}。
        </p>
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)}>
          <Space direction="vertical">
            <Radio value="merge">合并：相同岗位/等级/档次的更新，其余追加</Radio>
            <Radio value="replace">替换：以粘贴内容作为全部单元格</Radio>
          </Space>
        </Radio.Group>
      </Modal>
    </div>
  );
}
