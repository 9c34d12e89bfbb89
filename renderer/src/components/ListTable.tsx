import { Table, type TableProps } from 'antd';
import { memo, type ReactElement } from 'react';

export type ListTableProps<T> = TableProps<T> & { 'data-testid'?: string; 'data-rows-for'?: string | undefined };

/**
 * The antd (virtual) table of a searchable list, re-rendered only when what it shows changes: its
 * rows, what they are for, loading, the empty text or the columns — never on a keystroke in the
 * search box above it (typing changes the list's state, not its rows). Handlers (onRow, onScroll)
 * are not compared: each page's handlers depend only on what is compared here.
 * Columns must be a stable array (module constant or useMemo).
 */
function ListTableImpl<T extends object>(props: ListTableProps<T>): ReactElement {
  return <Table<T> {...props} />;
}

const same = <T,>(a: ListTableProps<T>, b: ListTableProps<T>) =>
  a.dataSource === b.dataSource && a['data-rows-for'] === b['data-rows-for'] && a.loading === b.loading && a.columns === b.columns && a.locale?.emptyText === b.locale?.emptyText;

export const ListTable = memo(ListTableImpl, same) as <T extends object>(props: ListTableProps<T>) => ReactElement;
