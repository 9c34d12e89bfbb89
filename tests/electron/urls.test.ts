import { describe, expect, it, vi } from 'vitest';
import { isAppUrl, isDevServerUrl, openExternalSafely } from '../../electron/security/urls';

describe('isAppUrl', () => {
  it.each([
    ['app://credit-desk/index.html', true],
    ['app://credit-desk/', true],
    ['app://credit-desk/assets/index.js?x=1#/cases', true],
  ])('accepts %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });

  it.each([
    'https://evil.example/?next=app://credit-desk',
    'app://credit-desk.evil/',
    'app://user@credit-desk/',
    'app://user:pw@credit-desk/',
    'app://credit-desk:8080/',
    'APP://evil/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'http://127.0.0.1:5173/',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it.each([undefined, null, 42, {}, ['app://credit-desk/'], 'x'.repeat(5000)])('refuses non-strings and oversize input %#', (value) => {
    expect(isAppUrl(value)).toBe(false);
  });
});

describe('isDevServerUrl', () => {
  it('accepts only the configured loopback dev server origin', () => {
    expect(isDevServerUrl('http://127.0.0.1:5173/#/cases', 'http://127.0.0.1:5173')).toBe(true);
    expect(isDevServerUrl('http://127.0.0.1:5174/', 'http://127.0.0.1:5173')).toBe(false);
    expect(isDevServerUrl('http://127.0.0.1:5173/', undefined)).toBe(false);
    expect(isDevServerUrl('http://example.com:5173/', 'http://example.com:5173')).toBe(false);
  });
});

describe('openExternalSafely', () => {
  it.each(['https://www.creditchina.gov.cn/', 'http://127.0.0.1:8080/status'])('opens %s', async (url) => {
    const open = vi.fn(async () => undefined);
    await expect(openExternalSafely(url, open)).resolves.toBe(true);
    expect(open).toHaveBeenCalledWith(new URL(url).toString());
  });

  it.each([
    'javascript:alert(1)',
    'file:///C:/Windows/System32/calc.exe',
    'ms-msdt:/id PCWDiagnostic',
    '\\\\evil-host\\share\\x.exe',
    'smb://evil/share',
    'JaVaScRiPt:alert(1)',
    'https://user:pw@example.com/',
    'app://credit-desk/',
    42,
    undefined,
  ])('refuses %s', async (value) => {
    const open = vi.fn(async () => undefined);
    await expect(openExternalSafely(value, open)).resolves.toBe(false);
    expect(open).not.toHaveBeenCalled();
  });
});
