/**
 * App session state: the opened database (or why it could not be opened), the office profile,
 * the officer at the keyboard, "today" (injectable, see lib/clock.ts) and storage persistence.
 * Data lists are read with dexie-react-hooks' useLiveQuery, not copied here.
 */
import { create } from 'zustand';
import { openDatabase, setAppDb, type CreditDeskDb } from '../db/database';
import { getOffice, getSetting, putSetting, CURRENT_STAFF_KEY, type OfficeProfile } from '../db/repositories/settings';
import { ensureDevice } from '../db/repositories/device';
import { today as clockToday } from '../lib/clock';
import type { Actor } from '../../../shared/case/events';

export type StorageInfo = { persisted: boolean | null; usage: number | null; quota: number | null; supported: boolean };

export type AppState = Readonly<{
  status: 'opening' | 'ready' | 'refused' | 'error';
  message: string | null;
  db: CreditDeskDb | null;
  deviceId: string | null;
  office: OfficeProfile | null;
  staffName: string | null;
  today: string;
  storage: StorageInfo;
  init: () => Promise<void>;
  reloadOffice: () => Promise<void>;
  setStaff: (name: string) => Promise<void>;
  refreshStorage: (request?: boolean) => Promise<void>;
}>;

async function storageInfo(request: boolean): Promise<StorageInfo> {
  const s = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!s?.persist || !s.estimate) return { persisted: null, usage: null, quota: null, supported: false };
  const persisted = request ? await s.persist().catch(() => false) : await s.persisted().catch(() => false);
  const estimate = await s.estimate().catch(() => ({}) as StorageEstimate);
  return { persisted, usage: estimate.usage ?? null, quota: estimate.quota ?? null, supported: true };
}

let opening: ReturnType<typeof openDatabase> | undefined;

export const useAppStore = create<AppState>()((set, get) => ({
  status: 'opening',
  message: null,
  db: null,
  deviceId: null,
  office: null,
  staffName: null,
  today: clockToday(),
  storage: { persisted: null, usage: null, quota: null, supported: true },
  async init() {
    if (get().db) return;
    // React StrictMode runs effects twice: open the database once.
    opening ??= openDatabase();
    const result = await opening;
    if (get().db) return;
    if (!result.ok) {
      set({ status: result.reason === 'newer-version' ? 'refused' : 'error', message: result.message });
      return;
    }
    setAppDb(result.db);
    const device = await ensureDevice(result.db);
    const office = (await getOffice(result.db)) ?? null;
    const savedStaff = (await getSetting<string>(result.db, CURRENT_STAFF_KEY)) ?? null;
    const staffName = savedStaff && office?.staff.includes(savedStaff) ? savedStaff : (office?.staff[0] ?? null);
    set({ status: 'ready', db: result.db, deviceId: device.deviceId, office, staffName });
    if (typeof window !== 'undefined') {
      window.addEventListener('credit-desk:versionchange', () => set({ status: 'error', message: '数据库已被另一个窗口升级，请刷新本页面。' }));
    }
    void get().refreshStorage(true);
  },
  async reloadOffice() {
    const db = get().db;
    if (!db) return;
    const office = (await getOffice(db)) ?? null;
    const current = get().staffName;
    set({ office, staffName: current && office?.staff.includes(current) ? current : (office?.staff[0] ?? null) });
  },
  async setStaff(name) {
    const db = get().db;
    if (db) await putSetting(db, CURRENT_STAFF_KEY, name);
    set({ staffName: name });
  },
  async refreshStorage(request = false) {
    set({ storage: await storageInfo(request) });
  },
}));

/** The officer acting now (every event and audit row carries it). */
export function currentActor(): Actor {
  const { staffName, office } = useAppStore.getState();
  const name = staffName ?? '未指定经办人';
  return { userId: `staff:${name}`, name, ...(office ? { unit: office.name } : {}) };
}
