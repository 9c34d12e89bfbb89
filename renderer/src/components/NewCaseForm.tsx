import { Alert, Button, Card, Checkbox, Descriptions, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useAppStore, useDesk } from '../stores/app-store';
import { BEHAVIOUR_CATALOGUES, checkBehaviourAllowed, findBehaviour, type BehaviourItem } from '../../../shared/rules/catalogues';
import { SEVERITY_LABELS, type Severity } from '../../../shared/rules/types';
import { unsetPeriods, describeUnsetPeriods } from '../../../shared/rules/office';
import { proportionalityLabel } from '../../../shared/case/explain';
import { isIsoDate } from '../../../shared/util/dates';
import type { BasisDocumentType, ListType } from '../../../shared/case/events';
import { getSubject, openCase, ruleSetForCase, searchSubjects, subjectLabel, useDeskQuery, type SubjectRow } from '../desk';
import { BASIS_TYPE_LABELS, LIST_TYPE_LABELS, optionsOf } from './labels';
import { navigate } from '../router';
import { DateInput } from './DateInput';
import { parseDateInput } from '../../../shared/util/parse-date';
import { FilePicker } from './FilePicker';

type BasisValues = { type: BasisDocumentType; documentNo: string; issuer: string; decidedOn: string; effective: boolean };
type Values = {
  subjectId: string;
  behaviourCode: string;
  behaviourText?: string;
  facts: string;
  severity: Severity;
  listType: ListType;
  determinedOn: string;
  determiningDept: string;
  basis: BasisValues[];
  proportionalityNote: string;
};

function flatten(items: readonly BehaviourItem[], depth = 0): { item: BehaviourItem; depth: number }[] {
  return items.flatMap((item) => [{ item, depth }, ...flatten(item.items ?? [], depth + 1)]);
}

/** "其他…" catalogue items need the concrete behaviour written out (and checked against the deny-list). */
function needsText(code: string): boolean {
  const found = findBehaviour(code);
  return !!found && found.item.text.startsWith('其他');
}

export function NewCaseForm({ subjectId }: { subjectId?: string }) {
  const { office, today } = useAppStore();
  const desk = useDesk();
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [subjectQuery, setSubjectQuery] = useState('');
  const [basisFiles, setBasisFiles] = useState<Record<number, File | null>>({});
  const [evidence, setEvidence] = useState<File[]>([]);
  const chosenId = Form.useWatch('subjectId', form) ?? subjectId;
  const behaviourCode = Form.useWatch('behaviourCode', form);
  const determinedOn = Form.useWatch('determinedOn', form) ?? today;
  const subject = useDeskQuery((d) => (chosenId ? getSubject(d, chosenId) : undefined), [chosenId]);
  const subjectOptions = useDeskQuery((d) => searchSubjects(d, subjectQuery, 0, 20).then((p) => p.rows), [subjectQuery]);
  const [ruleInfo, setRuleInfo] = useState<{ title: string; unset: string | null; proportionality: string } | { error: string } | null>(null);

  const catalogues = BEHAVIOUR_CATALOGUES.filter((c) => office?.assignments.some((a) => a.catalogueId === c.id));
  const behaviourOptions = useMemo(
    () =>
      catalogues.map((c) => ({
        label: c.title,
        options: flatten(c.items).map(({ item, depth }) => ({ value: item.code, label: `${depth ? '　' : ''}${item.article} ${item.text}` })),
      })),
    [catalogues],
  );

  useEffect(() => {
    if (!office || !behaviourCode || !isIsoDate(determinedOn)) {
      setRuleInfo(null);
      return;
    }
    let live = true;
    void ruleSetForCase(desk, office, behaviourCode, determinedOn).then((r) => {
      if (!live) return;
      if (!r.ok) setRuleInfo({ error: r.reason });
      else {
        const unset = unsetPeriods(r.ruleSet);
        setRuleInfo({ title: `${r.ruleSet.title}（第${r.ruleSet.version}版${r.ruleSet.derivedFrom ? '，含办公室设置' : ''}）`, unset: unset.length ? describeUnsetPeriods(unset, r.ruleSet) : null, proportionality: proportionalityLabel(r.ruleSet) });
      }
    });
    return () => {
      live = false;
    };
  }, [desk, office, behaviourCode, determinedOn]);

  if (!office) return <Alert type="warning" showIcon title="请先在“设置”中完成办公室设置，再办理案件。" />;

  const onFinish = async (v: Values) => {
    if (!subject) return;
    setRefusal(null);
    setBusy(true);
    try {
      const sel = await ruleSetForCase(desk, office, v.behaviourCode, v.determinedOn);
      if (!sel.ok) {
        setRefusal(sel.reason);
        return;
      }
      const item = findBehaviour(v.behaviourCode)?.item;
      const behaviourText = needsText(v.behaviourCode) ? (v.behaviourText ?? '').trim() : (item?.text ?? '');
      const r = await openCase(
        desk,
        {
          subjectId: subject.id,
          behaviourLabel: behaviourText,
          proportionalityNote: v.proportionalityNote ?? '',
          casePrefix: office.numbering.casePrefix,
          basisFiles: v.basis.map((_, i) => basisFiles[i] ?? null),
          evidence: evidence.map((file) => ({ file, fileName: file.name })),
          determined: {
            occurredOn: v.determinedOn,
            payload: {
              behaviourCode: v.behaviourCode,
              behaviourText,
              facts: v.facts.trim(),
              severity: v.severity,
              listType: v.listType,
              basisDocuments: v.basis.map((b) => ({ type: b.type, documentNo: b.documentNo.trim(), issuer: b.issuer.trim(), decidedOn: b.decidedOn, effective: !!b.effective })),
              determiningDept: v.determiningDept.trim(),
              ruleSet: sel.pin,
            },
          },
        },
      );
      if (!r.ok) setRefusal(r.reason);
      else navigate('cases', r.caseRow.id);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="新建案件（认定失信行为）" data-testid="new-case-form">
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 820 }}
        initialValues={{ subjectId, severity: 'general', listType: 'dishonesty_list', determinedOn: today, basis: [{ type: 'penalty_decision', effective: true, decidedOn: '' }] }}
        onFinish={(v) => void onFinish(v)}
      >
        <Form.Item label="信用主体" name="subjectId" rules={[{ required: true, message: '请选择主体（可先在“主体”中登记）' }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSubjectQuery }}
            placeholder="输入名称或代码查找已登记的主体"
            options={[...(subject ? [subject] : []), ...(subjectOptions ?? []).filter((s: SubjectRow) => s.id !== subject?.id)].map((s) => ({ value: s.id, label: `${subjectLabel(s)}${s.uscc ? `（${s.uscc}）` : ''}` }))}
            data-testid="case-subject"
          />
        </Form.Item>
        <Form.Item label="失信行为（只能从目录中选择）" name="behaviourCode" rules={[{ required: true, message: '请从失信行为目录中选择' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={behaviourOptions} placeholder="输入关键词查找目录条目" data-testid="case-behaviour" />
        </Form.Item>
        {behaviourCode && needsText(behaviourCode) && (
          <Form.Item
            label="具体失信行为"
            name="behaviourText"
            validateTrigger={['onChange', 'onBlur']}
            rules={[{ validator: async (_, value: string) => { const c = checkBehaviourAllowed(value ?? ''); if (!c.ok) throw new Error(c.reason); } }]}
          >
            <Input data-testid="case-behaviour-text" />
          </Form.Item>
        )}
        {ruleInfo && 'error' in ruleInfo && <Alert type="error" showIcon title={ruleInfo.error} style={{ marginBottom: 12 }} />}
        {ruleInfo && 'title' in ruleInfo && (
          <Alert
            type={ruleInfo.unset ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="case-ruleset"
            title={`适用规则集：${ruleInfo.title}`}
            description={ruleInfo.unset ? `注意：${ruleInfo.unset}。涉及这些期限的办理步骤会被拒绝。` : undefined}
          />
        )}
        <Form.Item label="认定的失信事实" name="facts" rules={[{ required: true, whitespace: true, message: '请填写认定的失信事实' }]}>
          <Input.TextArea rows={3} data-testid="case-facts" />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item label="严重程度" name="severity">
            <Radio.Group optionType="button" options={optionsOf(SEVERITY_LABELS)} data-testid="case-severity" />
          </Form.Item>
          <Form.Item label="名单类型" name="listType">
            <Select options={optionsOf(LIST_TYPE_LABELS)} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item label="认定日期" name="determinedOn" rules={[{ validator: async (_, value: string) => { const r = parseDateInput(value); if (!r.ok) throw new Error(r.reason); } }]}>
            <DateInput testId="case-determined-on" maxDate={today} />
          </Form.Item>
        </Space>
        <Form.Item label="认定部门" name="determiningDept" rules={[{ required: true, whitespace: true, message: '请填写认定部门' }]}>
          <Input placeholder="例如：示例县住房和城乡建设局" data-testid="case-dept" />
        </Form.Item>
        <Typography.Text strong>认定依据文书</Typography.Text>
        <Form.List name="basis">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Card key={f.key} size="small" style={{ marginTop: 8 }} data-testid={`basis-${i}`}>
                  <Space wrap align="start">
                    <Form.Item label="类型" name={[f.name, 'type']}>
                      <Select options={optionsOf(BASIS_TYPE_LABELS)} style={{ width: 160 }} />
                    </Form.Item>
                    <Form.Item label="文号" name={[f.name, 'documentNo']} rules={[{ required: true, whitespace: true, message: '请填写文号' }]}>
                      <Input style={{ width: 200 }} data-testid={`basis-${i}-docno`} />
                    </Form.Item>
                    <Form.Item label="作出机关" name={[f.name, 'issuer']} rules={[{ required: true, whitespace: true, message: '请填写作出机关' }]}>
                      <Input style={{ width: 200 }} data-testid={`basis-${i}-issuer`} />
                    </Form.Item>
                    <Form.Item label="决定日期" name={[f.name, 'decidedOn']} rules={[{ validator: async (_, value: string) => { const r = parseDateInput(value); if (!r.ok) throw new Error(r.reason); } }]}>
                      <DateInput testId={`basis-${i}-date`} style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item label="生效" name={[f.name, 'effective']} valuePropName="checked">
                      <Checkbox>已生效</Checkbox>
                    </Form.Item>
                  </Space>
                  <Space>
                    <FilePicker size="small" label="附上依据文书文件" onFiles={([file]) => setBasisFiles((m) => ({ ...m, [i]: file ?? null }))} />
                    {fields.length > 1 && <Button size="small" onClick={() => remove(f.name)}>删除此依据</Button>}
                  </Space>
                </Card>
              ))}
              <Button size="small" style={{ margin: '8px 0 16px' }} onClick={() => add({ type: 'penalty_decision', effective: true, decidedOn: '' })}>
                添加依据文书
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item label="证据材料（可多选）">
          <FilePicker multiple label="选择证据材料" onFiles={setEvidence} />
        </Form.Item>
        <Form.Item label={ruleInfo && 'proportionality' in ruleInfo ? ruleInfo.proportionality : '比例原则说明（请先选择失信行为，以确定适用的规则集）'} name="proportionalityNote" rules={[{ required: true, whitespace: true, message: '请说明措施与行为的关联和比例' }]}>
          <Input.TextArea rows={2} data-testid="case-proportionality" />
        </Form.Item>
        {subject && (
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="主体">{subjectLabel(subject)}</Descriptions.Item>
          </Descriptions>
        )}
        {refusal && <Alert type="error" showIcon title={`不能立案：${refusal}`} style={{ marginBottom: 12 }} data-testid="case-refusal" />}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="case-submit">
            认定并立案
          </Button>
          <Button onClick={() => navigate('cases')}>取消</Button>
        </Space>
      </Form>
    </Card>
  );
}
