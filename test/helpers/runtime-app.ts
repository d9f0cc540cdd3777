import { openApp, type App } from '../../src/app.ts';
import type { InboundMessage } from '../../src/runtime/ports/index.ts';
import { manualClock } from '../../src/lib/clock.ts';
import type { Database } from '../../src/store/database.ts';

export const TEST_SECRET = 'test-secret-that-is-at-least-32-characters-long';

/** Payung on a test database with the repository's flows, a manual clock and counted ids. */
export async function openTestApp(database: Database, options: { flowsDir?: string; localesDir?: string; at?: Date } = {}) {
  const clock = manualClock(options.at ?? new Date('2026-11-25T03:00:00Z'));
  let digits = 0;
  const app = await openApp({
    database,
    secret: TEST_SECRET,
    flowsDir: options.flowsDir ?? 'flows',
    localesDir: options.localesDir ?? 'locales',
    language: 'id',
    clock,
    randomDigits: (n) => String(++digits).padStart(n, '0'),
  });
  return { app, clock, ...vendorHelpers(app) };
}

let sequence = 0;

export function vendorHelpers(app: App) {
  /** One simulator message; returns the reply texts joined as the vendor reads them. */
  async function say(from: string, text: string, externalId = `m-${++sequence}`): Promise<string> {
    const message: InboundMessage = { channel: 'simulator', externalId, from, text, kind: 'text', receivedAt: new Date('2026-11-25T03:00:00Z') };
    const outcome = await app.runtime.handle(message);
    return outcome.replies.map((r) => r.text).join('\n---\n');
  }
  return { say };
}
