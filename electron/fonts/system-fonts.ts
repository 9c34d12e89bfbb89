/**
 * Official Chinese fonts on the office machine. Offices expect 仿宋 body text (GB/T 9704: 3号仿宋).
 * Windows ships simfang/simhei/simsun; 麒麟 (Kylin) and 统信 (UOS) ship their own or the Founder/
 * Windows fonts under /usr/share/fonts. The renderer may read only paths listed by this module.
 */
import type { SystemFont } from '../ipc/contract';

type Candidate = { family: string; paths: readonly string[] };

const WINDOWS_FONTS_DIR = 'C:\\Windows\\Fonts';

export const FONT_CANDIDATES: Readonly<Record<'win32' | 'linux', readonly Candidate[]>> = {
  win32: [
    { family: '仿宋', paths: [`${WINDOWS_FONTS_DIR}\\simfang.ttf`] },
    { family: '黑体', paths: [`${WINDOWS_FONTS_DIR}\\simhei.ttf`] },
    { family: '楷体', paths: [`${WINDOWS_FONTS_DIR}\\simkai.ttf`] },
    { family: '宋体', paths: [`${WINDOWS_FONTS_DIR}\\simsun.ttc`] },
    { family: '方正小标宋简体', paths: [`${WINDOWS_FONTS_DIR}\\FZXBSJW.TTF`, `${WINDOWS_FONTS_DIR}\\方正小标宋简体.ttf`] },
  ],
  linux: [
    {
      family: '仿宋',
      paths: [
        '/usr/share/fonts/truetype/windows/simfang.ttf',
        '/usr/share/fonts/fonts-cn/simfang.ttf',
        '/usr/share/fonts/truetype/simfang.ttf',
        '/usr/share/fonts/winfonts/simfang.ttf',
        '/usr/share/fonts/wps-office/simfang.ttf',
        '/usr/share/fonts/chinese/simfang.ttf',
      ],
    },
    {
      family: '黑体',
      paths: ['/usr/share/fonts/truetype/windows/simhei.ttf', '/usr/share/fonts/fonts-cn/simhei.ttf', '/usr/share/fonts/winfonts/simhei.ttf', '/usr/share/fonts/chinese/simhei.ttf'],
    },
    {
      family: '宋体',
      paths: ['/usr/share/fonts/truetype/windows/simsun.ttc', '/usr/share/fonts/fonts-cn/simsun.ttc', '/usr/share/fonts/winfonts/simsun.ttc', '/usr/share/fonts/chinese/simsun.ttc'],
    },
  ],
};

function formatOf(path: string): SystemFont['format'] | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.ttf')) return 'ttf';
  if (lower.endsWith('.otf')) return 'otf';
  if (lower.endsWith('.ttc')) return 'ttc';
  return undefined;
}

/** The official fonts present on this machine (first existing path per family). */
export function findSystemFonts(platform: string, exists: (path: string) => boolean): SystemFont[] {
  const candidates = platform === 'win32' ? FONT_CANDIDATES.win32 : platform === 'linux' ? FONT_CANDIDATES.linux : [];
  const found: SystemFont[] = [];
  for (const candidate of candidates) {
    const path = candidate.paths.find((p) => exists(p));
    const format = path ? formatOf(path) : undefined;
    if (path && format) found.push({ family: candidate.family, path, format });
  }
  return found;
}
