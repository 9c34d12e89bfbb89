/**
 * Destructive actions (logout, reset, restore from backup) are refused while anything is unsent,
 * unless an export covering all of it was made first (an unsent record is never silently lost).
 *
 *   const verdict = await guardDestructiveAction(store, 'logout');
 *   if (!verdict.allowed) showError(verdict.reasonZh);
 */
import { unsentCoveredByExport } from './sneakernet';
import type { OutboxStore } from '../desk/sync/outbox-store';
import { formatDateTime } from '../format/time';

export type DestructiveAction = 'logout' | 'reset' | 'restore';

const ACTION_ZH: Record<DestructiveAction, string> = { logout: '退出登录', reset: '重置本机数据', restore: '从备份恢复' };

export type GuardVerdict = { allowed: true; unsent: number } | { allowed: false; unsent: number; reasonZh: string };

export async function guardDestructiveAction(store: OutboxStore, action: DestructiveAction): Promise<GuardVerdict> {
  const { covered, unsent, lastExport } = await unsentCoveredByExport(store);
  if (unsent === 0) return { allowed: true, unsent };
  if (covered) return { allowed: true, unsent };
  const hint = lastExport ? `上次导出（${formatDateTime(lastExport.at)}）之后又有新记录或改动。` : '';
  return {
    allowed: false,
    unsent,
    reasonZh: `还有 ${unsent} 条记录未报送到市平台，不能${ACTION_ZH[action]}。${hint}请先到“同步”页面完成“日终同步”，或点“导出离线同步文件”把待报送的记录导出（交市平台导入）后再操作。`,
  };
}
