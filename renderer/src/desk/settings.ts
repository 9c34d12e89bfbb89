/** Office profile and settings (key/value rows in `settings`). Every change is audited. */
import type { CreditDeskDb } from '../db/database';
import type { OfficeSettings } from '../../../shared/rules/types';
import { parseOfficeProfile, type OfficeProfile } from '../../../shared/office/profile';
import type { Desk } from './desk';
import { deskWrite, type DeskRefused } from './write';
import { refusedFor } from './users/permissions';

export type { OfficeProfile, PeriodSetting, RuleSetAssignment } from '../../../shared/office/profile';

export const OFFICE_KEY = 'office';
export const CURRENT_STAFF_KEY = 'currentStaff';

export async function getOffice(db: CreditDeskDb): Promise<OfficeProfile | undefined> {
  const value = (await db.settings.get(OFFICE_KEY))?.value;
  if (value === undefined) return undefined;
  const parsed = parseOfficeProfile(value);
  if (!parsed.ok) console.warn(`getOffice: stored office profile does not parse: ${parsed.errors.join('; ')}`);
  return value as OfficeProfile;
}

/** 办公室设置: validated with shared/'s schema (the refusal names the first missing field), audited. */
export async function saveOffice(desk: Desk, profile: OfficeProfile): Promise<{ ok: true } | DeskRefused> {
  const denied = refusedFor(desk, 'settings');
  if (denied) return denied;
  const parsed = parseOfficeProfile(profile);
  if (!parsed.ok) return { ok: false, code: parsed.code, reason: parsed.reason };
  return deskWrite(desk, ['settings'], async (w) => {
    const before = await desk.db.settings.get(OFFICE_KEY);
    await desk.db.settings.put({ key: OFFICE_KEY, value: profile });
    await w.audit(before ? '修改办公室设置' : '首次设置办公室', 'settings', OFFICE_KEY, { before: before?.value ?? null, after: profile });
    return { ok: true as const };
  });
}

export async function getSetting<T>(db: CreditDeskDb, key: string): Promise<T | undefined> {
  return (await db.settings.get(key))?.value as T | undefined;
}

/** A setting that is a preference of this device (not a legal fact): written without an audit row. */
export async function putPreference(desk: Desk, key: string, value: unknown): Promise<void> {
  await deskWrite(desk, ['settings'], async () => {
    await desk.db.settings.put({ key, value });
  });
}

/** A setting that changes how the office works: written with an audit row. */
export async function putAuditedSetting(desk: Desk, key: string, value: unknown, action: string): Promise<{ ok: true } | DeskRefused> {
  const denied = refusedFor(desk, 'settings');
  if (denied) return denied;
  return deskWrite(desk, ['settings'], async (w) => {
    const before = await desk.db.settings.get(key);
    await desk.db.settings.put({ key, value });
    await w.audit(action, 'settings', key, { before: before?.value ?? null, after: value });
    return { ok: true as const };
  });
}

/** The office settings (shared/rules OfficeSettings) for one preset, or null when nothing is set. */
export function officeSettingsFor(profile: OfficeProfile, ruleSetId: string, effectiveFrom: string): OfficeSettings | null {
  const periods = profile.periodSettings[ruleSetId];
  if (!periods || Object.keys(periods).length === 0) return null;
  return { periods, decidedBy: profile.name, decisionReference: profile.decisionReference || '办公室设置', effectiveFrom };
}
