/**
 * What the 登记主体 form registers. The subject kind is decided in one place: a form opened for one
 * kind (the 关联责任人 form registers only natural persons) has no 主体类型 field, so its values carry
 * no `kind` — the fixed kind decides, never a default that would validate a person as an enterprise.
 */
import type { RegisterSubjectInput, SubjectOrgType } from '../desk';
import type { SubjectKind } from '../../../shared/case/events';

export type RegisterValues = { kind?: SubjectKind; name: string; uscc?: string; idNumber?: string; orgType?: SubjectOrgType; region?: string };

/** The kind the form registers: the fixed kind if the form has one, else the 主体类型 chosen, else 法人. */
export function formSubjectKind(values: { kind?: SubjectKind | undefined }, fixedKind?: SubjectKind): SubjectKind {
  return fixedKind ?? values.kind ?? 'legal_person';
}

export function registerInputOf(values: RegisterValues, fixedKind?: SubjectKind): RegisterSubjectInput {
  const kind = formSubjectKind(values, fixedKind);
  const region = values.region?.trim() ? { region: values.region.trim() } : {};
  if (kind === 'natural_person') return { kind, pii: { name: values.name, idType: '居民身份证', idNumber: values.idNumber ?? '' }, ...region };
  return { kind, name: values.name, uscc: values.uscc ?? '', ...(values.orgType ? { orgType: values.orgType } : {}), ...region };
}
