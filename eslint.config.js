// @ts-check
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'test-results/', 'playwright-report/', 'client/src/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.test.ts', 'server/test/**', 'e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['client/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    // The domain stays free of transports, storage and the entry (DESIGN.md, "Architecture").
    files: ['server/domain/**/*.ts'],
    ignores: ['server/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'express',
                'socket.io',
                'lowdb',
                'node:fs',
                'node:fs/*',
                'fs',
                '**/http/**',
                '**/realtime/**',
                '**/store/**',
                '**/app',
                '**/main',
              ],
              message: 'server/domain must not depend on transports, storage or the entry.',
            },
          ],
        },
      ],
    },
  },
  {
    // The client may use server code only through the shared protocol: its types and its
    // constants (server/protocol/vocabulary.ts imports nothing, so it stays small), nothing else.
    files: ['client/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)server/(?!protocol(/|$))',
              message: 'The client imports only server/protocol (types and constants), nothing else of the server.',
            },
          ],
        },
      ],
    },
  },
);
