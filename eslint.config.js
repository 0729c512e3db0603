// Lint rules that catch bugs, not style: formatting is left to the editor.
// Type-aware rules are off on purpose: `npm run typecheck` already runs tsc, and
// without them a full lint stays a few seconds.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', 'dist-lib/', 'integrations/gitbook/dist/', 'node_modules/', 'test-artifacts/', 'coverage/', 'bench/results*.json']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // `_name` marks a parameter or binding that is unused on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx,js,jsx}', 'demo/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['src/**/*.tsx'],
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    // Build plugins, CLI scripts and configs run in Node; tests run in Node or jsdom.
    files: ['build/**', 'scripts/**', 'tools/**', 'bench/**', '*.{js,mjs,cjs,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    // The GitBook integration: its frame script runs in a browser, its runtime in GitBook's
    // Workers runtime (the web platform's globals), its build in Node.
    files: ['integrations/gitbook/frame/**', 'integrations/gitbook/lib/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['integrations/gitbook/runtime/**'],
    languageOptions: { globals: globals.serviceworker },
  },
  {
    files: ['integrations/gitbook/scripts/**'],
    languageOptions: { globals: globals.node },
  },
  {
    // Tests run in Node and jsdom, and hand callbacks to pages (Playwright's page.evaluate).
    files: ['test/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
