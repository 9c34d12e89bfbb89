/**
 * Roles of the desk's local accounts and what each may do. A person may hold several roles (a small
 * office's 审核人 may also be its 管理员); four-eyes approval still needs two different people
 * (shared/case/can-perform.ts compares the approver with the drafter).
 *
 *  - 经办人 (clerk): registers subjects and cases, records acts, drafts and submits decisions, issues
 *    documents once the decision they carry is approved;
 *  - 审核人 (reviewer): approves listing, removal and repair decisions, allocates 文号段;
 *  - 管理员 (admin): office settings, rule sets, calendars, accounts and roles.
 *
 * 黑龙江条例 第十七、三十六条 (security, no tampering) and 第五十一条 (officials answer for abuse) are
 * why every act names its person and why the person who drafts a restricting decision is not the
 * one who approves it.
 */
export type Role = 'clerk' | 'reviewer' | 'admin';

export const ROLES: readonly Role[] = ['clerk', 'reviewer', 'admin'];

export const ROLE_LABELS: Record<Role, string> = { clerk: '经办人', reviewer: '审核人', admin: '管理员' };

export type Permission =
  /** 登记主体、办理环节、起草决定、签发文书. */
  | 'register'
  /** 审核通过（或退回）列入、移出、修复决定. */
  | 'approve'
  /** 分配文号段. */
  | 'allocate-numbers'
  /** 办公室设置、节假日安排、空闲锁定等设置. */
  | 'settings'
  /** 规则集. */
  | 'rule-sets'
  /** 账户与角色. */
  | 'users';

const PERMISSIONS: Record<Role, readonly Permission[]> = {
  clerk: ['register'],
  reviewer: ['approve', 'allocate-numbers'],
  admin: ['settings', 'rule-sets', 'users'],
};

export const PERMISSION_LABELS: Record<Permission, string> = {
  register: '登记和办理案件',
  approve: '审核决定',
  'allocate-numbers': '分配文号段',
  settings: '修改设置',
  'rule-sets': '修改规则集',
  users: '管理账户和角色',
};

/** The role that grants a permission (for the refusal text). */
export function roleFor(permission: Permission): Role {
  const found = ROLES.find((r) => PERMISSIONS[r].includes(permission));
  if (!found) throw new Error(`no role grants ${permission}`);
  return found;
}

export function mayDo(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => PERMISSIONS[r].includes(permission));
}

/** The Chinese refusal for a person without the permission (says whom to ask). */
export function permissionReason(permission: Permission): string {
  return `只有${ROLE_LABELS[roleFor(permission)]}才能${PERMISSION_LABELS[permission]}。请由${ROLE_LABELS[roleFor(permission)]}登录后办理，或请管理员为您增加该角色。`;
}

export function roleLabels(roles: readonly Role[]): string {
  return ROLES.filter((r) => roles.includes(r)).map((r) => ROLE_LABELS[r]).join('、');
}

export function isRole(value: unknown): value is Role {
  return value === 'clerk' || value === 'reviewer' || value === 'admin';
}
