// Filled in by the tickets module: one entry per table it owns.
export interface TicketsTables {}
