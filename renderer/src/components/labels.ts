/** Chinese labels for the forms: shared/'s labels (one place), and the helper that turns them into options. */
export { LIST_TYPE_LABELS } from '../../../shared/case/events';
export {
  BASIS_TYPE_LABELS,
  OBJECTION_GROUND_LABELS,
  REMOVAL_REASON_LABELS,
  REPAIR_METHOD_LABELS,
  REVOCATION_LABELS,
  SERVED_DOCUMENT_KIND_LABELS,
  SERVICE_METHOD_LABELS,
} from '../../../shared/case/labels';

export function optionsOf<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}
