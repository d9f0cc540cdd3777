import type { EffectBuilder } from './effect-builder.ts';

/** The effect behind `cek iuran` / `status` anywhere; its result fills the `{akun.*}` texts. */
export const STATUS_QUERY = 'cekIuran';

/**
 * The member's ledger as the vendor should see it: `cek iuran` anywhere, and the menu's first
 * option. Result value (all dates 'YYYY-MM-DD' on the vendor's calendar, months 'YYYY-MM'):
 * { nama, status: 'pending'|'active'|'grace'|'lapsed', waitingForSponsor, firstMonth?, paidThrough?, payBy?,
 *   since?, next: { amount (still owed), total, dueDate, code, startMonth, months } | null,
 *   lastPayment: { amount, date } | null, credit (over-paid, Rupiah), owed (Rupiah still owed on
 *   every bill that can be paid), owedBills (how many), reminders: boolean }.
 * Error `not_member` when this contact has not registered.
 */
export const cekIuran: EffectBuilder = {
  name: STATUS_QUERY,
  requires: [],
  errors: ['not_member'],
  build: () => ({}),
};

/**
 * "Sudah bayar": keeps the vendor's payment reference as a claim for an admin or agent to check
 * (it marks nothing paid). Result value: { reference }. Error `not_member`.
 */
export const recordClaim: EffectBuilder = {
  name: 'recordClaim',
  requires: ['referensi'],
  errors: ['not_member'],
  build: (context) => ({ reference: context.answers['referensi'] ?? '' }),
};

/**
 * "Ganti periode": the months paid at once from the next bill on (the open bill stays as it is).
 * Result value: { months, startMonth, amount, dueDate } of the next bill at the new period.
 * Errors `not_member`, `same_period` (value { months }).
 */
export const changePeriod: EffectBuilder = {
  name: 'changePeriod',
  requires: ['periode'],
  errors: ['not_member', 'same_period'],
  build: (context) => ({ months: Number(context.answers['periode'] ?? 0) }),
};

/** "Berhenti": no more reminders or campaigns to this chat (replies still go). Error `not_member`. */
export const stopReminders: EffectBuilder = {
  name: 'stopReminders',
  requires: [],
  errors: ['not_member'],
  build: () => ({}),
};

/** "Mulai": reminders again after "berhenti". Result value: { wasStopped: boolean }. */
export const resumeReminders: EffectBuilder = {
  name: 'resumeReminders',
  requires: [],
  errors: ['not_member'],
  build: () => ({}),
};

/**
 * "Bayar sendiri": a vendor who asked for help with the contribution (pendanaan = bantuan) pays
 * themselves from now on, and their first bill is issued: the member's period from the first
 * contribution month as of today. Result value: { amount, dueDate, code, startMonth, months }.
 * Errors `not_member`, `already_paying` (they pay themselves already, or have a bill).
 */
export const payOwnContribution: EffectBuilder = {
  name: 'payOwnContribution',
  requires: [],
  errors: ['not_member', 'already_paying'],
  build: () => ({}),
};
