// The customer's words for issue 20's avatars, in English; part of `en` (messages-en.ts).
import type { Message } from './catalog.ts';

export const avatarEn = {
  'avatar.title': 'Avatar',
  'avatar.hint': 'A JPEG, PNG or WebP picture up to 5 MB; we cut it to a square from its centre.',
  'avatar.choose': 'Upload a picture',
  'avatar.remove': 'Remove avatar',
  'avatar.saved': 'Your avatar is saved.',
  'avatar.removed': 'Your avatar is removed.',
  'avatar.alt': 'Your avatar',
} as const satisfies Record<string, Message>;
