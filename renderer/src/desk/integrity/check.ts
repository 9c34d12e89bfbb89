/**
 * 校验完整性: everything that proves the office's records were neither altered nor deleted
 * (黑龙江条例 第三十六条: no 篡改, no 违规删除), and what is wrong, in Chinese, when they were.
 *
 *  - each case's event chain (keyed links; legacy unkeyed links up to `legacyChainSeq`), and the
 *    case row agreeing with its last event;
 *  - each case against the operation ledger: every event recorded on this device is the ledger's
 *    operation of its deviceSeq with the same content hash, and every case-event operation of the
 *    ledger still has its event (removing the last event and "fixing" the case row shows);
 *  - the ledger itself: deviceSeq without holes from `ledgerFrom` (a deleted case leaves a hole, or
 *    operations of a case that no longer exists), each mac linking to the previous, the tail equal to
 *    the sealed device head; each ledger operation has exactly one outbox row and back;
 *  - the audit chain: numbers without holes, macs linking, the tail equal to the sealed head;
 *  - the device seal (counters and chain heads) and the key fingerprint;
 *  - the heads the city platform acknowledged (chainAnchors): what was synced must still be there,
 *    unchanged — a rewrite after a sync is provable even by someone holding the key.
 *
 * Reads in pages (never a whole table in memory); findings are capped at MAX_FINDINGS.
 */
import type { CaseEventRow, CaseRow, ChainAnchorRow, DeviceRow, OperationLedgerRow } from '../../db/types';
import type { Desk } from '../desk';
import { verifyChain, GENESIS_HASH } from '../../../../shared/case/hash-chain';
import { payloadHashOf } from '../../../../shared/sync/hash';
import { formatDateTime } from '../../format/time';
import { domainEvent, loadEvents } from '../cases';
import { deviceKeys, keyFingerprint } from '../keys';
import { auditMac, deviceSeal, ledgerMac } from './chains';

export const MAX_FINDINGS = 50;

export type IntegrityCode =
  | 'case_missing'
  | 'chain_broken'
  | 'case_row_mismatch'
  | 'event_not_in_ledger'
  | 'event_missing'
  | 'case_deleted'
  | 'operation_missing'
  | 'operation_altered'
  | 'operation_tail'
  | 'outbox_missing'
  | 'outbox_mismatch'
  | 'audit_missing'
  | 'audit_altered'
  | 'audit_tail'
  | 'device_seal'
  | 'key_mismatch'
  | 'anchor_mismatch';

export type IntegrityFinding = {
  code: IntegrityCode;
  /** What is wrong, in Chinese (shown as is). */
  message: string;
  caseId?: string;
  caseNo?: string;
  /** The event's seq in its case (case findings). */
  seq?: number;
  eventId?: string | null;
};

export type IntegrityCounts = {
  casesChecked: number;
  eventsChecked: number;
  operationsChecked: number;
  auditChecked: number;
  anchorsChecked: number;
  /** Cases whose older events carry unkeyed links (recorded before chains were keyed). */
  legacyCases: number;
};

export type IntegrityReport =
  | (IntegrityCounts & { ok: true; findings: [] })
  | (IntegrityCounts & {
      ok: false;
      findings: IntegrityFinding[];
      /** More findings than listed (capped at MAX_FINDINGS). */
      moreFindings: number;
      /** The first finding, for callers that show one line. */
      caseId: string;
      caseNo: string;
      seq: number;
      eventId: string | null;
      reason: string;
    });

const PAGE = 500;

class Findings {
  readonly list: IntegrityFinding[] = [];
  more = 0;
  add(f: IntegrityFinding): void {
    if (this.list.length < MAX_FINDINGS) this.list.push(f);
    else this.more += 1;
  }
}

function range(from: number, to: number): string {
  return from === to ? `第 ${from} 号` : `第 ${from}–${to} 号`;
}

function emptyCounts(): IntegrityCounts {
  return { casesChecked: 0, eventsChecked: 0, operationsChecked: 0, auditChecked: 0, anchorsChecked: 0, legacyCases: 0 };
}

function reportOf(counts: IntegrityCounts, findings: Findings): IntegrityReport {
  const first = findings.list[0];
  if (!first) return { ...counts, ok: true, findings: [] };
  return { ...counts, ok: false, findings: findings.list, moreFindings: findings.more, caseId: first.caseId ?? '', caseNo: first.caseNo ?? '', seq: first.seq ?? 0, eventId: first.eventId ?? null, reason: first.message };
}

function ackedOn(anchor: ChainAnchorRow): string {
  return formatDateTime(anchor.ackedAt);
}

type Context = { desk: Desk; key: Uint8Array; device: DeviceRow | undefined; findings: Findings; counts: IntegrityCounts };

/** One case: chain, case row, ledger and acknowledged heads. */
async function checkCase(c: Context, caseRow: CaseRow): Promise<void> {
  const { desk, key, device, findings } = c;
  const events = await loadEvents(desk.db, caseRow.id);
  c.counts.casesChecked += 1;
  c.counts.eventsChecked += events.length;
  if (caseRow.legacyChainSeq) c.counts.legacyCases += 1;
  const where = { caseId: caseRow.id, caseNo: caseRow.caseNo };
  const label = caseRow.caseNo || '（无编号）';
  const chain = verifyChain(events.map(domainEvent), key, { legacyUpTo: caseRow.legacyChainSeq ?? 0 });
  if (!chain.ok) {
    findings.add({ ...where, code: 'chain_broken', seq: chain.index + 1, eventId: chain.eventId, message: `案件 ${label}：${chain.reason}` });
  }
  const last = events.at(-1);
  if (chain.ok && ((last?.seq ?? 0) !== caseRow.lastSeq || (last?.hash ?? '') !== caseRow.lastHash)) {
    findings.add({ ...where, code: 'case_row_mismatch', seq: caseRow.lastSeq, eventId: null, message: `案件 ${label}：案件记录显示共${caseRow.lastSeq}个事件，事件链只有${last?.seq ?? 0}个（末尾事件缺失或被替换）` });
  }
  if (device) await checkCaseAgainstLedger(c, caseRow, events, device);
  const anchors = await desk.db.chainAnchors.where('chain').equals(`case:${caseRow.id}`).toArray();
  c.counts.anchorsChecked += anchors.length;
  for (const a of anchors) {
    const e = events.find((x) => x.seq === a.seq);
    if (!e) findings.add({ ...where, code: 'anchor_mismatch', seq: a.seq, eventId: null, message: `案件 ${label}：第${a.seq}个事件已于 ${ackedOn(a)} 同步并经市平台确认，现已不在本机（同步后被删除）` });
    else if (e.hash !== a.hash) findings.add({ ...where, code: 'anchor_mismatch', seq: a.seq, eventId: e.id, message: `案件 ${label}：第${a.seq}个事件与市平台 ${ackedOn(a)} 确认的记录不符（同步后被改写）` });
  }
}

async function checkCaseAgainstLedger(c: Context, caseRow: CaseRow, events: CaseEventRow[], device: DeviceRow): Promise<void> {
  const { desk, findings } = c;
  const from = device.ledgerFrom ?? 1;
  const where = { caseId: caseRow.id, caseNo: caseRow.caseNo };
  const label = caseRow.caseNo || '（无编号）';
  const ops = (await desk.db.operationLedger.where('entityId').equals(caseRow.id).toArray()).filter((o) => o.kind === 'case-event');
  const bySeq = new Map(ops.map((o) => [o.deviceSeq, o]));
  const ledgered = events.filter((e) => e.deviceId === device.deviceId && e.deviceSeq >= from);
  const seen = new Set<number>();
  for (const e of ledgered) {
    const op = bySeq.get(e.deviceSeq) ?? (await desk.db.operationLedger.get(e.deviceSeq));
    if (!op || op.kind !== 'case-event' || op.entityId !== caseRow.id) {
      findings.add({ ...where, code: 'event_not_in_ledger', seq: e.seq, eventId: e.id, message: `案件 ${label}：第${e.seq}个事件的本机操作序号（${e.deviceSeq}）与操作记录不符（操作序号被改动，或事件是后来插入的）` });
      continue;
    }
    seen.add(op.deviceSeq);
    if (op.payloadHash !== payloadHashOf(domainEvent(e))) {
      findings.add({ ...where, code: 'event_not_in_ledger', seq: e.seq, eventId: e.id, message: `案件 ${label}：第${e.seq}个事件与本机操作记录中的内容不符（事件被改动后重新计算了链）` });
    }
  }
  const missing = ops.filter((o) => !seen.has(o.deviceSeq) && !events.some((e) => e.deviceSeq === o.deviceSeq && e.deviceId === device.deviceId));
  if (missing.length > 0) {
    const seqs = missing.map((o) => o.deviceSeq).sort((a, b) => a - b);
    findings.add({ ...where, code: 'event_missing', seq: caseRow.lastSeq, eventId: null, message: `案件 ${label}：本机操作记录中有${missing.length}个本案事件（操作序号 ${seqs.join('、')}）已不在案件中（事件被删除）` });
  }
}

/** One case: its chain, its row, the ledger's operations for it and the platform's acknowledged heads. */
export async function verifyCase(desk: Desk, caseId: string): Promise<IntegrityReport> {
  const key = await deviceKeys(desk).chainKey();
  const findings = new Findings();
  const counts = emptyCounts();
  const caseRow = await desk.db.cases.get(caseId);
  if (!caseRow) {
    findings.add({ code: 'case_missing', caseId, caseNo: '', seq: 0, eventId: null, message: '案件不存在（可能已被删除）' });
    return reportOf(counts, findings);
  }
  const device = await desk.db.device.get('this');
  await checkCase({ desk, key, device: keyUsable(device, key) ? device : undefined, findings, counts }, caseRow);
  return reportOf(counts, findings);
}

function keyUsable(device: DeviceRow | undefined, key: Uint8Array): boolean {
  return !device?.keyId || device.keyId === keyFingerprint(key);
}

/** The ledger: no holes, every link, the sealed tail, one outbox row per operation; collects the cases it names. */
async function checkLedger(c: Context, device: DeviceRow, caseIds: Set<string>): Promise<void> {
  const { desk, key, findings } = c;
  const from = device.ledgerFrom ?? 1;
  let expect = from;
  let prev = GENESIS_HASH;
  for (;;) {
    const page: OperationLedgerRow[] = await desk.db.operationLedger.where('deviceSeq').aboveOrEqual(expect).limit(PAGE).toArray();
    if (page.length === 0) break;
    const outbox = await desk.db.outbox.bulkGet(page.map((r) => r.opId));
    for (const [i, row] of page.entries()) {
      c.counts.operationsChecked += 1;
      if (row.deviceSeq !== expect) {
        findings.add({ code: 'operation_missing', message: `本机${range(expect, row.deviceSeq - 1)}操作记录缺失（有记录被删除，可能是整件案件）` });
      } else if (ledgerMac(key, prev, row) !== row.mac) {
        findings.add({ code: 'operation_altered', message: `本机第 ${row.deviceSeq} 号操作记录与其校验值不符（操作序号或内容被改动）` });
      }
      prev = row.mac;
      expect = row.deviceSeq + 1;
      if (row.kind === 'case-event') caseIds.add(row.entityId);
      const o = outbox[i];
      if (!o) findings.add({ code: 'outbox_missing', message: `本机第 ${row.deviceSeq} 号操作的待同步记录缺失（被删除，市平台将收不到它）` });
      else if (o.deviceSeq !== row.deviceSeq || o.kind !== row.kind || o.entityId !== row.entityId) {
        findings.add({ code: 'outbox_mismatch', message: `本机第 ${row.deviceSeq} 号操作的待同步记录与操作记录不符（操作序号或所属对象被改动）` });
      }
    }
    if (page.length < PAGE) break;
  }
  const last = device.nextSeq - 1;
  if (expect <= last) findings.add({ code: 'operation_tail', message: `本机${range(expect, last)}操作记录缺失（最后的记录被删除）` });
  else if (prev !== (device.ledgerHead ?? GENESIS_HASH)) findings.add({ code: 'operation_tail', message: '本机最后的操作记录与封存的链尾不符（末尾记录被删除或替换）' });

  // Outbox rows of this device that the ledger does not know (inserted, or their number edited).
  let after = from - 1;
  for (;;) {
    const page = await desk.db.outbox.where('deviceSeq').above(after).limit(PAGE).toArray();
    if (page.length === 0) break;
    const ledger = await desk.db.operationLedger.bulkGet(page.map((r) => r.deviceSeq));
    for (const [i, o] of page.entries()) {
      if (o.deviceId !== device.deviceId) continue;
      const l = ledger[i];
      if (!l || l.opId !== o.id) findings.add({ code: 'outbox_mismatch', message: `有一条待同步记录（操作序号 ${o.deviceSeq}）不在本机操作记录中（被插入，或操作序号被改动）` });
    }
    after = page[page.length - 1]!.deviceSeq;
    if (page.length < PAGE) break;
  }
}

async function checkAudit(c: Context, device: DeviceRow): Promise<void> {
  const { desk, key, findings } = c;
  let expect = 1;
  let prev = GENESIS_HASH;
  for (;;) {
    const page = await desk.db.auditLog.where('seq').aboveOrEqual(expect).limit(PAGE).toArray();
    if (page.length === 0) break;
    for (const row of page) {
      c.counts.auditChecked += 1;
      const seq = row.seq ?? 0;
      if (seq !== expect) findings.add({ code: 'audit_missing', message: `审计记录${range(expect, seq - 1)}缺失（被删除）` });
      else if (auditMac(key, prev, row) !== row.mac) findings.add({ code: 'audit_altered', message: `第 ${seq} 条审计记录（${row.action}）与其校验值不符（被改动）` });
      prev = row.mac ?? '';
      expect = seq + 1;
    }
    if (page.length < PAGE) break;
  }
  const last = (device.auditNext ?? 1) - 1;
  if (expect <= last) findings.add({ code: 'audit_tail', message: `审计记录${range(expect, last)}缺失（最后的记录被删除）` });
  else if (prev !== (device.auditHead ?? GENESIS_HASH)) findings.add({ code: 'audit_tail', message: '最后的审计记录与封存的链尾不符（末尾记录被删除或替换）' });
}

async function checkChainAnchors(c: Context): Promise<void> {
  const { desk, findings } = c;
  for (const chain of ['ledger', 'audit'] as const) {
    const anchors = await desk.db.chainAnchors.where('chain').equals(chain).toArray();
    c.counts.anchorsChecked += anchors.length;
    for (const a of anchors) {
      const row = chain === 'ledger' ? await desk.db.operationLedger.get(a.seq) : await desk.db.auditLog.where('seq').equals(a.seq).first();
      const what = chain === 'ledger' ? `本机第 ${a.seq} 号操作记录` : `第 ${a.seq} 条审计记录`;
      if (!row) findings.add({ code: 'anchor_mismatch', message: `${what}已于 ${ackedOn(a)} 同步并经市平台确认，现已不在本机（同步后被删除）` });
      else if (row.mac !== a.hash) findings.add({ code: 'anchor_mismatch', message: `${what}与市平台 ${ackedOn(a)} 确认的记录不符（同步后被改写）` });
    }
  }
}

/**
 * The whole check (设置 → 数据完整性). `onProgress(casesChecked, totalCases)` after each page of cases.
 */
export async function checkIntegrity(desk: Desk, onProgress?: (checked: number, total: number) => void, pageSize = 200): Promise<IntegrityReport> {
  const db = desk.db;
  const key = await deviceKeys(desk).chainKey();
  const findings = new Findings();
  const counts = emptyCounts();
  const device = await db.device.get('this');
  let keyed = device;
  if (device?.keyId && device.keyId !== keyFingerprint(key)) {
    findings.add({ code: 'key_mismatch', message: '本机的完整性密钥与数据不匹配（密钥被更换，或数据来自其他电脑），无法确认记录未被改动。请联系技术支持。' });
    keyed = undefined;
  }
  const c: Context = { desk, key, device: keyed, findings, counts };
  const ledgerCases = new Set<string>();
  if (keyed) {
    if (keyed.seal && keyed.seal !== deviceSeal(key, keyed)) findings.add({ code: 'device_seal', message: '本机的操作计数与封签不符（计数或链尾被改动，可能删除了最后的记录）' });
    if (!keyed.seal && ((await db.operationLedger.count()) > 0 || (await db.auditLog.where('seq').above(0).count()) > 0)) {
      findings.add({ code: 'device_seal', message: '本机的操作计数缺少封签（设备记录被替换）' });
    }
    await checkLedger(c, keyed, ledgerCases);
    await checkAudit(c, keyed);
    await checkChainAnchors(c);
  }
  const total = await db.cases.count();
  let lastKey: string | undefined;
  for (;;) {
    const page = lastKey === undefined ? await db.cases.orderBy(':id').limit(pageSize).toArray() : await db.cases.where(':id').above(lastKey).limit(pageSize).toArray();
    if (page.length === 0) break;
    for (const caseRow of page) await checkCase(c, caseRow);
    lastKey = page.at(-1)?.id;
    onProgress?.(counts.casesChecked, total);
  }
  // A case whose operations are in the ledger (or whose head the platform acknowledged) but which is gone.
  const anchoredCases = (await db.chainAnchors.where('chain').startsWith('case:').toArray()).map((a) => a.chain.slice('case:'.length));
  const named = [...new Set([...ledgerCases, ...anchoredCases])];
  const present = await db.cases.bulkGet(named);
  for (const [i, id] of named.entries()) {
    if (present[i]) continue;
    const ops = keyed ? (await db.operationLedger.where('entityId').equals(id).toArray()).filter((o) => o.kind === 'case-event').map((o) => o.deviceSeq) : [];
    const synced = anchoredCases.includes(id) ? '，该案件已同步到市平台' : '';
    findings.add({ code: 'case_deleted', caseId: id, message: `有一件案件被整体删除${ops.length > 0 ? `：本机${ops.length}条操作记录（操作序号 ${ops.slice(0, 10).join('、')}${ops.length > 10 ? ' 等' : ''}）所属的案件已不存在` : ''}${synced}` });
  }
  return reportOf(counts, findings);
}

/** The same check under its older name (the settings page's button). */
export const verifyAllCases = checkIntegrity;
