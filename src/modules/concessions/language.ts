// Which language a view's `name`/`description` are in: ?lang=, else the first Accept-Language tag,
// else English; a text missing in that language falls back to English.
import type { FastifyRequest } from 'fastify';

/** The language asked for: `?lang=` wins over the Accept-Language header; 'en' without either. */
export function languageOf(request: FastifyRequest, lang?: string): string {
  if (lang) return lang;
  const header = request.headers['accept-language'];
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().slice(0, 2).toLowerCase();
  return first && /^[a-z]{2}$/.test(first) ? first : 'en';
}

/** A text in `lang`, or in English when it has none in that language. */
export function inLanguage(texts: Record<string, string>, lang: string): string;
export function inLanguage(texts: Record<string, string> | null | undefined, lang: string): string | null;
export function inLanguage(texts: Record<string, string> | null | undefined, lang: string): string | null {
  if (!texts) return null;
  return texts[lang] ?? texts.en ?? null;
}
