// How a request names a language (issue 20): a body's or query's `language`/`lang` when given,
// else the best supported match of Accept-Language, else English.
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { bestLanguage, type Lang } from '../i18n.ts';

/** A language the server speaks ('en', 'de', 'fr'); anything else is 422 validation_failed. */
export const languageSchema = (description = "A language the server speaks: 'en', 'de' or 'fr'") =>
  Type.Enum(['en', 'de', 'fr'], { description });

/** The language given explicitly, else the one the request's Accept-Language prefers most. */
export function requestLanguage(request: FastifyRequest, given?: Lang): Lang {
  return given ?? bestLanguage(request.headers['accept-language']);
}
