/** Shared set-up for renderer unit tests: an office on the 朝阳房地产 rule set with its unset periods configured. */
import { CreditDeskDb } from '../../renderer/src/db/database';
import { saveOffice, type OfficeProfile } from '../../renderer/src/db/repositories/settings';
import { syncOfficeRuleSets } from '../../renderer/src/domain/rulesets';
import { uniqueDbName } from '../helpers/dexie';
import type { Actor } from '../../shared/case/events';

export const ACTOR: Actor = { userId: 'staff:李办', name: '李办' };

export const OFFICE: OfficeProfile = {
  name: '示例县社会信用体系建设领导小组办公室',
  uscc: '11210000MB0000001M',
  region: '示例省示例市示例县',
  level: '县级',
  assignments: [{ catalogueId: 'CY-RE-6', ruleSetId: 'LN-CY-RE-2020' }, { catalogueId: 'HLJ-29', ruleSetId: 'HLJ-2022' }],
  periodSettings: {
    'LN-CY-RE-2020': { pre_notice_statement: { amount: 5 }, repair_decision: { amount: 10 }, objection_decision: { amount: 3 } },
  },
  preNotice: { 'LN-CY-RE-2020': true },
  decisionReference: '示信办〔2026〕1号',
  numbering: { casePrefix: '示信案', documentPrefix: '示信决' },
  staff: ['李办', '王审'],
  configuredAt: '2026-01-01T00:00:00.000Z',
};

export async function officeDb(profile: OfficeProfile = OFFICE): Promise<CreditDeskDb> {
  const db = new CreditDeskDb(uniqueDbName('flow'));
  await db.open();
  const r = await syncOfficeRuleSets(db, profile);
  if (!r.ok) throw new Error(r.reason);
  await saveOffice(db, profile, ACTOR);
  return db;
}
