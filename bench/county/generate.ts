/**
 * A synthetic county (示例县, fictional): a deterministic, seeded generator of subjects (enterprises,
 * 个体工商户 and natural persons), their 法定代表人 links, and cases across every stage of the life
 * cycle with their events (objections, repairs, measures, joint sanctions …), basis documents,
 * attachment metadata and outbox history. Everything is written through the desk's bulk path
 * (importBatch), so every act is parsed and judged by shared/ and the rows have exactly the shape the
 * app writes. Used by the bench (200,000 subjects, 100,000 cases) and, small, by tests.
 *
 * Names and addresses are invented from syllable pools (including rare characters 𠮷 堃 喆 玥);
 * codes are check-digit-valid (shared/identifiers/generators.ts) and unique. Region code 219900 is
 * not a real county.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { generateCitizenId, generateUscc, type RandomSource } from '../../shared/identifiers/generators';
import { addDays, type IsoDate } from '../../shared/util/dates';
import { applyOpResult, type OutboxRow } from '../../shared/sync/outbox';
import type { Desk } from '../../renderer/src/desk/desk';
import { importBatch, type BatchCase, type BatchSubject, type DeskBatch } from '../../renderer/src/desk/bulk';
import { saveOffice, type OfficeProfile } from '../../renderer/src/desk/settings';
import { DEMO_OFFICE } from '../../renderer/src/desk/demo';
import { ruleSetForCase, syncOfficeRuleSets } from '../../renderer/src/desk/rules';
import { createDexieOutboxStore } from '../../renderer/src/desk/sync/outbox-store';
import { findBehaviour } from '../../shared/rules/catalogues';
import type { RuleSetPin } from '../../shared/rules/types';

export const COUNTY_GENERATOR_VERSION = 1;

/** The county's office: the demo office's rule sets and settings, without the (演示) marks. */
export const COUNTY_OFFICE: OfficeProfile = {
  ...DEMO_OFFICE,
  name: '示例县社会信用体系建设领导小组办公室',
  region: '示例省示例市示例县（虚构）',
  decisionReference: '示信办〔2026〕1号',
  staff: ['县信用办经办人', '县信用办审核人'],
};

export type CountyOptions = {
  seed: number;
  subjects: number;
  cases: number;
  /** The county's "today": every act is dated on or before it. */
  today: IsoDate;
  /** Cases per batch (one transaction each). */
  chunk?: number;
  /** The outbox rows of every batch but the last are marked as pushed (acked), as a day's-end sync would. */
  keepLastBatchQueued?: boolean;
  onProgress?: (done: { subjects: number; cases: number; events: number }) => void;
};

export type CountySummary = { subjects: number; cases: number; events: number; refusedActs: number; names: string[] };

export const TOWNSHIPS = ['城关镇', '东岗镇', '西河乡', '南湖镇', '北山乡', '石桥镇', '柳树屯乡', '白家店镇', '青龙乡', '河口镇', '马场乡', '新华街道', '和平街道', '𠮷祥乡', '堃山镇', '玥湖街道'];
const BRAND = ['新', '锐', '宏', '达', '鑫', '源', '华', '泰', '恒', '通', '盛', '隆', '金', '辉', '嘉', '禾', '丰', '瑞', '博', '远', '兴', '旺', '永', '昌', '德', '顺', '利', '安', '康', '建', '明', '光', '𠮷', '堃', '喆', '玥', '晟', '昊', '骞', '翀', '淼', '焱', '鑫', '垚'];
const TRADES = ['商贸', '建筑工程', '房地产开发', '物业服务', '食品加工', '建材', '运输', '农业科技', '餐饮管理', '装饰工程', '供热', '机械制造', '劳务派遣', '电子商务', '医药', '环保科技', '市政工程', '置业', '汽车销售', '网络科技'];
const FORMS: { suffix: string; kind: 'legal_person' | 'individual_business' | 'unincorporated_org'; orgType: '企业' | '个体工商户' | '专业合作社' }[] = [
  { suffix: '有限公司', kind: 'legal_person', orgType: '企业' },
  { suffix: '有限责任公司', kind: 'legal_person', orgType: '企业' },
  { suffix: '股份有限公司', kind: 'legal_person', orgType: '企业' },
  { suffix: '经营部', kind: 'individual_business', orgType: '个体工商户' },
  { suffix: '专业合作社', kind: 'unincorporated_org', orgType: '专业合作社' },
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '欧阳', '司马'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平', '刚', '桂', '英', '喆', '玥', '堃', '𠮷', '琛', '璇', '昕'];

/** A seeded uniform source in [0, 1) (pure-rand's xoroshiro128+). */
export function seededRandom(seed: number): RandomSource {
  const rng = xoroshiro128plus(seed);
  return () => uniformFloat64(rng);
}

function pickFrom<T>(random: RandomSource, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

type Plan = 'D1' | 'X0' | 'D2' | 'D3' | 'D4' | 'D5' | 'D5-objection' | 'D5-joint' | 'D8' | 'D8F' | 'D9' | 'D10' | 'D11';
const PLANS: [Plan, number][] = [['D1', 8], ['X0', 3], ['D2', 8], ['D3', 5], ['D4', 8], ['D5', 25], ['D5-objection', 6], ['D5-joint', 8], ['D8', 8], ['D8F', 6], ['D9', 3], ['D10', 3], ['D11', 9]];
const PLAN_TOTAL = PLANS.reduce((n, [, w]) => n + w, 0);

function planOf(random: RandomSource): Plan {
  let r = random() * PLAN_TOTAL;
  for (const [plan, w] of PLANS) if ((r -= w) < 0) return plan;
  return 'D5';
}

/** The acts of one case after its 认定 on `d0` (each dated; the generator drops those after today). */
function actsFor(plan: Plan, d0: IsoDate, n: number, subjectName: string, cy: boolean): { type: string; occurredOn: IsoDate; payload: unknown }[] {
  const at = (days: number) => addDays(d0, days);
  const no = (kind: string, days: number) => `示信${kind}〔${at(days).slice(0, 4)}〕${n}号`;
  const recipients = [subjectName];
  if (plan === 'D1') return [];
  if (plan === 'X0') return [{ type: 'exempted', occurredOn: at(3), payload: { reason: '轻微偶发，已及时改正，未造成危害后果' } }];
  const acts: { type: string; occurredOn: IsoDate; payload: unknown }[] = [{ type: 'pre_notice_served', occurredOn: at(2), payload: { documentNo: no('告', 2), recipients, method: 'direct' } }];
  if (plan === 'D2') return acts;
  acts.push({ type: 'listed', occurredOn: at(20), payload: { decisionNo: no('决', 20), listType: n % 5 === 0 ? 'severe_dishonesty_list' : 'dishonesty_list', priorRepairCompletedOn: null } });
  if (plan === 'D3') return acts;
  acts.push({ type: 'served', occurredOn: at(21), payload: { documentKind: 'listing-decision', documentNo: no('决', 20), recipients, method: 'direct', regardingId: null } });
  if (plan === 'D4') return acts;
  acts.push({ type: 'published', occurredOn: at(23), payload: { channels: ['信用中国（示例县）'], profile: 'masked' } });
  if (plan === 'D5-joint') {
    if (cy) acts.push({ type: 'measure_applied', occurredOn: at(30), payload: { measureId: `M-${n}`, measureCode: 'CY-12-2', implementingUnit: '示例县市场监督管理局', justification: '与失信行为直接关联，措施适度' } });
    acts.push({ type: 'joint_initiated', occurredOn: at(31), payload: { platformRef: `LH-${n}` } });
    acts.push({ type: 'joint_units_assigned', occurredOn: at(33), payload: { units: ['示例县住房和城乡建设局', '示例县自然资源局'] } });
    acts.push({ type: 'joint_responded', occurredOn: at(40), payload: { unit: '示例县住房和城乡建设局', measureCodes: [cy ? 'CY-12-5' : 'HLJ-31-C1'] } });
  }
  if (plan === 'D5-objection' || plan === 'D9') {
    const objectionId = `OBJ-${n}`;
    acts.push({ type: 'objection_received', occurredOn: at(40), payload: { objectionId, applicant: subjectName, grounds: ['error'], reasons: '认为认定的面积有误', concernsListing: plan === 'D9', channel: 'written' } });
    if (plan === 'D9') acts.push({ type: 'objection_decided', occurredOn: at(42), payload: { objectionId, outcome: 'upheld_remove', reasons: '经核查，认定依据有误，予以移出' } });
    else if (n % 2 === 0) acts.push({ type: 'objection_decided', occurredOn: at(42), payload: { objectionId, outcome: 'rejected', reasons: '经核查，原认定事实清楚、证据确凿' } });
  }
  if (plan === 'D8') {
    const repairId = `REP-${n}`;
    acts.push({ type: 'repair_applied', occurredOn: at(400), payload: { repairId, methods: ['commitment', 'rectification'], commitmentSigned: true, note: '主体申请信用修复' } });
    acts.push({ type: 'repair_reviewed', occurredOn: at(402), payload: { repairId, accepted: true, reasons: '材料齐全' } });
    acts.push({ type: 'repair_decided', occurredOn: at(408), payload: { repairId, approved: true, reasons: '已纠正失信行为并作出信用承诺' } });
  }
  if (plan === 'D8F') acts.push({ type: 'removed', occurredOn: at(200), payload: { reason: 'fulfilled', note: '已履行法定义务' } });
  if (plan === 'D10') acts.push({ type: 'basis_revoked', occurredOn: at(150), payload: { basisDocumentNo: `示住建罚〔${d0.slice(0, 4)}〕${n}号`, kind: 'revoked', basisChangedOn: at(148) } });
  if (plan === 'D11') acts.push({ type: 'expired_archived', occurredOn: at(1200), payload: { note: '期满停止公示，转档案保存' } });
  return acts;
}

function uniqueCode(random: RandomSource, taken: Set<string>, make: (r: RandomSource) => string): string {
  for (;;) {
    const code = make(random);
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

/** The office of the county: rule sets stored, office profile saved (through the desk). */
export async function setUpCountyOffice(desk: Desk): Promise<void> {
  const synced = await syncOfficeRuleSets(desk, COUNTY_OFFICE);
  if (!synced.ok) throw new Error(synced.reason);
  const saved = await saveOffice(desk, COUNTY_OFFICE);
  if (!saved.ok) throw new Error(saved.reason);
}

/** Generates and writes the county into `desk` (its office must be set up: setUpCountyOffice). */
export async function generateCounty(desk: Desk, options: CountyOptions): Promise<CountySummary> {
  const random = seededRandom(options.seed);
  const chunk = options.chunk ?? 500;
  const codes = new Set<string>();
  // Three subjects in eight are natural persons (法定代表人 of the organisations beside them, or subjects of cases themselves).
  const isPerson = (i: number) => i % 8 >= 5;
  const summary: CountySummary = { subjects: 0, cases: 0, events: 0, refusedActs: 0, names: [] };
  const pins = new Map<string, RuleSetPin>();
  const pinFor = async (code: string, on: IsoDate) => {
    const key = `${code}|${on.slice(0, 4)}`;
    if (!pins.has(key)) {
      const sel = await ruleSetForCase(desk, COUNTY_OFFICE, code, on);
      if (!sel.ok) throw new Error(sel.reason);
      pins.set(key, sel.pin);
    }
    return pins.get(key)!;
  };
  const store = createDexieOutboxStore(desk.db);
  let pending: OutboxRow[] = [];
  const ack = async (rows: OutboxRow[]) => {
    // Outbox history: what was pushed before, acknowledged exactly as the sync engine does.
    const nowIso = new Date().toISOString();
    await store.saveRows(rows.map((r) => applyOpResult(r, { id: r.id, status: 'accepted', receipt: { opId: r.id, serverSeq: r.deviceSeq, receivedAt: nowIso, batchId: `county-${options.seed}`, payloadHash: r.payloadHash, mediaMissing: [] } }, nowIso, nowIso)));
  };
  // Subjects are written in batches alongside the cases that refer to them (subject i, case ≈ i/2).
  const subjectsPerCase = options.subjects / Math.max(1, options.cases);
  let nextSubject = 0;
  let nextCase = 0;
  const subjectNames = new Map<number, string>();
  while (nextSubject < options.subjects || nextCase < options.cases) {
    const batch: DeskBatch = { subjects: [], links: [], cases: [] };
    const caseEnd = Math.min(options.cases, nextCase + chunk);
    const subjectEnd = Math.min(options.subjects, caseEnd >= options.cases ? options.subjects : Math.ceil(caseEnd * subjectsPerCase));
    for (; nextSubject < subjectEnd; nextSubject++) {
      const i = nextSubject;
      const township = pickFrom(random, TOWNSHIPS);
      let item: BatchSubject;
      if (!isPerson(i)) {
        const form = FORMS[random() < 0.7 ? 0 : Math.floor(random() * FORMS.length)]!;
        const name = `示例县${random() < 0.3 ? township : ''}${pickFrom(random, BRAND)}${pickFrom(random, BRAND)}${pickFrom(random, TRADES)}${form.suffix}`;
        subjectNames.set(i, name);
        item = { key: `s${i}`, subject: { kind: form.kind, name, uscc: uniqueCode(random, codes, generateUscc), orgType: form.orgType, region: township } };
      } else {
        const name = `${pickFrom(random, SURNAMES)}${pickFrom(random, GIVEN)}${random() < 0.6 ? pickFrom(random, GIVEN) : ''}`;
        subjectNames.set(i, name);
        item = { key: `s${i}`, subject: { kind: 'natural_person', pii: { name, idType: '居民身份证', idNumber: uniqueCode(random, codes, (r) => generateCitizenId(r, '2004-12-31')), address: `示例县${township}${1 + Math.floor(random() * 300)}号` }, region: township } };
      }
      batch.subjects!.push(item);
      if (summary.names.length < 50) summary.names.push(subjectNames.get(i)!);
    }
    // 法定代表人 of each organisation: the next natural person registered in the same batch.
    const batchSubjects = batch.subjects!;
    batchSubjects.forEach((s, at) => {
      const i = Number(s.key.slice(1));
      if (isPerson(i)) return;
      const person = batchSubjects.slice(at + 1).find((p) => isPerson(Number(p.key.slice(1))));
      if (person) batch.links!.push({ key: `l${i}`, org: { key: s.key }, person: { key: person.key }, role: '法定代表人' });
    });
    for (; nextCase < caseEnd; nextCase++) {
      const n = nextCase + 1;
      const subjectIndex = Math.min(nextSubject - 1, Math.floor(nextCase * subjectsPerCase) + (random() < 0.25 ? Math.floor(random() * 2) : 0));
      const subjectItem = batch.subjects!.find((s) => s.key === `s${subjectIndex}`);
      if (!subjectItem) continue;
      const plan = planOf(random);
      const cy = random() < 0.7;
      const behaviourCode = cy ? pickFrom(random, ['CY-RE-6-2', 'CY-RE-6-4', 'CY-RE-6-6', 'CY-RE-6-16-4', 'CY-RE-6-16-5']) : pickFrom(random, ['HLJ-29-3', 'HLJ-29-4', 'HLJ-29-5']);
      // 认定 dates: recent for open stages, older for stages that take time (repair, archive).
      const span = plan === 'D11' ? [1250, 1500] : plan === 'D8' ? [420, 900] : plan === 'D8F' || plan === 'D10' ? [220, 700] : plan.startsWith('D5') || plan === 'D9' ? [50, 600] : [0, 60];
      const d0 = addDays(options.today, -(span[0]! + Math.floor(random() * (span[1]! - span[0]!))));
      const text = findBehaviour(behaviourCode)?.item.text ?? '';
      const name = subjectNames.get(subjectIndex)!;
      const c: BatchCase = {
        key: `c${n}`,
        subject: { key: subjectItem.key },
        casePrefix: COUNTY_OFFICE.numbering.casePrefix,
        behaviourLabel: text,
        proportionalityNote: '措施与失信行为的性质、情节和社会危害程度相适应',
        determined: {
          occurredOn: d0,
          payload: {
            behaviourCode,
            behaviourText: text,
            facts: `${d0.slice(0, 4)}年在示例县${text}（虚构）`,
            severity: random() < 0.3 ? 'severe' : 'general',
            listType: 'dishonesty_list',
            basisDocuments: [{ type: 'penalty_decision', documentNo: `示住建罚〔${d0.slice(0, 4)}〕${n}号`, issuer: '示例县住房和城乡建设局', decidedOn: addDays(d0, -10), effective: true }],
            determiningDept: '示例县住房和城乡建设局',
            ruleSet: await pinFor(behaviourCode, d0),
          },
        },
        acts: actsFor(plan, d0, n, name, cy).filter((a) => a.occurredOn <= options.today),
        ...(n % 4 === 0 ? { attachments: [{ purpose: '依据文书' as const, fileName: `示住建罚〔${d0.slice(0, 4)}〕${n}号.pdf`, file: new Blob([`%PDF-1.4 synthetic ${n}`], { type: 'application/pdf' }), basisIndex: 0 }] } : {}),
      };
      batch.cases!.push(c);
    }
    // Write; a refused act truncates that case's acts there (the plan met a rule it did not foresee).
    for (let attempt = 0; ; attempt++) {
      const written = await importBatch(desk, batch, { audit: { action: '生成示例县数据', detail: { seed: options.seed, generator: COUNTY_GENERATOR_VERSION } } });
      if (written.ok) {
        summary.subjects += written.counts.subjects;
        summary.cases += written.counts.cases;
        summary.events += written.counts.events;
        await ack(pending);
        pending = written.outbox;
        break;
      }
      if (attempt > 20) throw new Error(`county batch refused: ${JSON.stringify(written.refusals.slice(0, 3))}`);
      for (const r of written.refusals) {
        const c = batch.cases!.find((x) => x.key === r.key);
        if (c && r.act !== undefined && r.act > 0) {
          c.acts = (c.acts ?? []).slice(0, r.act - 1);
          summary.refusedActs++;
        } else if (c) batch.cases = batch.cases!.filter((x) => x !== c);
        else throw new Error(`county item refused: ${r.key} ${r.code} ${r.reason}`);
      }
    }
    options.onProgress?.({ subjects: summary.subjects, cases: summary.cases, events: summary.events });
  }
  if (options.keepLastBatchQueued === false) await ack(pending);
  return summary;
}
