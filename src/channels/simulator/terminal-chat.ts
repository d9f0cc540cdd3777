import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { MessageHandler, OutboxReader } from '../../runtime/ports/index.ts';
import { renderReplyForTerminal } from './render.ts';
import { simToInbound } from './to-inbound.ts';
import { systemClock } from '../../lib/clock.ts';

export interface TerminalChatOptions {
  readonly handler: MessageHandler;
  readonly outbox: OutboxReader;
  /** The simulator contact id this terminal speaks as (`payung chat --contact budi`). */
  readonly contact: string;
  readonly input: Readable;
  readonly output: Writable;
  /** Interactive prompt when true; one message per input line, no prompt, when false. */
  readonly isTTY: boolean;
  readonly newExternalId: () => string;
  readonly now?: () => Date;
}

const QUIT = '/keluar';

/**
 * Chat with Payung from a terminal as one simulator contact. Interactive on a TTY ("Anda> "
 * prompt, `/keluar` or Ctrl-D quits); otherwise every input line — empty ones included — is one
 * vendor message until the input ends (or a `/keluar` line), so a conversation can be scripted:
 * `printf 'halo\nya\n' | payung chat --contact budi`.
 * Messages are handled strictly one after another. Resolves when the input ends; when not
 * interactive, a failed message rejects (the rest of a script would make no sense without it).
 */
export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  const { input, output, isTTY } = options;
  const lines = isTTY
    ? createInterface({ input, output, terminal: true, prompt: 'Anda> ' })
    : createInterface({ input, terminal: false, crlfDelay: Infinity });
  // Take the iterator before the first await: readline drops lines emitted before it exists.
  const incoming = lines[Symbol.asyncIterator]();
  try {
    if (isTTY) await greet(lines, options);
    for await (const line of { [Symbol.asyncIterator]: () => incoming }) {
      if (line.trim() === QUIT) break;
      await sendLine(line, options);
      if (isTTY) lines.prompt();
    }
  } finally {
    lines.close();
  }
}

async function greet(lines: Interface, options: TerminalChatOptions): Promise<void> {
  // Ctrl-C leaves like Ctrl-D instead of leaving a paused prompt behind.
  lines.on('SIGINT', () => lines.close());
  options.output.write(`Payung — simulator chat (kontak: ${options.contact}). Ketik ${QUIT} untuk berhenti.\n`);
  await printQueued(options);
  lines.prompt();
}

async function sendLine(text: string, options: TerminalChatOptions): Promise<void> {
  const message = simToInbound({ contact: options.contact, id: options.newExternalId(), text }, (options.now ?? systemClock)());
  try {
    await options.handler.handle(message);
    await printQueued(options);
  } catch (error) {
    if (!options.isTTY) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    options.output.write(`(Maaf, ada gangguan: ${reason}. Pesan belum terkirim — coba ketik lagi.)\n`);
  }
}

async function printQueued(options: TerminalChatOptions): Promise<void> {
  const replies = await options.outbox.takeFor('simulator', options.contact);
  for (const reply of replies) options.output.write(`${renderReplyForTerminal(reply)}\n`);
}
