import { App as AntApp, Alert, Button, Card, Input, List, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useDesk } from '../../stores/app-store';
import { allSamplingPolicies, drawInspectionSample, gradedList, listSampleDraws, useDeskQuery, type SampleCandidate, type SampleDrawRow } from '../../desk';
import { navigate } from '../../router';
import { HEBEI_GRADE_LABELS, HEBEI_SUPERVISION, type HebeiGrade } from '../../../../shared/credit/hebei';
import { sampleDrawWorkbook } from '../../../../shared/credit/exports';
import { saveWorkbook } from '../../exchange/xlsx-writer';
import { formatDateTime, formatDateTimeZh } from '../../format/time';

const GRADES: HebeiGrade[] = ['A', 'B', 'C', 'D'];

function DrawResult({ draw }: { draw: SampleDrawRow }) {
  const { message } = AntApp.useApp();
  const byId = new Map(draw.candidates.map((c) => [c.id, c]));
  const exportDraw = async () => {
    if (await saveWorkbook(sampleDrawWorkbook(draw, formatDateTimeZh(draw.at)))) message.success('已导出抽取结果');
  };
  return (
    <Card
      size="small"
      style={{ marginTop: 12 }}
      title={`${formatDateTime(draw.at)} ${draw.by} 抽取（种子：${draw.seed}）`}
      extra={
        <Button size="small" onClick={() => void exportDraw()} data-testid="draw-export">
          导出表格
        </Button>
      }
      data-testid="draw-result"
    >
      <Typography.Paragraph type="secondary">
        {draw.policy.title}（第{draw.policy.version}版），评价日期 {draw.asOf}。同一种子、同一名单必得同一结果，可据记录复核。
      </Typography.Paragraph>
      {draw.tiers.map((t) => (
        <div key={t.tierKey} style={{ marginBottom: 8 }}>
          <Typography.Text strong>
            {t.label}：候选 {t.draw.candidateCount} 个，按 {t.ratio === null ? '—' : `${Math.round(t.ratio * 100)}%`} 抽取 {t.draw.count} 个
          </Typography.Text>
          <div data-testid={`draw-tier-${t.tierKey}`}>
            {t.draw.drawn.map((d) => (
              <Tag key={d.id} data-testid="drawn-subject">
                {byId.get(d.id)?.label ?? d.id}
              </Tag>
            ))}
          </div>
        </div>
      ))}
    </Card>
  );
}

export function GradingTab() {
  const desk = useDesk();
  const list = useDeskQuery((d) => gradedList(d), []);
  const policies = useDeskQuery((d) => allSamplingPolicies(d), []);
  const draws = useDeskQuery((d) => listSampleDraws(d), []);
  const [policyId, setPolicyId] = useState('HEBEI-6-2');
  const [seed, setSeed] = useState('');
  const [error, setError] = useState<string | null>(null);
  const counts = useMemo(() => Object.fromEntries(GRADES.map((g) => [g, (list ?? []).filter((c) => c.grade === g).length])), [list]);
  const policyOptions = [...new Map((policies ?? []).map((p) => [p.id, p])).values()].map((p) => ({ value: p.id, label: p.title }));
  const draw = async () => {
    const r = await drawInspectionSample(desk, policyId, seed);
    setError(r.ok ? null : r.reason);
  };
  return (
    <div data-testid="grading-tab">
      <Typography.Paragraph type="secondary">企业信用分级分类（河北省人民政府办公厅关于推进企业信用分级分类监管工作的实施意见 四、六），按今天的失信记录自动分类。</Typography.Paragraph>
      <Space size="large" style={{ marginBottom: 12 }}>
        {GRADES.map((g) => (
          <Statistic key={g} title={HEBEI_GRADE_LABELS[g]} value={counts[g] ?? 0} data-testid={`grade-count-${g}`} />
        ))}
      </Space>
      <Table<SampleCandidate>
        size="small"
        rowKey="id"
        loading={!list}
        dataSource={list ?? []}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        data-testid="graded-list"
        onRow={(r) => ({ onClick: () => navigate('subjects', r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '主体', dataIndex: 'label' },
          { title: '统一社会信用代码', dataIndex: 'code' },
          { title: '类别', dataIndex: 'grade', render: (g: HebeiGrade) => <Tag color={g === 'A' ? 'green' : g === 'B' ? 'blue' : 'red'}>{HEBEI_GRADE_LABELS[g] ?? g}</Tag> },
          { title: '监管措施', dataIndex: 'grade', render: (g: HebeiGrade) => <Typography.Text type="secondary">{HEBEI_SUPERVISION[g]}</Typography.Text>, ellipsis: true },
        ]}
      />
      <Card size="small" title="双随机、一公开：抽取抽查对象" style={{ marginTop: 16 }}>
        <Space wrap>
          <Select style={{ width: 320 }} value={policyId} onChange={setPolicyId} options={policyOptions} data-testid="draw-policy" />
          <Input style={{ width: 320 }} placeholder="抽取种子（如当天公开的随机数、现场摇号结果）" value={seed} onChange={(e) => setSeed(e.target.value)} data-testid="draw-seed" />
          <Button type="primary" onClick={() => void draw()} data-testid="draw-submit">
            抽取并记录
          </Button>
        </Space>
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} data-testid="draw-error" />}
        {draws && draws.length > 0 && <DrawResult draw={draws[0]!} />}
        {draws && draws.length > 1 && (
          <List
            size="small"
            header="以往抽取记录"
            dataSource={draws.slice(1)}
            renderItem={(d) => (
              <List.Item>
                {formatDateTime(d.at)} {d.by}，{d.policy.title}（第{d.policy.version}版），种子“{d.seed}”，抽取 {d.tiers.reduce((n, t) => n + t.draw.count, 0)} 个
              </List.Item>
            )}
          />
        )}
      </Card>
    </div>
  );
}
