// typescript-eslint parses with the TypeScript 5 compiler API. npm hoists some of its helpers
// (ts-api-utils) to the root node_modules, where `typescript` is the project's TypeScript 7, which
// has no such API; inside the ESLint process every `typescript` therefore resolves to this
// workspace's TypeScript 5. Imported first by eslint.config.js, before typescript-eslint loads.
import { createRequire, registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

const typescript5 = pathToFileURL(createRequire(import.meta.url).resolve('typescript')).href;

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'typescript') return { url: typescript5, format: 'commonjs', shortCircuit: true };
    return nextResolve(specifier, context);
  },
});
