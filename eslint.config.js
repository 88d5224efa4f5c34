// ESLint flat config: typescript-eslint's recommended rules (syntax only, no type-aware rules, so it runs in seconds)
// plus the layer boundaries (issue 17). The same boundaries for src/core are also checked by
// src/core/architecture.test.ts (imports and DOM globals); here the linter enforces them while editing.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The DOM's entry points (src/core also runs in Node and in the worker). */
const DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'location',
  'HTMLElement',
  'HTMLCanvasElement',
  'Element',
  'Node',
  'requestAnimationFrame',
  'getComputedStyle',
  'matchMedia',
];
/** Node built-ins, with and without the node: prefix. */
const NODE_MODULES = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'url',
  'child_process',
  'crypto',
  'util',
  'stream',
  'zlib',
  'worker_threads',
  'module',
  'process',
  'buffer',
  'events',
];
const nodeImports = {
  group: ['node:*'],
  message: 'src/core is plain TypeScript that runs in the browser, the worker and Node: no Node-only modules.',
};
const uiImports = (layer, why) => [
  { group: ['react', 'react/*', 'react-dom', 'react-dom/*'], message: `${layer} may not import React: ${why}` },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dev-dist/**',
      'node_modules/**',
      '.cache/**',
      'test-results/**',
      'playwright-report/**',
      'public/**',
      'models/**',
      'bench/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Off: the code base writes short loop bodies as comma sequences, `(lo = Math.min(lo, v)), (hi = Math.max(hi, v))`
      // (46 places, many in hot numeric loops of src/core). Rewriting them all is churn with no behaviour gain.
      '@typescript-eslint/no-unused-expressions': 'off',
      // `_`-prefixed names are deliberately unused (callbacks with a fixed signature, destructuring to drop a key).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Plain JS files are Node scripts (this config, scripts/*.mjs); TypeScript files get no-undef from tsc instead.
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: NODE_MODULES.map((name) => ({ name, message: 'src/core may not import Node-only modules.' })),
          patterns: [
            ...uiImports('src/core', 'the core is UI-free.'),
            {
              group: ['three', 'three/*', '@react-three/*'],
              message: 'src/core may not import three.js: the 3D view lives in src/app/heart.',
            },
            {
              group: ['zustand', 'zustand/react', 'zustand/react/*'],
              message: 'src/core may not import zustand (the store lives in src/app/store).',
            },
            nodeImports,
            {
              group: ['**/app/**', '**/worker/**'],
              message: 'src/core may not import from src/app or src/worker (dependencies point inwards).',
            },
          ],
        },
      ],
      // DOM-only code: one tsconfig covers the whole project (lib includes DOM for src/app), so the DOM types cannot be
      // taken away from src/core alone without a second tsconfig; the linter forbids the DOM's entry points instead.
      'no-restricted-globals': [
        'error',
        ...DOM_GLOBALS.map((name) => ({ name, message: `src/core runs in Node and in workers: no DOM (${name}).` })),
      ],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@tensorflow/*'],
              message:
                'src/app may not import TensorFlow.js: inference runs in the worker (src/worker), reached through worker/client.',
            },
            {
              group: ['**/worker/*', '!**/worker/client', '!**/worker/protocol'],
              message: 'src/app reaches the worker only through worker/client and worker/protocol.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...uiImports('src/worker', 'the worker has no UI.'),
            { group: ['**/app/**'], message: 'src/worker may not import from src/app.' },
          ],
        },
      ],
    },
  },
);
