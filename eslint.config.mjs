// ESLint (flat config): the recommended JavaScript and typescript-eslint rules, the React hooks rules for
// the renderer, a rule that every eslint-disable gives its reason, and a few rules a reviewer would ask
// for anyway. The import layers are checked by dependency-cruiser (.dependency-cruiser.cjs) and the
// formatting by Prettier; neither is repeated here.
//
// No type-aware rules (no-floating-promises and the like): they build the whole TypeScript program
// again, which took the lint from about 10 s to 35-50 s on two shared cores, and `npm run typecheck`
// already builds it once.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'docs/', 'test-results/', '.bench-out/'],
  },
  {
    linterOptions: {
      // a disable comment that no longer silences anything is an error, so none outlives its reason
      reportUnusedDisableDirectives: 'error',
    },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  comments.recommended,
  {
    rules: {
      // every eslint-disable says why, beside it: `// eslint-disable-next-line rule -- reason`
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: ['eslint-enable'] }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Chinese text lays out with the ideographic space (U+3000) on purpose; elsewhere it stays an error
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true, skipRegExps: true }],
      // `_name` is how a deliberately unused binding is spelled (a destructured field left out, a callback's index)
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // a type-only import says so: it is erased from the build, and the layer rule lets the renderer name
      // electron/bridge.ts and the API's host modules only this way
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
    languageOptions: { globals: globals.browser },
  },
  {
    // plain JavaScript run by Node: the CLI launchers, the Electron build script, CI helpers and this file
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
