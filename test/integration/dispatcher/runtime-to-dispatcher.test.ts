import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src/runtime/dispatcher.ts';
import { openTestApp } from '../../helpers/runtime-app.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';
import { fakeSender, outboxRows } from './fake-sender.ts';

describe('from the runtime to the vendor', () => {
  const database = useTestDatabase();

  it('sends a Telegram vendor the replies the runtime queued, in order, a second apart, with the window open', async () => {
    const { app, clock } = await openTestApp(database());
    const receivedAt = clock();
    const texts = ['halo', 'ya', 'Citra Dewi'];
    const replies: string[] = [];
    for (const [i, text] of texts.entries()) {
      const outcome = await app.runtime.handle({ channel: 'telegram', externalId: `u-${i}`, from: '777', text, kind: 'text', receivedAt });
      replies.push(...outcome.replies.map((r) => r.text));
    }
    expect(replies.length).toBeGreaterThan(texts.length);
    const sender = fakeSender('telegram', clock);
    const dispatcher = createDispatcher({ db: database().db, senders: [sender], clock });
    for (let tick = 0; tick < replies.length * 10; tick++) {
      await dispatcher.runOnce();
      clock.advance(100);
    }
    expect(sender.calls.map((c) => c.message.payload.text)).toEqual(replies);
    expect(sender.calls.every((c) => c.message.address === '777' && c.message.kind === 'reply')).toBe(true);
    expect(sender.calls.every((c) => c.message.lastInboundAt?.getTime() === receivedAt.getTime())).toBe(true);
    // Telegram's default pace: one message a second to a chat.
    expect(sender.calls.map((c) => c.at - receivedAt.getTime())).toEqual(replies.map((_, i) => i * 1_000));
    expect((await outboxRows(database().db)).every((r) => r.status === 'sent')).toBe(true);
  });
});
