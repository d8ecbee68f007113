// The customer's words for issue 18's waiting room, in English; part of `en` (messages-en.ts), so
// German must have every key (messages-waiting-de.ts).
import type { Message } from './catalog.ts';

export const waitingEn = {
  'waiting.title': 'Waiting room',
  'waiting.intro':
    'This showtime is in high demand. Everyone who arrives before sales open gets a random place when they open; later arrivals queue in order.',
  'waiting.opensAt': 'Sales open {time}.',
  'waiting.join': 'Take my place',
  'waiting.email': 'Your email address',
  'waiting.emailHint': 'Without an account you wait under this address; use the same one at checkout.',
  'waiting.beforeDraw': 'You are in. Your place is drawn when sales open.',
  'waiting.position': 'Your place in line: {position}',
  'waiting.ahead': { one: 'One person ahead of you.', other: '{count} people ahead of you.' },
  'waiting.estimate': 'Estimated wait: about {minutes} min.',
  'waiting.estimateSoon': 'Estimated wait: less than a minute.',
  'waiting.paused': 'Admissions are paused for a moment. You keep your place.',
  'waiting.admitted': 'It is your turn! Choose your seats before {time}.',
  'waiting.toSeats': 'Choose seats',
  'waiting.expired': 'Your turn has passed. Ask at the box office if you still need tickets.',
  'waiting.live': 'This page updates by itself; keep it open.',
  'error.waitingRoomRequired': 'This showtime sells through its waiting room. Take your place first.',
  'error.waitingRoomDeviceInUse': 'This device already waits in line for someone else.',
} as const satisfies Record<string, Message>;
