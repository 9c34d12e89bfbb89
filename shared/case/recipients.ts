import type { RuleSet } from '../rules/types';
import type { PersonRef, SubjectRef } from './events';

export type NoticeRecipient = { name: string; role: '当事人' | '主要责任人'; citizenId?: string };

/** The role a linked person must have to receive the listing notice (朝阳房地产规定 第八条). */
export const RESPONSIBLE_PERSON_ROLE = '主要责任人';

/**
 * Who must receive the written listing notice under `ruleSet`: the subject, and where the rule set
 * says so (`listingNoticeRecipients` 'subject_and_responsible', 朝阳房地产规定 第八条 "书面告知该市场主体和
 * 主要责任人") its 主要责任人 — those recorded on the subject and any linked persons with that role.
 * The fold counts the notice period (T1) as met only when every one of them has been served.
 */
export function listingNoticeRecipients(subject: SubjectRef | null, ruleSet: Pick<RuleSet, 'listingNoticeRecipients'>, linkedPersons: readonly PersonRef[] = []): NoticeRecipient[] {
  if (!subject) return [];
  const out: NoticeRecipient[] = [{ name: subject.name, role: '当事人' }];
  if (ruleSet.listingNoticeRecipients !== 'subject_and_responsible') return out;
  const responsible = [...(subject.responsiblePersons ?? []), ...linkedPersons.filter((p) => p.role === RESPONSIBLE_PERSON_ROLE)];
  for (const p of responsible) {
    const name = p.name.trim();
    if (name === '' || out.some((r) => r.name === name)) continue;
    out.push({ name, role: '主要责任人', ...(p.citizenId ? { citizenId: p.citizenId } : {}) });
  }
  return out;
}

/**
 * The required recipients not named by any served listing document. A recipient counts as served
 * when a recipient line contains the name (e.g. "张三（主要责任人）").
 */
export function outstandingRecipients(required: readonly NoticeRecipient[], servedLines: readonly string[]): string[] {
  return required.map((r) => r.name).filter((name) => !servedLines.some((line) => line.includes(name)));
}
