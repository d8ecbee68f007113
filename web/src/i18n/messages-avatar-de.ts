// Deutsch für die Avatare aus Issue 20; Teil von `de`.
import type { Translation } from './catalog.ts';
import type { avatarEn } from './messages-avatar-en.ts';

export const avatarDe = {
  'avatar.title': 'Avatar',
  'avatar.hint': 'Ein JPEG-, PNG- oder WebP-Bild bis 5 MB; wir schneiden es quadratisch aus der Mitte zu.',
  'avatar.choose': 'Bild hochladen',
  'avatar.remove': 'Avatar entfernen',
  'avatar.saved': 'Ihr Avatar ist gespeichert.',
  'avatar.removed': 'Ihr Avatar ist entfernt.',
  'avatar.alt': 'Ihr Avatar',
} as const satisfies Translation<typeof avatarEn>;
