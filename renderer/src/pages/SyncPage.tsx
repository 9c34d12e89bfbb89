/**
 * 同步: the day's-end sync with the city platform (日终同步), its result report, clock skew, the
 * sneaker-net export, quarantined and conflicting records for review, what the platform sent down,
 * and the platform settings.
 */
import { Alert, App as AntApp, Button, Card, Descriptions, Form, Input, Modal, Progress, Space, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { desktopApi } from '../bridge/desktop';
import { describeSkewZh, type SkewMeasurement } from '../../../shared/sync/clock';
import type { OutboxRow } from '../../../shared/sync/outbox';
import { PULLED_KINDS } from '../../../shared/sync/protocol';
import { useAppStore } from '../stores/app-store';
import type { SyncProgress, SyncReport } from '../sync/engine';
import { exportSneakernet, platformSettings, NOT_CONFIGURED_ZH, outboxStore, PLATFORM_SETTINGS_TITLE, requeueQuarantined, resolveConflict, runSync, savePlatformConfig, TRAINING_NO_SYNC_ZH, type PlatformConfig, type PlatformSettings } from '../desk/sync';
import { pulledItems, type InboxRow } from '../desk/sync';
import { useDeskQuery } from '../desk';
import { formatAgeZh } from '../sync/SyncStatusBadge';
import { formatDateTime } from '../format/time';
import { TechnicalInfo } from '../components/TechnicalInfo';
import { errorTextZh } from '../format/error-text';

const KIND_ZH: Record<(typeof PULLED_KINDS)[number], string> = {
  objection: '异议（网上提交）',
  'repair-application': '信用修复申请（网上提交）',
  correction: '更正',
  'case-decision': '共享案件决定',
  'holiday-calendar': '节假日安排',
  'rule-set': '规则更新',
  'number-block': '文书号段',
};

/** What an applied pulled item became (kinds not listed are only kept in the inbox). */
const APPLIED_ZH: Partial<Record<(typeof PULLED_KINDS)[number], string>> = {
  objection: '已记入案件',
  'repair-application': '已记入案件',
  'holiday-calendar': '已采用（工作日历）',
  'rule-set': '已存为规则集新版本',
  'number-block': '已加入文号段',
};

const OUTCOME_ZH: Record<SyncReport['outcome'], string> = {
  ok: '同步完成',
  partial: '部分完成，剩余记录将自动重试',
  offline: '无法连接市平台',
  auth: '单位令牌无效',
  upgrade: '需要升级办案台',
  insecure: '平台地址不安全',
  locked: '另一个窗口正在同步',
  error: '同步出错',
};

const OUTBOX_KIND_ZH: Record<OutboxRow['kind'], string> = {
  'case-event': '案件办理记录',
  'subject-upsert': '主体登记',
  'document-issued': '签发的文书',
  commitment: '信用承诺',
};

/** The columns every table of outbox records starts with: what it is, when recorded; ids under 技术信息. */
function recordColumns(recordedAtTitle: string): TableColumnsType<OutboxRow> {
  return [
    {
      title: '记录',
      dataIndex: 'kind',
      render: (k: OutboxRow['kind'], r) => (
        <>
          {OUTBOX_KIND_ZH[k] ?? '其他记录'} <TechnicalInfo items={[['记录编号', r.id], ['对象编号', r.entityId], ['内容校验值', r.payloadHash]]} />
        </>
      ),
    },
    { title: recordedAtTitle, dataIndex: 'recordedAt', render: (v: string) => formatDateTime(v) },
  ];
}

function ReportView({ report }: { report: SyncReport }) {
  const type = report.outcome === 'ok' ? 'success' : report.outcome === 'partial' || report.outcome === 'locked' ? 'warning' : 'error';
  return (
    <div data-testid="sync-report" data-outcome={report.outcome}>
      <Alert type={type} showIcon title={OUTCOME_ZH[report.outcome]} description={report.messageZh} style={{ marginBottom: 12 }} />
      <Descriptions size="small" column={4} bordered>
        <Descriptions.Item label="报送成功"><span data-testid="report-sent">{report.sent}</span></Descriptions.Item>
        <Descriptions.Item label="平台已有（重复）"><span data-testid="report-duplicates">{report.duplicates}</span></Descriptions.Item>
        <Descriptions.Item label="被退回"><span data-testid="report-rejected">{report.rejected}</span></Descriptions.Item>
        <Descriptions.Item label="冲突待核对"><span data-testid="report-conflicts">{report.conflicts}</span></Descriptions.Item>
        <Descriptions.Item label="接收平台下发"><span data-testid="report-pulled">{report.pulled}</span></Descriptions.Item>
        <Descriptions.Item label="附件上传">{report.mediaUploaded}</Descriptions.Item>
        <Descriptions.Item label="附件未齐">{report.mediaMissing}</Descriptions.Item>
        <Descriptions.Item label="仍未报送"><span data-testid="report-remaining">{report.remaining}</span></Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary">
        {formatDateTime(report.startedAt)} 开始（本机时间），网络重试 {report.transportRetries} 次
      </Typography.Text>
    </div>
  );
}

function SkewAlert({ skew }: { skew: SkewMeasurement | undefined }) {
  if (!skew || !skew.warn) return null;
  return <Alert type="warning" showIcon data-testid="clock-skew" title={`本机时钟与平台不一致：${describeSkewZh(skew.skewMs)}`} description="记录时间以本机时钟为准（作为证据保存），平台同时记录收到的时间。请校准本机时间，以免送达日期等记录有误。" style={{ marginBottom: 12 }} />;
}

/** Why the platform returned the record, in the platform's Chinese (field paths stay under 技术信息). */
function errorsOf(row: OutboxRow): string {
  return row.fieldErrors?.map((e) => e.messageZh).join('；') ?? '平台未说明原因，请联系市平台管理员';
}

function QuarantineTable({ rows }: { rows: OutboxRow[] }) {
  const desk = useAppStore((s) => s.desk);
  const { message } = AntApp.useApp();
  const [editing, setEditing] = useState<OutboxRow | null>(null);
  const [text, setText] = useState('');
  if (rows.length === 0) return null;
  return (
    <Card title={`被平台退回的记录（${rows.length}）`} size="small" style={{ marginBottom: 16 }} data-testid="quarantine">
      <Typography.Paragraph type="secondary">这些记录没有被平台接收，但仍完整保存在本机。请按退回原因修改后重新报送，不要重新录入。</Typography.Paragraph>
      <Table<OutboxRow>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 10 }}
        columns={[
          ...recordColumns('记录时间'),
          { title: '退回原因', render: (_, r) => <><Typography.Text type="danger">{errorsOf(r)}</Typography.Text> <TechnicalInfo items={[['出错字段', r.fieldErrors?.map((e) => e.path).join('、')], ['平台应答', r.lastError]]} /></> },
          {
            title: '操作',
            render: (_, r) => (
              <Button
                size="small"
                onClick={() => {
                  setEditing(r);
                  setText(JSON.stringify(r.payload, null, 2));
                }}
              >
                修改后重新报送
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title="修改退回的记录"
        okText="保存并重新排队"
        cancelText="取消"
        width={720}
        onCancel={() => setEditing(null)}
        onOk={async () => {
          if (!desk || !editing) return;
          let payload: unknown;
          try {
            payload = JSON.parse(text);
          } catch {
            message.error('修改后的内容格式有误（括号或引号不配对），请检查后再保存；不确定时点“取消”，请技术支持协助修改');
            return;
          }
          await requeueQuarantined(desk, editing.id, payload);
          setEditing(null);
          message.success('已重新排队，下次同步时报送');
        }}
      >
        {editing ? <Alert type="error" title={errorsOf(editing)} style={{ marginBottom: 8 }} /> : null}
        <Input.TextArea rows={14} value={text} onChange={(e) => setText(e.target.value)} style={{ fontFamily: 'monospace' }} />
      </Modal>
    </Card>
  );
}

function ConflictTable({ rows }: { rows: OutboxRow[] }) {
  const desk = useAppStore((s) => s.desk);
  const { message, modal } = AntApp.useApp();
  if (rows.length === 0) return null;
  const decide = (row: OutboxRow, resolution: 'keep-platform' | 'send-as-correction') =>
    modal.confirm({
      title: resolution === 'keep-platform' ? '确认以平台版本为准？' : '确认把本机内容作为更正重新报送？',
      content: '核对结果会记录核对人和时间。两边的原始内容都不会被覆盖。',
      okText: '确认',
      cancelText: '取消',
      onOk: async () => {
        if (!desk) return;
        await resolveConflict(desk, row.id, resolution);
        message.success('已记录核对结果');
      },
    });
  return (
    <Card title={`与平台冲突、待人工核对的记录（${rows.length}）`} size="small" style={{ marginBottom: 16 }} data-testid="conflicts">
      <Typography.Paragraph type="secondary">平台已收到同一编号但内容不同的记录。系统不会自动覆盖任何一方，请核对后选择处理方式。</Typography.Paragraph>
      <Table<OutboxRow>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 10 }}
        columns={[
          ...recordColumns('本机记录时间'),
          { title: '平台收到时间', render: (_, r) => (r.conflictWith ? formatDateTime(r.conflictWith.receipt.receivedAt) : '') },
          { title: '', render: (_, r) => <TechnicalInfo items={[['本机内容校验值', r.payloadHash], ['平台内容校验值', r.conflictWith?.payloadHash]]} /> },
          {
            title: '处理',
            render: (_, r) => (
              <Space>
                <Button size="small" onClick={() => decide(r, 'keep-platform')}>以平台为准</Button>
                <Button size="small" onClick={() => decide(r, 'send-as-correction')}>作为更正重新报送</Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

function InboxTable() {
  const rows = useDeskQuery((d) => pulledItems(d, 50), []) ?? [];
  if (rows.length === 0) return null;
  return (
    <Card title="平台下发的事项（最近 50 项）" size="small" style={{ marginBottom: 16 }} data-testid="inbox">
      <Table<InboxRow>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={false}
        columns={[
          { title: '类别', dataIndex: 'kind', render: (k: InboxRow['kind']) => KIND_ZH[k] },
          { title: '', render: (_, r) => <TechnicalInfo items={[['案件编号（内部）', r.caseId], ['事项编号', r.id]]} /> },
          { title: '平台发布时间', dataIndex: 'publishedAt', render: (v: string) => formatDateTime(v) },
          { title: '处理', render: (_, r) => (r.applied ? r.applied.ok ? <Tag color="green">{APPLIED_ZH[r.kind]}</Tag> : <Tag color="red">{r.applied.reasonZh}</Tag> : r.kind in APPLIED_ZH ? <Tag>待处理</Tag> : <Tag>已保存</Tag>) },
        ]}
      />
    </Card>
  );
}

function SettingsCard({ config, onSaved }: { config: PlatformSettings | undefined; onSaved: () => void }) {
  const desk = useAppStore((s) => s.desk);
  const [form] = Form.useForm<PlatformConfig>();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (config) form.setFieldsValue({ baseUrl: config.baseUrl, officeId: config.officeId });
  }, [config, form]);
  return (
    <Card title={PLATFORM_SETTINGS_TITLE} size="small" style={{ marginBottom: 16 }} id="platform-settings" data-testid="platform-settings">
      <Form form={form} layout="inline" onFinish={async (values) => {
        if (!desk) return;
        try {
          await savePlatformConfig(desk, values);
          setError(null);
          onSaved();
        } catch (e) {
          setError(errorTextZh(e, '连接设置没有保存'));
        }
      }}>
        <Form.Item name="baseUrl" label="平台地址" rules={[{ required: true, message: '请填写平台地址' }]}>
          <Input placeholder="https://xyxx.example.gov.cn" style={{ width: 280 }} data-testid="platform-url" />
        </Form.Item>
        <Form.Item name="officeId" label="单位编号" rules={[{ required: true, message: '请填写单位编号' }]}>
          <Input style={{ width: 160 }} data-testid="platform-office" />
        </Form.Item>
        <Form.Item name="token" label="单位令牌" rules={config?.tokenSaved ? [] : [{ required: true, message: '请填写单位令牌' }]}>
          <Input.Password style={{ width: 240 }} placeholder={config?.tokenSaved ? '已保存，不显示；留空则不改' : undefined} data-testid="platform-token" />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" data-testid="platform-save">保存</Button>
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} data-testid="platform-config-error" /> : null}
    </Card>
  );
}

export function SyncPage() {
  const desk = useAppStore((s) => s.desk);
  const deviceId = useAppStore((s) => s.deviceId);
  const { message } = AntApp.useApp();
  const [runReport, setRunReport] = useState<SyncReport | null>(null);
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [configVersion, setConfigVersion] = useState(0);
  const configRead = useDeskQuery(async (d) => ({ config: await platformSettings(d) }), [configVersion]);
  const config = configRead?.config;
  const counts = useDeskQuery((d) => outboxStore(d).counts(), []);
  const lastReport = useDeskQuery((d) => outboxStore(d).getMeta<SyncReport>('lastReport'), []);
  const skew = useDeskQuery((d) => outboxStore(d).getMeta<SkewMeasurement>('clockSkew'), []);
  const quarantined = useDeskQuery((d) => outboxStore(d).list('quarantined', 500), []) ?? [];
  const conflicts = useDeskQuery((d) => outboxStore(d).list('conflict', 500), []) ?? [];
  if (!desk || !deviceId) return <Typography.Paragraph>正在打开本机数据…</Typography.Paragraph>;

  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : progress?.phase === 'done' ? 100 : 0;
  const age = counts?.oldestUnsentRecordedAt ? formatAgeZh(Date.now() - Date.parse(counts.oldestUnsentRecordedAt)) : null;

  return (
    <div data-testid="sync-page">
      {/* The pending count and the oldest item's age stay visible in the header's SyncStatusBadge. */}
      <Typography.Title level={3}>同步</Typography.Title>
      <SkewAlert skew={skew} />
      {desk.mode === 'training' ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="sync-training" title={TRAINING_NO_SYNC_ZH} />
      ) : configRead && !config ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="sync-not-configured"
          title={NOT_CONFIGURED_ZH}
          action={
            <Button size="small" onClick={() => document.getElementById('platform-settings')?.scrollIntoView({ behavior: 'smooth', block: 'center' })}>
              去填写
            </Button>
          }
        />
      ) : null}
      <Card style={{ marginBottom: 16 }}>
        <Space size="large" align="start" wrap>
          <Button
            type="primary"
            size="large"
            style={{ height: 64, fontSize: 22, padding: '0 40px' }}
            loading={running}
            data-testid="sync-now"
            onClick={async () => {
              setRunning(true);
              setProgress({ phase: 'probe', done: 0, total: 1, messageZh: config ? '正在连接市平台…' : '正在检查市平台连接设置…' });
              try {
                const report = await runSync(desk, deviceId, setProgress);
                // A run refused before it started (training desk, no connection set) is shown at once.
                setRunReport(report);
                if (report.outcome !== 'ok' && report.outcome !== 'partial') setProgress({ phase: 'done', done: 0, total: 0, messageZh: report.messageZh });
              } catch (error) {
                console.error('sync run failed', error);
                setProgress({ phase: 'done', done: 0, total: 0, messageZh: '同步没有完成（本机出错）。未报送的记录都保存在本机，不会丢失；请刷新页面后再按“日终同步”，仍不成功请联系技术支持。' });
              } finally {
                setRunning(false);
              }
            }}
          >
            日终同步
          </Button>
          <Statistic title="待报送" value={(counts?.queued ?? 0) + (counts?.sending ?? 0)} suffix="条" />
          <Statistic title="最早未报送" value={age ?? '—'} suffix={age ? '前' : ''} />
          <Statistic title="被退回" value={counts?.quarantined ?? 0} />
          <Statistic title="冲突待核对" value={counts?.conflict ?? 0} />
          <Button
            data-testid="export-sneakernet"
            onClick={async () => {
              try {
                const file = await exportSneakernet(desk, deviceId);
                const saved = await desktopApi().saveFile({ suggestedName: file.fileName, mimeType: 'application/octet-stream', bytes: file.bytes });
                if (saved.ok) message.success(`已导出 ${file.count} 条未报送记录（已加密签名），请交市平台导入`);
                else message.error(saved.error.messageZh);
              } catch (e) {
                message.error(errorTextZh(e, '离线同步文件没有导出'));
              }
            }}
          >
            导出离线同步文件
          </Button>
        </Space>
        {progress ? (
          <div style={{ marginTop: 16 }} data-testid="sync-progress">
            <Progress percent={percent} status={running ? 'active' : 'normal'} />
            <Typography.Text type="secondary">{progress.messageZh}</Typography.Text>
          </div>
        ) : null}
      </Card>
      {(runReport ?? lastReport) ? (
        <Card title="最近一次同步结果" size="small" style={{ marginBottom: 16 }}>
          <ReportView report={(runReport ?? lastReport)!} />
        </Card>
      ) : null}
      <QuarantineTable rows={quarantined} />
      <ConflictTable rows={conflicts} />
      <InboxTable />
      <SettingsCard config={config} onSaved={() => setConfigVersion((v) => v + 1)} />
    </div>
  );
}
