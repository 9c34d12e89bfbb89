import { describe, expect, it } from 'vitest';
import { isPermissionAllowed, PERMISSIONS } from '../../electron/security/permissions';

describe('permissions', () => {
  it('allows listed permissions for the app origin only', () => {
    expect(isPermissionAllowed('notifications', 'app://credit-desk/index.html')).toBe(true);
    expect(isPermissionAllowed('notifications', 'https://evil.example/')).toBe(false);
    expect(isPermissionAllowed('notifications', undefined)).toBe(false);
  });

  it('denies every permission marked false and every unknown one', () => {
    for (const [name, allowed] of Object.entries(PERMISSIONS)) {
      if (!allowed) expect(isPermissionAllowed(name, 'app://credit-desk/')).toBe(false);
    }
    expect(isPermissionAllowed('some-future-permission', 'app://credit-desk/')).toBe(false);
    expect(isPermissionAllowed('media', 'app://credit-desk/')).toBe(false);
  });
});
