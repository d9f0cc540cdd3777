/**
 * What one engine step costs: restore the snapshot, parse the answer, transition, render the
 * replies, persist. DESIGN.md budgets ~70 µs for XState's part; the database commit dominates.
 */
import { fakeWorld, PureChat, repositoryFlows } from '../test/helpers/pure-chat.ts';
import type { CompiledFlow } from '../src/engine/compile-flow.ts';
import { step } from '../src/engine/step.ts';
import { median, report } from './stats.ts';

const NOW = new Date('2026-11-25T03:00:00Z');

export async function benchEngineStep(): Promise<void> {
  const flow = (await repositoryFlows()).flows.get('pendaftaran') as CompiledFlow;
  const chat = new PureChat(flow, fakeWorld(), NOW);
  for (const answer of ['halo', 'ya', 'Siti Aminah', '3174015708850001', '17-08-1985', 'lewati', 'jawa barat']) chat.say(answer);
  const atRegency = JSON.parse(JSON.stringify(chat.snapshot));
  const inputs = ['kota bandung', 'kab bogor', 'bandunh', 'gotham'];
  const rounds: number[] = [];
  for (let r = 0; r < 7; r++) {
    const n = 2_000;
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) step(flow, atRegency, { type: 'message', kind: 'text', text: inputs[i % inputs.length] as string }, NOW);
    rounds.push(Number(process.hrtime.bigint() - start) / 1_000 / n);
  }
  report('engine step (regency question, 4 answers incl. fuzzy and invalid)', `${median(rounds).toFixed(1)} µs/step median of ${rounds.length} rounds × 2,000`);
}
