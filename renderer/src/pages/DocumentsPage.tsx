import { Typography } from 'antd';

export function DocumentsPage() {
  return (
    <div>
      <Typography.Title level={3}>文书</Typography.Title>
      <Typography.Paragraph type="secondary">尚无内容</Typography.Paragraph>
    </div>
  );
}
