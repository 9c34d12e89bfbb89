/**
 * `npm run bench`: runs every benchmark and prints each measurement next to the raw library floor
 * measured in the same run, with their ratio. Targets are checked here, never in timed tests.
 * Usage: npm run bench [-- name-filter]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export type BenchRow = { name: string; ours: number; floor: number; ratio: number; unit: string; target?: number };

type BenchModule = { file: string; exportName: string };

const BENCHES: BenchModule[] = [
  { file: './documents.ts', exportName: 'runDocumentsBench' },
  { file: './sync.ts', exportName: 'runSyncBench' },
  { file: './stats.ts', exportName: 'runStatsBench' },
];

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const rows: BenchRow[] = [];
let failed = false;

for (const bench of BENCHES) {
  if (filter && !bench.file.includes(filter)) continue;
  if (!existsSync(join(here, bench.file))) continue;
  const module = (await import(bench.file)) as Record<string, () => Promise<BenchRow[]>>;
  const run = module[bench.exportName];
  if (!run) throw new Error(`${bench.file} does not export ${bench.exportName}`);
  console.log(`\n▶ ${bench.file}`);
  const produced = await run();
  for (const row of produced) {
    const verdict = row.target === undefined ? '' : row.ratio <= row.target ? `  ✓ ≤ ${row.target}×` : `  ✗ > ${row.target}×`;
    if (row.target !== undefined && row.ratio > row.target) failed = true;
    console.log(`  ${row.name}: ours ${row.ours.toFixed(3)} ${row.unit}, floor ${row.floor.toFixed(3)} ${row.unit}, ratio ${row.ratio.toFixed(2)}×${verdict}`);
  }
  rows.push(...produced);
}

mkdirSync(join(here, '..', 'bench-results'), { recursive: true });
writeFileSync(join(here, '..', 'bench-results', 'latest.json'), JSON.stringify({ at: new Date().toISOString(), rows }, null, 2));
console.log(`\n${rows.length} measurements written to bench-results/latest.json${failed ? ' — some ratios miss their target' : ''}`);
process.exitCode = failed ? 1 : 0;
