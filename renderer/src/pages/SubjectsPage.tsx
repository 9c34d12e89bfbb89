import { Typography } from 'antd';

export function SubjectsPage({ params }: { params: string[] }) {
  return (
    <div>
      <Typography.Title level={3}>主体</Typography.Title>
      <Typography.Paragraph type="secondary">{params.length ? params.join('/') : '尚无内容'}</Typography.Paragraph>
    </div>
  );
}
