/**
 * A failed query's parameters are what a vendor typed: they never reach a log line, the
 * terminal or the console, on either database. drizzle writes them into its error's message
 * ("params: …") and a `params` field; PostgreSQL adds them to `detail` and quotes bad values.
 */
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { describeFailure } from '../../../src/cli/describe-failure.ts';
import { consoleChannelLogger } from '../../../src/lib/channel-logger.ts';
import { createLogger } from '../../../src/lib/logger.ts';
import { isBadDataError } from '../../../src/lib/query-error.ts';
import { contacts, inboundMessages } from '../../../src/store/schema.ts';
import { useTestDatabase } from '../../helpers/test-db.ts';

const database = useTestDatabase();
const VENDOR_TEXT = 'ibu saya Sri Wahyuni 3174015708850001';

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('the query did not fail');
}

function logLines(error: unknown): string {
  const lines: string[] = [];
  const destination = new Writable({ write(chunk: Buffer, _e, done) { lines.push(chunk.toString('utf8')); done(); } });
  const logger = createLogger('info', { destination });
  logger.error({ err: error }, 'handling a message failed');
  logger.error(error as Error);
  return lines.join('');
}

function consoleLines(error: unknown): string {
  const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    consoleChannelLogger('test').error({ err: error }, 'failed');
    // What console.error would print of an error: its own fields, message, stack and cause.
    const shown = (_key: string, value: unknown) => (value instanceof Error ? { ...value, message: value.message, stack: value.stack, cause: value.cause } : value);
    return spy.mock.calls.map((call) => JSON.stringify(call, shown)).join('\n');
  } finally {
    spy.mockRestore();
  }
}

describe('a failing query in the logs', () => {
  it('a unique violation: the log, the terminal and the console name the query, not the values', async () => {
    const db = database().db;
    const [contact] = await db.insert(contacts).values({ channel: 'simulator', address: 'budi' }).returning();
    const row = { channel: 'simulator', externalId: 'm1', contactId: contact!.id, kind: 'text', text: VENDOR_TEXT, receivedAt: new Date() };
    await db.insert(inboundMessages).values(row);
    // The same id again without ON CONFLICT: a unique violation whose detail holds the values.
    const error = await failure(() => db.insert(inboundMessages).values(row));
    expect(String((error as Error).message)).toContain('Sri Wahyuni');

    for (const [where, text] of [['pino', logLines(error)], ['terminal', describeFailure(error)], ['console', consoleLines(error)]] as const) {
      expect(text, where).toContain('insert into');
      expect(text, where).toContain('inbound_messages_channel_external_id_unique');
      expect(text, where).not.toContain('Sri Wahyuni');
      expect(text, where).not.toContain('3174015708850001');
      expect(text, where).not.toContain('params');
    }
  });

  it('a value PostgreSQL cannot take: not logged, and known as the data\'s fault (no endless retry)', async () => {
    const error = await failure(() => database().db.execute(sql`select ${VENDOR_TEXT}::int`));
    expect(isBadDataError(error)).toBe(true);
    expect(logLines(error)).not.toContain('Sri Wahyuni');
    expect(describeFailure(error)).not.toContain('Sri Wahyuni');
  });
});
