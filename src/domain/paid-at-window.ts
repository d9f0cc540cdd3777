/**
 * The dates a payment may carry. A `paid_at` in year 0001 or 9999 is a partner's or a file's
 * mistake, never a payment: it would date months wrongly and show "1 Januari 2001". Payung did
 * not exist before 2015 (BPU contributions in their current form start with PP 44/2015), and a
 * payment cannot be made in the future; one day of slack allows for clocks and time zones.
 */
export const EARLIEST_PAID_AT = new Date('2015-01-01T00:00:00+07:00');
export const FUTURE_SLACK_MS = 86_400_000;
const WIB_MS = 7 * 3_600_000;

/** Why `paidAt` is not a date a payment can have, or null when it is fine. `now` is the injected clock. */
export function paidAtProblem(paidAt: Date, now: Date): string | null {
  if (Number.isNaN(paidAt.getTime())) return 'is not a date';
  const latest = new Date(now.getTime() + FUTURE_SLACK_MS);
  if (paidAt >= EARLIEST_PAID_AT && paidAt <= latest) return null;
  // In WIB, as the admin's file or the partner wrote it: "0001-01-01 00:00 WIB", not the UTC instant.
  const shown = `${new Date(paidAt.getTime() + WIB_MS).toISOString().slice(0, 16).replace('T', ' ')} WIB`;
  const when = paidAt < EARLIEST_PAID_AT ? 'is before 2015-01-01' : `is more than a day after now (${now.toISOString()})`;
  return `${shown} ${when}: a payment date must be between 2015-01-01 and one day from now`;
}
