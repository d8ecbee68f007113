// The staff console's words for webhooks out (issue 19) in German.
import type { Translation } from './catalog.ts';
import type { staffWebhooksEn } from './staff-webhooks-en.ts';

export const staffWebhooksDe = {
  'staff.nav.webhooks': 'Webhooks',
  'staff.home.webhooks':
    'Buchungs-, Erstattungs-, Vorstellungs- und Zahlungsereignisse signiert an andere Systeme senden.',
  'staff.webhooks.intro':
    'Jeder Endpunkt erhält die gewählten Ereignisse als signierte POST-Anfragen (Standard Webhooks). Fehlgeschlagene Zustellungen werden drei Tage lang wiederholt; ein Endpunkt, der die ganze Zeit scheitert, wird deaktiviert und die Admins erhalten eine E-Mail.',
  'staff.webhooks.url': 'Endpunkt-URL',
  'staff.webhooks.description': 'Beschreibung',
  'staff.webhooks.eventTypes': 'Ereignistypen',
  'staff.webhooks.add': 'Endpunkt hinzufügen',
  'staff.webhooks.secret': 'Signaturschlüssel',
  'staff.webhooks.status': 'Status',
  'staff.webhooks.actions': 'Aktionen',
  'staff.webhooks.enabled': 'aktiv',
  'staff.webhooks.disabled': 'deaktiviert',
  'staff.webhooks.disabledFailing': 'deaktiviert: drei Tage lang fehlgeschlagen',
  'staff.webhooks.enable': 'Aktivieren',
  'staff.webhooks.disable': 'Deaktivieren',
  'staff.webhooks.test': 'Test senden',
  'staff.webhooks.pinged': 'Testereignis eingereiht.',
  'staff.webhooks.reveal': 'Schlüssel anzeigen',
  'staff.webhooks.rotate': 'Schlüssel erneuern',
  'staff.webhooks.delete': 'Löschen',
  'staff.webhooks.deliveries': 'Zustellungen',
  'staff.webhooks.noDeliveries': 'Noch keine Zustellungen.',
  'staff.webhooks.redeliver': 'Erneut zustellen',
  'staff.webhooks.redelivered': 'Erneute Zustellung eingereiht.',
  'staff.webhooks.delivery.pending': 'ausstehend',
  'staff.webhooks.delivery.succeeded': 'zugestellt',
  'staff.webhooks.delivery.failed': 'fehlgeschlagen',
} as const satisfies Translation<typeof staffWebhooksEn>;
