import { App as AntApp, Alert, Button, Card, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useDesk } from '../../stores/app-store';
import { commitmentAvailability, recordCommitmentAct, registerCommitment, subjectCommitments, useDeskQuery, type FoldedCommitment, type SubjectRow } from '../../desk';
import { navigate } from '../../router';
import {
  COMMITMENT_EVENT_LABELS,
  COMMITMENT_RULE_PRESETS,
  COMMITMENT_TYPE_LABELS,
  type CommitmentEventType,
  type CommitmentType,
} from '../../../../shared/credit/commitments';

const TYPES = Object.keys(COMMITMENT_TYPE_LABELS) as CommitmentType[];
const ACTS: CommitmentEventType[] = ['published', 'licence_decided', 'materials_completed', 'verification_started', 'verified', 'rectification_ordered', 'rectification_checked', 'consequence_applied'];

type ActValues = Record<string, string | undefined>;

function payloadOf(type: CommitmentEventType, v: ActValues): unknown {
  switch (type) {
    case 'published':
      return { channels: (v.channels ?? '').split(/[，,、]/).map((s) => s.trim()).filter(Boolean) };
    case 'licence_decided':
      return { decisionNo: v.documentNo ?? '' };
    case 'materials_completed':
    case 'verification_started':
      return { note: v.note ?? '' };
    case 'verified':
      return { result: v.result ?? 'fulfilled', findings: v.findings ?? '' };
    case 'rectification_ordered':
      return { documentNo: v.documentNo ?? '', dueOn: v.dueOn ?? '' };
    case 'rectification_checked':
      return { rectified: v.rectified === 'yes', findings: v.findings ?? '' };
    case 'consequence_applied':
      return { code: v.code ?? '', documentNo: v.documentNo ?? '', caseId: v.caseId?.trim() || null };
    default:
      return {};
  }
}

function ActForm({ c, today }: { c: FoldedCommitment; today: string }) {
  const desk = useDesk();
  const { message } = AntApp.useApp();
  const [type, setType] = useState<CommitmentEventType | undefined>(undefined);
  const [form] = Form.useForm<ActValues>();
  const [error, setError] = useState<string | null>(null);
  const availability = type ? commitmentAvailability(c, type) : null;
  const submit = async (v: ActValues) => {
    if (!type) return;
    const r = await recordCommitmentAct(desk, c.row.id, { type, occurredOn: v.occurredOn ?? '', payload: payloadOf(type, v) });
    if (!r.ok) setError(r.reason);
    else {
      setError(null);
      setType(undefined);
      form.resetFields();
      message.success(`已登记“${COMMITMENT_EVENT_LABELS[type]}”`);
    }
  };
  const needs = (...types: CommitmentEventType[]) => type !== undefined && types.includes(type);
  return (
    <Form form={form} layout="inline" initialValues={{ occurredOn: today }} onFinish={(v) => void submit(v)} style={{ rowGap: 8, marginTop: 8 }} data-testid="commitment-act-form">
      <Form.Item>
        <Select
          style={{ width: 160 }}
          placeholder="办理事项"
          value={type}
          onChange={(t) => {
            setType(t);
            setError(null);
          }}
          options={ACTS.map((t) => ({ value: t, label: COMMITMENT_EVENT_LABELS[t], disabled: !commitmentAvailability(c, t).ok }))}
          data-testid="commitment-act"
        />
      </Form.Item>
      <Form.Item name="occurredOn">
        <Input style={{ width: 120 }} placeholder="办理日期" data-testid="commitment-act-date" />
      </Form.Item>
      {needs('published') && (
        <Form.Item name="channels">
          <Input placeholder="公示渠道（多个用顿号分隔）" data-testid="commitment-channels" />
        </Form.Item>
      )}
      {needs('licence_decided', 'rectification_ordered', 'consequence_applied') && (
        <Form.Item name="documentNo">
          <Input placeholder={type === 'licence_decided' ? '许可决定文号' : '文书文号'} data-testid="commitment-document" />
        </Form.Item>
      )}
      {needs('materials_completed', 'verification_started') && (
        <Form.Item name="note">
          <Input placeholder="说明" />
        </Form.Item>
      )}
      {needs('verified') && (
        <Form.Item name="result" initialValue="fulfilled">
          <Select style={{ width: 130 }} options={[{ value: 'fulfilled', label: '已履约' }, { value: 'not_fulfilled', label: '未履行承诺' }, { value: 'false_commitment', label: '虚假承诺' }]} data-testid="commitment-result" />
        </Form.Item>
      )}
      {needs('rectification_checked') && (
        <Form.Item name="rectified" initialValue="yes">
          <Select style={{ width: 130 }} options={[{ value: 'yes', label: '已整改' }, { value: 'no', label: '仍不符合' }]} />
        </Form.Item>
      )}
      {needs('verified', 'rectification_checked') && (
        <Form.Item name="findings">
          <Input placeholder="核查情况" style={{ width: 220 }} data-testid="commitment-findings" />
        </Form.Item>
      )}
      {needs('rectification_ordered') && (
        <Form.Item name="dueOn">
          <Input placeholder="整改期限" style={{ width: 120 }} />
        </Form.Item>
      )}
      {needs('consequence_applied') && (
        <>
          <Form.Item name="code">
            <Select style={{ width: 300 }} placeholder="依规处理" options={c.state.consequencesDue.map((d) => ({ value: d.code, label: d.label }))} data-testid="commitment-consequence" />
          </Form.Item>
          <Form.Item name="caseId">
            <Input placeholder="立案的案件（可选）" style={{ width: 160 }} />
          </Form.Item>
        </>
      )}
      <Button htmlType="submit" type="primary" disabled={!type || (availability !== null && !availability.ok)} data-testid="commitment-act-submit">
        登记
      </Button>
      {availability && !availability.ok && <Typography.Text type="secondary">{availability.reason}</Typography.Text>}
      {error && <Alert type="error" showIcon title={error} data-testid="commitment-error" />}
    </Form>
  );
}

function CommitmentCard({ c, subjectId, today }: { c: FoldedCommitment; subjectId: string; today: string }) {
  const s = c.state;
  return (
    <Card size="small" style={{ marginBottom: 8 }} title={`${COMMITMENT_TYPE_LABELS[c.row.type]}：${c.row.matter}`} extra={<Tag data-testid="commitment-stage">{s.stageLabel}</Tag>} data-testid="commitment-card">
      <Typography.Text type="secondary">
        {c.row.department}，{s.committedOn}作出承诺；适用《{c.rules.title}》
      </Typography.Text>
      {s.deadlines.map((d) => (
        <div key={d.key} data-testid="commitment-deadline">
          <Tag color={d.overdue ? 'red' : 'gold'}>{d.overdue ? '已逾期' : '待办'}</Tag>
          {d.label}：{d.dueOn}（{d.basis}）
        </div>
      ))}
      {s.consequencesDue.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="commitment-consequences"
          title="依规应作的违诺处理"
          description={
            <List
              size="small"
              dataSource={s.consequencesDue}
              renderItem={(d) => (
                <List.Item>
                  {d.label}（{d.basis}）
                  {d.opensCase && (
                    <Button size="small" type="link" onClick={() => navigate('cases', 'new', subjectId)} data-testid="commitment-open-case">
                      新建案件
                    </Button>
                  )}
                </List.Item>
              )}
            />
          }
        />
      )}
      <List
        size="small"
        dataSource={c.row.events}
        renderItem={(e) => (
          <List.Item>
            {e.occurredOn} {COMMITMENT_EVENT_LABELS[e.type]}
          </List.Item>
        )}
      />
      <ActForm c={c} today={today} />
    </Card>
  );
}

type NewValues = { rulesKey: string; type: CommitmentType; matter: string; department: string; text: string; materialsDueOn?: string; committedOn: string };

export function CommitmentsPanel({ subject }: { subject: SubjectRow }) {
  const desk = useDesk();
  const today = desk.clock.today();
  const { message } = AntApp.useApp();
  const list = useDeskQuery((d) => subjectCommitments(d, subject.id), [subject.id]);
  const [form] = Form.useForm<NewValues>();
  const type = Form.useWatch('type', form);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: NewValues) => {
    const r = await registerCommitment(desk, { subjectId: subject.id, rulesKey: v.rulesKey, type: v.type, matter: v.matter ?? '', department: v.department ?? '', text: v.text ?? '', materialsDueOn: v.materialsDueOn?.trim() || null, committedOn: v.committedOn ?? '' });
    if (!r.ok) setError(r.reason);
    else {
      setError(null);
      form.resetFields();
      message.success('已登记信用承诺');
    }
  };
  return (
    <div data-testid="commitments">
      {(list ?? []).map((c) => (
        <CommitmentCard key={c.row.id} c={c} subjectId={subject.id} today={today} />
      ))}
      <Card size="small" title="登记信用承诺">
        <Form form={form} layout="vertical" initialValues={{ rulesKey: 'HLJ', type: 'approval_substitute', committedOn: today }} onFinish={(v) => void submit(v)} style={{ maxWidth: 640 }}>
          <Space wrap>
            <Form.Item label="适用规定" name="rulesKey">
              <Select style={{ width: 240 }} options={COMMITMENT_RULE_PRESETS.map((r) => ({ value: r.key, label: r.title }))} data-testid="commitment-rules" />
            </Form.Item>
            <Form.Item label="承诺类型" name="type">
              <Select style={{ width: 160 }} options={TYPES.map((t) => ({ value: t, label: COMMITMENT_TYPE_LABELS[t] }))} data-testid="commitment-type" />
            </Form.Item>
            <Form.Item label="承诺日期" name="committedOn">
              <Input style={{ width: 120 }} data-testid="commitment-date" />
            </Form.Item>
          </Space>
          <Form.Item label="承诺事项" name="matter">
            <Input data-testid="commitment-matter" />
          </Form.Item>
          <Form.Item label="受理部门" name="department">
            <Input data-testid="commitment-department" />
          </Form.Item>
          <Form.Item label="承诺内容" name="text">
            <Input.TextArea rows={2} data-testid="commitment-text" />
          </Form.Item>
          {type === 'deficiency_acceptance' && (
            <Form.Item label="补齐材料期限" name="materialsDueOn">
              <Input style={{ width: 120 }} data-testid="commitment-materials-due" />
            </Form.Item>
          )}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="commitment-register-error" />}
          <Button type="primary" htmlType="submit" data-testid="commitment-submit">
            登记承诺
          </Button>
        </Form>
      </Card>
    </div>
  );
}
