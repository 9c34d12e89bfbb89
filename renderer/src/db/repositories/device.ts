/**
 * This device's identity and its monotonically increasing operation counter (deviceSeq,
 * OutboxRow invariant: +1 per operation, never reused). Call `nextDeviceSeq` inside the same
 * transaction that writes the operation, so a rolled-back write never burns or reuses a number.
 */
import type { CreditDeskDb } from '../database';
import type { DeviceRow } from '../types';
import { newId } from '../ids';
import { toHex } from '../../../../shared/sync/hash';

function randomHex(bytes: number): string {
  const buf = new Uint8Array(bytes);
  crypto.getRandomValues(buf);
  return toHex(buf);
}

/** Returns the device row, creating it on first use. Must run inside a transaction that includes `device`, or on its own. */
export async function ensureDevice(db: CreditDeskDb): Promise<DeviceRow> {
  return db.transaction('rw', db.device, async () => {
    const existing = await db.device.get('this');
    if (existing) return existing;
    const row: DeviceRow = { id: 'this', deviceId: newId(), nextSeq: 1, lookupSecret: randomHex(32), createdAt: new Date().toISOString() };
    await db.device.add(row);
    return row;
  });
}

/** Reserves the next deviceSeq. Use inside a 'rw' transaction that includes `device`. */
export async function nextDeviceSeq(db: CreditDeskDb): Promise<{ deviceId: string; deviceSeq: number }> {
  const row = await ensureDevice(db);
  await db.device.update('this', { nextSeq: row.nextSeq + 1 });
  return { deviceId: row.deviceId, deviceSeq: row.nextSeq };
}

export async function getDeviceIdentity(db: CreditDeskDb): Promise<{ deviceId: string; lastSeq: number }> {
  const row = await ensureDevice(db);
  return { deviceId: row.deviceId, lastSeq: row.nextSeq - 1 };
}
