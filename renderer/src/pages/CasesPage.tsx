import { Alert, Button, Card, Checkbox, Col, DatePicker, Descriptions, Empty, Row, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ListTable } from '../components/ListTable';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useAppStore, useDesk } from '../stores/app-store';
import {
  addAttachment,
  attachmentFile,
  caseMatches,
  caseRegions,
  caseView,
  countCases,
  countListedCases,
  isActionable,
  listCases,
  localPresets,
  saveCaseListFilter,
  savedCaseListFilter,
  searchCases,
  setRepairMaterials,
  useDeskQuery,
  verifyCase,
  type CaseListFilter,
  type CaseListItem,
  type CaseRow,
  type IntegrityReport,
  type RepairRow,
  type SearchMatch,
} from '../desk';
import { SEVERITY_LABELS } from '../../../shared/rules/types';
import { CASE_STAGE_LABELS, OBJECTION_STAGE_LABELS, REPAIR_STAGE_LABELS } from '../../../shared/case/state';
import type { CaseFlag, Deadline } from '../../../shared/case/state';
import { navigate } from '../router';
import { ListCount, useGrowingList } from '../components/Pager';
import { MatchSwitch, SearchBox, useSearchQuery } from '../components/SearchBox';
import { NewCaseForm } from '../components/NewCaseForm';
import { ActionPanel } from '../components/ActionPanel';
import { CaseTimeline } from '../components/CaseTimeline';
import { IntegrityResult } from '../components/IntegrityResult';
import { JointSanctionCard, JointStageTag, WindDownAlerts } from '../components/JointSanction';
import type { CaseEventType } from '../../../shared/case/events';
import { BASIS_TYPE_LABELS, LIST_TYPE_LABELS, optionsOf } from '../components/labels';
import { proportionalityLabel } from '../../../shared/case/explain';
import { TechnicalInfo } from '../components/TechnicalInfo';

const FLAG_LABELS: Record<CaseFlag, string> = {
  NO_REPAIR: '新有效期内不得申请修复',
  OBJECTION_MARKED: '已异议标注',
  EXPIRED_PENDING_ARCHIVE: '期满待转档案',
  CORRECTED: '已更正',
  BASIS_CHANGED: '依据已变更',
  PROVISIONAL_DEADLINE: '含暂定期限',
  UNSET_PERIOD: '有未设置的期限',
  JOINT_REVOKE_PENDING: '联合惩戒待撤销',
  MEASURES_PENDING_LIFT: '惩戒措施待解除',
};

/** Flags saying something must stop now that the listing has ended (黑龙江条例 第四十条: measures end at once when the listing ends). */
const URGENT_FLAGS: readonly CaseFlag[] = ['JOINT_REVOKE_PENDING', 'MEASURES_PENDING_LIFT'];

const LIST_HEIGHT = 560;

function CaseFilters({ filter, onChange }: { filter: CaseListFilter; onChange: (f: CaseListFilter) => void }) {
  const regions = useDeskQuery((d) => caseRegions(d), []);
  const set = (patch: Partial<CaseListFilter>) => {
    const next: CaseListFilter = { ...filter, ...patch };
    for (const k of Object.keys(next) as (keyof CaseListFilter)[]) if (next[k] === undefined || next[k] === '') delete next[k];
    onChange(next);
  };
  const stages = Object.entries(CASE_STAGE_LABELS).map(([value, label]) => ({ value, label }));
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="case-filters">
      <Select allowClear placeholder="阶段" style={{ width: 170 }} value={filter.stage} onChange={(v) => set({ stage: v })} options={stages} data-testid="case-filter-stage" />
      <Select allowClear placeholder="名单" style={{ width: 170 }} value={filter.listType} onChange={(v) => set({ listType: v })} options={optionsOf(LIST_TYPE_LABELS)} data-testid="case-filter-list" />
      <Select allowClear placeholder="严重程度" style={{ width: 110 }} value={filter.severity} onChange={(v) => set({ severity: v })} options={optionsOf(SEVERITY_LABELS)} data-testid="case-filter-severity" />
      <Select allowClear showSearch placeholder="乡镇（街道）" style={{ width: 150 }} value={filter.region} onChange={(v) => set({ region: v })} options={(regions ?? []).map((r) => ({ value: r, label: r || '（未填写）' }))} data-testid="case-filter-region" />
      <Select allowClear placeholder="规则集" style={{ width: 220 }} value={filter.ruleSetId} onChange={(v) => set({ ruleSetId: v })} options={localPresets().map((r) => ({ value: r.id, label: r.title }))} data-testid="case-filter-ruleset" />
      <DatePicker.RangePicker
        placeholder={['认定日期起', '认定日期止']}
        value={[filter.determinedFrom ? dayjs(filter.determinedFrom) : null, filter.determinedTo ? dayjs(filter.determinedTo) : null]}
        onChange={(range) => set({ determinedFrom: range?.[0]?.format('YYYY-MM-DD'), determinedTo: range?.[1]?.format('YYYY-MM-DD') })}
        allowEmpty={[true, true]}
        data-testid="case-filter-dates"
      />
      <Button onClick={() => set({ descending: filter.descending ? undefined : true })} data-testid="case-sort">
        最近期限{filter.descending ? '由远到近' : '由近到远'}
      </Button>
    </Space>
  );
}

/** The case list's columns (stable: the table re-renders only for new rows). */
const CASE_COLUMNS: TableColumnsType<CaseRow | CaseListItem> = [
  { title: '案件编号', dataIndex: 'caseNo', width: 200, render: (v: string) => <a data-testid="case-row">{v}</a> },
  { title: '主体', dataIndex: 'subjectLabel', width: 240, ellipsis: true },
  { title: '失信行为', dataIndex: 'behaviourLabel', ellipsis: true },
  { title: '严重程度', dataIndex: 'severity', width: 80, render: (v: keyof typeof SEVERITY_LABELS) => SEVERITY_LABELS[v] },
  { title: '阶段', dataIndex: 'stateLabel', width: 150, render: (v: string) => <Tag>{v}</Tag> },
  { title: '最近期限', width: 170, render: (_, r) => ('nextDue' in r && r.nextDue ? `${r.nextDue} ${r.nextDueLabel}` : '—') },
  { title: '认定日期', dataIndex: 'determinationDate', width: 100 },
];

function CaseList() {
  const desk = useDesk();
  const { query, debouncedQuery: q, prefer, setPrefer, changeQuery } = useSearchQuery();
  const saved = useDeskQuery((d) => savedCaseListFilter(d), []);
  const [edited, setEdited] = useState<CaseListFilter | null>(null);
  const filter = edited ?? saved ?? {};
  const { limit, onScroll, reset } = useGrowingList();
  const searching = q.trim() !== '';
  const result = useDeskQuery(
    async (d): Promise<{ q: string; rows: (CaseRow | CaseListItem)[]; hasMore: boolean; match: SearchMatch | null; matches: SearchMatch[] }> => {
      if (searching) return { q, ...(await searchCases(d, q, 0, limit, prefer)) };
      const rows = await listCases(d, filter, 0, limit + 1);
      return { q, rows: rows.slice(0, limit), hasMore: rows.length > limit, match: null, matches: [] };
    },
    [q, prefer, limit, JSON.stringify(filter)],
  );
  const match = result?.match ?? null;
  // Read after the rows for this query are shown (never competing with them): the count and the other ways that match.
  const shown = result?.q;
  const count = useDeskQuery((d) => (shown === undefined ? undefined : shown.trim() ? countCases(d, shown, match) : countListedCases(d, filter).then((count) => ({ count, exact: true }))), [shown, match, JSON.stringify(filter)]);
  const matches = useDeskQuery((d) => (shown?.trim() ? caseMatches(d, shown) : []), [shown]);
  const changeFilter = (f: CaseListFilter) => {
    setEdited(f);
    reset();
    void saveCaseListFilter(desk, f);
  };
  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <SearchBox
          value={query}
          onChange={(v) => {
            changeQuery(v);
            reset();
          }}
          placeholder="案件编号、文号、依据文号、主体名称（可用拼音首字母）或代码"
          width={440}
          testId="case-search"
        />
        <MatchSwitch match={match} matches={matches ?? result?.matches ?? []} onChange={(m) => { setPrefer(m); reset(); }} />
        <Button type="primary" onClick={() => navigate('cases', 'new')} data-testid="case-new">
          新建案件
        </Button>
      </Space>
      {!searching && <CaseFilters filter={filter} onChange={changeFilter} />}
      <ListTable<CaseRow | CaseListItem>
        size="small"
        rowKey="id"
        virtual
        scroll={{ y: LIST_HEIGHT, x: 1100 }}
        onScroll={onScroll(!!result?.hasMore)}
        pagination={false}
        loading={!result}
        dataSource={result?.rows ?? []}
        data-testid="case-table"
        data-rows-for={result?.q}
        onRow={(r) => ({ onClick: () => navigate('cases', r.id), style: { cursor: 'pointer' } })}
        locale={{ emptyText: searching ? '没有找到匹配的案件' : Object.keys(filter).length ? '没有符合筛选条件的案件' : '尚无案件：可从“主体”中选择主体新建案件，或在设置中载入演示数据' }}
        columns={CASE_COLUMNS}
      />
      <ListCount count={count} unit="件" loaded={result?.rows.length ?? 0} testId="case-count" />
    </div>
  );
}

function DeadlineTable({ deadlines, today }: { deadlines: Deadline[]; today: string }) {
  return (
    <Table<Deadline>
      size="small"
      rowKey={(d) => `${d.key}:${d.scopeId ?? ''}`}
      pagination={false}
      dataSource={deadlines}
      data-testid="case-deadlines"
      locale={{ emptyText: '没有未完成的期限' }}
      onRow={(d) => ({ 'data-testid': 'case-deadline-row', 'data-due': d.dueOn ?? '', 'data-overdue': d.overdue ? 'true' : 'false' }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: '期限', dataIndex: 'label' },
        {
          title: '届满日',
          render: (_, d) =>
            d.unset ? (
              <Tag color="orange">未设置</Tag>
            ) : d.paused ? (
              <Tag>计时中止</Tag>
            ) : (
              <span style={d.overdue && isActionable(d.outcome) ? { color: '#cf1322', fontWeight: 600 } : undefined}>
                {d.dueOn}
                {d.dueOn === today ? '（今天）' : ''}
                {d.overdue && isActionable(d.outcome) ? '（已逾期）' : ''}
              </span>
            ),
        },
        { title: '状态', render: (_, d) => (d.provisional ? <Tag color="gold">暂定（节假日安排未公布）</Tag> : null) },
        { title: '依据', dataIndex: 'basis', ellipsis: true },
      ]}
    />
  );
}

function RepairMaterials({ repair }: { repair: RepairRow }) {
  const desk = useDesk();
  return (
    <Space direction="vertical" size={0}>
      {repair.materials.map((m) => (
        <Checkbox
          key={m.key}
          checked={m.received}
          onChange={(e) => void setRepairMaterials(desk, repair.id, repair.materials.map((x) => (x.key === m.key ? { ...x, received: e.target.checked } : x)))}
        >
          {m.label}
        </Checkbox>
      ))}
    </Space>
  );
}

function CaseDetail({ id }: { id: string }) {
  const { office, today } = useAppStore();
  const desk = useDesk();
  const data = useDeskQuery((d) => caseView(d, id), [id, today]);
  const [integrity, setIntegrity] = useState<IntegrityReport | null>(null);
  const [action, setAction] = useState<CaseEventType | null>(null);
  if (data === undefined) return <Empty description="正在读取…" />;
  if (data === null) return <Empty description="案件不存在" />;
  const { caseRow, events, state, ctx, basisDocs, attachments, repairs, recipients, issuedDocs } = data;
  return (
    <div data-testid="case-detail">
      <Space style={{ marginBottom: 12 }} wrap>
        <Button onClick={() => navigate('cases')}>返回列表</Button>
        <Button onClick={() => navigate('subjects', caseRow.subjectId)}>查看主体</Button>
        <Button onClick={() => void verifyCase(desk, id).then(setIntegrity)} data-testid="verify-case">
          校验完整性
        </Button>
      </Space>
      {integrity && <IntegrityResult report={integrity} />}
      <Typography.Title level={4} data-testid="case-no">
        {caseRow.caseNo}
      </Typography.Title>
      <Space style={{ marginBottom: 12 }}>
        <Tag color="blue" data-testid="case-stage">
          {state.stageLabel}
        </Tag>
        <JointStageTag state={state} />
        {state.flags.map((f) => (
          <Tag key={f} color={URGENT_FLAGS.includes(f) ? 'red' : f === 'UNSET_PERIOD' || f === 'NO_REPAIR' ? 'orange' : 'default'} data-testid={`case-flag-${f}`}>
            {FLAG_LABELS[f]}
          </Tag>
        ))}
      </Space>
      <WindDownAlerts state={state} onAct={setAction} />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Descriptions bordered size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="主体" span={2}>
              <span data-testid="case-subject-label">{caseRow.subjectLabel}</span>
            </Descriptions.Item>
            <Descriptions.Item label="失信行为" span={2}>
              {caseRow.behaviourLabel}
            </Descriptions.Item>
            <Descriptions.Item label="严重程度">{SEVERITY_LABELS[caseRow.severity]}</Descriptions.Item>
            <Descriptions.Item label="认定日期">{caseRow.determinationDate}</Descriptions.Item>
            <Descriptions.Item label="规则集" span={2}>
              {ctx.ruleSet.title}（第{ctx.ruleSet.version}版）
            </Descriptions.Item>
            <Descriptions.Item label="列入日期">{state.listedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="送达日期">{state.servedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="有效期至">{state.validUntil ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="可申请修复日">
              <span data-testid="case-repair-eligible">{state.repairEligibleFrom ?? '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={proportionalityLabel(ctx.ruleSet)} span={2}>
              {caseRow.proportionalityNote || '—'}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>期限</Typography.Title>
          <DeadlineTable deadlines={state.deadlines} today={today} />
          <div style={{ height: 16 }} />
          {office ? <ActionPanel caseId={id} c={{ state, events, recipients, basisDocs, issuedDocs, caseCtx: ctx, ids: desk.ids }} active={action} onActiveChange={setAction} /> : <Alert type="warning" title="请先完成办公室设置" />}
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title="办案记录（时间线）" style={{ marginBottom: 16 }}>
            <CaseTimeline events={events} voided={state.voidedEventIds} />
          </Card>
          <Card size="small" title="认定依据" style={{ marginBottom: 16 }}>
            {basisDocs.map((b) => (
              <div key={b.id} data-testid="basis-doc">
                {BASIS_TYPE_LABELS[b.type]}：{b.docNo}（{b.issuingAuthority}，{b.decisionDate}，{b.effective ? '已生效' : '未生效'}）
              </div>
            ))}
          </Card>
          <JointSanctionCard state={state} />
          {state.objections.length > 0 && (
            <Card size="small" title="异议" style={{ marginBottom: 16 }}>
              {state.objections.map((o) => (
                <div key={o.objectionId} data-testid="objection-item">
                  {o.receivedOn} 收到 · {OBJECTION_STAGE_LABELS[o.stage]}
                  {o.reasons ? `（${o.reasons}）` : ''}
                </div>
              ))}
            </Card>
          )}
          {state.repairs.length > 0 && (
            <Card size="small" title="信用修复" style={{ marginBottom: 16 }}>
              {state.repairs.map((r) => (
                <div key={r.repairId} data-testid="repair-item" style={{ marginBottom: 8 }}>
                  {r.appliedOn} 申请 · {REPAIR_STAGE_LABELS[r.stage]}
                  {r.reasons ? `（${r.reasons}）` : ''}
                  {repairs.find((x) => x.id === r.repairId) && <RepairMaterials repair={repairs.find((x) => x.id === r.repairId)!} />}
                </div>
              ))}
            </Card>
          )}
          <Card
            size="small"
            title="附件"
            extra={
              <label style={{ cursor: 'pointer', color: '#1677ff' }}>
                添加证据材料
                <input
                  type="file"
                  multiple
                  hidden
                  data-testid="add-evidence"
                  onChange={(e) => {
                    const files = Array.from(e.target.files ?? []);
                    e.target.value = '';
                    void Promise.all(files.map((f) => addAttachment(desk, id, id, '证据', f, f.name)));
                  }}
                />
              </label>
            }
          >
            {attachments.length === 0 ? (
              <Typography.Text type="secondary">无</Typography.Text>
            ) : (
              attachments.map((a) => (
                <div key={a.id}>
                  <a onClick={() => void attachmentFile(desk, a).then((file) => window.open(URL.createObjectURL(file), '_blank', 'noopener'))}>{a.fileName}</a>（{a.purpose}，{Math.ceil(a.size / 1024)} KB）<TechnicalInfo items={[['文件校验值（SHA-256）', a.sha256]]} />
                </div>
              ))
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}

export function CasesPage({ params }: { params: string[] }) {
  return (
    <div>
      <Typography.Title level={3}>案件</Typography.Title>
      {params[0] === 'new' ? <NewCaseForm {...(params[1] ? { subjectId: params[1] } : {})} /> : params[0] ? <CaseDetail id={params[0]} /> : <CaseList />}
    </div>
  );
}
