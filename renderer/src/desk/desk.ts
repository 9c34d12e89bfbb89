/**
 * The desk: everything a use case needs besides its input. Pages get it from the app store
 * (`useDesk()`), tests build one over fake-indexeddb with `createDesk(db, …)`.
 *
 *  - `db`: the opened IndexedDB database (office data, or the separate training database);
 *  - `clock`: the legal date (`today`) and the device time (`now`, evidence only);
 *  - `session`: who acts (every event and audit row carries the actor);
 *  - `ids`: client-made ULIDs;
 *  - `vault`: seals personal fields before they are stored and opens them after they are read (the
 *    database's vault middleware calls it; ./vault/);
 *  - `mode`: 'office' or 'training' (a training desk never syncs and may fix its date).
 *
 * Only the desk layer (this folder) opens Dexie transactions; React components call use cases and
 * read through the hooks in ./hooks.ts.
 */
import type { CreditDeskDb } from '../db/database';
import { newId, type IdMaker } from '../db/ids';
import type { Actor } from '../../../shared/case/events';
import { ROLES, type Role } from '../../../shared/users/roles';
import type { IsoDate } from '../../../shared/util/dates';
import type { Vault } from './vault/vault';
import { localDayOf } from '../format/time';

export type DeskClock = {
  /** The office's legal date (YYYY-MM-DD, local time zone). */
  today(): IsoDate;
  /** Device time as an ISO-8601 UTC timestamp (evidence: recordedAt, audit rows). */
  now(): string;
};

export type DeskSession = {
  /** The officer acting now. */
  actor(): Actor;
  /** The roles of that officer (the desk refuses what they do not grant: ./users/permissions.ts). */
  roles(): readonly Role[];
};

export { PLAINTEXT_VAULT, type Vault } from './vault/vault';

export type DeskMode = 'office' | 'training';

/** One page of a paged list: `hasMore` says whether a next page exists. */
export type Page<T> = { rows: T[]; hasMore: boolean };

export type Desk = {
  readonly db: CreditDeskDb;
  readonly clock: DeskClock;
  readonly session: DeskSession;
  readonly ids: IdMaker;
  readonly vault: Vault;
  readonly mode: DeskMode;
  /**
   * 'required': 列入、移出 and 修复决定 wait for a four-eyes approval (users/decisions.ts). Off until the
   * app's login and approval screens are wired (then the app store sets it for every desk).
   */
  readonly approvals?: 'required';
};

/** The local calendar date of a device time (the display zone of renderer/src/format/time). */
export function localDateOf(ms: number): IsoDate {
  return localDayOf(ms);
}

export const SYSTEM_CLOCK: DeskClock = {
  today: () => localDateOf(Date.now()),
  now: () => new Date().toISOString(),
};

/** A clock whose legal date is fixed (training and tests); device time stays real. */
export function fixedDateClock(today: IsoDate): DeskClock {
  return { today: () => today, now: () => new Date().toISOString() };
}

/**
 * A fixed officer (tests, the bench, the demo loader). Without `roles` the officer holds every role;
 * the app's session is the logged-in account (./users/session.ts).
 */
export function staticSession(actor: Actor, roles: readonly Role[] = ROLES): DeskSession {
  return { actor: () => actor, roles: () => roles };
}

export type DeskOptions = Partial<Omit<Desk, 'db'>>;

export function createDesk(db: CreditDeskDb, options: DeskOptions = {}): Desk {
  // The database's middleware seals with the desk's vault: one vault per database.
  if (options.vault) db.vault = options.vault;
  return {
    db,
    clock: options.clock ?? SYSTEM_CLOCK,
    session: options.session ?? staticSession({ userId: 'staff:未指定经办人', name: '未指定经办人' }),
    ids: options.ids ?? newId,
    vault: db.vault,
    mode: options.mode ?? 'office',
    ...(options.approvals ? { approvals: options.approvals } : {}),
  };
}

/** The same desk with another legal date (tests, and the fold of a case "as of" a date). */
export function withToday(desk: Desk, today: IsoDate): Desk {
  return { ...desk, clock: { today: () => today, now: desk.clock.now } };
}
