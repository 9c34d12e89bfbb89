import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { useAppStore, currentActor } from '../../renderer/src/stores/app-store';
import { saveOffice } from '../../renderer/src/desk/settings';
import { DB_NAME, TRAINING_DB_NAME } from '../../renderer/src/db/database';
import { OFFICE } from './fixtures';

describe('app store', () => {
  it('opens the office desk, loads the office, remembers the acting officer', async () => {
    await useAppStore.getState().init();
    const s = useAppStore.getState();
    expect(s.status).toBe('ready');
    expect(s.mode).toBe('office');
    expect(s.desk?.db.name).toBe(DB_NAME);
    expect(s.office).toBeNull();
    expect(s.deviceId).toHaveLength(26);
    expect(s.storage.supported).toBe(false);
    expect(currentActor().name).toBe('未指定经办人');
    const desk = s.desk!;
    await saveOffice(desk, OFFICE);
    await useAppStore.getState().reloadOffice();
    expect(useAppStore.getState().office?.name).toBe(OFFICE.name);
    expect(useAppStore.getState().staffName).toBe('李办');
    await useAppStore.getState().setStaff('王审');
    expect(currentActor()).toMatchObject({ userId: 'staff:王审', name: '王审', unit: OFFICE.name });
    expect((await desk.db.settings.get('currentStaff'))?.value).toBe('王审');
    expect(await desk.db.auditLog.where('entityId').equals('office').count()).toBe(1);
  });

  it('training mode opens its own database, apart from the office data', async () => {
    await useAppStore.getState().init();
    await useAppStore.getState().switchMode('training');
    const s = useAppStore.getState();
    expect(s.mode).toBe('training');
    expect(s.desk?.mode).toBe('training');
    expect(s.desk?.db.name).toBe(TRAINING_DB_NAME);
    expect(s.office).toBeNull();
    await useAppStore.getState().switchMode('office');
    expect(useAppStore.getState().desk?.db.name).toBe(DB_NAME);
  });
});
