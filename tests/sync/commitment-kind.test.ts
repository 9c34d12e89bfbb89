/**
 * The outbox kind 'commitment' (one act on a credit commitment): the reference platform accepts it
 * like the other kinds; a kind it does not know is still refused.
 */
import { describe, expect, it } from 'vitest';
import { validateOperation } from '../../platform/server/validate';
import { buildOutboxRow } from '../../shared/sync/outbox';

function op(kind: string) {
  const row = buildOutboxRow({
    id: 'op-commitment-1',
    deviceId: 'device-1',
    deviceSeq: 1,
    kind: kind as 'commitment',
    entityId: 'K1',
    payloadSchemaVersion: 1,
    payload: { commitmentId: 'K1', subjectId: 'S1', type: 'approval_substitute', rulesKey: 'HLJ', event: { id: 'e1', seq: 1, type: 'committed', occurredOn: '2026-08-01', payload: { commitmentId: 'K1' } } },
    recordedAt: '2026-10-12T01:00:00.000Z',
  });
  const { state: _state, attempts: _attempts, ...wire } = row;
  return wire;
}

describe("outbox kind 'commitment'", () => {
  it('is accepted by the reference platform', () => {
    expect(validateOperation(op('commitment'), 'device-1')).toMatchObject({ ok: true });
  });
  it('an unknown kind is still refused', () => {
    expect(validateOperation(op('no-such-kind'), 'device-1')).toMatchObject({ ok: false, kind: 'rejected', errors: [expect.objectContaining({ code: 'unknown-kind' })] });
  });
});
