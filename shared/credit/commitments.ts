import type { DatedResult, WorkingCalendar } from '../calendar/types';
import type { ListType } from '../case/events';
import { addMonths, type IsoDate } from '../util/dates';
import { refuse, type Refusal } from '../util/result';
import { assertNever } from '../util/assert-never';

/**
 * 信用承诺 (credit commitments): types, life cycle, the verification deadline and what a breach
 * leads to, per rule set, as data.
 *
 * Life cycle: 承诺 (committed) → 公示 (published) → [许可决定 licence_decided] → 核查 (verifying)
 *   → 履约 (fulfilled) | 未履约 (breached) → 整改 (rectifying) → 已整改 (rectified) | 处理 (sanctioned).
 *  - 黑龙江条例 第四十五条: 自愿选择; 严重失信主体和作出过虚假承诺、未履行承诺的信用主体，在信用修复完成前
 *    不得适用信用承诺制; 部分申报材料不齐备但书面承诺在规定期限内提供的，应当先行受理.
 *  - 第四十六条: 行政许可决定作出后两个月内核查; 未履行承诺或者虚假承诺的，依法予以指导或者责令限期整改;
 *    仍不履行承诺、逾期未整改或者整改后仍不符合法定条件的，依法撤销行政许可或者依法予以行政处罚.
 *    "两个月" ends on the corresponding day (民法典 第二百零二条, util/dates addMonths), on the next
 *    working day when that is a rest day (民法典 第二百零三条).
 *  - 第五十条: 公示信用主体作出的信用承诺事项.
 *  - 凌源新型监管 一(一): 所有行政管理服务事项都要求出具信用承诺; 履约情况纳入信用记录; 违反信用承诺的
 *    纳入"失信黑名单". 凌源信易批 三(二)2 容缺受理 for 守信激励对象; 三(三) 违反承诺没有补齐要件的，
 *    及时列入失信黑名单.
 *  - 2022年安徽省应急管理厅社会信用体系建设工作要点 三(一): 审批替代型、信用修复型; 对违诺企业撤销许可并罚款.
 */
export type CommitmentType = 'public_disclosure' | 'approval_substitute' | 'industry_self_discipline' | 'credit_repair' | 'deficiency_acceptance';

export const COMMITMENT_TYPE_LABELS: Record<CommitmentType, string> = {
  public_disclosure: '主动公示型',
  approval_substitute: '审批替代型',
  industry_self_discipline: '行业自律型',
  credit_repair: '信用修复型',
  deficiency_acceptance: '容缺受理',
};

/** Whether a type rests on a licence decision (and so has the 第四十六条 two-month verification). */
export const COMMITMENT_TYPE_HAS_LICENCE: Record<CommitmentType, boolean> = {
  public_disclosure: false,
  approval_substitute: true,
  industry_self_discipline: false,
  credit_repair: false,
  deficiency_acceptance: true,
};

export type BreachConsequenceCode =
  | 'guidance_or_rectification' // 指导或者责令限期整改
  | 'revoke_licence_or_penalty' // 撤销行政许可或者行政处罚
  | 'revoke_licence_and_fine' // 撤销许可并罚款
  | 'blacklist' // 纳入失信黑名单 (opens a case)
  | 'credit_record' // 履约情况纳入信用记录
  | 'commitment_bar' // 信用修复完成前不得适用信用承诺制
  | 'lose_incentive'; // 移出守信激励名单，不再享受容缺受理等便利

export type BreachConsequence = {
  code: BreachConsequenceCode;
  label: string;
  basis: string;
  /** The consequence is a listing: the desk opens a case of this list type. */
  opensCase?: { listType: ListType };
};

export type CommitmentRules = {
  key: string;
  title: string;
  /** null = the text does not say. */
  voluntary: { voluntary: boolean; basis: string } | null;
  /** Verification after the licence decision; null = no period in the text. */
  verification: { months: number; basis: string } | null;
  /** Who may not commit (severe-list subjects, prior breachers until repaired). */
  bars: { severeList: string | null; priorBreach: string | null };
  /** 容缺受理 only for 守信激励对象. */
  deficiencyAcceptanceRequiresIncentive: string | null;
  /** The types the rule set names; empty = all. */
  types: readonly CommitmentType[];
  onBreach: readonly BreachConsequence[];
  /** Per-type consequences that replace onBreach for that type. */
  onBreachByType: Partial<Record<CommitmentType, readonly BreachConsequence[]>>;
  /** After a failed rectification (第四十六条 second sentence); empty when the text has no rectification step. */
  onRectificationFailed: readonly BreachConsequence[];
};

const HLJ = '黑龙江省社会信用条例';
const LY_NEW = '凌源市社会信用体系建设工作领导小组办公室关于加快构建以信用为基础的新型监管机制有关事宜的通知（凌信办〔2020〕23号）';
const LY_XYP = '凌源市推进“信易批”工作实施方案（凌信办〔2020〕35号）';
const LY_JOINT = '凌源市社会信用体系建设工作领导小组办公室关于建立信用联合奖惩机制的通知（凌信办〔2020〕27号）';
const AH = '2022年安徽省应急管理厅社会信用体系建设工作要点';

export const COMMITMENT_RULES_HLJ: CommitmentRules = {
  key: 'HLJ',
  title: HLJ,
  voluntary: { voluntary: true, basis: `${HLJ} 第四十五条` },
  verification: { months: 2, basis: `${HLJ} 第四十六条` },
  bars: { severeList: `${HLJ} 第四十五条`, priorBreach: `${HLJ} 第四十五条` },
  deficiencyAcceptanceRequiresIncentive: null,
  types: [],
  onBreach: [
    { code: 'guidance_or_rectification', label: '依法予以指导或者责令限期整改', basis: `${HLJ} 第四十六条` },
    { code: 'commitment_bar', label: '信用修复完成前不得适用信用承诺制', basis: `${HLJ} 第四十五条` },
    { code: 'credit_record', label: '未履行承诺的情况记入信用记录', basis: `${HLJ} 第十八条（三）` },
  ],
  onBreachByType: {},
  onRectificationFailed: [{ code: 'revoke_licence_or_penalty', label: '依法撤销行政许可或者依法予以行政处罚', basis: `${HLJ} 第四十六条` }],
};

export const COMMITMENT_RULES_LINGYUAN: CommitmentRules = {
  key: 'LN-LY',
  title: '凌源市信用承诺相关规定',
  voluntary: { voluntary: false, basis: `${LY_NEW} 一（一）：在办理所有行政管理服务事项时，都要要求行政相对人出具信用承诺` },
  verification: null,
  bars: { severeList: null, priorBreach: null },
  deficiencyAcceptanceRequiresIncentive: `${LY_XYP} 三（二）2`,
  types: [],
  onBreach: [
    { code: 'blacklist', label: '纳入“失信黑名单”，按照有关规定进行联合惩戒', basis: `${LY_NEW} 一（一）`, opensCase: { listType: 'dishonesty_list' } },
    { code: 'credit_record', label: '信用承诺履约情况纳入信用记录', basis: `${LY_NEW} 一（一）、二（一）` },
    { code: 'lose_incentive', label: '移出联合激励名单，不再享受容缺受理等激励措施', basis: `${LY_JOINT} 六（二）` },
  ],
  onBreachByType: {
    deficiency_acceptance: [
      { code: 'blacklist', label: '违反承诺没有补齐要件的，及时列入失信黑名单', basis: `${LY_XYP} 三（三）`, opensCase: { listType: 'dishonesty_list' } },
      { code: 'credit_record', label: '信用承诺履约情况纳入信用记录', basis: `${LY_NEW} 一（一）、二（一）` },
      { code: 'lose_incentive', label: '移出联合激励名单，不再享受容缺受理等激励措施', basis: `${LY_JOINT} 六（二）` },
    ],
  },
  onRectificationFailed: [],
};

export const COMMITMENT_RULES_ANHUI_EMERGENCY: CommitmentRules = {
  key: 'AH-EM',
  title: AH,
  voluntary: null,
  verification: null,
  bars: { severeList: null, priorBreach: null },
  deficiencyAcceptanceRequiresIncentive: null,
  types: ['approval_substitute', 'credit_repair'],
  onBreach: [{ code: 'revoke_licence_and_fine', label: '对违诺企业撤销许可并罚款', basis: `${AH} 三（一）` }],
  onBreachByType: {},
  onRectificationFailed: [],
};

export const COMMITMENT_RULE_PRESETS: readonly CommitmentRules[] = [COMMITMENT_RULES_HLJ, COMMITMENT_RULES_LINGYUAN, COMMITMENT_RULES_ANHUI_EMERGENCY];

/** What a breach of a commitment of `type` leads to under `rules`, in order. */
export function breachConsequences(rules: CommitmentRules, type: CommitmentType): readonly BreachConsequence[] {
  return rules.onBreachByType[type] ?? rules.onBreach;
}

export type CommitmentEligibilityInput = {
  type: CommitmentType;
  asOf: IsoDate;
  /** The subject is on the 严重失信主体名单 on asOf. */
  onSevereList: boolean;
  /** Earlier false or unfulfilled commitments, with the date the subject's credit was repaired. */
  priorBreaches: readonly { on: IsoDate; repairedOn: IsoDate | null }[];
  /** For 容缺受理 under 凌源: whether the subject is a 守信激励对象 (checkIncentiveEligibility). */
  incentiveEligible?: boolean;
};

/** Whether the subject may commit (黑龙江条例 第四十五条; 凌源信易批 三(二)2). Chinese reason. */
export function checkCommitmentEligibility(rules: CommitmentRules, input: CommitmentEligibilityInput): { ok: true } | Refusal {
  if (rules.types.length > 0 && !rules.types.includes(input.type)) {
    return refuse('commitment_type_not_provided', `《${rules.title}》未规定${COMMITMENT_TYPE_LABELS[input.type]}信用承诺`);
  }
  if (rules.bars.severeList && input.onSevereList) {
    return refuse('commitment_severe_list', `严重失信主体在信用修复完成前不得适用信用承诺制（${rules.bars.severeList}），请按一般程序办理`);
  }
  const open = input.priorBreaches.find((b) => b.on <= input.asOf && (b.repairedOn === null || b.repairedOn > input.asOf));
  if (rules.bars.priorBreach && open) {
    return refuse('commitment_prior_breach', `该主体${open.on}作出过虚假承诺或未履行承诺，信用修复完成前不得适用信用承诺制（${rules.bars.priorBreach}），请按一般程序办理`);
  }
  if (input.type === 'deficiency_acceptance' && rules.deficiencyAcceptanceRequiresIncentive && input.incentiveEligible !== true) {
    return refuse('commitment_not_incentive', `容缺受理是守信激励对象的激励措施（${rules.deficiencyAcceptanceRequiresIncentive}），该主体不是守信激励对象`);
  }
  return { ok: true };
}

export type CommitmentStage = 'committed' | 'published' | 'verifying' | 'fulfilled' | 'breached' | 'rectifying' | 'rectified' | 'sanctioned';

export const COMMITMENT_STAGE_LABELS: Record<CommitmentStage, string> = {
  committed: '已承诺',
  published: '已公示',
  verifying: '核查中',
  fulfilled: '已履约',
  breached: '未履约',
  rectifying: '整改中',
  rectified: '已整改',
  sanctioned: '已依法处理',
};

export type CommitmentEventPayloads = {
  committed: { commitmentId: string; type: CommitmentType; subjectId: string; matter: string; text: string; /** 容缺受理: when the missing materials are due. */ materialsDueOn: IsoDate | null };
  published: { channels: string[] };
  licence_decided: { decisionNo: string };
  materials_completed: { note: string };
  verification_started: { note: string };
  verified: { result: 'fulfilled' | 'not_fulfilled' | 'false_commitment'; findings: string };
  rectification_ordered: { documentNo: string; dueOn: IsoDate };
  rectification_checked: { rectified: boolean; findings: string };
  consequence_applied: { code: BreachConsequenceCode; documentNo: string; caseId: string | null };
};

export type CommitmentEventType = keyof CommitmentEventPayloads;

export type CommitmentEvent = { [T in CommitmentEventType]: { id: string; seq: number; type: T; occurredOn: IsoDate; payload: CommitmentEventPayloads[T] } }[CommitmentEventType];

export const COMMITMENT_EVENT_LABELS: Record<CommitmentEventType, string> = {
  committed: '作出承诺',
  published: '公示',
  licence_decided: '作出许可决定',
  materials_completed: '补齐材料',
  verification_started: '开始核查',
  verified: '核查结论',
  rectification_ordered: '责令限期整改',
  rectification_checked: '整改核查',
  consequence_applied: '违诺处理',
};

/** provisional: the day was counted without that year's 节假日安排 (typed days never are). */
export type CommitmentDeadline = { key: 'commitment_verification' | 'commitment_materials' | 'commitment_rectification'; label: string; dueOn: IsoDate; provisional: boolean; overdue: boolean; basis: string };

export type CommitmentState = {
  commitmentId: string | null;
  type: CommitmentType | null;
  subjectId: string | null;
  stage: CommitmentStage;
  stageLabel: string;
  committedOn: IsoDate | null;
  publishedOn: IsoDate | null;
  licenceDecidedOn: IsoDate | null;
  materialsDueOn: IsoDate | null;
  materialsCompletedOn: IsoDate | null;
  verifiedOn: IsoDate | null;
  result: 'fulfilled' | 'not_fulfilled' | 'false_commitment' | null;
  rectificationDueOn: IsoDate | null;
  consequencesApplied: BreachConsequenceCode[];
  /** Consequences the rule set prescribes that are not yet recorded (after a breach / failed rectification). */
  consequencesDue: BreachConsequence[];
  deadlines: CommitmentDeadline[];
};

function emptyState(): CommitmentState {
  return {
    commitmentId: null, type: null, subjectId: null, stage: 'committed', stageLabel: COMMITMENT_STAGE_LABELS.committed,
    committedOn: null, publishedOn: null, licenceDecidedOn: null, materialsDueOn: null, materialsCompletedOn: null,
    verifiedOn: null, result: null, rectificationDueOn: null, consequencesApplied: [], consequencesDue: [], deadlines: [],
  };
}

function stage(s: CommitmentState, next: CommitmentStage): void {
  s.stage = next;
  s.stageLabel = COMMITMENT_STAGE_LABELS[next];
}

/**
 * The last day of the 第四十六条 verification: two months after the licence decision, rolled to a
 * working day (provisional when that year's 节假日安排 is not yet stored).
 */
export function verificationDueOn(licenceDecidedOn: IsoDate, months: number, calendar: WorkingCalendar): DatedResult {
  return calendar.nextWorkingDayOnOrAfter(addMonths(licenceDecidedOn, months));
}

/** Fold a commitment's events (in seq order) under `rules` into its state and open deadlines. */
export function foldCommitment(events: readonly CommitmentEvent[], rules: CommitmentRules, calendar: WorkingCalendar, today: IsoDate): CommitmentState {
  const s = emptyState();
  let rectificationFailed = false;
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    switch (e.type) {
      case 'committed':
        s.commitmentId = e.payload.commitmentId;
        s.type = e.payload.type;
        s.subjectId = e.payload.subjectId;
        s.committedOn = e.occurredOn;
        s.materialsDueOn = e.payload.materialsDueOn;
        stage(s, 'committed');
        break;
      case 'published':
        s.publishedOn ??= e.occurredOn;
        if (s.stage === 'committed') stage(s, 'published');
        break;
      case 'licence_decided':
        s.licenceDecidedOn = e.occurredOn;
        break;
      case 'materials_completed':
        s.materialsCompletedOn = e.occurredOn;
        break;
      case 'verification_started':
        stage(s, 'verifying');
        break;
      case 'verified':
        s.verifiedOn = e.occurredOn;
        s.result = e.payload.result;
        stage(s, e.payload.result === 'fulfilled' ? 'fulfilled' : 'breached');
        break;
      case 'rectification_ordered':
        s.rectificationDueOn = e.payload.dueOn;
        stage(s, 'rectifying');
        break;
      case 'rectification_checked':
        if (e.payload.rectified) stage(s, 'rectified');
        else rectificationFailed = true;
        break;
      case 'consequence_applied':
        s.consequencesApplied.push(e.payload.code);
        if (e.payload.code !== 'guidance_or_rectification' && e.payload.code !== 'credit_record' && e.payload.code !== 'commitment_bar' && e.payload.code !== 'lose_incentive') stage(s, 'sanctioned');
        break;
      default:
        assertNever(e);
    }
  }
  // A 容缺受理 commitment whose materials were not completed in time is breached (凌源信易批 三(三)).
  const materialsMissed = s.type === 'deficiency_acceptance' && s.materialsDueOn !== null && s.materialsCompletedOn === null && today > s.materialsDueOn;
  const breached = s.result === 'not_fulfilled' || s.result === 'false_commitment' || materialsMissed;
  if (breached && s.type) {
    const due = rectificationFailed ? [...breachConsequences(rules, s.type), ...rules.onRectificationFailed] : s.stage === 'rectified' ? [] : breachConsequences(rules, s.type);
    s.consequencesDue = due.filter((c) => !s.consequencesApplied.includes(c.code) && !(s.stage === 'rectifying' && c.code === 'guidance_or_rectification'));
    if (materialsMissed && s.stage !== 'sanctioned' && s.result === null) stage(s, 'breached');
  }
  const open = s.stage !== 'fulfilled' && s.stage !== 'sanctioned' && s.stage !== 'rectified';
  if (open && rules.verification && s.licenceDecidedOn && s.verifiedOn === null && s.type && COMMITMENT_TYPE_HAS_LICENCE[s.type]) {
    const due = verificationDueOn(s.licenceDecidedOn, rules.verification.months, calendar);
    s.deadlines.push({ key: 'commitment_verification', label: '信用承诺核查（许可决定后两个月内）', dueOn: due.date, provisional: due.provisional, overdue: today > due.date, basis: rules.verification.basis });
  }
  if (open && s.type === 'deficiency_acceptance' && s.materialsDueOn && s.materialsCompletedOn === null) {
    s.deadlines.push({ key: 'commitment_materials', label: '容缺受理补齐材料', dueOn: s.materialsDueOn, provisional: false, overdue: today > s.materialsDueOn, basis: `${LY_XYP} 三（二）2、三（三）` });
  }
  if (s.stage === 'rectifying' && s.rectificationDueOn) {
    s.deadlines.push({ key: 'commitment_rectification', label: '限期整改', dueOn: s.rectificationDueOn, provisional: false, overdue: today > s.rectificationDueOn, basis: rules.onBreach.find((c) => c.code === 'guidance_or_rectification')?.basis ?? rules.title });
  }
  return s;
}

/** Whether `type` may be recorded next. Chinese reason naming the current stage. */
export function canRecordCommitmentEvent(state: CommitmentState, type: CommitmentEventType, rules: CommitmentRules): { ok: true } | Refusal {
  const at = `当前为“${state.stageLabel}”`;
  const has = state.commitmentId !== null;
  if (!has && type !== 'committed') return refuse('commitment_not_started', '尚未登记信用承诺');
  switch (type) {
    case 'committed':
      return has ? refuse('commitment_exists', '该承诺已登记') : { ok: true };
    case 'published':
      return state.publishedOn ? refuse('commitment_published', '承诺已公示') : { ok: true };
    case 'licence_decided':
      if (state.type && !COMMITMENT_TYPE_HAS_LICENCE[state.type]) return refuse('commitment_no_licence', `${COMMITMENT_TYPE_LABELS[state.type]}承诺不涉及行政许可决定`);
      return state.licenceDecidedOn ? refuse('commitment_licence_decided', '许可决定已登记') : { ok: true };
    case 'materials_completed':
      return state.type !== 'deficiency_acceptance' ? refuse('commitment_no_materials', '只有容缺受理承诺需要补齐材料') : state.materialsCompletedOn ? refuse('commitment_materials_done', '材料已补齐') : { ok: true };
    case 'verification_started':
    case 'verified':
      return ['committed', 'published', 'verifying'].includes(state.stage) || (state.stage === 'breached' && state.result === null) ? { ok: true } : refuse('commitment_verified', `${at}，不能再核查`);
    case 'rectification_ordered':
      if (!rules.onBreach.some((c) => c.code === 'guidance_or_rectification') && !(state.type && breachConsequences(rules, state.type).some((c) => c.code === 'guidance_or_rectification'))) {
        return refuse('commitment_no_rectification', `《${rules.title}》未规定违诺后的限期整改，应按规定直接处理`);
      }
      return state.stage === 'breached' ? { ok: true } : refuse('commitment_not_breached', `${at}，只有未履约的承诺才能责令整改`);
    case 'rectification_checked':
      return state.stage === 'rectifying' ? { ok: true } : refuse('commitment_not_rectifying', `${at}，没有进行中的整改`);
    case 'consequence_applied':
      return state.consequencesDue.length > 0 ? { ok: true } : refuse('commitment_nothing_due', `${at}，没有须依规处理的违诺情形`);
    default:
      return assertNever(type);
  }
}
