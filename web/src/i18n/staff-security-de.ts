// Die Wörter des Mitarbeiterbereichs für die Pflicht zum zweiten Faktor (Issue 19) auf Deutsch:
// jeder Schlüssel von staff-security-en.ts, mit denselben Platzhaltern (der Typ prüft es).
import type { Translation } from './catalog.ts';
import type { staffSecurityEn } from './staff-security-en.ts';

export const staffSecurityDe = {
  'staff.security.title': 'Anmeldesicherheit',
  'staff.security.require': 'Zweiten Faktor für Mitarbeiter und Admins verlangen',
  'staff.security.requireHint':
    'Mitarbeiter und Admins ohne Authenticator-App oder Passkey können sich dann nur anmelden, um einen einzurichten.',
  'staff.security.saved': 'Gespeichert.',
} as const satisfies Translation<typeof staffSecurityEn>;
