import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runTerminalChat } from '../../../src/channels/simulator/terminal-chat.ts';
import type { MessageHandler } from '../../../src/runtime/ports/index.ts';
import { createFakeRuntime } from './fake-runtime.ts';

function collector() {
  let text = '';
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { output, text: () => text };
}

function chat(input: Readable, isTTY: boolean, runtime = createFakeRuntime()) {
  const out = collector();
  let n = 0;
  const done = runTerminalChat({
    ...runtime,
    contact: 'budi',
    input,
    output: out.output,
    isTTY,
    newExternalId: () => `t-${++n}`,
  });
  return { done, runtime, text: out.text };
}

describe('terminal chat, scripted (not a TTY)', () => {
  it('sends one message per line, empty lines too, and prints each reply', async () => {
    const { done, runtime, text } = chat(Readable.from(['halo\n\nya']), false);
    await done;
    expect(runtime.received.map((m) => [m.externalId, m.from, m.text, m.kind])).toEqual([
      ['t-1', 'budi', 'halo', 'text'],
      ['t-2', 'budi', '', 'text'],
      ['t-3', 'budi', 'ya', 'text'],
    ]);
    expect(text()).toBe(
      [
        'Payung> Anda menulis: halo', '  1. Ya', '  2. Tidak',
        'Payung> Anda menulis:', '  1. Ya', '  2. Tidak',
        'Payung> Anda menulis: ya', '  1. Ya', '  2. Tidak',
        '',
      ].join('\n'),
    );
  });

  it('reads CRLF lines and stops at /keluar', async () => {
    const { done, runtime } = chat(Readable.from(['halo\r\n/keluar\r\nnanti\r\n']), false);
    await done;
    expect(runtime.received.map((m) => m.text)).toEqual(['halo']);
  });

  it('handles messages strictly one after another', async () => {
    const runtime = createFakeRuntime();
    let running = 0;
    let most = 0;
    const slow: MessageHandler = {
      async handle(message) {
        most = Math.max(most, ++running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        return runtime.handler.handle(message);
      },
    };
    const { done } = chat(Readable.from(['a\nb\nc\nd\n']), false, { ...runtime, handler: slow });
    await done;
    expect(most).toBe(1);
    expect(runtime.received.map((m) => m.text)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('fails the script when a message fails', async () => {
    const runtime = createFakeRuntime();
    runtime.failNext(1);
    const { done } = chat(Readable.from(['halo\nya\n']), false, runtime);
    await expect(done).rejects.toThrow('fake database is down');
    expect(runtime.received).toHaveLength(1);
  });
});

describe('terminal chat, interactive (TTY)', () => {
  it('prompts, prints replies with numbered choices and quits on /keluar', async () => {
    const input = new PassThrough();
    const runtime = createFakeRuntime();
    runtime.queue('budi', { text: 'Pengingat: iuran jatuh tempo besok.' });
    const { done, text } = chat(input, true, runtime);
    input.write('halo\n');
    input.write('/keluar\n');
    await done;
    const shown = text();
    expect(shown).toContain('kontak: budi');
    expect(shown).toContain('Payung> Pengingat: iuran jatuh tempo besok.');
    expect(shown).toContain('Anda> ');
    expect(shown).toContain('Payung> Anda menulis: halo\n  1. Ya\n  2. Tidak\n');
    expect(runtime.received.map((m) => m.text)).toEqual(['halo']);
  });

  it('quits when the input ends (Ctrl-D)', async () => {
    const input = new PassThrough();
    const { done, runtime } = chat(input, true);
    input.end('halo\n');
    await done;
    expect(runtime.received.map((m) => m.text)).toEqual(['halo']);
  });

  it('reports a failed message and keeps going', async () => {
    const input = new PassThrough();
    const runtime = createFakeRuntime();
    runtime.failNext(1);
    const { done, text } = chat(input, true, runtime);
    input.end('halo\nhalo lagi\n');
    await done;
    expect(text()).toContain('Maaf, ada gangguan: fake database is down');
    expect(text()).toContain('Payung> Anda menulis: halo lagi');
  });
});
