// Deutsch für die Wahl der Sprache (Issue 20); Teil von `de`.
import type { Translation } from './catalog.ts';
import type { languageEn } from './messages-language-en.ts';

export const languageDe = {
  'language.title': 'Sprache',
  'language.label': 'Sprache dieser Seite, Ihrer E-Mails und Tickets',
  'language.hint': 'Mit Ihrem Konto gespeichert: jedes Gerät, auf dem Sie sich anmelden, verwendet sie.',
  'language.saved': 'Sprache gespeichert.',
} as const satisfies Translation<typeof languageEn>;
