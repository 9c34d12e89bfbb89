import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { useAppStore, currentActor } from '../../renderer/src/stores/app-store';
import { saveOffice } from '../../renderer/src/db/repositories/settings';
import { getDb } from '../../renderer/src/db/database';
import { OFFICE, ACTOR } from './fixtures';

describe('app store', () => {
  it('opens the database, loads the office, remembers the acting officer', async () => {
    await useAppStore.getState().init();
    const s = useAppStore.getState();
    expect(s.status).toBe('ready');
    expect(s.office).toBeNull();
    expect(s.deviceId).toHaveLength(26);
    expect(s.storage.supported).toBe(false);
    expect(currentActor().name).toBe('未指定经办人');
    await saveOffice(getDb(), OFFICE, ACTOR);
    await useAppStore.getState().reloadOffice();
    expect(useAppStore.getState().office?.name).toBe(OFFICE.name);
    expect(useAppStore.getState().staffName).toBe('李办');
    await useAppStore.getState().setStaff('王审');
    expect(currentActor()).toMatchObject({ userId: 'staff:王审', name: '王审', unit: OFFICE.name });
    expect((await getDb().settings.get('currentStaff'))?.value).toBe('王审');
    expect(await getDb().auditLog.where('entityId').equals('office').count()).toBe(1);
  });
});
