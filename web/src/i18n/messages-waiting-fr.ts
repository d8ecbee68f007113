// Les mots du client pour la salle d'attente de l'issue 18, en français ; partie de `fr`.
import type { Translation } from './catalog.ts';
import type { waitingEn } from './messages-waiting-en.ts';

export const waitingFr = {
  'waiting.title': 'Salle d’attente',
  'waiting.intro':
    'Cette séance est très demandée. Chacun de ceux qui arrivent avant l’ouverture des ventes reçoit une place tirée au sort à l’ouverture ; les suivants font la queue dans l’ordre.',
  'waiting.opensAt': 'Ouverture des ventes {time}.',
  'waiting.join': 'Prendre ma place',
  'waiting.email': 'Votre adresse e-mail',
  'waiting.emailHint': 'Sans compte, vous attendez sous cette adresse ; utilisez la même au paiement.',
  'waiting.beforeDraw': 'Vous y êtes. Votre place est tirée au sort à l’ouverture des ventes.',
  'waiting.position': 'Votre place dans la file : {position}',
  'waiting.ahead': { one: '{count} personne devant vous.', other: '{count} personnes devant vous.' },
  'waiting.estimate': 'Attente estimée : environ {minutes} min.',
  'waiting.estimateSoon': 'Attente estimée : moins d’une minute.',
  'waiting.paused': 'Les entrées sont suspendues un instant. Vous gardez votre place.',
  'waiting.admitted': 'C’est votre tour ! Choisissez vos places avant {time}.',
  'waiting.toSeats': 'Choisir des places',
  'waiting.expired': 'Votre tour est passé. Renseignez-vous à la caisse si vous avez encore besoin de billets.',
  'waiting.live': 'Cette page se met à jour toute seule ; gardez-la ouverte.',
  'error.waitingRoomRequired': 'Cette séance se vend par sa salle d’attente. Prenez d’abord votre place.',
  'error.waitingRoomDeviceInUse': 'Cet appareil attend déjà dans la file pour quelqu’un d’autre.',
} as const satisfies Translation<typeof waitingEn>;
