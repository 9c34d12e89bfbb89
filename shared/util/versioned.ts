import type { IsoDate } from './dates';
import { refuse, type Refusal } from './result';

/**
 * Versioned reference data (points schemes, sampling policies; rule sets follow the same pattern):
 * each version is in force from `effectiveFrom` to `effectiveTo` (both included, null = open-ended),
 * and an office's change is a new version naming who decided it and by which document.
 */
export type Versioned = { version: number; effectiveFrom: IsoDate; effectiveTo: IsoDate | null };

export function inForceOn(item: Versioned, date: IsoDate): boolean {
  return item.effectiveFrom <= date && (item.effectiveTo === null || date <= item.effectiveTo);
}

/** Among the items in force on `date`: the latest effectiveFrom, then the highest version. */
export function latestInForce<T extends Versioned>(items: readonly T[], date: IsoDate): T | null {
  const candidates = items.filter((i) => inForceOn(i, date));
  candidates.sort((a, b) => (a.effectiveFrom === b.effectiveFrom ? b.version - a.version : a.effectiveFrom < b.effectiveFrom ? 1 : -1));
  return candidates[0] ?? null;
}

/** Who decided an office setting and by which document; both are required for traceability. */
export type OfficeDecision = { decidedBy: string; decisionReference: string };

export function checkOfficeDecision(decision: OfficeDecision): { ok: true } | Refusal {
  if (decision.decidedBy.trim() === '' || decision.decisionReference.trim() === '') {
    return refuse('settings_without_decision', '请填写设置的决定人和决定文件（文号或会议纪要），以便追溯');
  }
  return { ok: true };
}
