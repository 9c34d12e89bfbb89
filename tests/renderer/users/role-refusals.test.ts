/**
 * The desk refuses, by role, what the buttons also hide (issue 10 §1): a 经办人 cannot allocate 号段,
 * change settings, rule sets, calendars or accounts; a 审核人 allocates 号段; a 管理员 changes settings.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CreditDeskDb } from '../../../renderer/src/db/database';
import { createDesk, fixedDateClock, staticSession, type Desk } from '../../../renderer/src/desk/desk';
import { allocateNumberBlock } from '../../../renderer/src/desk/documents';
import { putAuditedSetting, saveOffice } from '../../../renderer/src/desk/settings';
import { syncOfficeRuleSets } from '../../../renderer/src/desk/rules';
import { importHolidaySchedule } from '../../../renderer/src/desk/calendars';
import { saveSamplingRatios, saveSchemeSettings } from '../../../renderer/src/desk/grading-schemes';
import { savePlatformConfig } from '../../../renderer/src/desk/sync';
import { resetLocalData, RESET_CONFIRMATION } from '../../../renderer/src/desk/reset';
import { createAccount, resetPassword, setActive, setRoles } from '../../../renderer/src/desk/users/accounts';
import type { Role } from '../../../shared/users/roles';
import { OFFICE } from '../fixtures';
import { uniqueDbName } from '../../helpers/dexie';

async function deskAs(roles: Role[]): Promise<Desk> {
  const db = new CreditDeskDb(uniqueDbName('roles'));
  await db.open();
  return createDesk(db, { clock: fixedDateClock('2026-10-12'), session: staticSession({ userId: 'u-1', name: '某人' }, roles) });
}

const BLOCK = { officeId: OFFICE.officeId, kind: 'listing-decision' as const, year: 2026, deviceId: 'dev-1', first: 1, last: 100 };
const ROLE_REQUIRED = { ok: false, code: 'role_required' };

describe('role refusals in the desk layer', () => {
  it('a 经办人 cannot allocate 号段; a 审核人 can', async () => {
    const clerk = await deskAs(['clerk']);
    expect(await allocateNumberBlock(clerk, BLOCK)).toMatchObject({ ...ROLE_REQUIRED, reason: expect.stringContaining('审核人') });
    expect(await clerk.db.table('numberBlocks').count()).toBe(0);
    expect(await allocateNumberBlock(await deskAs(['reviewer']), BLOCK)).toMatchObject({ ok: true });
  });

  it('a 管理员 cannot allocate 号段 without the 审核人 role', async () => {
    expect(await allocateNumberBlock(await deskAs(['admin']), BLOCK)).toMatchObject(ROLE_REQUIRED);
  });

  it('a 经办人 or 审核人 cannot change office settings, audited settings or calendars', async () => {
    for (const roles of [['clerk'], ['reviewer']] as Role[][]) {
      const desk = await deskAs(roles);
      expect(await saveOffice(desk, OFFICE)).toMatchObject({ ...ROLE_REQUIRED, reason: expect.stringContaining('管理员') });
      expect(await putAuditedSetting(desk, 'idleLockMinutes', 5, '设置空闲锁定时间')).toMatchObject(ROLE_REQUIRED);
      expect(await importHolidaySchedule(desk, { year: 2027, days: [] })).toMatchObject(ROLE_REQUIRED);
      await expect(savePlatformConfig(desk, { baseUrl: 'https://platform.example', officeId: 'o', token: 't' })).rejects.toMatchObject({ messageZh: expect.stringContaining('管理员') });
      expect(await resetLocalData(desk, RESET_CONFIRMATION)).toMatchObject({ ok: false, code: 'role_required' });
      expect(await desk.db.settings.count()).toBe(0);
      expect(await desk.db.auditLog.count()).toBe(0);
    }
    expect(await saveOffice(await deskAs(['admin']), OFFICE)).toEqual({ ok: true });
  });

  it('a 经办人 cannot change rule sets (office periods, points schemes, sampling ratios)', async () => {
    const clerk = await deskAs(['clerk']);
    expect(await syncOfficeRuleSets(clerk, OFFICE)).toMatchObject(ROLE_REQUIRED);
    expect(await saveSchemeSettings(clerk, 'any', {} as never)).toMatchObject(ROLE_REQUIRED);
    expect(await saveSamplingRatios(clerk, 'any', {}, {} as never)).toMatchObject(ROLE_REQUIRED);
    expect(await clerk.db.ruleSets.count()).toBe(0);
    const admin = await deskAs(['admin']);
    expect(await syncOfficeRuleSets(admin, OFFICE)).toMatchObject({ ok: true });
  });

  it('a 经办人 cannot create accounts, change roles, disable accounts or reset passwords', async () => {
    const clerk = await deskAs(['clerk']);
    expect(await createAccount(clerk, { loginName: 'x1', name: '某', password: 'some-password', roles: ['admin'] })).toMatchObject(ROLE_REQUIRED);
    expect(await setRoles(clerk, 'u-1', ['admin'])).toMatchObject(ROLE_REQUIRED);
    expect(await setActive(clerk, 'u-1', false)).toMatchObject(ROLE_REQUIRED);
    expect(await resetPassword(clerk, 'u-1', 'some-password')).toMatchObject(ROLE_REQUIRED);
    expect(await clerk.db.users.count()).toBe(0);
  });
});
