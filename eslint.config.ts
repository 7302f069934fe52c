import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import storybook from 'eslint-plugin-storybook';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.atrium/**',
      'storybook-static/**',
      'test-results/**',
      'playwright-report/**',
      '**/mockServiceWorker.js',
    ],
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Typed query helpers (`query<Row>()`) name the row type only in their result, on purpose.
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', 'eslint.config.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: [
      'packages/react/**/*.{ts,tsx}',
      'packages/client/**/*.ts',
      'apps/demo/src/**/*.{ts,tsx}',
      '.storybook/**/*.{ts,tsx}',
    ],
    extends: [reactHooks.configs.flat.recommended, jsxA11y.flatConfigs.strict],
    languageOptions: { globals: { ...globals.browser } },
  },
  storybook.configs['flat/recommended'],
  {
    files: ['scripts/**', 'bench/**', 'packages/server/src/cli/**'],
    rules: { 'no-console': 'off' },
  },
);
