import type { CliCommand } from '../cli-command.ts';
import type { StartOptions } from '../cli-deps.ts';
import { channelNames, type ChannelName } from '../../runtime/ports/index.ts';
import { parseCommandLine } from '../parse-or-usage-error.ts';
import { UsageError } from '../usage-error.ts';

/** The channels `payung start --channels` accepts: all of them. */
const CHANNELS: readonly ChannelName[] = channelNames;

/** `payung start`: run the service. */
export const startCommand: CliCommand = {
  name: 'start',
  summary: 'Run Payung: the runtime and the chat channels',
  help: `Usage: payung start [--channels LIST] [--port N]

Run Payung until stopped (Ctrl-C): the runtime, the reminder scheduler and
the chat channels, all sharing one database.

Options:
  --channels LIST  Channels to run, separated by commas:
                   ${CHANNELS.join(', ')}
                   (default: the channels named in the configuration)
  --port N         HTTP port to listen on, 1-65535
                   (default: from the configuration)
  -h, --help       Show this help

Examples:
  payung start
  payung start --channels simulator --port 3000
  payung start --channels telegram,whatsapp
`,
  async run(args, deps) {
    const { values } = parseCommandLine(args, { channels: { type: 'string' }, port: { type: 'string' } }, false);
    const options: StartOptions = {
      ...(values.channels === undefined ? {} : { channels: parseChannels(values.channels) }),
      ...(values.port === undefined ? {} : { port: parsePort(values.port) }),
    };
    await deps.start(options);
    return 0;
  },
};

function parseChannels(list: string): ChannelName[] {
  const names = list.split(',').map((name) => name.trim().toLowerCase());
  if (names.some((name) => name === '')) throw new UsageError(`--channels needs channel names separated by commas, got "${list}".`);
  const unknown = names.filter((name) => !(CHANNELS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new UsageError(`unknown channel "${unknown.join('", "')}" in --channels; choose from ${CHANNELS.join(', ')}.`);
  }
  return [...new Set(names as ChannelName[])];
}

function parsePort(text: string): number {
  const port = /^\d{1,5}$/.test(text.trim()) ? Number(text) : NaN;
  if (!(port >= 1 && port <= 65535)) throw new UsageError(`--port must be a whole number from 1 to 65535, got "${text}".`);
  return port;
}
