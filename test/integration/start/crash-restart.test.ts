/**
 * kill -9 while replies are being sent: after a restart the chat is answered within seconds (not
 * after a 5-minute lease) and every reply reaches the vendor once. A real `payung start` on the
 * embedded database, Telegram through the emulator behind a proxy that holds sendMessage, so the
 * process dies with its sends in flight (a send cut off with the process never reaches the chat).
 */
import { mkdtemp } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, spawnPayung } from '../../helpers/payung-process.ts';
import { startTelegramEmulator, waitFor } from '../../helpers/telegram-emulator.ts';

/** Forwards Bot API calls to the emulator; while `hold` is set, sendMessage calls wait (and are dropped if their caller dies). */
async function startHoldingProxy(target: string) {
  const state = { hold: true, held: 0, forwardedSends: 0 };
  const server = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const isSend = (req.url ?? '').endsWith('/sendMessage');
      if (isSend && state.hold) {
        state.held += 1;
        let gone = false;
        res.once('close', () => { gone = true; });
        while (state.hold && !gone) await new Promise((resolve) => setTimeout(resolve, 20));
        if (gone) return;
      }
      const headers: Record<string, string> = {};
      if (req.headers['content-type']) headers['content-type'] = req.headers['content-type'];
      const answer = await fetch(`${target}${req.url ?? ''}`, { method: req.method ?? 'GET', headers, ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}) });
      const text = await answer.text();
      if (isSend) state.forwardedSends += 1;
      // The emulator answers an empty getUpdates at once; the real API waits. Keep the bot from spinning.
      if ((req.url ?? '').endsWith('/getUpdates') && text.includes('"result":[]')) await new Promise((resolve) => setTimeout(resolve, 200));
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(text);
    })().catch(() => res.destroy());
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { state, url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

describe.skipIf(Boolean(process.env.DATABASE_URL))('payung start killed with replies in flight', () => {
  it('answers the chats within seconds of the restart, each reply once', async () => {
    const emulator = await startTelegramEmulator();
    const proxy = await startHoldingProxy(emulator.apiRoot);
    const dataDir = await mkdtemp(join(tmpdir(), 'payung-crash-'));
    const env = { PAYUNG_DATA_DIR: dataDir, TELEGRAM_BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: proxy.url, PORT: String(await freePort()) };
    const first = spawnPayung(['start'], env);
    let second: ReturnType<typeof spawnPayung> | undefined;
    try {
      await first.waitFor(/Payung berjalan/, 120_000);
      const chats = [8101, 8102].map((chatId) => emulator.server.getClient(emulator.token, { chatId, userId: chatId, firstName: 'Siti' }));
      for (const client of chats) await client.sendMessage(client.makeMessage('halo'));
      await waitFor(() => proxy.state.held >= 2, 60_000, 'a reply of each chat in flight');
      await first.kill('SIGKILL');
      expect(proxy.state.forwardedSends).toBe(0);

      proxy.state.hold = false;
      second = spawnPayung(['start'], env);
      await second.waitFor(/Payung berjalan/, 120_000);
      const started = Date.now();
      const received = new Map<number, string[]>([[8101, []], [8102, []]]);
      await waitFor(() => {
        for (const [chatId, texts] of received) texts.push(...emulator.takeBotMessages(chatId).map((m) => String(m.text)));
        return [...received.values()].every((texts) => texts.length >= 2);
      }, 15_000, 'both chats answered after the restart');
      expect(Date.now() - started).toBeLessThan(15_000);
      // A moment more: nothing comes twice.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      for (const [chatId, texts] of received) {
        texts.push(...emulator.takeBotMessages(chatId).map((m) => String(m.text)));
        expect(texts[0]).toContain('Halo! Saya Payung');
        expect(texts[1]).toContain('Apakah Anda setuju?');
        expect(texts).toHaveLength(2);
      }
      expect(second.stdout() + second.stderr()).toContain('outbox rows left sending by a previous run are sent again now');
    } finally {
      await first.kill('SIGKILL');
      await second?.kill('SIGTERM');
      await proxy.close();
      await emulator.stop();
    }
  }, 300_000);
});
