/**
 * Sneaker-net export: the unsent outbox as an encrypted, signed file for a USB handover. The platform
 * imports it through the same idempotent path as a push (platform/server/store.ts importFile).
 * WebCrypto only (globalThis.crypto.subtle: browsers, Electron and Node 20).
 */
import { canonicalize } from '../../../shared/sync/hash';
import { toPushOperation, type OutboxRow } from '../../../shared/sync/outbox';
import type { PushRequest } from '../../../shared/sync/protocol';
import { FILE_KEY_INFO, headerText, macInput, SNEAKERNET_EXTENSION, SNEAKERNET_FORMAT, type SneakernetFile, type SneakernetHeader } from '../../../shared/sync/sneakernet';
import type { OutboxStore } from '../desk/sync/outbox-store';

const enc = new TextEncoder();

function b64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

async function hkdf(ikm: Uint8Array, salt: Uint8Array, info: string): Promise<Uint8Array> {
  const subtle = globalThis.crypto.subtle;
  const key = await subtle.importKey('raw', ikm as BufferSource, 'HKDF', false, ['deriveBits']);
  return new Uint8Array(await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: salt as BufferSource, info: enc.encode(info) }, key, 256));
}

export type SealInput = {
  officeId: string;
  token: string;
  deviceId: string;
  fileId: string;
  createdAt: string;
  rows: OutboxRow[];
  /** Random bytes source (injected in tests); defaults to crypto.getRandomValues. */
  randomBytes?: (n: number) => Uint8Array;
};

/** Seal rows into a sneaker-net file (JSON text). */
export async function sealSneakernetFile(input: SealInput): Promise<{ text: string; header: SneakernetHeader }> {
  const random = input.randomBytes ?? ((n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n)));
  const subtle = globalThis.crypto.subtle;
  const fileKey = await hkdf(enc.encode(input.token), enc.encode(`credit-desk/${input.officeId}`), FILE_KEY_INFO);
  const salt = random(16);
  const iv = random(12);
  const header: SneakernetHeader = {
    format: SNEAKERNET_FORMAT,
    v: 1,
    fileId: input.fileId,
    officeId: input.officeId,
    deviceId: input.deviceId,
    createdAt: input.createdAt,
    opCount: input.rows.length,
    maxDeviceSeq: input.rows.reduce((m, r) => Math.max(m, r.deviceSeq), -1),
    kdf: { alg: 'HKDF-SHA256', salt: b64(salt) },
    cipher: { alg: 'AES-256-GCM', iv: b64(iv) },
  };
  const batch: PushRequest = { v: 1, batchId: input.fileId, deviceId: input.deviceId, sentAt: input.createdAt, ops: input.rows.map(toPushOperation) };
  const encKey = await subtle.importKey('raw', (await hkdf(fileKey, salt, 'enc')) as BufferSource, 'AES-GCM', false, ['encrypt']);
  const ciphertext = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv: iv as BufferSource, additionalData: enc.encode(headerText(header)) }, encKey, enc.encode(canonicalize(batch))));
  const ciphertextB64 = b64(ciphertext);
  const macKey = await subtle.importKey('raw', (await hkdf(fileKey, salt, 'mac')) as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await subtle.sign('HMAC', macKey, enc.encode(macInput(header, ciphertextB64))));
  const file: SneakernetFile = { header, ciphertext: ciphertextB64, mac: { alg: 'HMAC-SHA256', value: b64(mac) } };
  return { text: JSON.stringify(file), header };
}

export type ExportRecord = { fileId: string; at: string; count: number; maxDeviceSeq: number; fileName: string; keys: string[] };

export const EXPORT_META_KEY = 'lastExport';

function rowKey(row: OutboxRow): string {
  return `${row.id}:${row.payloadHash}`;
}

/**
 * Export every unsent row (queued, sending, quarantined, conflict) and record the export, so that
 * logout/reset/restore become possible (see guard.ts). Rows stay in the outbox: when the network
 * returns they are pushed too, and the platform answers duplicate for what the file already carried.
 */
export async function exportUnsent(input: { store: OutboxStore; officeId: string; token: string; deviceId: string; fileId: string; now: () => number; randomBytes?: (n: number) => Uint8Array }): Promise<{ fileName: string; text: string; record: ExportRecord }> {
  const rows = await input.store.unsent();
  const createdAt = new Date(input.now()).toISOString();
  const { text, header } = await sealSneakernetFile({ officeId: input.officeId, token: input.token, deviceId: input.deviceId, fileId: input.fileId, createdAt, rows, ...(input.randomBytes ? { randomBytes: input.randomBytes } : {}) });
  const stamp = createdAt.slice(0, 16).replace(/[-:T]/g, '');
  const fileName = `日终同步-${input.officeId}-${stamp}-${rows.length}条${SNEAKERNET_EXTENSION}`;
  const record: ExportRecord = { fileId: input.fileId, at: createdAt, count: rows.length, maxDeviceSeq: header.maxDeviceSeq, fileName, keys: rows.map(rowKey) };
  await input.store.setMeta(EXPORT_META_KEY, record);
  return { fileName, text, record };
}

/** True when every currently unsent row (with its current content) is in the last export. */
export async function unsentCoveredByExport(store: OutboxStore): Promise<{ covered: boolean; unsent: number; lastExport?: ExportRecord }> {
  const rows = await store.unsent();
  const last = await store.getMeta<ExportRecord>(EXPORT_META_KEY);
  if (rows.length === 0) return { covered: true, unsent: 0, ...(last ? { lastExport: last } : {}) };
  if (!last) return { covered: false, unsent: rows.length };
  const keys = new Set(last.keys);
  return { covered: rows.every((r) => keys.has(rowKey(r))), unsent: rows.length, lastExport: last };
}
