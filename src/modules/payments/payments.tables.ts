// Filled in by the payments module: one entry per table it owns.
export interface PaymentsTables {}
