import { builtinCalendar } from '../../shared/calendar/calendar';
import { appendEvent, type AppendResult } from '../../shared/case/append';
import type { CaseEvent, CaseEventPayloads, CaseEventType, EventDraft, SubjectRef } from '../../shared/case/events';
import { foldCase } from '../../shared/case/fold';
import { canPerform } from '../../shared/case/can-perform';
import type { CaseState } from '../../shared/case/state';
import type { RuleSet, RuleSetPin, Severity } from '../../shared/rules/types';
import type { IsoDate } from '../../shared/util/dates';

export const calendar = builtinCalendar();
export const TODAY = '2026-11-22';
export const actor = { userId: 'u1', name: '王科员', unit: '县信用办' };
/** A fixed device chain key for the shared tests (the app's key is random per device). */
export const TEST_CHAIN_KEY = new Uint8Array(32).fill(7);

export const company: SubjectRef = {
  subjectId: 'sub-1',
  kind: 'legal_person',
  name: '某某房地产开发有限公司',
  uscc: '91110000600037341L',
  legalRepresentative: { name: '欧阳娜娜', citizenId: '11010519491231002X' },
  responsiblePersons: [{ name: '张三', citizenId: '360426199101010071', role: '主要责任人' }],
};

export function determinedPayload(pin: RuleSetPin, overrides: Partial<CaseEventPayloads['determined']> = {}): CaseEventPayloads['determined'] {
  return {
    subject: company,
    behaviourCode: pin.id.startsWith('HLJ') ? 'HLJ-29-4' : 'CY-RE-6-2',
    behaviourText: '未取得商品房预售许可证预售商品房',
    facts: '2023年10月起以认购方式变相预售商品房',
    severity: 'severe' as Severity,
    listType: 'dishonesty_list',
    basisDocuments: [{ type: 'penalty_decision', documentNo: '朝住建罚〔2024〕1号', issuer: '朝阳市住房和城乡建设局', decidedOn: '2024-02-20', effective: true }],
    determiningDept: '朝阳市住房和城乡建设局',
    ruleSet: pin,
    ...overrides,
  };
}

export function pinOf(ruleSet: RuleSet, national: RuleSetPin['national'] = null): RuleSetPin {
  return { id: ruleSet.id, version: ruleSet.version, national };
}

/** Builds a case event by event through appendEvent (so every step is validated). */
export function caseBuilder(ruleSet: RuleSet, options: { today?: IsoDate; previousRepairCompletedOn?: IsoDate | null } = {}) {
  const events: CaseEvent[] = [];
  let n = 0;
  const today = options.today ?? TODAY;
  const ctx = () => ({
    today,
    ruleSet,
    calendar,
    caseId: 'case-1',
    newId: () => `e${++n}`,
    recordedAt: '2026-11-22T08:00:00.000Z',
    chainKey: TEST_CHAIN_KEY,
    previousRepairCompletedOn: options.previousRepairCompletedOn ?? null,
  });
  const attempt = <T extends CaseEventType>(type: T, occurredOn: IsoDate, payload: CaseEventPayloads[T]): AppendResult => {
    const result = appendEvent(events, { type, occurredOn, actor, payload } as EventDraft, ctx());
    if (result.ok) events.push(result.event);
    return result;
  };
  const add = <T extends CaseEventType>(type: T, occurredOn: IsoDate, payload: CaseEventPayloads[T]): CaseEvent => {
    const result = attempt(type, occurredOn, payload);
    if (!result.ok) throw new Error(`${type} on ${occurredOn} refused: ${result.code} ${result.reason}`);
    return result.event;
  };
  const state = (at: IsoDate = today): CaseState => foldCase(events, ruleSet, calendar, { today: at });
  const can = (action: Parameters<typeof canPerform>[1], at: IsoDate = today) => canPerform(state(at), action, { today: at, ruleSet, calendar, previousRepairCompletedOn: options.previousRepairCompletedOn ?? null });
  return { events, attempt, add, state, can };
}

export const serveListing = (regardingId: string | null = null): CaseEventPayloads['served'] => ({
  documentKind: 'listing-decision',
  documentNo: '朝住建信〔2024〕1号',
  recipients: ['某某房地产开发有限公司', '张三'],
  method: 'direct',
  regardingId,
});
