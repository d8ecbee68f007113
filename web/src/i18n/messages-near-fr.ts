// Le français de « cinémas près de moi » (issue 20) ; fait partie de `fr`.
import type { Translation } from './catalog.ts';
import type { nearEn } from './messages-near-en.ts';

export const nearFr = {
  'near.button': 'Cinémas près de moi',
  'near.locating': 'Recherche de votre position…',
  'near.denied': 'Votre position n’est pas disponible. Choisissez plutôt une ville et un cinéma.',
  'near.failed': 'Impossible de charger les cinémas proches. Réessayez, ou choisissez une ville et un cinéma.',
  'near.none': 'Aucun cinéma n’a encore de position connue.',
  'near.title': 'Cinémas près de vous',
  'near.distance': 'à {km} km',
  'near.choose': 'Choisir {name}',
  'near.chosen': '{name} est votre cinéma',
} as const satisfies Translation<typeof nearEn>;
