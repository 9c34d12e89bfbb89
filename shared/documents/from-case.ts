/**
 * Documents filled from the folded case and the office profile: every case-derived field (subject,
 * facts, basis, list, periods, removal conditions, remedies, repair route) is filled; what only the
 * officer can write (核实情况, 更正内容, 收到的材料 …) is left blank and named in `officerFields`.
 * Dates come from the declaration in case-fields.ts, so checkIssuable(input, template, state) accepts
 * exactly what this produces.
 */
import { LIST_TYPE_LABELS, type ListType, type SubjectRef } from '../case/events';
import type { CaseState } from '../case/state';
import { findBehaviour } from '../rules/catalogues';
import { findMeasure } from '../rules/measures';
import { certaintyMarker, findPeriod, formatPeriod } from '../rules/periods';
import { STATUTORY_REMEDY_PERIODS } from '../rules/remedies';
import type { PeriodUnit, RuleSet } from '../rules/types';
import type { IssuingOffice } from '../office/profile';
import type { IsoDate } from '../util/dates';
import { caseDate, DOCUMENT_DATE_FIELDS, objectionFor, repairFor, type CaseDate } from './case-fields';
import { chineseNumber, formatChineseDate } from './format';
import type { DocumentKind } from './kinds';
import type { DocumentInput, MeasureInput, SubjectInfo } from './types';

export type CaseDocument = {
  input: DocumentInput;
  /** Fields the officer must still write (Chinese names), empty when the case filled everything. */
  officerFields: string[];
};

export type FromCaseOptions = {
  /** The case's composed rule set (titles of articles, periods, repair route). */
  ruleSet: RuleSet;
  /** 成文日期. */
  date: IsoDate;
  /** The objection / repair application the document answers (default: the latest open one). */
  scopeId?: string;
};

/** 民法典 第二百零一、二百零二条: how the last day of a year/month period falls. */
const DAY_COUNTING = '开始的当日不计入，到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日（《中华人民共和国民法典》第二百零一条、第二百零二条）';

/** 国办发〔2025〕22号: what a repair application needs. */
const REPAIR_MATERIALS = ['法定责任和义务履行完毕的证明材料', '信用承诺书'];

export function subjectInfoOf(subject: SubjectRef): SubjectInfo {
  const kind: SubjectInfo['kind'] = subject.kind === 'natural_person' ? 'natural-person' : subject.kind === 'individual_business' ? 'individual-business' : 'legal-person';
  return {
    name: subject.name,
    kind,
    idNumber: (kind === 'natural-person' ? subject.citizenId : subject.uscc) ?? '',
    ...(subject.legalRepresentative?.name ? { legalRepresentative: subject.legalRepresentative.name } : {}),
  };
}

/** "三年", "六个月": a period as printed. */
export function periodText(amount: number, unit: PeriodUnit): string {
  if (unit === 'months' && amount > 0 && amount % 12 === 0) return `${chineseNumber(amount / 12)}年`;
  if (unit === 'years') return `${chineseNumber(amount)}年`;
  if (unit === 'months') return `${chineseNumber(amount)}个月`;
  return formatPeriod(amount, unit);
}

function basisText(state: CaseState, ruleSet: RuleSet): string {
  const d = state.determination;
  if (!d) return '';
  const found = d.behaviourCode ? findBehaviour(d.behaviourCode) : null;
  const behaviour = found ? `${found.catalogue.basis.replace(/ 第.*$/, '')} ${found.item.article}（${found.item.text}）` : d.behaviourText;
  const documents = d.basisDocuments.map((b) => `${b.issuer}${b.documentNo}（${formatChineseDate(b.decidedOn)}作出）`).join('、');
  return [`认定标准：${behaviour}`, `认定依据：${documents}`, `适用规定：《${ruleSet.title}》${ruleSet.documentNumber ? `（${ruleSet.documentNumber}）` : ''}`].join('\n');
}

function dateOr(d: CaseDate): IsoDate {
  return d.ok && d.date !== null ? d.date : '';
}

function removalConditions(state: CaseState, ruleSet: RuleSet, end: IsoDate, listName: string): string {
  const lines = [`列入期限于${end ? formatChineseDate(end) : '期满'}届满的，停止公示，移出${listName}，转为档案保存，不再公示。`];
  const e = state.repairEligibility;
  if (e?.barred) {
    const bar = findPeriod(ruleSet.periods, 'relisting_repair_bar');
    lines.push(`你（单位）完成信用修复后一年内再次被列入，在新的失信记录有效期内不得申请信用修复（${bar?.basis ?? ''}）。`);
  } else if (e?.possibleFrom) {
    lines.push(`自${formatChineseDate(e.possibleFrom)}起，纠正失信行为、履行相关义务、消除不良影响的，可以申请信用修复${e.basis ? `（${e.basis}）` : ''}；经审核准予修复的，移出${listName}，并同步解除失信惩戒措施。`);
  }
  lines.push(`对列入有异议的，可以提出异议申请；异议经核实成立的，予以更正或者移出${listName}。`);
  return lines.join('\n');
}

function repairRoute(ruleSet: RuleSet, office: IssuingOffice): string {
  const national = ruleSet.publicationSource === 'national' || ruleSet.kind === 'national';
  return `你（单位）可以向${office.name}${national ? '或者通过“信用中国”网站' : ''}申请信用修复。`;
}

/** A measure of the closed catalogue as printed: its text, its period, its source. */
export function measureInput(code: string, from: IsoDate, end: IsoDate): MeasureInput {
  const measure = findMeasure(code);
  const period = measure?.duration.kind === 'fixed' && measure.duration.amount !== null ? `自${formatChineseDate(from)}起${periodText(measure.duration.amount, measure.duration.unit)}` : `列入名单期间${end ? `（至${formatChineseDate(end)}）` : ''}`;
  return { text: measure?.label ?? code, period, ...(measure ? { basis: measure.basis } : {}) };
}

function measuresOf(state: CaseState, end: IsoDate): MeasureInput[] {
  return state.measures.filter((m) => m.liftedOn === null).map((m) => measureInput(m.measureCode, m.appliedOn, end));
}

const REMOVAL_REASONS: Record<string, { reason: 'expired' | 'repaired' | 'objection-upheld' | 'other'; text: string }> = {
  D8: { reason: 'repaired', text: '你（单位）已纠正失信行为、履行相关义务，经审核准予信用修复。' },
  D8F: { reason: 'other', text: '你（单位）已履行法定义务、纠正失信行为、消除不良影响。' },
  D9: { reason: 'objection-upheld', text: '你（单位）提出的异议经核实成立。' },
  D10: { reason: 'other', text: '认定失信行为的依据已被撤销、确认违法或者确认无效。' },
  D11: { reason: 'expired', text: '列入期限已届满。' },
};

/** The document `kind` of the case, as far as the case and the office can fill it. */
export function documentFromCase(state: CaseState, kind: DocumentKind, office: IssuingOffice, options: FromCaseOptions): CaseDocument {
  const { ruleSet, date } = options;
  const officerFields: string[] = [];
  const listType: ListType = state.listType ?? 'dishonesty_list';
  const listName = LIST_TYPE_LABELS[listType];
  const scopeId = kind.startsWith('objection') ? objectionFor(state, options.scopeId)?.objectionId : kind.startsWith('repair') ? repairFor(state, options.scopeId)?.repairId : undefined;
  const certaintyNotes: Record<string, string> = {};
  const dates = new Map<string, CaseDate>();
  for (const f of DOCUMENT_DATE_FIELDS[kind]) {
    const d = caseDate(state, f.source, scopeId);
    dates.set(f.field, d);
    const marker = d.ok && d.certainty === 'uncertain' ? certaintyMarker(d.certainty) : null;
    if (marker) certaintyNotes[f.field] = marker;
  }
  const at = (field: string): IsoDate => dateOr(dates.get(field) ?? { ok: false, why: 'absent', period: null });
  const common = {
    office,
    subject: state.subject ? subjectInfoOf(state.subject) : { name: '', kind: 'legal-person' as const, idNumber: '' },
    date,
    ...(state.caseId ? { caseId: state.caseId } : {}),
    ...(scopeId ? { regardingId: scopeId } : {}),
    ...(Object.keys(certaintyNotes).length > 0 ? { certaintyNotes } : {}),
  };
  const facts = state.determination?.facts ?? '';
  const blank = (name: string, value: string): string => {
    if (value.trim() === '') officerFields.push(name);
    return value;
  };

  switch (kind) {
    case 'prior-notice': {
      const window = state.periods.find((p) => p.key === 'pre_notice_statement');
      return {
        input: { ...common, kind, listType, facts, basis: basisText(state, ruleSet), intendedMeasures: [], statementDeadline: at('statementDeadline'), statementPeriodText: window?.amount != null ? formatPeriod(window.amount, window.unit) : '', ...(office.phone ? { contact: office.phone } : {}) },
        officerFields,
      };
    }
    case 'listing-decision': {
      const periodDate = dates.get('validity.to');
      const period = periodDate?.period ?? null;
      const end = at('validity.to');
      const e = state.repairEligibility;
      const bar = findPeriod(ruleSet.periods, 'relisting_repair_bar');
      return {
        input: {
          ...common,
          kind,
          listType,
          facts,
          basis: basisText(state, ruleSet),
          validity: {
            text: period?.amount != null ? periodText(period.amount, period.unit) : '',
            from: at('validity.from'),
            to: end,
            basis: period ? `按${period.basis}计算；${DAY_COUNTING}` : '',
          },
          removalConditions: removalConditions(state, ruleSet, end, listName),
          remedies: { objectionTo: office.name, reviewBody: office.reviewBody, reviewDays: STATUTORY_REMEDY_PERIODS.administrativeReviewDays, court: office.court, litigationMonths: STATUTORY_REMEDY_PERIODS.administrativeLitigationMonths },
          measures: measuresOf(state, end),
          repairRoute: repairRoute(ruleSet, office),
          repairNotice: {
            earliestApplyDate: e?.barred ? null : at('repairNotice.earliestApplyDate'),
            ...(e?.barred && bar ? { barBasis: bar.basis } : {}),
            latestEndDate: at('repairNotice.latestEndDate'),
            materials: REPAIR_MATERIALS,
            window: `${office.name}${office.address ? `（${office.address}）` : ''}${ruleSet.publicationSource === 'national' ? '；“信用中国”网站信用修复栏目' : ''}`,
            ...(office.phone ? { contact: office.phone } : {}),
          },
        },
        officerFields,
      };
    }
    case 'objection-acceptance': {
      const o = objectionFor(state, scopeId);
      return {
        input: { ...common, kind, receivedDate: at('receivedDate'), objectionSummary: blank('异议内容', o?.claim ?? ''), replyDeadline: at('replyDeadline'), ...(o?.markedOn ? { markingNote: `已于${formatChineseDate(o.markedOn)}对相关信息作异议标注。` } : {}) },
        officerFields,
      };
    }
    case 'objection-decision': {
      const o = objectionFor(state, scopeId);
      const outcome = o?.outcome ?? 'rejected';
      return {
        input: {
          ...common,
          kind,
          receivedDate: at('receivedDate'),
          objectionSummary: blank('异议内容', o?.claim ?? ''),
          findings: blank('核实情况', ''),
          outcome,
          reasons: o?.reasons ?? '',
          ...(outcome === 'upheld_correct' ? { correction: blank('更正内容', '') } : {}),
        },
        officerFields,
      };
    }
    case 'repair-acceptance':
      officerFields.push('收到的材料');
      return { input: { ...common, kind, applicationDate: at('applicationDate'), materials: [], decisionDeadline: at('decisionDeadline') }, officerFields };
    case 'repair-decision': {
      const r = repairFor(state, scopeId);
      const outcome = r?.stage === 'P4' ? 'granted' : 'refused';
      return {
        input: { ...common, kind, applicationDate: at('applicationDate'), outcome, reasons: blank('审核理由', r?.reasons ?? ''), ...(outcome === 'granted' ? { effectiveDate: at('effectiveDate') } : {}) },
        officerFields,
      };
    }
    case 'removal-decision': {
      const why = REMOVAL_REASONS[state.stage] ?? { reason: 'other' as const, text: '' };
      return {
        input: { ...common, kind, listType, listingNumber: state.listingDecisionNo ?? '', listingDate: at('listingDate'), reason: why.reason, reasonText: blank('移出理由', why.text), removalDate: at('removalDate') },
        officerFields,
      };
    }
  }
}
