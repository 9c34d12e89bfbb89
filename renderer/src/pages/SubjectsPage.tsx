import { App as AntApp, Alert, Button, Card, Descriptions, Empty, Form, Input, Radio, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ListTable } from '../components/ListTable';
import { useEffect, useState } from 'react';
import { useDesk } from '../stores/app-store';
import {
  casesOfSubject,
  countSubjects,
  findByCode,
  findSimilarSubjects,
  getSubject,
  linkResponsiblePerson,
  linkedPersons,
  registerSubject,
  searchSubjects,
  subjectLabel,
  subjectMatches,
  useDeskQuery,
  type LinkRole,
  type SimilarSubject,
  type SubjectOrgType,
  type SubjectRow,
} from '../desk';
import { maskCitizenId } from '../../../shared/masking/mask';
import { checkUscc } from '../../../shared/identifiers/uscc';
import { checkCitizenId } from '../../../shared/identifiers/citizen-id';
import { SUBJECT_KIND_LABELS, type SubjectKind } from '../../../shared/case/events';
import { navigate } from '../router';
import { ListCount, useGrowingList } from '../components/Pager';
import { MatchSwitch, SearchBox, useDebounced, useSearchQuery } from '../components/SearchBox';
import { SubjectCreditPanel } from '../features/credit/SubjectCreditPanel';
import { formSubjectKind, registerInputOf, type RegisterValues } from './subject-form-values';
import { formatDate, formatDateTime } from '../format/time';

const ORG_TYPES: SubjectOrgType[] = ['企业', '个体工商户', '专业合作社', '社会组织', '国家机关', '事业单位', '其他组织'];
const LINK_ROLES: LinkRole[] = ['法定代表人', '主要负责人', '主要责任人', '实际控制人', '直接责任人'];

export function RegisterSubjectForm({ onDone, fixedKind, initialIdNumber }: { onDone: (s: SubjectRow) => void; fixedKind?: SubjectKind; initialIdNumber?: string }) {
  const desk = useDesk();
  const today = desk.clock.today();
  const [form] = Form.useForm<RegisterValues>();
  // One decision for the label, the validator shown and what is registered (registerInputOf).
  const kind = formSubjectKind({ kind: Form.useWatch('kind', form) }, fixedKind);
  const name = useDebounced(Form.useWatch('name', form) ?? '');
  const [similar, setSimilar] = useState<SimilarSubject[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (kind === 'natural_person' || name.trim().length < 2) {
      setSimilar([]);
      return;
    }
    let live = true;
    void findSimilarSubjects(desk, name).then((r) => live && setSimilar(r));
    return () => {
      live = false;
    };
  }, [desk, name, kind]);

  const onFinish = async (v: RegisterValues) => {
    setError(null);
    const r = await registerSubject(desk, registerInputOf(v, fixedKind));
    if (!r.ok) {
      if (r.field) form.setFields([{ name: r.field as keyof RegisterValues, errors: [r.reason] }]);
      setError(r.reason);
      return;
    }
    form.resetFields();
    onDone(r.subject);
  };

  return (
    <Form form={form} layout="vertical" initialValues={fixedKind ? { idNumber: initialIdNumber ?? '' } : { kind: 'legal_person' }} onFinish={(v) => void onFinish(v)} data-testid="subject-form" style={{ maxWidth: 640 }}>
      {!fixedKind && (
        <Form.Item label="主体类型" name="kind">
          <Radio.Group optionType="button" options={(Object.keys(SUBJECT_KIND_LABELS) as SubjectKind[]).map((k) => ({ value: k, label: SUBJECT_KIND_LABELS[k] }))} data-testid="subject-kind" />
        </Form.Item>
      )}
      <Form.Item label={kind === 'natural_person' ? '姓名' : '名称'} name="name" rules={[{ required: true, whitespace: true, message: kind === 'natural_person' ? '请填写姓名' : '请填写名称' }]}>
        <Input autoFocus data-testid="subject-name" />
      </Form.Item>
      {similar.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="similar-names"
          title="已有名称相近的主体，请确认不是同一主体："
          description={similar.map((s) => (
            <div key={s.subject.id}>
              <a onClick={() => navigate('subjects', s.subject.id)}>{s.subject.name}</a>（{s.subject.uscc}，相似度 {Math.round(s.score * 100)}%）
            </div>
          ))}
        />
      )}
      {kind === 'natural_person' ? (
        <Form.Item
          label="公民身份号码"
          name="idNumber"
          validateTrigger={['onChange', 'onBlur']}
          rules={[{ validator: async (_, value: string) => { const c = checkCitizenId(value ?? '', { today }); if (!c.ok) throw new Error(c.reason); } }]}
        >
          <Input maxLength={24} data-testid="subject-idnumber" autoComplete="off" />
        </Form.Item>
      ) : (
        <>
          <Form.Item
            label="统一社会信用代码"
            name="uscc"
            validateTrigger={['onChange', 'onBlur']}
            rules={[{ validator: async (_, value: string) => { const c = checkUscc(value ?? ''); if (!c.ok) throw new Error(c.reason); } }]}
          >
            <Input maxLength={24} data-testid="subject-uscc" autoComplete="off" />
          </Form.Item>
          <Form.Item label="组织类别" name="orgType">
            <Select allowClear options={ORG_TYPES.map((t) => ({ value: t, label: t }))} style={{ maxWidth: 240 }} />
          </Form.Item>
        </>
      )}
      <Form.Item label="所在地区" name="region">
        <Input placeholder="可选" />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="subject-error" />}
      <Button type="primary" htmlType="submit" data-testid="subject-submit">
        登记
      </Button>
    </Form>
  );
}

/** The subject list's columns (stable: the table re-renders only for new rows). */
const SUBJECT_COLUMNS: TableColumnsType<SubjectRow> = [
  { title: '名称/姓名', width: 320, render: (_, r) => <a data-testid="subject-row">{subjectLabel(r)}</a> },
  { title: '类型', width: 110, render: (_, r) => SUBJECT_KIND_LABELS[r.kind] },
  { title: '代码', width: 200, render: (_, r) => (r.kind === 'natural_person' ? maskCitizenId(r.pii?.idNumber ?? '') : r.uscc) },
  { title: '乡镇（街道）', width: 120, render: (_, r) => r.region ?? '—' },
  { title: '登记日期', dataIndex: 'createdAt', width: 110, render: (v: string) => formatDate(v) },
];

function SubjectList() {
  const { query, debouncedQuery: q, prefer, setPrefer, changeQuery } = useSearchQuery();
  const [registering, setRegistering] = useState(false);
  const { limit, onScroll, reset } = useGrowingList();
  const result = useDeskQuery(async (d) => ({ q, ...(await searchSubjects(d, q, 0, limit, prefer)) }), [q, limit, prefer]);
  const match = result?.match ?? null;
  // Read after the rows for this query are shown: the count and the other ways that match.
  const shown = result?.q;
  const count = useDeskQuery((d) => (shown === undefined ? undefined : countSubjects(d, shown, match)), [shown, match]);
  const matches = useDeskQuery((d) => (shown?.trim() ? subjectMatches(d, shown) : []), [shown]);
  return (
    <div>
      <Space style={{ marginBottom: 16 }} wrap>
        <SearchBox
          value={query}
          onChange={(v) => {
            changeQuery(v);
            reset();
          }}
          placeholder="名称（可用拼音首字母）、统一社会信用代码、自然人姓名或公民身份号码"
          width={440}
          testId="subject-search"
        />
        <MatchSwitch match={match} matches={matches ?? result?.matches ?? []} onChange={(m) => { setPrefer(m); reset(); }} />
        <Button type="primary" onClick={() => setRegistering((v) => !v)} data-testid="subject-register-open">
          {registering ? '收起登记' : '登记主体'}
        </Button>
      </Space>
      {registering && (
        <Card size="small" title="登记主体" style={{ marginBottom: 16 }}>
          <RegisterSubjectForm onDone={(s) => navigate('subjects', s.id)} />
        </Card>
      )}
      <ListTable<SubjectRow>
        size="small"
        rowKey="id"
        virtual
        scroll={{ y: 560, x: 900 }}
        onScroll={onScroll(!!result?.hasMore)}
        pagination={false}
        loading={!result}
        dataSource={result?.rows ?? []}
        data-testid="subject-table"
        data-rows-for={result?.q}
        onRow={(r) => ({ onClick: () => navigate('subjects', r.id), style: { cursor: 'pointer' } })}
        locale={{ emptyText: q ? '没有找到匹配的主体' : '尚无主体，请登记或在设置中载入演示数据' }}
        columns={SUBJECT_COLUMNS}
      />
      <ListCount count={count} unit="个主体" loaded={result?.rows.length ?? 0} testId="subject-count" />
    </div>
  );
}

function LinkPersonForm({ org }: { org: SubjectRow }) {
  const desk = useDesk();
  const { message } = AntApp.useApp();
  const [role, setRole] = useState<LinkRole>('法定代表人');
  const [idNumber, setIdNumber] = useState('');
  const [found, setFound] = useState<SubjectRow | null | undefined>(undefined);
  const [registerNew, setRegisterNew] = useState(false);
  // The number last looked up: the new person's form starts with it (and starts afresh for another).
  const [lookedUp, setLookedUp] = useState('');
  const [error, setError] = useState<string | null>(null);
  const lookup = async () => {
    const check = checkCitizenId(idNumber);
    if (!check.ok) {
      setError(check.reason);
      return;
    }
    setError(null);
    const s = await findByCode(desk, check.normalized);
    setLookedUp(check.normalized);
    setFound(s ?? null);
    setRegisterNew(!s);
  };
  const link = async (person: SubjectRow) => {
    const r = await linkResponsiblePerson(desk, org.id, person.id, role);
    if (!r.ok) setError(r.reason);
    else {
      message.success(`已关联${role}`);
      setFound(undefined);
      setIdNumber('');
      setRegisterNew(false);
    }
  };
  return (
    <Card size="small" title="关联责任人" style={{ marginTop: 12 }}>
      <Space wrap>
        <Select value={role} onChange={setRole} options={LINK_ROLES.map((r) => ({ value: r, label: r }))} style={{ width: 140 }} data-testid="link-role" />
        <Input placeholder="责任人的公民身份号码" value={idNumber} onChange={(e) => setIdNumber(e.target.value)} onPressEnter={() => void lookup()} style={{ width: 240 }} data-testid="link-idnumber" />
        <Button onClick={() => void lookup()} data-testid="link-lookup">
          查找
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
      {found && (
        <div style={{ marginTop: 8 }}>
          已登记：{subjectLabel(found)}（{maskCitizenId(found.pii?.idNumber ?? '')}）
          <Button size="small" type="primary" style={{ marginLeft: 8 }} onClick={() => void link(found)} data-testid="link-confirm">
            关联为{role}
          </Button>
        </div>
      )}
      {registerNew && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">该号码尚未登记，请先登记此自然人：</Typography.Text>
          <RegisterSubjectForm key={lookedUp} fixedKind="natural_person" initialIdNumber={lookedUp} onDone={(s) => void link(s)} />
        </div>
      )}
    </Card>
  );
}

function SubjectDetail({ id }: { id: string }) {
  const subject = useDeskQuery(async (d) => (await getSubject(d, id)) ?? null, [id]);
  const links = useDeskQuery((d) => (subject && subject.kind !== 'natural_person' ? linkedPersons(d, id) : []), [id, subject]);
  const cases = useDeskQuery((d) => casesOfSubject(d, id), [id]);
  const [reveal, setReveal] = useState(false);
  if (subject === undefined) return <Empty description="正在读取…" />;
  if (!subject) return <Empty description="主体不存在" />;
  return (
    <div data-testid="subject-detail">
      <Space style={{ marginBottom: 12 }}>
        <Button onClick={() => navigate('subjects')}>返回列表</Button>
        <Button type="primary" onClick={() => navigate('cases', 'new', subject.id)} data-testid="subject-new-case">
          新建案件
        </Button>
      </Space>
      <Typography.Title level={4}>{subjectLabel(subject)}</Typography.Title>
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label="类型">{SUBJECT_KIND_LABELS[subject.kind]}</Descriptions.Item>
        {subject.kind === 'natural_person' ? (
          <Descriptions.Item label="公民身份号码">
            {reveal ? subject.pii?.idNumber : maskCitizenId(subject.pii?.idNumber ?? '')}{' '}
            <a onClick={() => setReveal((v) => !v)}>{reveal ? '隐藏' : '显示完整信息'}</a>
          </Descriptions.Item>
        ) : (
          <Descriptions.Item label="统一社会信用代码">
            <span data-testid="subject-detail-uscc">{subject.uscc}</span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label="组织类别">{subject.orgType ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="登记">{`${formatDateTime(subject.createdAt)}，${subject.createdBy}`}</Descriptions.Item>
      </Descriptions>
      {subject.kind !== 'natural_person' && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            责任人
          </Typography.Title>
          <Table
            size="small"
            rowKey={(r) => r.link.id}
            pagination={false}
            dataSource={links ?? []}
            locale={{ emptyText: '尚未关联责任人' }}
            columns={[
              { title: '身份', render: (_, r) => <Tag>{r.link.role}</Tag> },
              { title: '姓名', render: (_, r) => <a onClick={() => navigate('subjects', r.person.id)}>{subjectLabel(r.person)}</a> },
              { title: '公民身份号码', render: (_, r) => maskCitizenId(r.person.pii?.idNumber ?? '') },
            ]}
          />
          <LinkPersonForm org={subject} />
        </>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        案件
      </Typography.Title>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={cases ?? []}
        locale={{ emptyText: '暂无案件' }}
        onRow={(r) => ({ onClick: () => navigate('cases', r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '案件编号', dataIndex: 'caseNo' },
          { title: '失信行为', dataIndex: 'behaviourLabel', ellipsis: true },
          { title: '阶段', dataIndex: 'stateLabel' },
        ]}
      />
      <SubjectCreditPanel subjectId={subject.id} />
    </div>
  );
}

export function SubjectsPage({ params }: { params: string[] }) {
  return (
    <div>
      <Typography.Title level={3}>主体</Typography.Title>
      {params[0] ? <SubjectDetail id={params[0]} /> : <SubjectList />}
    </div>
  );
}
