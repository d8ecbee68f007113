// A movie's texts in German and French as the staff form holds them (issue 20 review): typed per
// language beside the original, sent as `translations`; an empty field is left out so the original shows.
import type { Movie } from '../../api/types.ts';

/** The languages a movie's texts are typed in besides the original (English is the original's). */
export const TRANSLATED = ['de', 'fr'] as const;
export type Translated = (typeof TRANSLATED)[number];
export interface TranslationForm {
  title: string;
  synopsis: string;
  genres: string;
}
export const noTranslation: TranslationForm = { title: '', synopsis: '', genres: '' };

const list = (text: string) =>
  text
    .split(/[,\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** One language's texts to send: what is typed, nothing for an empty field (the original shows). */
export function translationBody(f: TranslationForm) {
  const text = {
    ...(f.title.trim() && { title: f.title.trim() }),
    ...(f.synopsis.trim() && { synopsis: f.synopsis.trim() }),
    ...(list(f.genres).length > 0 && { genres: list(f.genres) }),
  };
  return Object.keys(text).length > 0 ? text : undefined;
}

export function translationForm(text: Movie['translations']['de']): TranslationForm {
  return { title: text?.title ?? '', synopsis: text?.synopsis ?? '', genres: (text?.genres ?? []).join(', ') };
}
