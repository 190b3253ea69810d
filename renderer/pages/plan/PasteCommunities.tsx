import { Alert, Button, Input, Modal, Select, Space, Table, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Community, CommunityField } from '../../../src/core/plan/community';
import { COMMUNITY_COLUMNS } from '../../../src/core/plan/community';
import { api } from '../../api';
import { problemsOf } from '../../components/feedback';
import { schemaMessage, useI18n, useMessages } from '../../i18n';
import { type PasteBlock, checkHeader, mapColumn, missingFields, placeProblems, readPaste, type PlacedProblem } from './communityPaste';
import { planMessages } from './messages';
import { nextCommunityRow } from './planState';

/**
 * The preview of rows pasted from a spreadsheet into the community list: each column's field
 * (chosen from the header, or the template's order, and changeable), the rows with every bad cell
 * marked by the import's own check, and 添加 once nothing is wrong. Nothing is added before that.
 */
export function PasteCommunities({
  text,
  existing,
  onAdd,
  onClose,
}: {
  /** the pasted text; null: closed */
  text: string | null;
  existing: readonly Community[];
  onAdd: (communities: Community[]) => void;
  onClose: () => void;
}) {
  const m = useMessages(planMessages);
  const { lang } = useI18n();
  const [block, setBlock] = useState<PasteBlock | null>(null);
  const [checked, setChecked] = useState<{ communities: Community[] } | { problems: PlacedProblem[] } | null>(null);
  const firstRow = nextCommunityRow(existing);

  useEffect(() => {
    setBlock(text === null || text.trim() === '' ? null : readPaste(text));
    setChecked(null);
  }, [text]);

  const missing = block ? missingFields(block.mapping) : [];
  useEffect(() => {
    if (!block || block.rows.length === 0 || missingFields(block.mapping).length > 0) return;
    let current = true;
    api['plan.checkCommunityRows']({ header: checkHeader(block.mapping), rows: block.rows, firstRow }).then(
      (r) => current && setChecked(r.ok ? { communities: r.communities } : { problems: placeProblems(r.problems, firstRow) }),
      (e: unknown) => current && setChecked({ problems: [{ row: null, column: null, path: '', message: problemsOf(e).message }] }),
    );
    return () => {
      current = false;
    };
  }, [block, firstRow]);

  const problems = useMemo(() => (checked && 'problems' in checked ? checked.problems : []), [checked]);
  const problemAt = useMemo(() => {
    const at = new Map<string, string[]>();
    for (const p of problems) {
      if (p.row === null) continue;
      const key = `${p.row}:${p.column ?? ''}`;
      at.set(key, [...(at.get(key) ?? []), schemaMessage(p.message, lang)]);
    }
    return at;
  }, [problems, lang]);

  const fieldOptions = [{ value: '', label: m.pasteIgnore }, ...COMMUNITY_COLUMNS.map((c) => ({ value: c.key, label: lang === 'en' ? c.en : c.zh }))];
  const columns = (block?.mapping ?? []).map((field, col) => ({
    key: String(col),
    title: (
      <Select
        size="small"
        style={{ minWidth: 110 }}
        value={field ?? ''}
        options={fieldOptions}
        onChange={(v: string) => block && setBlock({ ...block, mapping: mapColumn(block.mapping, col, v === '' ? null : (v as CommunityField)) })}
        data-testid={`paste-map-${col}`}
      />
    ),
    render: (_: unknown, row: { cells: string[]; index: number }) => {
      const bad = problemAt.get(`${row.index}:${col}`);
      const cell = <span style={field === null ? { color: '#999' } : undefined}>{row.cells[col]}</span>;
      return bad ? (
        <Tooltip title={bad.join('；')}>
          <span data-testid="paste-bad-cell" style={{ background: '#fff1f0', outline: '1px solid #ff4d4f', padding: '0 4px' }}>
            {row.cells[col] === '' ? m.pasteEmptyCell : row.cells[col]}
          </span>
        </Tooltip>
      ) : (
        cell
      );
    },
  }));
  const ready = checked && 'communities' in checked ? checked.communities : null;

  return (
    <Modal
      open={text !== null}
      title={m.pasteTitle}
      width={1000}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Space>
          <Button onClick={onClose} data-testid="paste-cancel">
            {m.pasteCancel}
          </Button>
          <Button
            type="primary"
            disabled={!ready}
            onClick={() => {
              if (ready) onAdd(ready);
            }}
            data-testid="paste-add"
          >
            {m.pasteAdd(ready?.length ?? 0)}
          </Button>
        </Space>
      }
    >
      <div data-testid="paste-preview">
        {!block && (
          <Input.TextArea
            autoFocus
            rows={6}
            placeholder={m.pastePlaceholder}
            onPaste={(e) => {
              e.preventDefault();
              setBlock(readPaste(e.clipboardData.getData('text/plain')));
              setChecked(null);
            }}
            data-testid="paste-area"
          />
        )}
        {block && (
          <>
            <Typography.Paragraph type="secondary">
              {block.headerRow ? m.pasteHeaderFound(block.rows.length) : m.pasteTemplateOrder(block.rows.length)} {m.pasteRowsFrom(firstRow)}
            </Typography.Paragraph>
            {missing.length > 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 8 }}
                message={m.pasteMissing(missing.map((f) => COMMUNITY_COLUMNS.find((c) => c.key === f)![lang === 'en' ? 'en' : 'zh']))}
              />
            )}
            {problems.length > 0 && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 8 }}
                message={m.pasteProblems(problems.length)}
                description={
                  <ul style={{ margin: 0, paddingLeft: 20, maxHeight: 120, overflow: 'auto' }} data-testid="paste-problems">
                    {problems.slice(0, 50).map((p, i) => (
                      <li key={i}>
                        {p.path ? `${p.path}：` : ''}
                        {schemaMessage(p.message, lang)}
                      </li>
                    ))}
                  </ul>
                }
              />
            )}
            <Table
              size="small"
              rowKey="index"
              scroll={{ x: true, y: 320 }}
              pagination={false}
              dataSource={block.rows.map((cells, index) => ({ cells, index }))}
              columns={[{ key: 'row', title: m.row, render: (_: unknown, r: { cells: string[]; index: number }) => firstRow + r.index, width: 60 }, ...columns]}
            />
          </>
        )}
      </div>
    </Modal>
  );
}
