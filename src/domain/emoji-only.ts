/**
 * True for a message made only of emoji ("👍", "🙏🙏", "👍🏽", "🇮🇩"): a reaction, not an answer.
 * It is read like a sticker, so "👍" never becomes a "yes" nor a malformed NIK. A keycap ("1️⃣")
 * keeps its digit and is not emoji-only; a message with any letter or digit is text.
 */
export function isEmojiOnly(text: string): boolean {
  const rest = text.replace(EMOJI_PARTS, '');
  return rest.trim() === '' && PICTOGRAPH.test(text);
}

// Pictographs, skin tones, flags (regional indicators), joiners and variation selectors.
const EMOJI_PARTS = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200d|\ufe0e|\ufe0f/gu;
const PICTOGRAPH = /[\p{Extended_Pictographic}\p{Regional_Indicator}]/u;
