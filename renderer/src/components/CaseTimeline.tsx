import { Tag, Timeline, Typography } from 'antd';
import { CASE_EVENT_LABELS, type RemovalReason } from '../../../shared/case/events';
import { findMeasure } from '../../../shared/rules/measures';
import { REMOVAL_REASON_LABELS } from './labels';
import type { CaseEventRow } from '../desk';
import { formatDateTime } from '../format/time';
import { TechnicalInfo } from './TechnicalInfo';

/** A one-line summary of what an event recorded (document numbers, outcomes, reasons). */
function summary(e: CaseEventRow): string {
  const p = e.payload as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of ['documentNo', 'decisionNo', 'behaviourText', 'applicant', 'toUnit', 'reasons', 'reason', 'note', 'summary', 'result', 'description', 'justification']) {
    const v = p[key];
    if (typeof v !== 'string' || !v.trim()) continue;
    // 移出's reason is a code: show its Chinese label.
    parts.push(key === 'reason' && e.type === 'removed' ? (REMOVAL_REASON_LABELS[v as RemovalReason] ?? v) : v.trim());
  }
  // 联合奖惩: the 实施部门, the platform entry and the measures applied.
  if (typeof p.platformRef === 'string' && p.platformRef.trim()) parts.unshift(`平台录入编号：${p.platformRef.trim()}`);
  if (Array.isArray(p.units)) parts.unshift(`实施部门：${(p.units as string[]).join('、')}`);
  if (typeof p.unit === 'string' && p.unit.trim()) parts.unshift(`实施部门：${p.unit.trim()}`);
  if (Array.isArray(p.measureCodes) && p.measureCodes.length > 0) parts.push(`措施：${(p.measureCodes as string[]).map((code) => findMeasure(code)?.label ?? code).join('、')}`);
  if (typeof p.outcome === 'string') parts.unshift({ upheld_remove: '采纳-移出', upheld_correct: '采纳-更正', rejected: '不予采纳' }[p.outcome] ?? p.outcome);
  if (typeof p.approved === 'boolean') parts.unshift(p.approved ? '准予修复' : '不予修复');
  if (typeof p.accepted === 'boolean' && e.type === 'repair_reviewed') parts.unshift(p.accepted ? '初审通过' : '初审不通过');
  return parts.join('；');
}

export function documentOf(e: CaseEventRow): string | null {
  const p = e.payload as Record<string, unknown>;
  const no = (p.documentNo ?? p.decisionNo) as string | undefined;
  return no ? `文书：${no}` : e.documentId ? '已出具文书' : null;
}

export function CaseTimeline({ events, voided }: { events: CaseEventRow[]; voided: string[] }) {
  return (
    <Timeline
      data-testid="case-timeline"
      items={events.map((e) => ({
        key: e.id,
        color: voided.includes(e.id) ? 'gray' : e.type === 'voided' ? 'red' : 'blue',
        content: (
          <div data-testid="timeline-item" data-type={e.type}>
            <Typography.Text strong delete={voided.includes(e.id)}>
              {e.seq}. {CASE_EVENT_LABELS[e.type]}
            </Typography.Text>{' '}
            <Typography.Text>{e.occurredOn}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              经办：{e.actor.name}；登记于 {formatDateTime(e.recordedAt)}
            </Typography.Text>
            {voided.includes(e.id) && <Tag color="default" style={{ marginLeft: 8 }}>已作废</Tag>}
            <div data-testid="timeline-summary">
              <Typography.Text type="secondary">{summary(e)}</Typography.Text>
            </div>
            {documentOf(e) && <Tag color="geekblue">{documentOf(e)}</Tag>}
            <TechnicalInfo testId="timeline-technical" items={[['事件校验值', e.hash], ['事件编号', e.id], ['文书编号', e.documentId]]} />
          </div>
        ),
      }))}
    />
  );
}
