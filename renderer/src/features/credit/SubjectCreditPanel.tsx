import { App as AntApp, Alert, Button, Card, Form, Input, List, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { InputWithLabel } from '../../components/Addon';
import { useState } from 'react';
import { useDesk } from '../../stores/app-store';
import { addAward, addEvaluation, setPositivePublicationOptOut, setRegistrationFacts, subjectCreditView, useDeskQuery, type SubjectCreditView } from '../../desk';
import { describeSource, type CreditRecord } from '../../../../shared/credit/records';
import type { Award, GrantorLevel } from '../../../../shared/credit/incentive';
import { CommitmentsPanel } from './CommitmentsPanel';
import { ScorePanel } from './ScorePanel';
import { ReportPanel } from './ReportPanel';
import { formatDateTime } from '../../format/time';

const GRADE_COLORS: Record<string, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

function RecordsTable({ records, testId }: { records: readonly CreditRecord[]; testId: string }) {
  return (
    <Table<CreditRecord>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={[...records]}
      data-testid={testId}
      locale={{ emptyText: '无' }}
      columns={[
        { title: '日期', dataIndex: 'date', width: 110 },
        { title: '失信信息', dataIndex: 'description' },
        { title: '程度', dataIndex: 'kind', width: 70, render: (k: string) => (k === 'severe' ? '严重' : '一般') },
        { title: '来源', render: (_, r) => describeSource(r.source) },
      ]}
    />
  );
}

function GradeTab({ view }: { view: SubjectCreditView }) {
  if (view.subject.kind === 'natural_person') return <Typography.Paragraph type="secondary">企业信用分级分类只适用于企业等组织。</Typography.Paragraph>;
  if (!view.hebei.ok) return <Alert type="warning" showIcon title={view.hebei.reason} />;
  const h = view.hebei;
  return (
    <div data-testid="credit-grade">
      <Space style={{ marginBottom: 8 }}>
        <Tag color={GRADE_COLORS[h.grade]} style={{ fontSize: 16, padding: '4px 12px' }} data-testid="credit-grade-tag">
          {h.label}
        </Tag>
        <Typography.Text type="secondary">
          评价期间 {h.window.from} 至 {h.window.to}
        </Typography.Text>
      </Space>
      <Typography.Paragraph>{h.supervision}</Typography.Paragraph>
      <Typography.Title level={5}>决定等级的记录</Typography.Title>
      <RecordsTable records={h.decidingRecords} testId="credit-deciding-records" />
      <List size="small" style={{ marginTop: 8 }} dataSource={h.explanation} renderItem={(line) => <List.Item data-testid="credit-grade-explanation">{line}</List.Item>} />
      <Typography.Text type="secondary">{h.basis}</Typography.Text>
    </div>
  );
}

type AwardValues = { title: string; grantor: string; grantorKind: Award['grantorKind']; grantorLevel: GrantorLevel; local: boolean; date: string; document?: string };

const LEVELS: { value: GrantorLevel; label: string }[] = [
  { value: 'national', label: '国家级' },
  { value: 'provincial', label: '省级' },
  { value: 'city', label: '市级' },
  { value: 'county', label: '县级' },
  { value: 'township', label: '乡镇级' },
  { value: 'other', label: '其他' },
];

function IncentiveTab({ view }: { view: SubjectCreditView }) {
  const desk = useDesk();
  const { message } = AntApp.useApp();
  const [awardForm] = Form.useForm<AwardValues>();
  const [error, setError] = useState<string | null>(null);
  const [optNote, setOptNote] = useState('');
  const [facts, setFacts] = useState({ establishedOn: view.profile.establishedOn ?? '', revokedOn: view.profile.businessLicenceRevokedOn ?? '' });
  const [evaluation, setEvaluation] = useState({ scheme: '', grade: '', evaluatedOn: '', department: '' });
  const inc = view.incentive;
  const done = (r: { ok: boolean; reason?: string }, ok: string) => {
    if (!r.ok) setError(r.reason ?? '');
    else {
      setError(null);
      message.success(ok);
    }
  };
  const saveAward = async (v: AwardValues) => {
    const r = await addAward(desk, view.subject.id, { title: v.title ?? '', grantor: v.grantor ?? '', grantorKind: v.grantorKind, grantorLevel: v.grantorLevel, local: v.local ?? true, date: v.date ?? '', document: v.document?.trim() || null });
    done(r, '已登记奖励或荣誉');
    if (r.ok) awardForm.resetFields();
  };
  return (
    <div data-testid="credit-incentive">
      <Space style={{ marginBottom: 8 }}>
        <Tag color={inc.eligible ? 'green' : 'default'} data-testid="incentive-verdict">
          {inc.eligible ? '符合守信激励对象条件' : '不是守信激励对象'}
        </Tag>
        <Typography.Text type="secondary">{inc.basis}</Typography.Text>
      </Space>
      <List size="small" dataSource={inc.explanation} renderItem={(line) => <List.Item data-testid="incentive-reason">{line}</List.Item>} />
      {inc.veto.applied && (
        <>
          <Typography.Title level={5}>一票否决的记录</Typography.Title>
          <RecordsTable records={inc.veto.records} testId="incentive-veto-records" />
        </>
      )}
      <Card size="small" title="守信信息公示（黑龙江省社会信用条例 第三十七条）" style={{ marginTop: 12 }}>
        <Space wrap>
          <Switch
            checked={view.profile.positiveOptOut !== null}
            checkedChildren="不公示"
            unCheckedChildren="可公示"
            data-testid="optout-switch"
            onChange={(on) => void setPositivePublicationOptOut(desk, view.subject.id, on, optNote).then((r) => done(r, on ? '已登记不公示守信信息申请' : '已撤回不公示申请'))}
          />
          <Input style={{ width: 320 }} placeholder="申请方式和日期（如 2026-10-10 书面申请）" value={optNote} onChange={(e) => setOptNote(e.target.value)} data-testid="optout-note" />
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="optout-state">
          {view.profile.positiveOptOut ? `信用主体已于${view.profile.positiveOptOut.since}申请不公示自身守信信息（${view.profile.positiveOptOut.note}）：守信信息不出现在对外的报告和名单中。` : inc.publication.reason}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title="奖励和荣誉" style={{ marginTop: 12 }}>
        <List
          size="small"
          dataSource={view.profile.awards}
          locale={{ emptyText: '尚未登记' }}
          renderItem={(a) => (
            <List.Item data-testid="award-row">
              {a.date} {a.grantor}授予“{a.title}”{a.document ? `（${a.document}）` : ''}
              {a.revoked ? <Tag>已撤销</Tag> : null}
            </List.Item>
          )}
        />
        <Form form={awardForm} layout="inline" initialValues={{ grantorKind: 'government_department', grantorLevel: 'county', local: true }} onFinish={(v) => void saveAward(v)} style={{ marginTop: 8, rowGap: 8 }}>
          <Form.Item name="title">
            <Input placeholder="奖励或荣誉名称" data-testid="award-title" />
          </Form.Item>
          <Form.Item name="grantor">
            <Input placeholder="授予单位" data-testid="award-grantor" />
          </Form.Item>
          <Form.Item name="grantorKind">
            <Select style={{ width: 130 }} options={[{ value: 'government', label: '人民政府' }, { value: 'government_department', label: '政府部门' }, { value: 'other_unit', label: '其他单位' }]} />
          </Form.Item>
          <Form.Item name="grantorLevel">
            <Select style={{ width: 100 }} options={LEVELS} />
          </Form.Item>
          <Form.Item name="local" label="本市（县）单位">
            <Select style={{ width: 70 }} options={[{ value: true, label: '是' }, { value: false, label: '否' }]} />
          </Form.Item>
          <Form.Item name="date">
            <Input placeholder="授予日期" style={{ width: 120 }} data-testid="award-date" />
          </Form.Item>
          <Form.Item name="document">
            <Input placeholder="文件（可选）" style={{ width: 160 }} />
          </Form.Item>
          <Button htmlType="submit" data-testid="award-submit">
            登记
          </Button>
        </Form>
      </Card>
      <Card size="small" title="登记信息与其他信用评价" style={{ marginTop: 12 }}>
        <Space wrap>
          <InputWithLabel label="成立日期" style={{ width: 240 }} value={facts.establishedOn} onChange={(e) => setFacts((f) => ({ ...f, establishedOn: e.target.value }))} data-testid="established-on" />
          <InputWithLabel label="吊销营业执照日期" style={{ width: 280 }} value={facts.revokedOn} onChange={(e) => setFacts((f) => ({ ...f, revokedOn: e.target.value }))} />
          <Button onClick={() => void setRegistrationFacts(desk, view.subject.id, { establishedOn: facts.establishedOn.trim() || null, businessLicenceRevokedOn: facts.revokedOn.trim() || null }).then((r) => done(r, '已保存'))} data-testid="facts-save">
            保存
          </Button>
        </Space>
        <Space wrap style={{ marginTop: 8 }}>
          <Input placeholder="评价名称（如 纳税信用等级）" value={evaluation.scheme} onChange={(e) => setEvaluation((x) => ({ ...x, scheme: e.target.value }))} />
          <Input placeholder="等级" style={{ width: 80 }} value={evaluation.grade} onChange={(e) => setEvaluation((x) => ({ ...x, grade: e.target.value }))} />
          <Input placeholder="评价日期" style={{ width: 120 }} value={evaluation.evaluatedOn} onChange={(e) => setEvaluation((x) => ({ ...x, evaluatedOn: e.target.value }))} />
          <Input placeholder="评价部门" value={evaluation.department} onChange={(e) => setEvaluation((x) => ({ ...x, department: e.target.value }))} />
          <Button onClick={() => void addEvaluation(desk, view.subject.id, { ...evaluation, document: null }).then((r) => done(r, '已登记信用评价'))}>登记评价</Button>
        </Space>
        {view.profile.evaluations.length > 0 && (
          <List size="small" dataSource={view.profile.evaluations} renderItem={(e) => <List.Item>{`${e.evaluatedOn} ${e.department}${e.scheme}：${e.grade}`}</List.Item>} />
        )}
      </Card>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} data-testid="credit-error" />}
      {view.profile.changes.length > 0 && (
        <List
          size="small"
          header="变动记录"
          style={{ marginTop: 12 }}
          dataSource={[...view.profile.changes].reverse()}
          renderItem={(c) => (
            <List.Item>
              {formatDateTime(c.at)} {c.by}：{c.label}（{c.detail}）
            </List.Item>
          )}
        />
      )}
    </div>
  );
}

/** 信用 on the subject page: grade with its deciding records, incentives, commitments, points, the report. */
export function SubjectCreditPanel({ subjectId }: { subjectId: string }) {
  const view = useDeskQuery((d) => subjectCreditView(d, subjectId), [subjectId]);
  if (!view) return null;
  return (
    <Card size="small" title="信用" style={{ marginTop: 16 }} data-testid="subject-credit">
      <Tabs
        items={[
          { key: 'grade', label: '信用分级分类', children: <GradeTab view={view} /> },
          { key: 'incentive', label: '守信激励', children: <IncentiveTab key={view.profile.updatedAt} view={view} /> },
          { key: 'commitments', label: '信用承诺', children: <CommitmentsPanel subject={view.subject} /> },
          { key: 'score', label: '信用评分', children: <ScorePanel subjectId={subjectId} /> },
          { key: 'report', label: '信用报告', children: <ReportPanel subjectId={subjectId} /> },
        ]}
      />
    </Card>
  );
}
