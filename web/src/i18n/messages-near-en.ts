// The customer's words for issue 20's "cinemas near me", in English; part of `en` (messages-en.ts),
// so German and French must have every key (messages-near-de.ts, messages-near-fr.ts).
import type { Message } from './catalog.ts';

export const nearEn = {
  'near.button': 'Cinemas near me',
  'near.locating': 'Finding where you are…',
  'near.denied': 'Your location is not available. Choose a city and cinema instead.',
  'near.failed': 'Cinemas near you could not be loaded. Try again, or choose a city and cinema.',
  'near.none': 'No cinema has a known location yet.',
  'near.title': 'Cinemas near you',
  'near.distance': '{km} km away',
  'near.choose': 'Choose {name}',
  'near.chosen': '{name} is your cinema',
} as const satisfies Record<string, Message>;
