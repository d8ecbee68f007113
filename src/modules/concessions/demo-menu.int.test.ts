// The demo chain's menu on PGlite and PostgreSQL: every demo cinema sells popcorn in three sizes,
// drinks, nachos, a bottled water with stock and the "Movie menu" combo with a drink of choice, in
// its own currency; seeding again adds nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../../../test/support/backends.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { seedDemoMenu } from './demo-menu.ts';

for (const backend of backends()) {
  describe(`demo menu on ${backend.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(backend, { env: { CINEMA_DEMO: 'true' } });
    });
    after(() => t.close());

    test('every demo cinema has the menu, priced in its currency, with water in stock', async () => {
      const cinemas = (await t.request({ method: 'GET', url: '/api/v1/cinemas' })).body.items;
      assert.ok(cinemas.length >= 2);
      for (const c of cinemas) {
        const menu = (await t.request({ method: 'GET', url: `/api/v1/cinemas/${c.id}/menu?lang=de` })).body;
        assert.equal(menu.currency, c.timezone.startsWith('America/') ? 'USD' : 'EUR');
        const byName = (name: string) => menu.items.find((i: { name: string }) => i.name === name);
        assert.deepEqual(
          byName('Popcorn').variants.map((v: { code: string }) => v.code),
          ['small', 'medium', 'large'],
        );
        assert.ok(byName('Nachos mit Käsedip'));
        const water = byName('Stilles Wasser (Flasche)');
        assert.equal(water.variants[0].available, true);
        const combo = byName('Kinomenü');
        assert.equal(combo.kind, 'combo');
        assert.deepEqual(
          combo.slots.map((s: { name: string; choices: unknown[] }) => [s.name, s.choices.length]),
          [
            ['Popcorn', 1],
            ['Ein Getränk', 4],
          ],
        );
        const { rows } = await t.app.platform.database.db
          .selectFrom('concession_stock')
          .select('on_hand')
          .where('cinema_id', '=', c.id)
          .execute()
          .then((r) => ({ rows: r }));
        assert.deepEqual(
          rows.map((r) => r.on_hand),
          [48],
        );
      }
      const ids = cinemas.map((c: { id: string }) => ({ id: c.id, currency: 'EUR' }));
      assert.equal(await seedDemoMenu(t.app.modules.concessions.service.db, ids, t.clock.now()), false);
    });
  });
}
