/**
 * 培训模式 kept apart from the office's data: its own database, demo data only there, never synced
 * or exported, and a fixed date (`?today=`) honoured only there.
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DB_NAME, TRAINING_DB_NAME } from '../../renderer/src/db/database';
import { NOT_CONFIGURED_ZH, PLATFORM_SETTINGS_TITLE, TRAINING_NO_SYNC_ZH } from '../../renderer/src/desk/sync';
import { FIXTURE_COMPANY } from './fixtures';

// The page URL of a browser session that asks for a fixed date while opening the office's data.
const storage = new Map<string, string>();
(globalThis as Record<string, unknown>).window = {
  location: { search: '?mode=office&today=2027-03-01' },
  localStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v), removeItem: (k: string) => void storage.delete(k) },
  addEventListener: () => undefined,
  dispatchEvent: () => true,
};

const { useAppStore } = await import('../../renderer/src/stores/app-store');
const desk = await import('../../renderer/src/desk');
const sync = await import('../../renderer/src/desk/sync');

describe('培训模式 apart from the office', () => {
  let officeOutbox = 0;
  let officeSubjects = 0;

  beforeAll(async () => {
    await useAppStore.getState().init();
  });

  it('the office desk ignores ?today= and always runs on the machine date', () => {
    const s = useAppStore.getState();
    expect(s.mode).toBe('office');
    expect(s.fixedToday).toBe(false);
    expect(s.desk!.clock.today()).not.toBe('2027-03-01');
    expect(s.desk!.db.name).toBe(DB_NAME);
  });

  it('日终同步 before the connection is set says what is missing and where to set it', async () => {
    const office = useAppStore.getState().desk!;
    const registered = await desk.registerSubject(office, FIXTURE_COMPANY);
    expect(registered.ok).toBe(true);
    officeOutbox = await office.db.outbox.count();
    officeSubjects = await office.db.subjects.count();
    expect(officeOutbox).toBeGreaterThan(0);
    const report = await sync.runSync(office, 'dev-office');
    expect(report.outcome).toBe('error');
    expect(report.messageZh).toBe(NOT_CONFIGURED_ZH);
    expect(report.messageZh).toContain(`“${PLATFORM_SETTINGS_TITLE}”`);
    expect(report.messageZh).toContain('单位令牌');
    expect(report.remaining).toBe(officeOutbox);
    await expect(sync.exportSneakernet(office, 'dev-office')).rejects.toMatchObject({ messageZh: expect.stringContaining(PLATFORM_SETTINGS_TITLE) });
  });

  it('training opens its own database with the fixed date; demo data, sync and export stay there', async () => {
    await useAppStore.getState().switchMode('training');
    const s = useAppStore.getState();
    const training = s.desk!;
    expect(training.db.name).toBe(TRAINING_DB_NAME);
    expect(s.fixedToday).toBe(true);
    expect(training.clock.today()).toBe('2027-03-01');
    expect(await desk.loadDemoData(training)).toMatchObject({ ok: true });
    expect(await training.db.outbox.count()).toBeGreaterThan(0);

    const report = await sync.runSync(training, 'dev-training');
    expect(report).toMatchObject({ outcome: 'error', sent: 0, messageZh: TRAINING_NO_SYNC_ZH });
    await expect(sync.savePlatformConfig(training, { baseUrl: 'https://xyxx.example.gov.cn', officeId: 'X', token: 'T' })).rejects.toMatchObject({ messageZh: expect.stringContaining('培训模式') });
    expect(await sync.getPlatformConfig(training)).toBeUndefined();
    await expect(sync.exportSneakernet(training, 'dev-training')).rejects.toMatchObject({ messageZh: expect.stringContaining('培训模式') });
  });

  it('the office database is untouched by the training session', async () => {
    await useAppStore.getState().switchMode('office');
    const office = useAppStore.getState().desk!;
    expect(office.db.name).toBe(DB_NAME);
    expect(await office.db.outbox.count()).toBe(officeOutbox);
    expect(await office.db.subjects.count()).toBe(officeSubjects);
    expect(await office.db.subjects.filter((r) => (r.name ?? r.pii?.name ?? '').startsWith('示例县虚构置业')).count()).toBe(0);
    expect(await desk.loadDemoData(office)).toMatchObject({ ok: false, reason: expect.stringContaining('培训模式') });
  });

  it('清空培训数据 deletes the training database only', async () => {
    await useAppStore.getState().switchMode('training');
    await desk.wipeTrainingData(useAppStore.getState().desk!);
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain(TRAINING_DB_NAME);
    expect(names).toContain(DB_NAME);
  });
});
