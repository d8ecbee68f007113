// Les mots de l'espace personnel pour les webhooks sortants (issue 19) en français : chaque clé de
// staff-webhooks-en.ts, avec les mêmes paramètres (le type le vérifie).
import type { Translation } from './catalog.ts';
import type { staffWebhooksEn } from './staff-webhooks-en.ts';

export const staffWebhooksFr = {
  'staff.nav.webhooks': 'Webhooks',
  'staff.home.webhooks':
    'Envoyer les événements de réservation, de remboursement, de séance et de paiement à d’autres systèmes, signés.',
  'staff.webhooks.intro':
    'Chaque point de terminaison reçoit les événements choisis sous forme de requêtes POST signées (Standard Webhooks). Les envois échoués sont retentés pendant trois jours ; un point de terminaison qui échoue pendant tout ce temps est désactivé et les administrateurs reçoivent un e-mail.',
  'staff.webhooks.url': 'URL du point de terminaison',
  'staff.webhooks.description': 'Description',
  'staff.webhooks.eventTypes': 'Types d’événements',
  'staff.webhooks.add': 'Ajouter un point de terminaison',
  'staff.webhooks.secret': 'Secret de signature',
  'staff.webhooks.status': 'Statut',
  'staff.webhooks.actions': 'Actions',
  'staff.webhooks.enabled': 'activé',
  'staff.webhooks.disabled': 'désactivé',
  'staff.webhooks.disabledFailing': 'désactivé : échecs pendant trois jours',
  'staff.webhooks.enable': 'Activer',
  'staff.webhooks.disable': 'Désactiver',
  'staff.webhooks.test': 'Envoyer un test',
  'staff.webhooks.pinged': 'Événement de test mis en file.',
  'staff.webhooks.reveal': 'Afficher le secret',
  'staff.webhooks.rotate': 'Renouveler le secret',
  'staff.webhooks.delete': 'Supprimer',
  'staff.webhooks.deliveries': 'Envois',
  'staff.webhooks.noDeliveries': 'Pas encore d’envoi.',
  'staff.webhooks.redeliver': 'Renvoyer',
  'staff.webhooks.redelivered': 'Renvoi mis en file.',
  'staff.webhooks.delivery.pending': 'en attente',
  'staff.webhooks.delivery.succeeded': 'remis',
  'staff.webhooks.delivery.failed': 'échoué',
} as const satisfies Translation<typeof staffWebhooksEn>;
