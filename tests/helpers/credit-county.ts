/**
 * A synthetic county for the statistics, written through the desk's own use cases (registerSubject,
 * openCase, recordAct, recordPenaltyDisclosure), so the derived statistics rows are exactly what
 * real writes produce. Deterministic (seeded PRNG). Used by the statistics scale test and by the
 * bench row "统计页渲染" until the shared synthetic-county generator (bench/county) is merged: then
 * the bench should run on that county instead (see docs/credit-desk.md).
 */
import { registerSubject } from '../../renderer/src/desk/subjects';
import { openCase, recordAct } from '../../renderer/src/desk/cases';
import { ruleSetForCase } from '../../renderer/src/desk/rules';
import { recordPenaltyDisclosure } from '../../renderer/src/desk/stats';
import { withToday, type Desk } from '../../renderer/src/desk/desk';
import { computeUsccCheckChar } from '../../shared/identifiers/uscc';
import { addDays, type IsoDate } from '../../shared/util/dates';
import { OFFICE, ACTOR } from '../renderer/fixtures';
import { seededRandom } from '../sync/helpers';

const TOWNSHIPS = ['城关镇', '东风镇', '西河乡', '南山镇', '北湖街道', '新华街道', '河口镇', '青山乡'];
const CODES = ['CY-RE-6-2', 'CY-RE-6-4', 'CY-RE-6-6', 'CY-RE-6-16-4', 'CY-RE-6-16-5'];

export type CreditCounty = { subjects: number; cases: number; acts: number; refused: number };

export async function generateCreditCounty(desk: Desk, options: { cases: number; today: IsoDate; seed?: number }): Promise<CreditCounty> {
  const rnd = seededRandom(options.seed ?? 7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const today = options.today;
  const on = withToday(desk, today);
  const subjects: string[] = [];
  const subjectCount = Math.max(1, Math.ceil(options.cases * 0.7));
  for (let i = 0; i < subjectCount; i += 1) {
    const first17 = `91219900MA${String(i + 1).padStart(7, '0')}`;
    const r = await registerSubject(on, { kind: 'legal_person', name: `示例县第${i + 1}号虚构企业有限公司`, uscc: first17 + (computeUsccCheckChar(first17) ?? ''), region: pick(TOWNSHIPS) });
    if (!r.ok) throw new Error(r.reason);
    subjects.push(r.subject.id);
  }
  let acts = 0;
  let refused = 0;
  const act = async (caseId: string, type: string, occurredOn: IsoDate, payload: unknown) => {
    if (occurredOn > today) return false;
    const r = await recordAct(on, caseId, { type, occurredOn, actor: ACTOR, payload });
    if (r.ok) acts += 1;
    else refused += 1;
    return r.ok;
  };
  for (let n = 0; n < options.cases; n += 1) {
    const code = pick(CODES);
    const d0 = addDays(today, -Math.floor(30 + rnd() * 700));
    const sel = await ruleSetForCase(on, OFFICE, code, d0);
    if (!sel.ok) throw new Error(sel.reason);
    const penaltyNo = `示罚〔合成〕${n + 1}号`;
    const decidedOn = addDays(d0, -Math.floor(5 + rnd() * 20));
    const opened = await openCase(on, {
      subjectId: pick(subjects),
      behaviourLabel: code,
      proportionalityNote: '与情节相当（合成数据）',
      casePrefix: '示信案',
      determined: {
        occurredOn: d0,
        payload: { behaviourCode: code, behaviourText: `合成失信行为${code}`, facts: '合成数据', severity: rnd() < 0.2 ? 'severe' : 'general', listType: 'dishonesty_list', basisDocuments: [{ type: 'penalty_decision', documentNo: penaltyNo, issuer: '示例县住房和城乡建设局', decidedOn, effective: true }], determiningDept: '示例县住房和城乡建设局', ruleSet: sel.pin },
      },
    });
    if (!opened.ok) throw new Error(opened.reason);
    const caseId = opened.caseRow.id;
    if (rnd() < 0.6) await recordPenaltyDisclosure(on, caseId, penaltyNo, addDays(decidedOn, Math.floor(2 + rnd() * 12) > 0 ? Math.floor(2 + rnd() * 12) : 3)).then((r) => (r.ok ? (acts += 1) : (refused += 1)));
    if (!(await act(caseId, 'pre_notice_served', addDays(d0, 2), { documentNo: `示信告〔合成〕${n + 1}号`, recipients: ['合成企业'], method: 'direct' }))) continue;
    if (rnd() < 0.2) continue;
    if (!(await act(caseId, 'listed', addDays(d0, 20), { decisionNo: `示信决〔合成〕${n + 1}号`, listType: 'dishonesty_list', priorRepairCompletedOn: null }))) continue;
    await act(caseId, 'served', addDays(d0, 21 + Math.floor(rnd() * 10)), { documentKind: 'listing-decision', documentNo: `示信决〔合成〕${n + 1}号`, recipients: ['合成企业'], method: 'direct', regardingId: null });
    if (rnd() < 0.3) {
      const received = addDays(d0, 40 + Math.floor(rnd() * 60));
      const objectionId = `OBJ-${n}`;
      if (await act(caseId, 'objection_received', received, { objectionId, applicant: '合成企业', grounds: ['error'], reasons: '合成异议', concernsListing: false, channel: 'written' })) {
        if (rnd() < 0.7) await act(caseId, 'objection_decided', addDays(received, Math.floor(1 + rnd() * 30)), { objectionId, outcome: 'rejected', reasons: '合成：不予采纳' });
      }
    }
    if (rnd() < 0.15) await act(caseId, 'joint_initiated', addDays(d0, 25), { platformRef: null });
  }
  return { subjects: subjects.length, cases: options.cases, acts, refused };
}
