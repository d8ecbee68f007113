// The demo chain's ticket types (CINEMA_DEMO): adult (default), child, senior, student and companion
// for every cinema that has no types yet, and a default price list to match the demo showtimes'
// (catalog/demo/seed-demo.ts prices them per type the same way).
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { LocalizedText, SalesDb } from './sales.tables.ts';

const TYPES: {
  code: string;
  names: LocalizedText;
  rule: LocalizedText | null;
  minAge: number | null;
  maxAge: number | null;
}[] = [
  { code: 'adult', names: { en: 'Adult', de: 'Erwachsene' }, rule: null, minAge: null, maxAge: null },
  {
    code: 'child',
    names: { en: 'Child', de: 'Kind' },
    rule: { en: 'Under 12: proof of age may be asked', de: 'Unter 12: Altersnachweis kann verlangt werden' },
    minAge: null,
    maxAge: 11,
  },
  {
    code: 'senior',
    names: { en: 'Senior', de: 'Senioren' },
    rule: { en: '65 and over: proof of age at the door', de: 'Ab 65: Altersnachweis am Einlass' },
    minAge: 65,
    maxAge: null,
  },
  {
    code: 'student',
    names: { en: 'Student', de: 'Studierende' },
    rule: { en: 'Student card at the door', de: 'Studierendenausweis am Einlass' },
    minAge: null,
    maxAge: null,
  },
  {
    code: 'companion',
    names: { en: 'Companion', de: 'Begleitperson' },
    rule: {
      en: 'Companion of a guest with a disability pass (B mark)',
      de: 'Begleitperson mit Schwerbehindertenausweis (Merkzeichen B)',
    },
    minAge: null,
    maxAge: null,
  },
];

/** Gives every cinema without ticket types the demo's five and a matching price list; returns how many cinemas. */
export async function seedDemoTicketTypes(db: Executor<SalesDb>, now: Date): Promise<number> {
  const cinemas = await db
    .selectFrom('cinemas')
    .select('id')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('ticket_types').select('id').whereRef('ticket_types.cinema_id', '=', 'cinemas.id'))),
    )
    .execute();
  if (cinemas.length === 0) return 0;
  await db
    .insertInto('ticket_types')
    .values(
      cinemas.flatMap((c) =>
        TYPES.map((t, i) => ({
          cinema_id: c.id,
          code: t.code,
          names: JSON.stringify(t.names) as never,
          rule: (t.rule ? JSON.stringify(t.rule) : null) as never,
          min_age: t.minAge,
          max_age: t.maxAge,
          is_default: i === 0,
          sort_order: i,
          created_at: now,
          updated_at: now,
        })),
      ),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
  const list = { adult: { standard: 1200, vip: 1700 } } as Record<string, Record<string, number>>;
  for (const [code, f] of [
    ['child', 0.65],
    ['senior', 0.8],
    ['student', 0.85],
    ['companion', 0],
  ] as const)
    list[code] = { standard: Math.round((1200 * f) / 50) * 50, vip: Math.round((1700 * f) / 50) * 50 };
  await sql`insert into cinema_price_lists (cinema_id, currency, prices, updated_at)
    select id, 'EUR', ${JSON.stringify(list)}::jsonb, ${now} from unnest(${cinemas.map((c) => c.id)}::uuid[]) as c(id)
    on conflict do nothing`.execute(db);
  return cinemas.length;
}
