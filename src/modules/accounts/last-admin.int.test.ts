// The last admin stays an admin: demoting or erasing the only admin account is 409 last_admin, also
// when two admins demote each other at the same moment (on PostgreSQL, with real concurrency).
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { registerUser } from '../../../test/support/accounts.ts';
import { backends } from '../../../test/support/backends.ts';
import { makeUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

for (const backend of backends()) {
  describe(`the last admin on ${backend.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(backend, { env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    });
    after(() => t.close());

    // Each test arranges its own admins: none from an earlier test may count.
    beforeEach(async () => {
      await t.app.platform.database.db
        .updateTable('users')
        .set({ role: 'customer' })
        .where('role', '=', 'admin')
        .execute();
    });

    const setRole = (id: string, role: string, token: string) =>
      t.request({ method: 'PATCH', url: `/api/v1/users/${id}`, payload: { role }, token });
    const liveAdmins = async () =>
      (
        await t.app.platform.database.db
          .selectFrom('users')
          .select('id')
          .where('role', '=', 'admin')
          .where('deleted_at', 'is', null)
          .execute()
      ).map((r) => r.id);

    test('the only admin cannot demote itself (409 last_admin); with a second admin it can', async () => {
      const admin = await makeUser(t, { role: 'admin' });
      for (const role of ['staff', 'customer']) {
        const res = await setRole(admin.id, role, admin.token);
        assert.equal(res.status, 409, role);
        assert.equal(res.body.code, 'last_admin');
        assert.match(String(res.headers['content-type']), /problem\+json/);
      }
      assert.equal((await setRole(admin.id, 'admin', admin.token)).status, 200, 'staying admin is fine');
      const second = await makeUser(t, { role: 'admin' });
      assert.equal((await setRole(admin.id, 'staff', admin.token)).status, 200);
      assert.deepEqual(await liveAdmins(), [second.id]);
      const last = await setRole(second.id, 'customer', second.token);
      assert.equal(last.body.code, 'last_admin');
    });

    test('the only admin cannot erase its account (409 last_admin); the account and its session stay', async () => {
      const registered = await registerUser(t);
      await t.app.platform.database.db
        .updateTable('users')
        .set({ role: 'admin' })
        .where('id', '=', registered.id)
        .execute();
      const session = await t.app.modules.accounts.sessions.create(t.app.platform.database.db, registered.id, {});
      const erase = () =>
        t.request({
          method: 'DELETE',
          url: '/api/v1/me',
          payload: { password: registered.password },
          token: session.token,
        });
      const res = await erase();
      assert.equal(res.status, 409);
      assert.equal(res.body.code, 'last_admin');
      assert.equal((await t.request({ method: 'GET', url: '/api/v1/me', token: session.token })).status, 200);
      assert.deepEqual(await liveAdmins(), [registered.id]);
      await makeUser(t, { role: 'admin' });
      assert.equal((await erase()).status, 204, 'with another admin the account can go');
    });

    test('two admins demoting each other at the same moment leave one admin, never none', async () => {
      for (let round = 0; round < 5; round++) {
        await t.app.platform.database.db
          .updateTable('users')
          .set({ role: 'customer' })
          .where('role', '=', 'admin')
          .execute();
        const a = await makeUser(t, { role: 'admin' });
        const b = await makeUser(t, { role: 'admin' });
        const answers = await Promise.all([setRole(b.id, 'customer', a.token), setRole(a.id, 'customer', b.token)]);
        const statuses = answers.map((r) => r.status).sort();
        // The loser is refused either because it is the last admin now, or because it is no admin any
        // more by the time its request is authorised.
        assert.equal(statuses[0], 200, `round ${round}: ${JSON.stringify(answers.map((r) => r.body))}`);
        assert.ok([403, 409].includes(statuses[1] as number), `round ${round}: ${statuses}`);
        assert.equal((await liveAdmins()).length, 1, `round ${round}`);
      }
    });
  });
}
