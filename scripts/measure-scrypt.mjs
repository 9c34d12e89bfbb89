// Measures one scrypt password check (the parameters of renderer/src/desk/users/password.ts and its
// neighbours) on this machine: `node scripts/measure-scrypt.mjs`. Prints the median of 5 runs each,
// wall time and CPU time: on a shared machine the CPU time is what one check costs an idle machine.
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { loadavg } from 'node:os';

const salt = new Uint8Array(16).fill(7);
await scryptAsync('warm-up', salt, { N: 1024, r: 8, p: 1, dkLen: 32 });
for (const logN of [14, 15, 16]) {
  const times = [];
  const cpu = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    await scryptAsync('correct horse battery', salt, { N: 2 ** logN, r: 8, p: 1, dkLen: 32, asyncTick: 20 });
    const used = process.cpuUsage(startCpu);
    times.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  console.log(`N=2^${logN} r=8 p=1: wall median ${times[2].toFixed(0)} ms (min ${times[0].toFixed(0)}), CPU median ${cpu[2].toFixed(0)} ms`);
}
console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on this machine`);
