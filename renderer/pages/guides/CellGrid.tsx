import { DeleteOutlined, PlusOutlined, SnippetsOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal, Radio, Segmented, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState, type ClipboardEvent } from 'react';
import type { GuideVersion, StoredReferenceWage } from '../../../src/core/guides/schema';
import { formatMoney, parseDecimal } from '../../../src/core/money/decimal';
import { useI18n } from '../../i18n';
import { cellMonthly } from './ladder';
import { perLabel } from './labels';
import { guideMessages } from './messages';
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
  const { lang } = useI18n();
  const m = guideMessages[lang];
  const [pasteKind, setPasteKind] = useState<PasteValueKind>('amount');
  const [pasteProblems, setPasteProblems] = useState<PasteProblem[]>([]);
  const [pending, setPending] = useState<{ cells: PastedCell[]; headerSkipped: boolean } | null>(null);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');

  const wageValue = useMemo(() => (wage ? { name: wage.name, amount: parseDecimal(wage.amount), per: wage.per } : null), [wage]);

  const update = (index: number, patch: Partial<DraftCell>) => onChange(cells.map((c, i) => (i === index ? { ...c, ...patch } : c)));

  function apply(pasted: PastedCell[], how: 'merge' | 'replace') {
    onChange(applyPastedCells(cellsOfDraft(cells), pasted, how).map(draftCell));
    setPending(null);
  }

  function onPaste(e: ClipboardEvent<HTMLDivElement>) {
    const text = e.clipboardData.getData('text/plain');
    if (!/[\t\r\n]/.test(text.trimEnd())) return; // a single value: let the input take it
    e.preventDefault();
    const result = parsePastedGrid(text, pasteKind, lang);
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
          aria-label={m.rowLabel(placeholder, index + 1)}
          onChange={(e) => update(index, { [name]: e.target.value })}
        />
        {message && <div style={FIELD_ERROR}>{message}</div>}
      </div>
    );
  };

  const columns = [
    { title: '#', key: 'n', width: 48, render: (_: unknown, __: DraftCell, i: number) => i + 1 },
    { title: m.post, key: 'post', render: (_: unknown, __: DraftCell, i: number) => field(i, 'post', '100%', m.post) },
    { title: m.grade, key: 'grade', render: (_: unknown, __: DraftCell, i: number) => field(i, 'grade', '100%', m.grade) },
    { title: m.step, key: 'step', width: 80, render: (_: unknown, __: DraftCell, i: number) => field(i, 'step', 56, m.step) },
    {
      title: m.kind,
      key: 'kind',
      width: lang === 'zh' ? 96 : 140,
      render: (_: unknown, c: DraftCell, i: number) => (
        <Select
          size="small"
          value={c.kind}
          style={{ width: lang === 'zh' ? 80 : 124 }}
          onChange={(kind) => update(i, { kind })}
          options={[
            { value: 'amount', label: m.amount },
            { value: 'coefficient', label: m.coefficient },
          ]}
        />
      ),
    },
    {
      title: m.valueColumn(perLabel(m, unit)),
      key: 'value',
      width: 170,
      render: (_: unknown, __: DraftCell, i: number) => field(i, 'value', 140, cells[i]!.kind === 'amount' ? m.amount : m.coefficient),
    },
    {
      title: m.monthlyColumn,
      key: 'monthly',
      width: 130,
      align: 'right' as const,
      render: (_: unknown, c: DraftCell, i: number) => {
        if (error(`cells[${i}].value`)) return '—';
        try {
          const monthly = cellMonthly(c.kind === 'amount' ? { amount: c.value } : { coefficient: c.value }, unit, wageValue);
          return monthly === null ? <Typography.Text type="warning">{m.wagePending}</Typography.Text> : formatMoney(monthly);
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
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={m.deleteRow(i + 1)}
          onClick={() => onChange(cells.filter((_, k) => k !== i))}
        />
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
          {m.addRow}
        </Button>
        <span>{m.pasteAs}</span>
        <Segmented
          size="small"
          value={pasteKind}
          onChange={(v) => setPasteKind(v as PasteValueKind)}
          options={[
            { value: 'amount', label: m.amount },
            { value: 'coefficient', label: m.coefficient },
          ]}
        />
      </Space>
      <div style={PASTE_ZONE} tabIndex={0} role="textbox" aria-label={m.pasteZone} data-testid="paste-zone">
        <SnippetsOutlined /> {m.pasteHint}
      </div>
      {pasteProblems.length > 0 && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setPasteProblems([])}
          style={{ margin: '8px 0' }}
          message={m.pasteProblemsTitle(pasteProblems.length)}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="paste-problems">
              {pasteProblems.slice(0, 30).map((p) => (
                <li key={`${p.row}-${p.col}-${p.message}`}>{p.message}</li>
              ))}
              {pasteProblems.length > 30 && <li>{m.moreProblems(pasteProblems.length - 30)}</li>}
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
        locale={{ emptyText: m.noCells }}
      />
      <Modal
        open={pending !== null}
        title={m.applyPasteTitle}
        okText={m.apply}
        cancelText={m.cancel}
        onOk={() => pending && apply(pending.cells, mode)}
        onCancel={() => setPending(null)}
      >
        <p>{m.pastedCells(pending?.cells.length ?? 0, !!pending?.headerSkipped)}</p>
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)}>
          <Space direction="vertical">
            <Radio value="merge">{m.pasteMerge}</Radio>
            <Radio value="replace">{m.pasteReplace}</Radio>
          </Space>
        </Radio.Group>
      </Modal>
    </div>
  );
}
