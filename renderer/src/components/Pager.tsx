import { Button, Space, Typography } from 'antd';

export function Pager({ page, hasMore, onChange, testId }: { page: number; hasMore: boolean; onChange: (page: number) => void; testId?: string }) {
  return (
    <Space style={{ marginTop: 12 }} data-testid={testId}>
      <Button size="small" disabled={page === 0} onClick={() => onChange(page - 1)}>
        上一页
      </Button>
      <Typography.Text type="secondary">第 {page + 1} 页</Typography.Text>
      <Button size="small" disabled={!hasMore} onClick={() => onChange(page + 1)}>
        下一页
      </Button>
    </Space>
  );
}
