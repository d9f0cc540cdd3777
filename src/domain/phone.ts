import { foldText } from './normalize-text.ts';
import { fail, ok, type Parsed } from './parsed.ts';

/**
 * Turns a typed Indonesian mobile number into E.164 (+628…): "0812-3456-7890", "+62 812 3456
 * 7890", "62812…", "812…". Mobile numbers are 8[1-35-9] and 9–12 digits after +62
 * (libphonenumber's pattern). Errors: phone.invalid, phone.not_mobile (a landline or a
 * prefix no mobile operator uses).
 */
export function normalizePhone(text: string): Parsed<string> {
  const compact = foldText(text).replace(/[\s\-‐-―−.()/]/gu, '');
  if (compact.length === 0 || compact.length > 20) return fail('phone.invalid');
  const digits = withCountryCode(compact);
  if (digits === null) return fail('phone.invalid');
  if (MOBILE.test(digits)) return ok(`+${digits}`);
  // A mobile prefix with too few or too many digits is a typo; any other prefix is a landline.
  if (/^628[1-35-9]/u.test(digits)) return fail('phone.invalid');
  if (/^62\d{7,12}$/u.test(digits)) return fail('phone.not_mobile');
  return fail('phone.invalid');
}

/** "6281234567890@c.us" (whatsapp-web.js) → "+6281234567890"; group ids are phone.invalid. */
export function whatsappIdToE164(id: string): Parsed<string> {
  const m = /^(\d+)@(?:c\.us|s\.whatsapp\.net)$/u.exec(id.trim());
  if (!m) return fail('phone.invalid');
  return normalizePhone(`+${m[1]}`);
}

const MOBILE = /^628[1-35-9]\d{7,10}$/u;

function withCountryCode(compact: string): string | null {
  if (/^\+62\d+$/u.test(compact)) return compact.slice(1);
  if (/^0062\d+$/u.test(compact)) return compact.slice(2);
  if (/^62\d+$/u.test(compact)) return compact;
  if (/^0\d+$/u.test(compact)) return `62${compact.slice(1)}`;
  if (/^8\d+$/u.test(compact)) return `62${compact}`;
  return null;
}
