import { canonicalJson } from '../util/canonical-json';
import { hmacSha256Hex, sha256Hex } from '../util/sha256';
import type { CaseEvent } from './events';

/**
 * Tamper evidence for the append-only event list (黑龙江条例 第三十六条: no 篡改, no 违规删除).
 * hash = HMAC-SHA-256( chainKey, canonicalJson({ prevHash, event-without-hash-fields }) ); the first
 * event's prevHash is GENESIS_HASH. The key is this device's chain key (renderer/src/desk/keys.ts):
 * without it nobody can re-hash an edited chain so that it verifies again.
 *
 * Cases recorded before chains were keyed keep their plain SHA-256 links up to `legacyUpTo` (their
 * last event at the upgrade); every later event is keyed and links onto that head, so changing the
 * legacy part breaks the first keyed link.
 */
export const GENESIS_HASH = '0'.repeat(64);

function content(event: CaseEvent): Omit<CaseEvent, 'hash' | 'prevHash'> {
  const { hash: _hash, prevHash: _prev, ...rest } = event;
  return rest;
}

/** The keyed link of one event. */
export function hashEvent(chainKey: Uint8Array, prevHash: string, event: CaseEvent): string {
  return hmacSha256Hex(chainKey, canonicalJson({ prevHash, event: content(event) }));
}

/** The unkeyed link of an event sealed before chains were keyed (verification of old data only). */
export function legacyHashEvent(prevHash: string, event: CaseEvent): string {
  return sha256Hex(canonicalJson({ prevHash, event: content(event) }));
}

/** The event with prevHash and hash filled in. */
export function sealEvent<E extends CaseEvent>(chainKey: Uint8Array, prevHash: string, event: E): E {
  return { ...event, prevHash, hash: hashEvent(chainKey, prevHash, event) };
}

/** Seal a whole list in seq order (for tests and migrations of unsealed data). */
export function sealChain(chainKey: Uint8Array, events: readonly CaseEvent[]): CaseEvent[] {
  let prev = GENESIS_HASH;
  return [...events].sort((a, b) => a.seq - b.seq).map((e) => {
    const sealed = sealEvent(chainKey, prev, e);
    prev = sealed.hash ?? prev;
    return sealed;
  });
}

export type ChainBreak = 'seq_gap' | 'prev_hash_mismatch' | 'hash_mismatch' | 'case_mismatch';

export type ChainCheck = { ok: true; headHash: string } | { ok: false; index: number; eventId: string; code: ChainBreak; reason: string };

export type VerifyChainOptions = {
  /** Events with seq ≤ this were sealed unkeyed (before the upgrade); 0 or absent: all keyed. */
  legacyUpTo?: number;
};

/** Verify seq continuity and every link of `events` given IN SEQ ORDER; returns the FIRST broken link. */
export function verifyChain(events: readonly CaseEvent[], chainKey: Uint8Array, options: VerifyChainOptions = {}): ChainCheck {
  const legacyUpTo = options.legacyUpTo ?? 0;
  let prev = GENESIS_HASH;
  const caseId = events[0]?.caseId;
  for (let i = 0; i < events.length; i += 1) {
    const e = events[i];
    if (!e) continue;
    if (e.caseId !== caseId) return { ok: false, index: i, eventId: e.id, code: 'case_mismatch', reason: `第${i + 1}个事件属于其他案件` };
    if (e.seq !== i + 1) return { ok: false, index: i, eventId: e.id, code: 'seq_gap', reason: `第${i + 1}个事件的序号为${e.seq}，事件序列不连续（可能有事件被删除或插入）` };
    if (e.prevHash !== prev) return { ok: false, index: i, eventId: e.id, code: 'prev_hash_mismatch', reason: `第${i + 1}个事件与前一个事件的链接不符（前面的记录可能被改动）` };
    const expected = e.seq <= legacyUpTo ? legacyHashEvent(prev, e) : hashEvent(chainKey, prev, e);
    if (e.hash !== expected) return { ok: false, index: i, eventId: e.id, code: 'hash_mismatch', reason: `第${i + 1}个事件的内容与其校验值不符（记录被改动，或整条链被重新计算）` };
    prev = expected;
  }
  return { ok: true, headHash: prev };
}
