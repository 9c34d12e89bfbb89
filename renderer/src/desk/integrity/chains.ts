/**
 * The device's keyed chains besides the case event chains (shared/case/hash-chain.ts):
 *
 *  - the operation ledger: one row per deviceSeq (every operation this device numbers enters the
 *    outbox and the ledger in the same transaction). Each row's mac links to the previous one, so a
 *    missing number (a deleted case, a deleted event), an edited deviceSeq or an edited payload hash
 *    shows; the ledger outlives outbox payloads (they may be pruned after they are acknowledged).
 *  - the audit chain: every audit row gets the next audit number and a mac linking to the previous.
 *  - the device seal: a mac over the device row (next numbers and both chain heads), so cutting the
 *    tail of a chain and "fixing" the counters needs the key too.
 *
 * All macs are HMAC-SHA-256 under the device chain key (./../keys.ts), computed synchronously
 * (@noble/hashes), so they are made inside the writing transaction. Rows recorded before the chains
 * existed are legacy: the ledger starts at `ledgerFrom`, audit rows without `seq` are unchained.
 */
import type { CreditDeskDb } from '../../db/database';
import type { AuditRow, DeviceRow, OperationLedgerRow } from '../../db/types';
import type { OutboxRow } from '../../../../shared/sync/outbox';
import { GENESIS_HASH } from '../../../../shared/case/hash-chain';
import { canonicalJson } from '../../../../shared/util/canonical-json';
import { hmacSha256Hex } from '../../../../shared/util/sha256';
import type { IdMaker } from '../../db/ids';
import { keyFingerprint } from '../keys';
import { ensureDevice } from '../device';

/** The keyed link of one ledger row. */
export function ledgerMac(key: Uint8Array, prev: string, row: Omit<OperationLedgerRow, 'mac'>): string {
  return hmacSha256Hex(key, canonicalJson({ prev, deviceId: row.deviceId, deviceSeq: row.deviceSeq, opId: row.opId, kind: row.kind, entityId: row.entityId, payloadHash: row.payloadHash, recordedAt: row.recordedAt }));
}

function auditContent(prev: string, row: Omit<AuditRow, 'mac'>): string {
  const { mac: _mac, ...content } = row as AuditRow;
  try {
    return canonicalJson({ prev, row: content });
  } catch {
    // A detail canonical JSON refuses (a non-finite number) is chained by its JSON text.
    return canonicalJson({ prev, row: { ...content, detail: JSON.stringify(content.detail) ?? null } });
  }
}

/** The keyed link of one audit row. */
export function auditMac(key: Uint8Array, prev: string, row: Omit<AuditRow, 'mac'>): string {
  return hmacSha256Hex(key, auditContent(prev, row));
}

/** The fields of the device row the seal covers. */
export function deviceSeal(key: Uint8Array, d: DeviceRow): string {
  return hmacSha256Hex(key, canonicalJson({ deviceId: d.deviceId, nextSeq: d.nextSeq, ledgerFrom: d.ledgerFrom ?? 1, ledgerHead: d.ledgerHead ?? GENESIS_HASH, auditNext: d.auditNext ?? 1, auditHead: d.auditHead ?? GENESIS_HASH }));
}


async function putSealed(db: CreditDeskDb, key: Uint8Array, next: DeviceRow): Promise<void> {
  await db.device.put({ ...next, keyId: keyFingerprint(key), seal: deviceSeal(key, next) });
}

/**
 * Writes outbox rows (numbered by this device, in deviceSeq order) and their ledger rows, and moves
 * the device's next number and ledger head. Inside the caller's transaction (outbox, ledger, device).
 */
export async function recordOperations(db: CreditDeskDb, ids: IdMaker, key: Uint8Array, rows: readonly OutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  const device = await ensureDevice(db, ids);
  let head = device.ledgerHead ?? GENESIS_HASH;
  const ledger: OperationLedgerRow[] = rows.map((r) => {
    const base = { deviceSeq: r.deviceSeq, deviceId: r.deviceId, opId: r.id, kind: r.kind, entityId: r.entityId, payloadHash: r.payloadHash, recordedAt: r.recordedAt };
    head = ledgerMac(key, head, base);
    return { ...base, mac: head };
  });
  await db.outbox.bulkAdd([...rows]);
  await db.operationLedger.bulkAdd(ledger);
  const last = rows[rows.length - 1]!.deviceSeq;
  await putSealed(db, key, { ...device, nextSeq: Math.max(device.nextSeq, last + 1), ledgerHead: head });
}

export type NewAuditRow = Omit<AuditRow, 'seq' | 'mac'>;

/** Numbers and chains audit rows and writes them (inside the caller's transaction: auditLog, device). */
export async function recordAudit(db: CreditDeskDb, ids: IdMaker, key: Uint8Array, rows: readonly NewAuditRow[]): Promise<void> {
  if (rows.length === 0) return;
  const device = await ensureDevice(db, ids);
  let seq = device.auditNext ?? 1;
  let head = device.auditHead ?? GENESIS_HASH;
  const chained: AuditRow[] = rows.map((r) => {
    const row = { ...r, seq: seq++ } as AuditRow;
    head = auditMac(key, head, row);
    return { ...row, mac: head };
  });
  await db.auditLog.bulkAdd(chained);
  await putSealed(db, key, { ...device, auditNext: seq, auditHead: head });
}
