import { App as AntApp, Alert, Button, Card, Descriptions, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { NumberWithUnit } from '../../components/Addon';
import { useState } from 'react';
import { useDesk } from '../../stores/app-store';
import { allPointsSchemes, allSamplingPolicies, latestVersions, saveSamplingRatios, saveSchemeSettings, useDeskQuery } from '../../desk';
import { bandsFromThresholds, unsetSchemeParts, type PointsItem, type PointsScheme, type SchemeSettings, type VetoItem } from '../../../../shared/credit/points';
import { SAMPLING_TREATMENT_LABELS, type SamplingPolicy } from '../../../../shared/credit/sampling';

type SchemeValues = {
  items?: { code: string; label: string; direction: PointsItem['direction']; points: number; maxOccurrences?: number; basis: string }[];
  vetoItems?: VetoItem[];
  base?: number;
  period?: 'calendar_year' | 'rolling_year';
  incentiveCap?: number;
  constraintCap?: number;
  /** From the best grade to the worst: each with the lowest score it takes (the worst has none). */
  bands?: { label: string; min?: number | null }[];
  vetoGrade?: string;
  decidedBy: string;
  decisionReference: string;
  effectiveFrom: string;
};

function SchemeForm({ scheme }: { scheme: PointsScheme }) {
  const desk = useDesk();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<SchemeValues>();
  const [error, setError] = useState<string | null>(null);
  const unset = unsetSchemeParts(scheme);
  const enteredBands = Form.useWatch('bands', form);
  const gradeOptions = enteredBands?.length ? enteredBands.map((b, i) => ({ value: `band-${i + 1}`, label: b?.label ?? `第${i + 1}级` })) : (scheme.bands ?? []).map((b) => ({ value: b.code, label: b.label }));
  const open = (part: keyof PointsScheme['certainty']) => scheme.certainty[part] !== 'stated';
  const submit = async (v: SchemeValues) => {
    const settings: SchemeSettings = {
      decidedBy: v.decidedBy ?? '',
      decisionReference: v.decisionReference ?? '',
      effectiveFrom: v.effectiveFrom ?? '',
      ...(v.items?.length ? { items: v.items.map((i) => ({ ...i, maxOccurrences: i.maxOccurrences ?? null })) } : {}),
      ...(v.vetoItems?.length ? { vetoItems: v.vetoItems } : {}),
      ...(v.base !== undefined && v.base !== null ? { base: v.base } : {}),
      ...(v.period ? { period: v.period } : {}),
      ...(v.bands?.length ? { bands: bandsFromThresholds(v.bands) } : {}),
      ...(v.vetoGrade ? { vetoGrade: v.vetoGrade } : {}),
      ...(v.incentiveCap !== undefined || v.constraintCap !== undefined ? { caps: { ...(v.incentiveCap !== undefined ? { incentive: v.incentiveCap } : {}), ...(v.constraintCap !== undefined ? { constraint: v.constraintCap } : {}) } } : {}),
    };
    const r = await saveSchemeSettings(desk, scheme.schemeKey, settings);
    if (!r.ok) setError(r.reason);
    else {
      setError(null);
      form.resetFields();
      message.success(`已生成评分方案第${r.scheme.version}版`);
    }
  };
  return (
    <div data-testid={`scheme-${scheme.schemeKey}`}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="依据">{scheme.basis}</Descriptions.Item>
        <Descriptions.Item label="当前版本">第{scheme.version}版，{scheme.effectiveFrom}起施行</Descriptions.Item>
        <Descriptions.Item label="基础分">{scheme.base ?? '未设置'}</Descriptions.Item>
        <Descriptions.Item label="指标">
          {scheme.items.length === 0 ? '未设置' : scheme.items.map((i) => <Tag key={i.code}>{`${i.direction === 'incentive' ? '加' : '减'}${i.points ?? '?'}分 ${i.label}`}</Tag>)}
        </Descriptions.Item>
        <Descriptions.Item label="等级">{scheme.bands ? scheme.bands.map((b) => `${b.label}${b.min === null ? '' : `≥${b.min}`}`).join('、') : '未设置'}</Descriptions.Item>
        <Descriptions.Item label="尚未设置">{unset.length === 0 ? '无（可以评分）' : <Typography.Text type="warning" data-testid="scheme-unset">{unset.join('、')}</Typography.Text>}</Descriptions.Item>
        {scheme.notes.length > 0 && <Descriptions.Item label="说明">{scheme.notes.join('；')}</Descriptions.Item>}
      </Descriptions>
      <Form form={form} layout="vertical" style={{ marginTop: 12 }} onFinish={(v) => void submit(v)}>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <div>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item name={[f.name, 'code']} rules={[{ required: true, message: '请填写编号' }]}>
                    <Input placeholder="编号" style={{ width: 90 }} data-testid="item-code" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'label']} rules={[{ required: true, message: '请填写指标名称' }]}>
                    <Input placeholder="指标名称" style={{ width: 200 }} data-testid="item-label" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'direction']} initialValue="constraint">
                    <Select style={{ width: 110 }} options={[{ value: 'constraint', label: '约束（扣分）' }, { value: 'incentive', label: '激励（加分）' }]} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'points']} rules={[{ required: true, message: '请填写分值' }]}>
                    <InputNumber placeholder="分值" min={0} data-testid="item-points" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'maxOccurrences']}>
                    <InputNumber placeholder="最多计次" min={1} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'basis']} rules={[{ required: true, message: '请注明依据条款' }]}>
                    <Input placeholder="依据条款" style={{ width: 220 }} data-testid="item-basis" />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>删除</Button>
                </Space>
              ))}
              <Button onClick={() => add()} data-testid="item-add">
                添加评分指标
              </Button>
            </div>
          )}
        </Form.List>
        {open('base') && (
          <Space wrap style={{ marginTop: 12, display: 'flex' }}>
            <Form.Item label="基础分" name="base">
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item label="评价期间" name="period">
              <Select style={{ width: 160 }} options={[{ value: 'calendar_year', label: '自然年度' }, { value: 'rolling_year', label: '截至评价日的一年' }]} />
            </Form.Item>
          </Space>
        )}
        {open('caps') && (
          <Space wrap>
            <Form.Item label="激励指标总分值" name="incentiveCap">
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item label="约束指标总分值" name="constraintCap">
              <InputNumber min={0} />
            </Form.Item>
          </Space>
        )}
        <Form.List name="vetoItems">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 12 }}>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item name={[f.name, 'code']} rules={[{ required: true, message: '请填写编号' }]}>
                    <Input placeholder="编号" style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'label']} rules={[{ required: true, message: '请填写一票否决情形' }]}>
                    <Input placeholder="一票否决情形" style={{ width: 240 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'basis']} rules={[{ required: true, message: '请注明依据条款' }]}>
                    <Input placeholder="依据条款" style={{ width: 220 }} />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>删除</Button>
                </Space>
              ))}
              <Button onClick={() => add()}>添加一票否决指标</Button>
            </div>
          )}
        </Form.List>
        {open('bands') && (
          <Form.List name="bands">
            {(fields, { add, remove }) => (
              <div style={{ marginTop: 12 }}>
                <Typography.Text type="secondary">等级由高到低，逐级填写该等级的最低分（最低一级不填）。</Typography.Text>
                {fields.map((f) => (
                  <Space key={f.key} align="start" wrap>
                    <Form.Item name={[f.name, 'label']} rules={[{ required: true, message: '请填写等级名称' }]}>
                      <Input placeholder="等级名称" style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'min']}>
                      <InputNumber placeholder="最低分" />
                    </Form.Item>
                    <Button onClick={() => remove(f.name)}>删除</Button>
                  </Space>
                ))}
                <Button onClick={() => add()}>添加等级</Button>
              </div>
            )}
          </Form.List>
        )}
        {(scheme.vetoItems.length > 0 || open('bands')) && (
          <Form.Item label="一票否决时的等级" name="vetoGrade" style={{ marginTop: 12 }}>
            <Select allowClear style={{ width: 200 }} options={gradeOptions} />
          </Form.Item>
        )}
        <Space wrap style={{ marginTop: 12 }}>
          <Form.Item label="决定单位" name="decidedBy">
            <Input style={{ width: 220 }} data-testid="scheme-decided-by" />
          </Form.Item>
          <Form.Item label="决定文件（文号或会议纪要）" name="decisionReference">
            <Input style={{ width: 220 }} data-testid="scheme-decision-ref" />
          </Form.Item>
          <Form.Item label="施行日期" name="effectiveFrom">
            <Input placeholder="如 2026-01-01" style={{ width: 140 }} data-testid="scheme-effective" />
          </Form.Item>
        </Space>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="scheme-error" />}
        <Button type="primary" htmlType="submit" data-testid="scheme-save">
          保存为新版本
        </Button>
      </Form>
    </div>
  );
}

function RatiosForm({ policy }: { policy: SamplingPolicy }) {
  const desk = useDesk();
  const { message } = AntApp.useApp();
  const [percents, setPercents] = useState<Record<string, number | null>>(() => Object.fromEntries(policy.tiers.map((t) => [t.key, t.ratio === null ? null : Math.round(t.ratio * 100)])));
  const [decidedBy, setDecidedBy] = useState('');
  const [reference, setReference] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const ratios = Object.fromEntries(Object.entries(percents).flatMap(([k, v]) => (v === null || v === undefined ? [] : [[k, v / 100]])));
    const r = await saveSamplingRatios(desk, policy.id, ratios, { decidedBy, decisionReference: reference });
    if (!r.ok) setError(r.reason);
    else {
      setError(null);
      message.success(`已生成抽查方案第${r.policy.version}版`);
    }
  };
  return (
    <div data-testid={`policy-${policy.id}`}>
      <Typography.Paragraph type="secondary">
        当前第{policy.version}版。{policy.notes.join('；')}
      </Typography.Paragraph>
      <Space orientation="vertical">
        {policy.tiers.map((t) => (
          <Space key={t.key}>
            <span style={{ width: 200, display: 'inline-block' }}>
              {t.label}（{SAMPLING_TREATMENT_LABELS[t.treatment]}）
            </span>
            <NumberWithUnit min={0} max={100} unit="%" value={percents[t.key] ?? null} onChange={(v) => setPercents((p) => ({ ...p, [t.key]: v }))} data-testid={`ratio-${t.key}`} />
            <Typography.Text type="secondary">{t.basis}</Typography.Text>
          </Space>
        ))}
        <Space>
          <Input placeholder="决定单位" value={decidedBy} onChange={(e) => setDecidedBy(e.target.value)} data-testid="ratio-decided-by" />
          <Input placeholder="决定文件（文号或会议纪要）" value={reference} onChange={(e) => setReference(e.target.value)} data-testid="ratio-decision-ref" />
          <Button type="primary" onClick={() => void save()} data-testid="ratio-save">
            保存为新版本
          </Button>
        </Space>
        {error && <Alert type="error" showIcon title={error} data-testid="ratio-error" />}
      </Space>
    </div>
  );
}

export function GradingSettingsTab() {
  const schemes = useDeskQuery(async (d) => latestVersions(await allPointsSchemes(d)), []);
  const policies = useDeskQuery(async (d) => {
    const all = await allSamplingPolicies(d);
    return [...new Set(all.map((p) => p.id))].map((id) => all.filter((p) => p.id === id).sort((a, b) => b.version - a.version)[0]!);
  }, []);
  const [schemeKey, setSchemeKey] = useState<string>('ZJ-CX-ACC');
  const [policyId, setPolicyId] = useState<string>('HEBEI-6-2');
  const scheme = schemes?.find((s) => s.schemeKey === schemeKey);
  const policy = policies?.find((p) => p.id === policyId);
  return (
    <div data-testid="grading-settings">
      <Card size="small" title="信用评分方案" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">评分方案中原文未载明的分值须由办公室按原文设置，设置后生成新版本并记录决定单位和文件；原文已规定的数值不能修改。</Typography.Paragraph>
        <Select style={{ width: 320, marginBottom: 12 }} value={schemeKey} onChange={setSchemeKey} options={(schemes ?? []).map((s) => ({ value: s.schemeKey, label: s.title }))} data-testid="scheme-select" />
        {scheme && <SchemeForm key={`${scheme.schemeKey}@${scheme.version}`} scheme={scheme} />}
      </Card>
      <Card size="small" title="双随机抽查比例">
        <Select style={{ width: 320, marginBottom: 12 }} value={policyId} onChange={setPolicyId} options={(policies ?? []).map((p) => ({ value: p.id, label: p.title }))} data-testid="policy-select" />
        {policy && <RatiosForm key={`${policy.id}@${policy.version}`} policy={policy} />}
      </Card>
    </div>
  );
}
