import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The architecture's import boundaries are lint rules (eslint.config.mjs); these tests prove the
// rules fire, so a config change cannot silently switch them off.
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('shared/ stays pure', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';\nexport const x = readFileSync;", 'no-restricted-imports'],
    ["import { app } from 'electron';\nexport const x = app;", 'no-restricted-imports'],
    ["import Dexie from 'dexie';\nexport const x = Dexie;", 'no-restricted-imports'],
    ["import { useState } from 'react';\nexport const x = useState;", 'no-restricted-imports'],
    ["import { db } from '../renderer/src/db/database';\nexport const x = db;", 'no-restricted-imports'],
    ['export const x = () => document.title;', 'no-restricted-globals'],
    ['export const x = () => window.location.href;', 'no-restricted-globals'],
    ['export const x = () => localStorage.getItem("a");', 'no-restricted-globals'],
    ['export const x = () => crypto.randomUUID();', 'no-restricted-globals'],
    ['export const x = () => Date.now();', 'no-restricted-properties'],
    ['export const x = () => Math.random();', 'no-restricted-properties'],
  ])('refuses %s', async (code, rule) => {
    expect(await ruleIds(code, 'shared/example/bad.ts')).toContain(rule);
  });

  it('accepts pure code', async () => {
    expect(await ruleIds("export function add(a: number, b: number): number {\n  return a + b;\n}\n", 'shared/example/good.ts')).toEqual([]);
  });
});

describe('renderer/ does not import electron/', () => {
  it('refuses electron and main-process modules', async () => {
    expect(await ruleIds("import { app } from 'electron';\nexport const x = app;\n", 'renderer/src/bad.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { createHandlers } from '../../electron/ipc/handlers';\nexport const x = createHandlers;\n", 'renderer/src/bad.ts')).toContain('no-restricted-imports');
  });

  it('allows the IPC contract types', async () => {
    expect(await ruleIds("import type { DesktopApi } from '../../electron/ipc/contract';\nexport type X = DesktopApi;\n", 'renderer/src/good.ts')).toEqual([]);
  });
});

describe('tests', () => {
  it('refuses focused tests', async () => {
    expect(await ruleIds("import { it } from 'vitest';\nit.only('x', () => undefined);\n", 'tests/example.test.ts')).toContain('no-restricted-syntax');
  });
});
