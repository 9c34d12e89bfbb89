// Bundles the main process and the sandboxed preload into CommonJS files under dist-electron/.
// A sandboxed preload cannot `require` project files, so it must be one self-contained bundle.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', external: ['electron'], sourcemap: true, logLevel: 'warning' };

await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs' });
console.log('built dist-electron/main.cjs and dist-electron/preload.cjs');
