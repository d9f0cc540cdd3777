import type { CliCommand } from '../cli-command.ts';
import { parseCommandLine } from '../parse-or-usage-error.ts';
import { UsageError } from '../usage-error.ts';

const DEFAULT_CONTACT = 'terminal';

/** `payung chat`: talk to Payung from the terminal as one simulator contact. */
export const chatCommand: CliCommand = {
  name: 'chat',
  summary: 'Chat with Payung in this terminal, as a vendor would',
  help: `Usage: payung chat [--contact ID]

Chat with Payung in this terminal, as a vendor would on WhatsApp, with no
account needed. In a terminal: type after the "Anda>" prompt; the bot answers
after "Payung>", with choices as a numbered list. Type /keluar or press Ctrl-D
to quit.
With piped input: every line is one message (an empty line is an empty
message) and the replies are printed, so a conversation can be scripted.

Options:
  --contact ID   Who you talk as (default: ${DEFAULT_CONTACT}). The same ID continues the
                 same conversation; a new ID starts as a new vendor.
  -h, --help     Show this help

Examples:
  payung chat
  payung chat --contact budi
  printf 'halo\\nya\\n' | payung chat --contact budi
`,
  async run(args, deps) {
    const { values } = parseCommandLine(args, { contact: { type: 'string' } }, false);
    const contact = values.contact ?? DEFAULT_CONTACT;
    if (contact.trim() === '') throw new UsageError('--contact needs an ID, for example --contact budi.');
    await deps.chat({ contact });
    return 0;
  },
};
