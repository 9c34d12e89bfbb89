import { canonicalJson } from '../util/canonical-json';
import { sha256Hex } from '../util/sha256';
import type { CaseEvent } from './events';

/**
 * Tamper evidence for the append-only event list (黑龙江条例 第三十六条: no 篡改, no 违规删除).
 * hash = SHA-256( canonicalJson({ prevHash, event-without-hash-fields }) ); the first event's prevHash
 * is GENESIS_HASH. The store seals each event when appending and verifies the chain when loading or
 * receiving a case from sync.
 */
export const GENESIS_HASH = '0'.repeat(64);

export function hashEvent(prevHash: string, event: CaseEvent): string {
  const { hash: _hash, prevHash: _prev, ...content } = event;
  return sha256Hex(canonicalJson({ prevHash, event: content }));
}

/** The event with prevHash and hash filled in. */
export function sealEvent<E extends CaseEvent>(prevHash: string, event: E): E {
  return { ...event, prevHash, hash: hashEvent(prevHash, event) };
}

/** Seal a whole list in seq order (for tests and migrations of unsealed data). */
export function sealChain(events: readonly CaseEvent[]): CaseEvent[] {
  let prev = GENESIS_HASH;
  return [...events].sort((a, b) => a.seq - b.seq).map((e) => {
    const sealed = sealEvent(prev, e);
    prev = sealed.hash ?? prev;
    return sealed;
  });
}

export type ChainCheck =
  | { ok: true; headHash: string }
  | { ok: false; index: number; eventId: string; code: 'seq_gap' | 'prev_hash_mismatch' | 'hash_mismatch' | 'case_mismatch'; reason: string };

/** Verify seq continuity and every link of `events` given IN SEQ ORDER; returns the FIRST broken link. */
export function verifyChain(events: readonly CaseEvent[]): ChainCheck {
  let prev = GENESIS_HASH;
  const caseId = events[0]?.caseId;
  for (let i = 0; i < events.length; i += 1) {
    const e = events[i];
    if (!e) continue;
    if (e.caseId !== caseId) return { ok: false, index: i, eventId: e.id, code: 'case_mismatch', reason: `第${i + 1}个事件属于其他案件` };
    if (e.seq !== i + 1) return { ok: false, index: i, eventId: e.id, code: 'seq_gap', reason: `第${i + 1}个事件的序号为${e.seq}，事件序列不连续（可能被删除或插入）` };
    if (e.prevHash !== prev) return { ok: false, index: i, eventId: e.id, code: 'prev_hash_mismatch', reason: `第${i + 1}个事件与前一事件的链接不符（前序记录可能被改动）` };
    const expected = hashEvent(prev, e);
    if (e.hash !== expected) return { ok: false, index: i, eventId: e.id, code: 'hash_mismatch', reason: `第${i + 1}个事件的内容与其哈希不符（记录可能被改动）` };
    prev = expected;
  }
  return { ok: true, headHash: prev };
}
