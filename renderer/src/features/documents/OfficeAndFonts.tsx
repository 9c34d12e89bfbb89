/** 机关与字体: the office as printed on documents, and the fonts used. */
import { App as AntApp, Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useAppStore, useDesk } from '../../stores/app-store';
import { saveOffice, type OfficeProfile } from '../../desk';
import { BUNDLED_BODY, BUNDLED_TITLE, type FontChoice } from '../../documents/engine';
import { availableFonts, changeFontChoice, documentRenderer } from '../../documents/service';
import { loadFontChoice } from '../../documents/fonts';
import { FilePicker } from '../../components/FilePicker';

/** The part of the office profile printed on documents, as this form edits it. */
type PrintedOffice = { name: string; documentPrefix: string; letterhead?: string; reviewBody: string; court: string; address?: string; phone?: string; sealImage?: string };

function printedPart(o: OfficeProfile): PrintedOffice {
  return { name: o.name, documentPrefix: o.numbering.documentPrefix, reviewBody: o.reviewBody, court: o.court, ...(o.letterhead ? { letterhead: o.letterhead } : {}), ...(o.address ? { address: o.address } : {}), ...(o.phone ? { phone: o.phone } : {}), ...(o.sealImage ? { sealImage: o.sealImage } : {}) };
}

function withPrinted(o: OfficeProfile, v: PrintedOffice): OfficeProfile {
  const optional = (value: string | undefined) => (value && value.trim() ? value.trim() : undefined);
  const next: OfficeProfile = { ...o, name: v.name.trim(), numbering: { ...o.numbering, documentPrefix: v.documentPrefix.trim() }, reviewBody: v.reviewBody.trim(), court: v.court.trim() };
  for (const key of ['letterhead', 'address', 'phone'] as const) {
    const value = optional(v[key]);
    if (value) next[key] = value;
    else delete next[key];
  }
  if (v.sealImage) next.sealImage = v.sealImage;
  return next;
}

export function OfficeAndFonts() {
  const desk = useDesk();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<PrintedOffice>();
  const { office, reloadOffice } = useAppStore();
  const [fonts, setFonts] = useState<{ family: string; label: string; source: string; glyphs: number }[]>([]);
  const [choice, setChoice] = useState<FontChoice | null>(null);

  useEffect(() => {
    if (office) form.setFieldsValue(printedPart(office));
  }, [office, form]);
  useEffect(() => {
    let live = true;
    void (async () => {
      const r = await documentRenderer();
      const ready = await r.ready.catch(() => []);
      const available = await availableFonts();
      if (!live) return;
      setFonts(ready);
      setChoice(loadFontChoice(available.map((f) => f.family)));
    })();
    return () => {
      live = false;
    };
  }, []);

  const fontOptions = fonts.map((f) => ({ value: f.family, label: `${f.label}（${f.glyphs}字）` }));
  const pickRole = (role: keyof FontChoice, family: string) => {
    if (!choice) return;
    const fallback = role === 'body' ? [BUNDLED_BODY, BUNDLED_TITLE] : [BUNDLED_TITLE, BUNDLED_BODY];
    const next = { ...choice, [role]: [family, ...fallback.filter((f) => f !== family)] };
    setChoice(next);
    void changeFontChoice(next).then(() => message.success('字体已更换，之后生成的文书使用新字体。'));
  };

  return (
    <div style={{ maxWidth: 900 }}>
      <Card size="small" title="机关信息（印在文书上）" style={{ marginBottom: 16 }}>
        <Form
          form={form}
          layout="vertical"
          data-testid="doc-office-form"
          onFinish={(values) => {
            if (!office) return void message.error('请先在“设置”中完成办公室设置。');
            void saveOffice(desk, withPrinted(office, values)).then(async (r) => {
              if (!r.ok) return void message.error(r.reason);
              await reloadOffice();
              void message.success('已保存。');
            });
          }}
        >
          <Form.Item name="name" label="发文机关名称" rules={[{ required: true, whitespace: true, message: '请填写发文机关名称' }]}>
            <Input data-testid="doc-office-name" />
          </Form.Item>
          <Form.Item name="documentPrefix" label="发文机关代字（文号前缀，如“某发改信用”→ 某发改信用〔2026〕15号）" rules={[{ required: true, whitespace: true, message: '请填写发文机关代字' }]}>
            <Input data-testid="doc-office-prefix" />
          </Form.Item>
          <Form.Item name="letterhead" label="红色发文机关标志（可选，如“某某县发展和改革局文件”）">
            <Input />
          </Form.Item>
          <Form.Item name="reviewBody" label="行政复议机关" rules={[{ required: true, whitespace: true, message: '请填写行政复议机关' }]}>
            <Input data-testid="doc-office-review" />
          </Form.Item>
          <Form.Item name="court" label="行政诉讼法院" rules={[{ required: true, whitespace: true, message: '请填写行政诉讼法院' }]}>
            <Input data-testid="doc-office-court" />
          </Form.Item>
          <Form.Item name="phone" label="联系电话">
            <Input />
          </Form.Item>
          <Form.Item label="电子印章图片（可选，PNG；不设置则留出盖章位置）">
            <FilePicker
              label="选择印章图片"
              accept="image/png,image/jpeg"
              onFiles={([file]) => {
                if (!file) return;
                const reader = new FileReader();
                reader.onload = () => form.setFieldValue('sealImage', String(reader.result));
                reader.readAsDataURL(file);
              }}
            />
          </Form.Item>
          <Form.Item name="sealImage" hidden>
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="doc-office-save">
            保存
          </Button>
        </Form>
      </Card>
      <Card size="small" title="字体">
        <Typography.Paragraph type="secondary">
          内置开源字体（思源宋体、思源黑体）始终可用；桌面版可使用本机的仿宋、黑体、宋体等。某字在所选字体中没有时自动改用其他字体显示；所有字体都没有的字会拒绝签发并指出该字。
        </Typography.Paragraph>
        <Table
          rowKey="family"
          size="small"
          pagination={false}
          dataSource={fonts}
          columns={[
            { title: '字体', dataIndex: 'label' },
            { title: '来源', dataIndex: 'source', render: (s: string) => (s === 'bundled' ? '内置' : '本机') },
            { title: '字数', dataIndex: 'glyphs' },
          ]}
        />
        {choice && (
          <Space style={{ marginTop: 12 }} wrap>
            <span>正文：</span>
            <Select style={{ width: 240 }} value={choice.body[0]} options={fontOptions} onChange={(v) => pickRole('body', v)} />
            <span>标题：</span>
            <Select style={{ width: 240 }} value={choice.title[0]} options={fontOptions} onChange={(v) => pickRole('title', v)} />
            <span>小标题：</span>
            <Select style={{ width: 240 }} value={choice.heading[0]} options={fontOptions} onChange={(v) => pickRole('heading', v)} />
          </Space>
        )}
      </Card>
    </div>
  );
}
