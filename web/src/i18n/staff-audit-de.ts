// Die Wörter des Mitarbeiterbereichs für das Änderungsprotokoll (Issue 19) auf Deutsch: jeder
// Schlüssel von staff-audit-en.ts, mit denselben Platzhaltern (der Typ prüft es).
import type { Checked, DroppedPlaceholders, Translation, UnknownPlaceholders } from './catalog.ts';
import type { staffAuditEn } from './staff-audit-en.ts';

export const staffAuditDe = {
  'staff.nav.audit': 'Änderungsprotokoll',
  'staff.home.audit': 'Wer hat was wann geändert: Suche nach Person, Objekt und Zeitraum; CSV-Export.',
  'staff.audit.intro':
    'Jede Änderung durch Mitarbeiter und Admins, von der Datenbank zusammen mit der Änderung festgehalten. Einträge lassen sich weder ändern noch löschen.',
  'staff.audit.person': 'Person (E-Mail)',
  'staff.audit.objectType': 'Objekt',
  'staff.audit.anyObject': 'Alle Objekte',
  'staff.audit.objectId': 'Objekt-ID',
  'staff.audit.from': 'Von',
  'staff.audit.to': 'Bis (einschließlich)',
  'staff.audit.csv': 'CSV herunterladen',
  'staff.audit.when': 'Wann',
  'staff.audit.who': 'Wer',
  'staff.audit.what': 'Was',
  'staff.audit.where': 'Von Adresse',
  'staff.audit.changes': 'Änderungen',
  'staff.audit.none': 'Keine passende Änderung.',
  'staff.audit.system': 'System',
  'staff.audit.show': { one: '1 Feld', other: '{count} Felder' },
  'staff.audit.field': 'Feld',
  'staff.audit.before': 'Vorher',
  'staff.audit.after': 'Nachher',
  'staff.audit.action.create': 'angelegt',
  'staff.audit.action.update': 'geändert',
  'staff.audit.action.delete': 'gelöscht',
  'staff.audit.action.request': 'angefordert',
} as const satisfies Translation<typeof staffAuditEn>;

/** Fails to compile while a German message has a placeholder its English one lacks, or drops one. */
export type StaffAuditDePlaceholdersChecked = Checked<
  | UnknownPlaceholders<typeof staffAuditEn, typeof staffAuditDe>
  | DroppedPlaceholders<typeof staffAuditEn, typeof staffAuditDe>
>;
