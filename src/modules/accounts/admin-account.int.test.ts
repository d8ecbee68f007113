// The admin account from CINEMA_ADMIN_EMAIL/CINEMA_ADMIN_PASSWORD: created, or promoted, at every
// start-up; starting two processes at once leaves one account.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { login, registerUser, uniqueEmail } from '../../../test/support/accounts.ts';
import { backends } from '../../../test/support/backends.ts';
import { newNamespace, startOnDatabase, type TestApp } from '../../../test/support/test-app.ts';
import type { Database } from '../../platform/db/database.ts';

const ADMIN_PASSWORD = 'projector-Velvet-31-seat';

for (const backend of backends()) {
  describe(`admin account at start-up on ${backend.name}`, () => {
    let database: Database;
    let url: string | undefined;
    let drop: () => Promise<void>;
    const apps: TestApp[] = [];
    const start = async (env: Record<string, string>) => {
      const app = await startOnDatabase(database, url, {
        env: { RATE_LIMIT_PER_MINUTE: '100000', ...env },
        namespace: newNamespace(),
      });
      apps.push(app);
      return app;
    };
    before(async () => {
      ({ database, url, drop } = await backend.create());
    });
    after(async () => {
      for (const app of apps) await app.close();
      await drop();
    });

    test('creates a verified admin that can sign in', async () => {
      const email = uniqueEmail('Admin');
      const t = await start({ CINEMA_ADMIN_EMAIL: email.toUpperCase(), CINEMA_ADMIN_PASSWORD: ADMIN_PASSWORD });
      const res = await login(t, email, ADMIN_PASSWORD);
      assert.equal(res.status, 200);
      assert.equal(res.body.user.role, 'admin');
      assert.equal(res.body.user.emailVerified, true);
      assert.equal(res.body.user.email, email.toLowerCase());
    });

    test('promotes an existing account and sets its password; a restart changes nothing more', async () => {
      const plain = await start({});
      const user = await registerUser(plain);
      const env = { CINEMA_ADMIN_EMAIL: user.email, CINEMA_ADMIN_PASSWORD: ADMIN_PASSWORD };
      const t = await start(env);
      assert.equal((await login(t, user.email, user.password)).status, 401);
      const res = await login(t, user.email, ADMIN_PASSWORD);
      assert.equal(res.body.user.role, 'admin');
      assert.equal(res.body.user.id, user.id);
      await start(env);
      const rows = await database.db.selectFrom('users').select('id').where('email', '=', user.email).execute();
      assert.equal(rows.length, 1);
    });

    test('two processes starting at once both succeed and leave one admin', async () => {
      const email = uniqueEmail('twin-admin');
      const env = { CINEMA_ADMIN_EMAIL: email, CINEMA_ADMIN_PASSWORD: ADMIN_PASSWORD };
      await Promise.all([start(env), start(env)]);
      const rows = await database.db.selectFrom('users').select(['id', 'role']).where('email', '=', email).execute();
      assert.equal(rows.length, 1);
      assert.equal(rows[0]?.role, 'admin');
    });
  });
}
