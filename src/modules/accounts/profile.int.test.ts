// The own account through HTTP: profile, password change, erasure; admins changing roles and finding users.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { login, mailsTo, registerUser, signedInUser, uniqueEmail } from '../../../test/support/accounts.ts';
import { backends } from '../../../test/support/backends.ts';
import { makeUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const NEW_PASSWORD = 'amber-Lantern-58-river';

for (const backend of backends()) {
  describe(`profile and roles on ${backend.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(backend, { env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    });
    after(() => t.close());

    const me = (token: string) => t.request({ method: 'GET', url: '/api/v1/me', token });
    const patchMe = (token: string, payload: unknown) =>
      t.request({ method: 'PATCH', url: '/api/v1/me', payload: payload as object, token });

    test('GET /me is exactly {id, email, name, phone, role, emailVerified, createdAt, language, avatarUrl}', async () => {
      const user = await signedInUser(t);
      const res = await me(user.token);
      assert.equal(res.status, 200);
      assert.deepEqual(Object.keys(res.body).sort(), [
        'avatarUrl',
        'createdAt',
        'email',
        'emailVerified',
        'id',
        'language',
        'name',
        'phone',
        'role',
      ]);
      assert.equal(res.body.email, user.email);
      assert.equal((await t.request({ method: 'GET', url: '/api/v1/me' })).status, 401);
    });

    test('GET /session is 200 with the user when signed in and with null otherwise', async () => {
      const user = await signedInUser(t);
      const signedIn = await t.request({ method: 'GET', url: '/api/v1/session', token: user.token });
      assert.equal(signedIn.status, 200);
      assert.equal(signedIn.body.user.email, user.email);
      assert.deepEqual(signedIn.body.user, (await me(user.token)).body);
      const visitor = await t.request({ method: 'GET', url: '/api/v1/session' });
      assert.equal(visitor.status, 200);
      assert.deepEqual(visitor.body, { user: null });
      const stale = await t.request({ method: 'GET', url: '/api/v1/session', headers: { cookie: 'session=gone' } });
      assert.deepEqual([stale.status, stale.body], [200, { user: null }]);
    });

    test('PATCH /me changes name and phone, and the next GET /me shows it', async () => {
      const user = await signedInUser(t);
      assert.equal((await me(user.token)).body.name, 'Ada Lovelace');
      const res = await patchMe(user.token, { name: '  Ada King  ', phone: '+44 20 7946 0958' });
      assert.equal(res.status, 200);
      assert.equal(res.body.name, 'Ada King');
      assert.equal(res.body.phone, '+44 20 7946 0958');
      assert.deepEqual((await me(user.token)).body, res.body);
      const cleared = await patchMe(user.token, { phone: null });
      assert.equal(cleared.body.phone, null);
      assert.equal(cleared.body.name, 'Ada King');
      assert.equal((await me(user.token)).body.phone, null);
    });

    test('PATCH /me refuses bad values and fields it does not own (role, email) with 422', async () => {
      const user = await signedInUser(t);
      for (const payload of [
        { name: '' },
        { name: '   ' },
        { name: 'tab\there' },
        { phone: 'call me' },
        { phone: 12345 },
        { role: 'admin' },
        { email: 'new@example.test' },
      ]) {
        const res = await patchMe(user.token, payload);
        assert.equal(res.status, 422, JSON.stringify(payload));
      }
      assert.equal((await me(user.token)).body.role, 'customer');
    });

    test('password change: the current password is checked, the new one must be strong, other sessions end', async () => {
      const user = await signedInUser(t);
      const other = await login(t, user.email, user.password);
      const change = (currentPassword: string, newPassword: string) =>
        t.request({
          method: 'POST',
          url: '/api/v1/me/password',
          payload: { currentPassword, newPassword },
          token: user.token,
        });
      const wrong = await change('not-my-password-1', NEW_PASSWORD);
      assert.equal(wrong.status, 403);
      assert.equal(wrong.body.code, 'wrong_password');
      const weak = await change(user.password, 'password1234');
      assert.equal(weak.status, 422);
      assert.equal(weak.body.code, 'validation_failed');
      assert.equal(weak.body.reason, 'weak_password');
      assert.equal((await me(other.body.token)).status, 200);
      assert.equal((await change(user.password, NEW_PASSWORD)).status, 204);
      assert.equal((await me(user.token)).status, 200, 'the current session goes on');
      assert.equal((await me(other.body.token)).status, 401, 'other sessions end');
      assert.equal((await login(t, user.email, user.password)).status, 401);
      assert.equal((await login(t, user.email, NEW_PASSWORD)).status, 200);
    });

    test('DELETE /me erases personal data, ends sessions, frees the email; the row stays for bookings', async () => {
      const user = await signedInUser(t);
      await patchMe(user.token, { phone: '+33 1 23 45 67 89' });
      const other = await login(t, user.email, user.password);
      assert.equal((await mailsTo(t, user.email)).length, 1, 'the verification mail was sent');
      const wrong = await t.request({
        method: 'DELETE',
        url: '/api/v1/me',
        payload: { password: 'not-my-password-1' },
        token: user.token,
      });
      assert.equal(wrong.status, 403);
      const missing = await t.request({ method: 'DELETE', url: '/api/v1/me', payload: {}, token: user.token });
      assert.equal(missing.status, 422);
      const res = await t.request({
        method: 'DELETE',
        url: '/api/v1/me',
        payload: { password: user.password },
        token: user.token,
      });
      assert.equal(res.status, 204);
      for (const token of [user.token, other.body.token]) assert.equal((await me(token)).status, 401);
      assert.equal((await login(t, user.email, user.password)).status, 401);
      const row = await t.app.platform.database.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.email, null);
      assert.equal(row.name, '');
      assert.equal(row.phone, null);
      assert.equal(row.password_hash, null);
      assert.ok(row.deleted_at);
      assert.equal((await mailsTo(t, user.email)).length, 0, 'mail to the address is erased too');
      const kept = await t.app.platform.database.db
        .selectFrom('mail_outbox')
        .select('id')
        .where('user_id', '=', user.id)
        .execute();
      assert.equal(kept.length, 0, 'no mail of the account is kept');
      const browsers = await t.app.platform.database.db
        .selectFrom('login_devices')
        .select('device_hash')
        .where('user_id', '=', user.id)
        .execute();
      assert.equal(browsers.length, 0, 'so are the browsers it signed in from');
      const again = await registerUser(t, { email: user.email });
      assert.notEqual(again.id, user.id);
    });

    test('PATCH /users/{id} {role}: admin only; the new role applies to live sessions at once', async () => {
      const admin = await makeUser(t, { role: 'admin' });
      const staff = await makeUser(t, { role: 'staff' });
      const user = await signedInUser(t);
      assert.equal((await t.request({ method: 'GET', url: '/api/v1/users', token: user.token })).status, 403);
      const byStaff = await t.request({
        method: 'PATCH',
        url: `/api/v1/users/${user.id}`,
        payload: { role: 'admin' },
        token: staff.token,
      });
      assert.equal(byStaff.status, 403);
      assert.equal(byStaff.body.code, 'forbidden');
      const res = await t.request({
        method: 'PATCH',
        url: `/api/v1/users/${user.id}`,
        payload: { role: 'admin' },
        token: admin.token,
      });
      assert.equal(res.status, 200);
      assert.equal(res.body.role, 'admin');
      assert.deepEqual(Object.keys(res.body).sort(), [
        'avatarUrl',
        'createdAt',
        'email',
        'emailVerified',
        'id',
        'language',
        'name',
        'phone',
        'role',
      ]);
      assert.equal((await t.request({ method: 'GET', url: '/api/v1/users', token: user.token })).status, 200);
      assert.equal((await me(user.token)).body.role, 'admin');
      const demoted = await t.request({
        method: 'PATCH',
        url: `/api/v1/users/${user.id}`,
        payload: { role: 'customer' },
        token: admin.token,
      });
      assert.equal(demoted.body.role, 'customer');
      assert.equal((await t.request({ method: 'GET', url: '/api/v1/users', token: user.token })).status, 403);
      const unknown = await t.request({
        method: 'PATCH',
        url: '/api/v1/users/00000000-0000-4000-8000-000000000000',
        payload: { role: 'staff' },
        token: admin.token,
      });
      assert.equal(unknown.status, 404);
      // Ids are opaque: one that cannot be a user's is simply not found.
      const malformed = await t.request({
        method: 'PATCH',
        url: '/api/v1/users/42',
        payload: { role: 'staff' },
        token: admin.token,
      });
      assert.equal(malformed.status, 404);
      const badRole = await t.request({
        method: 'PATCH',
        url: `/api/v1/users/${user.id}`,
        payload: { role: 'owner' },
        token: admin.token,
      });
      assert.equal(badRole.status, 422);
    });

    test('GET /users finds by email or name and role, newest first, paged', async () => {
      const admin = await makeUser(t, { role: 'admin' });
      const tag = `q${Date.now().toString(36)}`;
      for (let i = 0; i < 3; i++) {
        await registerUser(t, { email: uniqueEmail(`${tag}-${i}`), name: `Person ${i}` });
        t.clock.advance(1000);
      }
      await registerUser(t, { name: `Named ${tag.toUpperCase()}` });
      const all = await t.request({ method: 'GET', url: `/api/v1/users?q=${tag}&limit=3`, token: admin.token });
      assert.equal(all.status, 200);
      assert.equal(all.body.items.length, 3);
      assert.match(all.body.items[0].name, /^Named/);
      assert.ok(all.body.nextCursor);
      const next = await t.request({
        method: 'GET',
        url: `/api/v1/users?q=${tag}&limit=3&cursor=${all.body.nextCursor}`,
        token: admin.token,
      });
      assert.equal(next.body.items.length, 1);
      assert.equal(next.body.items[0].name, 'Person 0');
      assert.equal(next.body.nextCursor, null);
      const admins = await t.request({ method: 'GET', url: '/api/v1/users?role=admin&limit=100', token: admin.token });
      assert.ok(admins.body.items.every((u: any) => u.role === 'admin'));
      assert.ok(admins.body.items.some((u: any) => u.id === admin.id));
      const wildcard = await t.request({ method: 'GET', url: '/api/v1/users?q=%25', token: admin.token });
      assert.equal(wildcard.status, 200);
      for (const query of ['limit=0', 'limit=101', 'role=owner', 'cursor=zzz']) {
        assert.equal(
          (await t.request({ method: 'GET', url: `/api/v1/users?${query}`, token: admin.token })).status,
          422,
          query,
        );
      }
    });
  });
}
