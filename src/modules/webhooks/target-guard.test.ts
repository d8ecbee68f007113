// The SSRF guard's rules without a network: which addresses are inside, the URL forms that hide
// them, the allowances, and a DNS answer that changes between the check and the connection.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextAttemptAt, RETRY_WINDOW_MS } from './delivery-schedule.ts';
import { createTargetGuard, isInternalAddress, type Resolve } from './target-guard.ts';

const closed = { allowPrivate: false, allowed: { hosts: [], ranges: [] } };
const answers =
  (table: Record<string, string[]>): Resolve =>
  async (host) =>
    (table[host] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

test('addresses inside the network are recognised, IPv4 written inside IPv6 too', () => {
  const inside = [
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '64:ff9b::a00:1',
    '2002:7f00:1::',
    'fd00::1',
    'fe80::1%eth0',
    'ff02::1',
  ];
  for (const a of inside) assert.equal(isInternalAddress(a), true, a);
  for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8'])
    assert.equal(isInternalAddress(a), false, a);
});

test('URLs are refused for their scheme, credentials, and literal or resolved addresses inside', async () => {
  const guard = createTargetGuard(
    closed,
    answers({ 'hooks.example.com': ['93.184.216.34'], localhost: ['127.0.0.1', '::1'] }),
  );
  const refused = [
    'ftp://hooks.example.com/',
    'http://user:pw@hooks.example.com/',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://0177.0.0.1/',
    'http://[::ffff:127.0.0.1]/',
    'http://localhost:8080/',
    'not a url',
  ];
  for (const url of refused)
    await assert.rejects(guard.check(url), (e: any) => e.code === 'webhook_target_refused', url);
  await assert.rejects(guard.check('https://nowhere.example/'), (e: any) => e.code === 'webhook_target_unresolvable');
  assert.equal((await guard.check('https://hooks.example.com/in')).href, 'https://hooks.example.com/in');
});

test('allowances: any address, or named hosts and ranges only', async () => {
  const resolve = answers({ 'hooks.lan': ['10.0.0.5'], 'other.lan': ['10.9.0.5'] });
  const open = createTargetGuard({ allowPrivate: true, allowed: { hosts: [], ranges: [] } }, resolve);
  await open.check('http://127.0.0.1:9000/');
  const some = createTargetGuard(
    { allowPrivate: false, allowed: { hosts: ['hooks.lan'], ranges: ['192.168.5.0/24'] } },
    resolve,
  );
  await some.check('http://hooks.lan/');
  await some.check('http://192.168.5.20/');
  await assert.rejects(some.check('http://other.lan/'), (e: any) => e.code === 'webhook_target_refused');
  await assert.rejects(some.check('http://192.168.6.20/'), (e: any) => e.code === 'webhook_target_refused');
});

test('a delivery connects only to the address it checked, so a rebinding DNS answer is refused', async () => {
  let calls = 0;
  // Public when the endpoint is saved, loopback when the delivery looks again.
  const rebinding: Resolve = async () => [{ address: calls++ === 0 ? '93.184.216.34' : '127.0.0.1', family: 4 }];
  const guard = createTargetGuard(closed, rebinding);
  await guard.check('http://rebind.example/');
  const { lookup } = guard.forDelivery('http://rebind.example/');
  const looked = await new Promise<{ err: any; address: unknown }>((resolve) =>
    lookup('rebind.example', { family: 0 }, (err, address) => resolve({ err, address })),
  );
  assert.equal(looked.err?.code, 'webhook_target_refused');
  const steady = createTargetGuard(closed, answers({ 'ok.example': ['93.184.216.34'] })).forDelivery(
    'http://ok.example/',
  );
  const all = await new Promise<unknown>((resolve) =>
    steady.lookup('ok.example', { all: true }, (_e, list) => resolve(list)),
  );
  assert.deepEqual(all, [{ address: '93.184.216.34', family: 4 }]);
  assert.throws(
    () => guard.forDelivery('http://[::1]/'),
    (e: any) => e.code === 'webhook_target_refused',
  );
});

test('the retry schedule: 5 s, 5 min, 30 min, 2 h, 5 h, then 10 h, ending on the three days', () => {
  const first = new Date('2026-01-01T00:00:00Z');
  const times = [first];
  for (let at: Date | null = first, n = 1; at; n++) {
    at = nextAttemptAt(first, n, at);
    if (at) times.push(at);
  }
  const gaps = times.slice(1).map((t, i) => (t.getTime() - (times[i] as Date).getTime()) / 1000);
  assert.deepEqual(gaps, [5, 300, 1800, 7200, 18000, 36000, 36000, 36000, 36000, 36000, 36000, 15895]);
  assert.equal((times.at(-1) as Date).getTime() - first.getTime(), RETRY_WINDOW_MS);
});
