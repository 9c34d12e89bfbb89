/**
 * Synthetic outbox rows for volume tests and the sync bench: `count` case-event operations of one
 * device, spread over 250 cases, one second apart from `startIso`.
 */
import { buildOutboxRow, type OutboxRow } from '../../shared/sync/outbox';

export function syntheticCaseEventRows(deviceId: string, count: number, startIso: string): OutboxRow[] {
  const start = Date.parse(startIso);
  return Array.from({ length: count }, (_, i) => {
    const caseId = `case-${i % 250}`;
    return buildOutboxRow({
      id: `${deviceId}-${String(i).padStart(6, '0')}`,
      deviceId,
      deviceSeq: i + 1,
      kind: 'case-event',
      entityId: caseId,
      payloadSchemaVersion: 1,
      payload: { type: 'statement_received', caseId, seq: i, occurredOn: startIso.slice(0, 10), summary: `第${i}号陈述申辩，当事人称已履行部分义务`, accepted: i % 2 === 0 },
      recordedAt: new Date(start + i * 1000).toISOString(),
    });
  });
}
