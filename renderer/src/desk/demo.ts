/**
 * 载入演示数据: a clearly fictional county (示例县) so a newcomer can try every screen. It is loaded
 * only into the TRAINING database (a separate IndexedDB database that never syncs), never into an
 * office's real data. Codes are fictitious but check-digit-valid (computed by shared/identifiers);
 * region code 219900 is not a real county. Dates are relative to the desk's "today", so deadlines
 * show due/overdue states. Loading twice is refused.
 */
import { staticSession, type Desk } from './desk';
import { computeUsccCheckChar } from '../../../shared/identifiers/uscc';
import { computeCitizenIdCheckChar } from '../../../shared/identifiers/citizen-id';
import { addDays, type IsoDate } from '../../../shared/util/dates';
import type { Actor, DecisionDraft, EventDraft } from '../../../shared/case/events';
import { getOffice, getSetting, putPreference, saveOffice, type OfficeProfile } from './settings';
import { linkResponsiblePerson, registerSubject, subjectLabel } from './subjects';
import { openCase, recordAct } from './cases';
import { ruleSetForCase, syncOfficeRuleSets } from './rules';
import { findBehaviour } from '../../../shared/rules/catalogues';
import type { SubjectRow } from '../db/types';

const DEMO_KEY = 'demoLoadedAt';
const REGION = '219900';

const DEMO_OFFICE_USCC = uscc('11', 'MB000000X');

export const DEMO_OFFICE: OfficeProfile = {
  officeId: DEMO_OFFICE_USCC,
  name: '示例县社会信用体系建设领导小组办公室（演示）',
  letterhead: '示例县社会信用体系建设领导小组办公室文件',
  uscc: DEMO_OFFICE_USCC,
  region: '示例省示例市示例县（虚构）',
  level: '县级',
  reviewBody: '示例县人民政府（虚构）',
  court: '示例县人民法院（虚构）',
  assignments: [
    { catalogueId: 'CY-RE-6', ruleSetId: 'LN-CY-RE-2020' },
    { catalogueId: 'HLJ-29', ruleSetId: 'HLJ-2022' },
  ],
  periodSettings: {
    'LN-CY-RE-2020': { pre_notice_statement: { amount: 5 }, repair_decision: { amount: 10 }, objection_decision: { amount: 3 } },
    'HLJ-2022': { pre_notice_statement: { amount: 5 }, written_decision: { amount: 5 }, repair_decision: { amount: 10 } },
  },
  preNotice: { 'LN-CY-RE-2020': true, 'HLJ-2022': true },
  decisionReference: '示信办〔2026〕1号（演示）',
  numbering: { casePrefix: '示信案', documentPrefix: '示信决' },
  staff: ['演示经办人甲', '演示审核人乙'],
  configuredAt: '2026-01-01T00:00:00.000Z',
};

function uscc(head: string, body9: string): string {
  const first17 = `${head}${REGION}${body9}`;
  return first17 + (computeUsccCheckChar(first17) ?? '');
}

function citizenId(birth: string, seq: string): string {
  const first17 = `${REGION}${birth}${seq}`;
  return first17 + (computeCitizenIdCheckChar(first17) ?? '');
}

const ORGS = [
  { name: '示例县虚构置业有限公司', code: uscc('91', 'MA0DEM001'), person: '示例人甲', birth: '19750312' },
  { name: '示例县演示建筑工程有限公司', code: uscc('91', 'MA0DEM002'), person: '示例人乙', birth: '19800521' },
  { name: '示例县样板物业服务有限公司', code: uscc('91', 'MA0DEM003'), person: '示例人丙', birth: '19881104' },
  { name: '示例县测试房地产经纪有限公司', code: uscc('91', 'MA0DEM004'), person: '示例人丁', birth: '19920730' },
  { name: '示例县模拟供热有限公司', code: uscc('91', 'MA0DEM005'), person: '示例人戊', birth: '19700102' },
  { name: '示例县虚拟食品加工厂', code: uscc('92', 'MA0DEM006'), person: '示例人己', birth: '19851218' },
];

type Step = (caseId: string, d: (n: number) => IsoDate) => EventDraft[];

/** The demo's second person (four-eyes): approves what 演示经办人甲 submits. */
const DEMO_REVIEWER: Actor = { userId: 'staff:演示审核人乙', name: '演示审核人乙', role: '审核人' };

export async function loadDemoData(trainingDesk: Desk): Promise<{ ok: true; subjects: number; cases: number } | { ok: false; reason: string }> {
  if (trainingDesk.mode !== 'training') return { ok: false, reason: '演示数据只能载入培训模式，不能混入办公室的正式数据。' };
  const db = trainingDesk.db;
  const today = trainingDesk.clock.today();
  if (await getSetting<string>(db, DEMO_KEY)) return { ok: false, reason: '演示数据已经载入过，不会重复载入。' };
  let office = await getOffice(db);
  const actor: Actor = { userId: 'staff:演示经办人甲', name: office?.staff[0] ?? '演示经办人甲' };
  const desk: Desk = { ...trainingDesk, session: staticSession(actor) };
  if (!office) {
    const synced = await syncOfficeRuleSets(desk, DEMO_OFFICE);
    if (!synced.ok) return { ok: false, reason: synced.reason };
    const saved = await saveOffice(desk, DEMO_OFFICE);
    if (!saved.ok) return { ok: false, reason: saved.reason };
    office = DEMO_OFFICE;
  }
  const subjects: SubjectRow[] = [];
  for (const [i, o] of ORGS.entries()) {
    const org = await registerSubject(desk, { kind: 'legal_person', name: o.name, uscc: o.code, orgType: '企业', region: '示例县' });
    if (!org.ok) return { ok: false, reason: `演示主体“${o.name}”未能登记：${org.reason}` };
    const person = await registerSubject(desk, { kind: 'natural_person', pii: { name: o.person, idType: '居民身份证', idNumber: citizenId(o.birth, `00${i + 1}`) } });
    if (!person.ok) return { ok: false, reason: `演示人员未能登记：${person.reason}` };
    await linkResponsiblePerson(desk, org.subject.id, person.subject.id, '法定代表人');
    await linkResponsiblePerson(desk, org.subject.id, person.subject.id, '主要责任人');
    subjects.push(org.subject);
  }
  const d = (n: number) => addDays(today, -n);
  const recipients = (s: SubjectRow) => [subjectLabel(s)];
  // Each demo case: behaviour, severity, how far it got.
  const plans: { subject: SubjectRow; code: string; ago: number; steps: Step }[] = [
    { subject: subjects[0]!, code: 'CY-RE-6-2', ago: 420, steps: (_, d) => [
      { type: 'pre_notice_served', occurredOn: d(415), actor, payload: { documentNo: '示信告〔演示〕1号', recipients: recipients(subjects[0]!), method: 'direct' } },
      { type: 'listed', occurredOn: d(400), actor, payload: { decisionNo: '示信决〔演示〕1号', listType: 'dishonesty_list', priorRepairCompletedOn: null } },
      { type: 'served', occurredOn: d(399), actor, payload: { documentKind: 'listing-decision', documentNo: '示信决〔演示〕1号', recipients: recipients(subjects[0]!), method: 'direct', regardingId: null } },
      { type: 'objection_received', occurredOn: d(8), actor, payload: { objectionId: `DEMO-OBJ-1`, applicant: subjectLabel(subjects[0]!), grounds: ['error'], reasons: '（演示）认为预售面积认定有误', concernsListing: false, channel: 'written' } },
    ] },
    { subject: subjects[1]!, code: 'CY-RE-6-6', ago: 30, steps: (_, d) => [
      { type: 'pre_notice_served', occurredOn: d(2), actor, payload: { documentNo: '示信告〔演示〕2号', recipients: recipients(subjects[1]!), method: 'post' } },
    ] },
    { subject: subjects[2]!, code: 'CY-RE-6-16-4', ago: 200, steps: (_, d) => [
      { type: 'pre_notice_served', occurredOn: d(195), actor, payload: { documentNo: '示信告〔演示〕3号', recipients: recipients(subjects[2]!), method: 'direct' } },
      { type: 'listed', occurredOn: d(180), actor, payload: { decisionNo: '示信决〔演示〕3号', listType: 'dishonesty_list', priorRepairCompletedOn: null } },
    ] },
    { subject: subjects[3]!, code: 'CY-RE-6-4', ago: 500, steps: (_, d) => [
      { type: 'pre_notice_served', occurredOn: d(495), actor, payload: { documentNo: '示信告〔演示〕4号', recipients: recipients(subjects[3]!), method: 'direct' } },
      { type: 'listed', occurredOn: d(480), actor, payload: { decisionNo: '示信决〔演示〕4号', listType: 'dishonesty_list', priorRepairCompletedOn: null } },
      { type: 'served', occurredOn: d(479), actor, payload: { documentKind: 'listing-decision', documentNo: '示信决〔演示〕4号', recipients: recipients(subjects[3]!), method: 'direct', regardingId: null } },
      { type: 'repair_applied', occurredOn: d(20), actor, payload: { repairId: 'DEMO-REP-4', methods: ['commitment', 'rectification'], commitmentSigned: true, note: '（演示）主体申请修复' } },
      { type: 'repair_reviewed', occurredOn: d(18), actor, payload: { repairId: 'DEMO-REP-4', accepted: true, reasons: '材料齐全' } },
      { type: 'repair_decided', occurredOn: d(10), actor, payload: { repairId: 'DEMO-REP-4', approved: true, reasons: '（演示）已纠正失信行为并作出信用承诺' } },
    ] },
    { subject: subjects[4]!, code: 'CY-RE-6-16-5', ago: 5, steps: () => [] },
  ];
  let cases = 0;
  for (const plan of plans) {
    const sel = await ruleSetForCase(desk, office, plan.code, d(plan.ago));
    if (!sel.ok) return { ok: false, reason: `演示案件未能创建：${sel.reason}` };
    const text = findBehaviour(plan.code)?.item.text ?? '';
    const created = await openCase(
      desk,
      {
        subjectId: plan.subject.id,
        behaviourLabel: text,
        proportionalityNote: '（演示）措施与行为性质、情节相适应',
        casePrefix: office.numbering.casePrefix,
        determined: {
          occurredOn: d(plan.ago),
          payload: {
            behaviourCode: plan.code,
            behaviourText: text,
            facts: `（演示，虚构事实）${text}`,
            severity: 'general',
            listType: 'dishonesty_list',
            basisDocuments: [{ type: 'penalty_decision', documentNo: `示住建罚〔演示〕${cases + 1}号`, issuer: '示例县住房和城乡建设局（虚构）', decidedOn: d(plan.ago + 10), effective: true }],
            determiningDept: '示例县住房和城乡建设局（虚构）',
            ruleSet: sel.pin,
          },
        },
      },
    );
    if (!created.ok) return { ok: false, reason: `演示案件未能创建：${created.reason}` };
    cases += 1;
    for (const step of plan.steps(created.caseRow.id, d)) {
      // Decisions go through four-eyes approval as in the office: 甲 submits, 乙 approves.
      if (step.type === 'listed' || step.type === 'removed' || step.type === 'repair_decided') {
        const decision = (step.type === 'listed' ? { act: 'listed', payload: { listType: step.payload.listType } } : { act: step.type, payload: step.payload }) as DecisionDraft;
        const decisionId = desk.ids();
        const submitted = await recordAct(desk, created.caseRow.id, { type: 'decision_submitted', occurredOn: step.occurredOn, payload: { decisionId, decision } });
        if (!submitted.ok) return { ok: false, reason: `演示案件的审核未能登记：${submitted.reason}` };
        const approved = await recordAct(desk, created.caseRow.id, { type: 'decision_approved', occurredOn: step.occurredOn, payload: { decisionId } }, { actor: DEMO_REVIEWER });
        if (!approved.ok) return { ok: false, reason: `演示案件的审核未能登记：${approved.reason}` };
      }
      const r = await recordAct(desk, created.caseRow.id, step);
      if (!r.ok) return { ok: false, reason: `演示案件步骤“${step.type}”未能登记：${r.reason}` };
    }
  }
  await putPreference(desk, DEMO_KEY, desk.clock.now());
  return { ok: true, subjects: subjects.length, cases };
}
