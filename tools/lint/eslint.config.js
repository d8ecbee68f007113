// ESLint for the whole tree (the repository's eslint.config.js re-exports this file, so plugins
// resolve from this workspace, where typescript-eslint finds the TypeScript 5 parser it needs).
// Rules are syntactic only: type-aware rules would build a TypeScript 5 program of the whole tree on
// every run, which doubles `npm run check` for little the strict compiler does not already catch.
import './typescript-5.js';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { tableOwnersConfig } from './table-owners.js';

const root = path.resolve(import.meta.dirname, '../..');
const linted = ['src', 'test', 'bench', 'scripts', 'tools', 'web/src'];

/** Files whose first line says they are generated: nobody edits them, so nobody lints them. */
function generatedFiles() {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.tsx?$/.test(name) && readFileSync(full, 'utf8').slice(0, 12) === '// Generated')
        out.push(path.relative(root, full));
    }
  };
  for (const dir of linted) {
    try {
      walk(path.join(root, dir));
    } catch {
      // a directory that does not exist has nothing to ignore
    }
  }
  return out;
}

// A module's public surface is what src/app.ts wires: `<name>.module.ts` (its factory and the
// types it re-exports), and its services, ports, errors, schemas and views. Stores, tables, jobs,
// routes and helpers are internal: another module reaches them through the owner's functions.
const PUBLIC = String.raw`[^/]+\.(?:module|service|ports|errors|schemas|views)\.ts$`;
const SIBLING_MODULE = String.raw`^(?:\.\./)+(?:modules/)?(?:accounts|booking|catalog|notifications|payments|promotions|sales|tickets)/`;

/** A `no-restricted-imports` rule forbidding other modules' internals, except `allowed` specifiers. */
function moduleBoundary(allowed = []) {
  const except = allowed.map((s) => `(?!${s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$)`).join('');
  return [
    'error',
    {
      patterns: [
        {
          regex: `${except}${SIBLING_MODULE}(?!${PUBLIC})`,
          message:
            "Another module's internals: import its *.module.ts (which re-exports the types others need), *.service.ts, *.ports.ts, *.errors.ts, *.schemas.ts or *.views.ts, or add a function to its service.",
        },
      ],
    },
  ];
}

// Known crossings that need a redesign beyond a lint change. Each entry is one file and the exact
// specifiers it may still import; any new crossing, in these files or elsewhere, fails.
const BOUNDARY_ALLOWLIST = {};

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'test-output/**', 'docs/**', ...generatedFiles()],
  },
  {
    files: linted.map((dir) => `${dir}/**/*.{ts,tsx,js}`),
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // tsc (noUnusedLocals/Parameters) already reports these, with the project's exceptions.
      '@typescript-eslint/no-unused-vars': 'off',
      // `import('x').T` in a type position is how a file names a type it must not import at run time.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      // An empty catch is the house way to say "a failure here changes nothing"; other empty blocks are not.
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Prettier lays out chains such as `sharp(...)\n  [format]()`; layout is its call, not ESLint's.
      'no-unexpected-multiline': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-debugger': 'error',
    },
  },
  {
    // Tests poke at answers they have just asserted the shape of; gRPC handlers are typed by the .proto
    // files loaded at run time, which the compiler does not see.
    files: [
      '**/*.test.ts',
      'test/**/*.ts',
      'bench/**/*.ts',
      '**/*.grpc.ts',
      'src/platform/grpc/**/*.ts',
      '**/*.fixtures.ts',
    ],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/modules/**/*.ts'],
    ignores: ['src/modules/**/*.test.ts', ...Object.keys(BOUNDARY_ALLOWLIST)],
    rules: { 'no-restricted-imports': moduleBoundary() },
  },
  ...Object.entries(BOUNDARY_ALLOWLIST).map(([file, allowed]) => ({
    files: [file],
    rules: { 'no-restricted-imports': moduleBoundary(allowed) },
  })),
  // Modules own their tables: raw SQL and handles checked against the *.tables.ts declarations.
  tableOwnersConfig(root),
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The two classic rules. The plugin's React Compiler rules (refs, set-state-in-effect, purity…) are
    // left off: the app does not use the compiler, and they flag patterns it relies on deliberately.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
);
