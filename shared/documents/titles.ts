import { LIST_TYPE_LABELS, type ListType } from '../case/events';
import { DOCUMENT_KIND_NAMES, type StoredDocumentInput } from './types';

/** Snapshots of earlier versions carry no list type; they were printed for the 严重失信主体名单. */
const LEGACY_LIST_NAME = LIST_TYPE_LABELS.severe_dishonesty_list;

/** The name of the list the document concerns (严重失信主体名单, 失信名单 …). */
export function listNameOf(input: StoredDocumentInput): string {
  const listType = (input as { listType?: ListType }).listType;
  return listType ? LIST_TYPE_LABELS[listType] : LEGACY_LIST_NAME;
}

/**
 * The printed title, following the case's list: 列入失信名单决定书 for a case on the ordinary 失信名单,
 * 列入严重失信主体名单决定书 on the severe list; the prior notice and the removal decision likewise.
 */
export function documentTitle(input: StoredDocumentInput): string {
  switch (input.kind) {
    case 'prior-notice':
      return `列入${listNameOf(input)}事先告知书`;
    case 'listing-decision':
      return `列入${listNameOf(input)}决定书`;
    case 'removal-decision':
      return `移出${listNameOf(input)}决定书`;
    default:
      return DOCUMENT_KIND_NAMES[input.kind];
  }
}
