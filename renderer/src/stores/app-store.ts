/**
 * App session state: the open desk (office data, or the separate training database), why it could
 * not be opened, the office profile, the officer at the keyboard, and storage persistence.
 * Data lists are read through the desk's hooks (renderer/src/desk/hooks.ts), not copied here.
 *
 * Training mode (培训模式) is a different IndexedDB database (`credit-desk-training`): fictional demo
 * data, never synced, wiped in one click. A fixed legal date (`?today=YYYY-MM-DD`) is honoured only
 * there; the office's real desk always uses the machine's calendar date.
 */
import { create } from 'zustand';
import { openDatabase, DB_NAME, TRAINING_DB_NAME, type CreditDeskDb } from '../db/database';
import { createDesk, fixedDateClock, SYSTEM_CLOCK, type Desk, type DeskMode, type DeskSession } from '../desk/desk';
import { getOffice, getSetting, putPreference, CURRENT_STAFF_KEY, type OfficeProfile } from '../desk/settings';
import { ensureDevice } from '../desk/device';
import { newId } from '../db/ids';
import { isIsoDate, type IsoDate } from '../../../shared/util/dates';
import type { Actor } from '../../../shared/case/events';
import { ROLES } from '../../../shared/users/roles';
import { attachVault, browserDeviceKeys, type AttachedVault } from '../desk/vault';
import { desktopApi } from '../bridge/desktop';
import { createBrowserBridge } from '../bridge/browser-bridge';

export type StorageInfo = { persisted: boolean | null; usage: number | null; quota: number | null; supported: boolean };

export type AppState = Readonly<{
  status: 'opening' | 'ready' | 'refused' | 'error';
  message: string | null;
  mode: DeskMode;
  desk: Desk | null;
  deviceId: string | null;
  office: OfficeProfile | null;
  staffName: string | null;
  today: string;
  /** Whether the legal date is fixed (training only). */
  fixedToday: boolean;
  storage: StorageInfo;
  /** The data key is not at hand yet (only a login unlocks it): personal data cannot be read or written. */
  vaultLocked: string | null;
  init: () => Promise<void>;
  /** Switch between the office's data and the training database (reopens the desk). */
  switchMode: (mode: DeskMode) => Promise<void>;
  reloadOffice: () => Promise<void>;
  setStaff: (name: string) => Promise<void>;
  refreshStorage: (request?: boolean) => Promise<void>;
}>;

const MODE_KEY = 'credit-desk.mode';

function readMode(): DeskMode {
  if (typeof window === 'undefined') return 'office';
  const fromQuery = new URLSearchParams(window.location.search).get('mode');
  if (fromQuery === 'training' || fromQuery === 'office') {
    window.localStorage?.setItem(MODE_KEY, fromQuery);
    return fromQuery;
  }
  return window.localStorage?.getItem(MODE_KEY) === 'training' ? 'training' : 'office';
}

/** `?today=` of the page URL, honoured only in training mode. */
function injectedToday(mode: DeskMode): IsoDate | null {
  if (mode !== 'training' || typeof window === 'undefined') return null;
  const fromQuery = new URLSearchParams(window.location.search).get('today');
  return fromQuery && isIsoDate(fromQuery) ? fromQuery : null;
}

async function storageInfo(request: boolean): Promise<StorageInfo> {
  const s = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!s?.persist || !s.estimate) return { persisted: null, usage: null, quota: null, supported: false };
  const persisted = request ? await s.persist().catch(() => false) : await s.persisted().catch(() => false);
  const estimate = await s.estimate().catch(() => ({}) as StorageEstimate);
  return { persisted, usage: estimate.usage ?? null, quota: estimate.quota ?? null, supported: true };
}

// Until the login screen is wired, the picked 经办人 acts with every role.
const session: DeskSession = { actor: () => currentActor(), roles: () => ROLES };

let opening: Promise<void> | undefined;
let attached: AttachedVault | undefined;

export const useAppStore = create<AppState>()((set, get) => {
  async function open(mode: DeskMode): Promise<void> {
    const result = await openDatabase(mode === 'training' ? TRAINING_DB_NAME : DB_NAME);
    if (!result.ok) {
      set({ status: result.reason === 'newer-version' ? 'refused' : 'error', message: result.message, mode });
      return;
    }
    const fixed = injectedToday(mode);
    attached?.detach();
    const db = result.db;
    attached = await attachVault(
      db,
      { api: typeof window === 'undefined' ? createBrowserBridge() : desktopApi(), deviceKeys: browserDeviceKeys(mode === 'training' ? 'credit-desk-training-vault-key' : 'credit-desk-vault-key'), now: () => new Date().toISOString(), log: (m) => console.warn(m), info: (m) => console.info(m) },
      () => void ensureDevice(db, newId).then((device) => set({ deviceId: device.deviceId, vaultLocked: null })),
    );
    const desk = createDesk(db, { clock: fixed ? fixedDateClock(fixed) : SYSTEM_CLOCK, session, ids: newId, mode, vault: attached.holder });
    const locked = attached.state.state === 'locked' ? attached.state.messageZh : null;
    const device = locked ? null : await ensureDevice(db, newId);
    const office = (await getOffice(db)) ?? null;
    const savedStaff = (await getSetting<string>(db, CURRENT_STAFF_KEY)) ?? null;
    const staffName = savedStaff && office?.staff.includes(savedStaff) ? savedStaff : (office?.staff[0] ?? null);
    set({ status: 'ready', message: null, mode, desk, deviceId: device?.deviceId ?? null, office, staffName, today: desk.clock.today(), fixedToday: fixed !== null, vaultLocked: locked });
  }
  return {
    status: 'opening',
    message: null,
    mode: 'office',
    desk: null,
    deviceId: null,
    office: null,
    staffName: null,
    today: SYSTEM_CLOCK.today(),
    fixedToday: false,
    storage: { persisted: null, usage: null, quota: null, supported: true },
    vaultLocked: null,
    async init() {
      if (get().desk) return;
      // React StrictMode runs effects twice: open the database once.
      opening ??= open(readMode());
      await opening;
      if (typeof window !== 'undefined') {
        window.addEventListener('credit-desk:versionchange', () => set({ status: 'error', message: '数据库已被另一个窗口升级，请刷新本页面。' }));
      }
      void get().refreshStorage(true);
    },
    async switchMode(mode) {
      const current = get().desk;
      if (current && current.mode === mode) return;
      if (typeof window !== 'undefined') window.localStorage?.setItem(MODE_KEY, mode);
      current?.db.close();
      set({ status: 'opening', desk: null, office: null });
      opening = open(mode);
      await opening;
    },
    async reloadOffice() {
      const desk = get().desk;
      if (!desk) return;
      const office = (await getOffice(desk.db)) ?? null;
      const current = get().staffName;
      set({ office, staffName: current && office?.staff.includes(current) ? current : (office?.staff[0] ?? null) });
    },
    async setStaff(name) {
      const desk = get().desk;
      if (desk) await putPreference(desk, CURRENT_STAFF_KEY, name);
      set({ staffName: name });
    },
    async refreshStorage(request = false) {
      set({ storage: await storageInfo(request) });
    },
  };
});

/** The open desk (components call use cases with it). Throws before the desk is open. */
export function useDesk(): Desk {
  const desk = useAppStore((s) => s.desk);
  if (!desk) throw new Error('desk not open yet');
  return desk;
}

/** The officer acting now (every event and audit row carries it). */
export function currentActor(): Actor {
  const { staffName, office } = useAppStore.getState();
  const name = staffName ?? '未指定经办人';
  return { userId: `staff:${name}`, name, ...(office ? { unit: office.name } : {}) };
}

export type { CreditDeskDb };
