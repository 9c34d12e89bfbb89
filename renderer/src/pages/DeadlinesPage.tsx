import { Typography } from 'antd';

export function DeadlinesPage() {
  return (
    <div>
      <Typography.Title level={3}>期限</Typography.Title>
      <Typography.Paragraph type="secondary">尚无内容</Typography.Paragraph>
    </div>
  );
}
