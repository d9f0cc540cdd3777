/** How a bad environment value appears in an error message without leaking a secret. */
import type { Echo } from './env-schema.ts';

export function echoValue(raw: string | undefined, echo: Echo): string {
  if (raw === undefined) return 'nothing';
  if (echo === 'length') return `a value of ${raw.length} characters`;
  if (echo === 'url') return JSON.stringify(withoutPassword(raw));
  return JSON.stringify(raw);
}

function withoutPassword(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    // Unparsable: the password may sit anywhere; keep only what precedes a possible userinfo.
    return raw.replace(/\/\/[^@/]*@/, '//***@');
  }
}
