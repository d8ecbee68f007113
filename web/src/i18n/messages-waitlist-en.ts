// The customer's words for issue 18's waiting list and best available seats, in English; part of
// `en` (messages-en.ts), so German must have every key (messages-waitlist-de.ts).
import type { Message } from './catalog.ts';

export const waitlistEn = {
  'best.count': 'Seats together',
  'best.find': 'Best available',
  'best.found': {
    one: 'We picked the best seat for you.',
    other: 'We picked the best {count} seats together for you.',
  },
  'waitlist.soldOut': 'This showtime is sold out.',
  'waitlist.intro': 'Join the waiting list: when seats come back, we hold them for you and tell you by email.',
  'waitlist.seats': 'Seats wanted',
  'waitlist.email': 'Your email address',
  'waitlist.join': 'Join the waiting list',
  'waitlist.joined': 'You are on the waiting list, number {position} in line.',
  'waitlist.title': 'Waiting lists',
  'waitlist.waiting': {
    one: 'Waiting for 1 seat · number {position} in line',
    other: 'Waiting for {count} seats · number {position} in line',
  },
  'waitlist.offered': 'Seats are held for you until {time}.',
  'waitlist.pay': 'Pay for your seats',
  'waitlist.leave': 'Leave the waiting list',
  'waitlist.leaveFor': 'Leave the waiting list for {movie}',
  'waitlist.offeredGuest': 'Seats are held for you until {time}: the email we sent you has the link to pay.',
  'waitlist.left': 'You left the waiting list.',
  'waitlist.status.claimed': 'Booked',
  'waitlist.status.expired': 'Offer lapsed',
  'waitlist.status.cancelled': 'Left',
  'error.orphanSeat': 'These seats would leave a single empty seat on its own. Try the suggested seats instead.',
  'error.noAdjacentSeats': 'There are not that many free seats next to each other.',
  'error.showtimeNotSoldOut': 'This showtime still has free seats: choose them on the map.',
  'error.alreadyOnWaitlist': 'You are already on the waiting list of this showtime.',
} as const satisfies Record<string, Message>;
