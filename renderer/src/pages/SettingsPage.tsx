import { App as AntApp, Alert, Button, Card, Descriptions, Divider, Form, Input, Popconfirm, Progress, Radio, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { NumberWithUnit } from '../components/Addon';
import { useMemo, useState } from 'react';
import { useAppStore, useDesk } from '../stores/app-store';
import { checkUscc } from '../../../shared/identifiers/uscc';
import { BEHAVIOUR_CATALOGUES } from '../../../shared/rules/catalogues';
import { PERIOD_TEMPLATES } from '../../../shared/rules/periods';
import { unsetPeriods } from '../../../shared/rules/office';
import { PERIOD_UNIT_LABELS, type PeriodKey } from '../../../shared/rules/types';
import {
  importHolidaySchedule,
  loadDemoData,
  presetById,
  presetsForCatalogue,
  saveOffice,
  syncOfficeRuleSets,
  verifyAllCases,
  useDeskQuery,
  coveredCalendarYears,
  wipeTrainingData,
  type IntegrityReport,
  type OfficeProfile,
  type PeriodSetting,
} from '../desk';
import { IntegrityResult } from '../components/IntegrityResult';
import { navigate } from '../router';
import { DataMaintenanceCard } from '../sync/DataMaintenanceCard';
import { DateInput } from '../components/DateInput';
import { parseDateInput } from '../../../shared/util/parse-date';
import { FilePicker } from '../components/FilePicker';

type FormValues = {
  name: string;
  uscc: string;
  region: string;
  level: '县级' | '乡镇';
  assignments: Record<string, string | undefined>;
  periods: Record<string, Partial<Record<PeriodKey, number | null>>>;
  extraPeriods: Record<string, PeriodKey[]>;
  preNotice: Record<string, boolean>;
  decisionReference: string;
  settingsEffectiveFrom?: string;
  casePrefix: string;
  documentPrefix: string;
  staff: string[];
};

function toForm(o: OfficeProfile | null): Partial<FormValues> {
  if (!o) {
    return { level: '县级', assignments: {}, periods: {}, extraPeriods: {}, preNotice: {}, staff: [], casePrefix: '', documentPrefix: '' };
  }
  const periods: FormValues['periods'] = {};
  const extraPeriods: FormValues['extraPeriods'] = {};
  for (const [presetId, settings] of Object.entries(o.periodSettings)) {
    const preset = presetById(presetId);
    periods[presetId] = {};
    extraPeriods[presetId] = [];
    for (const [key, v] of Object.entries(settings) as [PeriodKey, PeriodSetting][]) {
      periods[presetId]![key] = v.amount;
      if (!preset?.periods.some((p) => p.key === key) && key !== 'pre_notice_statement') extraPeriods[presetId]!.push(key);
    }
  }
  return {
    name: o.name,
    uscc: o.uscc,
    region: o.region,
    level: o.level,
    assignments: Object.fromEntries(o.assignments.map((a) => [a.catalogueId, a.ruleSetId])),
    periods,
    extraPeriods,
    preNotice: o.preNotice ?? {},
    decisionReference: o.decisionReference,
    ...(o.settingsEffectiveFrom ? { settingsEffectiveFrom: o.settingsEffectiveFrom } : {}),
    casePrefix: o.numbering.casePrefix,
    documentPrefix: o.numbering.documentPrefix,
    staff: o.staff,
  };
}

function PresetPeriods({ presetId }: { presetId: string }) {
  const preset = presetById(presetId);
  const form = Form.useFormInstance<FormValues>();
  const preNotice = Form.useWatch(['preNotice', presetId], form) ?? preset?.requiresPreNotice ?? false;
  const extra = Form.useWatch(['extraPeriods', presetId], form) ?? [];
  // A saved office's choice comes from the form's initialValues; a field may not set it again.
  const hasSavedPreNotice = form.getFieldValue(['preNotice', presetId]) !== undefined;
  if (!preset) return null;
  const unset = unsetPeriods(preset).map((p) => p.key);
  const needsStatement = preNotice && !preset.periods.some((p) => p.key === 'pre_notice_statement' && p.amount !== null);
  const keys = [...new Set<PeriodKey>([...unset, ...(needsStatement ? (['pre_notice_statement'] as PeriodKey[]) : []), ...extra])];
  const absent = (Object.keys(PERIOD_TEMPLATES) as PeriodKey[]).filter((k) => !preset.periods.some((p) => p.key === k) && k !== 'pre_notice_statement');
  return (
    <Card size="small" type="inner" title={`《${preset.shortTitle}》的办公室设置`} style={{ marginBottom: 12 }} data-testid={`preset-settings-${presetId}`}>
      <Form.Item label="列入前须事先告知（陈述申辩）" name={['preNotice', presetId]} valuePropName="checked" initialValue={hasSavedPreNotice ? undefined : preset.requiresPreNotice} extra={preset.preNoticeBasis ?? '原规则未要求；国办发〔2020〕49号要求作出决定前告知，办公室可开启'}>
        <Switch data-testid={`prenotice-${presetId}`} />
      </Form.Item>
      {keys.length === 0 && <Typography.Text type="secondary">此规则集没有未设置的期限。</Typography.Text>}
      {keys.map((key) => {
        const rule = preset.periods.find((p) => p.key === key);
        const template = PERIOD_TEMPLATES[key];
        const isUnset = unset.includes(key) || key === 'pre_notice_statement';
        return (
          <Form.Item
            key={key}
            label={
              <Space>
                {rule?.label ?? template.label}
                {isUnset ? <Tag color="orange">原文未规定</Tag> : <Tag color="blue">办公室补充</Tag>}
              </Space>
            }
            name={['periods', presetId, key]}
            extra={rule ? `${rule.basis}${rule.note ? `：${rule.note}` : ''}` : '原规则集没有此期限，由办公室补充'}
          >
            <NumberWithUnit min={0} precision={0} unit={PERIOD_UNIT_LABELS[rule?.unit ?? template.unit]} placeholder="未设置" data-testid={`period-${presetId}-${key}`} />
          </Form.Item>
        );
      })}
      <Form.Item label="补充其他期限（可选）" name={['extraPeriods', presetId]}>
        <Select mode="multiple" allowClear placeholder="选择要补充的期限" options={absent.map((k) => ({ value: k, label: PERIOD_TEMPLATES[k].label }))} data-testid={`extra-periods-${presetId}`} />
      </Form.Item>
    </Card>
  );
}

function OfficeForm() {
  const { office, reloadOffice } = useAppStore();
  const desk = useDesk();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const initial = useMemo(() => toForm(office), [office]);
  const assignments = Form.useWatch('assignments', form) ?? initial.assignments ?? {};
  const assignedPresets = [...new Set(Object.values(assignments).filter((v): v is string => !!v))];

  const onFinish = async (v: FormValues) => {
    setError(null);
    setSaving(true);
    try {
      const periodSettings: OfficeProfile['periodSettings'] = {};
      for (const presetId of assignedPresets) {
        const entries = Object.entries(v.periods?.[presetId] ?? {}).filter(([, amount]) => typeof amount === 'number') as [PeriodKey, number][];
        periodSettings[presetId] = Object.fromEntries(entries.map(([k, amount]) => [k, { amount }]));
      }
      const uscc = (checkUscc(v.uscc) as { normalized: string }).normalized;
      const region = v.region.trim();
      // The printed part (复议机关、法院、红头、印章 …) is edited under 文书 → 机关与字体; first set-up names
      // the review body and court after the region, as offices usually do.
      const { name: _n, uscc: _u, region: _r, level: _l, assignments: _a, periodSettings: _p, preNotice: _pn, decisionReference: _d, settingsEffectiveFrom: _s, numbering: _num, staff: _st, configuredAt: _c, ...kept } = office ?? ({} as Partial<OfficeProfile>);
      const profile: OfficeProfile = {
        ...kept,
        officeId: office?.officeId ?? uscc,
        reviewBody: office?.reviewBody || `${region}人民政府`,
        court: office?.court || `${region}人民法院`,
        name: v.name.trim(),
        uscc,
        region,
        level: v.level,
        assignments: Object.entries(v.assignments ?? {}).flatMap(([catalogueId, ruleSetId]) => (ruleSetId ? [{ catalogueId, ruleSetId }] : [])),
        periodSettings,
        preNotice: Object.fromEntries(assignedPresets.map((id) => [id, v.preNotice?.[id] ?? presetById(id)?.requiresPreNotice ?? false])),
        decisionReference: v.decisionReference?.trim() ?? '',
        ...(v.settingsEffectiveFrom ? { settingsEffectiveFrom: v.settingsEffectiveFrom } : {}),
        numbering: { casePrefix: v.casePrefix.trim(), documentPrefix: v.documentPrefix.trim() },
        staff: v.staff.map((s) => s.trim()).filter(Boolean),
        configuredAt: desk.clock.now(),
      };
      const synced = await syncOfficeRuleSets(desk, profile);
      if (!synced.ok) {
        setError(synced.reason);
        return;
      }
      const saved = await saveOffice(desk, profile);
      if (!saved.ok) {
        setError(saved.reason);
        return;
      }
      await reloadOffice();
      message.success('办公室设置已保存');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void onFinish(v)} data-testid="office-form" style={{ maxWidth: 760 }}>
      <Form.Item label="办公室名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写办公室名称' }]}>
        <Input placeholder="例如：示例县社会信用体系建设领导小组办公室" data-testid="office-name" />
      </Form.Item>
      <Form.Item
        label="统一社会信用代码"
        name="uscc"
        validateTrigger={['onChange', 'onBlur']}
        rules={[{ validator: async (_, value: string) => { const c = checkUscc(value ?? ''); if (!c.ok) throw new Error(c.reason); } }]}
      >
        <Input maxLength={24} placeholder="18位统一社会信用代码" data-testid="office-uscc" />
      </Form.Item>
      <Space size="large" wrap>
        <Form.Item label="行政区划" name="region" rules={[{ required: true, whitespace: true, message: '请填写行政区划' }]}>
          <Input placeholder="例如：示例省示例市示例县" style={{ width: 300 }} data-testid="office-region" />
        </Form.Item>
        <Form.Item label="层级" name="level">
          <Radio.Group options={[{ value: '县级', label: '县级' }, { value: '乡镇', label: '乡镇' }]} />
        </Form.Item>
      </Space>
      <Divider titlePlacement="start">适用的规则集</Divider>
      {BEHAVIOUR_CATALOGUES.map((c) => (
        <Form.Item key={c.id} label={c.title} name={['assignments', c.id]} extra={c.basis}>
          <Select
            allowClear
            placeholder="本办公室不办理此类行为"
            options={presetsForCatalogue(c.id).map((p) => ({ value: p.id, label: `${p.shortTitle}（${p.title}）` }))}
            data-testid={`assign-${c.id}`}
          />
        </Form.Item>
      ))}
      {assignedPresets.map((id) => (
        <PresetPeriods key={id} presetId={id} />
      ))}
      <Space size="large" wrap>
        <Form.Item label="设置依据（决定文件或会议纪要）" name="decisionReference" rules={[{ required: assignedPresets.length > 0, whitespace: true, message: '请填写设置依据，以便追溯' }]}>
          <Input placeholder="例如：示信办〔2026〕1号" style={{ width: 300 }} data-testid="office-decision-ref" />
        </Form.Item>
        <Form.Item label="设置生效日期（留空 = 自规则集生效之日）" name="settingsEffectiveFrom" rules={[{ validator: async (_, value: string) => { if (value) { const r = parseDateInput(value); if (!r.ok) throw new Error(r.reason); } } }]}>
          <DateInput testId="office-settings-effective-from" style={{ width: 200 }} />
        </Form.Item>
      </Space>
      <Divider titlePlacement="start">编号与人员</Divider>
      <Space size="large" wrap>
        <Form.Item label="案件编号前缀" name="casePrefix" rules={[{ required: true, whitespace: true, message: '请填写案件编号前缀' }]}>
          <Input placeholder="例如：示信案" style={{ width: 200 }} data-testid="office-case-prefix" />
        </Form.Item>
        <Form.Item label="文书文号前缀" name="documentPrefix" rules={[{ required: true, whitespace: true, message: '请填写文书文号前缀' }]}>
          <Input placeholder="例如：示信决" style={{ width: 200 }} data-testid="office-doc-prefix" />
        </Form.Item>
      </Space>
      <Form.Item label="经办人员（输入姓名后按回车）" name="staff" rules={[{ required: true, type: 'array', min: 1, message: '至少填写一名经办人员' }]}>
        <Select mode="tags" open={false} suffixIcon={null} placeholder="输入姓名后按回车" data-testid="office-staff" />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="office-error" />}
      <Button type="primary" htmlType="submit" loading={saving} data-testid="office-save">
        保存办公室设置
      </Button>
    </Form>
  );
}

function formatBytes(n: number | null): string {
  if (n === null) return '未知';
  if (n > 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n > 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024).toFixed(0)} KB`;
}

function StorageCard() {
  const { storage, refreshStorage } = useAppStore();
  return (
    <Card title="本机存储" size="small" style={{ marginBottom: 16 }} data-testid="storage-card">
      <Descriptions column={1} size="small">
        <Descriptions.Item label="持久存储">
          {!storage.supported ? (
            <Tag>此环境不支持查询</Tag>
          ) : storage.persisted ? (
            <Tag color="green" data-testid="storage-persisted">已获准持久保存（浏览器不会自动清除）</Tag>
          ) : (
            <Tag color="orange" data-testid="storage-persisted">未获准（空间紧张时浏览器可能清除数据，请定期导出备份）</Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="已用 / 配额">
          <span data-testid="storage-quota">
            {formatBytes(storage.usage)} / {formatBytes(storage.quota)}
          </span>
          {storage.usage !== null && storage.quota ? <Progress percent={Math.round((storage.usage / storage.quota) * 1000) / 10} size="small" style={{ maxWidth: 240 }} /> : null}
        </Descriptions.Item>
      </Descriptions>
      <Button size="small" onClick={() => void refreshStorage(true)}>
        再次申请持久存储
      </Button>
    </Card>
  );
}

function IntegrityCard() {
  const desk = useDesk();
  const [report, setReport] = useState<IntegrityReport | null>(null);
  const [progress, setProgress] = useState<[number, number] | null>(null);
  const run = async () => {
    setReport(null);
    setReport(await verifyAllCases(desk, (a, b) => setProgress([a, b])));
    setProgress(null);
  };
  return (
    <Card title="数据完整性" size="small" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">逐案核对事件链，并核对本机操作记录、审计记录和市平台已确认的同步记录；发现改动或删除时逐条指出。</Typography.Paragraph>
      <Button onClick={() => void run()} data-testid="verify-all" loading={progress !== null}>
        校验完整性（全部案件）
      </Button>
      {progress && <Progress percent={progress[1] ? Math.round((progress[0] / progress[1]) * 100) : 100} size="small" />}
      {report && <IntegrityResult report={report} />}
    </Card>
  );
}

function CalendarCard() {
  const desk = useDesk();
  const { message } = AntApp.useApp();
  const [shown, setShown] = useState(false);
  const covered = useDeskQuery((d) => (shown ? coveredCalendarYears(d) : null), [shown]);
  const refresh = () => setShown(true);
  return (
    <Card title="工作日历" size="small" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        工作日期限按国务院办公厅节假日安排计算。未公布年份按周一至周五暂定，期限清单中标为“暂定”。国务院办公厅公布当年安排后，市平台会在同步时下发；也可以导入市平台或技术支持提供的节假日安排文件。
      </Typography.Paragraph>
      <Space wrap>
        <Button size="small" onClick={() => void refresh()} data-testid="calendar-years">
          查看已覆盖年份
        </Button>
        <FilePicker
          size="small"
          label="导入节假日安排"
          accept="application/json,.json"
          showChosen={false}
          testId="calendar-import"
          onFiles={async ([file]) => {
            if (!file) return;
            let json: unknown;
            try {
              json = JSON.parse(await file.text());
            } catch {
              message.error(`“${file.name}”不是节假日安排文件，请选择市平台或技术支持提供的节假日安排文件（.json）后重新导入`);
              return;
            }
            const r = await importHolidaySchedule(desk, json);
            if (r.ok) {
              message.success(`已导入${r.year}年节假日安排${r.refreshed > 0 ? `，${r.refreshed} 件案件或承诺的暂定期限已重新计算` : ''}${r.skipped > 0 ? `；${r.skipped} 件未能重新计算，将在下次办理时更新` : ''}`);
              refresh();
            } else message.error(r.reason);
          }}
        />
      </Space>
      {covered && <div style={{ marginTop: 8 }}>已覆盖：{covered.join('、')} 年</div>}
    </Card>
  );
}

/**
 * 培训模式: the fictional 示例县 lives in its own database, so demo data can never mix with the
 * office's real data or reach the city platform.
 */
function TrainingCard() {
  const { mode, switchMode, reloadOffice } = useAppStore();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const enter = async () => {
    setBusy(true);
    try {
      await switchMode('training');
      const desk = useAppStore.getState().desk;
      if (!desk) return;
      const r = await loadDemoData(desk);
      await reloadOffice();
      if (r.ok) message.success(`已进入培训模式并载入演示数据：${r.subjects} 个主体，${r.cases} 件案件`);
      else if (!r.reason.includes('已经载入过')) message.error(r.reason);
      else message.success('已进入培训模式');
    } finally {
      setBusy(false);
    }
  };
  const wipe = async () => {
    setBusy(true);
    try {
      const desk = useAppStore.getState().desk;
      if (!desk) return;
      await wipeTrainingData(desk);
      useAppStore.setState({ desk: null });
      await switchMode('training');
      message.success('培训数据已清空');
    } finally {
      setBusy(false);
    }
  };
  if (mode === 'training') {
    return (
      <Card title="培训模式" size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">当前在培训模式：所有数据都是虚构的演示数据，保存在单独的培训数据库中，不会同步到市平台，也不会与办公室正式数据混在一起。</Typography.Paragraph>
        <Space>
          <Button loading={busy} onClick={() => void enter()} data-testid="load-demo">
            载入演示数据
          </Button>
          <Button onClick={() => void switchMode('office')} data-testid="training-leave">
            退出培训模式
          </Button>
          <Popconfirm title="清空全部培训数据？正式数据不受影响。" okText="清空" cancelText="取消" onConfirm={() => void wipe()}>
            <Button danger loading={busy} data-testid="training-wipe">
              清空培训数据
            </Button>
          </Popconfirm>
        </Space>
      </Card>
    );
  }
  return (
    <Card title="培训模式（演示数据）" size="small" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">在单独的培训数据库中载入一个虚构的“示例县”（主体、案件、期限）试用各项功能。培训数据不会同步到市平台，不会与正式数据混在一起，可一键清空。</Typography.Paragraph>
      <Button loading={busy} onClick={() => void enter()} data-testid="load-demo">
        进入培训模式并载入演示数据
      </Button>
    </Card>
  );
}

export function SettingsPage() {
  const office = useAppStore((s) => s.office);
  return (
    <div>
      <Typography.Title level={3}>设置</Typography.Title>
      {!office && (
        <Alert type="info" showIcon style={{ marginBottom: 16, maxWidth: 760 }} title="首次使用：请填写办公室信息并选择适用的规则集。原文未规定的期限须由办公室确定，否则涉及该期限的办案步骤会被拒绝。" />
      )}
      <Card title="办公室设置" size="small" style={{ marginBottom: 16 }}>
        <OfficeForm />
      </Card>
      <StorageCard />
      <IntegrityCard />
      <CalendarCard />
      <TrainingCard />
      <DataMaintenanceCard />
      {office && (
        <Card title="规则集" size="small">
          <Table
            size="small"
            pagination={false}
            rowKey="catalogueId"
            dataSource={office.assignments}
            columns={[
              { title: '行为目录', dataIndex: 'catalogueId', render: (id: string) => BEHAVIOUR_CATALOGUES.find((c) => c.id === id)?.title ?? id },
              { title: '规则集', dataIndex: 'ruleSetId', render: (id: string) => presetById(id)?.title ?? id },
            ]}
          />
          <Button type="link" onClick={() => navigate('cases')}>
            去办案
          </Button>
        </Card>
      )}
    </div>
  );
}
