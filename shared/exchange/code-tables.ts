import { LIST_TYPE_LABELS, SUBJECT_KIND_LABELS, type BasisDocumentType, type ListType, type SubjectKind } from '../case/events';
import { BASIS_TYPE_LABELS } from '../case/labels';
import { BEHAVIOUR_CATALOGUES, type BehaviourItem } from '../rules/catalogues';
import { SEVERITY_LABELS, type Severity } from '../rules/types';
import { nameKey } from './cells';

/**
 * Code tables: the closed value lists of the Excel templates (drop-downs on the 代码表 sheet) and of
 * the exports. Each entry has the stored `value` and the `label` a user picks or types; `aliases` are
 * other spellings accepted on import (matched after nameKey folding).
 */
export type CodeEntry<V extends string = string> = { value: V; label: string; aliases?: readonly string[] };

export type CodeTable<V extends string = string> = { id: string; title: string; entries: readonly CodeEntry<V>[]; basis?: string };

function tableOf<V extends string>(id: string, title: string, labels: Record<V, string>, aliases: Partial<Record<V, readonly string[]>> = {}, basis?: string): CodeTable<V> {
  const entries = (Object.keys(labels) as V[]).map((value) => ({ value, label: labels[value], ...(aliases[value] ? { aliases: aliases[value] } : {}) }));
  return { id, title, entries, ...(basis ? { basis } : {}) };
}


export const SUBJECT_KIND_TABLE: CodeTable<SubjectKind> = tableOf('subject_kind', '主体类别', SUBJECT_KIND_LABELS, {
  natural_person: ['个人', '公民'],
  legal_person: ['企业法人', '法人组织'],
  individual_business: ['个体户'],
});

const ORG_KINDS: readonly SubjectKind[] = ['legal_person', 'unincorporated_org', 'individual_business'];

export const ORG_SUBJECT_KIND_TABLE: CodeTable<SubjectKind> = {
  id: 'org_subject_kind',
  title: '主体类别（组织）',
  entries: SUBJECT_KIND_TABLE.entries.filter((e) => ORG_KINDS.includes(e.value)),
};

export const SEVERITY_TABLE: CodeTable<Severity> = tableOf('severity', '失信程度', SEVERITY_LABELS, { minor: ['轻微失信'], general: ['一般失信', '较重'], severe: ['严重失信'] });

export const LIST_TYPE_TABLE: CodeTable<ListType> = tableOf('list_type', '名单类型', LIST_TYPE_LABELS, {
  dishonesty_list: ['失信黑名单', '黑名单'],
  joint_sanction_list: ['联合惩戒对象名单'],
  focus_list: ['重点关注名单'],
});

export const BASIS_TYPE_TABLE: CodeTable<BasisDocumentType> = tableOf('basis_type', '依据文书类型', BASIS_TYPE_LABELS, {
  judgment: ['判决书', '民事判决书', '刑事判决书', '行政判决书'],
  ruling: ['裁定书', '执行裁定书'],
  arbitration: ['仲裁裁决', '仲裁裁决书'],
  penalty_decision: ['行政处罚决定书', '处罚决定书'],
  coercion: ['行政强制决定', '行政强制执行'],
  adjudication: ['行政裁决书'],
  dishonest_judgment_debtor: ['失信被执行人'],
});

export type YesNo = 'yes' | 'no';
export const YES_NO_TABLE: CodeTable<YesNo> = { id: 'yes_no', title: '是/否', entries: [{ value: 'yes', label: '是', aliases: ['Y', 'YES', 'TRUE', '√', '已生效', '生效'] }, { value: 'no', label: '否', aliases: ['N', 'NO', 'FALSE', '×', '未生效'] }] };

/**
 * Roles of persons linked to an organisation (黑龙江条例 第三十三条: 法定代表人或者主要负责人、实际
 * 控制人、影响债务履行的直接责任人; 朝阳房地产规定 第七、八、十二条: 主要责任人). Values are the
 * store's role names.
 */
export type LinkedRole = '法定代表人' | '主要负责人' | '主要责任人' | '实际控制人' | '直接责任人';
export const LINKED_ROLE_TABLE: CodeTable<LinkedRole> = {
  id: 'linked_role',
  title: '关联身份',
  basis: '黑龙江省社会信用条例 第三十三条；朝阳市治理房地产领域失信行为若干规定(试行) 第七条、第八条、第十二条',
  entries: [
    { value: '法定代表人', label: '法定代表人', aliases: ['法人代表', '法人', '经营者'] },
    { value: '主要负责人', label: '主要负责人', aliases: ['负责人'] },
    { value: '主要责任人', label: '主要责任人' },
    { value: '实际控制人', label: '实际控制人' },
    { value: '直接责任人', label: '影响债务履行的直接责任人', aliases: ['直接责任人'] },
  ],
};

function flattenBehaviours(items: readonly BehaviourItem[]): BehaviourItem[] {
  return items.flatMap((item) => [item, ...flattenBehaviours(item.items ?? [])]);
}

/**
 * Behaviour codes as a code table ("CY-RE-6-16-2 第六条（十六）2"), from the catalogues a rule set
 * uses (all catalogues when `catalogueIds` is omitted). The label starts with the code, so a user
 * may type the code alone.
 */
export function behaviourCodeTable(catalogueIds?: readonly string[]): CodeTable {
  const catalogues = BEHAVIOUR_CATALOGUES.filter((c) => catalogueIds === undefined || catalogueIds.includes(c.id));
  return {
    id: 'behaviour',
    title: '失信行为代码',
    basis: catalogues.map((c) => c.basis).join('；'),
    entries: catalogues.flatMap((c) => flattenBehaviours(c.items).map((item) => ({ value: item.code, label: `${item.code} ${item.article}` }))),
  };
}

/**
 * The entry a typed or picked cell means: the value, the label, an alias, or (for codes with a label
 * "CODE text") the first word. Comparison folds full/half width and spaces.
 */
export function findCodeEntry<V extends string>(table: CodeTable<V>, text: string): CodeEntry<V> | null {
  const key = nameKey(text).toUpperCase();
  if (key === '') return null;
  const firstWord = nameKey(text.trim().split(/\s+/)[0] ?? '').toUpperCase();
  for (const entry of table.entries) {
    const candidates = [entry.value, entry.label, ...(entry.aliases ?? [])].map((c) => nameKey(c).toUpperCase());
    if (candidates.includes(key)) return entry;
  }
  return table.entries.find((e) => nameKey(e.value).toUpperCase() === firstWord) ?? null;
}

/** "可填写：法人、非法人组织、个体工商户" for error texts and the instruction sheet. */
export function describeChoices(table: CodeTable): string {
  const labels = table.entries.map((e) => e.label);
  return labels.length > 12 ? `请从下拉列表或“代码表”工作表的“${table.title}”中选择` : `可填写：${labels.join('、')}`;
}
