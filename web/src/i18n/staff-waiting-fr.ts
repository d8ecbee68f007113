// Les mots de l'espace personnel pour les salles d'attente (issue 18) en français : chaque clé de
// staff-waiting-en.ts, avec les mêmes paramètres (le type le vérifie).
import type { Checked, DroppedPlaceholders, Translation, UnknownPlaceholders } from './catalog.ts';
import type { staffWaitingEn } from './staff-waiting-en.ts';

export const staffWaitingFr = {
  'staff.nav.waitingRooms': 'Salles d’attente',
  'staff.home.waitingRooms':
    'Files des avant-premières en direct : file, entrées, réservations et ventes ; pause, reprise, débit.',
  'staff.wr.intro':
    'Les visiteurs d’une séance protégée attendent ici avant de choisir leurs places. Les chiffres se rafraîchissent toutes les 2 secondes.',
  'staff.wr.none': 'Aucune salle d’attente n’est active.',
  'staff.wr.showtime': '{movie} · {hall}, {start}',
  'staff.wr.movie': '{movie} (toutes ses séances)',
  'staff.wr.loading': 'Chargement…',
  'staff.wr.status': 'Statut : {status}',
  'staff.wr.status.scheduled': 'planifiée',
  'staff.wr.status.open': 'entrées en cours',
  'staff.wr.status.paused': 'en pause',
  'staff.wr.status.ended': 'terminée',
  'staff.wr.onSale': 'en vente {time}',
  'staff.wr.zone': '{time} ({zone})',
  'staff.wr.waiting': 'En attente',
  'staff.wr.admitted': 'Entrés',
  'staff.wr.rate': 'Entrées par minute',
  'staff.wr.holds': 'Places réservées',
  'staff.wr.sold': 'Places vendues',
  'staff.wr.oldest': 'Attente la plus longue',
  'staff.wr.pause': 'Pause',
  'staff.wr.resume': 'Reprendre',
  'staff.wr.setRate': 'Changer le débit',
  'staff.wr.end': 'Terminer la salle d’attente',
  'staff.wr.endTitle': 'Terminer cette salle d’attente ?',
  'staff.wr.endText':
    'Les visiteurs encore en attente perdent leur place, et les places sont vendues au premier arrivé. C’est irréversible.',
  'staff.wr.endConfirm': 'Terminer maintenant',
  'staff.wr.endKeep': 'La garder',
  'staff.wr.guard': 'Protéger une séance',
  'staff.wr.showtimeId': 'Identifiant de la séance',
  'staff.wr.onSaleDate': 'Date de mise en vente',
  'staff.wr.onSaleTime': 'Heure de mise en vente ({zone})',
  'staff.wr.guarding': 'Protection de {movie} · {hall}, {start}',
  'staff.wr.unknownShowtime': 'Aucune séance n’a cet identifiant.',
  'staff.wr.guardSubmit': 'Démarrer la salle d’attente',
  'staff.wr.seconds': { one: '{count} seconde', other: '{count} secondes' },
} as const satisfies Translation<typeof staffWaitingEn>;

/** Fails to compile while a French message has a parameter its English one lacks, or drops one. */
export type StaffWaitingFrPlaceholdersChecked = Checked<
  | UnknownPlaceholders<typeof staffWaitingEn, typeof staffWaitingFr>
  | DroppedPlaceholders<typeof staffWaitingEn, typeof staffWaitingFr>
>;
