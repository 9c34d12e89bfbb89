/**
 * Reading for React: live queries over the desk. A component passes a read function of the desk
 * layer (`searchCases`, `foldStoredCase`, …); the hook re-runs it when the tables it read change.
 * Components never touch Dexie or the database module themselves.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { DependencyList } from 'react';
import { useAppStore } from '../stores/app-store';
import type { Desk } from './desk';

/** The value of `read(desk)`, kept live; undefined while loading or before the desk is open. */
export function useDeskQuery<T>(read: (desk: Desk) => Promise<T> | T, deps: DependencyList): T | undefined {
  const desk = useAppStore((s) => s.desk);
  // The desk identity and the caller's dependencies decide when to re-run (read is a fresh closure).
  return useLiveQuery(async () => (desk ? read(desk) : undefined), [desk, ...deps]);
}
