// Les mots du client pour la connexion en deux étapes (issue 19) en français : la section
// sécurité du profil et la seconde étape de la connexion ; partie de `fr`.
import type { Translation } from './catalog.ts';
import type { securityEn } from './messages-security-en.ts';

export const securityFr = {
  'security.title': 'Connexion en deux étapes',
  'security.intro':
    'Une seconde étape après votre mot de passe : un code d’une application d’authentification, ou une clé d’accès.',
  'security.required': 'Votre compte doit avoir un second facteur. Configurez-en un pour continuer.',
  'security.totp': 'Application d’authentification',
  'security.totpOn': 'Activée : la connexion demande un code de votre application.',
  'security.totpOff': 'Désactivée.',
  'security.enable': 'Configurer une application d’authentification',
  'security.scan':
    'Scannez ce code QR avec votre application d’authentification, ou saisissez la clé ci-dessous, puis entrez le code affiché.',
  'security.qrAlt': 'Code QR pour votre application d’authentification',
  'security.secret': 'Clé',
  'security.code': 'Code de l’application',
  'security.confirm': 'Activer',
  'security.disable': 'Désactiver',
  'security.disablePassword': 'Votre mot de passe, pour la désactiver',
  'security.recoveryTitle': 'Codes de secours',
  'security.recoveryShown':
    'Gardez ces codes en lieu sûr. Chacun vous connecte une fois si vous perdez votre téléphone. Ils ne sont affichés que maintenant.',
  'security.recoveryLeft': { one: '{count} code de secours restant.', other: '{count} codes de secours restants.' },
  'security.recoveryNew': 'Nouveaux codes de secours',
  'security.recoveryPassword': 'Votre mot de passe, pour de nouveaux codes',
  'security.passkeys': 'Clés d’accès',
  'security.passkeysNone': 'Pas encore de clé d’accès.',
  'security.passkeyName': 'Nom de la nouvelle clé d’accès',
  'security.passkeyAdd': 'Ajouter une clé d’accès',
  'security.passkeyDelete': 'Supprimer {name}',
  'security.passkeyAdded': 'Clé d’accès ajoutée.',
  'security.stepTitle': 'Seconde étape',
  'security.stepCode': 'Saisissez le code de votre application d’authentification.',
  'security.stepRecovery': 'Saisissez l’un de vos codes de secours.',
  'security.recoveryCode': 'Code de secours',
  'security.useRecovery': 'Utiliser un code de secours',
  'security.useCode': 'Utiliser un code de l’application',
  'security.usePasskey': 'Se connecter avec une clé d’accès',
  'security.verify': 'Continuer',
  'error.invalidSecondFactor': 'Ce n’a pas été accepté. Réessayez avec le code actuel.',
  'error.challengeExpired': 'Cette connexion a pris trop de temps. Veuillez vous reconnecter.',
  'error.invalidCode': 'Le code est faux ou a déjà servi. Saisissez le code suivant affiché par votre application.',
  'error.totpEnabled': 'Une application d’authentification est déjà activée.',
  'error.passkeyRejected': 'La clé d’accès n’a pas pu être ajoutée. Veuillez réessayer.',
  'error.secondFactorEnrolment': 'Configurez d’abord un second facteur.',
} as const satisfies Translation<typeof securityEn>;
