import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Lint is where the architecture is enforced: each layer may import only what ARCHITECTURE.md allows.
// shared → nothing; db → shared; electron → shared, db (and only electron/shell may import 'electron');
// renderer → shared. A violation fails CI.

const layer = (name) => ({ group: [`**/${name}/**`, `../${name}`, `../../${name}`], message: `This layer may not import ${name}/ (see ARCHITECTURE.md).` });
const nodeBuiltins = { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http'], message: 'No Node APIs here: this code also runs in the renderer.' };
const electronPkg = { name: 'electron', message: "Only electron/shell may import 'electron'; handlers must run under plain Node." };
const serverPkgs = [
  { name: 'better-sqlite3', message: 'Database access belongs to db/.' },
  { name: 'drizzle-orm', message: 'Database access belongs to db/.' },
];

const restrict = (paths, patterns) => ({ 'no-restricted-imports': ['error', { paths, patterns }] });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'db/migrations/**', 'tests/artifacts/**', '.kopru-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([electronPkg, ...serverPkgs], [layer('db'), layer('electron'), layer('renderer'), nodeBuiltins]),
  },
  {
    files: ['db/**/*.ts'],
    rules: restrict([electronPkg], [layer('electron'), layer('renderer')]),
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/shell/**'],
    rules: restrict([electronPkg], [layer('renderer')]),
  },
  {
    files: ['electron/shell/**/*.ts'],
    rules: restrict([], [layer('renderer')]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrict([electronPkg, ...serverPkgs], [layer('db'), layer('electron'), nodeBuiltins]),
  },
  {
    // Playwright fixtures must destructure their (empty) dependencies.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['bin/**/*.mjs', 'scripts/**/*.mjs', '.ci/**/*.mjs', 'tests/**/*.mjs', 'build/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', Request: 'readonly', Response: 'readonly', Buffer: 'readonly' } },
  },
);
