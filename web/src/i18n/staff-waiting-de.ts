// Die Wörter des Mitarbeiterbereichs für Warteräume (Issue 18) auf Deutsch: jeder Schlüssel von
// staff-waiting-en.ts, mit denselben Platzhaltern (der Typ prüft es).
import type { Checked, DroppedPlaceholders, Translation, UnknownPlaceholders } from './catalog.ts';
import type { staffWaitingEn } from './staff-waiting-en.ts';

export const staffWaitingDe = {
  'staff.nav.waitingRooms': 'Warteräume',
  'staff.home.waitingRooms':
    'Premieren-Warteschlangen live: Länge, Einlass, Reservierungen, Verkäufe; anhalten, fortsetzen, Rate.',
  'staff.wr.intro':
    'Besucher einer geschützten Vorstellung warten hier, bevor sie Plätze wählen. Die Zahlen werden alle 2 Sekunden aktualisiert.',
  'staff.wr.none': 'Kein Warteraum ist aktiv.',
  'staff.wr.showtime': '{movie} · {hall}, {start}',
  'staff.wr.movie': '{movie} (alle Vorstellungen)',
  'staff.wr.loading': 'Wird geladen…',
  'staff.wr.status': 'Status: {status}',
  'staff.wr.status.scheduled': 'geplant',
  'staff.wr.status.open': 'Einlass läuft',
  'staff.wr.status.paused': 'angehalten',
  'staff.wr.status.ended': 'beendet',
  'staff.wr.onSale': 'Verkaufsstart {time}',
  'staff.wr.zone': '{time} ({zone})',
  'staff.wr.waiting': 'Wartend',
  'staff.wr.admitted': 'Eingelassen',
  'staff.wr.rate': 'Einlass pro Minute',
  'staff.wr.holds': 'Reservierte Plätze',
  'staff.wr.sold': 'Verkaufte Plätze',
  'staff.wr.oldest': 'Längste Wartezeit',
  'staff.wr.pause': 'Anhalten',
  'staff.wr.resume': 'Fortsetzen',
  'staff.wr.setRate': 'Rate ändern',
  'staff.wr.end': 'Warteraum beenden',
  'staff.wr.endTitle': 'Diesen Warteraum beenden?',
  'staff.wr.endText':
    'Wer noch wartet, verliert seinen Platz, und die Plätze gehen an die Schnellsten. Das lässt sich nicht rückgängig machen.',
  'staff.wr.endConfirm': 'Jetzt beenden',
  'staff.wr.endKeep': 'Behalten',
  'staff.wr.guard': 'Vorstellung schützen',
  'staff.wr.showtimeId': 'Vorstellungs-ID',
  'staff.wr.onSaleDate': 'Datum des Verkaufsstarts',
  'staff.wr.onSaleTime': 'Uhrzeit des Verkaufsstarts ({zone})',
  'staff.wr.guarding': 'Geschützt wird {movie} · {hall}, {start}',
  'staff.wr.unknownShowtime': 'Keine Vorstellung hat diese ID.',
  'staff.wr.guardSubmit': 'Warteraum starten',
  'staff.wr.seconds': { one: '{count} Sekunde', other: '{count} Sekunden' },
} as const satisfies Translation<typeof staffWaitingEn>;

/** Fails to compile while a German message has a placeholder its English one lacks, or drops one. */
export type StaffWaitingDePlaceholdersChecked = Checked<
  | UnknownPlaceholders<typeof staffWaitingEn, typeof staffWaitingDe>
  | DroppedPlaceholders<typeof staffWaitingEn, typeof staffWaitingDe>
>;
