// The customer's words for the money errors of issue 16, in English and German: every code the
// checkout, the gift card shop and the receipts can meet has its own sentence (never "error N"),
// and a promo code that does not fit says why, by the problem's `reason`.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiError } from '../../web/src/api/http.ts';
import type { Translate } from '../../web/src/i18n/catalog.ts';
import { errorText } from '../../web/src/i18n/errors.ts';
import { de } from '../../web/src/i18n/messages-de.ts';
import { en } from '../../web/src/i18n/messages-en.ts';

const problem = (code: string, status: number, extra: Record<string, unknown> = {}) =>
  new ApiError({ code, status, detail: `server words for ${code}`, ...extra });
const inGerman = ((key: keyof typeof de) => de[key]) as Translate;
const inEnglish = ((key: keyof typeof en) => en[key]) as Translate;

describe('money error messages', () => {
  test('each money code has a sentence of its own in German and English', () => {
    const codes: [string, number][] = [
      ['gift_card_void', 409],
      ['gift_card_nothing_due', 409],
      ['gift_card_order_not_payable', 409],
      ['gift_card_order_not_found', 404],
      ['gift_card_order_not_paid', 409],
      ['booking_not_sold', 409],
      ['payment_in_progress', 409],
      ['payment_method_required', 422],
      ['price_breakdown_exceeded', 409],
      ['credit_note_not_found', 404],
      ['receipt_not_found', 404],
      ['tax_settings_missing', 409],
    ];
    for (const [code, status] of codes) {
      const german = errorText(problem(code, status), inGerman, 'de');
      assert.notEqual(german, inGerman('error.generic', { status: String(status) }), code);
      assert.ok((Object.values(de) as unknown[]).includes(german), `${code}: ${german}`);
      const english = errorText(problem(code, status), inEnglish, 'en');
      assert.notEqual(english, `server words for ${code}`, code);
      assert.ok((Object.values(en) as unknown[]).includes(english), `${code}: ${english}`);
    }
  });

  test('a promo code that does not fit says why', () => {
    const why = (reason: string | undefined, t = inEnglish) =>
      errorText(problem('promo_code_not_applicable', 422, reason ? { reason } : {}), t, 'en');
    assert.equal(why('not_yet_valid'), en['error.promoNotYetValid']);
    assert.equal(why('nothing_to_discount'), en['error.promoNothingToDiscount']);
    assert.equal(why('ticket_types'), en['error.promoNotApplicable']);
    assert.equal(why('movie'), en['error.promoMovie']);
    assert.equal(why('cinema'), en['error.promoCinema']);
    assert.equal(why('showtime'), en['error.promoShowtime']);
    assert.equal(why('date'), en['error.promoDate']);
    assert.equal(why('currency'), en['error.promoCurrency']);
    assert.equal(why('not_yet_valid', inGerman), de['error.promoNotYetValid']);
    // A reason the web does not know yet, or none, still reads as "does not apply".
    assert.equal(why('weather'), en['error.promoNotApplicable']);
    assert.equal(why(undefined), en['error.promoNotApplicable']);
    const reasons = ['not_yet_valid', 'movie', 'cinema', 'showtime', 'date', 'ticket_types', 'currency'];
    assert.equal(new Set([...reasons, 'nothing_to_discount'].map((r) => why(r))).size, 8);
  });
});
