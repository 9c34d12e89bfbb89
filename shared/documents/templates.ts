/**
 * The fixed paragraphs of each document kind, editable by the office (settings → 文书模板) and
 * versioned: an issued document records the template version and text it was made with.
 * Placeholders are {{name}}; `REQUIRED_PLACEHOLDERS` lists the ones a paragraph must keep
 * (an office may reword the sentence but cannot drop the legally required content).
 */
import { placeholdersOf } from './format';
import type { DocumentKind, StoredDocumentKind } from './kinds';

export type TemplateParagraphs = Readonly<Record<string, string>>;

export type DocumentTemplate = {
  /** 'repair-notice' only in snapshots of earlier versions. */
  kind: StoredDocumentKind;
  version: number;
  paragraphs: TemplateParagraphs;
  /** ISO timestamp given by the caller when the office saved this version (not printed). */
  savedAt?: string;
  savedBy?: string;
};

export const DEFAULT_TEMPLATES: Readonly<Record<DocumentKind, DocumentTemplate & { kind: DocumentKind }>> = {
  'prior-notice': {
    kind: 'prior-notice',
    version: 1,
    paragraphs: {
      intro: '经查，你（单位）存在下列失信行为，本机关拟将你（单位）列入{{listName}}。根据有关规定，现将拟作出决定的事实、理由、依据及你（单位）依法享有的权利告知如下：',
      rights:
        '你（单位）有权进行陈述和申辩。如有异议，可自收到本告知书之日起{{statementPeriod}}内（即{{statementDeadline}}前）向本机关提出书面陈述、申辩意见，并提交相关证据材料。逾期未提出的，视为放弃陈述和申辩的权利。本机关将依法听取你（单位）的意见，不因你（单位）陈述、申辩而加重处理。',
      contact: '联系方式：{{contact}}',
    },
  },
  'listing-decision': {
    kind: 'listing-decision',
    version: 1,
    paragraphs: {
      intro: '本机关依法对你（单位）的失信行为进行了认定，并已依法告知你（单位）拟作出决定的事实、理由、依据及依法享有的权利。现决定将你（单位）列入{{listName}}。',
      validity: '列入名单的期限为{{validityText}}，自{{validFrom}}起算，至{{validTo}}届满（{{validityBasis}}）。',
      measures: '列入名单期间，有关部门将依法依规对你（单位）实施以下失信惩戒措施：',
      remedies:
        '你（单位）对本决定认定的失信信息有异议的，可以向{{objectionTo}}提出异议申请，并提交相关证据材料。如不服本决定，可以自收到本决定书之日起{{reviewDays}}日内向{{reviewBody}}申请行政复议，或者自收到本决定书之日起{{litigationMonths}}个月内依法向{{court}}提起行政诉讼。',
      repair: '{{repairRoute}}信用修复的条件、材料和途径详见附件《信用修复告知书》。',
      noticeIntro: '根据信用修复有关规定，现将信用修复的条件、材料和途径告知如下：',
      noticeConditions: '你（单位）纠正失信行为、履行法定责任和义务后，自{{earliestApplyDate}}起可以申请信用修复。失信信息最长公示至{{latestEndDate}}，届满后自动停止公示。',
      noticeBarred: '你（单位）完成信用修复后一年内再次被列入名单，在新的失信记录有效期内（至{{latestEndDate}}）不得申请信用修复（{{barBasis}}）。',
      noticeMaterials: '申请信用修复需提交以下材料：',
      noticeWindow: '办理途径：{{window}}',
      noticeContact: '联系方式：{{contact}}',
    },
  },
  'objection-acceptance': {
    kind: 'objection-acceptance',
    version: 1,
    paragraphs: {
      intro: '你（单位）于{{receivedDate}}提出的异议申请收悉。异议内容：{{objectionSummary}}',
      body: '经审查，你（单位）的异议申请符合受理条件，本机关决定予以受理，并将于{{replyDeadline}}前将处理结果告知你（单位）。{{markingNote}}',
    },
  },
  'objection-decision': {
    kind: 'objection-decision',
    version: 1,
    paragraphs: {
      intro: '你（单位）于{{receivedDate}}提出的异议申请，本机关已依法受理并进行了核实。异议内容：{{objectionSummary}}',
      findings: '经核实：{{findings}}',
      adopted: '本机关决定采纳你（单位）的异议，并已作如下更正：{{correction}}',
      upheldRemove: '本机关决定采纳你（单位）的异议，将你（单位）移出{{listName}}，停止公示相关失信信息，并通知有关部门终止实施失信惩戒措施。{{reasons}}',
      notAdopted: '本机关决定不予采纳你（单位）的异议，理由如下：{{reasons}}',
      remedies: '如不服本决定，可以自收到本决定书之日起{{reviewDays}}日内向{{reviewBody}}申请行政复议，或者自收到本决定书之日起{{litigationMonths}}个月内依法向{{court}}提起行政诉讼。',
    },
  },
  'repair-acceptance': {
    kind: 'repair-acceptance',
    version: 1,
    paragraphs: {
      intro: '你（单位）于{{applicationDate}}提出的信用修复申请及以下材料收悉：',
      body: '经审查，申请材料齐全、符合法定形式，本机关决定予以受理，并将于{{decisionDeadline}}前作出是否准予信用修复的决定。',
    },
  },
  'repair-decision': {
    kind: 'repair-decision',
    version: 1,
    paragraphs: {
      intro: '你（单位）于{{applicationDate}}提出的信用修复申请，本机关已依法受理并进行了审核。',
      granted: '经审核，{{reasons}}本机关决定准予信用修复。自{{effectiveDate}}起终止公示相关失信信息，停止共享和使用，并同步解除相应失信惩戒措施。',
      refused: '经审核，{{reasons}}本机关决定不予信用修复。你（单位）可在纠正失信行为、履行相关义务后重新提出申请。',
      remedies: '如不服本决定，可以自收到本决定书之日起{{reviewDays}}日内向{{reviewBody}}申请行政复议，或者自收到本决定书之日起{{litigationMonths}}个月内依法向{{court}}提起行政诉讼。',
    },
  },
  'removal-decision': {
    kind: 'removal-decision',
    version: 1,
    paragraphs: {
      intro: '本机关于{{listingDate}}作出《{{listingTitle}}》（{{listingNumber}}），将你（单位）列入{{listName}}。',
      body: '{{reasonText}}本机关决定自{{removalDate}}起将你（单位）移出{{listName}}，停止公示相关失信信息，并通知有关部门解除相应失信惩戒措施。',
    },
  },
};

/** Paragraph keys whose placeholders an office template may not drop (legally required content). */
export const REQUIRED_PLACEHOLDERS: Readonly<Partial<Record<DocumentKind, Readonly<Record<string, readonly string[]>>>>> = {
  'prior-notice': { rights: ['statementPeriod', 'statementDeadline'] },
  'listing-decision': {
    validity: ['validityText', 'validFrom', 'validTo', 'validityBasis'],
    remedies: ['objectionTo', 'reviewDays', 'reviewBody', 'litigationMonths', 'court'],
    repair: ['repairRoute'],
    noticeConditions: ['earliestApplyDate', 'latestEndDate'],
    noticeBarred: ['latestEndDate', 'barBasis'],
  },
  'objection-decision': { adopted: ['correction'], notAdopted: ['reasons'], remedies: ['reviewDays', 'reviewBody', 'litigationMonths', 'court'] },
  'repair-decision': { granted: ['reasons'], refused: ['reasons'], remedies: ['reviewDays', 'reviewBody', 'litigationMonths', 'court'] },
  'objection-acceptance': { body: ['replyDeadline'] },
  'repair-acceptance': { body: ['decisionDeadline'] },
  'removal-decision': { body: ['removalDate'] },
};

/** A template paragraph set merged over the defaults (missing keys fall back to the default). */
export function resolveTemplate(kind: DocumentKind, override?: DocumentTemplate): DocumentTemplate {
  const base = DEFAULT_TEMPLATES[kind];
  if (!override || override.kind !== kind) return base;
  return { ...override, paragraphs: { ...base.paragraphs, ...override.paragraphs } };
}

/**
 * The Chinese name of every editable paragraph of every kind, shown in 设置 → 文书模板 and in
 * refusals (users never see the English keys). tests/documents/templates.test.ts checks that every
 * paragraph key of every kind has one.
 */
export const PARAGRAPH_LABELS: Readonly<Record<DocumentKind, Readonly<Record<string, string>>>> = {
  'prior-notice': { intro: '开头段', rights: '陈述申辩权利段', contact: '联系方式段' },
  'listing-decision': {
    intro: '开头段',
    validity: '列入期限段',
    measures: '惩戒措施引导段',
    remedies: '救济途径段',
    repair: '信用修复段',
    noticeIntro: '附件信用修复告知书开头段',
    noticeConditions: '附件修复条件段',
    noticeBarred: '附件不得修复段',
    noticeMaterials: '附件申请材料引导段',
    noticeWindow: '附件办理途径段',
    noticeContact: '附件联系方式段',
  },
  'objection-acceptance': { intro: '开头段（异议内容）', body: '受理决定段' },
  'objection-decision': {
    intro: '开头段（异议内容）',
    findings: '核实情况段',
    adopted: '采纳并更正段',
    upheldRemove: '采纳并移出段',
    notAdopted: '不予采纳段',
    remedies: '救济途径段',
  },
  'repair-acceptance': { intro: '开头段（申请材料）', body: '受理决定段' },
  'repair-decision': { intro: '开头段', granted: '准予修复段', refused: '不予修复段', remedies: '救济途径段' },
  'removal-decision': { intro: '开头段（原列入决定）', body: '移出决定段' },
};

/** What each {{placeholder}} is filled with when the document is made, in Chinese. */
export const PLACEHOLDER_LABELS: Readonly<Record<string, string>> = {
  listName: '名单名称',
  statementPeriod: '陈述申辩期限（如5个工作日）',
  statementDeadline: '陈述申辩截止日期',
  contact: '联系方式',
  validityText: '列入期限（如三年）',
  validFrom: '期限起算日期',
  validTo: '期限届满日期',
  validityBasis: '期限依据及计算方法',
  barBasis: '不得申请修复的依据',
  listingTitle: '原列入决定书名称',
  objectionTo: '受理异议的机关',
  reviewDays: '申请行政复议的期限（日数）',
  reviewBody: '行政复议机关',
  litigationMonths: '提起行政诉讼的期限（月数）',
  court: '行政诉讼法院',
  repairRoute: '信用修复途径',
  decisionDate: '列入决定的成文日期',
  decisionName: '列入决定书名称',
  decisionNumber: '列入决定书文号',
  earliestApplyDate: '最早可申请信用修复的日期（当日起可申请）',
  latestEndDate: '最长公示截止日期',
  window: '办理窗口或网站',
  receivedDate: '收到异议申请的日期',
  objectionSummary: '异议内容摘要',
  replyDeadline: '异议答复截止日期',
  markingNote: '异议标注说明',
  findings: '核实情况',
  correction: '更正内容',
  reasons: '理由',
  applicationDate: '申请日期',
  decisionDeadline: '作出修复决定的截止日期',
  effectiveDate: '修复生效日期',
  listingDate: '原列入日期',
  listingNumber: '原列入决定书文号',
  reasonText: '移出理由',
  removalDate: '移出日期',
};

/** The paragraph's Chinese name; an unknown key (never expected) is shown as 其他段落 with the key. */
export function paragraphLabel(kind: DocumentKind, key: string): string {
  return PARAGRAPH_LABELS[kind][key] ?? `其他段落（${key}）`;
}

/**
 * The field's name as the template editor shows it, between 【】: the Chinese label without its
 * explanation in brackets ('申请行政复议的期限（日数）' → '申请行政复议的期限'). Unique per field
 * (tests/documents/templates.test.ts), so the editor's text maps back to `{{name}}` without loss.
 */
export function placeholderFieldName(name: string): string | undefined {
  const label = PLACEHOLDER_LABELS[name];
  return label?.replace(/（[^（）]*(（[^（）]*）[^（）]*)*）$/u, '');
}

/** 【申请行政复议的期限】: a field as the officer reads and types it in the template editor. */
export function placeholderField(name: string): string {
  const field = placeholderFieldName(name);
  return field ? `【${field}】` : `{{${name}}}`;
}

/** `【申请行政复议的期限】（日数）`: the field as it must be typed, with what it is filled with. */
export function describePlaceholder(name: string): string {
  const label = PLACEHOLDER_LABELS[name];
  const field = placeholderFieldName(name);
  if (!label || !field) return `{{${name}}}`;
  const more = label.slice(field.length);
  return `【${field}】${more}`;
}

const FIELD_TO_NAME: ReadonlyMap<string, string> = new Map(Object.keys(PLACEHOLDER_LABELS).map((name) => [placeholderFieldName(name)!, name]));

/** Stored template text ({{reviewDays}}) as the editor shows it (【申请行政复议的期限】). */
export function toEditableText(text: string): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (placeholderFieldName(name) ? placeholderField(name) : whole));
}

/** The editor's text back to stored template text: every known 【字段】 becomes its {{name}}. */
export function fromEditableText(text: string): string {
  return text.replace(/【([^【】]+)】/gu, (whole, field: string) => {
    const name = FIELD_TO_NAME.get(field);
    return name ? `{{${name}}}` : whole;
  });
}

/** Paragraph keys of a kind in the order the document uses them (defaults first, then any extra). */
export function paragraphKeys(kind: DocumentKind, template?: DocumentTemplate): string[] {
  const keys = Object.keys(DEFAULT_TEMPLATES[kind].paragraphs);
  for (const k of Object.keys(template?.paragraphs ?? {})) if (!keys.includes(k)) keys.push(k);
  return keys;
}

/** Placeholders a paragraph may use (those of the default wording), required ones marked. */
export function paragraphPlaceholders(kind: DocumentKind, key: string): { name: string; required: boolean }[] {
  const text = DEFAULT_TEMPLATES[kind].paragraphs[key] ?? '';
  const required = REQUIRED_PLACEHOLDERS[kind]?.[key] ?? [];
  const names = Array.from(new Set([...placeholdersOf(text), ...required]));
  return names.map((name) => ({ name, required: required.includes(name) }));
}

/** The placeholders an office's wording of one paragraph dropped although they are required. */
export function droppedPlaceholders(kind: DocumentKind, key: string, text: string | undefined): string[] {
  const required = REQUIRED_PLACEHOLDERS[kind]?.[key] ?? [];
  const present = new Set(placeholdersOf(text ?? ''));
  return required.filter((n) => !present.has(n));
}
