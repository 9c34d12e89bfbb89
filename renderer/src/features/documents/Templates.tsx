/** 文书模板: the office's wording of each document's fixed paragraphs, versioned. */
import { App as AntApp, Button, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useDesk } from '../../stores/app-store';
import { useDeskQuery } from '../../desk';
import { saveTemplate, templateVersions } from '../../desk/documents';
import { DEFAULT_TEMPLATES, describePlaceholder, droppedPlaceholders, paragraphKeys, paragraphLabel, paragraphPlaceholders } from '../../../../shared/documents/templates';
import { DOCUMENT_KINDS, DOCUMENT_KIND_NAMES, type DocumentKind } from '../../../../shared/documents/types';

const KIND_OPTIONS = DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_NAMES[k] }));

export function Templates() {
  const desk = useDesk();
  const { message } = AntApp.useApp();
  const [kind, setKind] = useState<DocumentKind>('listing-decision');
  const versions = useDeskQuery((d) => templateVersions(d, kind), [kind]) ?? [];
  const latest = versions.at(-1) ?? DEFAULT_TEMPLATES[kind];
  const [draft, setDraft] = useState<Record<string, string>>({});
  useEffect(() => setDraft({ ...latest.paragraphs }), [latest]);
  const save = async () => {
    for (const key of paragraphKeys(kind, latest)) {
      const lost = droppedPlaceholders(kind, key, draft[key]);
      if (lost.length > 0) {
        void message.error(`“${paragraphLabel(kind, key)}”必须保留 ${lost.map(describePlaceholder).join('、')}（法定必备内容）。`);
        return;
      }
    }
    const saved = await saveTemplate(desk, kind, draft);
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
        可修改固定段落的措辞。双花括号中的英文名（如 {'{{reviewDays}}'}）是签发时自动填入的内容，须原样保留；标为“必备”的不能删除（期限、救济途径等法定要素）。
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
        <Button onClick={() => setDraft({ ...DEFAULT_TEMPLATES[kind].paragraphs })}>恢复默认措辞</Button>
      </Space>
    </div>
  );
}

