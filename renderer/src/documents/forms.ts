/**
 * What the officer writes on each document kind. Everything else (subject, facts, basis, list, every
 * date and period, removal conditions, remedies, repair route) is filled from the folded case by
 * shared/documents `documentFromCase`; the issue form shows it read-only and asks only for these.
 */
import type { DocumentInput, DocumentKind } from '../../../shared/documents/types';
import { measureInput } from '../../../shared/documents/from-case';

export type OfficerFieldType = 'text' | 'textarea' | 'lines' | 'measures';

export type OfficerField = {
  name: string;
  label: string;
  type: OfficerFieldType;
  /** Must be filled before issuing (shared's checkIssuable refuses otherwise, naming it). */
  required?: boolean;
  help?: string;
};

export const OFFICER_FIELDS: Readonly<Record<DocumentKind, readonly OfficerField[]>> = {
  'prior-notice': [
    { name: 'intendedMeasures', label: '拟采取的失信惩戒措施（只能从公布的措施清单中选择，可不选）', type: 'measures' },
    { name: 'contact', label: '联系方式', type: 'text' },
  ],
  'listing-decision': [
    { name: 'measures', label: '失信惩戒措施（只能从公布的措施清单中选择，可不选）', type: 'measures' },
    { name: 'contact', label: '信用修复告知书中的联系方式', type: 'text' },
  ],
  'objection-acceptance': [{ name: 'objectionSummary', label: '异议内容', type: 'textarea', required: true }],
  'objection-decision': [
    { name: 'objectionSummary', label: '异议内容', type: 'textarea', required: true },
    { name: 'findings', label: '核实情况', type: 'textarea', required: true },
    { name: 'correction', label: '更正内容（采纳并更正时填写）', type: 'textarea' },
  ],
  'repair-acceptance': [{ name: 'materials', label: '收到的申请材料（每行一项）', type: 'lines', required: true }],
  'repair-decision': [{ name: 'reasons', label: '审核理由', type: 'textarea', required: true }],
  'removal-decision': [{ name: 'reasonText', label: '移出理由', type: 'textarea', required: true }],
};

/** The officer's entries, keyed by OfficerField.name: text, lines or measure codes. */
export type OfficerValues = Readonly<Record<string, string | readonly string[] | undefined>>;

function text(v: OfficerValues[string]): string | undefined {
  return typeof v === 'string' ? v.trim() : undefined;
}

function lines(v: OfficerValues[string]): string[] | undefined {
  if (Array.isArray(v)) return v.map((s) => s.trim()).filter(Boolean);
  if (typeof v !== 'string') return undefined;
  return v
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The case-filled input with what the officer wrote. Only the officer's fields change; a value left
 * untouched (undefined) keeps what the case filled in.
 */
export function withOfficerValues(input: DocumentInput, values: OfficerValues, measuresFrom: string, measuresEnd: string): DocumentInput {
  const t = (name: string) => text(values[name]);
  const codes = (name: string) => (Array.isArray(values[name]) ? (values[name] as readonly string[]) : undefined);
  switch (input.kind) {
    case 'prior-notice': {
      const m = codes('intendedMeasures');
      return { ...input, ...(m ? { intendedMeasures: m.map((c) => measureInput(c, measuresFrom, measuresEnd)) } : {}), ...(t('contact') !== undefined ? { contact: t('contact') } : {}) };
    }
    case 'listing-decision': {
      const m = codes('measures');
      const contact = t('contact');
      return { ...input, ...(m ? { measures: m.map((c) => measureInput(c, measuresFrom, measuresEnd)) } : {}), ...(contact !== undefined ? { repairNotice: { ...input.repairNotice, contact } } : {}) };
    }
    case 'objection-acceptance':
      return { ...input, ...(t('objectionSummary') !== undefined ? { objectionSummary: t('objectionSummary')! } : {}) };
    case 'objection-decision':
      return {
        ...input,
        ...(t('objectionSummary') !== undefined ? { objectionSummary: t('objectionSummary')! } : {}),
        ...(t('findings') !== undefined ? { findings: t('findings')! } : {}),
        ...(t('correction') !== undefined && input.outcome === 'upheld_correct' ? { correction: t('correction')! } : {}),
      };
    case 'repair-acceptance':
      return { ...input, ...(lines(values.materials) ? { materials: lines(values.materials)! } : {}) };
    case 'repair-decision':
      return { ...input, ...(t('reasons') !== undefined ? { reasons: t('reasons')! } : {}) };
    case 'removal-decision':
      return { ...input, ...(t('reasonText') !== undefined ? { reasonText: t('reasonText')! } : {}) };
  }
}

/** The officer's fields as the form shows them first (what the case already says). */
export function officerValuesOf(input: DocumentInput): Record<string, string | string[]> {
  switch (input.kind) {
    case 'prior-notice':
      return { contact: input.contact ?? '' };
    case 'listing-decision':
      return { contact: input.repairNotice.contact ?? '' };
    case 'objection-acceptance':
      return { objectionSummary: input.objectionSummary };
    case 'objection-decision':
      return { objectionSummary: input.objectionSummary, findings: input.findings, correction: input.correction ?? '' };
    case 'repair-acceptance':
      return { materials: input.materials.join('\n') };
    case 'repair-decision':
      return { reasons: input.reasons };
    case 'removal-decision':
      return { reasonText: input.reasonText };
  }
}
