import { invalid, type InputType } from './input-type.ts';

/**
 * The reference of a payment the vendor says they made: a transaction number from a receipt or
 * an app ("TRX 8812 3341", "BRI-20261201-0042"). It must carry a digit, so "sudah" or "kemarin"
 * typed by mistake is asked again instead of filed as a claim. Kept as typed, spaces tidied.
 */
export const paymentReferenceInput: InputType = {
  name: 'payment_reference',
  errors: ['referensi.invalid', 'referensi.panjang'],
  parse({ text }) {
    const value = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
    if (value.length > 60) return invalid('referensi.panjang', { max: 60 });
    if (value.length < 4 || !/\d/u.test(value)) return invalid('referensi.invalid');
    return { kind: 'answer', value, display: value };
  },
};
