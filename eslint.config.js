// Lint: typescript-eslint's recommended rules plus the process boundaries of STYLE.md §1.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'worker_threads'];

/** The renderer runs in a sandboxed page: no Node, no Electron, no host or database code. */
const rendererBoundary = {
  // Bare package names go in `paths`: a `patterns` entry 'electron' would also match the folder
  // electron/contract, which the renderer is meant to import.
  paths: ['electron', 'better-sqlite3', 'better-sqlite3-multiple-ciphers', 'fastify', 'pino', 'iconv-lite'].map((name) => ({ name, message: 'renderer/ must not import host-side packages (STYLE §1).' })),
  patterns: [
    { group: nodeBuiltins, message: 'renderer/ runs in the browser sandbox: no Node modules (STYLE §1).' },
    { group: ['@fastify/*'], message: 'renderer/ must not import host-side packages (STYLE §1).' },
    { group: ['**/db/**', '**/electron/hall/**', '**/electron/main/**'], message: 'renderer/ talks to the host over HTTP only; import electron/contract instead (STYLE §1).' },
  ],
};

/** The hall service is plain Node: it runs headless and in a utilityProcess, never with Electron's API. */
const hallBoundary = {
  paths: [{ name: 'electron', message: 'electron/hall and db/ never import electron (STYLE §1).' }],
  patterns: [
    { group: ['**/electron/main/**', '**/renderer/**'], message: 'electron/hall and db/ must not reach into the shell or the UI (STYLE §1).' },
  ],
};

/** The contract is shared with the renderer, so it may import zod and itself only. */
const contractBoundary = {
  paths: ['electron', 'better-sqlite3', 'better-sqlite3-multiple-ciphers', 'fastify', 'pino', 'react'].map((name) => ({ name, message: 'electron/contract is shared with the renderer: zod only.' })),
  patterns: [
    { group: nodeBuiltins, message: 'electron/contract is shared with the renderer: zod only.' },
    { group: ['**/db/**', '**/electron/hall/**', '**/electron/main/**', '**/renderer/**'], message: 'electron/contract imports nothing of the app.' },
  ],
};

/** The main process starts the hall service by path, in a utilityProcess; it never imports it. */
const mainBoundary = {
  patterns: [
    { group: ['**/electron/hall/**', '**/db/**', '**/renderer/**', 'better-sqlite3', 'better-sqlite3-multiple-ciphers'], message: 'electron/main starts the hall in a utilityProcess; it does not import it (STYLE §1).' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', rendererBoundary] },
  },
  // Tests read untyped JSON answers; Playwright fixtures must destructure an empty first argument.
  { files: ['tests/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-empty-pattern': 'off' } },
  { files: ['electron/hall/**/*.ts', 'db/**/*.ts'], rules: { 'no-restricted-imports': ['error', hallBoundary] } },
  { files: ['electron/contract/**/*.ts'], rules: { 'no-restricted-imports': ['error', contractBoundary] } },
  { files: ['electron/main/**/*.{ts,cts}'], rules: { 'no-restricted-imports': ['error', mainBoundary] } },
);
