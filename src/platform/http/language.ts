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
