/**
 * Calendar dates cross the API as "yyyy-mm-dd" and live in DATE columns, which the database
 * driver hands over as midnight UTC: these two convert between them without a time zone shift.
 */
export const dateOf = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
export const isoOf = (d: Date): string => d.toISOString().slice(0, 10);
