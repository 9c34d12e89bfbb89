import type { CaseEvent, CaseEventPayloads, PersonRef, SubjectRef } from '../case/events';
import { LIST_TYPE_LABELS } from '../case/events';
import type { CaseState } from '../case/state';
import type { RuleSet } from '../rules/types';
import { normalizeIdentifierInput } from '../identifiers/normalize';
import { maskCitizenId, maskPersonName, publicationView } from './mask';
import { moreProtective, type PublicationProfile } from './types';

/**
 * Views of a case for whatever LEAVES the office: the publication list, exports, sync payloads.
 * Each applies the case's profile (defaulting to 'masked'); inside the office its staff see full data
 * (that is the desk's call, not these helpers').
 */

/** The profile that applies to a case: the rule set's, or what was recorded at publication if more protective. */
export function caseProfile(state: Pick<CaseState, 'publicationProfile'>, ruleSet: Pick<RuleSet, 'publicationProfile'> | null): PublicationProfile {
  const base = ruleSet?.publicationProfile ?? 'masked';
  return state.publicationProfile ? moreProtective(base, state.publicationProfile) : base;
}

/** One row of a case export (Excel, reports) under `profile` (default: the case's own). */
export type CaseExportRow = {
  caseId: string;
  subjectName: string;
  subjectCode: string;
  legalRepresentative: string;
  responsiblePersons: string;
  stage: string;
  listName: string;
  determinedOn: string;
  listedOn: string;
  validUntil: string;
  publicationUntil: string;
  endedOn: string;
};

const WITHHELD = '（不予公开）';

export function caseExportRow(state: CaseState, ruleSet: Pick<RuleSet, 'publicationProfile'> | null, profile: PublicationProfile = caseProfile(state, ruleSet)): CaseExportRow {
  const view = state.subject ? publicationView(state.subject, profile) : null;
  const people = (list: readonly { name: string }[]) => list.map((p) => p.name).join('、');
  return {
    caseId: state.caseId ?? '',
    subjectName: view ? (view.published ? view.name : WITHHELD) : '',
    subjectCode: view?.published ? (view.code ?? '') : view ? WITHHELD : '',
    legalRepresentative: view?.published ? (view.legalRepresentative?.name ?? '') : '',
    responsiblePersons: view?.published ? people(view.responsiblePersons) : '',
    stage: state.stageLabel,
    listName: state.listType ? LIST_TYPE_LABELS[state.listType] : '',
    determinedOn: state.determinedOn ?? '',
    listedOn: state.listedOn ?? '',
    validUntil: state.validUntil ?? '',
    publicationUntil: state.publicationUntil ?? '',
    endedOn: state.endedOn ?? '',
  };
}

function maskPerson(p: PersonRef, profile: PublicationProfile): PersonRef {
  if (profile === 'full') return p;
  if (profile === 'offline') return { name: WITHHELD, ...(p.role ? { role: p.role } : {}) };
  return { name: maskPersonName(p.name), ...(p.citizenId ? { citizenId: maskCitizenId(p.citizenId) } : {}), ...(p.role ? { role: p.role } : {}) };
}

/** The subject as it may travel under `profile` (natural persons' names and ID numbers masked or withheld). */
export function maskSubjectRef(subject: SubjectRef, profile: PublicationProfile): SubjectRef {
  if (profile === 'full') return subject;
  const person = subject.kind === 'natural_person';
  const name = person ? (profile === 'offline' ? WITHHELD : maskPersonName(subject.name)) : subject.name;
  return {
    ...subject,
    name,
    ...(subject.citizenId ? { citizenId: profile === 'offline' ? WITHHELD : maskCitizenId(subject.citizenId) } : {}),
    ...(subject.uscc ? { uscc: normalizeIdentifierInput(subject.uscc) } : {}),
    ...(subject.legalRepresentative ? { legalRepresentative: maskPerson(subject.legalRepresentative, profile) } : {}),
    ...(subject.responsiblePersons ? { responsiblePersons: subject.responsiblePersons.map((p) => maskPerson(p, profile)) } : {}),
  };
}

/** The natural persons' names of a subject (the subject itself if a person, its representatives). */
function personalNames(subject: SubjectRef): string[] {
  return [...(subject.kind === 'natural_person' ? [subject.name] : []), ...(subject.legalRepresentative ? [subject.legalRepresentative.name] : []), ...(subject.responsiblePersons ?? []).map((p) => p.name)].filter((n) => n.trim() !== '');
}

function maskLine(line: string, names: readonly string[], profile: PublicationProfile): string {
  if (profile === 'full') return line;
  return names.reduce((text, name) => text.split(name).join(profile === 'offline' ? WITHHELD : maskPersonName(name)), line);
}

/**
 * An event as it may leave the office (a sync payload to a platform whose profile requires it):
 * the subject and the names of its natural persons wherever the payload repeats them (recipient
 * lines, the objection's applicant). Free-text facts are not rewritten. The copy is for transfer
 * only: it no longer matches the event's hash.
 */
export function maskEventForTransfer(event: CaseEvent, subject: SubjectRef | null, profile: PublicationProfile): CaseEvent {
  if (profile === 'full') return event;
  const names = subject ? personalNames(subject) : [];
  const line = (text: string) => maskLine(text, names, profile);
  switch (event.type) {
    case 'determined':
      return { ...event, payload: { ...event.payload, subject: maskSubjectRef(event.payload.subject, profile) } };
    case 'served':
      return { ...event, payload: { ...event.payload, recipients: event.payload.recipients.map(line) } };
    case 'pre_notice_served':
      return { ...event, payload: { ...event.payload, recipients: event.payload.recipients.map(line) } };
    case 'objection_received': {
      const payload: CaseEventPayloads['objection_received'] = { ...event.payload, applicant: line(event.payload.applicant) };
      return { ...event, payload };
    }
    default:
      return event;
  }
}
