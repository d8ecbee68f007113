// Les mots du client pour la liste d'attente et les meilleures places de l'issue 18, en
// français ; partie de `fr`.
import type { Translation } from './catalog.ts';
import type { waitlistEn } from './messages-waitlist-en.ts';

export const waitlistFr = {
  'best.count': 'Places côte à côte',
  'best.find': 'Meilleures places',
  'best.found': {
    one: 'Nous avons choisi la meilleure place pour vous.',
    other: 'Nous avons choisi pour vous les {count} meilleures places côte à côte.',
  },
  'waitlist.soldOut': 'Cette séance est complète.',
  'waitlist.intro':
    'Inscrivez-vous sur la liste d’attente : quand des places se libèrent, nous vous les réservons et vous prévenons par e-mail.',
  'waitlist.seats': 'Places souhaitées',
  'waitlist.email': 'Votre adresse e-mail',
  'waitlist.join': 'S’inscrire sur la liste d’attente',
  'waitlist.joined': 'Vous êtes sur la liste d’attente, en position {position}.',
  'waitlist.title': 'Listes d’attente',
  'waitlist.waiting': {
    one: 'En attente de {count} place · position {position}',
    other: 'En attente de {count} places · position {position}',
  },
  'waitlist.offered': 'Des places vous sont réservées jusqu’à {time}.',
  'waitlist.pay': 'Payer vos places',
  'waitlist.leave': 'Quitter la liste d’attente',
  'waitlist.leaveFor': 'Quitter la liste d’attente pour {movie}',
  'waitlist.offeredGuest':
    'Des places vous sont réservées jusqu’à {time} : l’e-mail que nous vous avons envoyé contient le lien pour payer.',
  'waitlist.left': 'Vous avez quitté la liste d’attente.',
  'waitlist.status.claimed': 'Réservé',
  'waitlist.status.expired': 'Offre expirée',
  'waitlist.status.cancelled': 'Quittée',
  'error.orphanSeat': 'Ces places laisseraient une place vide isolée. Essayez plutôt les places proposées.',
  'error.noAdjacentSeats': 'Il n’y a pas autant de places libres côte à côte.',
  'error.showtimeNotSoldOut': 'Cette séance a encore des places libres : choisissez-les sur le plan.',
  'error.alreadyOnWaitlist': 'Vous êtes déjà sur la liste d’attente de cette séance.',
} as const satisfies Translation<typeof waitlistEn>;
