/**
 * Which fonts the PDF worker gets: the bundled OFL fonts (asset URLs; Vite copies the files from
 * node_modules at build time, nothing large is committed) and, in the desktop build, the office
 * machine's official fonts (仿宋/黑体/宋体/楷体/小标宋) read through the desktop bridge.
 */
import notoSerifUrl from '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf?url';
import hanSansBoldUrl from 'node-source-han-sans-sc/SourceHanSansSC-Bold.otf?url';
import hanSansRegularUrl from 'node-source-han-sans-sc/SourceHanSansSC-Regular.otf?url';
import type { SystemFont } from '../../../electron/ipc/contract';
import { desktopApi } from '../bridge/desktop';
import { BUNDLED_BODY, BUNDLED_FALLBACK, BUNDLED_TITLE, DEFAULT_CHOICE, type FontChoice } from './engine';
import type { WorkerFont } from './worker-protocol';

const SYSTEM_FAMILY_IDS: Record<string, string> = {
  仿宋: 'SysFangSong',
  黑体: 'SysHei',
  宋体: 'SysSong',
  楷体: 'SysKai',
  方正小标宋简体: 'SysXiaoBiaoSong',
};

export function bundledFonts(): WorkerFont[] {
  const abs = (url: string): string => new URL(url, self.location.href).href;
  return [
    { family: BUNDLED_BODY, label: '思源宋体（内置）', source: 'bundled', url: abs(notoSerifUrl) },
    { family: BUNDLED_TITLE, label: '思源黑体粗体（内置）', source: 'bundled', url: abs(hanSansBoldUrl) },
    { family: BUNDLED_FALLBACK, label: '思源黑体（内置，生僻字备用）', source: 'bundled', url: abs(hanSansRegularUrl), lazy: true },
  ];
}

/** The office machine's official fonts (none in browser mode). Unreadable fonts are skipped and logged. */
export async function systemFonts(): Promise<WorkerFont[]> {
  const listed = await desktopApi().listSystemFonts();
  if (!listed.ok) return [];
  const out: WorkerFont[] = [];
  for (const font of listed.value as SystemFont[]) {
    const family = SYSTEM_FAMILY_IDS[font.family] ?? `Sys${out.length}`;
    const read = await desktopApi().readSystemFont({ path: font.path });
    if (!read.ok) {
      console.warn(`[documents] system font ${font.path} unreadable: ${read.error.message}`);
      continue;
    }
    out.push({ family, label: `${font.family}（本机）`, source: 'system', bytes: read.value });
  }
  return out;
}

const CHOICE_KEY = 'credit-desk.documents.font-choice';

/** The office's font choice; by default the official system fonts where present (offices expect 仿宋). */
export function loadFontChoice(available: readonly string[]): FontChoice {
  try {
    const raw = globalThis.localStorage?.getItem(CHOICE_KEY);
    if (raw) {
      const parsed = JSON.parse(raw) as Partial<FontChoice>;
      if (Array.isArray(parsed.body) && Array.isArray(parsed.title) && Array.isArray(parsed.heading)) return parsed as FontChoice;
    }
  } catch {
    // fall through to the default
  }
  const pick = (ids: string[], fallback: readonly string[]): string[] => [...ids.filter((id) => available.includes(id)), ...fallback];
  return {
    body: pick(['SysFangSong', 'SysSong'], DEFAULT_CHOICE.body),
    title: pick(['SysXiaoBiaoSong', 'SysHei'], DEFAULT_CHOICE.title),
    heading: pick(['SysHei'], DEFAULT_CHOICE.heading),
  };
}

export function saveFontChoice(choice: FontChoice): void {
  globalThis.localStorage?.setItem(CHOICE_KEY, JSON.stringify(choice));
}
