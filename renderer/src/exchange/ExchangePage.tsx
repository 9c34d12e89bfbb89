/**
 * 导入导出: download the import templates, import a register (worker-checked, previewed, written in
 * one transaction), and the exports (双公示 行政处罚, publication lists, case list, work list).
 */
import { App as AntApp, Button, Card, Space, Tabs, Typography } from 'antd';
import { importTemplate, IMPORT_TEMPLATE_IDS, templateWorkbook, type ImportTemplateId } from '../../../shared';
import { saveWorkbook } from './xlsx-writer';
import { ImportCard, TEMPLATE_LABELS } from './ImportCard';
import { ExportCard } from './ExportCard';


function TemplatesCard() {
  const { message } = AntApp.useApp();
  const download = async (id: ImportTemplateId) => {
    try {
      if (await saveWorkbook(templateWorkbook(importTemplate(id)))) message.success('模板已保存，请在Excel或WPS中填写后导入');
    } catch (error) {
      message.error(error instanceof Error && /[\u4e00-\u9fff]/.test(error.message) ? error.message : '模板保存失败，请重试');
    }
  };
  return (
    <Card size="small" title="下载导入模板" data-testid="exchange-templates">
      <Typography.Paragraph type="secondary">
        模板含“填写说明”、表头和一行示例（序号为“示例”的行不会导入）。号码列已设为文本格式，下拉列表的可选值见“代码表”。
      </Typography.Paragraph>
      <Space wrap>
        {IMPORT_TEMPLATE_IDS.map((id) => (
          <Button key={id} onClick={() => void download(id)} data-testid={`template-${id}`}>
            {TEMPLATE_LABELS[id]}模板
          </Button>
        ))}
      </Space>
    </Card>
  );
}

export function ExchangePage({ params }: { params: string[] }) {
  const tab = params[0] === 'export' ? 'export' : 'import';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="exchange-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        导入导出
      </Typography.Title>
      <Tabs
        defaultActiveKey={tab}
        items={[
          {
            key: 'import',
            label: '导入',
            children: (
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                <TemplatesCard />
                <ImportCard />
              </Space>
            ),
          },
          { key: 'export', label: '导出', children: <ExportCard /> },
        ]}
      />
    </Space>
  );
}
