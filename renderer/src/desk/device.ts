/**
 * This device's identity and its monotonically increasing operation counter (deviceSeq: +1 per
 * operation, never reused). `nextDeviceSeq` runs inside the transaction that writes the operation
 * (deskWrite), so a rolled-back write never burns or reuses a number.
 */
import type { CreditDeskDb } from '../db/database';
import type { DeviceRow } from '../db/types';
import type { IdMaker } from '../db/ids';
import { toHex } from '../../../shared/sync/hash';

export type DeviceSeq = { deviceId: string; deviceSeq: number };

function randomHex(bytes: number): string {
  const buf = new Uint8Array(bytes);
  crypto.getRandomValues(buf);
  return toHex(buf);
}

/** Returns the device row, creating it on first use (inside a transaction that includes `device`, or on its own). */
export async function ensureDevice(db: CreditDeskDb, ids: IdMaker): Promise<DeviceRow> {
  return db.transaction('rw', db.device, async () => {
    const existing = await db.device.get('this');
    if (existing) return existing;
    // A new device starts its ledger and audit chain at 1 (renderer/src/desk/integrity/chains.ts).
    const row: DeviceRow = { id: 'this', deviceId: ids(), nextSeq: 1, lookupSecret: randomHex(32), createdAt: new Date().toISOString(), ledgerFrom: 1, ledgerHead: '0'.repeat(64), auditNext: 1, auditHead: '0'.repeat(64) };
    await db.device.add(row);
    return row;
  });
}

/** Reserves the next deviceSeq (inside a 'rw' transaction that includes `device`). */
export async function nextDeviceSeq(db: CreditDeskDb, ids: IdMaker): Promise<DeviceSeq> {
  const row = await ensureDevice(db, ids);
  await db.device.update('this', { nextSeq: row.nextSeq + 1 });
  return { deviceId: row.deviceId, deviceSeq: row.nextSeq };
}

export async function deviceIdentity(db: CreditDeskDb, ids: IdMaker): Promise<{ deviceId: string; lastSeq: number }> {
  const row = await ensureDevice(db, ids);
  return { deviceId: row.deviceId, lastSeq: row.nextSeq - 1 };
}

/** The device's lookup secret (read-only once the device row exists, so it works inside liveQuery). */
export async function lookupSecret(db: CreditDeskDb, ids: IdMaker): Promise<string> {
  const row = await db.device.get('this');
  return row ? row.lookupSecret : (await ensureDevice(db, ids)).lookupSecret;
}
