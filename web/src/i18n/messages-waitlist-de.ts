// Deutsch für Warteliste und beste Plätze aus Issue 18; Teil von `de`.
import type { Translation } from './catalog.ts';
import type { waitlistEn } from './messages-waitlist-en.ts';

export const waitlistDe = {
  'best.count': 'Plätze nebeneinander',
  'best.find': 'Beste Plätze',
  'best.found': {
    one: 'Wir haben den besten Platz für Sie ausgewählt.',
    other: 'Wir haben die besten {count} Plätze nebeneinander für Sie ausgewählt.',
  },
  'waitlist.soldOut': 'Diese Vorstellung ist ausverkauft.',
  'waitlist.intro':
    'Tragen Sie sich in die Warteliste ein: Werden Plätze frei, halten wir sie für Sie und sagen Ihnen per E-Mail Bescheid.',
  'waitlist.seats': 'Gewünschte Plätze',
  'waitlist.email': 'Ihre E-Mail-Adresse',
  'waitlist.join': 'Auf die Warteliste',
  'waitlist.joined': 'Sie stehen auf der Warteliste, an Stelle {position}.',
  'waitlist.title': 'Wartelisten',
  'waitlist.waiting': {
    one: 'Wartet auf 1 Platz · an Stelle {position}',
    other: 'Wartet auf {count} Plätze · an Stelle {position}',
  },
  'waitlist.offered': 'Plätze sind für Sie reserviert bis {time}.',
  'waitlist.pay': 'Plätze bezahlen',
  'waitlist.leave': 'Warteliste verlassen',
  'waitlist.leaveFor': 'Warteliste für {movie} verlassen',
  'waitlist.offeredGuest':
    'Plätze sind für Sie reserviert bis {time}: Den Link zum Bezahlen finden Sie in unserer E-Mail.',
  'waitlist.left': 'Sie haben die Warteliste verlassen.',
  'waitlist.status.claimed': 'Gebucht',
  'waitlist.status.expired': 'Angebot verfallen',
  'waitlist.status.cancelled': 'Verlassen',
  'error.orphanSeat':
    'Diese Auswahl ließe einen einzelnen Platz allein frei. Nehmen Sie besser die vorgeschlagenen Plätze.',
  'error.noAdjacentSeats': 'So viele freie Plätze nebeneinander gibt es nicht.',
  'error.showtimeNotSoldOut': 'Diese Vorstellung hat noch freie Plätze: Wählen Sie sie im Saalplan.',
  'error.alreadyOnWaitlist': 'Sie stehen bereits auf der Warteliste dieser Vorstellung.',
} as const satisfies Translation<typeof waitlistEn>;
