// The customer's words for choosing a language (issue 20), in English; part of `en`
// (messages-en.ts), so every language must have every key (messages-language-de.ts, -fr.ts).
import type { Message } from './catalog.ts';

export const languageEn = {
  'language.title': 'Language',
  'language.label': 'Language of this site, your emails and your tickets',
  'language.hint': 'Kept with your account: every device you sign in on uses it.',
  'language.saved': 'Language saved.',
} as const satisfies Record<string, Message>;
