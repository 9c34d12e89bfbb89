/**
 * Reference data the platform pushes down: holiday calendars (节假日安排) and rule-set updates.
 *
 * - A holiday calendar goes through the office's own import (`importHolidaySchedule`, which validates
 *   with shared/'s parseHolidaySchedule and stores it in `calendars`); then the work list's deadline
 *   rows that were provisional are recomputed, so a deadline in a year that just got its schedule
 *   stops being provisional.
 * - A rule-set update (shared/sync/rule-set-update.ts) is stored as a NEW version of its id. A stored
 *   version is never changed (cases pin the rules in force when they were decided); the same content
 *   pulled twice (or re-applied after a crash) is recognised and not stored again.
 *
 * Both return `{ ok: false, reasonZh }` for items the desk cannot use; the caller leaves those in
 * `syncInbox` with the reason (they never block the pull cursor).
 */
import { staticSession, type Desk } from '../desk';
import { ruleSetKey } from '../rules';
import { importHolidaySchedule } from '../calendars';
import { deskWrite } from '../write';
import { canonicalize } from '../../../../shared/sync/hash';
import { parseRuleSetUpdate } from '../../../../shared/sync/rule-set-update';
import { PLATFORM_ACTOR } from '../../../../shared/sync/pulled';
import type { RuleSet } from '../../../../shared/rules/types';
import type { InboxRow } from './outbox-store';
import { formatLegalDateZh, localDayOf } from '../../format/time';

export type ReferenceApplication = { ok: boolean; reasonZh?: string; detail?: string };

const PLATFORM_NAME = PLATFORM_ACTOR.name;

/** A pulled 节假日安排: stored exactly as an office import, then provisional deadlines are recomputed. */
export async function applyHolidayCalendar(desk: Desk, item: InboxRow): Promise<ReferenceApplication> {
  const platform: Desk = { ...desk, session: staticSession(PLATFORM_ACTOR) };
  const imported = await importHolidaySchedule(platform, item.payload);
  if (!imported.ok) return { ok: false, reasonZh: `平台下发的节假日安排未采用：${imported.reason}` };
  return { ok: true, detail: `${imported.year}年节假日安排已采用；${imported.refreshed} 件案件或承诺的期限已重新计算` };
}

/** Everything except the version number and notes: what makes two versions "the same rules". */
function content(r: RuleSet): string {
  return canonicalize({ ...r, version: 0, notes: [] });
}

/** A pulled rule-set update → a new stored version (never an overwrite of a pinned one). */
export async function applyRuleSetUpdate(desk: Desk, item: InboxRow): Promise<ReferenceApplication> {
  const db = desk.db;
  const parsed = parseRuleSetUpdate(item.payload);
  if (!parsed.ok) return { ok: false, reasonZh: parsed.reason };
  const incoming = parsed.update.ruleSet;
  const platform: Desk = { ...desk, session: staticSession(PLATFORM_ACTOR) };
  const written = await deskWrite(platform, ['ruleSets'], async (w): Promise<ReferenceApplication> => {
    const versions = (await db.ruleSets.toArray()).map((r) => r.data as RuleSet).filter((r) => r.id === incoming.id);
    const other = versions.find((r) => r.jurisdictionKey !== incoming.jurisdictionKey || r.kind !== incoming.kind);
    if (other) {
      return { ok: false, reasonZh: `规则集“${incoming.id}”在本机适用于${other.jurisdictionKey}（${other.kind === 'local' ? '地方' : '国家'}），平台下发的版本适用于${incoming.jurisdictionKey}（${incoming.kind === 'local' ? '地方' : '国家'}），不能作为它的新版本，请与市平台核对` };
    }
    const same = versions.find((r) => content(r) === content(incoming));
    if (same) return { ok: true, detail: `本机已有相同内容的第${same.version}版` };
    const latest = versions.reduce((m, r) => Math.max(m, r.version), 0);
    const version = Math.max(incoming.version, latest + 1);
    const published = formatLegalDateZh(localDayOf(item.publishedAt));
    const origin = `${PLATFORM_NAME}${published}下发（平台版本号 ${incoming.version}${version === incoming.version ? '' : `，本机存为第${version}版`}）${parsed.update.note ? `：${parsed.update.note}` : ''}`;
    const stored: RuleSet = { ...incoming, version, notes: [...incoming.notes, origin] };
    // add(), not put(): a key that exists is never overwritten (it throws and the item stays in the inbox).
    await db.ruleSets.add({ id: ruleSetKey(stored), name: stored.title, data: stored, updatedAt: w.at });
    await w.audit(`采用平台下发的规则集 ${stored.shortTitle} 第${version}版`, 'ruleSet', ruleSetKey(stored), { pulledItemId: item.id, platformVersion: incoming.version });
    return { ok: true, detail: `已存为第${version}版，自${stored.effectiveFrom}起适用于新认定的案件` };
  });
  return 'code' in written ? { ok: false, reasonZh: written.reason } : written;
}
