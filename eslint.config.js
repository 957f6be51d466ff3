// Lint rules, including the layer rules of DESIGN §2: the path says where code runs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'stream', 'worker_threads', 'zlib', 'util', 'events', 'buffer'];
const nodeOnly = nodeBuiltins.flatMap((m) => [m, `node:${m}`, `${m}/*`, `node:${m}/*`]);

/** What renderer/ may not import (DESIGN §2): Electron, Node, main-process or server code. */
const rendererPaths = [{ name: 'electron', message: 'The renderer reaches its host only through the bridge (renderer/src/host).' }];
const rendererPatterns = [
  { group: nodeOnly, message: 'renderer/ is browser code: no Node modules.' },
  { group: ['**/electron/**', '**/server/**'], message: 'renderer/ talks to hosts through the bridge contract in shared/.' },
];
/** Outside renderer/src/host: no host implementation and no raw channel table, only renderer/src/host/index.ts. */
const rendererHostPattern = {
  group: ['**/host/host.electron', '**/host/host.electron.*', '**/host/host.web', '**/host/host.web.*', '**/host/current-host', '@shared/bridge/channels', '**/shared/bridge/channels'],
  message: 'Reach the host through renderer/src/host (getHost()), not a host implementation or the raw channel table.',
};

/** Inside a feature: `../other/file` or `…/features/other/file` reaches past the other feature's index.ts. */
const featureDeepImport = {
  regex: '^(?:\\.\\./[^./][^/]*/|(?:\\.\\./)+features/[^/]+/).+',
  message: 'Import another feature through its index.ts (e.g. "../board"), not a file inside it.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist-web/', 'dist-electron/', 'release/', '.tsbuild/', 'tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', 'react', 'react-dom', 'dexie'].map((name) => ({ name, message: 'shared/ runs anywhere: no Electron, React, Dexie.' })),
        patterns: [
          { group: nodeOnly, message: 'shared/ runs anywhere: no Node-only modules.' },
          { group: ['**/renderer/**', '**/electron/**', '**/server/**'], message: 'shared/ imports nothing from the hosts.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': ['error', { paths: rendererPaths, patterns: rendererPatterns }],
    },
  },
  {
    // The renderer reaches its host only through renderer/src/host/index.ts (getHost()).
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/host/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: rendererPaths, patterns: [...rendererPatterns, rendererHostPattern] }],
    },
  },
  {
    // Features import each other only through the other feature's index.ts (its declaration and
    // what it shares), never a file inside it; imports within a feature are free.
    files: ['renderer/src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: rendererPaths, patterns: [...rendererPatterns, rendererHostPattern, featureDeepImport] }],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/renderer/**', '**/main/**', '**/server/**'], message: 'The preload is the bridge and nothing else.' }],
      }],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/renderer/**', '**/server/**', 'react', 'dexie'], message: 'Main process code does not import the renderer or the server.' }],
      }],
    },
  },
  {
    files: ['server/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/renderer/**', '**/electron/**', 'electron', 'react', 'dexie'], message: 'server/ is Node: no renderer or Electron code.' }],
      }],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'tests/**/*.{ts,tsx}', 'bench/**/*.ts', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // CommonJS scripts (preloaded with `node --require`).
    files: ['scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
