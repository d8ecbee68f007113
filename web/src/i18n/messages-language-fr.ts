// Les mots du client pour choisir la langue (issue 20), en français ; partie de `fr`.
import type { Translation } from './catalog.ts';
import type { languageEn } from './messages-language-en.ts';

export const languageFr = {
  'language.title': 'Langue',
  'language.label': 'Langue de ce site, de vos e-mails et de vos billets',
  'language.hint': 'Enregistrée avec votre compte : chaque appareil où vous vous connectez l’utilise.',
  'language.saved': 'Langue enregistrée.',
} as const satisfies Translation<typeof languageEn>;
