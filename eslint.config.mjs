// Lint: quality gates plus the architecture's import boundaries.
//  - shared/ is pure domain code: an import allowlist (relative, zod, @noble/hashes), no DOM, Node
//    or host globals, no clock or randomness (tests/lint/boundaries.test.ts probes each).
//  - renderer/ may not import electron/ code (the IPC contract types excepted); React components
//    (.tsx) may not import Dexie or the database module; only renderer/src/desk/ and
//    renderer/src/db/ open Dexie transactions.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// shared/ may import only what is on this allowlist: relative paths, zod, and @noble/hashes
// (audited, synchronous, pure). Anything else — a Node built-in, a UI or storage package — is refused.
const sharedImportPatterns = [
  { regex: '^(?!\\.{1,2}/|zod$|@noble/hashes/)', message: 'shared/ is pure: it may import only relative paths, zod and @noble/hashes.' },
  { regex: '(^|/)(renderer|electron|platform)(/|$)', message: 'shared/ may not import app layers.' },
];

const focusedTest = { selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name='only']", message: 'A focused test would silently skip the rest.' };

// The renderer never imports main-process code; only the IPC contract types.
const rendererImportRules = {
  paths: [{ name: 'electron', message: 'renderer/ runs sandboxed; talk to main through window.desktop.' }],
  patterns: [{ regex: '(^|/)electron/(?!ipc/contract$)', message: 'renderer/ may not import electron/ code; only the IPC contract types.' }],
};

// React components read and write through the desk service layer (renderer/src/desk/), never the
// database itself.
const componentImportRules = {
  paths: [
    ...rendererImportRules.paths,
    { name: 'dexie', message: 'Components go through renderer/src/desk/ (use cases and hooks), never Dexie.' },
    { name: 'dexie-react-hooks', message: 'Components read through hooks in renderer/src/desk/, never Dexie.' },
  ],
  patterns: [
    ...rendererImportRules.patterns,
    { regex: '(^|/)db(/|$)', message: 'Components go through renderer/src/desk/, never the database module.' },
  ],
};

// Only the desk service layer (and the database module it is built on) opens IndexedDB transactions.
const transactionOutsideDesk = { selector: "CallExpression[callee.property.name='transaction']", message: 'Only renderer/src/desk/ (and renderer/src/db/) open Dexie transactions.' };

// On screen a device time is local (renderer/src/format/time: formatDateTime …), never an ISO string:
// no toISOString() or sliced/"T"-replaced ISO text in a component, no time field (…At, at) rendered
// as it is stored (a table column without a render, a JSX child, a template literal).
const TIME_FIELD = '/^at$|At$/';
const rawTimeOnScreen = [
  { selector: "CallExpression[callee.property.name='toISOString']", message: 'A component shows times through renderer/src/format/time (formatDateTime …), never an ISO string.' },
  { selector: "CallExpression[callee.property.name=/^(replace|replaceAll)$/][arguments.0.value='T']", message: 'Do not turn an ISO string into display text; use renderer/src/format/time.' },
  { selector: `CallExpression[callee.property.name=/^(slice|substring|substr)$/][callee.object.property.name=${TIME_FIELD}]`, message: 'A sliced ISO time is the UTC day/time; use renderer/src/format/time (formatDate, formatDateTime).' },
  { selector: `ObjectExpression:has(> Property[key.name='dataIndex'][value.value=${TIME_FIELD}]):not(:has(> Property[key.name='render']))`, message: 'A time column needs render: (v) => formatDateTime(v) (renderer/src/format/time).' },
  { selector: `JSXElement > JSXExpressionContainer > MemberExpression[property.name=${TIME_FIELD}]`, message: 'A stored time is UTC ISO text; show it with renderer/src/format/time (formatDateTime).' },
  { selector: `TemplateLiteral > MemberExpression[property.name=${TIME_FIELD}]`, message: 'A stored time is UTC ISO text; show it with renderer/src/format/time (formatDateTime).' },
];

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'dist-electron/**', 'release/**', 'test-results/**', 'bench-results/**', 'coverage/**', '.platform-data/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', focusedTest],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': ['error', rendererImportRules],
      'no-restricted-syntax': ['error', focusedTest, transactionOutsideDesk],
    },
  },
  {
    files: ['renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', componentImportRules],
      'no-restricted-syntax': ['error', focusedTest, transactionOutsideDesk, ...rawTimeOnScreen],
    },
  },
  {
    files: ['renderer/src/desk/**', 'renderer/src/db/**'],
    rules: {
      'no-restricted-syntax': ['error', focusedTest],
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': ['error', { patterns: sharedImportPatterns }],
      'no-restricted-globals': [
        'error',
        ...['window', 'self', 'globalThis', 'document', 'localStorage', 'sessionStorage', 'navigator', 'location'].map((name) => ({ name, message: 'shared/ is pure: no DOM or host globals.' })),
        { name: 'indexedDB', message: 'shared/ is pure: storage lives in renderer/db.' },
        { name: 'fetch', message: 'shared/ is pure: no network.' },
        { name: 'XMLHttpRequest', message: 'shared/ is pure: no network.' },
        { name: 'process', message: 'shared/ is pure: no Node globals.' },
        { name: 'require', message: 'shared/ is pure: no Node module loading.' },
        { name: 'Buffer', message: 'shared/ is pure: use Uint8Array.' },
        { name: 'crypto', message: 'shared/ is pure: ids and randomness are parameters.' },
        { name: 'performance', message: 'shared/ is pure: time is a parameter.' },
        { name: 'setTimeout', message: 'shared/ is pure: no timers.' },
        { name: 'setInterval', message: 'shared/ is pure: no timers.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'shared/ is pure: time is a parameter.' },
        { object: 'Math', property: 'random', message: 'shared/ is pure: randomness is a parameter.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'shared/ is pure: time is a parameter; new Date() reads the clock.' },
        { selector: "CallExpression[callee.name='Date']", message: 'shared/ is pure: Date() reads the clock.' },
        { selector: 'ImportExpression', message: 'shared/ is pure: no dynamic import().' },
        { selector: 'JSXElement, JSXFragment', message: 'shared/ is pure: UI lives in renderer/.' },
      ],
    },
  },
);
