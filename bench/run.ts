/** `npm run bench`: speed figures measured in one run (the machine is shared: compare ratios). */
import { benchEngineStep } from './engine-step.bench.ts';
import { benchReminderRound } from './reminder-round.bench.ts';
import { benchRuntimeMessages } from './runtime-messages.bench.ts';

const only = process.argv[2];
const benches: Record<string, () => Promise<void>> = { 'engine-step': benchEngineStep, 'runtime-messages': benchRuntimeMessages, 'reminder-round': benchReminderRound };
for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) continue;
  await run();
}
