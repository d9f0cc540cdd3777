/**
 * A first-payment code: "PY" + the 10 random digits the caller supplies + a Luhn check digit,
 * so a mistyped digit or a swap of neighbours is caught before it reaches a payment partner.
 * Throws when `digits` is not 10 digits: that is the caller's bug, not a vendor's answer.
 */
export function paymentCode(digits: string): string {
  if (!/^\d{10}$/u.test(digits)) throw new RangeError('paymentCode needs exactly 10 digits');
  return `${PREFIX}${digits}${luhnCheckDigit(digits)}`;
}

/** Whether a typed code is well formed: case, spaces and dashes are forgiven ("py 1234-5678 901"). */
export function isValidPaymentCode(text: string): boolean {
  const code = text.toUpperCase().replace(/[\s-]/gu, '');
  const m = /^PY(\d{10})(\d)$/u.exec(code);
  return m !== null && luhnCheckDigit(m[1] ?? '') === Number(m[2]);
}

const PREFIX = 'PY';

function luhnCheckDigit(digits: string): number {
  let sum = 0;
  // From the right, every other digit starting with the rightmost is doubled.
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}
