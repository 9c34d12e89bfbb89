import { Input } from 'antd';
import { useEffect, useState } from 'react';

/** The value after it has stopped changing for `ms` (typing does not query on every key). */
export function useDebounced<T>(value: T, ms = 250): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** The query and page of a searchable, paged list: a new query starts again at the first page. */
export function usePagedSearch() {
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const debouncedQuery = useDebounced(query);
  const changeQuery = (value: string) => {
    setQuery(value);
    setPage(0);
  };
  return { query, debouncedQuery, page, setPage, changeQuery };
}

export function SearchBox({ value, onChange, placeholder, width, testId }: { value: string; onChange: (value: string) => void; placeholder: string; width: number; testId: string }) {
  return <Input.Search allowClear placeholder={placeholder} style={{ width }} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} />;
}
