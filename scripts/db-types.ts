// `npm run db-types`: writes the database's types (src/platform/db/generated-schema.ts) from the
// migrated database itself: an in-memory PGlite migrated by the project's own migrate(), read by
// kysely-codegen's PostgreSQL introspector (it takes any Kysely, so PGlite needs no server). With
// --check it writes nothing and fails when the committed file is stale, so `npm run check` catches
// a migration committed without its types.
//
// What the catalog cannot say is added here, in one place: a text column whose check constraint is
// `col in ('a', 'b')` becomes the union of its values; a generated column cannot be written; a
// json/jsonb column gets the shape the code stores in it. bigint comes back as a number because
// database.ts parses int8 (INT8_OID) that way.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import {
  ArrayExpressionNode,
  ColumnTypeNode,
  GenericExpressionNode,
  IdentifierNode,
  JsonColumnTypeNode,
  PostgresDialect,
  serializeFromMetadata,
  UnionExpressionNode,
  type DatabaseMetadata,
  type ExpressionNode,
} from 'kysely-codegen';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';

const root = path.resolve(import.meta.dirname, '..');
const typesFile = path.join(root, 'src/platform/db/generated-schema.ts');
const rel = (file: string) => path.relative(process.cwd(), file);

/** First line of the generated file; scripts/lint.ts exempts files that start with it from the size rule. */
const GENERATED_BANNER =
  '// Generated from the migrated database (src/platform/db/migrations) by `npm run db-types` (kysely-codegen): do not edit.';

// Overrides are written as nodes: kysely-codegen parses override strings with the TypeScript 5
// compiler API, which the project's TypeScript 7 does not ship.
const id = (name: string) => new IdentifierNode(name);
const list = (name: string) => new ArrayExpressionNode(id(name));
const record = (value: string) => new GenericExpressionNode('Record', [id('string'), id(value)]);

/** The shape stored in each json/jsonb column (the code writes it as JSON text). */
const JSON_SHAPES: Record<string, ExpressionNode> = {
  'halls.layout': id('HallLayout'),
  'hall_layouts.layout': id('HallLayout'),
  'hall_price_defaults.prices': id('PriceMap'),
  'idempotency_keys.response_headers': record('string'),
  'jobs.payload': record('unknown'),
  'mail_outbox.attachments': list('StoredAttachment'),
  'movies.backdrop': id('StoredImage'),
  'movies.poster': id('StoredImage'),
  'movies.translations': id('MovieTranslations'),
  'outbox_events.payload': record('unknown'),
  'payments.seats': list('PaidSeat'),
  'people.photo': id('StoredImage'),
  'users.avatar': id('StoredAvatar'),
  'showtimes.prices': id('ShowtimePrices'),
  'showtimes.ticket_prices': id('TicketPriceMap'),
  'cinema_price_lists.prices': id('TicketPriceMap'),
  'receipts.content': id('ReceiptContent'),
  'credit_notes.content': id('CreditNoteContent'),
  'ticket_types.names': id('LocalizedText'),
  'ticket_types.rule': id('LocalizedText'),
  'webhook_events.payload': record('unknown'),
};
const modules = '../../modules';
/** Where those shapes are declared, relative to the generated file. */
const SHAPE_IMPORTS: Record<string, string> = {
  HallLayout: `${modules}/catalog/catalog.tables.ts#HallLayout`,
  LocalizedText: `${modules}/sales/sales.tables.ts#LocalizedText`,
  TicketPriceMap: `${modules}/catalog/catalog.tables.ts#TicketPriceMap`,
  PaidSeat: `${modules}/payments/payments.tables.ts#PaidSeat`,
  ReceiptContent: `${modules}/finance/finance.tables.ts#ReceiptContent`,
  CreditNoteContent: `${modules}/finance/finance.tables.ts#CreditNoteContent`,
  PriceMap: `${modules}/sales/sales.tables.ts#PriceMap`,
  ShowtimePrices: `${modules}/catalog/catalog.tables.ts#ShowtimePrices`,
  StoredAttachment: `${modules}/notifications/notifications.tables.ts#StoredAttachment`,
  StoredImage: `${modules}/catalog/catalog.tables.ts#StoredImage`,
  StoredAvatar: `${modules}/accounts/accounts.tables.ts#StoredAvatar`,
  MovieTranslations: `${modules}/catalog/catalog.tables.ts#MovieTranslations`,
};

/** `check (col in ('a', 'b'))` as PostgreSQL prints it back. */
const IN_LIST = /^CHECK \(\((\w+) = ANY \(ARRAY\[(.+)\]\)\)\)$/;

async function checkedValues(db: Kysely<unknown>): Promise<Map<string, string[]>> {
  const { rows } = await sql<{ table: string; def: string }>`
    select c.relname as table, pg_get_constraintdef(k.oid) as def
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_namespace n on n.oid = c.relnamespace
    where k.contype = 'c' and n.nspname = 'public' and cardinality(k.conkey) = 1`.execute(db);
  const out = new Map<string, string[]>();
  for (const row of rows) {
    const m = IN_LIST.exec(row.def);
    if (!m?.[1] || !m[2]) continue;
    const values = [...m[2].matchAll(/'((?:[^']|'')*)'::text/g)].map((v) => (v[1] ?? '').replaceAll("''", "'"));
    out.set(`${row.table}.${m[1]}`, values);
  }
  return out;
}

async function generatedColumns(db: Kysely<unknown>): Promise<Set<string>> {
  const { rows } = await sql<{ table: string; column: string }>`
    select c.relname as table, a.attname as column
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and a.attgenerated <> '' and a.attnum > 0 and not a.attisdropped`.execute(db);
  return new Set(rows.map((r) => `${r.table}.${r.column}`));
}

/** The TypeScript source of the generated schema, from a freshly migrated in-memory database. */
export async function dbTypes(): Promise<string> {
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    await migrate(database);
    const db = database.db as unknown as Kysely<unknown>;
    const dialect = new PostgresDialect();
    const metadata: DatabaseMetadata = await dialect.introspector.introspect({ db: db as never });
    const checked = await checkedValues(db);
    const generated = await generatedColumns(db);
    const overrides: Record<string, ExpressionNode> = {};
    for (const table of metadata.tables) {
      for (const column of table.columns) {
        const key = `${table.name}.${column.name}`;
        const values = checked.get(key);
        if (values && column.dataType === 'text' && !column.isArray) {
          // Declared as an enum so the union gets a name of its own (BookingsStatus, UsersRole, …).
          column.dataType = `${table.name}_${column.name}`;
          column.dataTypeSchema = 'public';
          metadata.enums.set(`public.${column.dataType}`, values);
        }
        const shape = JSON_SHAPES[key];
        if (shape) {
          if (column.dataType !== 'json' && column.dataType !== 'jsonb')
            throw new Error(`${key} is ${column.dataType}, not json`);
          if (column.hasDefaultValue && column.isNullable)
            throw new Error(`${key}: a nullable json column with a default needs a shape of its own`);
          // The generator adds `| null` to an override when the column is nullable.
          const json = new JsonColumnTypeNode(shape);
          overrides[key] = column.hasDefaultValue ? new GenericExpressionNode('Generated', [json]) : json;
        } else if (generated.has(key)) {
          const value = column.dataType === 'text' || column.dataType === 'tsvector' ? id('string') : id('unknown');
          const selected = column.isNullable ? new UnionExpressionNode([value, id('null')]) : value;
          // Read only: the null belongs to what is read, not to what may be written.
          column.isNullable = false;
          overrides[key] = new ColumnTypeNode(selected, id('never'), id('never'));
        }
      }
    }
    for (const key of Object.keys(JSON_SHAPES))
      if (!(key in overrides)) throw new Error(`JSON_SHAPES names ${key}, which the database does not have`);
    const body = serializeFromMetadata({
      metadata,
      dialect,
      overrides: { columns: overrides },
      customImports: SHAPE_IMPORTS,
      typeMapping: { int8: 'number' },
      typeOnlyImports: true,
      skipAutogeneratedFileComment: true,
    });
    return `${GENERATED_BANNER}\n${body.startsWith('\n') ? '' : '\n'}${body}`;
  } finally {
    await database.close();
  }
}

const fresh = await dbTypes();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(typesFile, 'utf8');
  } catch {
    // missing: stale like any other difference
  }
  if (current !== fresh) {
    process.stderr.write(`${rel(typesFile)} is stale against the migrations: run \`npm run db-types\` and commit it\n`);
    process.exit(1);
  }
  process.stdout.write(`${rel(typesFile)}: up to date\n`);
} else {
  writeFileSync(typesFile, fresh);
  process.stdout.write(`wrote ${rel(typesFile)}\n`);
}
