import { Button, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAppStore } from '../stores/app-store';
import { attentionCounts, deadlineRoute, isOverdue, listDeadlines, useDeskQuery, type DeadlineFilter, type DeadlineRow } from '../desk';
import { PERIOD_TEMPLATES } from '../../../shared/rules/periods';
import type { PeriodKey } from '../../../shared/rules/types';
import { navigate } from '../router';
import { ListCount, useGrowingList } from '../components/Pager';

export function DeadlinesPage() {
  const today = useAppStore((s) => s.today);
  const [filter, setFilter] = useState<DeadlineFilter>('all');
  const [descending, setDescending] = useState(false);
  const [kind, setKind] = useState<string | undefined>(undefined);
  const { limit, onScroll, reset } = useGrowingList();
  const result = useDeskQuery((desk) => listDeadlines(desk, { filter, descending, page: 0, pageSize: limit, ...(kind ? { kind } : {}) }), [today, filter, descending, limit, kind]);
  const counts = useDeskQuery((desk) => attentionCounts(desk), [today]);
  return (
    <div>
      <Typography.Title level={3}>期限</Typography.Title>
      <Typography.Paragraph type="secondary">
        全部案件未完成的期限（今天 {today}）。逾期 <b data-testid="count-overdue">{counts?.overdue ?? 0}</b> 项，今天到期 {counts?.dueToday ?? 0} 项，本周还有 {counts?.week ?? 0} 项。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented<DeadlineFilter>
          value={filter}
          onChange={(v) => {
            setFilter(v);
            reset();
          }}
          options={[
            { value: 'all', label: '全部' },
            { value: 'overdue', label: '已逾期' },
            { value: 'today', label: '今天到期' },
            { value: 'week', label: '本周到期' },
            { value: 'provisional', label: '暂定/未设置/中止' },
          ]}
          data-testid="deadline-filter"
        />
        <Select
          allowClear
          placeholder="按期限类型筛选"
          style={{ width: 220 }}
          value={kind}
          onChange={(v) => {
            setKind(v);
            reset();
          }}
          options={(Object.keys(PERIOD_TEMPLATES) as PeriodKey[]).map((k) => ({ value: k, label: PERIOD_TEMPLATES[k].label }))}
        />
        <Button
          onClick={() => {
            setDescending((d) => !d);
            reset();
          }}
          data-testid="deadline-sort"
        >
          届满日{descending ? '由远到近' : '由近到远'}
        </Button>
      </Space>
      <Table<DeadlineRow>
        size="small"
        rowKey="id"
        virtual
        scroll={{ y: 560, x: 1100 }}
        onScroll={onScroll(!!result?.hasMore)}
        pagination={false}
        loading={!result}
        dataSource={result?.rows ?? []}
        data-testid="deadline-table"
        locale={{ emptyText: '没有符合条件的期限' }}
        onRow={(r) =>
          ({
            onClick: () => navigate(...deadlineRoute(r)),
            style: { cursor: 'pointer', ...(isOverdue(r, today) ? { background: '#fff1f0' } : {}) },
            'data-testid': 'deadline-row',
            'data-overdue': isOverdue(r, today) ? 'true' : 'false',
            'data-due': r.dueDate,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: '届满日',
            dataIndex: 'dueDate',
            render: (v: string, r) =>
              r.unset ? (
                <Tag color="orange">未设置</Tag>
              ) : r.paused ? (
                <Tag>计时中止</Tag>
              ) : (
                <span className={isOverdue(r, today) ? 'deadline-overdue' : undefined} style={isOverdue(r, today) ? { color: '#cf1322', fontWeight: 600 } : undefined} data-testid="deadline-due">
                  {v}
                  {isOverdue(r, today) ? '（已逾期）' : v === today ? '（今天）' : ''}
                </span>
              ),
          },
          { title: '期限', dataIndex: 'label' },
          { title: '案件', dataIndex: 'caseNo' },
          { title: '主体', dataIndex: 'subjectLabel' },
          {
            title: '说明',
            render: (_, r) => (
              <Space size={4}>
                {r.provisional && <Tag color="gold">暂定</Tag>}
                {r.outcome === 'window_closes' && <Tag>当事人权利期限</Tag>}
                {r.note && <Typography.Text type="secondary">{r.note}</Typography.Text>}
              </Space>
            ),
          },
          { title: '依据', dataIndex: 'basis', ellipsis: true },
        ]}
      />
      <ListCount count={result?.total} unit="项" loaded={result?.rows.length ?? 0} testId="deadline-count" />
    </div>
  );
}
