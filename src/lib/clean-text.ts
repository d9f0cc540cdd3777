/**
 * Text from outside (a chat message, a webhook field) made safe to store and read, once, at the
 * edge. PostgreSQL refuses NUL in text and jsonb, so one "ya\u0000" used to fail its transaction
 * on every redelivery; zero-width and direction marks hide inside NIKs and names; a phone keyboard
 * may send full-width digits ("３１７４"). What a vendor meant survives: letters, emoji, newlines.
 *
 * cleanText("ya\u0000") → "ya"; cleanText("３１７４\u200b０１") → "317401"; cleanText("e\u0301") → "é"
 */
export function cleanText(text: string): string {
  return text
    // A lone surrogate (a cut emoji) cannot be encoded as UTF-8: make it U+FFFD first.
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(INVISIBLE, '')
    .normalize('NFC')
    // Full-width ASCII (U+FF01–FF5E) is the same character in another width; NFKC folds it.
    // Only that block: NFKC on all text would also turn "²" into "2" and "ﬁ" into "fi".
    .replace(FULL_WIDTH, (ch) => ch.normalize('NFKC'))
    .replace(/\u3000/gu, ' ');
}

/**
 * Control characters except tab, newline and carriage return; format characters (zero-width
 * space/joiners, direction marks, soft hyphen, BOM); noncharacters. A ZWJ inside an emoji
 * sequence is kept, so "👩‍🍳" stays one picture.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB\uFDD0-\uFDEF\uFFFE\uFFFF]|(?<![\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F])\u200D|\u200D(?!\p{Extended_Pictographic})/gu;

// Without the u flag a regex sees UTF-16 code units, so it can find a half of a pair alone.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const FULL_WIDTH = /[\uFF01-\uFF5E]/gu;

/**
 * Every string inside a parsed JSON value cleaned (keys too), for webhook bodies: the fields are
 * read by name later, and a NUL in any of them would fail the insert of the raw body.
 */
export function cleanJson(value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanJson);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [cleanText(key), cleanJson(v)]));
  }
  return value;
}
