/** 已签发文书: the list, view (stored snapshot, not logged), print with 送达回证, batch print, and the print log. */
import { App as AntApp, Button, Card, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useDesk } from '../../stores/app-store';
import { useDeskQuery } from '../../desk';
import { documentStore, issuedDocuments, printLog } from '../../desk/documents';
import type { IssuedDocument } from '../../../../shared/documents/issued';
import { DOCUMENT_KINDS, DOCUMENT_KIND_NAMES, type DocumentKind } from '../../../../shared/documents/types';
import { documentTitle } from '../../../../shared/documents/titles';
import { openStored, type PrintAction } from '../../documents/issue';
import { sha256Hex } from '../../documents/engine';
import { storedOutput, type Output } from './output';
import { formatDateTime } from '../../format/time';
import { TechnicalInfo } from '../../components/TechnicalInfo';

const KIND_OPTIONS = DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_NAMES[k] }));

export function IssuedList(props: {
  today: string;
  onOutput: (o: Omit<Output, 'url'>) => void;
  onPrint: (docs: IssuedDocument[], action?: PrintAction) => void;
  onCorrect: (doc: IssuedDocument) => void;
}) {
  const { today, onOutput, onPrint, onCorrect } = props;
  const desk = useDesk();
  const { message } = AntApp.useApp();
  const docs = useDeskQuery((d) => issuedDocuments(d), []) ?? [];
  const [selected, setSelected] = useState<string[]>([]);
  const [kindFilter, setKindFilter] = useState<DocumentKind | 'all'>('all');
  const shown = docs.filter((d) => kindFilter === 'all' || d.kind === kindFilter);

  /** 查看: the stored snapshot, checked against its SHA-256; not logged (viewing is not a reprint). */
  const doView = async (doc: IssuedDocument) => {
    const out = await openStored({ store: documentStore(desk) }, doc.id, sha256Hex);
    if (!out.ok) {
      void message.error(out.reason);
      return;
    }
    onOutput(storedOutput(out.document, 'reprint'));
  };

  const doBatch = () => {
    // keep groups together, in issue order
    const chosen = docs.filter((d) => selected.includes(d.id)).sort((a, b) => a.issuedAt.localeCompare(b.issuedAt));
    onPrint(chosen);
  };

  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select style={{ width: 260 }} value={kindFilter} onChange={setKindFilter} options={[{ value: 'all', label: '全部文书' }, ...KIND_OPTIONS]} />
        <Button onClick={() => setSelected(docs.filter((d) => d.state === 'valid' && d.date === today).map((d) => d.id))}>选择今日签发的文书</Button>
        <Button type="primary" data-testid="batch-print" disabled={selected.length === 0} onClick={doBatch}>
          打印选中（含送达回证，{selected.length}份）
        </Button>
      </Space>
      <Table<IssuedDocument>
        rowKey="id"
        size="small"
        dataSource={shown}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (d) => ({ disabled: d.state !== 'valid' }) }}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '文号', dataIndex: 'numberText', render: (v: string, d) => <span data-testid={`doc-number-${d.seq}`}>{v}</span> },
          { title: '文书', dataIndex: 'kind', render: (_: DocumentKind, d) => documentTitle(d.input) },
          { title: '当事人', dataIndex: 'subjectName' },
          { title: '成文日期', dataIndex: 'date' },
          { title: '页数', dataIndex: 'pages' },
          {
            title: '状态',
            dataIndex: 'state',
            render: (s: string, d) => (s === 'valid' ? <Tag color="green">有效</Tag> : <Tag color="red" title={d.voidReason}>已作废（{d.voidReason}）</Tag>),
          },
          {
            title: '操作',
            render: (_: unknown, d) => (
              <Space>
                <Button size="small" data-testid="doc-view" onClick={() => void doView(d)}>
                  查看
                </Button>
                {d.state === 'valid' && (
                  <Button size="small" data-testid="doc-print" onClick={() => onPrint([d], 'reprint')}>
                    打印（含送达回证）
                  </Button>
                )}
                {d.state === 'valid' && (
                  <Button size="small" onClick={() => onCorrect(d)}>
                    更正
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <PrintLog />
    </div>
  );
}

function PrintLog() {
  const log = useDeskQuery((d) => printLog(d), []) ?? [];
  if (log.length === 0) return null;
  const labels: Record<string, string> = { reprint: '重印', print: '打印', 'batch-print': '批量打印', download: '下载' };
  return (
    <Card size="small" title="打印与重印记录（查看不计入）" style={{ marginTop: 16 }} data-testid="print-log">
      <Table
        rowKey="id"
        size="small"
        dataSource={log.slice(0, 50)}
        pagination={false}
        columns={[
          { title: '时间', dataIndex: 'at', render: (at: string) => formatDateTime(at) },
          { title: '经办人', dataIndex: 'by' },
          { title: '操作', dataIndex: 'action', render: (a: string) => labels[a] ?? a },
          { title: '文书数', dataIndex: 'documentIds', render: (ids: string[]) => ids.length },
          { title: '页数', dataIndex: 'pages' },
          { title: '', dataIndex: 'sha256', render: (s: string) => <TechnicalInfo testId="print-log-technical" items={[['打印文件校验值（SHA-256）', s]]} /> },
        ]}
      />
    </Card>
  );
}

