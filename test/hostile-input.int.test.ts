// "No input, however malformed, may produce a 5xx" (API.md), checked over every route the OpenAPI
// document lists rather than route by route: NUL characters in every query parameter and in bodies,
// ids that cannot be ours, forged list cursors, broken percent-encoding and prototype keys in JSON.
// Every answer is a 4xx problem+json with the code API.md gives for it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from './support/backends.ts';
import { makeShowtime } from './support/catalog-factories.ts';
import { makeUser, type TestUser } from './support/factories.ts';
import { startTestApp, type TestApp, type TestResponse } from './support/test-app.ts';

interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, unknown> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
}

const PROBLEM = /application\/problem\+json/;
const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;
// A live stream never ends: its refusals are tested with the seat map (seat-events tests).
const isStream = (op: Operation) =>
  Object.values(op.responses ?? {}).some((r) => r.content && 'text/event-stream' in r.content);

function assertProblem(res: TestResponse, status: number, code: string, what: string): void {
  assert.ok(res.status < 500, `${what}: ${res.status} ${res.text.slice(0, 200)}`);
  assert.equal(res.status, status, `${what}: ${res.text.slice(0, 200)}`);
  assert.match(String(res.headers['content-type']), PROBLEM, what);
  // A 404 may name what was not found (cinema_not_found, pickup_not_found): still a plain "not found".
  if (code === 'not_found') assert.match(String(res.body.code), /(^|_)not_found$/, what);
  else assert.equal(res.body.code, code, what);
}

for (const backend of backends()) {
  describe(`hostile input on ${backend.name}`, () => {
    let t: TestApp;
    let admin: TestUser;
    let operations: { method: (typeof methods)[number]; path: string; op: Operation }[];
    // Guest routes take a booking's management token instead of a session: one guest booking's.
    let guest: { id: string; token: string };
    before(async () => {
      t = await startTestApp(backend);
      admin = await makeUser(t, { role: 'admin' });
      const s = await makeShowtime(t);
      const held = await t.request({
        method: 'POST',
        url: '/api/v1/guest/bookings',
        payload: { showtimeId: s.showtimeId, seatIds: [s.seat('A', 1).id], email: 'ada@example.test', name: 'Ada' },
      });
      assert.equal(held.status, 201, held.text);
      guest = { id: held.body.id, token: held.body.managementToken };
      const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).body as {
        paths: Record<string, Partial<Record<(typeof methods)[number], Operation>>>;
      };
      operations = Object.entries(doc.paths).flatMap(([path, item]) =>
        methods.flatMap((method) => (item[method] ? [{ method, path, op: item[method] as Operation }] : [])),
      );
      assert.ok(operations.length > 50, 'the document lists the routes');
    });
    after(() => t.close());

    const fill = (path: string, id: string) => path.replace(/\{[^}]+\}/g, id);
    const isGuest = (path: string) => path.startsWith('/api/v1/guest/bookings/{');
    const credentials = (path: string) =>
      isGuest(path) ? { headers: { authorization: `Booking ${guest.token}` } } : { token: admin.token };
    const upper = (m: string) => m.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

    test('a NUL character in any query parameter is 422 validation_failed naming the parameter', async () => {
      let checked = 0;
      for (const { method, path, op } of operations) {
        if (isStream(op)) continue;
        for (const p of op.parameters ?? []) {
          if (p.in !== 'query') continue;
          const id = isGuest(path) ? guest.id : '00000000-0000-4000-8000-000000000000';
          const url = `${fill(path, id)}?${p.name}=a%00b`;
          const res = await t.request({ method: upper(method), url, ...credentials(path) });
          assertProblem(res, 422, 'validation_failed', `${method} ${url}`);
          assert.equal(res.body.errors[0].in, 'querystring', `${method} ${url}`);
          checked++;
        }
      }
      assert.ok(checked >= 20, `${checked} query parameters checked`);
    });

    test('a NUL character anywhere in a JSON body is 422 validation_failed with its path', async () => {
      let checked = 0;
      for (const { method, path, op } of operations) {
        if (!op.requestBody?.content || !('application/json' in op.requestBody.content)) continue;
        const url = fill(path, isGuest(path) ? guest.id : '00000000-0000-4000-8000-000000000000');
        const res = await t.request({
          method: upper(method),
          url,
          ...credentials(path),
          payload: { name: 'ok', nested: { list: ['fine', 'bad\u0000value'] } },
        });
        assertProblem(res, 422, 'validation_failed', `${method} ${url}`);
        assert.equal(res.body.errors[0].path, '/nested/list/1', `${method} ${url}`);
        checked++;
      }
      assert.ok(checked >= 20, `${checked} bodies checked`);
    });

    test('an id that cannot be one of ours is 404 not_found, like one that does not exist', async () => {
      let checked = 0;
      for (const { method, path, op } of operations) {
        if (!path.includes('{') || isStream(op) || path.includes('webhooks')) continue;
        for (const id of ['not-an-id', '12345', 'x'.repeat(150)]) {
          const res = await t.request({
            method: upper(method),
            url: fill(path, id),
            ...credentials(path),
            payload: method === 'get' || method === 'delete' ? undefined : {},
          });
          assertProblem(res, 404, 'not_found', `${method} ${fill(path, id)}`);
          checked++;
        }
      }
      assert.ok(checked >= 60, `${checked} routes with ids checked`);
    });

    test('forged list cursors are 422 validation_failed on every list', async () => {
      const forge = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
      const lists = operations.filter(
        ({ method, op }) => method === 'get' && (op.parameters ?? []).some((p) => p.name === 'cursor'),
      );
      assert.ok(lists.length >= 6, `${lists.length} lists`);
      for (const { path } of lists) {
        const url = fill(path, '00000000-0000-4000-8000-000000000000');
        for (const kind of ['movies', 'movies-q', 'people', 'cinemas', 'showtimes']) {
          for (const cursor of [
            forge([kind, 'xxx', 'yyy']),
            forge([kind, '2026-13-45 99:00:00+00', '00000000-0000-4000-8000-000000000000']),
            forge([kind, 'a', 'not-a-uuid']),
            'garbage',
            '',
          ]) {
            const res = await t.request({
              method: 'GET',
              url: `${url}?cursor=${cursor}${kind === 'movies-q' ? '&q=night' : ''}`,
              token: admin.token,
            });
            assert.ok(res.status < 500, `${url} cursor ${cursor}: ${res.status} ${res.text.slice(0, 200)}`);
            if (res.status !== 200)
              assertProblem(
                res,
                res.status === 404 ? 404 : 422,
                res.status === 404 ? 'not_found' : 'validation_failed',
                `${url} cursor ${cursor}`,
              );
          }
        }
      }
    });

    test('a URL with broken percent-encoding is 400 bad_request as problem+json', async () => {
      for (const url of ['/api/v1/movies/%ff', '/api/v1/showtimes/%ff', '/api/v1/x%ff', '/%ff']) {
        const res = await t.request({ method: 'GET', url });
        assert.ok(res.status === 400 || res.status === 404 || res.status === 422, `${url}: ${res.status} ${res.text}`);
        assert.match(String(res.headers['content-type']), PROBLEM, url);
        assert.ok(['bad_request', 'not_found', 'validation_failed'].includes(res.body.code), url);
      }
      const res = await t.request({ method: 'GET', url: '/api/v1/movies/%ff' });
      assertProblem(res, 400, 'bad_request', 'a broken path');
      // In a query string the parser keeps what it cannot decode: an ordinary (empty) search.
      assert.equal((await t.request({ method: 'GET', url: '/api/v1/movies?q=%ff' })).status, 200);
    });

    test('__proto__ in a JSON body is an unknown field (422), not malformed JSON', async () => {
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/bookings',
        token: admin.token,
        headers: { 'content-type': 'application/json' },
        payload:
          '{"showtimeId":"00000000-0000-4000-8000-000000000000","seatIds":["00000000-0000-4000-8000-000000000001"],"__proto__":{"x":1}}',
      });
      assertProblem(res, 422, 'validation_failed', 'prototype key');
      assert.deepEqual(res.body.errors, [{ path: '/__proto__', message: 'is not a known field' }]);
      const broken = await t.request({
        method: 'POST',
        url: '/api/v1/bookings',
        token: admin.token,
        headers: { 'content-type': 'application/json' },
        payload: '{"showtimeId":',
      });
      assertProblem(broken, 400, 'bad_request', 'malformed JSON');
    });
  });
}
