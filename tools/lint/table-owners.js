// Modules own their tables (ARCHITECTURE.md). The compiler holds a module to the tables of its handle
// (`Executor<CatalogDb>`, src/platform/db/module-db.ts); this rule covers what it does not see: table
// names in raw SQL (`sql` templates and strings), in Kysely calls and sql helpers, names it cannot
// read (variables, expressions), writes to a read model, and module code that types a handle with
// anything but its own `*Db` or reaches the whole database through what the platform gives it.
//
// Who owns which table, which read models each module declares and which handle types it has are
// read from the *.tables.ts files (the same declarations the compiler uses), so the rule never goes
// stale.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The one read model declared by its reader instead of the owners of its tables (sales.tables.ts):
// only the module that declares it may put it in its handle.
const REPORTING_READ_MODELS = ['SalesReadModel'];

// Generic types and functions whose type argument is the tables a handle sees.
const HANDLES = new Set([
  'Executor',
  'Kysely',
  'Transaction',
  'ControlledTransaction',
  'QueryCreator',
  'moduleDb',
  'narrowTx',
]);

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

/** What one *.tables.ts declares: its tables (`XTables = Pick<DB, …>`), read models and handles (`XDb`). */
export function parseTablesFile(text) {
  const owns = [];
  const readModels = {};
  const uses = [];
  const handles = [];
  for (const [name, body] of Object.entries(typeAliases(text))) {
    if (/Tables$/.test(name) && /^\s*Pick<\s*DB\s*,/.test(body))
      for (const t of body.matchAll(/'(\w+)'/g)) owns.push(t[1]);
    else if (/ReadModel$/.test(name)) readModels[name] = readModelTables(body);
    else if (/Db$/.test(name)) {
      handles.push(name);
      for (const r of body.matchAll(/\b(\w+ReadModel)\b/g)) uses.push(r[1]);
    }
  }
  return { owns, readModels, uses, handles };
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
  const pickers = {};
  const readModels = {};
  const modelDeclarers = {};
  const uses = {};
  const handles = {};
  for (const [module, file] of files) {
    const parsed = parseTablesFile(readFileSync(file, 'utf8'));
    for (const t of parsed.owns) {
      owners[t] = module;
      (pickers[t] ??= []).push(module);
    }
    for (const [name, tables] of Object.entries(parsed.readModels)) {
      readModels[name] = tables;
      modelDeclarers[name] = module;
    }
    (uses[module] ??= []).push(...parsed.uses);
    (handles[module] ??= []).push(...parsed.handles);
  }
  return { owners, pickers, readModels, modelDeclarers, uses, handles };
}

const WRITE_CALLS = new Set(['insertInto', 'replaceInto', 'updateTable', 'deleteFrom', 'mergeInto']);
const READ_CALLS = new Set(['selectFrom', 'innerJoin', 'leftJoin', 'rightJoin', 'fullJoin', 'crossJoin']);
// `sql.x(…)` helpers that name tables or columns: each argument a table (`id` and `table`), a
// possibly qualified column (`ref`) or SQL text (`raw`).
const SQL_HELPERS = new Set(['id', 'table', 'ref', 'raw']);
const DATABASE_MODULE = /(^|\/)platform\/db\/database\.ts$/;

/** The expression under TypeScript's casts and assertions: `x as const`, `<T>x`, `x!`, `x satisfies T`. */
function uncast(node) {
  let n = node;
  while (
    n &&
    (n.type === 'TSAsExpression' ||
      n.type === 'TSTypeAssertion' ||
      n.type === 'TSNonNullExpression' ||
      n.type === 'TSSatisfiesExpression' ||
      n.type === 'ChainExpression')
  )
    n = n.expression;
  return n;
}

/** The text of a string literal or a template without substitutions; null for anything else. */
function literalText(node) {
  const n = uncast(node);
  if (n?.type === 'Literal' && typeof n.value === 'string') return n.value;
  if (n?.type === 'TemplateLiteral' && n.expressions.length === 0) return n.quasis[0]?.value.cooked ?? null;
  return null;
}

const propertyName = (node) =>
  node.type === 'Identifier' ? node.name : node.type === 'Literal' ? String(node.value) : null;

/** `database` or `x.database`, under any casts: what the platform hands a module. */
function isDatabase(node) {
  const n = uncast(node);
  if (n?.type === 'Identifier') return n.name === 'database';
  return n?.type === 'MemberExpression' && !n.computed && propertyName(n.property) === 'database';
}

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
      moduleDatabase:
        'Module code takes the database as a ModuleDatabase (Platform.database) and its handle from moduleDb<XDb>(database), never the whole Database.',
      notOwnHandle:
        '{{what}} is typed with {{type}}: a handle in {{module}} is typed with a *Db its *.tables.ts declares ({{own}}).',
      nonLiteral:
        '{{call}}(…) with a name the rule cannot read (a variable or an expression): write the table (or schema) as a string literal, so it can be checked against what {{module}} may read.',
      withTables:
        'withTables<…> takes an object type literal naming the tables, so the rule can check that {{module}} may read them.',
      notOwnersModel:
        "Read model {{name}} names '{{table}}', a table of {{owner}}: a read model is published by the owner of its tables.",
      unknownModel: 'The handle names {{name}}, which no *.tables.ts declares.',
      reportingModel:
        '{{name}} is the reporting read model of {{declarer}}, declared by its reader: no other module may put it in its handle.',
      foreignTableInHandle: "Handle {{name}} names '{{table}}', a table of {{owner}}: read it through a read model.",
      ownedTwice: "'{{table}}' is picked by {{others}} too: every table has exactly one owner.",
    },
  },
  create(context) {
    const {
      owners = {},
      pickers = {},
      readModels = {},
      modelDeclarers = {},
      uses = {},
      handles = {},
      root,
    } = context.options[0] ?? {};
    const file = path
      .relative(root ?? context.cwd, context.filename)
      .split(path.sep)
      .join('/');
    const module = /^src\/modules\/([^/]+)\//.exec(file)?.[1];
    if (!module) return {};
    const modelled = new Set((uses[module] ?? []).flatMap((r) => readModels[r] ?? []));
    const ownHandles = handles[module] ?? [];
    const isTablesFile = file.endsWith('.tables.ts');

    function check(node, table, write) {
      const owner = owners[table];
      if (!owner || owner === module) return;
      if (write && modelled.has(table))
        return context.report({ node, messageId: 'readOnly', data: { module, table, owner } });
      if (!write && modelled.has(table)) return;
      context.report({ node, messageId: 'foreign', data: { module, table, owner, verb: write ? 'writes' : 'reads' } });
    }

    function checkText(node, text) {
      for (const { table, write } of tablesInSql(text)) check(node, table, write);
    }

    /** A table argument of a Kysely call: a literal is checked, a callback or `x.as(…)` passes, the rest is unreadable. */
    function checkTableArgument(call, arg, write) {
      const n = uncast(arg);
      if (!n) return;
      const text = literalText(n);
      if (text !== null) return check(n, bare(text.trim().split(/\s+/)[0]), write);
      if (n.type === 'ConditionalExpression') {
        checkTableArgument(call, n.consequent, write);
        checkTableArgument(call, n.alternate, write);
        return;
      }
      if (n.type === 'ArrayExpression') {
        for (const element of n.elements) checkTableArgument(call, element, write);
        return;
      }
      if (n.type === 'ArrowFunctionExpression' || n.type === 'FunctionExpression') return;
      if (
        n.type === 'CallExpression' &&
        n.callee.type === 'MemberExpression' &&
        propertyName(n.callee.property) === 'as'
      )
        return;
      context.report({ node: n, messageId: 'nonLiteral', data: { call, module } });
    }

    function checkSqlHelper(helper, node) {
      for (const arg of node.arguments) {
        const text = literalText(arg);
        if (text === null) {
          context.report({ node: arg, messageId: 'nonLiteral', data: { call: `sql.${helper}`, module } });
          continue;
        }
        // `raw` text is checked as SQL by the Literal and TemplateLiteral visitors.
        if (helper === 'id' || helper === 'table') check(arg, bare(text), false);
        if (helper === 'ref') {
          const parts = text.split('.');
          if (parts.length > 1) check(arg, bare(parts[parts.length - 2] ?? ''), false);
        }
      }
    }

    function checkWithTables(node) {
      const type = node.typeArguments?.params[0];
      if (type?.type !== 'TSTypeLiteral')
        return context.report({ node: type ?? node, messageId: 'withTables', data: { module } });
      for (const member of type.members) {
        const table = member.type === 'TSPropertySignature' ? propertyName(member.key) : null;
        if (table === null) context.report({ node: member, messageId: 'withTables', data: { module } });
        else check(member, table, false);
      }
    }

    /** The type argument of a handle (`Executor<X>`, `moduleDb<X>(…)`) must be one of this module's `*Db`. */
    function checkHandleArgument(what, type) {
      if (type.type === 'TSTypeReference' && type.typeName.type === 'Identifier') {
        if (ownHandles.includes(type.typeName.name)) return;
        if (type.typeName.name === 'DB')
          return context.report({ node: type, messageId: 'wholeDb', data: { what: `${what}<DB>` } });
      }
      context.report({
        node: type,
        messageId: 'notOwnHandle',
        data: { what, type: context.sourceCode.getText(type), module, own: ownHandles.join(', ') || 'none' },
      });
    }

    function checkDbPattern(pattern) {
      if (pattern?.type !== 'ObjectPattern') return;
      for (const p of pattern.properties) {
        if (p.type === 'Property' && !p.computed && propertyName(p.key) === 'db')
          context.report({ node: p, messageId: 'wholeDb', data: { what: 'database.db' } });
      }
    }

    return {
      Literal(node) {
        if (typeof node.value === 'string' && node.parent.type !== 'ImportDeclaration') checkText(node, node.value);
      },
      TemplateLiteral(node) {
        checkText(node, node.quasis.map((q) => q.value.cooked ?? q.value.raw).join(' ? '));
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.computed) return;
        const name = propertyName(callee.property);
        const onSql = callee.object.type === 'Identifier' && callee.object.name === 'sql';
        if (onSql && SQL_HELPERS.has(name)) return checkSqlHelper(name, node);
        if (name === 'withTables') return checkWithTables(node);
        if (name === 'withSchema') {
          if (literalText(node.arguments[0]) === null)
            context.report({ node: node.arguments[0] ?? node, messageId: 'nonLiteral', data: { call: name, module } });
          return;
        }
        if (WRITE_CALLS.has(name) || READ_CALLS.has(name))
          checkTableArgument(name, node.arguments[0], WRITE_CALLS.has(name));
      },
      TSTypeParameterInstantiation(node) {
        if (isTablesFile) return;
        const owner = node.parent;
        let what = null;
        if (owner.type === 'TSTypeReference' && owner.typeName.type === 'Identifier') what = owner.typeName.name;
        else if (owner.type === 'CallExpression' && owner.callee.type === 'Identifier') what = owner.callee.name;
        if (what && HANDLES.has(what) && node.params[0]) checkHandleArgument(what, node.params[0]);
      },
      TSTypeReference(node) {
        if (node.typeName.type !== 'Identifier') return;
        const name = node.typeName.name;
        if (name === 'Executor' && !node.typeArguments)
          context.report({ node, messageId: 'wholeDb', data: { what: 'Executor without tables' } });
        // Any other generic given the whole DB (`Pick<DB, …>` outside *.tables.ts); handles are checked above.
        const instantiation = node.parent;
        if (
          name === 'DB' &&
          instantiation.type === 'TSTypeParameterInstantiation' &&
          !isTablesFile &&
          !(instantiation.parent.type === 'TSTypeReference' && HANDLES.has(instantiation.parent.typeName.name)) &&
          !(instantiation.parent.type === 'CallExpression' && HANDLES.has(instantiation.parent.callee.name))
        )
          context.report({ node, messageId: 'wholeDb', data: { what: 'A type given DB' } });
      },
      MemberExpression(node) {
        const key = node.computed ? literalText(node.property) : propertyName(node.property);
        if (key === 'db' && isDatabase(node.object))
          context.report({ node, messageId: 'wholeDb', data: { what: 'database.db' } });
      },
      VariableDeclarator(node) {
        if (isDatabase(node.init)) checkDbPattern(node.id);
      },
      Property(node) {
        // `{ database: { db } }` in a parameter or a declaration.
        if (node.parent.type === 'ObjectPattern' && propertyName(node.key) === 'database') checkDbPattern(node.value);
      },
      ImportDeclaration(node) {
        if (!DATABASE_MODULE.test(node.source.value)) return;
        for (const spec of node.specifiers)
          if (spec.type === 'ImportSpecifier' && propertyName(spec.imported) === 'Database')
            context.report({ node: spec, messageId: 'moduleDatabase' });
      },
      TSImportType(node) {
        const source = node.source?.value ?? node.argument?.literal?.value;
        if (typeof source === 'string' && DATABASE_MODULE.test(source) && node.qualifier?.name === 'Database')
          context.report({ node, messageId: 'moduleDatabase' });
      },
      TSTypeAliasDeclaration(node) {
        if (!isTablesFile) return;
        const name = node.id.name;
        const body = context.sourceCode.getText(node.typeAnnotation);
        if (/Tables$/.test(name) && /^\s*Pick<\s*DB\s*,/.test(body)) {
          for (const t of body.matchAll(/'(\w+)'/g)) {
            const others = (pickers[t[1]] ?? []).filter((m) => m !== module);
            if (others.length > 0)
              context.report({
                node: node.id,
                messageId: 'ownedTwice',
                data: { table: t[1], others: others.join(', ') },
              });
          }
        }
        if (/ReadModel$/.test(name) && !REPORTING_READ_MODELS.includes(name)) {
          for (const table of readModelTables(body)) {
            const owner = owners[table];
            if (owner && owner !== module)
              context.report({ node: node.id, messageId: 'notOwnersModel', data: { name, table, owner } });
          }
        }
        if (/Db$/.test(name)) {
          for (const m of body.matchAll(/\b(\w+ReadModel)\b/g)) {
            if (!readModels[m[1]]) context.report({ node: node.id, messageId: 'unknownModel', data: { name: m[1] } });
            else if (REPORTING_READ_MODELS.includes(m[1]) && modelDeclarers[m[1]] !== module)
              context.report({
                node: node.id,
                messageId: 'reportingModel',
                data: { name: m[1], declarer: modelDeclarers[m[1]] },
              });
          }
          for (const table of readModelTables(body)) {
            const owner = owners[table];
            if (owner && owner !== module)
              context.report({ node: node.id, messageId: 'foreignTableInHandle', data: { name, table, owner } });
          }
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
