// Loaders of the pages that are not in the first page's code; called early where the next step is
// likely (a showtime on screen means the seat picker is probably next).
export const loadSeatPicker = () => import('../seats/SeatPickerPage.tsx');
export const loadCheckout = () => import('../checkout/CheckoutPage.tsx');
export const loadBookingPage = () => import('../bookings/BookingPage.tsx');
export const loadBookingsPage = () => import('../bookings/BookingsPage.tsx');
export const loadAccount = () => import('../account/pages.ts');
export const loadGuestCheckout = () => import('../guest/GuestCheckoutPage.tsx');
export const loadGuestBooking = () => import('../guest/GuestBookingPage.tsx');
export const loadGiftCards = () => import('../giftcards/GiftCardsPage.tsx');
export const loadWaitingRoom = () => import('../waiting-room/WaitingRoomPage.tsx');

/** Fetches a page's code when the browser is idle, so the click that needs it waits less. */
export function preloadWhenIdle(load: () => Promise<unknown>): void {
  const run = () => void load().catch(() => undefined);
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 3000 });
  else setTimeout(run, 1000);
}
