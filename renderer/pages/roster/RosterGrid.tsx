import { useCallback, useEffect, useState } from 'react';
import { Button, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CERTIFICATES, ratingsText } from '../../../src/core/roster/schema';
import { type ApiInput, type ApiOutput, api } from '../../api';
import { showDone, useShowApiError } from '../../components/feedback';
import { useMessages } from '../../i18n';
import { rosterMessages } from './messages';
import { type ShownWorker, WorkerEditor } from './WorkerEditor';

/** The roster's filters, as roster.list and the exports take them. */
export type RosterFilter = NonNullable<ApiInput<'roster.list'>['filter']>;
export const NO_FILTER: RosterFilter = { district: null, street: null, community: null, certificate: null, postType: null, name: null };

const PAGE = 50;

/** The stored roster a page at a time (the store filters and counts; 100,000 workers never cross at once), with 编辑 per row. */
export function RosterGrid({ filter, onFilter, version }: { filter: RosterFilter; onFilter: (f: RosterFilter) => void; version: number }) {
  const m = useMessages(rosterMessages);
  const showApiError = useShowApiError();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<ApiOutput<'roster.list'> | null>(null);
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState<ShownWorker | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await api['roster.list']({ filter, offset: (page - 1) * PAGE, limit: PAGE }));
    } catch (e) {
      showApiError(m.loadFailed, e);
    } finally {
      setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- showApiError and m follow the language; a reload is for the filter, the page and a new import
  }, [filter, page, version]);

  useEffect(() => {
    void load();
  }, [load]);

  const choice = (values: readonly string[] = []) => [
    { value: '', label: m.all },
    ...values.map((v) => ({ value: v, label: v })),
    { value: '未填', label: m.unfilled },
  ];
  const set = (key: keyof RosterFilter) => (v: string) => {
    setPage(1);
    onFilter({ ...filter, [key]: v === '' ? null : v });
  };

  const columns: ColumnsType<ShownWorker> = [
    { title: m.seq, dataIndex: 'seq', width: 64, fixed: 'left' },
    { title: m.name, dataIndex: 'name', width: 110, fixed: 'left' },
    { title: m.gender, dataIndex: 'gender', width: 60 },
    { title: m.birthDate, dataIndex: 'birthDate', width: 110 },
    { title: m.idNumber, dataIndex: 'idNumber', width: 170 },
    { title: m.education, dataIndex: 'education', width: 100 },
    { title: m.field, dataIndex: 'field', width: 90 },
    { title: m.titleCol, dataIndex: 'title', width: 70 },
    { title: m.certificate, dataIndex: 'certificate', width: 130 },
    { title: m.postType, dataIndex: 'postType', width: 90 },
    { title: m.postLevel, dataIndex: 'postLevel', width: 90 },
    { title: m.step, dataIndex: 'step', width: 60 },
    { title: m.hireDate, dataIndex: 'hireDate', width: 110 },
    { title: m.community, dataIndex: 'community', width: 110 },
    { title: m.street, dataIndex: 'street', width: 110 },
    { title: m.district, dataIndex: 'district', width: 90 },
    { title: m.ratings, dataIndex: 'ratings', width: 180, render: (_, w) => ratingsText(w.ratings) },
    { title: m.partyPost, dataIndex: 'partyPost', width: 80, render: (v: boolean | null) => (v === null ? '' : v ? m.yes : m.no) },
    {
      title: '',
      key: 'edit',
      width: 70,
      fixed: 'right',
      render: (_, w) => (
        <Button size="small" type="link" onClick={() => setEditing(w)} data-testid={`roster-edit-${w.seq}`}>
          {m.edit}
        </Button>
      ),
    },
  ];

  const c = data?.choices;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }} data-testid="roster-filters">
        <span>{m.filterDistrict}</span>
        <Select style={{ width: 120 }} value={filter.district ?? ''} options={choice(c?.districts)} onChange={set('district')} data-testid="filter-district" />
        <span>{m.filterStreet}</span>
        <Select style={{ width: 130 }} value={filter.street ?? ''} options={choice(c?.streets)} onChange={set('street')} data-testid="filter-street" />
        <span>{m.filterCommunity}</span>
        <Select
          style={{ width: 130 }}
          value={filter.community ?? ''}
          options={choice(c?.communities)}
          onChange={set('community')}
          data-testid="filter-community"
        />
        <span>{m.filterCertificate}</span>
        <Select
          style={{ width: 150 }}
          value={filter.certificate ?? ''}
          options={choice(CERTIFICATES)}
          onChange={set('certificate')}
          data-testid="filter-certificate"
        />
        <span>{m.filterPostType}</span>
        <Select style={{ width: 110 }} value={filter.postType ?? ''} options={choice(c?.postTypes)} onChange={set('postType')} data-testid="filter-post-type" />
        <Input.Search allowClear placeholder={m.filterName} style={{ width: 150 }} onSearch={(v) => set('name')(v.trim())} data-testid="filter-name" />
        <Typography.Text type="secondary" data-testid="roster-total">
          {m.total(data?.total ?? 0)}
        </Typography.Text>
      </Space>
      <Table<ShownWorker>
        size="small"
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data?.workers ?? []}
        scroll={{ x: 1900, y: 480 }}
        pagination={{ current: page, pageSize: PAGE, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        data-testid="roster-grid"
      />
      {editing && (
        <WorkerEditor
          worker={editing}
          onClose={() => setEditing(null)}
          onSaved={(w) => {
            setEditing(null);
            setData((d) => (d ? { ...d, workers: d.workers.map((x) => (x.id === w.id ? w : x)) } : d));
            showDone(m.saved);
          }}
        />
      )}
    </>
  );
}
