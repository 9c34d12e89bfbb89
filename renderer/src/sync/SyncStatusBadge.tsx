/**
 * Always-visible sync state for the app header: unsent count and the age of the oldest unsent item
 * (unsent work must be visible, never silent). Red when something waits longer than a day, or is quarantined or
 * in conflict. Clicking opens the 同步 page. Mounting it also starts the background sync (once).
 */
import { Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { navigate } from '../router';
import { useAppStore } from '../stores/app-store';
import { outboxStore, startBackgroundSync } from '../desk/sync';
import { useDeskQuery } from '../desk';

export function formatAgeZh(ms: number): string {
  if (ms < 60_000) return '不到 1 分钟';
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} 分钟`;
  if (ms < 48 * 3_600_000) return `${Math.floor(ms / 3_600_000)} 小时`;
  return `${Math.floor(ms / 86_400_000)} 天`;
}

export function SyncStatusBadge({ autoSync = true }: { autoSync?: boolean }) {
  const desk = useAppStore((s) => s.desk);
  const deviceId = useAppStore((s) => s.deviceId);
  const counts = useDeskQuery((d) => outboxStore(d).counts(), []);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(t);
  }, []);
  useEffect(() => {
    if (!desk || !deviceId || !autoSync) return;
    return startBackgroundSync(desk, deviceId);
  }, [desk, deviceId, autoSync]);
  if (!desk || !counts) return null;
  if (desk.mode === 'training') {
    return (
      <Tag color="purple" data-testid="sync-status-badge" data-unsent={counts.unsent} data-training="true">
        培训模式，不同步
      </Tag>
    );
  }
  const pending = counts.queued + counts.sending;
  const age = counts.oldestUnsentRecordedAt ? Math.max(0, now - Date.parse(counts.oldestUnsentRecordedAt)) : 0;
  const alarm = counts.quarantined + counts.conflict > 0 || age > 24 * 3_600_000;
  const text =
    counts.unsent === 0
      ? '已全部报送'
      : `待报送 ${pending} 条${counts.quarantined ? ` · 退回 ${counts.quarantined}` : ''}${counts.conflict ? ` · 冲突 ${counts.conflict}` : ''} · 最早 ${formatAgeZh(age)}前`;
  return (
    <Tooltip title="点击进入同步页面进行日终同步">
      <Tag color={counts.unsent === 0 ? 'green' : alarm ? 'red' : 'orange'} style={{ cursor: 'pointer' }} onClick={() => navigate('sync')} data-testid="sync-status-badge" data-unsent={counts.unsent}>
        {text}
      </Tag>
    </Tooltip>
  );
}
