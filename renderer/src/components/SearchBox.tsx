import { Input, Segmented } from 'antd';
import { useEffect, useState } from 'react';
import { SEARCH_MATCH_LABELS, type SearchMatch } from '../desk';

/**
 * Typing pauses this long before a search runs. Short: a search reads one index range (≈ tens of
 * ms on a county), so the whole keystroke-to-rows path stays under 150 ms.
 */
export const SEARCH_DEBOUNCE_MS = 30;

/** The value after it has stopped changing for `ms` (typing does not query on every key). */
export function useDebounced<T>(value: T, ms = SEARCH_DEBOUNCE_MS): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** The query of a searchable list and the way of matching the officer chose (a new query resets it). */
export function useSearchQuery() {
  const [query, setQuery] = useState('');
  const [prefer, setPrefer] = useState<SearchMatch | null>(null);
  const debouncedQuery = useDebounced(query);
  const changeQuery = (value: string) => {
    setQuery(value);
    setPrefer(null);
  };
  return { query, debouncedQuery, prefer, setPrefer, changeQuery };
}

export function SearchBox({ value, onChange, placeholder, width, testId }: { value: string; onChange: (value: string) => void; placeholder: string; width: number; testId: string }) {
  return <Input.Search allowClear placeholder={placeholder} style={{ width }} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} />;
}

/** Which way the search matched, and the other ways that also have hits (click to switch). */
export function MatchSwitch({ match, matches, onChange }: { match: SearchMatch | null; matches: SearchMatch[]; onChange: (m: SearchMatch) => void }) {
  if (!match) return null;
  return (
    <span data-testid="search-match" data-match={match}>
      按
      <Segmented<SearchMatch> size="small" value={match} onChange={onChange} options={matches.map((m) => ({ value: m, label: SEARCH_MATCH_LABELS[m] }))} style={{ margin: '0 4px' }} />
      匹配
    </span>
  );
}
