import { Typography } from 'antd';
import { useState, type UIEvent } from 'react';

/** Rows loaded per step while scrolling a virtual list. */
export const LIST_STEP = 100;

/**
 * A long list that loads as it scrolls: `limit` rows are read (one live query), and scrolling near
 * the end of the virtual table asks for LIST_STEP more. `reset` starts again (a new query or filter).
 */
export function useGrowingList() {
  const [limit, setLimit] = useState(LIST_STEP);
  const onScroll = (hasMore: boolean) => (e: UIEvent<HTMLElement>) => {
    const t = e.currentTarget;
    if (hasMore && t.scrollTop + t.clientHeight >= t.scrollHeight - 400) setLimit((l) => l + LIST_STEP);
  };
  return { limit, onScroll, reset: () => setLimit(LIST_STEP) };
}

/** "共 N 项" under a list; the count is read after the rows (it may take a moment on a large county). */
export function ListCount({ count, unit, loaded, testId }: { count: number | { count: number; exact: boolean } | undefined; unit: string; loaded: number; testId?: string }) {
  const c = typeof count === 'number' ? { count, exact: true } : count;
  const more = c && c.count > loaded ? `，已显示 ${loaded} ${unit}，向下滚动查看更多` : '';
  return (
    <Typography.Text type="secondary" style={{ display: 'inline-block', marginTop: 8 }} data-testid={testId}>
      {c === undefined ? `已显示 ${loaded} ${unit}，正在统计总数…` : c.exact ? `共 ${c.count.toLocaleString('zh-CN')} ${unit}${more}` : `超过 ${c.count.toLocaleString('zh-CN')} ${unit}（请输入更具体的名称缩小范围）${more}`}
    </Typography.Text>
  );
}
