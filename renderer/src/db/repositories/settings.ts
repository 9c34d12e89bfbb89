/** Office profile and settings (key/value rows in `settings`). Every change is audited. */
import type { CreditDeskDb } from '../database';
import type { Actor } from '../types';
import type { OfficeSettings, PeriodKey, PeriodUnit } from '../../../../shared/rules/types';
import { appendAudit } from './audit';

export type RuleSetAssignment = {
  /** Behaviour catalogue id (shared/rules). */
  catalogueId: string;
  /** Rule-set preset id that applies to cases with behaviour from this catalogue. */
  ruleSetId: string;
};

export type PeriodSetting = { amount: number; unit?: PeriodUnit; note?: string };

export type OfficeProfile = {
  name: string;
  uscc: string;
  region: string;
  level: '县级' | '乡镇';
  assignments: RuleSetAssignment[];
  /** Office values for unset periods, per rule-set preset id. */
  periodSettings: Record<string, Partial<Record<PeriodKey, PeriodSetting>>>;
  /** Per preset id: whether 事先告知 is required before listing (office decision), when set. */
  preNotice?: Record<string, boolean>;
  decisionReference: string;
  /** From when the office's period settings apply (default: the preset's own effective date). */
  settingsEffectiveFrom?: string;
  numbering: { casePrefix: string; documentPrefix: string };
  staff: string[];
  configuredAt: string;
};

export const OFFICE_KEY = 'office';
export const CURRENT_STAFF_KEY = 'currentStaff';

export async function getOffice(db: CreditDeskDb): Promise<OfficeProfile | undefined> {
  return (await db.settings.get(OFFICE_KEY))?.value as OfficeProfile | undefined;
}

export async function saveOffice(db: CreditDeskDb, profile: OfficeProfile, actor: Actor): Promise<void> {
  await db.transaction('rw', db.settings, db.auditLog, async () => {
    const before = await db.settings.get(OFFICE_KEY);
    await db.settings.put({ key: OFFICE_KEY, value: profile });
    await appendAudit(db, actor, before ? '修改办公室设置' : '首次设置办公室', 'settings', OFFICE_KEY, { before: before?.value ?? null, after: profile });
  });
}

export async function getSetting<T>(db: CreditDeskDb, key: string): Promise<T | undefined> {
  return (await db.settings.get(key))?.value as T | undefined;
}

export async function putSetting(db: CreditDeskDb, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}

/** The office settings (shared/rules OfficeSettings) for one preset, or null when nothing is set. */
export function officeSettingsFor(profile: OfficeProfile, ruleSetId: string, effectiveFrom: string): OfficeSettings | null {
  const periods = profile.periodSettings[ruleSetId];
  if (!periods || Object.keys(periods).length === 0) return null;
  return { periods, decidedBy: profile.name, decisionReference: profile.decisionReference || '办公室设置', effectiveFrom };
}
