// Les mots de l'espace personnel pour l'obligation d'un second facteur (issue 19) en français :
// chaque clé de staff-security-en.ts, avec les mêmes paramètres (le type le vérifie).
import type { Translation } from './catalog.ts';
import type { staffSecurityEn } from './staff-security-en.ts';

export const staffSecurityFr = {
  'staff.security.title': 'Sécurité de la connexion',
  'staff.security.require': 'Exiger un second facteur pour le personnel et les administrateurs',
  'staff.security.requireHint':
    'Le personnel et les administrateurs sans application d’authentification ni clé d’accès ne peuvent alors se connecter que pour en configurer une.',
  'staff.security.saved': 'Enregistré.',
} as const satisfies Translation<typeof staffSecurityEn>;
