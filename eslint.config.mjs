// Lint: quality gates plus the architecture's import boundaries (STYLE.md L1).
//  - shared/ is pure domain code: no electron, node:*, dexie, react, DOM globals, no clock/randomness.
//  - renderer/ may not import electron/ code (the IPC contract types excepted).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const impureModules = [
  { name: 'electron', message: 'shared/ is pure: no electron.' },
  { name: 'dexie', message: 'shared/ is pure: storage lives in renderer/db.' },
  { name: 'react', message: 'shared/ is pure: UI lives in renderer/.' },
  { name: 'react-dom', message: 'shared/ is pure: UI lives in renderer/.' },
  { name: 'fs', message: 'shared/ is pure: no Node built-ins.' },
  { name: 'path', message: 'shared/ is pure: no Node built-ins.' },
  { name: 'crypto', message: 'shared/ is pure: no Node built-ins.' },
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
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name='only']", message: 'A focused test would silently skip the rest.' },
      ],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'renderer/ runs sandboxed; talk to main through window.desktop.' }],
          patterns: [
            { regex: '(^|/)electron/(?!ipc/contract$)', message: 'renderer/ may not import electron/ code; only the IPC contract types.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: impureModules,
          patterns: [
            { group: ['node:*'], message: 'shared/ is pure: no Node built-ins.' },
            { group: ['**/renderer/**', '**/electron/**', '**/platform/**'], message: 'shared/ may not import app layers.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'shared/ is pure: no DOM.' },
        { name: 'document', message: 'shared/ is pure: no DOM.' },
        { name: 'localStorage', message: 'shared/ is pure: no DOM.' },
        { name: 'navigator', message: 'shared/ is pure: no DOM.' },
        { name: 'indexedDB', message: 'shared/ is pure: storage lives in renderer/db.' },
        { name: 'fetch', message: 'shared/ is pure: no network.' },
        { name: 'process', message: 'shared/ is pure: no Node globals.' },
        { name: 'Buffer', message: 'shared/ is pure: use Uint8Array.' },
        { name: 'crypto', message: 'shared/ is pure: ids and randomness are parameters.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'shared/ is pure: time is a parameter (STYLE.md L2).' },
        { object: 'Math', property: 'random', message: 'shared/ is pure: randomness is a parameter.' },
      ],
    },
  },
);
