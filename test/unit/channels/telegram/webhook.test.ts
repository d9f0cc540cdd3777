import type { Update } from 'telegraf/types';
import { describe, expect, it } from 'vitest';
import { createTelegramWebhook, SECRET_HEADER } from '../../../../src/channels/telegram/webhook.ts';

const SECRET = 'webhook-secret_0123456789';

function setup(handle: (update: Update) => Promise<void> = async () => {}) {
  const seen: Update[] = [];
  const webhook = createTelegramWebhook(SECRET, async (update) => {
    seen.push(update);
    await handle(update);
  });
  const post = (body: string, headers: Record<string, string> = { [SECRET_HEADER]: SECRET }) =>
    webhook(new Request('http://localhost/telegram', { method: 'POST', body, headers }));
  return { webhook, post, seen };
}

describe('createTelegramWebhook', () => {
  it('hands an update with the right secret to the handler and answers 200', async () => {
    const { post, seen } = setup();
    expect((await post('{"update_id":5}')).status).toBe(200);
    expect(seen).toEqual([{ update_id: 5 }]);
  });

  it.each([
    ['a wrong secret', { [SECRET_HEADER]: 'guess' }],
    ['no secret', {} as Record<string, string>],
    ['the secret with something after it', { [SECRET_HEADER]: `${SECRET}x` }],
  ])('answers 401 to %s and handles nothing', async (_, headers) => {
    const { post, seen } = setup();
    expect((await post('{"update_id":5}', headers)).status).toBe(401);
    expect(seen).toEqual([]);
  });

  it.each(['{"update_id":', 'null', '[]', '{"message":{}}', '{"update_id":"5"}'])('answers 400 to the malformed body %s', async (body) => {
    const { post, seen } = setup();
    expect((await post(body)).status).toBe(400);
    expect(seen).toEqual([]);
  });

  it('answers 500 when handling failed, so Telegram delivers again', async () => {
    const { post } = setup(() => Promise.reject(new Error('database down')));
    expect((await post('{"update_id":5}')).status).toBe(500);
  });

  it('answers 405 to anything but POST', async () => {
    const { webhook } = setup();
    expect((await webhook(new Request('http://localhost/telegram', { headers: { [SECRET_HEADER]: SECRET } }))).status).toBe(405);
  });
});
