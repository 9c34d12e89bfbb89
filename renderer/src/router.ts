import { useSyncExternalStore } from 'react';

/** Top-level sections of the app, in navigation order. */
export const SECTIONS = [
  { key: 'cases', label: '案件' },
  { key: 'subjects', label: '主体' },
  { key: 'deadlines', label: '期限' },
  { key: 'documents', label: '文书' },
  { key: 'statistics', label: '统计' },
  { key: 'exchange', label: '导入导出' },
  { key: 'sync', label: '同步' },
  { key: 'settings', label: '设置' },
] as const;

export type SectionKey = (typeof SECTIONS)[number]['key'];

export type Route = { section: SectionKey; params: string[] };

const DEFAULT_ROUTE: Route = { section: 'cases', params: [] };

/** Parse `#/cases/01J…` into a route; unknown sections fall back to 案件. */
export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [head, ...params] = parts;
  const section = SECTIONS.find((s) => s.key === head)?.key;
  return section ? { section, params } : DEFAULT_ROUTE;
}

export function navigate(section: SectionKey, ...params: string[]): void {
  window.location.hash = `#/${[section, ...params].map(encodeURIComponent).join('/')}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}
