// Filled in by the notifications module: one entry per table it owns.
export interface NotificationsTables {}
