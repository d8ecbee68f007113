// Holding the chosen seats for checkout: the call, and what each refusal means to the customer.
// Seats someone else took meanwhile are marked taken on the map (the selection then drops them).
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { bookings as bookingApi } from '../api/endpoints.ts';
import { ApiError } from '../api/http.ts';
import { keys } from '../api/queries.ts';
import type { Seat } from '../api/types.ts';
import { saveSelection, saveTicketTypes } from './selection.ts';
import type { SeatNotice } from './use-selection.ts';

export interface Hold {
  holding: boolean;
  /** Holds `seats`, each as the ticket type at the same place in `ticketTypes` (none: the default type). */
  hold(seats: Seat[], ticketTypes?: string[]): Promise<void>;
}

export function useHold(
  showtimeId: string,
  options: {
    signedIn: boolean;
    markTaken(seatIds: string[]): void;
    reload(): void;
    onNotice(notice: SeatNotice | null): void;
    errorText(err: unknown): string;
  },
): Hold {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [holding, setHolding] = useState(false);

  async function hold(seats: Seat[], ticketTypes?: string[]) {
    if (seats.length === 0 || holding) return;
    if (!options.signedIn) {
      // Kept for guest checkout, which the sign-in page offers: the guest pays for these types.
      saveTicketTypes(showtimeId, ticketTypes ? Object.fromEntries(seats.map((s, i) => [s.id, ticketTypes[i]!])) : {});
      void navigate({ to: '/login', search: { next: `/showtimes/${showtimeId}` } });
      return;
    }
    setHolding(true);
    options.onNotice(null);
    try {
      const booking = await bookingApi.hold(
        showtimeId,
        ticketTypes ? seats.map((s, i) => ({ seatId: s.id, ticketType: ticketTypes[i]! })) : seats.map((s) => s.id),
      );
      client.setQueryData(keys.booking(booking.id), booking);
      void client.invalidateQueries({ queryKey: keys.bookings() });
      saveSelection(showtimeId, []);
      saveTicketTypes(showtimeId, {});
      void navigate({ to: '/bookings/$id/checkout', params: { id: booking.id } });
    } catch (err) {
      setHolding(false);
      if (err instanceof ApiError && err.code === 'seats_unavailable') {
        options.markTaken(err.problem.seatIds ?? []);
        options.reload();
      } else {
        options.onNotice({ tone: 'error', text: options.errorText(err) });
      }
    }
  }
  return { holding, hold };
}
