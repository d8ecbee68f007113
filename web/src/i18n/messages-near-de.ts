// Deutsch für „Kinos in meiner Nähe“ aus Issue 20; Teil von `de`.
import type { Translation } from './catalog.ts';
import type { nearEn } from './messages-near-en.ts';

export const nearDe = {
  'near.button': 'Kinos in meiner Nähe',
  'near.locating': 'Ihr Standort wird ermittelt…',
  'near.denied': 'Ihr Standort ist nicht verfügbar. Wählen Sie stattdessen Stadt und Kino.',
  'near.failed':
    'Kinos in Ihrer Nähe konnten nicht geladen werden. Versuchen Sie es erneut oder wählen Sie Stadt und Kino.',
  'near.none': 'Noch kein Kino hat einen bekannten Standort.',
  'near.title': 'Kinos in Ihrer Nähe',
  'near.distance': '{km} km entfernt',
  'near.choose': '{name} wählen',
  'near.chosen': '{name} ist Ihr Kino',
} as const satisfies Translation<typeof nearEn>;
