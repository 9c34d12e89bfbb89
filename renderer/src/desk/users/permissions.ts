/**
 * Role checks of the desk's use cases (the buttons are hidden too, but this is the check that
 * counts). A use case calls `refusedFor(desk, permission)` before writing and returns its refusal.
 */
import { mayDo, permissionReason, type Permission } from '../../../../shared/users/roles';
import type { Desk } from '../desk';
import type { DeskRefused } from '../write';

export function refusedFor(desk: Desk, permission: Permission): DeskRefused | null {
  return mayDo(desk.session.roles(), permission) ? null : { ok: false, code: 'role_required', reason: permissionReason(permission) };
}

export function may(desk: Desk, permission: Permission): boolean {
  return mayDo(desk.session.roles(), permission);
}

/** The permission a case act needs (审核通过 and 退回: 审核人; every other act: 经办人). */
export function permissionForAct(type: string): Permission {
  return type === 'decision_approved' || type === 'decision_returned' ? 'approve' : 'register';
}

/** The role refusal of a case act, or null (recordAct calls it before writing). */
export function actRefusedFor(desk: Desk, type: string): DeskRefused | null {
  return refusedFor(desk, permissionForAct(type));
}
