// How a request names a language (issue 20): a body's or query's `language`/`lang` when given,
// else the best supported match of Accept-Language, else English.
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { bestLanguage, type Lang } from '../i18n.ts';
import type { Caller } from './access.ts';

/** A language the server speaks ('en', 'de', 'fr'); anything else is 422 validation_failed. */
export const languageSchema = (description = "A language the server speaks: 'en', 'de' or 'fr'") =>
  Type.Enum(['en', 'de', 'fr'], { description });

/** The language given explicitly, else the one the request's Accept-Language prefers most. */
export function requestLanguage(request: FastifyRequest, given?: Lang): Lang {
  return given ?? bestLanguage(request.headers['accept-language']);
}

/**
 * The language of texts kept in any number of languages (food and drink names, issue 17): `given`
 * (a `?lang=`), else the first tag of Accept-Language, else English. The same request reads the same
 * names in the menu and in the booking that bought from it; a name missing in it is read in English.
 */
export function textLanguage(request: FastifyRequest, given?: string): string {
  if (given) return given;
  const header = request.headers['accept-language'];
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().slice(0, 2).toLowerCase();
  return first && /^[a-z]{2}$/.test(first) ? first : 'en';
}

/** `?lang=` of answers whose texts are kept in any number of languages (see textLanguage). */
export const TextLangQuery = Type.Object({
  lang: Type.Optional(
    Type.String({ maxLength: 10, description: 'Language of food and drink names (else Accept-Language; fallback en)' }),
  ),
});

/**
 * The language kept for whoever asks: the signed-in account's, else (a guest, or a booking with no
 * account language to go by) the guest booking's; null when neither is known. app.ts wires it to
 * accounts and booking so that modules printing documents need neither.
 */
export type StoredLanguage = (caller: Caller | null, bookingId?: string) => Promise<Lang | null>;

/** A document's language (tickets, receipts, credit notes): `?lang`, else the stored one, else Accept-Language. */
export async function documentLanguage(
  request: FastifyRequest,
  stored: StoredLanguage,
  caller: Caller | null,
  bookingId?: string,
  given?: Lang,
): Promise<Lang> {
  return given ?? (await stored(caller, bookingId)) ?? requestLanguage(request);
}
