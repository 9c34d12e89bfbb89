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
    // The fence is an allowlist: none of these is on it.
    ["import { readFile } from 'fs/promises';\nexport const x = readFile;", 'no-restricted-imports'],
    ["import { cpus } from 'os';\nexport const x = cpus;", 'no-restricted-imports'],
    ["import { jsx } from 'react/jsx-runtime';\nexport const x = jsx;", 'no-restricted-imports'],
    ["import { Button } from 'antd';\nexport const x = Button;", 'no-restricted-imports'],
    ["import { create } from 'zustand';\nexport const x = create;", 'no-restricted-imports'],
    ["import type { App } from 'electron';\nexport type X = App;", 'no-restricted-imports'],
    ["export * from 'dayjs';", 'no-restricted-imports'],
    ["export const x = () => import('electron');", 'no-restricted-syntax'],
    ['export const x = () => new Date();', 'no-restricted-syntax'],
    ['export const x = () => Date();', 'no-restricted-syntax'],
    ['export const x = () => globalThis.crypto.getRandomValues(new Uint8Array(4));', 'no-restricted-globals'],
    ['export const x = () => self.location.href;', 'no-restricted-globals'],
    ['export const x = () => performance.now();', 'no-restricted-globals'],
    ["export const x = () => require('fs');", 'no-restricted-globals'],
    ['export const x = () => setTimeout(() => undefined, 1);', 'no-restricted-globals'],
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

  it.each([
    "import { z } from 'zod';\nexport const s = z.string();",
    "import { sha256 } from '@noble/hashes/sha2.js';\nexport const x = sha256;",
    "import { canonicalJson } from '../util/canonical-json';\nexport const x = canonicalJson;",
    "import { x } from './sibling';\nexport const y = x;",
    'export const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);',
  ])('accepts what the allowlist permits: %s', async (code) => {
    expect(await ruleIds(code, 'shared/example/good.ts')).toEqual([]);
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

describe('React components go through the desk service layer', () => {
  it.each([
    "import Dexie from 'dexie';\nexport const X = () => <div>{String(Dexie)}</div>;",
    "import { useLiveQuery } from 'dexie-react-hooks';\nexport const X = () => <div>{String(useLiveQuery)}</div>;",
    "import { db } from '../db/database';\nexport const X = () => <div>{String(db)}</div>;",
    "import type { CaseRow } from '../../db/types';\nexport const X = (p: { row: CaseRow }) => <div>{p.row.id}</div>;",
  ])('refuses Dexie and the db module in a .tsx file: %s', async (code) => {
    expect(await ruleIds(code, 'renderer/src/pages/NewPage.tsx')).toContain('no-restricted-imports');
  });

  it('lets a desk module import the database', async () => {
    expect(await ruleIds("import { db } from '../db/database';\nexport const x = db;\n", 'renderer/src/desk/cases.ts')).toEqual([]);
  });

  it('opens Dexie transactions only in renderer/src/desk/ and renderer/src/db/', async () => {
    const code = "import { db } from '../db/database';\nexport const run = () => db.transaction('rw', db.cases, async () => undefined);\n";
    expect(await ruleIds(code, 'renderer/src/sync/new-module.ts')).toContain('no-restricted-syntax');
    expect(await ruleIds(code, 'renderer/src/desk/cases.ts')).toEqual([]);
    expect(await ruleIds(code.replace("'../db/database'", "'./database'"), 'renderer/src/db/repositories/x.ts')).toEqual([]);
  });
});

describe('tests', () => {
  it('refuses focused tests', async () => {
    expect(await ruleIds("import { it } from 'vitest';\nit.only('x', () => undefined);\n", 'tests/example.test.ts')).toContain('no-restricted-syntax');
  });
});

describe('components show times through the one local-time formatter', () => {
  it.each([
    ['the timeline as it was', "export const X = (p: { e: { recordedAt: string } }) => <span>登记于 {p.e.recordedAt.replace('T', ' ').slice(0, 19)}</span>;"],
    ['a sliced time field', 'export const X = (p: { s: { createdAt: string } }) => <span>{p.s.createdAt.slice(0, 10)}</span>;'],
    ['a time field as a JSX child', 'export const X = (p: { r: { at: string } }) => <span>{p.r.at}</span>;'],
    ['a time field in a template literal', 'export const X = (p: { s: { createdAt: string } }) => <span>{`登记：${p.s.createdAt}`}</span>;'],
    ['a time column without render', "export const columns = [{ title: '时间', dataIndex: 'at' }];\nexport const X = () => <span>{columns.length}</span>;"],
    ['toISOString in a component', 'export const X = () => <span>{new Date().toISOString()}</span>;'],
  ])('refuses %s', async (_, code) => {
    expect(await ruleIds(code, 'renderer/src/pages/NewPage.tsx')).toContain('no-restricted-syntax');
  });

  it('accepts a time through the formatter, a render function and a key', async () => {
    const code = [
      "import { formatDateTime } from '../format/time';",
      "export const columns = [{ title: '时间', dataIndex: 'at', render: (v: string) => formatDateTime(v) }];",
      'export const X = (p: { e: { recordedAt: string; updatedAt: string } }) => <span key={p.e.updatedAt}>登记于 {formatDateTime(p.e.recordedAt)}</span>;',
    ].join('\n');
    expect(await ruleIds(code, 'renderer/src/pages/NewPage.tsx')).toEqual([]);
  });
});
