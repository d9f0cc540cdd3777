/**
 * A channel-neutral reply. Its choices are numbered on every channel, in the order given:
 * Telegram buttons read "1. Ya", WhatsApp shows "1. Ya" as text, a list row or a reply button,
 * the terminal prints "  1. Ya". A number typed means the option shown with that number, and a
 * tapped button ("1. Ya") is read as that option (see `untappedChoice`).
 */
export interface Reply {
  readonly text: string;
  readonly choices?: readonly string[];
}

/** How option `index` (0-based) is shown: "1. Ya". Every channel uses this one form. */
export function numberedChoice(choice: string, index: number): string {
  return `${index + 1}. ${choice}`;
}

/**
 * The option a tapped numbered button stands for: "2. Tidak" with choices [Ya, Tidak] is
 * "Tidak". Only an exact "N. <choice N>" is read so: "17. 08. 1985" or "1. pasar" typed by hand
 * is left as typed. Returns the text unchanged otherwise.
 */
export function untappedChoice(text: string, choices: readonly string[] | undefined): string {
  const tapped = /^\s*(\d{1,3})\.\s+([\s\S]+?)\s*$/u.exec(text);
  if (!tapped || !choices) return text;
  const choice = choices[Number(tapped[1]) - 1];
  return choice !== undefined && fold(choice) === fold(tapped[2] ?? '') ? choice : text;
}

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}
