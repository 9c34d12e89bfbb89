import { App as AntApp, Alert, Button, Card, Col, DatePicker, Empty, Progress, Row, Select, Space, Table, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useDesk } from '../../stores/app-store';
import { caseCreditRowsBuilt, penaltiesAwaitingDisclosure, rebuildCaseCreditRows, recordPenaltyDisclosure, statisticsView, useDeskQuery } from '../../desk';
import type { StatsFilter } from '../../../../shared/credit/stats';
import { chartWorkbook } from '../../../../shared/credit/exports';
import { LIST_TYPE_LABELS } from '../../../../shared/case/events';
import type { ListType } from '../../../../shared/case/events';
import { safeFileName } from '../../../../shared/exchange/sheet';
import { EChart, type ChartHandle } from './EChart';
import { behaviourCategoryLabel, chartSpecs, ruleSetLabel, type ChartSpec } from './charts';
import { saveBytes, saveWorkbook } from '../../exchange/xlsx-writer';
import { GradingTab } from './GradingTab';
import { GradingSettingsTab } from './GradingSettingsTab';

function ChartCard({ spec, today }: { spec: ChartSpec; today: string }) {
  const { message } = AntApp.useApp();
  const handle = useRef<ChartHandle | null>(null);
  const exportPng = async () => {
    const bytes = handle.current?.pngBytes();
    if (!bytes) return;
    if (await saveBytes(bytes, safeFileName(`${spec.title}（${today}）.png`), 'image/png')) message.success('已导出图片');
  };
  const exportSheet = async () => {
    if (await saveWorkbook(chartWorkbook(spec.table, today))) message.success('已导出表格');
  };
  return (
    <Card
      size="small"
      title={spec.title}
      data-testid={`chart-${spec.key}`}
      extra={
        <Space size={4}>
          <Button size="small" onClick={() => void exportPng()} disabled={spec.empty} data-testid={`chart-${spec.key}-png`}>
            导出图片
          </Button>
          <Button size="small" onClick={() => void exportSheet()} data-testid={`chart-${spec.key}-xlsx`}>
            导出表格
          </Button>
        </Space>
      }
    >
      {spec.empty ? <Empty description="所选范围内没有数据" /> : <EChart option={spec.option} testId={`chart-${spec.key}-canvas`} onReady={(h) => (handle.current = h)} />}
    </Card>
  );
}

function DisclosureEntry() {
  const desk = useDesk();
  const { message } = AntApp.useApp();
  const rows = useDeskQuery((d) => penaltiesAwaitingDisclosure(d), []);
  const [dates, setDates] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const save = async (caseId: string, documentNo: string) => {
    const r = await recordPenaltyDisclosure(desk, caseId, documentNo, dates[`${caseId}|${documentNo}`] ?? '');
    if (!r.ok) setError(r.reason);
    else {
      setError(null);
      message.success('已登记双公示日期');
    }
  };
  if (!rows || rows.length === 0) return null;
  return (
    <Card size="small" title="待登记双公示日期的行政处罚决定" data-testid="disclosure-entry">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Table
        size="small"
        rowKey={(r) => `${r.caseId}|${r.documentNo}`}
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '处罚决定书', dataIndex: 'documentNo' },
          { title: '作出日期', dataIndex: 'decidedOn' },
          { title: '案件', dataIndex: 'caseNo' },
          { title: '主体', dataIndex: 'subjectLabel' },
          {
            title: '公示日期',
            render: (_, r) => (
              <Space>
                <DatePicker size="small" onChange={(d) => setDates((x) => ({ ...x, [`${r.caseId}|${r.documentNo}`]: d ? d.format('YYYY-MM-DD') : '' }))} data-testid="disclosure-date" />
                <Button size="small" onClick={() => void save(r.caseId, r.documentNo)} data-testid="disclosure-save">
                  登记
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

function scopeText(filter: StatsFilter): string {
  const parts = [filter.from || filter.to ? `${filter.from ?? '最早'}至${filter.to ?? '最近'}` : '全部月份'];
  if (filter.township) parts.push(`乡镇（街道）：${filter.township}`);
  if (filter.behaviourCategory) parts.push(`失信行为：${behaviourCategoryLabel(filter.behaviourCategory)}`);
  if (filter.ruleSetId) parts.push(`规则集：${ruleSetLabel(filter.ruleSetId)}`);
  if (filter.listType) parts.push(`名单：${LIST_TYPE_LABELS[filter.listType as ListType] ?? filter.listType}`);
  return parts.join('；');
}

function ChartsTab() {
  const [filter, setFilter] = useState<StatsFilter>({});
  const view = useDeskQuery((d) => statisticsView(d, filter), [filter]);
  const specs = useMemo(() => (view ? chartSpecs(view, scopeText(filter)) : []), [view, filter]);
  const set = (key: keyof StatsFilter, value: string | undefined) => setFilter((f) => ({ ...f, [key]: value || undefined }));
  const options = view?.options;
  const monthOptions = (options?.months ?? []).map((m) => ({ value: m, label: m }));
  return (
    <div data-testid="stats-charts">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="起始月份" style={{ width: 120 }} options={monthOptions} value={filter.from} onChange={(v) => set('from', v)} data-testid="stats-from" />
        <Select allowClear placeholder="截止月份" style={{ width: 120 }} options={monthOptions} value={filter.to} onChange={(v) => set('to', v)} data-testid="stats-to" />
        <Select allowClear placeholder="乡镇（街道）" style={{ width: 160 }} options={(options?.townships ?? []).map((t) => ({ value: t, label: t }))} value={filter.township} onChange={(v) => set('township', v)} data-testid="stats-township" />
        <Select allowClear placeholder="失信行为类别" style={{ width: 260 }} options={(options?.behaviourCategories ?? []).map((c) => ({ value: c, label: behaviourCategoryLabel(c) }))} value={filter.behaviourCategory} onChange={(v) => set('behaviourCategory', v)} data-testid="stats-category" />
        <Select allowClear placeholder="规则集" style={{ width: 200 }} options={(options?.ruleSetIds ?? []).map((r) => ({ value: r, label: ruleSetLabel(r) }))} value={filter.ruleSetId} onChange={(v) => set('ruleSetId', v)} data-testid="stats-ruleset" />
        <Select allowClear placeholder="名单" style={{ width: 180 }} options={(options?.listTypes ?? []).map((l) => ({ value: l, label: LIST_TYPE_LABELS[l as ListType] ?? l }))} value={filter.listType} onChange={(v) => set('listType', v)} data-testid="stats-list" />
      </Space>
      <Typography.Paragraph type="secondary" data-testid="stats-scope">
        统计范围：{scopeText(filter)}。统计日期：{view?.today ?? ''}（逾期以此日判断）。
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {specs.map((spec) => (
          <Col key={spec.key} xs={24} xl={12}>
            <ChartCard spec={spec} today={view?.today ?? dayjs().format('YYYY-MM-DD')} />
          </Col>
        ))}
      </Row>
      {view && view.disclosures.some((m) => m.open + m.openOverdue > 0) && (
        <div style={{ marginTop: 16 }}>
          <DisclosureEntry />
        </div>
      )}
    </div>
  );
}

/** Counts the cases stored before the statistics existed, once, with a progress bar. */
function useCaseRowsReady(): { ready: boolean; progress: number | null; error: string | null } {
  const desk = useDesk();
  const built = useDeskQuery((d) => caseCreditRowsBuilt(d), []);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (built !== false || started.current) return;
    started.current = true;
    setProgress(0);
    void rebuildCaseCreditRows(desk, (done, total) => setProgress(total === 0 ? 100 : Math.round((done / total) * 100))).then((r) => {
      if (!r.ok) setError(r.reason);
      setProgress(null);
    });
  }, [built, desk]);
  return { ready: built === true, progress, error };
}

export function StatisticsPage() {
  const { ready, progress, error } = useCaseRowsReady();
  return (
    <div>
      <Typography.Title level={3}>统计</Typography.Title>
      {error && <Alert type="error" showIcon title={error} />}
      {!ready ? (
        <Card data-testid="stats-preparing">
          <Typography.Paragraph>正在整理已有案件的统计数据（只需一次）…</Typography.Paragraph>
          <Progress percent={progress ?? 0} />
        </Card>
      ) : (
        <Tabs
          items={[
            { key: 'charts', label: '统计图表', children: <ChartsTab /> },
            { key: 'grading', label: '分级分类与抽查', children: <GradingTab /> },
            { key: 'settings', label: '分级分类设置', children: <GradingSettingsTab /> },
          ]}
          data-testid="stats-tabs"
        />
      )}
    </div>
  );
}
