// Modules own their tables (ARCHITECTURE.md). The compiler holds a module to the tables of its handle
// (`Executor<CatalogDb>`, src/platform/db/module-db.ts); this rule covers what it does not see: table
// names in raw SQL (`sql` templates and strings), Kysely calls on a handle typed with the whole
// database, writes to a read model, and module code that takes such a handle at all.
//
// Who owns which table and which read models each module declares are read from the *.tables.ts
// files (the same declarations the compiler uses), so the rule never goes stale.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The one read model declared by its reader instead of the owners of its tables (sales.tables.ts).
const REPORTING_READ_MODELS = ['SalesReadModel'];

// Modules whose handles still see the whole database (round 2 of issue 13 types them). Their SQL is
// still checked; the cross-module reads they make today are listed per file and may not grow.
const WHOLE_DB_MODULES = ['accounts', 'notifications', 'payments'];
const KNOWN_CROSS_READS = {
  // A payment is recorded only while its showtime is scheduled, in the statement that records it.
  'src/modules/payments/payments.store.ts': ['showtimes'],
};

const SQL_REFERENCE =
  /\b(delete\s+from|insert\s+into|merge\s+into|truncate(?:\s+table)?|update|from|join|into|table|using)\s+(?:only\s+)?((?:"?[a-z_][a-z0-9_$]*"?\.)?"?[a-z_][a-z0-9_$]*"?)(\s*\()?/gi;
// After a table in a FROM list, `[as] alias, next`: the next table of the list.
const NEXT_IN_LIST =
  /\s*(?:(?:as\s+)?(?!(?:where|join|inner|left|right|full|cross|on|using|order|group|limit|having|union|returning|for|window|set)\b)[a-z_][a-z0-9_]*)?\s*,\s*((?:"?[a-z_][a-z0-9_$]*"?\.)?"?[a-z_][a-z0-9_$]*"?)(\s*\()?/iy;
const WRITES = /^(delete|insert|merge|truncate|update|into)/i;

const bare = (name) => name.replaceAll('"', '').split('.').pop().toLowerCase();

/** Tables a piece of SQL names, each with whether the statement writes it. */
export function tablesInSql(text) {
  const found = [];
  for (const m of text.matchAll(SQL_REFERENCE)) {
    if (m[3]) continue; // a function: unnest(…), jsonb_to_recordset(…)
    const write = WRITES.test(m[1]);
    found.push({ table: bare(m[2]), write });
    if (!/^from$/i.test(m[1])) continue;
    NEXT_IN_LIST.lastIndex = m.index + m[0].length;
    for (let n = NEXT_IN_LIST.exec(text); n; n = NEXT_IN_LIST.exec(text)) {
      if (!n[2]) found.push({ table: bare(n[1]), write: false });
    }
  }
  return found;
}

/** The body of each `export type Name = …;` in a TypeScript file, by name. */
function typeAliases(text) {
  const out = {};
  for (const m of text.matchAll(/export\s+type\s+(\w+)\s*=/g)) {
    let depth = 0;
    let i = m.index + m[0].length;
    for (; i < text.length; i++) {
      const c = text[i];
      if ('<{(['.includes(c)) depth++;
      else if ('>})]'.includes(c)) depth--;
      else if (c === ';' && depth === 0) break;
    }
    out[m[1]] = text.slice(m.index + m[0].length, i);
  }
  return out;
}

/** The tables a read model's type names: `DB['x']` and `Pick<DB, 'x' | 'y'>`. */
export function readModelTables(body) {
  const tables = new Set();
  for (const m of body.matchAll(/DB\[\s*'(\w+)'\s*\]/g)) tables.add(m[1]);
  for (const m of body.matchAll(/Pick<\s*DB\s*,([^>]*)>/g)) for (const t of m[1].matchAll(/'(\w+)'/g)) tables.add(t[1]);
  return [...tables];
}

/** What one *.tables.ts declares: its tables (`XTables = Pick<DB, …>`), read models and handle. */
export function parseTablesFile(text) {
  const owns = [];
  const readModels = {};
  const uses = [];
  for (const [name, body] of Object.entries(typeAliases(text))) {
    if (/Tables$/.test(name) && /^\s*Pick<\s*DB\s*,/.test(body))
      for (const t of body.matchAll(/'(\w+)'/g)) owns.push(t[1]);
    else if (/ReadModel$/.test(name)) readModels[name] = readModelTables(body);
    else if (/Db$/.test(name)) for (const r of body.matchAll(/\b(\w+ReadModel)\b/g)) uses.push(r[1]);
  }
  return { owns, readModels, uses };
}

/** Owners, read models and each module's declared read models, from the tree's *.tables.ts files. */
export function readTableDeclarations(root) {
  const files = [['platform', path.join(root, 'src/platform/db/platform.tables.ts')]];
  const modules = path.join(root, 'src/modules');
  for (const m of readdirSync(modules)) {
    for (const f of readdirSync(path.join(modules, m)))
      if (f.endsWith('.tables.ts')) files.push([m, path.join(modules, m, f)]);
  }
  const owners = {};
  const readModels = {};
  const uses = {};
  for (const [module, file] of files) {
    const parsed = parseTablesFile(readFileSync(file, 'utf8'));
    for (const t of parsed.owns) owners[t] = module;
    for (const [name, tables] of Object.entries(parsed.readModels)) readModels[name] = tables;
    (uses[module] ??= []).push(...parsed.uses);
  }
  return { owners, readModels, uses };
}

const WRITE_CALLS = new Set(['insertInto', 'replaceInto', 'updateTable', 'deleteFrom', 'mergeInto']);
const READ_CALLS = new Set(['selectFrom', 'innerJoin', 'leftJoin', 'rightJoin', 'fullJoin', 'crossJoin', 'table']);

/** @type {import('eslint').Rule.RuleModule} */
export const tableOwnersRule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'A module reads only its own tables and the read models it declares; it writes only its own.',
    },
    schema: [{ type: 'object', additionalProperties: true }],
    messages: {
      foreign:
        "{{module}} {{verb}} '{{table}}', a table of {{owner}}. Call {{owner}}'s service, or read it through a read model {{owner}} publishes in its *.tables.ts and {{module}}'s handle type declares.",
      readOnly:
        "{{module}} writes '{{table}}', which it may only read (a read model of {{owner}}); writes go through {{owner}}'s service.",
      wholeDb:
        "{{what}} sees every module's tables: type the handle with this module's tables (Executor<XDb>, moduleDb<XDb>(database), narrowTx<XDb>(tx); src/platform/db/module-db.ts).",
      notOwnersModel:
        "Read model {{name}} names '{{table}}', a table of {{owner}}: a read model is published by the owner of its tables.",
      unknownModel: 'The handle names {{name}}, which no *.tables.ts declares.',
    },
  },
  create(context) {
    const { owners = {}, readModels = {}, uses = {}, root } = context.options[0] ?? {};
    const file = path
      .relative(root ?? context.cwd, context.filename)
      .split(path.sep)
      .join('/');
    const module = /^src\/modules\/([^/]+)\//.exec(file)?.[1];
    if (!module) return {};
    const modelled = new Set((uses[module] ?? []).flatMap((r) => readModels[r] ?? []));
    const known = new Set(KNOWN_CROSS_READS[file] ?? []);
    const legacy = WHOLE_DB_MODULES.includes(module);
    const isTablesFile = file.endsWith('.tables.ts');

    function check(node, table, write) {
      const owner = owners[table];
      if (!owner || owner === module) return;
      if (write && modelled.has(table))
        return context.report({ node, messageId: 'readOnly', data: { module, table, owner } });
      if (!write && (modelled.has(table) || known.has(table))) return;
      context.report({ node, messageId: 'foreign', data: { module, table, owner, verb: write ? 'writes' : 'reads' } });
    }

    function checkText(node, text) {
      for (const { table, write } of tablesInSql(text)) check(node, table, write);
    }

    const tableOfArgument = (arg) =>
      arg?.type === 'Literal' && typeof arg.value === 'string' ? bare(arg.value.trim().split(/\s+/)[0]) : null;

    return {
      Literal(node) {
        if (typeof node.value === 'string' && node.parent.type !== 'ImportDeclaration') checkText(node, node.value);
      },
      TemplateLiteral(node) {
        checkText(node, node.quasis.map((q) => q.value.cooked ?? q.value.raw).join(' ? '));
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return;
        const name = callee.property.name;
        if (!WRITE_CALLS.has(name) && !READ_CALLS.has(name)) return;
        if (name === 'table' && !(callee.object.type === 'Identifier' && callee.object.name === 'sql')) return;
        const args = node.arguments[0]?.type === 'ArrayExpression' ? node.arguments[0].elements : [node.arguments[0]];
        for (const arg of args) {
          const table = tableOfArgument(arg);
          if (table) check(arg, table, WRITE_CALLS.has(name));
        }
      },
      TSTypeReference(node) {
        if (legacy || node.typeName.type !== 'Identifier') return;
        const name = node.typeName.name;
        if (name === 'Executor' && !node.typeArguments)
          context.report({ node, messageId: 'wholeDb', data: { what: 'Executor without tables' } });
        if (name === 'DB' && node.parent.type === 'TSTypeParameterInstantiation' && !isTablesFile)
          context.report({ node, messageId: 'wholeDb', data: { what: 'A handle typed with DB' } });
      },
      MemberExpression(node) {
        if (legacy || node.property.type !== 'Identifier' || node.property.name !== 'db' || node.computed) return;
        const object = node.object;
        const named =
          (object.type === 'Identifier' && object.name === 'database') ||
          (object.type === 'MemberExpression' &&
            object.property.type === 'Identifier' &&
            object.property.name === 'database');
        if (named) context.report({ node, messageId: 'wholeDb', data: { what: 'database.db' } });
      },
      TSTypeAliasDeclaration(node) {
        if (!isTablesFile) return;
        const name = node.id.name;
        const body = context.sourceCode.getText(node.typeAnnotation);
        if (/ReadModel$/.test(name) && !REPORTING_READ_MODELS.includes(name)) {
          for (const table of readModelTables(body)) {
            const owner = owners[table];
            if (owner && owner !== module)
              context.report({ node: node.id, messageId: 'notOwnersModel', data: { name, table, owner } });
          }
        }
        if (/Db$/.test(name)) {
          for (const m of body.matchAll(/\b(\w+ReadModel)\b/g))
            if (!readModels[m[1]]) context.report({ node: node.id, messageId: 'unknownModel', data: { name: m[1] } });
        }
      },
    };
  },
};

/** The ESLint config block: the rule on module code (tests and fixtures may set up any table). */
export function tableOwnersConfig(root) {
  return {
    files: ['src/modules/**/*.ts'],
    ignores: ['src/modules/**/*.test.ts', 'src/modules/**/*.fixtures.ts'],
    plugins: { marquee: { rules: { 'table-owners': tableOwnersRule } } },
    // The declarations go in as options, so ESLint's cache is dropped when a *.tables.ts changes.
    rules: { 'marquee/table-owners': ['error', { root, ...readTableDeclarations(root) }] },
  };
}
