// Le français des avatars (issue 20) ; fait partie de `fr`.
import type { Translation } from './catalog.ts';
import type { avatarEn } from './messages-avatar-en.ts';

export const avatarFr = {
  'avatar.title': 'Avatar',
  'avatar.hint': 'Une image JPEG, PNG ou WebP de 5 Mo au plus ; nous la recadrons en carré depuis le centre.',
  'avatar.choose': 'Téléverser une image',
  'avatar.remove': 'Supprimer l’avatar',
  'avatar.saved': 'Votre avatar est enregistré.',
  'avatar.removed': 'Votre avatar est supprimé.',
  'avatar.alt': 'Votre avatar',
} as const satisfies Translation<typeof avatarEn>;
