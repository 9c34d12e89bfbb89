import { Typography } from 'antd';

export function SettingsPage() {
  return (
    <div>
      <Typography.Title level={3}>设置</Typography.Title>
      <Typography.Paragraph type="secondary">尚无内容</Typography.Paragraph>
    </div>
  );
}
