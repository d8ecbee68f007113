// The shapes of the public API (../shared/API.md) as the app uses them.

export interface Money {
  amount: number;
  currency: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type Role = 'customer' | 'staff' | 'admin';

export interface User {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  role: Role;
  emailVerified: boolean;
  createdAt: string;
}

export interface Session {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  ip: string | null;
  current: boolean;
}

export interface MoviePerson {
  personId: string;
  name: string;
  role: string;
}

export interface ImageVariant {
  width: number;
  format: string;
  url: string;
}

export interface Movie {
  id: string;
  title: string;
  originalTitle: string | null;
  synopsis: string;
  durationMinutes: number;
  ageRating: string | null;
  genres: string[];
  language: string | null;
  countries: string[];
  releaseDate: string | null;
  posterUrl: string | null;
  backdropUrl: string | null;
  /** Resized copies, when the server offers them (for srcset). */
  poster?: { variants?: ImageVariant[] } | null;
  cast: string[];
  director: string | null;
  people?: MoviePerson[];
}

export interface PersonSummary {
  id: string;
  name: string;
  photoUrl: string | null;
}

export interface Person {
  id: string;
  name: string;
  photoUrl: string | null;
  bio: string;
  movies: { movieId: string; title: string; role: string }[];
}

export interface City {
  city: string;
  cinemaCount: number;
}

export interface Cinema {
  id: string;
  name: string;
  city: string;
  address: string;
  timezone: string;
}

export interface Hall {
  id: string;
  cinemaId: string;
  name: string;
  capacity: number;
}

export type SeatType = 'standard' | 'vip' | 'accessible' | 'companion' | 'blocked';
export type SeatStatus = 'available' | 'held' | 'sold' | 'blocked';

export interface Showtime {
  id: string;
  movieId: string;
  hallId: string;
  cinemaId: string;
  startsAt: string;
  endsAt: string;
  format: string;
  language: string | null;
  subtitles: string | null;
  /** Per seat type, minor units (the currency alongside) or Money. */
  prices: Record<string, number | Money>;
  currency?: string;
  status: 'scheduled' | 'cancelled' | string;
  seatsAvailable: number;
}

export interface Seat {
  id: string;
  row: string;
  number: number;
  type: SeatType;
  x: number;
  y: number;
  status: SeatStatus;
  price: Money | number | null;
}

export interface SeatMap {
  showtimeId: string;
  hallId: string;
  seats: Seat[];
  currency?: string;
}

export interface BookedSeat {
  seatId: string;
  row: string;
  number: number;
  type: SeatType;
  price: Money | number;
}

export type BookingStatus = 'held' | 'confirmed' | 'refunded' | 'expired' | 'cancelled';

export interface Ticket {
  id: string;
  seat: { seatId?: string; id?: string; row: string; number: number; type?: SeatType } | string;
  code: string;
  status: 'valid' | 'used' | 'void';
  checkedInAt: string | null;
}

export interface Refund {
  id?: string;
  amount: Money | number;
  status?: string;
  ticketIds?: string[];
  createdAt?: string;
}

export interface Booking {
  id: string;
  status: BookingStatus;
  showtimeId: string;
  seats: BookedSeat[];
  total: Money;
  expiresAt: string;
  createdAt?: string;
  tickets?: Ticket[];
  refunds?: Refund[];
  /** Present when the server offers it: what cancelling now would give back. */
  refundPreview?: { amount: Money | number; percent?: number } | null;
  [extra: string]: unknown;
}

export interface Payment {
  id: string;
  status: string;
  amount: Money;
}
