/** Bench rows and their statistics: medians of several runs with min and max, percentiles, targets. */
export type BenchRow = {
  name: string;
  /** Our figure (median, or the percentile named in the row). */
  ours: number;
  /** The raw floor measured in the same run (same statistic). */
  floor: number;
  ratio: number;
  unit: string;
  /** Target for the ratio (ours / floor). */
  target?: number;
  /** Target for our absolute figure (same unit). */
  limit?: number;
  min?: number;
  max?: number;
  runs?: number;
  note?: string;
};

export function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** A row from raw timings: the median (or `percentile`) of ours and of the floor, with min and max of ours. */
export function summarize(name: string, ours: readonly number[], floor: readonly number[], options: { absolute?: number; ratio?: number | undefined; percentile?: number } = {}): BenchRow {
  const p = options.percentile ?? 50;
  const o = percentile(ours, p);
  const f = percentile(floor, p);
  return {
    name: p === 50 ? `${name} (median)` : `${name} (p${p})`,
    ours: o,
    floor: f,
    ratio: o / f,
    unit: 'ms',
    ...(options.ratio === undefined ? {} : { target: options.ratio }),
    ...(options.absolute === undefined ? {} : { limit: options.absolute }),
    min: Math.min(...ours),
    max: Math.max(...ours),
    runs: ours.length,
  };
}

/** Which targets a row misses (empty: it meets them all). */
export function misses(row: BenchRow): string[] {
  const out: string[] = [];
  if (row.note && Number.isNaN(row.ours)) return out;
  if (row.target !== undefined && !(row.ratio <= row.target)) out.push(`ratio ${row.ratio.toFixed(2)}× > ${row.target}×`);
  if (row.limit !== undefined && !(row.ours <= row.limit)) out.push(`${row.ours.toFixed(1)} ${row.unit} > ${row.limit} ${row.unit}`);
  return out;
}
