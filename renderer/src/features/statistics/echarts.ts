/**
 * Apache ECharts, tree-shaken: only the bar, line and pie charts, the grid, tooltip, legend, title
 * and dataset components and the canvas renderer (the canvas is what exports a chart as PNG) are
 * bundled. ECharts needs no eval (the app's CSP forbids it), no network and no fonts of its own, so
 * it works offline, in browser mode and in Electron alike. Why ECharts: docs/credit-desk.md.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, PieChart, DatasetComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
export type { EChartsCoreOption } from 'echarts/core';
