import { describe, expect, it } from 'vitest';
import { isValidPaymentCode, paymentCode } from '../../../src/domain/payment-code.ts';

describe('paymentCode', () => {
  it('adds PY and a Luhn check digit', () => {
    // Luhn of 7992739871 is 3 (the classic example 79927398713).
    expect(paymentCode('7992739871')).toBe('PY79927398713');
    expect(paymentCode('0000000000')).toBe('PY00000000000');
    expect(paymentCode('1234567890')).toBe('PY12345678903');
  });

  it('refuses anything but exactly 10 digits: that is a caller bug', () => {
    for (const bad of ['123456789', '12345678901', '12345abcde', '', '１２３４５６７８９０']) {
      expect(() => paymentCode(bad)).toThrow(RangeError);
    }
  });
});

describe('isValidPaymentCode', () => {
  it('accepts codes as typed, with case, spaces and dashes forgiven', () => {
    expect(isValidPaymentCode('PY79927398713')).toBe(true);
    expect(isValidPaymentCode('py79927398713')).toBe(true);
    expect(isValidPaymentCode('PY 7992 7398 713')).toBe(true);
    expect(isValidPaymentCode('PY-79927398713')).toBe(true);
  });

  it('catches one wrong digit and a swap of neighbours', () => {
    expect(isValidPaymentCode('PY79927398714')).toBe(false);
    expect(isValidPaymentCode('PY79927398813')).toBe(false);
    expect(isValidPaymentCode('PY97927398713')).toBe(false);
  });

  it('checks every single-digit change of some code', () => {
    const code = paymentCode('3141592653');
    for (let i = 2; i < code.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === code[i]) continue;
        expect(isValidPaymentCode(code.slice(0, i) + d + code.slice(i + 1))).toBe(false);
      }
    }
  });

  it('refuses other shapes', () => {
    for (const bad of ['', 'PY', '79927398713', 'XY79927398713', 'PY7992739871', 'PY799273987130', 'P'.repeat(10_000)]) {
      expect(isValidPaymentCode(bad)).toBe(false);
    }
  });
});
