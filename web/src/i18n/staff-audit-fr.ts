// Les mots de l'espace personnel pour le journal d'audit (issue 19) en français : chaque clé de
// staff-audit-en.ts, avec les mêmes paramètres (le type le vérifie).
import type { Checked, DroppedPlaceholders, Translation, UnknownPlaceholders } from './catalog.ts';
import type { staffAuditEn } from './staff-audit-en.ts';

export const staffAuditFr = {
  'staff.nav.audit': 'Journal d’audit',
  'staff.home.audit': 'Qui a changé quoi et quand : recherche par personne, objet et dates ; export CSV.',
  'staff.audit.intro':
    'Chaque modification du personnel et des administrateurs, enregistrée par la base de données avec la modification elle-même. Les entrées ne peuvent être ni modifiées ni supprimées.',
  'staff.audit.person': 'Personne (e-mail)',
  'staff.audit.objectType': 'Objet',
  'staff.audit.anyObject': 'Tous les objets',
  'staff.audit.objectId': 'Identifiant de l’objet',
  'staff.audit.from': 'Du',
  'staff.audit.to': 'Au (inclus)',
  'staff.audit.csv': 'Télécharger le CSV',
  'staff.audit.when': 'Quand',
  'staff.audit.who': 'Qui',
  'staff.audit.what': 'Quoi',
  'staff.audit.where': 'Adresse d’origine',
  'staff.audit.changes': 'Modifications',
  'staff.audit.none': 'Aucune modification ne correspond.',
  'staff.audit.system': 'système',
  'staff.audit.show': { one: '{count} champ', other: '{count} champs' },
  'staff.audit.field': 'Champ',
  'staff.audit.before': 'Avant',
  'staff.audit.after': 'Après',
  'staff.audit.action.create': 'créé',
  'staff.audit.action.update': 'modifié',
  'staff.audit.action.delete': 'supprimé',
  'staff.audit.action.request': 'demandé',
} as const satisfies Translation<typeof staffAuditEn>;

/** Fails to compile while a French message has a parameter its English one lacks, or drops one. */
export type StaffAuditFrPlaceholdersChecked = Checked<
  | UnknownPlaceholders<typeof staffAuditEn, typeof staffAuditFr>
  | DroppedPlaceholders<typeof staffAuditEn, typeof staffAuditFr>
>;
