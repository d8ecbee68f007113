// What the compiler refuses a module (the table-owners lint rule covers the rest, test/table-owners.test.ts).
// The `@ts-expect-error` lines are the assertions: `npm run check` fails when one of them compiles,
// because then a module could reach a table it does not own that way. The run-time test checks that
// the narrow views are the same objects, which the batched hold relies on (claims.store.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AccountsDb } from '../src/modules/accounts/accounts.tables.ts';
import type { NotificationsDb } from '../src/modules/notifications/notifications.tables.ts';
import type { PaymentsDb } from '../src/modules/payments/payments.tables.ts';
import type { PromotionsDb } from '../src/modules/promotions/promotions.tables.ts';
import type { TillDb } from '../src/modules/till/till.tables.ts';
import type { Platform } from '../src/platform/context.ts';
import type { Executor } from '../src/platform/db/database.ts';
import { moduleDb, narrowTx } from '../src/platform/db/module-db.ts';
import type { EventHandler } from '../src/platform/events/event-bus.ts';
import { backends } from './support/backends.ts';

export const refused = {
  // The platform gives modules no handle on the whole database.
  wholeDatabase: (platform: Platform) => {
    // @ts-expect-error Platform.database is a ModuleDatabase: no `db`
    const { db } = platform.database;
    return db;
  },
  // An event handler is handed the platform's transaction as a SharedTx, to narrow to its own tables.
  eventTransaction: (): EventHandler => async (_event, trx) => {
    // @ts-expect-error a SharedTx has no query builder
    await trx.selectFrom('users').select('email').execute();
  },
  paymentsReadsUsers: (db: Executor<PaymentsDb>) =>
    // @ts-expect-error payments' handle has its tables and CatalogReadModel, not users
    db.selectFrom('users').select('email'),
  paymentsWritesShowtimes: (db: Executor<PaymentsDb>) =>
    // @ts-expect-error showtimes is catalog's, read-only through CatalogReadModel
    db.updateTable('showtimes').set({ status: 'cancelled' }),
  paymentsReadsHalls: (db: Executor<PaymentsDb>) =>
    // @ts-expect-error CatalogReadModel has showtimes and seats, not halls
    db.selectFrom('halls').select('name'),
  accountsReadsMail: (db: Executor<AccountsDb>) =>
    // @ts-expect-error mail_outbox is notifications'
    db.selectFrom('mail_outbox').select('recipient'),
  notificationsReadsUsers: (db: Executor<NotificationsDb>) =>
    // @ts-expect-error users is accounts'
    db.selectFrom('users').select('email'),
  tillWritesPayments: (db: Executor<TillDb>) =>
    // @ts-expect-error payments is payments': the till records money through offline-payments.ts
    db.updateTable('payments').set({ status: 'refunded' }),
  tillReadsBookings: (db: Executor<TillDb>) =>
    // @ts-expect-error bookings is booking's: the till asks payments, which asks booking
    db.selectFrom('bookings').select('user_id'),
  promotionsWritesBookings: (db: Executor<PromotionsDb>) =>
    // @ts-expect-error bookings is booking's: a discount is set through booking's adjustHeld
    db.updateTable('bookings').set({ discount_amount: 0 }),
};

export const allowed = {
  paymentsReadsShowtimeStatus: (db: Executor<PaymentsDb>) =>
    db.selectFrom('showtimes').select('status').where('id', '=', 'x'),
  handlerNarrows: (): EventHandler => async (_event, trx) => {
    await narrowTx<NotificationsDb>(trx).selectFrom('mail_outbox').select('id').execute();
  },
};

for (const backend of backends()) {
  test(`${backend.name}: a module's handle and a narrowed transaction are the database's own objects`, async () => {
    const { database, drop } = await backend.create();
    try {
      assert.equal(
        moduleDb<PaymentsDb>(database) as unknown,
        database.db,
        'claims.store.ts tells the root handle by identity',
      );
      await database.db.transaction().execute(async (trx) => {
        const narrowed = narrowTx<PaymentsDb>(trx);
        assert.equal(narrowed as unknown, trx);
        assert.equal(narrowed.isTransaction, true);
      });
    } finally {
      await drop();
    }
  });
}
