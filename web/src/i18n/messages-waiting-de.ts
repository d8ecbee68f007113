// Deutsch für den Warteraum aus Issue 18; Teil von `de`.
import type { Translation } from './catalog.ts';
import type { waitingEn } from './messages-waiting-en.ts';

export const waitingDe = {
  'waiting.title': 'Warteraum',
  'waiting.intro':
    'Diese Vorstellung ist sehr gefragt. Wer vor Verkaufsstart kommt, erhält zum Start einen zufälligen Platz; wer später kommt, reiht sich der Reihe nach ein.',
  'waiting.opensAt': 'Verkaufsstart: {time}.',
  'waiting.join': 'Platz in der Warteschlange nehmen',
  'waiting.email': 'Ihre E-Mail-Adresse',
  'waiting.emailHint': 'Ohne Konto warten Sie unter dieser Adresse; nutzen Sie dieselbe beim Bezahlen.',
  'waiting.beforeDraw': 'Sie sind dabei. Ihr Platz wird zum Verkaufsstart ausgelost.',
  'waiting.position': 'Ihr Platz in der Schlange: {position}',
  'waiting.ahead': { one: 'Eine Person vor Ihnen.', other: '{count} Personen vor Ihnen.' },
  'waiting.estimate': 'Geschätzte Wartezeit: etwa {minutes} Min.',
  'waiting.estimateSoon': 'Geschätzte Wartezeit: weniger als eine Minute.',
  'waiting.paused': 'Der Einlass ist kurz angehalten. Ihr Platz bleibt Ihnen.',
  'waiting.admitted': 'Sie sind dran! Wählen Sie Ihre Plätze bis {time}.',
  'waiting.toSeats': 'Plätze wählen',
  'waiting.expired': 'Ihre Zeit ist abgelaufen. Fragen Sie an der Kasse, wenn Sie noch Tickets brauchen.',
  'waiting.live': 'Diese Seite aktualisiert sich selbst; lassen Sie sie offen.',
  'error.waitingRoomRequired':
    'Diese Vorstellung wird über ihren Warteraum verkauft. Nehmen Sie zuerst Ihren Platz ein.',
  'error.waitingRoomDeviceInUse': 'Auf diesem Gerät wartet schon jemand anderes in der Schlange.',
} as const satisfies Translation<typeof waitingEn>;
