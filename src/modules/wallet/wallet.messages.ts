// The words on a wallet pass (Apple's field labels, Google's text module) in English, German and
// French (issue 20): a pass speaks its ticket owner's language, as the PDF ticket does.
import { defineMessages } from '../../platform/i18n.ts';

const en = {
  description: 'Cinema ticket: {title}',
  movie: 'Movie',
  starts: 'Starts',
  hall: 'Hall',
  row: 'Row',
  seat: 'Seat',
  cinema: 'Cinema',
  booking: 'Booking',
};

export const walletMessages = defineMessages('wallet', en, {
  de: {
    description: 'Kinoticket: {title}',
    movie: 'Film',
    starts: 'Beginn',
    hall: 'Saal',
    row: 'Reihe',
    seat: 'Platz',
    cinema: 'Kino',
    booking: 'Buchung',
  },
  fr: {
    description: 'Billet de cinéma : {title}',
    movie: 'Film',
    starts: 'Début',
    hall: 'Salle',
    row: 'Rang',
    seat: 'Place',
    cinema: 'Cinéma',
    booking: 'Réservation',
  },
});
