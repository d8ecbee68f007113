// Every email's words in English, German and French (issue 20). `{name}` placeholders are filled
// with the values the email is made from (times already in the cinema's zone and the reader's
// locale, money in the reader's locale); counted messages hold their plural forms.
import { defineMessages } from '../../platform/i18n.ts';

const en = {
  'layout.signature': '— Marquee box office',
  'layout.openLink': 'Or open this link: {url}',
  hello: 'Hello {name},',
  'hello.anonymous': 'Hello,',
  showing: '{title}, {when}, {cinema} ({hall})',
  seat: 'Row {row}, seat {number}',
  'receipt.number': 'Receipt {number}',
  'receipt.rate': '{rate} %: net {net}, tax {tax}, gross {gross}',
  'receipt.attached': '(attached as a PDF)',
  'confirmed.subject': 'Your tickets: {title}, {when}',
  'confirmed.intro': 'Your booking is confirmed.',
  'confirmed.pdf': 'Your tickets are attached as a PDF; show them at the door.',
  'confirmed.pdfLink': 'Your tickets are attached as a PDF.',
  'confirmed.link': 'Your booking',
  'confirmed.qrAlt': 'Ticket QR code',
  'wallet.apple': 'Add to Apple Wallet',
  'wallet.google': 'Save to Google Wallet',
  'food.text': 'Food and drink ({total}), at the counter with pickup code {code}:',
  'food.html': '{title} ({total}): show this code at the counter',
  'food.title': 'Food and drink',
  'food.qrAlt': 'Pickup QR code',
  'refund.subject': 'Refund of {money}: {title}',
  'refund.cancelled': 'These tickets for {showing} are cancelled:',
  'refund.back': '{money} is on its way back to your card.',
  'cancelled.subject': 'Cancelled: {title}, {when}',
  'cancelled.sorry': 'We are sorry: the showtime {showing} has been cancelled.',
  'cancelled.refunded': 'Your tickets are no longer valid and {money} is refunded to your card.',
  'cancelled.yourPayment': 'your payment',
  'moved.subject': 'New time: {title}, {when}',
  'moved.intro': 'The showtime of {title} you have tickets for has moved.',
  'moved.new': 'New time: {when}, {cinema} ({hall})',
  'moved.was': 'Was: {when}',
  'moved.boxOffice':
    'Your tickets stay valid for the new time. If it does not suit you, come to the box office of {cinema} before the showtime starts for a full refund.',
  'moved.online':
    'Your tickets stay valid for the new time. If it does not suit you, you can cancel your booking for a full refund until the showtime starts.',
  'moved.action': 'View or cancel your booking',
  'reversed.subject': 'Your payment was refunded: {title}',
  'reversed.released':
    'Your hold on seats for {showing} was released while your payment was going through, so we could not issue tickets.',
  'reversed.expired':
    'Your hold on seats for {showing} ran out while your payment was going through, so we could not issue tickets.',
  'reversed.refunded': 'We have refunded the full {money} to your card.',
  'waitlist.subject': 'Seats for you: {title}',
  'waitlist.offer': {
    one: 'Good news from the waiting list: a seat for {showing} came back, and we are holding it for you.',
    other: 'Good news from the waiting list: {count} seats for {showing} came back, and we are holding them for you.',
  },
  'waitlist.until': {
    one: 'It is yours if you pay by {until}; after that it goes to the next person in line.',
    other: 'They are yours if you pay by {until}; after that they go to the next person in line.',
  },
  'waitlist.action': 'Pay for your seats',
  'verify.subject': 'Confirm your email address',
  'verify.thanks': 'Thank you for creating an account. Please confirm that this email address is yours.',
  'verify.ignore': 'If you did not sign up, ignore this message.',
  'verify.action': 'Confirm my email',
  'reset.subject': 'Reset your password',
  'reset.asked':
    'Someone (hopefully you) asked to reset the password of your account. The link works once, for one hour.',
  'reset.ignore':
    'Setting a new password signs you out everywhere. If you did not ask for this, ignore this message: your password stays as it is.',
  'reset.action': 'Choose a new password',
  'alert.subject': 'Wrong passwords were tried on your account',
  'alert.tried': 'Someone has just tried to sign in to your account with a wrong password many times.',
  'alert.notLocked':
    'Your account is not locked: you can sign in as usual. Those guesses are slowed down, and they do not slow you down.',
  'alert.advice':
    'If it was not you and your password is one you also use elsewhere, or easy to guess, choose a new one.',
  'gift.subject': 'Your Marquee gift card: {money}',
  'gift.given': 'You have been given a Marquee gift card worth {money}.',
  'gift.code': 'Your code: {code}',
  'gift.use': 'Use it at checkout online or at the box office.',
  'gift.validUntil': 'It is valid until {date}.',
  'gift.secret': 'The card is attached as a PDF. Keep the code secret: whoever has it can spend it.',
  'giftSent.subject': 'Your gift card for {recipient} is on its way',
  'giftSent.body':
    'Thank you for your order. The gift card worth {money} (ending {last4}) has been emailed to {recipient} with its code.',
} as const;

export const emailMessages = defineMessages('emails', en, {
  de: {
    'layout.signature': '— Marquee Kinokasse',
    'layout.openLink': 'Oder öffnen Sie diesen Link: {url}',
    hello: 'Hallo {name},',
    'hello.anonymous': 'Hallo,',
    showing: '{title}, {when}, {cinema} ({hall})',
    seat: 'Reihe {row}, Platz {number}',
    'receipt.number': 'Beleg {number}',
    'receipt.rate': '{rate} %: netto {net}, Steuer {tax}, brutto {gross}',
    'receipt.attached': '(als PDF angehängt)',
    'confirmed.subject': 'Ihre Tickets: {title}, {when}',
    'confirmed.intro': 'Ihre Buchung ist bestätigt.',
    'confirmed.pdf': 'Ihre Tickets sind als PDF angehängt; zeigen Sie sie am Einlass vor.',
    'confirmed.pdfLink': 'Ihre Tickets sind als PDF angehängt.',
    'confirmed.link': 'Ihre Buchung',
    'confirmed.qrAlt': 'QR-Code des Tickets',
    'wallet.apple': 'Zu Apple Wallet hinzufügen',
    'wallet.google': 'In Google Wallet speichern',
    'food.text': 'Essen und Getränke ({total}), an der Theke mit dem Abholcode {code}:',
    'food.html': '{title} ({total}): zeigen Sie diesen Code an der Theke',
    'food.title': 'Essen und Getränke',
    'food.qrAlt': 'QR-Code zur Abholung',
    'refund.subject': 'Erstattung von {money}: {title}',
    'refund.cancelled': 'Diese Tickets für {showing} sind storniert:',
    'refund.back': '{money} werden Ihrer Karte gutgeschrieben.',
    'cancelled.subject': 'Abgesagt: {title}, {when}',
    'cancelled.sorry': 'Es tut uns leid: Die Vorstellung {showing} wurde abgesagt.',
    'cancelled.refunded': 'Ihre Tickets sind nicht mehr gültig, und {money} wird Ihrer Karte erstattet.',
    'cancelled.yourPayment': 'Ihre Zahlung',
    'moved.subject': 'Neue Zeit: {title}, {when}',
    'moved.intro': 'Die Vorstellung von {title}, für die Sie Tickets haben, wurde verlegt.',
    'moved.new': 'Neue Zeit: {when}, {cinema} ({hall})',
    'moved.was': 'Bisher: {when}',
    'moved.boxOffice':
      'Ihre Tickets gelten für die neue Zeit. Passt sie Ihnen nicht, erhalten Sie an der Kinokasse von {cinema} bis zum Beginn der Vorstellung den vollen Betrag zurück.',
    'moved.online':
      'Ihre Tickets gelten für die neue Zeit. Passt sie Ihnen nicht, können Sie Ihre Buchung bis zum Beginn der Vorstellung gegen volle Erstattung stornieren.',
    'moved.action': 'Buchung ansehen oder stornieren',
    'reversed.subject': 'Ihre Zahlung wurde erstattet: {title}',
    'reversed.released':
      'Ihre Reservierung für {showing} wurde freigegeben, während Ihre Zahlung lief; deshalb konnten wir keine Tickets ausstellen.',
    'reversed.expired':
      'Ihre Reservierung für {showing} ist abgelaufen, während Ihre Zahlung lief; deshalb konnten wir keine Tickets ausstellen.',
    'reversed.refunded': 'Wir haben Ihrer Karte die vollen {money} erstattet.',
    'waitlist.subject': 'Plätze für Sie: {title}',
    'waitlist.offer': {
      one: 'Gute Nachricht von der Warteliste: Ein Platz für {showing} ist frei geworden, und wir halten ihn für Sie.',
      other:
        'Gute Nachricht von der Warteliste: {count} Plätze für {showing} sind frei geworden, und wir halten sie für Sie.',
    },
    'waitlist.until': {
      one: 'Er gehört Ihnen, wenn Sie bis {until} bezahlen; danach geht er an die nächste Person auf der Liste.',
      other: 'Sie gehören Ihnen, wenn Sie bis {until} bezahlen; danach gehen sie an die nächste Person auf der Liste.',
    },
    'waitlist.action': 'Plätze bezahlen',
    'verify.subject': 'Bestätigen Sie Ihre E-Mail-Adresse',
    'verify.thanks':
      'Danke, dass Sie ein Konto angelegt haben. Bitte bestätigen Sie, dass diese E-Mail-Adresse Ihnen gehört.',
    'verify.ignore': 'Wenn Sie sich nicht angemeldet haben, ignorieren Sie diese Nachricht.',
    'verify.action': 'E-Mail-Adresse bestätigen',
    'reset.subject': 'Passwort zurücksetzen',
    'reset.asked':
      'Jemand (hoffentlich Sie) möchte das Passwort Ihres Kontos zurücksetzen. Der Link funktioniert einmal, eine Stunde lang.',
    'reset.ignore':
      'Ein neues Passwort meldet Sie überall ab. Wenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht: Ihr Passwort bleibt, wie es ist.',
    'reset.action': 'Neues Passwort wählen',
    'alert.subject': 'Bei Ihrem Konto wurden falsche Passwörter versucht',
    'alert.tried': 'Eben hat jemand viele Male versucht, sich mit einem falschen Passwort bei Ihrem Konto anzumelden.',
    'alert.notLocked':
      'Ihr Konto ist nicht gesperrt: Sie können sich wie gewohnt anmelden. Diese Versuche werden gebremst, Sie selbst nicht.',
    'alert.advice':
      'Wenn Sie es nicht waren und Ihr Passwort auch anderswo nutzen oder es leicht zu erraten ist, wählen Sie ein neues.',
    'gift.subject': 'Ihr Marquee-Gutschein: {money}',
    'gift.given': 'Sie haben einen Marquee-Gutschein über {money} geschenkt bekommen.',
    'gift.code': 'Ihr Code: {code}',
    'gift.use': 'Lösen Sie ihn online an der Kasse oder an der Kinokasse ein.',
    'gift.validUntil': 'Er gilt bis zum {date}.',
    'gift.secret': 'Der Gutschein ist als PDF angehängt. Halten Sie den Code geheim: Wer ihn hat, kann ihn einlösen.',
    'giftSent.subject': 'Ihr Gutschein für {recipient} ist unterwegs',
    'giftSent.body':
      'Danke für Ihre Bestellung. Der Gutschein über {money} (endet auf {last4}) wurde mit seinem Code an {recipient} gesendet.',
  },
  fr: {
    'layout.signature': '— Billetterie Marquee',
    'layout.openLink': 'Ou ouvrez ce lien : {url}',
    hello: 'Bonjour {name},',
    'hello.anonymous': 'Bonjour,',
    showing: '{title}, {when}, {cinema} ({hall})',
    seat: 'Rang {row}, place {number}',
    'receipt.number': 'Reçu {number}',
    'receipt.rate': '{rate} % : HT {net}, TVA {tax}, TTC {gross}',
    'receipt.attached': '(en pièce jointe au format PDF)',
    'confirmed.subject': 'Vos billets : {title}, {when}',
    'confirmed.intro': 'Votre réservation est confirmée.',
    'confirmed.pdf': "Vos billets sont joints en PDF ; présentez-les à l'entrée.",
    'confirmed.pdfLink': 'Vos billets sont joints en PDF.',
    'confirmed.link': 'Votre réservation',
    'confirmed.qrAlt': 'QR code du billet',
    'wallet.apple': 'Ajouter à Apple Wallet',
    'wallet.google': 'Enregistrer dans Google Wallet',
    'food.text': 'Boissons et snacks ({total}), au comptoir avec le code de retrait {code} :',
    'food.html': '{title} ({total}) : présentez ce code au comptoir',
    'food.title': 'Boissons et snacks',
    'food.qrAlt': 'QR code de retrait',
    'refund.subject': 'Remboursement de {money} : {title}',
    'refund.cancelled': 'Ces billets pour {showing} sont annulés :',
    'refund.back': '{money} vous sont remboursés sur votre carte.',
    'cancelled.subject': 'Annulée : {title}, {when}',
    'cancelled.sorry': 'Nous sommes désolés : la séance {showing} a été annulée.',
    'cancelled.refunded': 'Vos billets ne sont plus valables et {money} vous est remboursé sur votre carte.',
    'cancelled.yourPayment': 'votre paiement',
    'moved.subject': 'Nouvel horaire : {title}, {when}',
    'moved.intro': 'La séance de {title} pour laquelle vous avez des billets a été déplacée.',
    'moved.new': 'Nouvel horaire : {when}, {cinema} ({hall})',
    'moved.was': 'Ancien horaire : {when}',
    'moved.boxOffice':
      "Vos billets restent valables pour le nouvel horaire. S'il ne vous convient pas, passez à la caisse de {cinema} avant le début de la séance pour un remboursement intégral.",
    'moved.online':
      "Vos billets restent valables pour le nouvel horaire. S'il ne vous convient pas, vous pouvez annuler votre réservation avec remboursement intégral jusqu'au début de la séance.",
    'moved.action': 'Voir ou annuler votre réservation',
    'reversed.subject': 'Votre paiement a été remboursé : {title}',
    'reversed.released':
      "Vos places pour {showing} ont été libérées pendant votre paiement ; nous n'avons donc pas pu émettre de billets.",
    'reversed.expired':
      "Votre réservation de places pour {showing} a expiré pendant votre paiement ; nous n'avons donc pas pu émettre de billets.",
    'reversed.refunded': "Nous avons remboursé l'intégralité des {money} sur votre carte.",
    'waitlist.subject': 'Des places pour vous : {title}',
    'waitlist.offer': {
      one: "Bonne nouvelle de la liste d'attente : une place pour {showing} s'est libérée, et nous vous la réservons.",
      other:
        "Bonne nouvelle de la liste d'attente : {count} places pour {showing} se sont libérées, et nous vous les réservons.",
    },
    'waitlist.until': {
      one: 'Elle est à vous si vous payez avant {until} ; ensuite, elle passe à la personne suivante.',
      other: 'Elles sont à vous si vous payez avant {until} ; ensuite, elles passent à la personne suivante.',
    },
    'waitlist.action': 'Payer vos places',
    'verify.subject': 'Confirmez votre adresse e-mail',
    'verify.thanks': "Merci d'avoir créé un compte. Veuillez confirmer que cette adresse e-mail est bien la vôtre.",
    'verify.ignore': 'Si vous ne vous êtes pas inscrit, ignorez ce message.',
    'verify.action': 'Confirmer mon adresse',
    'reset.subject': 'Réinitialisez votre mot de passe',
    'reset.asked':
      "Quelqu'un (vous, espérons-le) a demandé à réinitialiser le mot de passe de votre compte. Le lien fonctionne une fois, pendant une heure.",
    'reset.ignore':
      "Un nouveau mot de passe vous déconnecte partout. Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.",
    'reset.action': 'Choisir un nouveau mot de passe',
    'alert.subject': 'Des mots de passe erronés ont été essayés sur votre compte',
    'alert.tried':
      "Quelqu'un vient d'essayer de nombreuses fois de se connecter à votre compte avec un mauvais mot de passe.",
    'alert.notLocked':
      "Votre compte n'est pas bloqué : vous pouvez vous connecter comme d'habitude. Ces tentatives sont ralenties, pas vous.",
    'alert.advice':
      "Si ce n'était pas vous et que votre mot de passe sert ailleurs ou est facile à deviner, choisissez-en un nouveau.",
    'gift.subject': 'Votre carte cadeau Marquee : {money}',
    'gift.given': "On vous a offert une carte cadeau Marquee d'une valeur de {money}.",
    'gift.code': 'Votre code : {code}',
    'gift.use': 'Utilisez-la lors du paiement en ligne ou à la caisse.',
    'gift.validUntil': "Elle est valable jusqu'au {date}.",
    'gift.secret': 'La carte est jointe en PDF. Gardez le code secret : quiconque le possède peut le dépenser.',
    'giftSent.subject': 'Votre carte cadeau pour {recipient} est en route',
    'giftSent.body':
      "Merci pour votre commande. La carte cadeau d'une valeur de {money} (se terminant par {last4}) a été envoyée à {recipient} avec son code.",
  },
});

export type EmailKey = Parameters<typeof emailMessages.t>[1];
