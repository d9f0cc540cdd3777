/** A channel-neutral reply: Telegram renders choices as a keyboard, WhatsApp as numbered text. */
export interface Reply {
  readonly text: string;
  readonly choices?: readonly string[];
}
