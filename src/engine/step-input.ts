import type { Json } from './json.ts';

/** Stickers, photos, voice notes, locations… get a polite text and change nothing. */
export type MessageKind = 'text' | 'sticker' | 'image' | 'voice' | 'location' | 'contact' | 'other';

/** What moves a conversation: a vendor's message, or the result of an effect the flow ran. */
export type StepInput =
  | { readonly type: 'message'; readonly kind: MessageKind; readonly text?: string }
  | { readonly type: 'result'; readonly effect: string; readonly ok: boolean; readonly value?: Json; readonly error?: string };
