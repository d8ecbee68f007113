// The shapes of the public API under the names the app uses, all taken from the types generated
// from docs/openapi.json (schema.d.ts, `npm run web-api-types`): none is written by hand here.
import type { paths } from './schema.d.ts';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Success<R> = R extends { 200: infer A } ? A : R extends { 201: infer A } ? A : never;

/** The JSON answer of a successful call. */
export type Answer<P extends keyof paths, M extends Method> = paths[P][M] extends { responses: infer R }
  ? JsonOf<Success<R>>
  : never;
/** The JSON body a call sends. */
export type Body<P extends keyof paths, M extends Method> = paths[P][M] extends { requestBody?: infer B }
  ? JsonOf<NonNullable<B>>
  : never;
/** The query parameters a call takes. */
export type Query<P extends keyof paths, M extends Method> = paths[P][M] extends { parameters: { query?: infer Q } }
  ? NonNullable<Q>
  : never;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type User = Answer<'/api/v1/me', 'get'>;
export type Role = User['role'];
export type Session = Answer<'/api/v1/auth/sessions', 'get'>['items'][number];

export type Movie = Answer<'/api/v1/movies/{id}', 'get'>;
export type ImageVariant = NonNullable<Movie['poster']>['variants'][number];
export type MovieInput = Body<'/api/v1/movies/{id}', 'patch'>;
export type PersonSummary = Answer<'/api/v1/people', 'get'>['items'][number];
export type Person = Answer<'/api/v1/people/{id}', 'get'>;
export type City = Answer<'/api/v1/cities', 'get'>[number];
export type Cinema = Answer<'/api/v1/cinemas/{id}', 'get'>;
export type Hall = Answer<'/api/v1/halls/{id}', 'get'>;
export type HallLayout = Body<'/api/v1/cinemas/{id}/halls', 'post'>['layout'];
export type LayoutRow = HallLayout['rows'][number];
export type LayoutSeat = LayoutRow['seats'][number];
export type SeatType = LayoutSeat['type'];
export type Showtime = Answer<'/api/v1/showtimes/{id}', 'get'>;
export type Prices = Body<'/api/v1/showtimes', 'post'>['prices'];

export type SeatMap = Answer<'/api/v1/showtimes/{id}/seats', 'get'>;
export type Seat = SeatMap['seats'][number];
export type SeatStatus = Seat['status'];

export type Booking = Answer<'/api/v1/bookings/{id}', 'get'>;
export type BookingStatus = Booking['status'];
export type Money = Booking['total'];
export type Ticket = Answer<'/api/v1/bookings/{id}/tickets', 'get'>[number];
export type Payment = Answer<'/api/v1/bookings/{id}/payments', 'post'>['payment'];

export type TicketType = Answer<'/api/v1/cinemas/{id}/ticket-types', 'get'>['items'][number];
/** Price per ticket type code × seat type, in the showtime's (or cinema's) currency's minor units. */
export type TicketPrices = Showtime['ticketPrices'];
