// Lint rules, including the layer rules of DESIGN §2: the path says where code runs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'stream', 'worker_threads', 'zlib', 'util', 'events', 'buffer'];
const nodeOnly = nodeBuiltins.flatMap((m) => [m, `node:${m}`, `${m}/*`, `node:${m}/*`]);

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
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer reaches its host only through the bridge (window.hattama).' }],
        patterns: [
          { group: nodeOnly, message: 'renderer/ is browser code: no Node modules.' },
          { group: ['**/electron/**', '**/server/**'], message: 'renderer/ talks to hosts through the bridge contract in shared/.' },
        ],
      }],
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
);
