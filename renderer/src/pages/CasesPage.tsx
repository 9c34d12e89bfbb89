import { Typography } from 'antd';

export function CasesPage({ params }: { params: string[] }) {
  return (
    <div>
      <Typography.Title level={3}>案件</Typography.Title>
      <Typography.Paragraph type="secondary">{params.length ? params.join('/') : '尚无内容'}</Typography.Paragraph>
    </div>
  );
}
