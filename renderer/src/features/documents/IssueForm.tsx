/** 签发文书: the issue form (filled from the case where one is chosen). */
import { Alert, Button, Card, Checkbox, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useDesk } from '../../stores/app-store';
import { foldStoredCase, useDeskQuery } from '../../desk';
import { issueDeps, latestTemplates, recentCases } from '../../desk/documents';
import type { IssuedDocument } from '../../../../shared/documents/issued';
import { DOCUMENT_KINDS, DOCUMENT_KIND_NAMES, type DocumentKind, type OfficeProfile } from '../../../../shared/documents/types';
import { draftFromCase } from '../../../../shared/documents/from-case';
import { issueDocument, issueListingWithRepairNotice } from '../../documents/issue';
import { COMPANION_NOTICE_FIELDS, KIND_FIELDS, companionNoticeFromForm, formFromInput, hasMeasures, inputFromForm, sampleListingValues, type FormValues } from '../../documents/forms';
import { documentRenderer } from '../../documents/service';
import { FieldInput } from './FieldInput';

const KIND_OPTIONS = DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_NAMES[k] }));

export function IssueForm(props: {
  deviceId: string;
  office: OfficeProfile;
  today: string;
  correcting: IssuedDocument | null;
  onDone: (docs: IssuedDocument[]) => void;
  onCancelCorrection: () => void;
}) {
  const { deviceId, office, today, correcting, onDone, onCancelCorrection } = props;
  const desk = useDesk();
  const [form] = Form.useForm<FormValues>();
  const [kind, setKind] = useState<DocumentKind>('listing-decision');
  const [withNotice, setWithNotice] = useState(true);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const templates = useDeskQuery((d) => latestTemplates(d), []);

  useEffect(() => {
    if (correcting) {
      setKind(correcting.kind);
      setWithNotice(false);
      form.setFieldsValue({ ...formFromInput(correcting.input), date: today, correctionReason: '' });
    }
  }, [correcting, form, today]);

  const cases = useDeskQuery((d) => recentCases(d), []) ?? [];
  const [caseId, setCaseId] = useState<string | undefined>(undefined);
  const fillFromCase = async (id: string | undefined, k: DocumentKind) => {
    setCaseId(id);
    if (!id) return;
    const folded = await foldStoredCase(desk, id);
    if (!folded) return;
    const draft = draftFromCase(folded.state, k);
    const subject = draft.subject;
    form.setFieldsValue({
      caseId: id,
      ...(subject ? { subjectName: subject.name, subjectKind: subject.kind, subjectId: subject.idNumber, legalRepresentative: subject.legalRepresentative ?? '' } : {}),
      ...draft.fields,
    });
  };

  const submit = async () => {
    setRefusal(null);
    const values = form.getFieldsValue(true) as FormValues;
    setWorking(true);
    try {
      const renderer = await documentRenderer();
      const deps = issueDeps(desk, deviceId, renderer);
      const service = { servingUnit: office.name, recipient: String(values.subjectName ?? ''), ...(values.subjectAddress ? { place: String(values.subjectAddress) } : {}) };
      if (kind === 'listing-decision' && withNotice && !correcting) {
        const out = await issueListingWithRepairNotice(deps, inputFromForm(kind, values, office) as never, companionNoticeFromForm(values, office), service, {
          listing: templates?.['listing-decision'],
          notice: templates?.['repair-notice'],
        });
        if (!out.ok) setRefusal(out.reason);
        else {
          form.resetFields();
          setCaseId(undefined);
          onDone([out.decision, out.notice]);
        }
        return;
      }
      const corrects = correcting ? { id: correcting.id, reason: String(values.correctionReason ?? '') } : undefined;
      const out = await issueDocument(deps, { input: inputFromForm(kind, values, office), template: templates?.[kind], service, ...(corrects ? { corrects } : {}) });
      if (!out.ok) setRefusal(out.reason);
      else {
        form.resetFields();
        setCaseId(undefined);
        onDone([out.document]);
      }
    } catch (error) {
      setRefusal((error as { messageZh?: string }).messageZh ?? (error instanceof Error ? error.message : String(error)));
    } finally {
      setWorking(false);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={{ date: today, subjectKind: 'legal-person', reviewDays: 60, litigationMonths: 6 }} style={{ maxWidth: 900 }} data-testid="issue-form">
      {correcting && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`更正 ${correcting.numberText}：签发后原文书作废（原件保留），新文书取新文号。`}
          action={<Button size="small" onClick={onCancelCorrection}>取消更正</Button>}
        />
      )}
      <Space wrap align="end">
        <Form.Item label="文书种类">
          <Select
            style={{ width: 300 }}
            value={kind}
            onChange={(k: DocumentKind) => {
              setKind(k);
              if (caseId) void fillFromCase(caseId, k);
            }}
            options={KIND_OPTIONS}
            disabled={correcting !== null}
            data-testid="kind-select"
          />
        </Form.Item>
        <Form.Item label="所属案件（可选，自动填入当事人和日期）">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 320 }}
            value={caseId}
            onChange={(id?: string) => void fillFromCase(id, kind)}
            options={cases.map((c) => ({ value: c.id, label: `${c.caseNo} ${c.subjectLabel}（${c.stateLabel}）` }))}
            disabled={correcting !== null}
          />
        </Form.Item>
        {kind === 'listing-decision' && !correcting && (
          <Form.Item>
            <Checkbox checked={withNotice} onChange={(e) => setWithNotice(e.target.checked)}>
              同时签发《信用修复告知书》（两书同达）
            </Checkbox>
          </Form.Item>
        )}
        {kind === 'listing-decision' && !correcting && (
          <Form.Item>
            <Button data-testid="fill-sample" onClick={() => form.setFieldsValue(sampleListingValues(today, office))}>
              填入示例（培训用）
            </Button>
          </Form.Item>
        )}
      </Space>
      <Card size="small" title="当事人" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Form.Item name="subjectName" label="名称或姓名">
            <Input style={{ width: 320 }} data-testid="subject-name" />
          </Form.Item>
          <Form.Item name="subjectKind" label="类别">
            <Select
              style={{ width: 160 }}
              options={[
                { value: 'legal-person', label: '法人及非法人组织' },
                { value: 'individual-business', label: '个体工商户' },
                { value: 'natural-person', label: '自然人' },
              ]}
            />
          </Form.Item>
          <Form.Item name="subjectId" label="统一社会信用代码/身份证号码">
            <Input style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="legalRepresentative" label="法定代表人（负责人）">
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="subjectAddress" label="住所（送达地点）">
            <Input style={{ width: 320 }} />
          </Form.Item>
          <Form.Item name="date" label="成文日期">
            <Input type="date" style={{ width: 200 }} />
          </Form.Item>
        </Space>
      </Card>
      <Card size="small" title={DOCUMENT_KIND_NAMES[kind]} style={{ marginBottom: 12 }}>
        {KIND_FIELDS[kind].map((spec) => (
          <Form.Item key={spec.name} name={spec.name} label={spec.label}>
            <FieldInput spec={spec} />
          </Form.Item>
        ))}
        {hasMeasures(kind) && (
          <Form.List name="measures">
            {(fields, { add, remove }) => (
              <div>
                <Typography.Text strong>{kind === 'listing-decision' ? '失信惩戒措施及其期限' : '拟采取的失信惩戒措施'}</Typography.Text>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'text']}>
                      <Input placeholder="措施（须为已公布清单内的措施）" style={{ width: 420 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'period']}>
                      <Input placeholder="实施期限" style={{ width: 240 }} />
                    </Form.Item>
                    <Button onClick={() => remove(field.name)}>删除</Button>
                  </Space>
                ))}
                <Button onClick={() => add({ text: '', period: '列入名单期间' })}>添加措施</Button>
              </div>
            )}
          </Form.List>
        )}
      </Card>
      {kind === 'listing-decision' && withNotice && !correcting && (
        <Card size="small" title="信用修复告知书（与决定书同时送达）" style={{ marginBottom: 12 }}>
          {COMPANION_NOTICE_FIELDS.map((spec) => (
            <Form.Item key={spec.name} name={spec.name} label={spec.label}>
              <FieldInput spec={spec} />
            </Form.Item>
          ))}
        </Card>
      )}
      {correcting && (
        <Form.Item name="correctionReason" label="更正理由（必填）">
          <Input />
        </Form.Item>
      )}
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} data-testid="issue-refusal" />}
      <Button type="primary" loading={working} onClick={() => void submit()} data-testid="issue-submit">
        {correcting ? '签发更正文书' : '签发'}
      </Button>
    </Form>
  );
}

