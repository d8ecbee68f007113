// Which language a view's `name`/`description` are in: ?lang=, else the first Accept-Language tag,
// else English; a text missing in that language falls back to English.
import type { FastifyRequest } from 'fastify';
import { textLanguage } from '../../platform/http/language.ts';

/** The language asked for: `?lang=` wins over the Accept-Language header; 'en' without either. */
export function languageOf(request: FastifyRequest, lang?: string): string {
  // Booking answers read food names by the same rule (platform), so both always agree.
  return textLanguage(request, lang);
}

/** A text in `lang`, or in English when it has none in that language. */
export function inLanguage(texts: Record<string, string>, lang: string): string;
export function inLanguage(texts: Record<string, string> | null | undefined, lang: string): string | null;
export function inLanguage(texts: Record<string, string> | null | undefined, lang: string): string | null {
  if (!texts) return null;
  return texts[lang] ?? texts.en ?? null;
}
