/**
 * shared/tsconfig.json compiles shared/ with ECMAScript types only: a DOM or Node global used in
 * shared/ is a type error there (lint refuses the imports; the compiler refuses the globals).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const configPath = join(process.cwd(), 'shared', 'tsconfig.json');
const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(String(d.messageText)); } })!;
const dir = mkdtempSync(join(tmpdir(), 'shared-probe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function errorsOf(code: string): string[] {
  const file = join(dir, `probe-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, `${code}\nexport {};\n`);
  const program = ts.createProgram([file], parsed.options);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('shared/tsconfig.json has no DOM or Node types', () => {
  it('has neither in its options', () => {
    expect(parsed.options.lib?.some((lib) => /dom/i.test(lib))).toBe(false);
    expect(parsed.options.types).toEqual([]);
  });

  it.each(['document.title', 'window.location', 'process.env.HOME', 'Buffer.from("x")', 'new TextEncoder()', 'localStorage.length'])('refuses %s', (expression) => {
    expect(errorsOf(`export const probe = () => ${expression};`).join('\n')).toMatch(/Cannot find name/);
  });

  it('compiles plain ECMAScript', () => {
    expect(errorsOf('export const probe = (ms: number) => new Date(ms).toISOString() + [1, 2].at(-1);')).toEqual([]);
  });
});
