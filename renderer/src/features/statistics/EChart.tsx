import { useEffect, useRef } from 'react';
import { echarts, type EChartsCoreOption } from './echarts';

export type ChartHandle = { pngBytes: () => Uint8Array | null };

/** One ECharts instance on a div; `onReady` hands out a way to take the chart as PNG bytes. */
export function EChart({ option, height = 280, testId, onReady }: { option: EChartsCoreOption; height?: number; testId?: string; onReady?: (handle: ChartHandle) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    onReady?.({
      pngBytes: () => {
        const url = instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
        const base64 = url.slice(url.indexOf(',') + 1);
        const raw = atob(base64);
        return Uint8Array.from(raw, (c) => c.charCodeAt(0));
      },
    });
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
    // onReady is called once per instance; the option is applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
