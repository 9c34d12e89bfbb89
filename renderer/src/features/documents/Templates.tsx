/** 文书模板: the office's wording of each document's fixed paragraphs, versioned. */
import { App as AntApp, Button, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useDesk } from '../../stores/app-store';
import { useDeskQuery } from '../../desk';
import { saveTemplate, templateVersions } from '../../desk/documents';
import { DEFAULT_TEMPLATES, describePlaceholder, droppedPlaceholders, fromEditableText, paragraphKeys, paragraphLabel, paragraphPlaceholders, toEditableText, type TemplateParagraphs } from '../../../../shared/documents/templates';
import { DOCUMENT_KINDS, DOCUMENT_KIND_NAMES, type DocumentKind } from '../../../../shared/documents/types';

const KIND_OPTIONS = DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_NAMES[k] }));

function editable(paragraphs: TemplateParagraphs): Record<string, string> {
  return Object.fromEntries(Object.entries(paragraphs).map(([key, text]) => [key, toEditableText(text)]));
}

export function Templates() {
  const desk = useDesk();
  const { message } = AntApp.useApp();
  const [kind, setKind] = useState<DocumentKind>('listing-decision');
  const versions = useDeskQuery((d) => templateVersions(d, kind), [kind]) ?? [];
  const latest = versions.at(-1) ?? DEFAULT_TEMPLATES[kind];
  // The editor shows fields by their Chinese names (【行政复议机关】); stored text keeps {{reviewBody}}.
  const [draft, setDraft] = useState<Record<string, string>>({});
  useEffect(() => setDraft(editable(latest.paragraphs)), [latest]);
  const save = async () => {
    const stored = Object.fromEntries(Object.entries(draft).map(([key, text]) => [key, fromEditableText(text)]));
    for (const key of paragraphKeys(kind, latest)) {
      const lost = droppedPlaceholders(kind, key, stored[key]);
      if (lost.length > 0) {
        void message.error(`“${paragraphLabel(kind, key)}”必须保留 ${lost.map(describePlaceholder).join('、')}（法定必备内容）。`);
        return;
      }
    }
    const saved = await saveTemplate(desk, kind, stored);
    if (!saved.ok) void message.error(saved.reason);
    else void message.success(`已保存为第${saved.template.version}版，之后签发的文书使用新版本；已签发文书保留原版本。`);
  };

  return (
    <div style={{ maxWidth: 900 }} data-testid="templates">
      <Space style={{ marginBottom: 12 }}>
        <Select style={{ width: 300 }} value={kind} onChange={setKind} options={KIND_OPTIONS} />
        <Typography.Text type="secondary">当前第{latest.version}版（共{versions.length}版）</Typography.Text>
      </Space>
      <Typography.Paragraph type="secondary">
        可修改固定段落的措辞。方括号【】中的内容（如【行政复议机关】）是签发时自动填入的项目，请原样保留括号和名称；标为“必备”的不能删除（期限、救济途径等法定要素）。
      </Typography.Paragraph>
      {paragraphKeys(kind, latest).map((key) => {
        const slots = paragraphPlaceholders(kind, key);
        const mustKeep = slots.filter((p) => p.required);
        const mayUse = slots.filter((p) => !p.required);
        return (
          <Form.Item key={key} label={<Typography.Text strong data-testid={`paragraph-label-${key}`}>{paragraphLabel(kind, key)}</Typography.Text>} layout="vertical" style={{ marginBottom: 16 }}>
            <Input.TextArea autoSize={{ minRows: 2 }} value={draft[key] ?? ''} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} aria-label={paragraphLabel(kind, key)} />
            {(mustKeep.length > 0 || mayUse.length > 0) && (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 4, marginBottom: 0 }}>
                {mustKeep.length > 0 && (
                  <span>
                    <Tag color="red">必备</Tag>
                    {mustKeep.map((p) => describePlaceholder(p.name)).join('、')}
                  </span>
                )}
                {mayUse.length > 0 && <span>{`${mustKeep.length > 0 ? '；' : ''}可用：${mayUse.map((p) => describePlaceholder(p.name)).join('、')}`}</span>}
              </Typography.Paragraph>
            )}
          </Form.Item>
        );
      })}
      <Space>
        <Button type="primary" onClick={() => void save()}>
          保存为新版本
        </Button>
        <Button onClick={() => setDraft(editable(DEFAULT_TEMPLATES[kind].paragraphs))}>恢复默认措辞</Button>
      </Space>
    </div>
  );
}

