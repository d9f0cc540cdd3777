import { describe, expect, it } from 'vitest';
import { createTelegramChannel } from '../../../../src/channels/telegram/channel.ts';
import { ConfigError } from '../../../../src/lib/errors.ts';

const handler = { handle: async () => ({ duplicate: false, replies: [] }) };

describe('createTelegramChannel options', () => {
  it.each([null, undefined, '', '  '])('refuses a missing token (%j), naming TELEGRAM_BOT_TOKEN', (token) => {
    expect(() => createTelegramChannel({ token, handler, mode: 'polling' })).toThrow(/TELEGRAM_BOT_TOKEN: is not set/);
  });

  it('refuses a token of the wrong shape without echoing it', () => {
    const attempt = () => createTelegramChannel({ token: 'not-a-token-secret', handler, mode: 'polling' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/TELEGRAM_BOT_TOKEN: does not look like a bot token/);
    expect(attempt).not.toThrow(/not-a-token-secret/);
  });

  it('refuses webhook mode without a usable secret, naming TELEGRAM_WEBHOOK_SECRET', () => {
    expect(() => createTelegramChannel({ token: '1:abc', handler, mode: 'webhook' })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
    expect(() => createTelegramChannel({ token: '1:abc', handler, mode: 'webhook', webhookSecret: 'has spaces' })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
  });

  it('offers a webhook handler only in webhook mode', () => {
    expect(createTelegramChannel({ token: '1:abc', handler, mode: 'polling' }).webhookCallback).toBeUndefined();
    expect(createTelegramChannel({ token: '1:abc', handler, mode: 'webhook', webhookSecret: 's3cret' }).webhookCallback).toBeTypeOf('function');
  });
});
