/**
 * The 统计 page's charts: for each, the ECharts option and the same figures as a table (exported as an
 * Excel sheet through shared/credit/exports chartWorkbook). Labels come from shared/ (period names,
 * joint-sanction stages, end reasons); the figures come from the desk's statistics view.
 */
import type { EChartsCoreOption } from './echarts';
import type { StatisticsView } from '../../desk';
import type { ChartTable } from '../../../../shared/credit/exports';
import { PERIOD_TEMPLATES } from '../../../../shared/rules/periods';
import type { PeriodKey } from '../../../../shared/rules/types';
import { JOINT_STAGE_LABELS, type JointStage } from '../../../../shared/case/state';
import { CASE_END_REASON_LABELS, type CaseEndReason } from '../../../../shared/credit/case-facts';
import { findBehaviour } from '../../../../shared/rules/catalogues';
import { presetById } from '../../desk';

export type ChartSpec = { key: string; title: string; option: EChartsCoreOption; table: ChartTable; empty: boolean };

export function periodLabel(key: string): string {
  return PERIOD_TEMPLATES[key as PeriodKey]?.label ?? key;
}

export function behaviourCategoryLabel(code: string): string {
  if (code === 'free_text') return '目录外行为';
  const found = findBehaviour(code);
  return found ? `${found.item.text.slice(0, 24)}（${code}）` : code;
}

export function ruleSetLabel(id: string): string {
  return presetById(id)?.shortTitle ?? id;
}

const percent = (rate: number | null): number | null => (rate === null ? null : Math.round(rate * 1000) / 10);
const round1 = (n: number | null): number | null => (n === null ? null : Math.round(n * 10) / 10);

const base = (months: string[]): EChartsCoreOption => ({
  animation: false,
  tooltip: { trigger: 'axis' },
  legend: { top: 0, type: 'scroll' },
  grid: { left: 48, right: 56, top: 64, bottom: 32 },
  xAxis: { type: 'category', data: months },
});

function listings(view: StatisticsView, scope: string): ChartSpec {
  const months = view.listings.map((m) => m.month);
  const reasons = [...new Set(view.listings.flatMap((m) => Object.keys(m.removalsByReason)))] as CaseEndReason[];
  return {
    key: 'listings',
    title: '列入与移出（按月）',
    empty: months.length === 0,
    option: {
      ...base(months),
      yAxis: { type: 'value', name: '件', minInterval: 1 },
      series: [
        { name: '列入', type: 'bar', data: view.listings.map((m) => m.listings) },
        { name: '移出', type: 'bar', data: view.listings.map((m) => m.removals) },
      ],
    },
    table: {
      title: '列入与移出（按月）',
      scope,
      header: ['月份', '列入（件）', '移出（件）', ...reasons.map((r) => `其中：${CASE_END_REASON_LABELS[r]}`)],
      rows: view.listings.map((m) => [m.month, m.listings, m.removals, ...reasons.map((r) => m.removalsByReason[r] ?? 0)]),
    },
  };
}

function handling(view: StatisticsView, scope: string, which: 'objections' | 'repairs'): ChartSpec {
  const data = view[which];
  const months = data.map((m) => m.month);
  const name = which === 'objections' ? '异议处理' : '信用修复';
  const title = `${name}及办理时间（按受理月份）`;
  return {
    key: which,
    title,
    empty: months.length === 0,
    option: {
      ...base(months),
      yAxis: [
        { type: 'value', name: '件', minInterval: 1 },
        { type: 'value', name: '工作日' },
      ],
      series: [
        { name: '按期办结', type: 'bar', stack: 'n', data: data.map((m) => m.within) },
        { name: '逾期办结', type: 'bar', stack: 'n', data: data.map((m) => m.overdue) },
        { name: '办理中', type: 'bar', stack: 'n', data: data.map((m) => m.open) },
        { name: '办理中已逾期', type: 'bar', stack: 'n', data: data.map((m) => m.openOverdue) },
        { name: '期限未设置', type: 'bar', stack: 'n', data: data.map((m) => m.unset) },
        { name: '平均办理工作日', type: 'line', yAxisIndex: 1, data: data.map((m) => round1(m.averageDays)) },
        { name: '办理期限（工作日）', type: 'line', yAxisIndex: 1, lineStyle: { type: 'dashed' }, data: data.map((m) => round1(m.averageLimit)) },
      ],
    },
    table: {
      title,
      scope,
      header: ['受理月份', '按期办结', '逾期办结', '办理中', '办理中已逾期', '期限未设置', '平均办理工作日（已办结）', '办理期限（工作日）'],
      rows: data.map((m) => [m.month, m.within, m.overdue, m.open, m.openOverdue, m.unset, round1(m.averageDays), round1(m.averageLimit)]),
      notes: ['办理工作日自受理次日起计至作出决定之日；是否按期以案件期限计算为准（中止期间不计入）。'],
    },
  };
}

function deadlineRates(view: StatisticsView, scope: string): ChartSpec {
  const rows = view.deadlineRates;
  return {
    key: 'deadlines',
    title: '各类期限逾期率',
    empty: rows.length === 0,
    option: {
      animation: false,
      tooltip: { trigger: 'axis' },
      grid: { left: 200, right: 48, top: 16, bottom: 32 },
      xAxis: { type: 'value', name: '%', max: 100 },
      yAxis: { type: 'category', data: rows.map((r) => periodLabel(r.key)) },
      series: [{ name: '逾期率（%）', type: 'bar', data: rows.map((r) => percent(r.rate)) }],
    },
    table: {
      title: '各类期限逾期率',
      scope,
      header: ['期限', '已到期或已办结（项）', '其中逾期（项）', '逾期率（%）'],
      rows: rows.map((r) => [periodLabel(r.key), r.total, r.overdue, percent(r.rate)]),
      notes: ['只计已办结或已到期的期限；未到期的期限不计入。'],
    },
  };
}

function disclosures(view: StatisticsView, scope: string): ChartSpec {
  const data = view.disclosures;
  const months = data.map((m) => m.month);
  return {
    key: 'disclosures',
    title: '双公示按期率（行政处罚，7个工作日）',
    empty: months.length === 0,
    option: {
      ...base(months),
      yAxis: [
        { type: 'value', name: '件', minInterval: 1 },
        { type: 'value', name: '%', max: 100 },
      ],
      series: [
        { name: '按期公示', type: 'bar', stack: 'n', data: data.map((m) => m.within) },
        { name: '逾期公示', type: 'bar', stack: 'n', data: data.map((m) => m.overdue) },
        { name: '未公示（未到期）', type: 'bar', stack: 'n', data: data.map((m) => m.open) },
        { name: '未公示（已逾期）', type: 'bar', stack: 'n', data: data.map((m) => m.openOverdue) },
        { name: '按期率（%）', type: 'line', yAxisIndex: 1, data: data.map((m) => percent(m.rate)) },
      ],
    },
    table: {
      title: '双公示按期率',
      scope,
      header: ['处罚决定月份', '按期公示', '逾期公示', '未公示（未到期）', '未公示（已逾期）', '按期率（%）'],
      rows: data.map((m) => [m.month, m.within, m.overdue, m.open, m.openOverdue, percent(m.rate)]),
      notes: ['行政处罚决定自作出之日起7个工作日内上网公开（发改办财金〔2018〕424号）。'],
    },
  };
}

function joint(view: StatisticsView, scope: string): ChartSpec {
  const rows = view.jointSanctions.map((r) => ({ name: JOINT_STAGE_LABELS[r.key as JointStage] ?? r.key, value: r.count }));
  return {
    key: 'joint',
    title: '联合奖惩状态',
    empty: rows.length === 0,
    option: { animation: false, tooltip: { trigger: 'item' }, legend: { top: 0 }, series: [{ name: '联合奖惩', type: 'pie', radius: ['35%', '65%'], top: 24, data: rows, label: { formatter: '{b}：{c}' } }] },
    table: { title: '联合奖惩状态', scope, header: ['状态', '案件数'], rows: rows.map((r) => [r.name, r.value]) },
  };
}

export function chartSpecs(view: StatisticsView, scope: string): ChartSpec[] {
  return [listings(view, scope), handling(view, scope, 'objections'), handling(view, scope, 'repairs'), deadlineRates(view, scope), disclosures(view, scope), joint(view, scope)];
}
