/**
 * The exports: 双公示 行政处罚 (the desk's penalty decisions, with what the desk does not record
 * entered here), the publication lists, the case list with the current filter, the work list and a
 * subject's full record. Every file is written through xlsx-writer (text neutralised, codes as text).
 */
import { App as AntApp, Alert, Button, Card, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { PENALTY_TYPES, type PenaltyType } from '../../../shared/exchange/shuanggongshi';
import { useDesk } from '../stores/app-store';
import { useDeskQuery } from '../desk/hooks';
import { findByCode } from '../desk/subjects';
import { caseListExport, penaltyCandidates, penaltyDisclosureExport, publicationListExport, subjectRecordExport, workListExport, type PenaltyDetails } from '../desk/exports';
import { saveWorkbook } from './xlsx-writer';

const EMPTY_DETAILS: PenaltyDetails = { basis: '', penaltyTypes: [], content: '', fineYuan: null, authorityUscc: '', validUntil: null };

export function ExportCard() {
  const desk = useDesk();
  const { message } = AntApp.useApp();
  const [notice, setNotice] = useState<{ type: 'success' | 'warning' | 'error'; text: string } | null>(null);
  const [code, setCode] = useState('');
  const save = async (build: () => Promise<Parameters<typeof saveWorkbook>[0] | null>, what: string) => {
    try {
      const workbook = await build();
      if (!workbook) return;
      if (await saveWorkbook(workbook)) message.success(`已导出${what}`);
    } catch (error) {
      console.error('export failed', error);
      setNotice({ type: 'error', text: `导出${what}失败，请重试；仍失败时请联系维护人员` });
    }
  };
  const publication = async (listType: 'dishonesty_list' | 'severe_dishonesty_list', label: string) => {
    const r = await publicationListExport(desk, listType);
    setNotice({ type: r.excluded.length > 0 ? 'warning' : 'success', text: `${label}：列出 ${r.listed} 项${r.excluded.length > 0 ? `；未列出 ${r.excluded.length} 项（${[...new Set(r.excluded.map((e) => e.reason))].join('；')}）` : ''}` });
    return r.workbook;
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="export-card">
      {notice && <Alert type={notice.type} showIcon title={notice.text} closable onClose={() => setNotice(null)} data-testid="export-notice" />}
      <Card size="small" title="名单与列表">
        <Space wrap>
          <Button onClick={() => void save(() => publication('dishonesty_list', '失信名单'), '失信名单公示表')} data-testid="export-publication-dishonesty">
            失信名单公示表
          </Button>
          <Button onClick={() => void save(() => publication('severe_dishonesty_list', '严重失信主体名单'), '严重失信主体名单公示表')} data-testid="export-publication-severe">
            严重失信主体名单公示表
          </Button>
          <Button onClick={() => void save(() => caseListExport(desk), '案件列表')} data-testid="export-case-list">
            案件列表（按案件页当前筛选）
          </Button>
          <Button onClick={() => void save(() => workListExport(desk), '期限表')} data-testid="export-work-list">
            办理期限表
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          公示表按各案件的公示方式处理个人信息（身份证号码默认脱敏），表头写明公示依据；已移出或期满的不再列出。
        </Typography.Paragraph>
      </Card>
      <Card size="small" title="主体完整记录（内部使用）">
        <Space>
          <Input placeholder="统一社会信用代码或公民身份号码" style={{ width: 280 }} value={code} onChange={(e) => setCode(e.target.value)} data-testid="export-subject-code" />
          <Button
            onClick={() =>
              void save(async () => {
                const subject = await findByCode(desk, code);
                if (!subject) {
                  setNotice({ type: 'warning', text: '没有找到该号码的主体，请核对号码' });
                  return null;
                }
                return subjectRecordExport(desk, subject.id);
              }, '主体记录')
            }
            data-testid="export-subject"
          >
            导出主体记录
          </Button>
        </Space>
      </Card>
      <PenaltyDisclosureCard onNotice={setNotice} />
    </Space>
  );
}

function PenaltyDisclosureCard({ onNotice }: { onNotice: (n: { type: 'success' | 'warning' | 'error'; text: string }) => void }) {
  const desk = useDesk();
  const { message } = AntApp.useApp();
  const candidates = useDeskQuery((d) => penaltyCandidates(d), []);
  const [details, setDetails] = useState<Record<string, PenaltyDetails>>({});
  const [selected, setSelected] = useState<string[]>([]);
  const patch = (key: string, p: Partial<PenaltyDetails>) => setDetails((d) => ({ ...d, [key]: { ...EMPTY_DETAILS, ...d[key], ...p } }));
  const run = async () => {
    const chosen = (candidates ?? []).filter((c) => selected.includes(c.key)).map((candidate) => ({ candidate, details: details[candidate.key] ?? EMPTY_DETAILS }));
    const r = await penaltyDisclosureExport(desk, chosen);
    if (r.refused.length > 0) onNotice({ type: 'warning', text: `以下决定书未导出，请补全后再导出：${r.refused.map((x) => `${x.documentNo}（${x.reasons.join('、')}）`).join('；')}` });
    if (r.workbook.sheets[0]!.rows.length === 0) return;
    if (await saveWorkbook(r.workbook)) message.success(`已导出双公示行政处罚表 ${r.workbook.sheets[0]!.rows.length} 条`);
  };
  return (
    <Card size="small" title="双公示 行政处罚（全国统一30列格式）" data-testid="export-penalty">
      <Typography.Paragraph type="secondary">
        列出案件所依据的行政处罚决定书。请勾选要报送的决定书，补全本系统未记录的内容（处罚依据、处罚类别、处罚内容、罚款金额、处罚机关统一社会信用代码）；数据来源单位为本办公室。
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="key"
        pagination={{ pageSize: 10 }}
        dataSource={candidates ?? []}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
        columns={[
          { title: '决定书文号', dataIndex: 'documentNo' },
          { title: '主体', dataIndex: 'subjectLabel' },
          { title: '作出日期', dataIndex: 'decidedOn', width: 100 },
          { title: '处罚依据', render: (_, c) => <Input size="small" value={details[c.key]?.basis ?? ''} onChange={(e) => patch(c.key, { basis: e.target.value })} data-testid="penalty-basis" /> },
          {
            title: '处罚类别',
            render: (_, c) => (
              <Select size="small" mode="multiple" style={{ minWidth: 140 }} value={details[c.key]?.penaltyTypes ?? []} onChange={(v: PenaltyType[]) => patch(c.key, { penaltyTypes: v })} options={PENALTY_TYPES.map((t) => ({ value: t, label: t }))} data-testid="penalty-types" />
            ),
          },
          { title: '处罚内容', render: (_, c) => <Input size="small" value={details[c.key]?.content ?? ''} onChange={(e) => patch(c.key, { content: e.target.value })} data-testid="penalty-content" /> },
          { title: '罚款金额（元）', render: (_, c) => <InputNumber size="small" min={0} value={details[c.key]?.fineYuan ?? null} onChange={(v) => patch(c.key, { fineYuan: typeof v === 'number' ? v : null })} data-testid="penalty-fine" /> },
          { title: '处罚机关统一社会信用代码', render: (_, c) => <Input size="small" value={details[c.key]?.authorityUscc ?? ''} onChange={(e) => patch(c.key, { authorityUscc: e.target.value })} data-testid="penalty-authority-uscc" /> },
        ]}
      />
      <Button type="primary" disabled={selected.length === 0} onClick={() => void run()} data-testid="export-penalty-run">
        导出双公示表
      </Button>
    </Card>
  );
}
