import { Typography } from 'antd';

export function SyncPage() {
  return (
    <div>
      <Typography.Title level={3}>同步</Typography.Title>
      <Typography.Paragraph type="secondary">尚无内容</Typography.Paragraph>
    </div>
  );
}
