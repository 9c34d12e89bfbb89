/**
 * Turns pulled objections and repair applications filed online into case events through the case
 * desk's appendCaseEvent (so their deadlines enter the work list), files number blocks, and applies
 * holiday calendars and rule-set updates (apply-reference.ts). Corrections and shared-case decisions
 * stay in `syncInbox` for their owners.
 *
 * Runs after the pulled page is stored (never inside the pull transaction: a refused event aborts
 * its transaction, and a refusal must not block the pull cursor). Each pending inbox item is
 * applied once: an event already carrying the objection/repair id counts as applied (crash between
 * append and mark). A refused or malformed item stays in the inbox with the reason, never dropped.
 */
import type { Desk } from '../desk';
import { loadEvents, recordAct } from '../cases';
import { getOffice } from '../settings';
import { documentStore } from '../documents';
import { deskWrite, refuseWrite } from '../write';
import { caseEventFromPulled } from '../../../../shared/sync/pulled';
import { NumberBlockPayloadSchema, type PulledItem } from '../../../../shared/sync/protocol';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../../shared/documents/types';
import type { InboxRow } from './outbox-store';
import { applyHolidayCalendar, applyRuleSetUpdate } from './apply-reference';

export type PulledApplication = { ok: boolean; eventId?: string; reasonZh?: string };

function scopeIdOf(payload: unknown): string | undefined {
  const p = payload as { objectionId?: unknown; repairId?: unknown } | undefined;
  return typeof p?.objectionId === 'string' ? p.objectionId : typeof p?.repairId === 'string' ? p.repairId : undefined;
}

/** A block of official document numbers (文号) reserved by the platform → the documents' number blocks. */
async function applyNumberBlock(desk: Desk, item: InboxRow): Promise<PulledApplication> {
  const db = desk.db;
  const parsed = NumberBlockPayloadSchema.safeParse(item.payload);
  if (!parsed.success) return { ok: false, reasonZh: '平台下发的文号段格式不正确' };
  const p = parsed.data;
  if (!(DOCUMENT_KINDS as readonly string[]).includes(p.docKind)) return { ok: false, reasonZh: `不认识的文书种类：${p.docKind}` };
  const device = await db.device.get('this');
  if (!device) return { ok: false, reasonZh: '本机设备信息缺失' };
  if (p.deviceId && p.deviceId !== device.deviceId) return { ok: false, reasonZh: '该文号段分配给其他设备，本机不使用' };
  const office = await getOffice(db);
  if (!office) return { ok: false, reasonZh: '本机尚未完成办公室设置，暂不能使用平台下发的文号段' };
  const block = {
    id: `platform-${item.id}`,
    officeId: office.officeId,
    kind: p.docKind as DocumentKind,
    year: p.year,
    deviceId: device.deviceId,
    first: p.from,
    last: p.to,
    assignedAt: item.publishedAt,
    assignedBy: '市公共信用信息平台',
    source: 'platform' as const,
  };
  const added = await deskWrite(desk, ['numberBlocks'], async (w) => {
    const check = await documentStore(desk).addBlock(block);
    if (!check.ok) refuseWrite(check.code, check.reason);
    await w.audit('采用平台下发的文号段', 'numberBlock', block.id, { kind: block.kind, year: block.year, first: block.first, last: block.last });
    return { ok: true as const };
  });
  return added.ok ? { ok: true } : { ok: false, reasonZh: added.reason };
}

export function createPulledApplier(desk: Desk): (items: PulledItem[]) => Promise<void> {
  const db = desk.db;
  const inbox = db.table<InboxRow, string>('syncInbox');
  return async () => {
    const blocks = await inbox.where('kind').equals('number-block').filter((r) => !r.applied).toArray();
    for (const item of blocks) await inbox.update(item.id, { applied: await applyNumberBlock(desk, item) });
    // Calendars and rule sets before case events: an objection's deadline is then computed with them.
    const reference = await inbox.where('kind').anyOf('holiday-calendar', 'rule-set').filter((r) => !r.applied).toArray();
    reference.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
    for (const item of reference) {
      let outcome: PulledApplication;
      try {
        const applied = item.kind === 'holiday-calendar' ? await applyHolidayCalendar(desk, item) : await applyRuleSetUpdate(desk, item);
        outcome = { ok: applied.ok, ...(applied.reasonZh ? { reasonZh: applied.reasonZh } : {}) };
        if (applied.detail) console.info(`pulled ${item.kind} ${item.id} applied: ${applied.detail}`);
      } catch (error) {
        console.warn(`pulled ${item.kind} ${item.id} not applied: ${error instanceof Error ? error.message : String(error)}`);
        outcome = { ok: false, reasonZh: `平台下发的${item.kind === 'holiday-calendar' ? '节假日安排' : '规则集'}未能保存，请稍后重试或联系市平台` };
      }
      await inbox.update(item.id, { applied: outcome });
    }
    const pending = await inbox.where('kind').anyOf('objection', 'repair-application').filter((r) => !r.applied).toArray();
    pending.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
    for (const item of pending) {
      const mapped = caseEventFromPulled(item);
      if (!mapped) continue;
      let outcome: PulledApplication;
      if ('error' in mapped) {
        outcome = { ok: false, reasonZh: `平台下发的内容不完整：${mapped.error}` };
      } else {
        const scope = scopeIdOf(mapped.draft.payload);
        const existing = (await loadEvents(db, mapped.caseId)).find((e) => e.type === mapped.draft.type && scopeIdOf(e.payload) === scope);
        if (existing) {
          outcome = { ok: true, eventId: existing.id };
        } else {
          const { actor, ...act } = mapped.draft;
          const result = await recordAct(desk, mapped.caseId, act, { actor });
          outcome = result.ok ? { ok: true, eventId: result.event.id } : { ok: false, reasonZh: result.reason };
        }
      }
      await inbox.update(item.id, { applied: outcome });
    }
  };
}
