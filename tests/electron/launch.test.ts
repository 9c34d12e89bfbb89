import { describe, expect, it, vi } from 'vitest';
import { enforceSingleInstance, focusWindow, launchSettings } from '../../electron/app/launch';
import { mainWindowOptions } from '../../electron/windows/main-window-options';

describe('launch settings', () => {
  const env = { CREDIT_DESK_DEV_SERVER_URL: 'http://evil.example:5173', CREDIT_DESK_DEVTOOLS: '1' };

  it('ignores the development switches when packaged', () => {
    expect(launchSettings(env, true)).toEqual({ devTools: false });
    expect(mainWindowOptions('/app/preload.cjs', launchSettings(env, true).devTools).webPreferences?.devTools).toBe(false);
  });

  it('uses them in development', () => {
    expect(launchSettings(env, false)).toEqual({ devServerUrl: 'http://evil.example:5173', devTools: true });
    expect(launchSettings({}, false)).toEqual({ devTools: true });
  });
});

describe('single instance', () => {
  function fakeApp(gotLock: boolean) {
    const listeners: Record<string, () => void> = {};
    return { requestSingleInstanceLock: vi.fn(() => gotLock), quit: vi.fn(), on: (event: string, listener: () => void) => (listeners[event] = listener), listeners };
  }

  it('quits a second instance without opening anything', () => {
    const app = fakeApp(false);
    const focus = vi.fn();
    expect(enforceSingleInstance(app, focus)).toBe(false);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.listeners['second-instance']).toBeUndefined();
  });

  it('brings the first instance to the front when a second one starts', () => {
    const app = fakeApp(true);
    const window = { isDestroyed: () => false, isMinimized: () => true, restore: vi.fn(), show: vi.fn(), focus: vi.fn() };
    expect(enforceSingleInstance(app, () => focusWindow(window))).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.listeners['second-instance']!();
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(() => focusWindow(undefined)).not.toThrow();
  });
});
