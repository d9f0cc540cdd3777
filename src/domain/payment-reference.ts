/**
 * A payment's external reference as stored and compared. Partners, bank exports and admins write
 * the same reference as "trx-001", "TRX-001" or "TRX 001"; stored verbatim they were three
 * payments. Every path that records a payment (webhook, import, mark-paid, a confirmed claim)
 * goes through this one function, so one reference is one payment whatever its spelling.
 * Dashes and other punctuation are kept: "TRX-1" and "TRX1" may be two real references.
 */
export function normalizeReference(text: string): string {
  // Zero-width characters count as spaces: they arrive from copy-paste and are never meant.
  return text.normalize('NFC').replace(/[\s\u200B-\u200D\u2060\uFEFF]+/gu, '').toUpperCase();
}
