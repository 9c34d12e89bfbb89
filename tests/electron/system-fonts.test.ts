import { describe, expect, it } from 'vitest';
import { findSystemFonts } from '../../electron/fonts/system-fonts';
import { mainWindowOptions } from '../../electron/windows/main-window-options';

describe('findSystemFonts', () => {
  it('finds the Windows official fonts that exist', () => {
    const present = new Set(['C:\\Windows\\Fonts\\simfang.ttf', 'C:\\Windows\\Fonts\\simsun.ttc']);
    expect(findSystemFonts('win32', (p) => present.has(p))).toEqual([
      { family: '仿宋', path: 'C:\\Windows\\Fonts\\simfang.ttf', format: 'ttf' },
      { family: '宋体', path: 'C:\\Windows\\Fonts\\simsun.ttc', format: 'ttc' },
    ]);
  });

  it('finds fonts installed on 麒麟/统信 Linux under common folders', () => {
    const present = new Set(['/usr/share/fonts/wps-office/simfang.ttf']);
    expect(findSystemFonts('linux', (p) => present.has(p))).toEqual([{ family: '仿宋', path: '/usr/share/fonts/wps-office/simfang.ttf', format: 'ttf' }]);
  });

  it('returns nothing on other platforms or when nothing exists', () => {
    expect(findSystemFonts('darwin', () => true)).toEqual([]);
    expect(findSystemFonts('linux', () => false)).toEqual([]);
  });
});

describe('mainWindowOptions', () => {
  it('sandboxes the window and isolates the renderer', () => {
    const prefs = mainWindowOptions('/app/preload.cjs', true).webPreferences!;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInWorker: false, webviewTag: false, preload: '/app/preload.cjs' });
  });
});
