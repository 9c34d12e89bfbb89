import { describe, expect, it } from 'vitest';
import {
  breachConsequences,
  canRecordCommitmentEvent,
  checkCommitmentEligibility,
  checkIncentiveEligibility,
  foldCommitment,
  isGradeAOrAbove,
  verificationDueOn,
  COMMITMENT_RULES_ANHUI_EMERGENCY,
  COMMITMENT_RULES_HLJ,
  COMMITMENT_RULES_LINGYUAN,
  COMMITMENT_TYPE_LABELS,
  type Award,
  type CommitmentEvent,
  type CommitmentEventPayloads,
  type CommitmentEventType,
  type CreditRecord,
  type IncentiveInput,
} from '../../shared';
import { builtinCalendar } from '../../shared/calendar/calendar';

const calendar = builtinCalendar();
const asOf = '2026-11-04';

const award = (over: Partial<Award> = {}): Award => ({
  id: 'a1', title: '诚信示范企业', grantor: '凌源市人民政府', grantorKind: 'government', grantorLevel: 'county', local: true, date: '2025-05-01', document: '凌政发〔2025〕9号', ...over,
});
const dishonesty = (date: string, over: Partial<CreditRecord> = {}): CreditRecord => ({
  id: `r-${date}`, kind: 'general', category: 'penalty', date, description: '未按期整改', source: { department: '凌源市市场监督管理局', document: '凌市监罚〔2024〕5号' }, ...over,
});
const base = (over: Partial<IncentiveInput> = {}): IncentiveInput => ({
  subject: { kind: 'legal_person', establishedOn: '2015-01-01' }, awards: [], records: [], grade: null, optedOutOfPublication: false, asOf, ...over,
});

describe('守信激励 eligibility (凌源信易批 三(一))', () => {
  it('criterion 1: an award of a county-level government or department', () => {
    const r = checkIncentiveEligibility(base({ awards: [award()], subject: { kind: 'legal_person', establishedOn: '2025-01-01' } }));
    expect(r.eligible).toBe(true);
    expect(r.criteria.map((c) => c.met)).toEqual([true, false, false, false]);
    expect(r.criteria[0]?.evidence[0]).toContain('凌政发〔2025〕9号');
    // A township government or another unit is not "县级以上政府或政府部门".
    expect(checkIncentiveEligibility(base({ awards: [award({ grantorLevel: 'township' })], subject: { kind: 'legal_person', establishedOn: '2025-01-01' } })).criteria[0]?.met).toBe(false);
    expect(checkIncentiveEligibility(base({ awards: [award({ grantorKind: 'other_unit', grantor: '凌源市总工会' })], subject: { kind: 'legal_person', establishedOn: '2025-01-01' } })).criteria[0]?.met).toBe(false);
    expect(checkIncentiveEligibility(base({ awards: [award({ revoked: true })], subject: { kind: 'legal_person', establishedOn: '2025-01-01' } })).eligible).toBe(false);
  });

  it('criterion 2: three or more distinct local units, two are not enough', () => {
    const units = ['凌源市总工会', '凌源市妇女联合会', '共青团凌源市委员会'].map((grantor, i) => award({ id: `u${i}`, grantor, grantorKind: 'other_unit', grantorLevel: 'county' }));
    const young = { kind: 'legal_person' as const, establishedOn: '2025-01-01' };
    expect(checkIncentiveEligibility(base({ awards: units, subject: young })).criteria[1]).toMatchObject({ met: true, reason: expect.stringContaining('3个') });
    expect(checkIncentiveEligibility(base({ awards: [...units.slice(0, 2), { ...units[0], id: 'dup' } as Award], subject: young })).criteria[1]).toMatchObject({ met: false, reason: expect.stringContaining('不足3个') });
    expect(checkIncentiveEligibility(base({ awards: units.map((u) => ({ ...u, local: false })), subject: young })).criteria[1]?.met).toBe(false);
  });

  it('criterion 3: three clean years, counted back from asOf, for a subject that existed throughout', () => {
    expect(checkIncentiveEligibility(base()).criteria[2]).toMatchObject({ met: true, reason: '2023-11-05至2026-11-04没有失信记录' });
    expect(checkIncentiveEligibility(base({ subject: { kind: 'legal_person', establishedOn: '2023-11-05' } })).criteria[2]).toMatchObject({ met: false, reason: expect.stringContaining('不满三年') });
    expect(checkIncentiveEligibility(base({ subject: { kind: 'legal_person', establishedOn: '2023-11-04' } })).criteria[2]?.met).toBe(true);
    expect(checkIncentiveEligibility(base({ subject: { kind: 'legal_person', establishedOn: null } })).criteria[2]).toMatchObject({ met: false, reason: expect.stringContaining('成立（登记）日期不详') });
    // A record ended long ago, before the window, does not break the three clean years.
    expect(checkIncentiveEligibility(base({ records: [dishonesty('2023-11-04', { endedOn: '2024-05-01' })] })).eligible).toBe(true);
  });

  it('criterion 4: grade A or above, for enterprises only', () => {
    const grade = { scheme: '河北企业信用评价', grade: 'A', evaluatedOn: '2026-06-30' };
    const young = { kind: 'legal_person' as const, establishedOn: '2025-01-01' };
    expect(checkIncentiveEligibility(base({ grade, subject: young })).criteria[3]?.met).toBe(true);
    expect(checkIncentiveEligibility(base({ grade: { ...grade, grade: 'B' }, subject: young })).criteria[3]?.met).toBe(false);
    expect(checkIncentiveEligibility(base({ grade, subject: { kind: 'natural_person', establishedOn: null } })).criteria[3]).toMatchObject({ met: false, reason: '本项只适用于企业' });
    expect(['A', 'AA', 'AAA', 'A+', 'A级', 'a'].every(isGradeAOrAbove)).toBe(true);
    expect(['B', 'AB', 'A-', 'C类', ''].some(isGradeAOrAbove)).toBe(false);
  });

  it('一票否决: any dishonesty record in the period, or still in effect, excludes whatever the award', () => {
    const r = checkIncentiveEligibility(base({ awards: [award()], records: [dishonesty('2026-03-01')] }));
    expect(r.criteria[0]?.met).toBe(true);
    expect(r.eligible).toBe(false);
    expect(r.veto).toMatchObject({ applied: true, reason: expect.stringContaining('无论受到何种奖励') });
    expect(r.explanation.at(-1)).toContain('因一票否决');
    // Listed before the window and still in effect: vetoed too.
    expect(checkIncentiveEligibility(base({ awards: [award()], records: [dishonesty('2022-01-01', { endedOn: null })] })).veto.applied).toBe(true);
    // A withdrawn record (basis revoked) does not count.
    expect(checkIncentiveEligibility(base({ awards: [award()], records: [dishonesty('2026-03-01', { withdrawn: { on: '2026-04-01', reason: '依据被撤销' } })] })).eligible).toBe(true);
  });

  it('positive information is not published when the subject opted out (黑龙江 第三十七条)', () => {
    const r = checkIncentiveEligibility(base({ awards: [award()], optedOutOfPublication: true }));
    expect(r.eligible).toBe(true);
    expect(r.publication).toEqual({ allowed: false, reason: expect.stringContaining('第三十七条') });
    expect(checkIncentiveEligibility(base({ awards: [award()] })).publication.allowed).toBe(true);
  });
});

function commitmentEvents() {
  const events: CommitmentEvent[] = [];
  const add = <T extends CommitmentEventType>(type: T, occurredOn: string, payload: CommitmentEventPayloads[T]): void => {
    events.push({ id: `c${events.length + 1}`, seq: events.length + 1, type, occurredOn, payload } as CommitmentEvent);
  };
  return { events, add };
}

describe('信用承诺', () => {
  it('the five types', () => {
    expect(Object.values(COMMITMENT_TYPE_LABELS)).toEqual(['主动公示型', '审批替代型', '行业自律型', '信用修复型', '容缺受理']);
  });

  it('two-month verification after the licence decision (黑龙江 第四十六条, 民法典 第二百零二、二百零三条)', () => {
    expect(verificationDueOn('2026-03-10', 2, calendar).date).toBe('2026-05-11'); // 05-10 is a Sunday
    expect(verificationDueOn('2025-12-31', 2, calendar).date).toBe('2026-02-28'); // no 02-31: month end (a 调休 Saturday, a working day)
    expect(verificationDueOn('2026-07-31', 2, calendar)).toMatchObject({ date: '2026-09-30', provisional: false });
    expect(verificationDueOn('2027-07-31', 2, calendar)).toMatchObject({ date: '2027-09-30', provisional: true }); // 2027 not yet published
    const { events, add } = commitmentEvents();
    add('committed', '2026-03-01', { commitmentId: 'k1', type: 'approval_substitute', subjectId: 's1', matter: '危险化学品经营许可', text: '……', materialsDueOn: null });
    add('published', '2026-03-02', { channels: ['信用网站'] });
    add('licence_decided', '2026-03-10', { decisionNo: '凌应急许〔2026〕3号' });
    const open = foldCommitment(events, COMMITMENT_RULES_HLJ, calendar, '2026-05-11');
    expect(open.deadlines).toEqual([{ key: 'commitment_verification', label: '信用承诺核查（许可决定后两个月内）', dueOn: '2026-05-11', provisional: false, overdue: false, basis: '黑龙江省社会信用条例 第四十六条' }]);
    expect(foldCommitment(events, COMMITMENT_RULES_HLJ, calendar, '2026-05-12').deadlines[0]?.overdue).toBe(true);
    // 凌源 and 安徽 name no period: no verification deadline.
    expect(foldCommitment(events, COMMITMENT_RULES_LINGYUAN, calendar, '2026-05-12').deadlines).toEqual([]);
  });

  it('黑龙江: breach → 责令限期整改 → failed → 撤销许可或行政处罚', () => {
    const { events, add } = commitmentEvents();
    add('committed', '2026-03-01', { commitmentId: 'k1', type: 'approval_substitute', subjectId: 's1', matter: '安全生产许可', text: '……', materialsDueOn: null });
    add('licence_decided', '2026-03-10', { decisionNo: 'X' });
    add('verification_started', '2026-04-01', { note: '' });
    add('verified', '2026-04-20', { result: 'not_fulfilled', findings: '未按承诺配备安全管理人员' });
    let s = foldCommitment(events, COMMITMENT_RULES_HLJ, calendar, '2026-04-20');
    expect(s.stage).toBe('breached');
    expect(s.deadlines).toEqual([]);
    expect(s.consequencesDue.map((c) => c.code)).toEqual(['guidance_or_rectification', 'commitment_bar', 'credit_record']);
    expect(canRecordCommitmentEvent(s, 'rectification_ordered', COMMITMENT_RULES_HLJ)).toEqual({ ok: true });
    add('rectification_ordered', '2026-04-21', { documentNo: '责改〔2026〕1号', dueOn: '2026-05-21' });
    s = foldCommitment(events, COMMITMENT_RULES_HLJ, calendar, '2026-05-22');
    expect(s.stage).toBe('rectifying');
    expect(s.deadlines).toMatchObject([{ key: 'commitment_rectification', dueOn: '2026-05-21', overdue: true }]);
    add('rectification_checked', '2026-05-22', { rectified: false, findings: '逾期未整改' });
    s = foldCommitment(events, COMMITMENT_RULES_HLJ, calendar, '2026-05-22');
    expect(s.consequencesDue.map((c) => [c.code, c.basis])).toContainEqual(['revoke_licence_or_penalty', '黑龙江省社会信用条例 第四十六条']);
    add('consequence_applied', '2026-05-25', { code: 'revoke_licence_or_penalty', documentNo: '撤销决定', caseId: null });
    s = foldCommitment(events, COMMITMENT_RULES_HLJ, calendar, '2026-05-25');
    expect(s.stage).toBe('sanctioned');
    expect(s.consequencesDue.map((c) => c.code)).not.toContain('revoke_licence_or_penalty');
  });

  it('凌源: a breach goes to the 失信黑名单 (opens a case); 容缺受理 materials not completed in time is a breach', () => {
    expect(breachConsequences(COMMITMENT_RULES_LINGYUAN, 'public_disclosure')[0]).toMatchObject({ code: 'blacklist', opensCase: { listType: 'dishonesty_list' }, basis: expect.stringContaining('一（一）') });
    const { events, add } = commitmentEvents();
    add('committed', '2026-06-01', { commitmentId: 'k2', type: 'deficiency_acceptance', subjectId: 's1', matter: '食品经营许可（容缺）', text: '七日内补齐', materialsDueOn: '2026-06-08' });
    add('licence_decided', '2026-06-01', { decisionNo: 'Y' });
    const before = foldCommitment(events, COMMITMENT_RULES_LINGYUAN, calendar, '2026-06-08');
    expect(before.deadlines).toMatchObject([{ key: 'commitment_materials', dueOn: '2026-06-08', overdue: false }]);
    expect(before.consequencesDue).toEqual([]);
    const after = foldCommitment(events, COMMITMENT_RULES_LINGYUAN, calendar, '2026-06-09');
    expect(after.stage).toBe('breached');
    expect(after.consequencesDue[0]).toMatchObject({ code: 'blacklist', basis: expect.stringContaining('三（三）') });
    expect(canRecordCommitmentEvent(after, 'rectification_ordered', COMMITMENT_RULES_LINGYUAN)).toMatchObject({ ok: false, code: 'commitment_no_rectification' });
    add('materials_completed', '2026-06-07', { note: '已补齐' });
    expect(foldCommitment(events, COMMITMENT_RULES_LINGYUAN, calendar, '2026-06-09').consequencesDue).toEqual([]);
  });

  it('安徽应急: 撤销许可并罚款, for 审批替代型 and 信用修复型', () => {
    expect(breachConsequences(COMMITMENT_RULES_ANHUI_EMERGENCY, 'approval_substitute')).toEqual([{ code: 'revoke_licence_and_fine', label: '对违诺企业撤销许可并罚款', basis: '2022年安徽省应急管理厅社会信用体系建设工作要点 三（一）' }]);
    expect(checkCommitmentEligibility(COMMITMENT_RULES_ANHUI_EMERGENCY, { type: 'industry_self_discipline', asOf, onSevereList: false, priorBreaches: [] })).toMatchObject({ ok: false, code: 'commitment_type_not_provided' });
  });

  it('eligibility (黑龙江 第四十五条): not for severe-list subjects or prior breachers until repaired', () => {
    const ok = { type: 'approval_substitute' as const, asOf, onSevereList: false, priorBreaches: [] };
    expect(checkCommitmentEligibility(COMMITMENT_RULES_HLJ, ok)).toEqual({ ok: true });
    expect(checkCommitmentEligibility(COMMITMENT_RULES_HLJ, { ...ok, onSevereList: true })).toMatchObject({ ok: false, code: 'commitment_severe_list', reason: expect.stringContaining('第四十五条') });
    expect(checkCommitmentEligibility(COMMITMENT_RULES_HLJ, { ...ok, priorBreaches: [{ on: '2025-01-01', repairedOn: null }] })).toMatchObject({ ok: false, code: 'commitment_prior_breach' });
    expect(checkCommitmentEligibility(COMMITMENT_RULES_HLJ, { ...ok, priorBreaches: [{ on: '2025-01-01', repairedOn: '2025-09-01' }] })).toEqual({ ok: true });
    // 凌源 has no such bar, but 容缺受理 is for 守信激励对象 only (信易批 三(二)2).
    expect(checkCommitmentEligibility(COMMITMENT_RULES_LINGYUAN, { ...ok, onSevereList: true })).toEqual({ ok: true });
    expect(checkCommitmentEligibility(COMMITMENT_RULES_LINGYUAN, { ...ok, type: 'deficiency_acceptance' })).toMatchObject({ ok: false, code: 'commitment_not_incentive' });
    expect(checkCommitmentEligibility(COMMITMENT_RULES_LINGYUAN, { ...ok, type: 'deficiency_acceptance', incentiveEligible: true })).toEqual({ ok: true });
  });

  it('the state machine refuses out-of-order acts', () => {
    const { events, add } = commitmentEvents();
    expect(canRecordCommitmentEvent(foldCommitment(events, COMMITMENT_RULES_HLJ, calendar, asOf), 'published', COMMITMENT_RULES_HLJ)).toMatchObject({ ok: false, code: 'commitment_not_started' });
    add('committed', '2026-03-01', { commitmentId: 'k3', type: 'public_disclosure', subjectId: 's1', matter: '产品质量承诺', text: '', materialsDueOn: null });
    const s = foldCommitment(events, COMMITMENT_RULES_HLJ, calendar, asOf);
    expect(canRecordCommitmentEvent(s, 'licence_decided', COMMITMENT_RULES_HLJ)).toMatchObject({ ok: false, code: 'commitment_no_licence' });
    expect(canRecordCommitmentEvent(s, 'rectification_checked', COMMITMENT_RULES_HLJ)).toMatchObject({ ok: false, code: 'commitment_not_rectifying' });
    expect(canRecordCommitmentEvent(s, 'consequence_applied', COMMITMENT_RULES_HLJ)).toMatchObject({ ok: false, code: 'commitment_nothing_due' });
    add('verified', '2026-04-01', { result: 'fulfilled', findings: '' });
    const done = foldCommitment(events, COMMITMENT_RULES_HLJ, calendar, asOf);
    expect(done.stage).toBe('fulfilled');
    expect(canRecordCommitmentEvent(done, 'verified', COMMITMENT_RULES_HLJ)).toMatchObject({ ok: false, code: 'commitment_verified' });
  });
});
