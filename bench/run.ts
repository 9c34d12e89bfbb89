/**
 * `npm run bench`: runs every benchmark and prints each measurement next to the raw library floor
 * measured in the same run, with their ratio. Targets are checked here, never in timed tests.
 * Usage: npm run bench [-- name-filter]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

import { misses, type BenchRow } from './stats';
import { cpus, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';

type BenchModule = { file: string; exportName: string };

const BENCHES: BenchModule[] = [
  { file: './documents.ts', exportName: 'runDocumentsBench' },
  { file: './sync.ts', exportName: 'runSyncBench' },
  { file: './app.ts', exportName: 'runAppBench' },
];

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const rows: BenchRow[] = [];
const missed: string[] = [];
const fmt = (n: number) => (Number.isNaN(n) ? '—' : n >= 100 ? n.toFixed(0) : n.toFixed(n >= 10 ? 1 : 2));

for (const bench of BENCHES) {
  if (filter && !bench.file.includes(filter)) continue;
  if (!existsSync(join(here, bench.file))) continue;
  const module = (await import(bench.file)) as Record<string, () => Promise<BenchRow[]>>;
  const run = module[bench.exportName];
  if (!run) throw new Error(`${bench.file} does not export ${bench.exportName}`);
  console.log(`\n▶ ${bench.file}`);
  const produced = await run();
  for (const row of produced) {
    const miss = misses(row);
    const targets = [row.limit === undefined ? '' : `≤ ${row.limit} ${row.unit}`, row.target === undefined ? '' : `≤ ${row.target}×`].filter(Boolean).join(', ');
    const verdict = row.note ? `  (${row.note})` : !targets ? '' : miss.length === 0 ? `  ✓ ${targets}` : `  ✗ misses ${miss.join('; ')}`;
    if (miss.length > 0) missed.push(`${row.name}: ${miss.join('; ')}`);
    const spread = row.min === undefined ? '' : ` [min ${fmt(row.min)}, max ${fmt(row.max!)}, ${row.runs} runs]`;
    console.log(`  ${row.name}: ours ${fmt(row.ours)} ${row.unit}${spread}, floor ${fmt(row.floor)} ${row.unit}, ratio ${Number.isNaN(row.ratio) ? '—' : `${row.ratio.toFixed(2)}×`}${verdict}`);
  }
  rows.push(...produced);
}

mkdirSync(join(here, '..', 'bench-results'), { recursive: true });
const chromium = (() => {
  try {
    return execFileSync('chromium', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const machine = { cores: cpus().length, cpu: cpus()[0]?.model ?? '', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, chromium };
writeFileSync(join(here, '..', 'bench-results', 'latest.json'), JSON.stringify({ at: new Date().toISOString(), machine, rows }, null, 2));
console.log(`\n${rows.length} measurements written to bench-results/latest.json (${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.node}, ${chromium})`);
if (missed.length > 0) {
  console.log(`\n✗ ${missed.length} figure(s) miss their target:`);
  for (const m of missed) console.log(`  - ${m}`);
}
process.exitCode = missed.length > 0 ? 1 : 0;
