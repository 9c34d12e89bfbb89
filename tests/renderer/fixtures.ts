/** Shared set-up for renderer unit tests: an office on the 朝阳房地产 rule set with its unset periods configured. */
import { CreditDeskDb } from '../../renderer/src/db/database';
import { createDesk, fixedDateClock, staticSession, withToday, type Desk } from '../../renderer/src/desk/desk';
import { saveOffice, type OfficeProfile } from '../../renderer/src/desk/settings';
import { ruleSetForCase, syncOfficeRuleSets } from '../../renderer/src/desk/rules';
import { registerSubject } from '../../renderer/src/desk/subjects';
import { openCase, recordAct, type ActResult } from '../../renderer/src/desk/cases';
import { approveDecision, submitDecision } from '../../renderer/src/desk/users/decisions';
import { uniqueDbName } from '../helpers/dexie';
import type { Actor, DecisionDraft, EventDraft } from '../../shared/case/events';
import type { IsoDate } from '../../shared/util/dates';

export const ACTOR: Actor = { userId: 'staff:李办', name: '李办' };

export const OFFICE: OfficeProfile = {
  officeId: '11210000MB0000001M',
  name: '示例县社会信用体系建设领导小组办公室',
  uscc: '11210000MB0000001M',
  region: '示例省示例市示例县',
  level: '县级',
  reviewBody: '示例县人民政府',
  court: '示例县人民法院',
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

/** A desk over a fresh database (fake-indexeddb), acting as ACTOR on `today`. */
export function testDesk(db: CreditDeskDb, today: IsoDate = '2026-10-12', actor: Actor = ACTOR): Desk {
  return createDesk(db, { clock: fixedDateClock(today), session: staticSession(actor) });
}

/** A desk for an office set up with `profile` (rule sets stored, office saved). */
export async function officeDesk(profile: OfficeProfile = OFFICE, today: IsoDate = '2026-10-12'): Promise<Desk> {
  const db = new CreditDeskDb(uniqueDbName('flow'));
  await db.open();
  const desk = testDesk(db, today);
  const r = await syncOfficeRuleSets(desk, profile);
  if (!r.ok) throw new Error(r.reason);
  const saved = await saveOffice(desk, profile);
  if (!saved.ok) throw new Error(saved.reason);
  return desk;
}

/** The same desk on another legal date. */
export const on = withToday;

/** The fixture company of the case tests (fictitious, check-digit-valid code). */
export const FIXTURE_COMPANY = { kind: 'legal_person', name: '示例县虚构房地产开发有限公司', uscc: '91210000MA0000001B' } as const;

export type NewCaseOptions = { today?: IsoDate; determinedOn?: IsoDate; behaviourCode?: string };

/** Registers the fixture company and opens its case with the 认定 event, under the office's rule set. */
export async function newCase(desk: Desk, options: NewCaseOptions = {}) {
  const { today = '2026-10-12', determinedOn = '2025-11-03', behaviourCode = 'CY-RE-6-2' } = options;
  const s = await registerSubject(desk, { ...FIXTURE_COMPANY });
  if (!s.ok) throw new Error(s.reason);
  const sel = await ruleSetForCase(desk, OFFICE, behaviourCode, determinedOn);
  if (!sel.ok) throw new Error(sel.reason);
  const result = await openCase(
    withToday(desk, today),
    {
      subjectId: s.subject.id,
      behaviourLabel: '未取得商品房预售许可证预售商品房',
      proportionalityNote: '情节与后果相当',
      casePrefix: '示信案',
      determined: {
        occurredOn: determinedOn,
        payload: {
          behaviourCode,
          behaviourText: '未取得商品房预售许可证预售商品房',
          facts: '2025年在示例县擅自预售',
          severity: 'severe',
          listType: 'dishonesty_list',
          basisDocuments: [{ type: 'penalty_decision', documentNo: '示住建罚〔2025〕12号', issuer: '示例县住房和城乡建设局', decidedOn: '2025-10-20', effective: true }],
          determiningDept: '示例县住房和城乡建设局',
          ruleSet: sel.pin,
        },
      },
    },
  );
  return { subject: s.subject, result };
}

/** The id of a newly determined fixture case; fails the test if the store refuses it. */
export async function determinedCaseId(desk: Desk, options: NewCaseOptions = {}): Promise<string> {
  const { result } = await newCase(desk, options);
  if (!result.ok) throw new Error(result.reason);
  return result.caseRow.id;
}

/** 事先告知 → 列入 → 送达 of the fixture case, in November 2025. */
export const LISTING_STEPS: readonly EventDraft[] = [
  { type: 'pre_notice_served', occurredOn: '2025-11-05', actor: ACTOR, payload: { documentNo: '示信告〔2025〕1号', recipients: [FIXTURE_COMPANY.name], method: 'direct' } },
  { type: 'listed', occurredOn: '2025-11-20', actor: ACTOR, payload: { decisionNo: '示信决〔2025〕1号', listType: 'dishonesty_list', priorRepairCompletedOn: null } },
  { type: 'served', occurredOn: '2025-11-21', actor: ACTOR, payload: { documentKind: 'listing-decision', documentNo: '示信决〔2025〕1号', recipients: [FIXTURE_COMPANY.name], method: 'direct', regardingId: null } },
];

/** The second person of four-eyes approval in the desk tests. */
export const REVIEWER: Actor = { userId: 'staff:王审', name: '王审', role: '审核人' };

/** The desk as REVIEWER (a 审核人). */
export function asReviewer(desk: Desk): Desk {
  return { ...desk, session: staticSession(REVIEWER, ['reviewer']) };
}

/**
 * Records an act as the office does: a decision act (列入、移出、修复决定) is first submitted by the
 * desk's officer and approved by REVIEWER on the same day (four-eyes), then recorded. A refusal of
 * any step comes back as the result.
 */
export async function recordWithApproval(desk: Desk, caseId: string, draft: EventDraft): Promise<ActResult> {
  if (draft.type === 'listed' || draft.type === 'removed' || draft.type === 'repair_decided') {
    const decision = (draft.type === 'listed' ? { act: 'listed', payload: { listType: draft.payload.listType } } : { act: draft.type, payload: draft.payload }) as DecisionDraft;
    const submitted = await submitDecision(desk, caseId, decision, draft.occurredOn);
    if (!submitted.ok) return submitted;
    const pending = submitted.state.decisions.at(-1)!;
    const approved = await approveDecision(asReviewer(desk), caseId, pending.decisionId, draft.occurredOn);
    if (!approved.ok) return approved;
  }
  return recordAct(desk, caseId, draft);
}

/** Appends each step through the store; fails the test at the first refusal, naming it. */
export async function appendSteps(desk: Desk, caseId: string, steps: readonly EventDraft[], today: IsoDate): Promise<void> {
  for (const step of steps) {
    const r = await recordAct(withToday(desk, today), caseId, step);
    if (!r.ok) throw new Error(`${step.type}: ${r.reason}`);
  }
}
