import { App as AntApp, Alert, Button, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useDesk } from '../../stores/app-store';
import { addPointsEntry, allPointsSchemes, latestVersions, subjectScore, useDeskQuery } from '../../desk';

/** 信用评分 under a configurable points scheme: the score, or shared/'s refusal naming what is unset. */
export function ScorePanel({ subjectId }: { subjectId: string }) {
  const desk = useDesk();
  const { message } = AntApp.useApp();
  const schemes = useDeskQuery(async (d) => latestVersions(await allPointsSchemes(d)), []);
  const [schemeKey, setSchemeKey] = useState('ZJ-CX-ACC');
  const score = useDeskQuery((d) => subjectScore(d, subjectId, schemeKey), [subjectId, schemeKey]);
  const [entry, setEntry] = useState({ itemCode: '', date: desk.clock.today(), department: '', document: '' });
  const [error, setError] = useState<string | null>(null);
  const scheme = score?.scheme;
  const items = scheme ? [...scheme.items.map((i) => ({ value: i.code, label: `${i.label}（${i.direction === 'incentive' ? '+' : '−'}${i.points ?? '?'}分）` })), ...scheme.vetoItems.map((v) => ({ value: v.code, label: `${v.label}（一票否决）` }))] : [];
  const add = async () => {
    const r = await addPointsEntry(desk, subjectId, schemeKey, { ...entry, document: entry.document.trim() || null });
    setError(r.ok ? null : r.reason);
    if (r.ok) message.success('已登记评分事项');
  };
  return (
    <div data-testid="credit-score">
      <Select style={{ width: 320, marginBottom: 12 }} value={schemeKey} onChange={setSchemeKey} options={(schemes ?? []).map((s) => ({ value: s.schemeKey, label: s.title }))} data-testid="score-scheme" />
      {score && !score.result.ok && <Alert type="warning" showIcon title={score.result.reason} data-testid="score-refusal" />}
      {score?.result.ok && (
        <div>
          <Space>
            <Typography.Text strong data-testid="score-value">
              {score.result.score}分
            </Typography.Text>
            <Tag>{score.result.grade.label}</Tag>
          </Space>
          <List size="small" dataSource={score.result.explanation} renderItem={(l) => <List.Item>{l}</List.Item>} />
        </div>
      )}
      {items.length > 0 && (
        <Space wrap style={{ marginTop: 8 }}>
          <Select style={{ width: 260 }} placeholder="评分指标" options={items} value={entry.itemCode || undefined} onChange={(v) => setEntry((e) => ({ ...e, itemCode: v }))} />
          <Input style={{ width: 120 }} value={entry.date} onChange={(e) => setEntry((x) => ({ ...x, date: e.target.value }))} />
          <Input placeholder="信息提供部门" value={entry.department} onChange={(e) => setEntry((x) => ({ ...x, department: e.target.value }))} />
          <Input placeholder="依据文书（可选）" value={entry.document} onChange={(e) => setEntry((x) => ({ ...x, document: e.target.value }))} />
          <Button onClick={() => void add()}>登记评分事项</Button>
        </Space>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
    </div>
  );
}
