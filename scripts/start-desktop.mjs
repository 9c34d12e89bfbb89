// `npm start`: build the renderer and the main process, then run Electron.
// Where the Electron binary is missing (e.g. installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 on a
// machine without internet), say so clearly and point to browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    return require('electron'); // the path of the binary, or throws when it was never downloaded
  } catch {
    return undefined;
  }
}

let binary = electronBinary();
if (!binary && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  // First run on a connected machine: fetch the Electron binary now.
  spawnSync(process.execPath, [require.resolve('electron/install.js')], { stdio: 'inherit' });
  binary = electronBinary();
}
if (!binary) {
  console.error(
    [
      '',
      '未找到 Electron 程序（Electron binary is missing）。',
      '这台电脑安装依赖时跳过了 Electron 下载（例如没有外网，或设置了 ELECTRON_SKIP_BINARY_DOWNLOAD=1）。',
      '',
      '  • 在浏览器中使用本系统：npm run web   （浏览器模式，功能相同，打印改为下载 PDF）',
      '  • 联网后安装桌面版：   unset ELECTRON_SKIP_BINARY_DOWNLOAD && npm start',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

for (const script of ['build:renderer', 'build:electron']) {
  const result = spawnSync('npm', ['run', script], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const child = spawn(binary, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
